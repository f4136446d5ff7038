"""Hybrid retrieval: explicit citations, dense (Chroma) and Korean-aware BM25 fused by a weighted sum, over
units in force on the as-of date; Korean and English twins merged into one provision; expansion along the
Act ↔ Decree links."""
from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from corpus.labels import ko_article
from corpus.model import ASKED_ONLY_KINDS, LAW_KINDS, Unit, split_cid
from corpus.numbers import date_spans
from corpus.script import HANGUL, has_korean
from ingest.store import IndexStore

from assistant.coverage import coverage, token_set
from assistant.records import Analysis, Candidate, Retrieval

DEPTH = 60  # hits taken from each retriever (over all versions, so deeper than the provisions needed)
# Law first: commentary and user documents must out-score the law clearly to rank above it.
AUTHORITY = {"act": 1.0, "decree": 1.0, "notice": 0.95, "user": 0.8, "commentary": 0.8, "guideline": 0.8, "draft": 0.8}
# A provision reached only by a link starts at LINK_SHARE of the score of the provision linking to it; one the
# searches found too gains LINK_BONUS of it. Measured on both question sets: a bonus of 0.125 (a quarter of the
# share, as before) put Act provisions above the decree article asked about; 0.05-0.07 is best, 0 or 0.09 worse.
LINK_SHARE = 0.5
LINK_BONUS = 0.06
ANCILLARY = 0.85
# A question that asks what commentators say (or about what only commentary covers) weighs commentary up.
# The draft decree and what officials said or plan are not in the corpus's law texts; only commentary reports them.
COMMENTARY_CUES = re.compile(r"comment|opinion|critic|analyst|expert|observer|esg|motie|ministry of trade|industr(y|ial) "
                             r"polic|announcement no|draft (enforcement )?decree|what did|\bsaid\b|\bannounced\b|"
                             r"planning to|논평|해설|평가하|전문가|비판|지적|esg|산업부|산업통상|공고|초안|입법예고|발언|밝혔",
                             re.I)
COMMENTARY_ASKED = 1.3
# A question that names a guideline or the draft asks what it says: its passages come before the law's.
ASKED_DOCUMENT = 2.0
# Guidance shown beside the law: looked for where the best candidate is a provision a guideline interprets (deeper,
# guidance on runners-up cost citation precision: 0.936 against 0.95 on the gate subset), one passage per
# guideline, only where the passage is close to the question (e5 cosine similarity), at most MAX_GUIDANCE.
GUIDANCE_DEPTH = 1
GUIDANCE_NAMING_DEPTH = 3  # the provision named beside it: among these, the one the passage refers to
GUIDANCE_HITS = 20
GUIDANCE_MIN_SIMILARITY = 0.80
MAX_GUIDANCE = 1
# Fusion is a weighted sum of normalised scores: it keeps a confident BM25 match (a rare number, a name) on top,
# where reciprocal rank fusion would average it away (measured: Hit@1 0.54 with RRF against 0.65 then).
DENSE_WEIGHT = 0.5
# The best few provisions are weighed by how much of the question (its rarer words above all, in either language)
# their text contains: between an Act article and the decree article implementing it, the one that states what
# was asked about comes first. Measured on eval/: Hit@1 0.75 -> 0.77, key facts 0.78 -> 0.79, flat for weights 4-10.
COVERAGE_WEIGHT = 6.0
COVERAGE_DEPTH = 10
PREFER_DETAIL = 0.6  # see Retriever._prefer_detail; 0 disables
# Questions about the details the Act leaves to the decree: methods, documents, deadlines, amounts, thresholds.
DETAIL_CUES = re.compile(
    r"\bhow (?!does the act|is the act)|in what ways|methods?\b|which documents|what documents|how many|how much|"
    r"how long|what period|within what|criteria|threshold|exactly|concretely|specifically|deadline|\bdays?\b|"
    r"what must .* (post|publish|include|contain)|what age|what size|how (big|large)|어떻게|방법|서류|며칠|얼마|기간|"
    r"기준|구체적|어떤 경우|절차|몇\s*(명|일|년|개월|세|살)|나이|규모",
    re.I)

# The kind of figure a question asks for, and how a provision states one. A question asking one kind is answered
# first by a provision that states it (the 30-day reply period, not the criteria of the same procedure).
FIGURE_KINDS = {
    "duration": (re.compile(r"how long|how (soon|quickly|fast)|how many (days|weeks|months|years)|within (how|what)|"
                            r"what (period|deadline)|\bdeadline|며칠|몇\s*(일|주|개월|년|시간)|얼마\s*(만에|동안|이내|안에|나 걸|가 걸)|"
                            r"기한|언제까지", re.I),
                 re.compile(r"\d+\s*(일|개월|년|시간|days?|months?|years?|hours?)(?![가-힣]*\s*(법|령))", re.I)),
    "money": (re.compile(r"how much|what (is the |would the )?(amount|fine|fee|cost)|(?<![가-힣])얼마(?!\s*(만에|동안|이내|안에|나 걸|가 걸))|"
                         r"금액|비용", re.I),
              re.compile(r"\d[\d,]*\s*(원|만원|억|won)|\bKRW\b|\d[\d,]*\s*(million|billion|trillion)|단위:\s*만원", re.I)),
    "count": (re.compile(r"how many (people|persons|users|members|times)|몇\s*(명|회|번)", re.I),
              re.compile(r"\d[\d,]*\s*(명|persons?|members?|회|times)", re.I)),
}
FIGURE_RANK = 5
PREFER_FIGURE = 0.6

# A question that names the Decree or the Notice (without citing one of its provisions) asks what that document
# says: its best provision found among the first few comes first, even behind a cited Act provision.
NAMED_DOCS = [("act", re.compile(r"(?:what|which)\b[^?]{0,40}\bdoes the (?:ai basic )?act\b(?! say about the decree)|"
                                 r"under the (?:ai basic )?act\b(?![^?]{0,30}(?:enforcement )?decree)|법률에서|법에서 정한|기본법(상|에서|에 따르면)", re.I)),
              ("decree", re.compile(r"(?<!draft )enforcement decree|시행령(?!\s*초안|안)|(?<!draft )\bthe decree\b", re.I)),
              ("notice", re.compile(r"\bmsit notice|public notice|notice no\.|고시\s*제\s*\d|고시(상|에 따르면|에서)", re.I))]

# Questions about since when a provision applies; the addendum dating the best provision ranks at ADDENDUM_SHARE of it.
SINCE_CUES = re.compile(r"since when|from when|from what date|when did|when (was|were)\b.{0,60}\b(added|introduced|"
                        r"inserted|amended)|has (that|this|it) been (required|in force)|already (been )?(in force|in effect|"
                        r"appl)|언제부터|시행일|시행되었|시행됐|도입되었|도입됐|신설|이미 (시행|적용|들어)", re.I)
# ... and so does "already" / "yet" next to a date ("On 23 January 2026, was X already covered?").
DATED_CUES = re.compile(r"\balready\b|\byet\b|\bstill\b|이미|아직", re.I)
ADDENDUM_SHARE = 0.9

# "Who do we apply to?" is answered by the definition of the body a procedure names ("확인기관"이란 ... 협회를 말한다).
WHO_CUES = re.compile(r"\bwho\b|\bwhich (agency|body|organi[sz]ation|institution)|\bwhere (do|can|should|must) (we|i) "
                      r"(apply|submit|send|file)|누가|누구|어디(에|서|인|로)|어느 기관", re.I)
_DEFINED_BODY = re.compile(r"^\d+\.\s*[\"“]([^\"”]+(?:기관|위원회|협회|센터))[\"”]\s*(?:이)?란")
# "Does a grading feature count as high-impact AI?" asks for the definition of the term it names (Act Art. 2 item 4),
# unless it asks how to find out (the confirmation procedure), which DETAIL_CUES catch.
FALLS_UNDER = re.compile(r"\b(count|counts|qualify|qualifies) as\b|\bfalls? (under|within)\b|\bclassed as\b|"
                         r"\bconsidered (an? )?|\bregarded as\b|해당(하|할|되|될|돼)|속하", re.I)
_SUBJECT = {"인공지능", "artificial intelligence"}  # the Act's subject is in every question: never the term asked about
_DEFINED_TERM = re.compile(r"^\d+\.\s*(?:The term\s*)?[\"“]([^\"”]{2,60})[\"”]\s*(?:이란|란|means)", re.I)


class Retriever:
    """Runs hybrid retrieval against one open index."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        # Bodies defined by a definitions item, per document: (term, definition cid).
        self._bodies: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for u in store.units.values():
            m = _DEFINED_BODY.match(u.text) if u.lang == "ko" and u.level == "item" else None
            if m and (m.group(1), u.cid) not in self._bodies[u.doc]:
                self._bodies[u.doc].append((m.group(1), u.cid))
        # Every term a law text defines, in either language, longest first: (term lowercased, definition cid).
        terms = {(m.group(1).lower(), u.cid) for u in store.units.values()
                 if u.level == "item" and store.docs[u.doc].kind in LAW_KINDS and (m := _DEFINED_TERM.match(u.text))}
        self._defined = sorted(terms, key=lambda t: (-len(t[0]), t[1]))

    @lru_cache(maxsize=16)
    def _allowed_any(self, docs: tuple[str, ...] | None) -> frozenset[str] | None:
        if docs is None:
            return None
        return frozenset(u.uid for u in self.store.units.values() if u.doc in docs)

    def _units(self, cid: str, as_of: str) -> list:
        return self.store.find(cid, as_of=as_of)

    def _shared(self, cid: str, text: str, as_of: str) -> int:
        """How many words the Korean wording of a provision shares with a text."""
        ko = next((u for u in self._units(cid, as_of) if u.lang == "ko"), None)
        return len(token_set(ko.text) & token_set(text)) if ko is not None else 0

    @lru_cache(maxsize=1)
    def _asked_only(self) -> tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
        """Documents searched only beside the law or when a question asks about them (guidelines, the draft), with
        the patterns of a question asking what they say and of one that merely names them."""
        def pattern(ps: tuple[str, ...]) -> re.Pattern[str] | None:
            return re.compile("|".join(f"(?:{p})" for p in ps), re.I) if ps else None

        return tuple((d.id, pattern(d.asked_by), pattern(d.mentioned_by)) for d in self.store.docs.values()
                     if d.kind in ASKED_ONLY_KINDS)

    def _asked(self, question: str, chosen: tuple[str, ...] | None) -> dict[str, float]:
        """The guidance and drafts a question is answered from, with the weight of their best passage against
        the law's best: a question asking what one says puts it first; one naming it ranks it as secondary
        authority; one the user chose to search is weighed as found."""
        out: dict[str, float] = {}
        named = {doc for doc, _, mentioned in self._asked_only() if mentioned is not None and mentioned.search(question)}
        named_kinds = {self.store.docs[doc].kind for doc in named}
        for doc, asked, _ in self._asked_only():
            kind = self.store.docs[doc].kind
            if chosen:
                if doc in chosen:
                    out[doc] = 1.0
            elif asked is not None and asked.search(question) and (doc in named or kind not in named_kinds):
                out[doc] = ASKED_DOCUMENT  # what "the transparency guideline" says: that one, not the others
            elif doc in named:
                out[doc] = AUTHORITY.get(kind, 0.8)
        return out

    def _in_draft(self, cid: str, asked: dict[str, float]) -> str:
        """A citation of the decree in a question about a draft of it: the draft's article where it survives."""
        for doc in asked:
            d = self.store.docs[doc]
            if d.kind == "draft" and d.draft_of and cid.startswith(d.draft_of + ":"):
                other = doc + cid[len(d.draft_of):]
                if self.store.find(other):
                    return other
        return cid

    def _main_docs(self, chosen: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """The documents of the main searches: those chosen, else all but the guidance and drafts."""
        docs = chosen or tuple(sorted(d.id for d in self.store.docs.values() if d.kind not in ASKED_ONLY_KINDS))
        return None if len(docs) == len(self.store.docs) else docs

    def run(self, a: Analysis) -> Retrieval:
        q = a.query
        chosen = tuple(q.docs) if q.docs else None
        docs = self._main_docs(chosen)
        asked = self._asked(q.question, chosen)
        t0 = time.perf_counter()
        via: dict[str, set[str]] = defaultdict(set)
        dense_best: dict[str, float] = {}
        lex_best: dict[str, float] = {}

        # 1. Citations named in the question come first, whatever the searches say.
        cited: list[str] = []
        elsewhere: dict[str, float] = {}  # provisions found that are not in force on the as-of date
        for c in a.citations:
            cid = self._in_draft(c.cid, asked)
            if cid != c.cid:  # "Art. 25 of the draft decree": the draft's article, not the decree's
                cited.append(cid)
                continue
            if chosen and c.doc not in chosen:
                continue
            if self._units(c.cid, q.as_of):
                cited.append(c.cid)
            elif self.store.find(c.cid):
                elsewhere[c.cid] = -1  # named outright: its addendum leads

        # 2. Dense and lexical searches over every version's wording, fused per provision.
        # A provision qualifies if some version of it is in force on the as-of date; searching all wordings
        # lets an English question reach a provision whose in-force wording exists only in Korean.
        if a.vector is None:
            a.vector = self.store.embeddings.query_vector(a.dense_text)
        t1 = time.perf_counter()
        dense_hits = self.store.dense(a.vector, DEPTH, docs=list(docs) if docs else None)
        t2 = time.perf_counter()
        lex_hits = self.store.lexical(weigh_identifiers(a.terms), DEPTH, self._allowed_any(chosen))
        t3 = time.perf_counter()
        live: dict[str, bool] = {}
        for source, hits in (("dense", dense_hits), ("lexical", lex_hits)):
            best = dense_best if source == "dense" else lex_best
            rank = 0
            for h in hits:
                u = self.store.units[h.uid]
                if u.cid not in live:
                    live[u.cid] = bool(self._units(u.cid, q.as_of))
                if not live[u.cid]:
                    elsewhere[u.cid] = min(elsewhere.get(u.cid, 99), rank)
                    continue
                if u.cid in best:
                    continue
                if u.effective_from and u.effective_from > q.as_of:
                    # The words matched are a wording that takes effect later (Art. 35(1)'s second sentence asked
                    # about before 2026-07-21): like a provision not yet in force, its date is part of the answer.
                    elsewhere[u.cid] = min(elsewhere.get(u.cid, 99), rank)
                rank += 1
                via[u.cid].add(source)
                best[u.cid] = h.score

        scores: dict[str, float] = defaultdict(float, combsum(dense_best, lex_best))
        wants_commentary = bool(COMMENTARY_CUES.search(q.question))
        for cid in list(scores):
            doc, art = split_cid(cid)[:2]
            kind = self.store.docs[doc].kind if doc in self.store.docs else "user"
            if kind in ASKED_ONLY_KINDS:
                continue  # weighed when searched (_search_asked)
            scores[cid] *= COMMENTARY_ASKED if (kind == "commentary" and wants_commentary) else AUTHORITY.get(kind, 0.9)
            if art and (art.startswith("form") or art == "reasons"):
                scores[cid] *= ANCILLARY  # forms and reasons explain; they rarely are the rule asked about

        if COVERAGE_WEIGHT:
            weighed = LAW_KINDS + (("commentary",) if wants_commentary else ())
            self._weigh_coverage(scores, a.terms, q.as_of, weighed)
        top = max(scores.values(), default=0.0)
        if any(c.startswith("act:") for c in cited) and any(not c.startswith("act:") for c in cited):
            # "the committee under Art. 33(2) of the Act: how many members does the Decree require?" — when a
            # question cites the Act and the rules under it, the more specific rule is what it asks about.
            cited.sort(key=lambda c: c.startswith("act:"))
        for i, cid in enumerate(cited):
            scores[cid] = top + 1.0 - i * 0.01
            via[cid].add("citation")

        # A provision that is not in force on the as-of date (named, or among the best few hits) is answered by
        # the addendum that sets the date it takes effect.
        ceiling = max(scores.values(), default=0.0)
        for cid, rank in sorted(elsewhere.items(), key=lambda kv: kv[1]):
            if rank > 2:
                break
            for link in self._links_of(cid):
                other = link["cid"]
                if link["rel"] != "cited_by" or ":addenda" not in other or not self._units(other, q.as_of):
                    continue
                boost = ceiling + 1.5 if rank < 0 else ceiling * (1.01 - 0.1 * rank)
                scores[other] = max(scores.get(other, 0.0), boost)
                via[other].add(f"entry-into-force:{cid}")

        # A question asking since when a provision applies gets the addendum that dates it, for a provision in force
        # as for one not yet in force ("from when has the master plan had to cover AI-vulnerable groups?").
        if SINCE_CUES.search(q.question) or (DATED_CUES.search(q.question) and date_spans(q.question)):
            self._dating_addenda(scores, via, q.as_of)

        # 3. Expansion along links: Act provisions that leave details to the decree bring the decree article
        # implementing them, and the reverse, so the authority order stays visible.
        ranked = sorted(scores, key=scores.get, reverse=True)
        for cid in ranked[:4]:
            for link in self._links_of(cid):
                if link["rel"] not in ("implemented_by", "implements"):
                    continue
                other = link["cid"]
                if docs and split_cid(other)[0] not in docs:
                    continue
                if other in cited:
                    continue  # the question named it: its place is set above, a link must not reorder it
                if not self._units(other, q.as_of):
                    continue
                if other not in scores:
                    scores[other] = scores[cid] * LINK_SHARE
                else:
                    scores[other] += scores[cid] * LINK_BONUS
                via[other].add(f"link:{link['rel']}")

        if PREFER_DETAIL and DETAIL_CUES.search(q.question):
            self._prefer_detail(scores, via)
        self._prefer_figure(scores, via, q.question, q.as_of, cited)
        self._prefer_named_doc(scores, via, q.question, cited)
        if WHO_CUES.search(q.question):
            self._definition_first(scores, via, q.as_of, a.terms)
        elif FALLS_UNDER.search(q.question) and not DETAIL_CUES.search(q.question) and not cited \
                and not date_spans(q.question):  # "on 23 January 2026, did X fall under …" asks about a version
            self._named_definition_first(scores, via, q.question, q.as_of)
        if asked:  # after the law's own weighing: the passages asked about are weighed against its final best
            self._search_asked(a, asked, scores, via)
        cands = []
        for cid, s in sorted(scores.items(), key=lambda kv: kv[1], reverse=True):
            units = self._units(cid, q.as_of)
            if units:
                cands.append(Candidate(cid, s, units, sorted(via[cid]), dense_best.get(cid, 0.0), lex_best.get(cid, 0.0)))
        guidance = self._guidance(a, cands, set(asked))
        t4 = time.perf_counter()
        return Retrieval(a, cands, {"embed": (t1 - t0) * 1000, "dense": (t2 - t1) * 1000, "lexical": (t3 - t2) * 1000,
                                    "fuse": (t4 - t3) * 1000}, guidance)

    def _search_asked(self, a: Analysis, asked: dict[str, float], scores: dict[str, float],
                      via: dict[str, set[str]]) -> None:
        """Guidance and drafts a question asks about (or names) are searched on their own (a Korean-only text is far
        down an English question's hits over the whole corpus); their best passages take the weight given against
        the law's best."""
        top = max(scores.values(), default=1.0) or 1.0
        for doc, weight in sorted(asked.items()):
            found, _, _ = self._doc_search(a, doc)
            best = max(found.values(), default=0.0) or 1.0  # relative to its own best: an English question's
            for cid, v in found.items():                   # lexical share of a Korean text is nil
                scores[cid] = max(scores.get(cid, 0.0), v / best * top * weight)
                via[cid].add("asked" if weight >= ASKED_DOCUMENT else "named")

    def _doc_search(self, a: Analysis, doc: str, within: frozenset[str] | None = None
                    ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """Dense and lexical search within one document (only the units `within`, if given): (fused 0 … 1, dense,
        lexical) scores by provision, of those in force; Korean terms only for a Korean text."""
        d = self.store.docs[doc]
        dense = {self.store.units[h.uid].cid: h.score
                 for h in self.store.dense_within(a.vector, GUIDANCE_HITS, doc, within)}
        # English words in a Korean guideline (High-impact, AI, EU) match English questions by accident.
        terms = [t for t in a.terms if HANGUL.search(t)] if d.files and d.files[0].lang == "ko" else a.terms
        lex = {self.store.units[h.uid].cid: h.score for h in
               self.store.lexical(weigh_identifiers(terms), GUIDANCE_HITS,
                                  within if within is not None else self._allowed_any((doc,)),
                                  extra=d.kind in ASKED_ONLY_KINDS)} if terms else {}
        fused = combsum(dense, lex)
        return {c: v for c, v in fused.items() if self._units(c, a.query.as_of)}, dense, lex

    def _guidance(self, a: Analysis, cands: list[Candidate], searched: set[str]) -> list[tuple[Candidate, str]]:
        """The guideline passage that best answers the question among the guidance on the best law provisions
        (a guideline's `interprets` in the manifest), when the guideline was not searched with the law itself."""
        laws = [c for c in cands[:GUIDANCE_NAMING_DEPTH] if self.store.docs[c.doc].kind in LAW_KINDS]
        out: list[tuple[Candidate, str]] = []
        for d in self.store.docs.values():
            if d.kind != "guideline" or not d.interprets or d.id in searched:
                continue
            interpreted = [c.cid for c in laws if any(c.cid == p or c.cid.startswith(p + ":") for p in d.interprets)]
            # Only beside the provision that answers: the best candidate must be one the guideline interprets.
            if not interpreted or not any(c.cid in interpreted for c in cands[:GUIDANCE_DEPTH]):
                continue
            fused, dense, lex = self._doc_search(a, d.id)
            if not fused or max(dense.values()) < GUIDANCE_MIN_SIMILARITY:
                continue
            best = max(fused, key=lambda c: (fused[c], dense.get(c, 0.0)))
            units = self._units(best, a.query.as_of)
            if units:
                # Named beside the provision the passage refers to, else the one sharing most of its words.
                law = next((c for c in interpreted if ko_article(split_cid(c)[1] or "") in units[0].text), None) or \
                    max(interpreted, key=lambda c: (self._shared(c, units[0].text, a.query.as_of), -interpreted.index(c)))
                out.append((Candidate(best, fused[best], units, ["guidance"], dense.get(best, 0.0),
                                      lex.get(best, 0.0)), law))
        return sorted(out, key=lambda g: -g[0].dense)[:MAX_GUIDANCE]

    def section_passage(self, a: Analysis, doc: str, pages: list[tuple[int, int]], law: str, shown: set[str],
                        prefer: Callable[[dict[str, Unit]], set[str]] | None = None) -> tuple[Candidate, str] | None:
        """The passage of a guideline's pages on one subject (a listed area's section) closest to the question, to be
        quoted beside `law`; None where the document is not indexed or its best passage is one already `shown`.
        `prefer` (the page reader) may narrow the passages found (cid → unit) to those on the page it rates first."""
        if doc not in self.store.docs:
            return None
        within = self._pages(doc, tuple(pages))
        if a.vector is None:
            a.vector = self.store.embeddings.query_vector(a.dense_text)
        fused, dense, lex = self._doc_search(a, doc, within)
        if not fused:
            return None
        chosen = prefer({c: self._units(c, a.query.as_of)[0] for c in fused}) if prefer is not None else set()
        best = max(chosen or fused, key=lambda c: (fused[c], dense.get(c, 0.0)))
        units = self._units(best, a.query.as_of)
        if best in shown or not units:
            return None
        return Candidate(best, fused[best], units, ["section"], dense.get(best, 0.0), lex.get(best, 0.0)), law

    @lru_cache(maxsize=64)
    def _pages(self, doc: str, pages: tuple[tuple[int, int], ...]) -> frozenset[str]:
        return frozenset(u.uid for u in self.store.units.values() if u.doc == doc and u.page is not None
                         and any(lo <= u.page <= hi for lo, hi in pages))

    def _weigh_coverage(self, scores: dict[str, float], terms: list[str], as_of: str, kinds: tuple[str, ...]
                        ) -> None:
        """Weigh the best provisions of the given kinds by the share of the question's terms their wordings
        contain (before named provisions and addenda take their set places)."""
        ranked = sorted(scores, key=scores.get, reverse=True)[:COVERAGE_DEPTH]
        for cid in ranked:
            doc = self.store.docs.get(split_cid(cid)[0])
            if doc is None or doc.kind not in kinds:
                continue  # the law, and commentary when asked for: a user document never gains on the law
            texts = [u.text for u in self._units(cid, as_of)]
            scores[cid] *= 1.0 + COVERAGE_WEIGHT * coverage(self.store, terms, texts)

    def _prefer_detail(self, scores: dict[str, float], via: dict[str, set[str]]) -> None:
        """Where the best Act provision leaves details to the decree and the implementing decree provision was
        found on its own almost as well, the decree provision is the more specific answer: rank it first."""
        ranked = sorted(scores, key=scores.get, reverse=True)
        if not ranked or not ranked[0].startswith("act:") or "citation" in via[ranked[0]]:
            return
        top = ranked[0]
        impl = {x["cid"] for x in self._links_of(top) if x["rel"] == "implemented_by"}
        impl_arts = {":".join(c.split(":")[:2]) for c in impl}
        for cid in ranked[1:6]:
            if (cid in impl or ":".join(cid.split(":")[:2]) in impl_arts) and (via[cid] & {"dense", "lexical"}) \
                    and scores[cid] >= PREFER_DETAIL * scores[top]:
                put_first(scores, cid)
                return

    def _prefer_figure(self, scores: dict[str, float], via: dict[str, set[str]], question: str, as_of: str,
                       cited: list[str]) -> None:
        """For "how long / how much / how many": where the best provision states no figure of that kind and one of
        the next few, found by the searches almost as well, does, that one answers the question."""
        kinds = [k for k, (ask, _) in FIGURE_KINDS.items() if ask.search(question)]
        if len(kinds) != 1 or cited:
            return
        figure = FIGURE_KINDS[kinds[0]][1]
        ranked = sorted(scores, key=scores.get, reverse=True)

        def states(cid: str) -> bool:
            return any(figure.search(u.text) for u in self._units(cid, as_of))

        if not ranked or states(ranked[0]):
            return
        # Only a provision of the same article, or of one citing or cited by its article: the figure of another
        # procedure (a 30-day reply period of the high-impact check for the AI-product confirmation) is no answer.
        top = ranked[0]
        art = ":".join(top.split(":")[:2])
        near = {":".join(x["cid"].split(":")[:2]) for c in self._family(art) for x in self.store.links.get(c, [])}
        near.add(art)
        for cid in ranked[1:FIGURE_RANK]:
            if ":".join(cid.split(":")[:2]) in near and states(cid) and \
                    via[cid] & {"dense", "lexical"} and scores[cid] >= PREFER_FIGURE * scores[top]:
                put_first(scores, cid)
                return

    def _prefer_named_doc(self, scores: dict[str, float], via: dict[str, set[str]], question: str, cited: list[str]
                          ) -> None:
        """Where the question names the Decree or the Notice and cites none of its provisions, rank that
        document's best provision among the first few first."""
        ranked = sorted(scores, key=scores.get, reverse=True)
        for doc, pattern in NAMED_DOCS:
            if not ranked or not pattern.search(question) or any(c.startswith(doc) for c in cited):
                continue
            if ranked[0].startswith(doc):
                return
            for cid in ranked[1:6]:
                if cid.startswith(doc) and via[cid] & {"dense", "lexical"}:
                    put_first(scores, cid)
                    return

    def _definition_first(self, scores: dict[str, float], via: dict[str, set[str]], as_of: str,
                          terms: list[str]) -> None:
        """For a question asking who: where the best provisions name bodies their document defines, the definition
        that best matches the question (the review body for "who reviews", not the agency beside it) comes first."""
        ranked = sorted(scores, key=scores.get, reverse=True)
        named: list[str] = []
        for cid in ranked[:3]:
            doc = split_cid(cid)[0]
            text = " ".join(u.text for u in self._units(cid, as_of) if u.lang == "ko")
            named += [d for term, d in self._bodies.get(doc, [])
                      if term in text and d != cid and d not in named and self._units(d, as_of)]
        if not named:
            return
        # max keeps the first of equals: the body named by the better provision
        best = max(named, key=lambda d: coverage(self.store, terms, [u.text for u in self._units(d, as_of)]))
        put_first(scores, best)
        via[best].add("definition")

    def _named_definition_first(self, scores: dict[str, float], via: dict[str, set[str]], question: str,
                                as_of: str) -> None:
        """For "does X count as <a defined term>?": the definition of the longest defined term the question names."""
        text = re.sub(r"(?i)\bai\b|에이아이", "인공지능" if has_korean(question) else "artificial intelligence",
                      question).lower()
        # The term asked about stands next to the phrase: within three words after "count as" / "fall under"
        # ("count as a high-impact AI", not "what counts as a valid way to give users ..."), before 해당하다 / 속하다.
        ko: list[str] = []
        en: list[str] = []
        for m in FALLS_UNDER.finditer(text):
            if HANGUL.match(m.group(0)):
                ko.append(text[max(0, m.start() - 30):m.start()])
            else:
                en.append(text[m.end():])
        for term, cid in self._defined:
            if term in _SUBJECT or not self._units(cid, as_of):
                continue
            if any(term in k for k in ko) or any(term in e and len(e[:e.index(term)].split()) <= 3 for e in en):
                put_first(scores, cid)
                via[cid].add("definition")
                return

    def _dating_addenda(self, scores: dict[str, float], via: dict[str, set[str]], as_of: str) -> None:
        """Rank the addenda that name the best provisions (or their paragraphs, items) just under the best one."""
        ranked = sorted(scores, key=scores.get, reverse=True)
        top = scores[ranked[0]] if ranked else 0.0
        for cid in ranked[:2]:
            if ":addenda" in cid:
                continue
            for other in sorted({x["cid"] for c in self._family(cid) for x in self.store.links.get(c, [])
                                 if x["rel"] == "cited_by" and ":addenda" in x["cid"]}):
                if self._units(other, as_of):
                    scores[other] = max(scores.get(other, 0.0), top * ADDENDUM_SHARE)
                    via[other].add(f"dates:{cid}")

    @lru_cache(maxsize=512)
    def _family(self, cid: str) -> tuple[str, ...]:
        """The provision and every provision within it (its paragraphs, items) that has links."""
        return tuple(c for c in self.store.links if c == cid or c.startswith(cid + ":"))

    def _links_of(self, cid: str) -> list[dict[str, str]]:
        """Links of a provision and of its article (a paragraph inherits its article's links)."""
        out = list(self.store.links.get(cid, []))
        parts = cid.split(":")
        if len(parts) > 2:
            out += self.store.links.get(":".join(parts[:2]), [])
        return out


def put_first(scores: dict[str, float], cid: str) -> None:
    """Rank `cid` just above the best provision (the others keep their order)."""
    scores[cid] = max(scores.values()) * 1.001




def combsum(dense: dict[str, float], lexical: dict[str, float]) -> dict[str, float]:
    """Weighted sum of normalised dense (min-max over the hits) and lexical (share of the best) scores."""
    out: dict[str, float] = defaultdict(float)
    if dense:
        lo, hi = min(dense.values()), max(dense.values())
        for cid, v in dense.items():
            out[cid] += DENSE_WEIGHT * ((v - lo) / (hi - lo) if hi > lo else 1.0)
    if lexical:
        hi = max(lexical.values())
        for cid, v in lexical.items():
            out[cid] += (1 - DENSE_WEIGHT) * (v / hi if hi > 0 else 0.0)
    return dict(out)


IDENTIFIER = re.compile(r"^(\d+[-.]\d+|\d{4,}|제\d+조(의\d+)?|별표\d+)$")


def weigh_identifiers(terms: list[str]) -> list[str]:
    """Identifiers (announcement numbers, article citations) say more than words: count them three times."""
    out: list[str] = []
    for t in terms:
        out.extend([t] * (3 if IDENTIFIER.match(t) else 1))
    return out
