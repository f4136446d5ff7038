"""The answer chain as langchain Runnables: query analysis → retrieval → ranking → answer → citation verification.

`Assistant` loads the index and models once and answers any number of questions.
"""
from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property
from itertools import combinations, product

from langchain_core.runnables import Runnable, RunnableLambda

from corpus.citations import fitted
from corpus.keyfacts import fact_found
from corpus.labels import ko_article, label
from corpus.manifest import load_missing
from corpus.model import LAW_KINDS, Unit
from corpus.settings import Settings
from ingest.store import IndexStore
from ingest.sync import answer_versions

from corpus.knowledge import CID_MARK, PHRASING_FILE, knowledge

from assistant.abstain import Decision, decide, foreign_names, names_korea
from assistant.added import added_words, later_part
from assistant.answer import Draft, Extractive, cite_marks
from assistant.asked import OTHER, YESNO, QuestionReader, related
from assistant.changes import wording_change
from assistant.compose import Composer, Lead, marked_ids, strip_marks, unrepeated_notes
from assistant.facts import FactReader, Facts, FactValue, normalise
from assistant.guidance import GuidanceQuotes
from assistant.lookup import page_units
from assistant.pages import PageReader, SentenceReader, key_parts
from assistant.query import analyze, question_date
from assistant.reason import Reasoner
from assistant.records import MAX_QUESTION_CHARS, Answer, Candidate, DutyOut, Query, Retrieval, SourceOut
from assistant.retrieve import Retriever
from assistant.situation import SituationReader
from assistant.verify import MARKER, verify

log = logging.getLogger("kaia.assistant")
MIN_SOURCES = 10
ADDED_DEPTH = 3  # the retrieved provisions whose wording history a dated question is compared with
ADDENDA_DEPTH = 8  # the retrieved addenda whose named provisions it is compared with as well
MAX_SECTIONS = 2  # guideline passages quoted from the sections on what an answer rests on
MAX_SETTLED = 2  # open facts the situation reader may settle together (each named in the answer)
SETTLE_DEPTH = 5  # of the open facts the situation reader may settle, the first ones it tries
PAGE_LAW_DEPTH = 3  # without a verdict, the retrieved provisions the page reader's page may be quoted beside
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # undecodable bytes smuggled in as lone surrogates


# Why an answer is declined, as (English, Korean) sentences; "weak-match" is the general case.
ABSTENTION: dict[str, tuple[str, str]] = {
    "unknown-provision": ("The corpus has no provision {detail}.", "자료에 {detail}에 해당하는 조항이 없습니다."),
    "not-in-force": ("{detail} is not in force on {as_of}.", "{detail}은(는) {as_of} 현재 시행 중인 조항이 아닙니다."),
    "missing-document": ("The corpus does not include {detail}, so it cannot answer this.",
                         "{detail}은(는) 이 자료에 포함되어 있지 않아 답할 수 없습니다."),
    "foreign": ("This corpus covers only Korea's AI Basic Act and the rules under it; it says nothing about {detail}.",
                "이 자료는 한국 인공지능기본법과 그 하위 규정만 다루며 {detail}에 관한 내용은 없습니다."),
    "no-record": ("The corpus holds the texts of the law, not a record of how it has been applied (fines imposed, "
                  "cases, rulings), so it cannot say what has happened.",
                  "이 자료는 법령의 조문을 담고 있을 뿐 실제 적용 사례(과태료 부과, 처분, 판례)의 기록은 없어 무엇이 있었는지 답할 수 "
                  "없습니다."),
    "off-topic": ("This question does not seem to be about Korea's AI Basic Act or the rules under it, which are all "
                  "kaia answers from. Ask, for example: \"Do I have to tell users that my chatbot is AI?\"",
                  "이 질문은 kaia가 답하는 자료(한국 인공지능기본법과 그 하위 규정)에 관한 것이 아닌 것 같습니다. 예를 들어 "
                  "\"챗봇이 AI라는 사실을 이용자에게 알려야 하나요?\"처럼 물어보세요."),
    "advice": ("kaia answers what Korea's AI Basic Act and the rules under it say; it does not give business or technical "
               "advice, and the corpus has nothing on this.",
               "kaia는 인공지능기본법과 그 하위 규정의 내용만 답하며 사업상ㆍ기술적 조언은 하지 않습니다. 자료에 이에 관한 내용이 "
               "없습니다."),
    "other-statute": ("This asks what {detail} requires. The corpus holds Korea's AI Basic Act and the rules under it, "
                      "which refer to other statutes but do not set out their rules.",
                      "{detail}이(가) 무엇을 요구하는지에 관한 질문입니다. 이 자료는 인공지능기본법과 그 하위 규정만 담고 있어, 다른 "
                      "법률을 언급할 뿐 그 내용은 다루지 않습니다."),
    "not-regulated": ("{detail}", "{detail}"),
    "weak-match": ("I could not find an answer in the corpus (the AI Basic Act, its Enforcement Decree, MSIT Notice "
                   "No. 2026-50, MSIT's guidelines, the draft decree's surviving articles and the commentary).",
                   "이 질문에 답하는 내용을 자료(인공지능기본법, 시행령, 과학기술정보통신부 고시 제2026-50호, 과학기술정보통신부 "
                   "가이드라인, 시행령 초안의 남은 조문, 해설 자료)에서 찾지 못했습니다."),
}


# Beside a verdict the map decides from the question's own figures, where a document on how they are counted is missing.
MISSING_BESIDE = ("The corpus does not include {detail}; this answer takes the figures as you state them.",
                  "이 자료에는 {detail}이(가) 포함되어 있지 않아, 말씀하신 수치를 그대로 전제로 답합니다.")


# Decisions a statement of what the regime does not do may replace: an answer, or a decline for a weak match.
NOT_SCOPE = {"ok", "citation", "weak-match", "no-candidates", "not-yet-in-force"}


class BadQuestionError(ValueError):
    """The question cannot be answered as given (empty, too long, control characters)."""


def check_question(question: str) -> str:
    """The question, trimmed; BadQuestionError with a plain message if it is not acceptable."""
    if question is None or not question.strip():
        raise BadQuestionError("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadQuestionError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}")
    if _CONTROL.search(question):
        raise BadQuestionError("the question contains control characters; type it as plain text")
    if _SURROGATE.search(question):
        raise BadQuestionError("the question is not valid text (undecodable characters)")
    return unicodedata.normalize("NFC", question.strip())


class Assistant:
    """Answers questions over one open index."""

    def __init__(self, settings: Settings | None = None, store: IndexStore | None = None) -> None:
        self.settings = settings or Settings()
        self.store = store or IndexStore.open(self.settings)
        self.retriever = Retriever(self.store)
        self.extractive = Extractive(self.store)
        self.missing = load_missing(self.settings.manifest)
        k = knowledge()
        self.facts = FactReader(k, embed=self._embed_clauses, embed_examples=self._embed_examples)
        self.questions = QuestionReader(k)
        self.reasoner = Reasoner(k)
        if self.settings.guidance_reader:
            self.extractive.salience = lambda texts: self.sentences.weighed(texts)
        self.guidance = GuidanceQuotes(self.store, self.extractive)
        self.composer = Composer(k, self.reasoner, revised=self._revised(k), quote=self.guidance.quote)
        self.chain: Runnable = (
            RunnableLambda(self._analyze, name="analyze")
            | RunnableLambda(self._retrieve, name="retrieve")
            | RunnableLambda(self._reason, name="reason")
            | RunnableLambda(self._answer, name="answer")
            | RunnableLambda(self._verify, name="verify")
        )

    @cached_property
    def situations(self) -> SituationReader | None:
        """The learned situation reader, loaded at its first use (scikit-learn and the model add about a second to a
        cold start, which a question the map decides need not pay); None where the settings turn it off."""
        if not self.settings.situation_reader:
            return None
        # (the reader learns verdicts as if asked the plain way: it needs this reader's sense of "the other way
        # round", and is trained again when the phrasing rules behind it change)
        today = date.today().isoformat()
        rules = hashlib.sha256(PHRASING_FILE.read_bytes()).hexdigest()[:16]
        return SituationReader(self.settings.models_dir, turned=lambda q: self.questions.read(q, [], today).inverted,
                               turned_by=f"turned by phrasing {rules}")

    @cached_property
    def pages(self) -> PageReader | None:
        """The learned page reader (which page of a guideline section to quote), loaded at its first use; None where
        the settings turn the guidance readers off."""
        return PageReader(self.settings.models_dir) if self.settings.guidance_reader else None

    @cached_property
    def sentences(self) -> SentenceReader | None:
        """The learned sentence reader (which sentences of a guideline passage to quote), loaded at its first use."""
        if not self.settings.guidance_reader:
            return None
        return SentenceReader(self.settings.models_dir, self._cited_sentences, fact_found, self.store.generation)

    def _cited_sentences(self, gold: dict) -> list[str]:
        """The quotable sentences of a guideline page (or unpaged passage) a question file cites."""
        units = self._guideline_units(gold.get("doc"), gold.get("page"), gold.get("article"))
        return [s.text for u in units for s in self.extractive.guidance_sentences(u)]

    def _guideline_units(self, doc: str, page: int | None, passage: str | None) -> list[Unit]:
        """The passages of a guideline's printed page, or its unpaged passage (a page key's parts)."""
        return page_units(self.store, doc, page) if page is not None else self.store.find(f"{doc}:{passage}")

    def _preferred_page(self, question: str) -> Callable[[dict[str, Unit]], set[str]] | None:
        """The page reader's choice among a section's passages for this question (None where it is off)."""
        reader = self.pages
        return None if reader is None else (lambda units: reader.preferred(question, units))

    def _embed_clauses(self, texts: list[str]):  # noqa: ANN202 - an array of unit vectors
        import numpy as np

        emb = self.store.embeddings
        return np.stack([emb.query_vector(t) for t in texts])

    def _embed_examples(self, texts: list[str]):  # noqa: ANN202 - an array of unit vectors
        return self.store.embeddings.query_vectors(texts)

    def warm_up(self) -> None:
        """Load the embedding model, the Korean analyser and both indexes now, in parallel (cold start is mostly
        loading: torch and the model on one side, kiwipiepy and Chroma on the other)."""
        from concurrent.futures import ThreadPoolExecutor

        from ingest.tokenize import tokenize

        def lexical_side() -> None:
            tokenize("준비 warm up")
            _ = self.store.idf
            self.store.lexical(["인공"], 1)

        with ThreadPoolExecutor(2) as pool:
            side = pool.submit(lexical_side)
            vec = self.store.embeddings.query_vector("warm up")
            side.result()
        self.store.dense(vec, 1)

    # ------------------------------------------------------------------ stages

    def _revised(self, k) -> frozenset[str]:  # noqa: ANN001 - Knowledge
        """The provisions a duty rests on whose wording differs between the versions indexed (Act Art. 35(1) gained
        AI-vulnerable groups on 2026-07-21): whether "it" is in force on a date is then the quoted text's to say."""
        out = set()
        for d in k.duties.values():
            for cid in d.rests_on:
                if len({u.text for u in self.store.find(cid) if u.lang == "ko"}) > 1:
                    out.add(cid)
        return frozenset(out)

    def _analyze(self, q: Query) -> dict:
        t0 = time.perf_counter()
        a = analyze(q)
        a.citations = fitted(a.citations, lambda cid: bool(self.store.find(cid)))
        return {"analysis": a, "t0": t0, "mode": q.mode}

    def _retrieve(self, state: dict) -> dict:
        state["retrieval"] = self.retriever.run(state["analysis"])
        state["t_retrieved"] = time.perf_counter()
        return state

    def _reason(self, state: dict) -> dict:
        """What the question asks of the duty map, and the lead that answers it (None: the map has nothing)."""
        r: Retrieval = state["retrieval"]
        a = r.analysis
        asked = self.questions.read(a.query.question, [c.cid for c in r.candidates], a.query.as_of)
        if asked.kind == "not_covered" and not self._answers_itself(asked) and \
                self._answered_by_its_provision(asked.subject, r):
            asked.kind = asked.subject = ""  # "is the official liable under Art. 16(4)?" is answered by Art. 16(4)
        # (the closing question's words that name the duty restate it: "does the deepfake rule apply?")
        state["facts"] = facts = self.facts.read(a.query.question, use_examples=False,
                                                 naming=self.questions.naming(asked))
        lead = self.composer.lead(asked, facts, a.lang, a.query.as_of)
        dated = asked.form == YESNO and question_date(a.query.question) is not None
        addenda = [c.cid for c in r.candidates[:ADDENDA_DEPTH] if ":addenda" in c.cid]
        part = later_part(self.store, a.query.question, a.lang, a.query.as_of, addenda) if dated else None
        if part is not None:
            # "On 23 January 2026, did the digital-medical-device part apply?": the addenda start that part later,
            # whatever else the map would say of the case
            lead = self.composer.added_lead(part, asked, a.lang)
        elif lead is None and dated:
            # "2026년 3월에 … 반영해야 했나요?": words a provision gained after (or by) the date the question names
            cids = list(dict.fromkeys([c.cid for c in a.citations] + [c.cid for c in r.candidates[:ADDED_DEPTH]]))
            added = added_words(self.store, a.query.question, a.lang, a.query.as_of, cids, addenda)
            lead = self.composer.added_lead(added, asked, a.lang) if added is not None else None
        if lead is not None and lead.verdict == "depends" and a.citations == []:
            # The patterns left a deciding fact open: read the question's clauses against the described examples.
            wanted = {f for d in lead.duties for f in self._deciding(d.id, facts, a.query.as_of)}
            if wanted:
                more = self.facts.read_examples(a.query.question, facts, wanted)
                if more is not facts:
                    state["facts"] = facts = more
                    lead = self.composer.lead(asked, facts, a.lang, a.query.as_of)
            # (only a described situation: the reader learned from situations, not from questions on the rules)
            if lead is not None and lead.verdict == "depends" and \
                    any(v.how != "implied" for v in facts.values.values()) and self.situations is not None:
                settled = self._settled(asked, facts, lead, a.query.question, a.lang, a.query.as_of)
                if settled is not None:
                    state["facts"] = facts = settled[0]
                    lead = settled[1]
        state["asked"], state["lead"] = asked, lead
        if lead is not None:
            self._sections(r, facts, lead)
            self._cited_page(r, marked_ids(lead.lines))
        else:
            self._cited_page(r, [c.cid for c in r.candidates[:PAGE_LAW_DEPTH]
                                 if c.doc in self.store.docs and self.store.docs[c.doc].kind in LAW_KINDS])
        return state

    def _cited_page(self, r: Retrieval, cited: list[str]) -> None:
        """The (first) passage of the guideline page the page reader is sure careful readers cite for such a question,
        where it is not quoted yet and the guideline interprets a provision the answer rests on (`cited`: a verdict's
        marked ids, else the best provisions found): retrieval finds a guideline's examples as readily as the page
        stating its test, and the sections searched follow the facts read, which may miss the point asked."""
        key = self.pages.cited(r.analysis.query.question) if self.pages is not None else None
        if key is None:
            return
        doc, page, passage = key_parts(key)
        if doc not in self.store.docs:
            return
        law = next((m for m in cited for own in self.store.docs[doc].interprets if related(m, own)), "")
        units = [x for u in self._guideline_units(doc, page, passage)[:1]
                 for x in self.store.find(u.cid, as_of=r.analysis.query.as_of)]
        if law and units and all(c.cid != units[0].cid for c, _ in r.guidance):
            r.guidance.append((Candidate(units[0].cid, 0.0, units, ["page-reader"]), law))

    def _sections(self, r: Retrieval, facts: Facts, lead: Lead) -> None:
        """Beside an answer, the passage closest to the question of each guideline section on what the answer rests
        on: the listed area read and the duties whose provisions its lines cite, then the terms its verdict sentence
        cites that the facts do not plainly satisfy (who is an operator, where the asker may not be one); at most
        MAX_SECTIONS passages, none already quoted."""
        k = self.reasoner.k
        cited, verdict_cited = marked_ids(lead.lines), marked_ids(lead.lines[:1])

        def rests(own: list[str], marks: list[str]) -> bool:
            return any(related(m, o) for o in own for m in marks)

        subjects: list = [x for x in k.areas if x.id == facts.area and rests(x.rests_on, cited)]
        duties = [k.duties[d.id] for d in lead.duties if d.id in k.duties]
        subjects += [d for d in duties if rests(d.rests_on, cited)]
        # a term only where the verdict's own sentence rests on it ("it depends on whether you offer the AI to others")
        subjects += [t for t in k.terms.values() if t.sections and rests(t.rests_on, verdict_cited)
                     and self.reasoner.term(t.id, facts) is not True]
        shown = {c.cid for c, _ in r.guidance}
        added = 0
        for subject in subjects:
            if not subject.sections:
                continue
            for doc in dict.fromkeys(s.doc for s in subject.sections):
                if added >= MAX_SECTIONS:
                    return
                pages = [s.pages for s in subject.sections if s.doc == doc]
                found = self.retriever.section_passage(r.analysis, doc, pages, subject.rests_on[0], shown,
                                                       prefer=self._preferred_page(r.analysis.query.question))
                if found is not None:
                    r.guidance.append(found)
                    shown.add(found[0].cid)
                    added += 1

    def _quoted_by_lead(self, citations: list, lead: Lead) -> bool:  # noqa: ANN001 - corpus Citations
        """Whether every provision reference of the question is written in a provision the lead rests on."""
        texts = " ".join(u.text for cid in marked_ids(lead.lines) for u in self.store.find(cid))

        def written(c) -> bool:  # noqa: ANN001 - a Citation
            # as the question wrote it, or by its number as the provision's own language writes it ("Art. 35-2"
            # in an English question, "Article 35-2" / "제35조의2" in the Annex)
            return bool(c.text) and (c.text in texts or ko_article(c.article) in texts or re.search(
                rf"\bArticles? {re.escape(c.article)}(?![\d-])", texts) is not None)
        return bool(citations) and all(written(c) for c in citations)

    def _answers_itself(self, asked) -> bool:  # noqa: ANN001 - Asked
        """Whether the entry's own statement answers the question even where retrieval ranked the provisions it
        cites first ("does the Act ban any AI?" is not answered by the list of high-impact areas); an entry with a
        yes/no answer does when asked of the asker's own case ("could I go to prison for it?": no, whatever Art. 42
        says of secrets; "can anyone go to jail under this law?" is Art. 42's to answer)."""
        entry = next(n for n in self.reasoner.k.not_covered if n.id == asked.subject)
        return not entry.provision_answers or (entry.answer is not None and asked.own)

    def _answered_by_its_provision(self, nid: str, r: Retrieval) -> bool:
        """Whether retrieval found what the question asks in the provisions the not-covered entry names (the one
        rule on damages, the one criminal provision) or in commentary: then it is answered, not declined."""
        entry = next(n for n in self.reasoner.k.not_covered if n.id == nid)
        top = r.candidates[:3]
        if top and self.store.docs.get(top[0].doc) is not None and self.store.docs[top[0].doc].kind == "commentary":
            return True
        return any(related(c.cid, own) for c in top for own in entry.rests_on)

    def _settled(self, asked, facts: Facts, lead: Lead, question: str, lang: str,  # noqa: ANN001 - Asked
                 as_of: str) -> tuple[Facts, Lead] | None:
        """Where the patterns left the deciding facts open, the fewest of them (one, else two) set so that the map's
        verdict is the one the situation reader gives the description as a whole; the lead then says it read the
        description so. None where the reader is unsure or no branch of the map gives its verdict."""
        wanted = self.situations.settles(question)
        if wanted is None:
            return None
        k = self.reasoner.k
        # the open deciding facts first, then the other open facts the duties' terms rest on (a significant effect
        # left open is settled through whether a person decides)
        unknown = [u for d in lead.duties for u in self._deciding(d.id, facts, as_of)]
        for d in lead.duties:
            terms = k.duties[d.id].applies_when if d.id in k.duties else [d.id] if d.id in k.terms else []
            leaves = {u for t in terms for u in self.reasoner.term_leaves(t)}
            unknown += [u for u in k.facts if u in leaves and u not in facts.values]
        # (not one the asker says it does not know: "생성형인지 규칙 기반인지 저희도 정확히 모릅니다" leaves it open)
        unknown = [u for u in dict.fromkeys(unknown) if u in k.facts and k.facts[u].learned
                   and u not in facts.questioned][:SETTLE_DEPTH]
        # a fact the question touches without the patterns deciding it is the likelier one it speaks to
        unknown.sort(key=lambda u: u not in facts.mentioned)
        for size in range(1, MAX_SETTLED + 1):
            for chosen in combinations(unknown, size):
                for values in product((True, False), repeat=size):
                    read = facts.copy()
                    for u, v in zip(chosen, values):
                        read.values[u] = FactValue(v, "(the description as a whole)", "learned")
                    settled = self.composer.lead(asked, read, lang, as_of)
                    if settled is not None and settled.verdict == wanted:
                        settled.lines += [self.composer.reading_line(u, v, settled, lang)
                                          for u, v in zip(chosen, values)]
                        return read, settled
        return None

    def _about_act(self, asked, r: Retrieval, asking: str) -> bool:  # noqa: ANN001 - Asked
        """Whether the asking sentences (`asking`) name the duty asked about in words of their own, not inside the
        words of another field of law ("원산지표시법" names a labelling law, not this Act's labelling duty)."""
        if asked.kind != "duty" or not asked.cue_in_sentence:
            return False
        asking = normalise(asking)
        fields = [m.span() for _, _, p in r.analysis.other_fields for m in p.finditer(asking)]
        return any(not any(s <= m.start() and m.end() <= e for s, e in fields)
                   for p in self.questions.naming(asked) for m in p.finditer(asking))

    def _deciding(self, did: str, facts, as_of: str) -> list[str]:  # noqa: ANN001 - Facts
        if did in self.reasoner.k.duties:
            return self.reasoner.duty(self.reasoner.k.duties[did], facts, as_of).unknown
        return self.reasoner.classify(did, facts).unknown if did in self.reasoner.k.terms else []

    def _answer(self, state: dict) -> dict:
        r: Retrieval = state["retrieval"]
        a = r.analysis
        lead: Lead | None = state["lead"]
        asked = state["asked"]
        asking = self.questions.asking_text(a.query.question)
        decision = decide(self.store, r, self.missing, asking, about_act=self._about_act(asked, r, asking))
        # (a period the question names, stated, answers as a verdict does)
        # (a fine's amounts, asked as "what fine?", answer as a verdict does)
        # (and "what are we looking at money-wise?" asked of a duty, by the fine the map states for it)
        # (and whose duty it is in a chain of providers, by the duty's exception that says so)
        answers = lead is not None and (lead.verdict is not None or asked.kind in ("deadline", "keep")
                                        or self.composer.who_exception(asked) is not None
                                        or ((asked.sanction_detail or (asked.sanction and asked.form == OTHER))
                                            and bool(lead.lines)))
        if decision.abstain and answers and (
                decision.reason in ("weak-match", "no-candidates", "advice", "off-topic")
                or (decision.reason == "foreign" and a.other_fields
                    and (lead.verdict is not None or self.composer.who_exception(asked) is not None)
                    and not foreign_names(a.query.question, a.unknown_names, r))
                or (decision.reason == "foreign" and asked.kind == "not_covered"
                    and names_korea(a.query.question))):
            # The duty map decides the question ("보험사 법무팀입니다. … 표시를 붙여야 하나요?"): a word of another
            # field of law said as context, a weak match of the provisions' wording, or a plain-word story read as
            # a request for advice, does not decline it; nor does another country's law the question compares with
            # what Korea's Act does ("does Korea's Act, like the EU's, ban any practices?"), where the map says it.
            # (nor does whose duty it is in a chain: "who has to give policyholders the notice, us or the insurers?")
            # (a place named as a company's home is no foreign law: "일본 펫보험 회사인데 서울에 지점이 있어요")
            # (but only a verdict keeps a field asked about: "원산지표시법 위반이면 과태료가 얼마나?" is not answered by
            # what the map says of fines under this Act)
            decision = Decision(False, "ok")
        if decision.abstain and decision.reason == "unknown-provision" and lead is not None and \
                lead.verdict is not None and self._quoted_by_lead(a.citations, lead):
            # "신용정보법 제35조의2 … 이행한 걸로 봐주나요?": the articles are another law's, which the provision the
            # verdict rests on names (Decree Annex 1); they are not missing from this corpus.
            decision = Decision(False, "ok")
        stated = state.get("facts") is not None and any(v.how == "figure" for v in state["facts"].values.values())
        if decision.abstain and decision.reason == "missing-document" and lead is not None and \
                (lead.verdict in ("yes", "no") or (lead.verdict == "depends" and stated)) and \
                (asked.obligation or asked.classification) and not (asked.sanction or asked.counts):
            # The map decides on the figures the question states ("3×10^25 FLOPs": are we subject to the safety
            # duties?), or says what else it turns on ("2×10^26: does that number alone bring them?" — the Decree's
            # other criteria: a "depends" only where a figure is stated — "does fine-tuning compute add to it?" asks the
            # notice itself); the document the corpus lacks (how compute is counted) is named beside the answer,
            # which says it takes the figures as stated, rather than declining in its place.
            lead.notes.append(MISSING_BESIDE[a.lang == "ko"].format(detail=decision.detail))
            decision = Decision(False, "ok")
        if lead is not None and lead.decline and decision.reason in NOT_SCOPE:
            # Something the regime does not do: its own statement, rather than whichever provision shares a word.
            # A question outside the corpus (another country's law, small talk) keeps its own reason.
            decision = Decision(True, "not-regulated", strip_marks(lead.decline))
        state["decision"] = decision
        if decision.abstain:
            related = self._labels(lead.decline, a.lang, a.query.as_of) if decision.reason == "not-regulated" else None
            state["draft"] = self._abstention(r, decision, a.lang, related)
            state["lead"] = None
            return state
        if lead is not None and lead.lines and asked.kind == "not_covered":
            # "Can our CEO go to prison for it?": the map's statement answers; the provisions it names are cited.
            state["draft"] = Draft("", [], abstained=False)
            return state
        draft = self.extractive.compose(r, a.lang)
        if state["mode"] == "llm":
            state["extractive"] = draft
            draft = self._generate(a.query.question, draft, a.lang)
        state["draft"] = draft
        return state

    def _labels(self, text: str, lang: str, as_of: str) -> list[str]:
        out = []
        for cid in dict.fromkeys(CID_MARK.findall(text)):
            units = self.store.find(cid, as_of=as_of) or self.store.find(cid)
            if units:
                u = next((x for x in units if x.lang == lang), units[0])
                out.append(label(u, self.store.docs[u.doc], lang))
        return out

    def _with_lead(self, lead: Lead, text: str, cites: list, lang: str, as_of: str
                   ) -> tuple[str, list, list, list] | None:
        """The verified lead first, then the verified body renumbered after it: (text, citations, dropped, duty
        references), or None when nothing of the lead survives. The lead's plain words are checked like generated
        text: every citation verbatim, every figure in a cited quote."""
        lines, lcites, by_cid = cite_marks(self.extractive, lead.lines, lang, as_of)
        v = verify(self.store, "\n".join(lines), lcites, check_figures=True)
        if not v.citations:
            return None
        offset = len(v.citations)
        body = MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", text) if text.strip() else ""
        for c in cites:
            c.n += offset
        # A blank line parts the lead from the quoted provisions (the page shows them under their own heading).
        merged = v.answer + ("\n\n" + body if body else "")
        refs = [(d, [by_cid[cid] for b in d.because for cid in CID_MARK.findall(b) if cid in by_cid])
                for d in lead.duties]
        return merged, v.citations + cites, v.dropped, refs

    def _generate(self, question: str, draft: Draft, lang: str) -> Draft:
        """The LLM's plain-language answer over the extractive citations (verified later, figures included)."""
        from assistant.generate import LLMError, build_messages, complete

        try:
            text = complete(self.settings.llm_url, self.settings.llm_model, build_messages(question, draft.citations, lang))
        except LLMError as exc:
            log.warning("LLM failed, extractive answer used: %s", exc)
            draft.notes.append(f"LLM unavailable ({exc}); extractive answer shown.")
            return draft
        fresh = [replace(c, verified=False) for c in draft.citations]
        return Draft(text, fresh, abstained=False, notes=list(draft.notes), generated=True)

    def _verify(self, state: dict) -> Answer:
        r: Retrieval = state["retrieval"]
        a = r.analysis
        draft: Draft = state["draft"]
        lead: Lead | None = state.get("lead")
        dropped: list[str] = []
        text, cites, abstained = draft.answer, draft.citations, draft.abstained
        if not abstained and draft.answer.strip():
            v = verify(self.store, draft.answer, draft.citations, check_figures=draft.generated)
            text, cites, dropped = v.answer, v.citations, v.dropped
            if not cites and draft.generated and "extractive" in state:
                # Nothing of the generated answer survived verification: show the extractive one instead.
                draft = state["extractive"]
                v = verify(self.store, draft.answer, draft.citations)
                text, cites, dropped = v.answer, v.citations, dropped + v.dropped
                draft.notes.append("The LLM's answer failed citation checks; the extractive answer is shown.")
        refs: list = []
        verdict = None
        if not abstained and lead is not None and lead.lines and (cites or not draft.answer.strip()):
            merged = self._with_lead(lead, text, cites, a.lang, a.query.as_of)
            if merged is not None:  # the verdict stands only with its verified reasons
                text, cites, more, refs = merged
                dropped += more
                verdict = lead.verdict
                draft.notes[:0] = lead.notes
        if not abstained and not cites:  # an answer left with no verified citation is an abstention
            draft = self._abstention(r, Decision(True, "unverified"), a.lang)
            text, cites, abstained, verdict = draft.answer, [], True, None
        if draft.notes and not abstained:
            text = text + "\n\n" + "\n".join(f"({n})" for n in unrepeated_notes(
                draft.notes, [c.quote for c in cites if c.kind == "guideline"]))
        for c in cites:
            u = self.store.units.get(c.uid)
            if u is not None:
                c.change_note = wording_change(self.store, u.cid, a.lang, a.query.as_of)
        t_end = time.perf_counter()
        timings = {"retrieve": (state["t_retrieved"] - state["t0"]) * 1000,
                   "answer": (t_end - state["t_retrieved"]) * 1000, "total": (t_end - state["t0"]) * 1000}
        duties = []
        if not abstained:
            kept = {id(c): c.n for c in cites}  # the verifier renumbered the citations it kept
            for d, group in refs:
                nums = sorted({kept[id(c)] for c in group if id(c) in kept})
                duties.append(DutyOut(d.id, d.status, [strip_marks(b) for b in d.because], nums))
        return Answer(question=a.query.question, answer=text, abstained=abstained, citations=cites,
                      sources=self._sources(r, a.lang), as_of=a.query.as_of, lang=a.lang, timings_ms=timings,
                      id=a.query.id, related=draft.related, dropped=dropped,
                      mode="llm" if draft.generated else "extractive", reason=draft.reason if abstained else "",
                      verdict=verdict, duties=duties)

    # ------------------------------------------------------------------ helpers

    def _sources(self, r: Retrieval, lang: str) -> list[SourceOut]:
        out = []
        for c in r.candidates:
            u = c.unit(lang) or c.units[0]
            doc = self.store.docs[u.doc]
            out.append(SourceOut(u.doc, u.article, u.paragraph, u.item, round(c.score, 5), c.cid, label(u, doc, lang),
                                 u.addendum, u.page))
        return out

    def _abstention(self, r: Retrieval, d: Decision, lang: str, related: list[str] | None = None) -> Draft:
        """A declined answer; `related` names the closest provisions (by default the best matches)."""
        if related is None:
            related = []
            # Small talk or a request for advice has no related provisions: whatever matched shares a word by chance.
            for c in r.candidates[:3] if d.reason not in ("off-topic", "advice") else []:
                u = c.unit(lang) or c.units[0]
                related.append(label(u, self.store.docs[u.doc], lang))
        template = ABSTENTION[d.reason if d.reason in ABSTENTION else "weak-match"][lang == "ko"]
        head = template.format(detail=d.detail, as_of=r.analysis.query.as_of)
        if related:
            joined = "; ".join(related)
            head += f" 관련될 수 있는 조항(답변 아님): {joined}." if lang == "ko" else \
                f" Closest provisions (related, not an answer): {joined}."
        return Draft(head, [], abstained=True, related=related, reason=d.reason)

    # ------------------------------------------------------------------ public

    @property
    def default_mode(self) -> str:
        return "llm" if self.settings.llm_url else "extractive"

    def ask(self, question: str, as_of: str | None = None, lang: str | None = None, docs: list[str] | None = None,
            id: str | None = None, mode: str | None = None) -> Answer:
        """Answer one question; BadQuestionError if it cannot be asked as given.

        `mode` is "extractive" (default) or "llm" (needs KAIA_LLM_URL; the default when it is set)."""
        question = check_question(question)
        mode = mode or self.default_mode
        if mode not in ("extractive", "llm"):
            raise BadQuestionError(f"unknown answer mode {mode!r}")
        if mode == "llm" and not self.settings.llm_url:
            raise BadQuestionError("LLM mode needs KAIA_LLM_URL (an OpenAI-compatible server)")
        q = Query(question, as_of or question_date(question) or date.today().isoformat(), lang, docs, id, mode)
        ans = self.chain.invoke(q)
        cited = list(dict.fromkeys(c.doc for c in ans.citations))
        ans.versions = answer_versions(self.settings, self.store.docs, cited, q.as_of)
        return ans
