"""What a question asks of the duty map: its form (yes/no, a list of duties, or something else) and its subject
(a duty, a term asked about directly, or a matter the regime does not cover).

The cue words are data (corpus/phrasing.toml and each entry's `asked` in corpus/duties.toml); the subject is the
entry whose cues the question carries and whose provisions retrieval ranked first, so a plain-word question reaches
its duty through either."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from corpus.citations import find_citations
from corpus.knowledge import Knowledge, compiled, one_of
from corpus.numbers import days_between, month_only, quantities
from corpus.script import has_korean

from assistant.facts import SENTENCE_BREAK, Negations, ToBeDone, normalise, stop_after
from assistant.query import launched_before

YESNO, LIST, OTHER = "yesno", "list", "other"
# Retrieval's support for an entry: its provisions at rank 1, 2, 3 among the candidates.
RANK_WEIGHT = (1.0, 0.6, 0.4)
CUE_WEIGHT = 2.0
SENTENCE_WEIGHT = 1.0
TODO_WEIGHT = 0.5  # a duty named in what the asking sentence asks to be done
CITED_WEIGHT = 1.0  # a duty or term resting on a provision the asking sentence cites by number
MIN_SCORE = 1.0  # below this no entry is the subject: the answer stands on the provisions alone
COMPARED_WITHIN = 40  # characters before a duty's name read for words setting it beside another as a comparison
WITHOUT_NEAR = 20  # characters around "without" / "없이" in which the duty done without is named


@dataclass
class Asked:
    form: str  # YESNO, LIST or OTHER
    kind: str = ""  # "duty", "classify", "not_covered", "deemed" (Annex 1), or "" (no subject)
    subject: str = ""  # the duty id, term id or not_covered id
    sanction: bool = False  # asks about the fine for not doing it
    obligation: bool = False  # asks whether something must be done
    # the asking sentence itself speaks of having to ("don't we have to…, right?"), not only of a thing turned round
    # ("does that rule us out of…?")
    have_to: bool = False
    classification: bool = False  # asks whether something is so
    permission: bool = False  # asks whether something may be done ("can we…"): no verdict from the map
    sufficiency: bool = False  # asks whether a way of doing it is enough: no verdict from the map
    how_done: bool = False  # a wh-question asking the ways a duty may be done
    since_when: bool = False  # a wh-question asking from when a duty (or the Act) applies
    who_bears: bool = False  # a wh-question asking which party in a chain of providers owes a duty
    possibility: bool = False  # "could it count as…": where it depends, it could
    own: bool = True  # the asker speaks of its own situation (else: the rule in general)
    cue_in_sentence: bool = False  # the duty is named in the sentence that asks
    inverted: bool = False  # asked the other way round ("are we exempt?"): the verdict is turned over
    # the asking sentence asks what another party the law binds must do ("do public bodies have to…?"): the facts
    # told are the asker's, not that party's
    about_other: bool = False
    of_own: bool = False  # about_other, of the asker's own product or case ("must they prefer our product?")
    yesno_list: bool = False  # a list question asked as yes/no ("do we have any obligations?")
    regimes: list[str] = field(default_factory=list)  # kind "deemed": the Annex 1 regimes the question names
    items: list[int] = field(default_factory=list)  # kind "deemed": the Art. 34(1) measures asked about
    partly: bool = False  # kind "deemed": asks whether it counts at least in part
    whole: bool = False  # kind "deemed": asks whether it counts for every measure asked about
    sanction_detail: bool = False  # asks about a fine's amount, a repeat or a reduction, not whether there is one
    counts: bool = False  # asks whether something done counts as doing it ("are we treated as having…?")
    in_force: bool = False  # asks whether a duty is already in force
    month_only: bool = False  # the date asked about is a month named without a day ("in January 2026")
    launched_before: bool = False  # asks whether launching before the Act spares the service now
    sentence: str = ""  # the asking sentence, as read
    unbounded: bool = False  # asks whether a period may be put off again and again
    left: list[str] = field(default_factory=list)  # the subject duty's exceptions that leave the part asked about
    fine_rows: list[str] = field(default_factory=list)  # the fine schedule's violations the question names
    ignored: bool = False  # says an order (or a duty) was not complied with
    fine: str = ""  # the part of the fine schedule a question about a fine turns on: cap, reduce, increase, repeat, exact
    others: list[str] = field(default_factory=list)  # kind "duty": the other duties the question names, best first
    named: list[str] = field(default_factory=list)  # kind "duty": every duty the question names, first named first
    cited: list[str] = field(default_factory=list)  # the provisions the asking sentence cites by number
    days: int | None = None  # kind "deadline": the days the question says have passed
    late: bool = False  # kind "deadline": asks whether the period has run out (else whether it is still in time)
    period: int | None = None  # kind "deadline": the period in days the asking sentence puts to be confirmed
    eligible: bool = False  # asks whether one is among those a scheme is for ("지원 대상이 되나요?")
    years: int | None = None  # kind "keep": how many years the question says it keeps the records
    before_step: bool = False  # asks about a step before another, not the later step itself
    amount: float | None = None  # a question about a fine: the sum in won the asking sentence names
    base: bool = False  # a question about a fine: asks about the schedule's own amount, before any adjustment
    small: bool = False  # a question about a fine: the asking sentence names the asker's small size
    fits: bool = False  # a question about a fine: says its raised sum stays within the Act's maximum
    without: bool = False  # asks about doing without something ("can we launch without a licence?")
    must: str = ""  # kind "duty": the way it must be done that the asking sentence names (a duty's `musts`)
    always: bool = False  # asks whether what the law allows happens in every case ("automatically halved?")
    occasion: bool = False  # asks whether a power is used at will, or only on a complaint ("whenever it likes?")
    reported: bool = False  # the question tells of a complaint, a report or a suspicion (an occasion of a power)
    reduced: bool = False  # asks whether a fine will be reduced ("절반으로 줄어드나요?"), not whether it may be
    same: bool = False  # asks whether a fine stays the same ("simply the same as the first fine?")
    follows: bool = False  # asks whether one fact by itself brings a status or duty ("automatically high-impact?")
    endeavour_named: bool = False  # names a duty to endeavour as such ("does the effort duty apply to us?")
    favoured: bool = False  # kind "duty": asks whether the duty, binding someone else, works in the asker's favour
    result_within: bool = False  # asks whether a result comes within a time ("within two weeks?")


# The parts of the fine schedule a question may turn on, in the order they are tested (the Act's ceiling first: "could
# a third violation go above 30 million?" asks about the ceiling, not the repeat).
FINE_PARTS = ("cap", "reduce", "increase", "repeat", "exact")


NEEDS_WORD = 40  # the longest match of an allowance's `needs` that is read as one word, which a negation may deny


class QuestionReader:
    """Reads the form and the subject of questions over one duty map."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        f = knowledge.phrasing.form
        self._forms = {name: [compiled(p, re.I) for p in getattr(f, name)] for name in type(f).model_fields}
        self._duties = [(d.id, [compiled(p, re.I) for p in d.asked + d.asked_as_group], _own(d))
                        for d in knowledge.duties.values()]
        # how many of a duty's patterns (the first ones) name it on its own rather than as one of a group
        self._own_words = {d.id: len(d.asked) for d in knowledge.duties.values()}
        self._duty_pats = {did: pats for did, pats, _ in self._duties}
        self._musts = {d.id: [(m.id, [compiled(p, re.I) for p in m.asked]) for m in d.musts]
                       for d in knowledge.duties.values() if d.musts}
        self._leaves = {d.id: [(e.id, [compiled(p, re.I) for p in e.leaves]) for e in d.exceptions if e.leaves]
                        for d in knowledge.duties.values()}
        self._favours = {d.id: [compiled(p, re.I) for p in d.favours] for d in knowledge.duties.values() if d.favours}
        self._tighter = {did: [d.id for d in knowledge.duties.values() if did in d.tightens] for did in knowledge.duties}
        self._number_words = {w.lower(): str(n) for w, n in knowledge.phrasing.sentence.number_words.items()}
        words = "".join(f"|{re.escape(w)}" for w in self._number_words)
        self._years = compiled(rf"(?<![\d.])(\d{{1,2}}{words})\s*(?:years?|년)(?!\s*\d{{1,2}}\s*월)", re.I)
        self._fine_rows = [(r.id, [compiled(p, re.I) for p in r.asked]) for r in knowledge.schedule.row]
        self._classify = [(c.term, [compiled(p, re.I) for p in c.asked], tuple(knowledge.terms[c.term].rests_on))
                          for c in knowledge.classify]
        self._term_pats: dict[str, list[re.Pattern[str]]] = {}
        for tid, pats, _ in self._classify:
            self._term_pats.setdefault(tid, []).extend(pats)
        self._not_covered = [(n.id, [compiled(p, re.I) for p in n.asked]) for n in knowledge.not_covered]
        self._not_covered_needs = {n.id: [compiled(p, re.I) for p in n.needs] for n in knowledge.not_covered
                                   if n.needs}
        self._answering = {n.id for n in knowledge.not_covered if n.answer}  # entries that answer yes/no
        self._regimes = [(r.id, [compiled(p, re.I) for p in r.law]) for r in knowledge.regimes.values()]
        self._items = [(m.item, [compiled(p, re.I) for p in m.asked]) for m in knowledge.measure_items.values()]
        self._deadlines = [(d.id, [compiled(p, re.I) for p in d.asked]) for d in knowledge.deadlines]
        self._keeps = [(x.id, [compiled(p, re.I) for p in x.asked]) for x in knowledge.keeps]
        self._commencements = [(x.id, [compiled(p, re.I) for p in x.asked]) for x in knowledge.commencements]
        self._allowances = [(x.id, [compiled(p, re.I) for p in x.asked], [compiled(p, re.I) for p in x.needs])
                            for x in knowledge.allowances]
        self._required = {x.id for x in knowledge.allowances if x.required}
        self._neg = Negations(knowledge.phrasing.negation, knowledge.phrasing.sentence.before_number)
        self._to_be_done = ToBeDone(knowledge.phrasing.sentence)
        sentence = knowledge.phrasing.sentence
        self._asks = [compiled(p) for p in sentence.asks]
        self._embedded = compiled(one_of(sentence.embedded_question))
        self._confirmation = compiled(one_of(sentence.confirmation), re.I)
        self._general = compiled(one_of(sentence.general_subject))
        self._compared = compiled(one_of(sentence.compared), re.I) if sentence.compared else None
        self._kept = compiled(one_of(sentence.kept), re.I) if sentence.kept else None
        self._period_put = compiled(one_of(sentence.period_put), re.I) if sentence.period_put else None
        self._other_subject = compiled(one_of(sentence.other_subject), re.I) if sentence.other_subject else None
        self._refers_back = compiled(one_of(sentence.refers_back), re.I)
        self._abbreviated, self._numbered = stop_after(sentence.abbreviations), stop_after(sentence.before_number)

    def _any(self, name: str, text: str) -> bool:
        return any(p.search(text) for p in self._forms[name])

    def _first(self, name: str, text: str, before: str) -> bool:
        """Whether the form `name` is asked before the form `before` in `text`."""
        def at(n: str) -> int:
            return min((m.start() for p in self._forms[n] for m in [p.search(text)] if m), default=len(text) + 1)
        return at(name) < at(before)

    def _without_duty(self, sentence: str) -> bool:
        """Whether what the sentence would do without is a duty ("없이" right after "표시", "without any AI label")."""
        for p in self._forms["without"]:
            for m in p.finditer(sentence):
                near = sentence[max(0, m.start() - WITHOUT_NEAR):m.end() + WITHOUT_NEAR]
                if any(d.search(near) for pats in self._duty_pats.values() for d in pats):
                    return True
        return False

    def _closes(self, name: str, sentence: str) -> bool:
        """Whether the form `name` is the closing predicate of a sentence asking one thing ("… 안 하면 표시 의무를 다한
        건가요?", not "do we have to hand them over, or is keeping them enough?")."""
        end = len(sentence.rstrip(" ?？.!"))
        # (the form naming the duty as done: "의무를 다한 건가요", not a bare "…하면 되는 거죠?")
        return not self._any("alternative", sentence) and any(
            m.end() >= end and self._any("duty_word", m.group(0)) for p in self._forms[name] for m in p.finditer(sentence))

    def _without(self, name: str, text: str) -> str:
        """`text` with what the form `name` matches taken out."""
        for p in self._forms[name]:
            text = p.sub(" ", text)
        return text

    def _without_conditions(self, sentence: str) -> str:
        """The sentence without the conditions it supposes ("… if we skip it") and what it says the asker is not ("not
        a developer but …")."""
        return self._without("conditional", sentence)

    def _deemed(self, asked: Asked, text: str, sentence: str) -> bool:
        """Whether the question asks if something done under another law counts as the high-impact measures
        ("자율주행자동차법 성능인증으로 위험관리방안을 이행한 걸로 보나요?"); if so, `asked` says which regimes
        and which measures (all five where the sentence names none)."""
        regimes = _named(self._regimes, text)
        if not regimes or asked.form != YESNO:
            return False
        # With a regime and the measures named, "does it count as the risk management plan?" asks the same.
        counts = self._any("deemed", sentence) or self._any("classification", sentence)
        # "개인정보 보호법 조치를 다 하니까 제34조 책무는 전부 면제되는 거죠?": exempt because of it is counted by it
        counts = counts or (asked.inverted and not asked.obligation)
        # "Do we still have to draw up a separate plan?" asks whether the measure is still owed: the answer is the
        # other way round from "does it count?".
        remains = not counts and asked.obligation and self._any("deemed_remains", sentence)
        if not (counts or remains):
            return False
        items = [] if self._any("deemed_all", sentence) else _named(self._items, sentence)
        if not items and not self._any("deemed_target", text):
            return False
        asked.kind, asked.subject = "deemed", "high-impact-measures"
        asked.regimes, asked.items = regimes, items or sorted(self.k.measure_items)
        asked.partly, asked.whole = self._any("deemed_partly", sentence), self._any("deemed_whole", sentence)
        # ("따로 하지 않아도 이행한 것으로 인정되나요?" asks whether it counts, not the other way round; "we don't need to
        # write a separate plan, right?" asks whether it remains, turned round once more)
        asked.inverted = (remains != asked.inverted) if remains else (asked.inverted and not counts)
        return True

    def elapsed(self, text: str, year: int) -> int | None:
        """The days the question says have passed: "45일째", "20 days since", "2주 됐어요", or two dates."""
        # "딱 2주(14일) 지났어요": a figure restated in brackets is read with the words around it.
        text = re.sub(r"[()（）\[\]]", " ", text)
        for name, scale in (("days", 1), ("weeks", 7), ("months", 30)):
            for p in self._forms[name]:
                for m in p.finditer(text):
                    # "within 30 days", "30일 이내": a period quoted from the law, not days that have passed
                    if not (any(q.search(text[max(0, m.start() - 30):m.start()]) for q in self._forms["period_before"])
                            or any(q.match(text[m.end():m.end() + 4]) for q in self._forms["period_after"])):
                        n = m.group(1).lower()
                        return (int(n) if n.isdigit() else int(self._number_words.get(n, 1))) * scale
        return days_between(text, year)

    def _period(self, asked: Asked, question: str, text: str, sentence: str, year: int) -> bool:
        """A question whether a deadline has passed or a way of keeping records is long enough, with the days or the
        years it states: `asked` gets the entry and the figure."""
        if asked.form == OTHER and self._any("how_long", sentence):
            # "What is the maximum time MSIT can take to reply?", "how long must we keep the records?": the period
            # the question names, stated
            deadline = _best(self._deadlines, text)
            keep = None if deadline else _best(self._keeps, text)
            if deadline or keep:
                asked.kind, asked.subject = ("deadline", deadline) if deadline else ("keep", keep)
                return True
        if asked.form != YESNO:
            return False
        deadline = _best(self._deadlines, text) if asked.unbounded else None
        if deadline and next(d for d in self.k.deadlines if d.id == deadline).whose == "authority":
            # "Can they keep pushing the deadline back?": how often the authority's period may be extended
            asked.kind, asked.subject = "deadline", deadline
            return True
        late, within = self._any("late", sentence), self._any("within", sentence)
        # "Can we still ask for reconfirmation?" is about the asker's own period, "are they late?" about the
        # authority's: among the deadlines the question names, those of the side it asks about come first.
        named = [d for d in self.k.deadlines if any(p.search(text) for p in dict(self._deadlines)[d.id])]
        side = [d.id for d in named if (d.whose == "authority") == (late and not within)] if late or within else []
        deadline = _best([(i, pats) for i, pats in self._deadlines if i in (side or [d.id for d in named])], text)
        if deadline and not any(p.search(sentence) for p in dict(self._deadlines)[deadline]) and any(
                p.search(sentence) for _, pats, _ in self._duties for p in pats):
            deadline = None  # the period is told, but the asking sentence asks of a duty ("do we need the Art. 34
            # measures on launch day?")
        days = self.elapsed(question, year) if deadline else None  # as written: month names keep their capitals
        # "원래 30일 안에 답 줘야 하는 거 맞죠?", "they have to reply within 30 days, right?": the period itself,
        # put to be confirmed, not days that have passed
        put = self._period_put.search(sentence) if deadline and self._period_put is not None else None
        period = int(next(g for g in put.groups() if g)) if put else None
        # (days told apart from it are what is asked of; "always within 30 days?" asks whether it can run longer)
        if period is not None and days in (None, period) and not asked.always:
            asked.kind, asked.subject, asked.period = "deadline", deadline, period
            return True
        whose = next((d.whose for d in self.k.deadlines if d.id == deadline), None)
        if deadline and days is None and whose == "asker" and self._any("still", sentence):
            # "회신 받은 지 좀 됐는데 지금이라도 재확인 요청할 수 있나요?": in time or not turns on the days, unsaid
            asked.kind, asked.subject = "deadline", deadline
            return True
        if deadline and days is not None:
            # Of an authority's period one asks whether it has run out ("were they supposed to have answered by
            # now?"), unless asking whether it is still running; of one's own, whether one is still in time.
            asked.late = (late or not within) if whose == "authority" else (late and not within)
            asked.kind, asked.subject, asked.days = "deadline", deadline, days
            return True
        keep = _best(self._keeps, text)
        years = self._years.search(text) if keep else None
        if keep and years and (asked.sufficiency or asked.permission or asked.counts or not asked.obligation):
            n = years.group(1).lower()
            asked.kind, asked.subject, asked.years = "keep", keep, int(self._number_words.get(n, n))
            return True
        return False

    def _kept_after(self, text: str, end: int) -> bool:
        """Whether the words just after a duty's name ending at `end` say it was done and kept."""
        return self._kept is not None and self._kept.match(text, end) is not None

    def _compared_at(self, text: str, pos: int) -> bool:
        """Whether the words just before `pos` set what follows beside the matter asked as a comparison ("the way it
        can for a missing advance notice")."""
        return self._compared is not None and bool(self._compared.search(text[max(0, pos - COMPARED_WITHIN):pos]))

    def _allowed(self, asked: Asked, text: str, sentence: str) -> bool:
        """A question whether the asker may do something the law allows (or must do otherwise), or whether the law
        allows it ("can MSIT help small firms with…?", its words in the asking sentence): `asked` gets it."""
        if asked.form != YESNO:
            return False
        cued = asked.permission or asked.sufficiency or asked.obligation or asked.inverted
        # The story and the asking sentence, not a second question after it ("…올려야 하나요? 그리고 영업비밀인 부분은
        # 빼도 되나요?": the first asks of posting, not of what may be left out).
        at = text.find(sentence)
        told = text[:at + len(sentence)] if sentence and at >= 0 else text
        if not re.search(r"[?？]", text[len(told):]):
            told = text  # a reason told after the question ("…띄워야 하나요? 몰입이 다 깨질 것 같아서요.") is the story's
        # (asked without "may we / must we", a step owed first has no direction to answer in)
        # (an allowance named only in the story gives way to a term or duty the asking sentence names: "서버도 해외인데 …
        # 한국 법은 국내 회사한테만 적용되는 거라 상관없는 거 맞죠?" asks about the Act's reach)
        other = any(p.search(sentence) for _, pats, _ in [*self._classify, *self._duties] for p in pats)
        spans = self._neg.clauses(text)
        # (who it is for, denied — "기초생활수급자도 차상위계층도 아니고" — is not who the question is about; a long
        # match is several things read together over the question, not a word to deny)
        found = next((aid for aid, pats, needs in self._allowances if (cued or aid not in self._required)
                      and any(p.search(told if cued and not other else sentence) for p in pats)
                      and any(m.end() - m.start() > NEEDS_WORD or not self._neg.negated(text, spans, m.start(), m.end())
                              for n in needs for m in n.finditer(text))),
                     None)
        if found is None:
            return False
        asked.kind, asked.subject = "allowance", found
        return True

    def naming(self, asked: Asked) -> list[re.Pattern[str]]:
        """The patterns that name what `asked` is about (its duty or term): words of the question that restate it."""
        if asked.kind == "duty":
            return list(self._duty_pats.get(asked.subject, []))
        if asked.kind == "classify":
            return list(self._term_pats.get(asked.subject, []))
        return []

    def _sentences(self, question: str) -> list[str]:
        parts: list[str] = []
        for p in (p.strip() for p in SENTENCE_BREAK.split(question.strip())):
            if p and parts and (self._abbreviated.search(parts[-1])
                                or (p[:1].isdigit() and self._numbered.search(parts[-1]))):
                parts[-1] += " " + p  # "Art. 31": an abbreviation's full stop, not a sentence's
            elif p:
                parts.append(p)
        return parts

    def confirmed_the_other_way(self, question: str, sentence: str) -> bool:
        """Whether a last question after the asking sentence asks for the answer the other way round ("미리 고지해야
        하나요? 우리끼리만 쓰는 거라 안 해도 되는 거 맞죠?"): the asker wants that confirmed."""
        asking = [p for p in self._sentences(question) if self._asks[0].search(p)]
        last = normalise(asking[-1]) if asking else ""
        return bool(last) and last not in sentence and self._any("inverted", self._without_conditions(last))

    def asking_sentence(self, question: str) -> str:
        """The sentence that asks, where the form is read: the first one ending in a question mark (a question of
        two parts is answered as the part it opens with), else the first with a Korean question ending, else the
        last sentence. A Korean statement also ends in 요 ("…120만 명이에요."), so 요 alone does not ask."""
        parts = self._sentences(question)
        for test in self._asks:
            asking = [i for i, p in enumerate(parts) if test.search(p)]
            if asking:
                i = asking[0]
                # "Our lawyers say we are out of scope. Correct?": the confirmation asks about the sentence before.
                # "… a pop-up saying it runs on AI. Is that extra pop-up legally required?": likewise.
                back = self._confirmation.search(parts[i]) or self._refers_back.search(parts[i])
                return f"{parts[i - 1]} {parts[i]}" if i and back else parts[i]
        return (parts or [""])[-1]

    def asking_sentences(self, question: str) -> list[str]:
        """Every sentence of `question` that asks (the last sentence where none does): what the question asks about,
        apart from the story told around it."""
        parts = self._sentences(question)
        return [p for p in parts if any(test.search(p) for test in self._asks)] or parts[-1:] or [""]

    def asking_text(self, question: str) -> str:
        """The sentences that ask, joined."""
        return " ".join(self.asking_sentences(question))

    def form(self, question: str) -> str:
        s = normalise(self.asking_sentence(question))
        # A question word inside an embedded question ("왜 그런 결과가 나왔는지 설명을 받을 수 있나요?") does not
        # make the sentence a wh-question.
        s = self._embedded.sub(" ", s)
        if self._any("list", s):
            return LIST
        if self._any("yesno_then", s):
            return YESNO  # "대상인지, 그렇다면 어떻게 지정하는지": whether first, then how
        english = not has_korean(s)
        wh = self._forms["wh"][0].search(s) if english else self._forms["wh"][1].search(s)
        if wh:
            return OTHER
        # "… could face prison. Is that a real risk?": the part that asks has the form
        last = [p for p in SENTENCE_BREAK.split(s.strip()) if p.strip()][-1:] or [s]
        return YESNO if self._any("yesno", s) or self._any("yesno", last[0].strip()) else OTHER

    def read(self, question: str, ranked: list[str], as_of: str | None = None) -> Asked:
        """Form and subject of `question`, given the provisions retrieval ranked first (canonical ids) and the date
        it is asked on (the year of a date written without one)."""
        text = unquoted(normalise(question))
        sentence = unquoted(normalise(self.asking_sentence(question)))
        # "또 적발되면 금액이 올라가나요?" after a sentence about a fine asks about that fine.
        told = self._without("sanction_record", text)  # (not "we've never been fined")
        sanction = self._any("sanction", sentence) or (self._any("sanction_detail", sentence)
                                                        and self._any("sanction", told))
        owed = self._any("obligation", sentence)
        asked = Asked(self.form(question), sanction=sanction, obligation=owed, have_to=owed,
                      classification=self._any("classification", sentence),
                      permission=self._any("permission", sentence), sufficiency=self._any("sufficiency", sentence),
                      possibility=self._any("possibility", sentence),
                      inverted=self._any("inverted", self._without_conditions(sentence))
                      or self.confirmed_the_other_way(question, sentence),
                      sanction_detail=self._any("sanction_detail", sentence), counts=self._any("deemed", sentence),
                      in_force=self._any("in_force", sentence), month_only=month_only(question, as_of),
                      launched_before=launched_before(question), sentence=sentence,
                      always=self._any("always", sentence), follows=self._any("follows", sentence),
                      occasion=self._any("occasion", sentence), reported=self._any("reported", text),
                      endeavour_named=self._any("endeavour_named", sentence),
                      reduced=self._any("reduced", sentence),
                      result_within=self._any("result_within", sentence), unbounded=self._any("unbounded", sentence),
                      how_done=self._any("how_done", sentence),
                      since_when=self._any("since_when", sentence),
                      who_bears=self._any("who_bears", sentence),
                      eligible=self._any("eligible", sentence),
                      before_step=self._any("before_step", sentence), without=self._any("without", sentence),
                      own=self._any("self", text) or bool(has_korean(text) and not self._general.search(sentence)))
        if self._other_subject is not None and self._other_subject.search(sentence):
            asked.own, asked.about_other = False, True
            # ("…give our product preference?": of the asker's own thing, as the other party would treat it)
            asked.of_own = self._any("self", sentence)
        asked.fine_rows = [rid for rid, pats in self._fine_rows if any(p.search(text) for p in pats)]
        asked.ignored = self._any("fine_ignored", text)
        if asked.sanction:
            # the part of the schedule asked about: in the asking sentence, else anywhere in the question
            asked.fine = next((part for where in (sentence, text) for part in FINE_PARTS
                               if self._any(f"fine_{part}", where)), "")
            asked.sanction_detail = asked.sanction_detail or bool(asked.fine)
            asked.amount = next((v for _, _, v, cur in quantities(sentence) if cur == "KRW"), None)
            asked.base = self._any("fine_base", sentence)
            asked.small = self._any("fine_small", sentence)
            asked.fits = self._any("fine_fits", sentence)
            asked.same = self._any("fine_same", sentence)
        if self._deemed(asked, text, sentence):
            return asked
        # An entry that answers yes/no must be what the asking sentence asks about ("is it high-impact? we have no
        # medical-device licence yet" is not a licence question); a bare follow-up ("Does it?") asks what the
        # sentence before it says.
        scope = text if len(sentence.strip()) <= 12 or self._refers_back.search(sentence.strip()) else sentence
        for nid in [nid for nid, pats in self._not_covered if any(p.search(text) for p in pats)
                    and (nid not in self._answering or any(p.search(scope) for p in pats))
                    and (nid not in self._not_covered_needs or any(p.search(text) for p in self._not_covered_needs[nid]))
                    ][:1]:
            asked.kind, asked.subject = "not_covered", nid
            return asked
        # ("뭘 해야 하나요? 따로 해야 할 게 있긴 한가요?": a list question put again as whether there is anything)
        yesno = asked.form == LIST and any(self._any("yesno", s) and not self._any("wh", s) and self._any("list", s)
                                           for s in [sentence, *map(normalise, self.asking_sentences(question))])
        if asked.form == LIST and not asked.own:
            # "what must an organisation meet to be designated…": not the asker's duties; "does the Act apply to this
            # module?" of another's case is a yes/no question
            asked.form = YESNO if yesno else OTHER
        if asked.form == LIST and yesno:
            asked.yesno_list = True
        # ("Is that extra pop-up legally required, or can we skip it?": the question it opens with is answered)
        # (the "or" between them: "the duty sits with the producers or the platforms, not with us" opens nothing)
        opened = self._any("alternative", sentence) and self._first("obligation", sentence, before="permission") \
            and self._first("obligation", sentence, before="inverted") \
            and self._first("alternative", sentence, before="inverted")
        if asked.permission and asked.without and self._without_duty(sentence) and not opened:
            # "can we hand them over without the label?" asks, like "can we skip it?", whether the duty binds (not
            # "can we get confirmed without our own model?")
            asked.inverted = True
        if opened:
            asked.inverted = False
        if asked.inverted:
            asked.obligation, asked.permission = True, False  # "can we skip it?" asks whether it binds
        if asked.possibility:
            asked.permission = False  # "could it count as…" asks whether something is so, not whether it may be done
        if asked.obligation and not (self._first("sufficiency", sentence, before="obligation")
                                     or self._closes("sufficiency", sentence)
                                     or self._first("permission", sentence, before="obligation")):
            # "must we…, or may we…": the obligation is what it opens with ("is X enough, or must we…", "can we hire
            # someone to carry it out…": not)
            asked.permission = asked.sufficiency = False
        if self._period(asked, question, text, sentence, int((as_of or date.today().isoformat())[:4])):
            return asked
        if self._allowed(asked, text, sentence):
            return asked
        top = ranked[:len(RANK_WEIGHT)]

        def support(own: tuple[str, ...]) -> float:
            return sum(w for w, cid in zip(RANK_WEIGHT, top) if any(related(cid, o) for o in own))

        # The provision the asking sentence cites by number ("outside the Article 32 safety-assurance tier, right?")
        cited = asked.cited = [c.cid for c in find_citations(sentence)]

        def cited_weight(own: tuple[str, ...]) -> float:
            return CITED_WEIGHT if any(related(c, o) for c in cited for o in own) else 0.0

        scored: list[tuple[float, tuple[int, int], int, str, str]] = []
        sent_at = text.rfind(sentence.strip()) if sentence.strip() else -1
        # what the asking sentence asks to be done ("…그래도 AI가 만든 거라는 표시를 해야 돼요?") names the duty, before
        # one its other clause names ("딥페이크도 아니고")
        todo = self._to_be_done.span(text, self._neg.clauses(text)) if asked.obligation else None
        by_group: set[str] = set()  # duties named only as one of a group ("the transparency duties")
        story_duties: dict[str, float] = {}  # duties named only outside the asking sentence: their retrieval support
        named_in_sentence: set[str] = set()
        for i, (did, pats, own) in enumerate(self._duties):
            found = [list(p.finditer(text)) for p in pats]  # each pattern's matches, read once
            # (a duty the story says was kept is not the one asked about)
            cues = sum(1 for ms in found if any(not self._kept_after(text, m.end()) for m in ms))
            if not cues:
                continue  # a duty is asked about in words; retrieval only chooses between the ones named
            if not any(found[:self._own_words[did]]):
                by_group.add(did)
            matches = [m for ms in found for m in ms]
            # On a tie, the duty named by more distinct words: "clones voices so they sound real" names the realistic-
            # output duty twice, "disclosure" the notice duty once.
            words = len({m.group(0) for m in matches})
            # then the duty named in more words ("영향평가를 거친 제품을 우선 고려": the preference, not the assessment)
            span = max((len(m.group(0)) for p in pats for m in p.finditer(sentence)), default=0)
            # The duty the asking sentence names is the one asked about, before one named in the story around it.
            # (or whose words run on into it: "only one has done an impact assessment. Are we supposed to favour
            # that one?" names the preference)
            in_sentence = SENTENCE_WEIGHT if any(p.search(sentence) for p in pats) or (sent_at > 0 and any(
                m.start() < sent_at < m.end() for m in matches)) else 0.0
            done = TODO_WEIGHT if todo and any(m.start() < todo[1] and todo[0] < m.end() for m in matches) else 0.0
            scored.append((CUE_WEIGHT * min(cues, 2) + support(own) + (0.5 if asked.obligation else 0.0) + in_sentence
                           + cited_weight(own) + done,
                           (words, span), -i, "duty", did))
            if not in_sentence:
                story_duties[did] = support(own)
            else:
                named_in_sentence.add(did)
        story_only = {d: v for d, v in story_duties.items() if self.k.duties[d].type == "power"}
        if story_only and named_in_sentence:
            # Retrieval does not make a power of MSIT's that only the story names what is asked, over a duty the
            # question names ("Our AI visual inspection system flags … We don't have to put up any AI notice,
            # right?": the provisions "inspection" finds are not what is asked). (A duty the story names can be: the
            # safety tier a story of 10^26 FLOPs describes, the realistic-output duty narrowing a label asked about.)
            scored = [(x[0] - story_only[x[4]], *x[1:]) if x[3] == "duty" and x[4] in story_only else x
                      for x in scored]
        if asked.sufficiency or any(x[3] == "duty" and x[4] not in by_group for x in scored):
            # A duty named on its own is what is asked, not the group it is named in ("투명성 의무 중 표시 의무는…");
            # whether one way of doing them is enough for the whole group ("is a line in our terms all we need under
            # the transparency rules?") is not answered by one duty of it.
            scored = [x for x in scored if x[4] not in by_group]
        # (a term the sentence says the asker is not is named after the others: "개발사업자가 아니라 이용사업자 맞죠?" asks
        # the second)
        supposed = self._without_conditions(sentence)
        for i, (tid, pats, own) in enumerate(self._classify):
            cues = sum(1 for p in pats if p.search(text))
            if not cues:
                continue  # a term is asked about by name ("high-impact", "business operator"), never by retrieval
            # "Is it high-impact?" asks about the term; "are we treated as having taken the high-impact measures?"
            # asks about the duty.
            bonus = 1.0 if asked.classification and not (asked.obligation or asked.counts) else 0.0
            # The term the asking sentence names, before one the story's figures touch ("10^26 FLOPs … does that
            # alone make it high-impact?").
            in_sentence = SENTENCE_WEIGHT if any(p.search(sentence) for p in pats) else 0.0
            # Of two named alike, the one the asking sentence names first ("an 'AI developer' rather than just an
            # 'AI-using business operator'?").
            first = min((m.start() for p in pats for m in [p.search(supposed)] if m), default=len(sentence))
            # (retrieval supports a term the asking sentence names: the provisions a story's figure finds — "10^26
            # FLOPs" finds the safety tier's — do not make it what "does that make it high-impact?" asks)
            # (and the term whose provision the asking sentence cites by number: "'high-impact AI' under Article 2
            # simply because of its training compute?")
            scored.append((CUE_WEIGHT * min(cues, 2) + (support(own) if in_sentence else 0.0) + bonus + in_sentence
                           + cited_weight(own), (-first, 0), -i - 100, "classify", tid))
            if in_sentence and not named_in_sentence:
                # Nor does retrieval make a duty only the story names what is asked, over a term the asking sentence
                # names and no duty does ("… 약관이랑 서류 안내만 합니다. 이건 고영향 인공지능은 아니죠?": the provisions
                # "안내" finds are not what is asked).
                scored = [(x[0] - story_duties[x[4]], *x[1:]) if x[3] == "duty" and x[4] in story_duties else x
                          for x in scored]
                story_duties = {}
        scored.sort(reverse=True)
        if asked.sanction:
            # "(the notice is done) — is the missing label alone fined?": the violation a fine is asked about is
            # the duty the asking sentence names, whatever the story around it names more often.
            # Of several, the one named nearest the word of the sanction.
            at = [m.start() for p in self._forms["sanction"] for m in p.finditer(sentence)]

            def distance(did: str) -> int:
                # (a duty the sentence names only to compare with — "the way it can for a missing advance notice" —
                # is not the violation asked about)
                return min((abs(m.start() - a) for p in self._duty_pats[did] for m in p.finditer(sentence)
                            if not self._compared_at(sentence, m.start())
                            for a in at),
                           default=len(sentence) + 1)

            # A power (an investigation) is not a violation: "…만으로 사실조사를 하거나 과태료를 매길 수 있나요?"
            named = sorted((x for x in scored if x[3] == "duty" and x[0] >= MIN_SCORE
                            and self.k.duties[x[4]].type != "power" and distance(x[4]) <= len(sentence)),
                           key=lambda x: distance(x[4]))
            gaps = [m.start() for p in self._forms["missing"] for m in p.finditer(text)]

            def unmet(did: str) -> int:  # how near the duty's words come to a word saying it was not done
                return min((abs(m.start() - g) for p in self._duty_pats[did] for m in p.finditer(text)
                            if not self._compared_at(text, m.start())
                            for g in gaps), default=len(text) + 1)

            if len(named) > 1 and any(unmet(x[4]) <= MISSING_NEAR for x in named):
                # Several named in the asking sentence, one said not done ("forgets the label (we do show the
                # notice), can MSIT fine us?"): that one is the violation.
                named = sorted(named, key=lambda x: (unmet(x[4]) > MISSING_NEAR, unmet(x[4])))
            if not named:
                # None named in the asking sentence ("이것만으로 바로 과태료가 나오나요?"): the duty the story says was
                # not done, rather than one it says was done.
                named = sorted((x for x in scored if x[3] == "duty" and x[0] >= MIN_SCORE
                                and self.k.duties[x[4]].type != "power" and unmet(x[4]) <= MISSING_NEAR),
                               key=lambda x: unmet(x[4]))[:1]
            scored = named[:1] + [x for x in scored if x not in named[:1]]
        if scored and scored[0][3] in ("duty", "classify"):
            # A duty whose words in the asking sentence continue the first one's ("영향평가를 거친 제품을 우선 고려"
            # begins with "영향평가"; "the high-impact AI obligations" begins with the term "high-impact AI") is the
            # more specific: it is what is asked, wherever else the sentence names the first ("업체 중에 영향평가를 한
            # 곳도 있고 … 영향평가를 거친 제품을 우선 고려해야").
            def spans(key: str, kind: str = "duty") -> list[tuple[int, int]]:
                pats = self._duty_pats[key] if kind == "duty" else self._term_pats[key]
                return [m.span() for p in pats for m in p.finditer(sentence)]

            top = spans(scored[0][4], scored[0][3])
            wider = next((x for x in scored[1:] if x[3] == "duty" and x[0] >= MIN_SCORE and top and any(
                any((a == s and e < b) or (a < s and e == b) for a, b in spans(x[4])) for s, e in top)), None)
            if wider is not None:
                scored = [wider] + [x for x in scored if x is not wider]
        if scored and scored[0][0] >= MIN_SCORE:
            asked.kind, asked.subject = scored[0][3], scored[0][4]
            if asked.kind == "classify":
                asked.cue_in_sentence = any(p.search(sentence) for p in self.naming(asked))
            if asked.kind == "duty":
                asked.others = [x[4] for x in scored[1:] if x[3] == "duty" and x[0] >= MIN_SCORE]
                first = {d: min((m.start() for p in pats for m in [p.search(text)] if m), default=len(text))
                         for d, pats, _ in self._duties}
                asked.named = sorted((x[4] for x in scored if x[3] == "duty"), key=lambda d: first[d])
                # "A competitor reported our missing labels; can MSIT investigate us?": the power the asking
                # sentence names is asked about, the duties beside it are what it would reach.
                power = next((d for d, pats, _ in self._duties if d in [asked.subject, *asked.others]
                              and self.k.duties[d].type == "power" and any(p.search(sentence) for p in pats)), None)
                if power and power != asked.subject and not asked.sanction:
                    asked.others = [asked.subject, *[d for d in asked.others if d != power]]
                    asked.subject = power
                if self.k.duties[asked.subject].type == "power" and not any(
                        self.k.duties[d].type != "power" for d in asked.named):
                    # "MSIT seems to suspect that we ignored Article 32. Can it demand our documents?": the violation a
                    # power is asked of may be named by the number of the provision that states the duty
                    in_text = [c.cid for c in find_citations(text)]
                    by_number = [did for did, d in self.k.duties.items() if d.type != "power" and any(
                        related(c, o) for c in in_text for o in d.rests_on)]
                    asked.named += [d for d in by_number if d not in asked.named]
                asked.cue_in_sentence = any(p.search(sentence) for p in self._duty_pats[asked.subject])
                if asked.form == LIST and self.k.duties[asked.subject].type == "option":
                    # "what do we prepare to apply for the AI product confirmation?" asks the steps of a procedure
                    # the asker chooses to follow, not which duties bind it
                    asked.form = OTHER
                # a manner the asking sentence names may be one of another duty it names ("does an 'AI-generated'
                # notice have to stay on screen throughout those photo-realistic scenes?")
                # (or of the duty that narrows how the one asked about is done: the realistic-output notice of
                # labelling)
                for did in dict.fromkeys([asked.subject, *asked.others, *self._tighter[asked.subject]]):
                    asked.must = next((mid for mid, pats in self._musts.get(did, [])
                                       if any(p.search(sentence) for p in pats)), "")
                    if asked.must:
                        if did != asked.subject:
                            asked.others = [asked.subject, *[d for d in asked.others if d != did]]
                            asked.subject = did
                        break
                # (asked whether all of it is lifted — "책무를 전부 면제받는 거죠?" — an exception leaving part of the
                # duty does not answer either)
                whole = asked.inverted and self._any("whole_duty", sentence)
                asked.left = [eid for eid, pats in self._leaves[asked.subject]
                              if whole or any(p.search(sentence) for p in pats)]
                asked.favoured = any(p.search(sentence) for p in self._favours.get(asked.subject, []))
        # "인공지능기본법 의무는 언제부터 지켜야 했나요?" after a story about a chatbot: the Act as a whole, not a duty the
        # story names
        since = asked.form == OTHER and asked.since_when and not (asked.kind == "duty" and asked.cue_in_sentence)
        # "Will the Act's transparency duties already be in force by then?", "AI기본법이 이미 시행 중인가요?": of the Act
        # as a whole, where nothing else was read as asked and no article is cited
        in_force = asked.form == YESNO and asked.in_force and not asked.sanction and not asked.kind and not asked.cited
        if since or in_force:
            act = next((x for x, pats in self._commencements if any(p.search(sentence) for p in pats)), None)
            if act is not None:
                asked.kind, asked.subject = "commencement", act
        return asked


MISSING_NEAR = 30  # characters between a duty's words and a word saying it was not done ("표시가 … 빠져")

# Quotation marks around a word or phrase ("are we the AI 'developer' here?", "'고영향'인가요?"): the question quoting
# the law's words, which name what is asked as the bare words do (an apostrophe inside a word is no quotation mark).
_QUOTE_MARK = re.compile(r"(?:^|(?<=[\s(\[/]))['‘“\"]|['’”\"](?=[\s.,;:!?)\]/]|$|[가-힣])")


def unquoted(text: str) -> str:
    """`text` without the quotation marks around its words."""
    return _QUOTE_MARK.sub("", text)


def _best(entries: list[tuple[str, list[re.Pattern[str]]]], text: str) -> str | None:
    """The entry whose patterns match the most distinct words of `text` (the first on a tie); None if none does."""
    scored = [(len({m.group(0) for p in pats for m in p.finditer(text)}), -i, key)
              for i, (key, pats) in enumerate(entries)]
    best = max(scored, default=(0, 0, None))
    return best[2] if best[0] else None


def _named(entries: list[tuple[Any, list[re.Pattern[str]]]], text: str) -> list[Any]:
    return [key for key, pats in entries if any(p.search(text) for p in pats)]


def _own(duty) -> tuple[str, ...]:  # noqa: ANN001 - a Duty
    """The provisions that state a duty: what it rests on, how it is done, and its exceptions."""
    return tuple(dict.fromkeys(duty.rests_on + duty.how + [c for e in duty.exceptions for c in e.rests_on
                                                           if not c.startswith("act:4")]))


def related(cid: str, own: str) -> bool:
    """A retrieved provision is one of an entry's own, or contains it, or lies within it."""
    return cid == own or own.startswith(cid + ":") or cid.startswith(own + ":")
