"""The lead of an answer: the verdict in one plain sentence, then the reasons, the conditions under which the answer
would change, the method and the sanction, each sentence marked with the provisions it rests on ([cid], turned
into [n] citations by `cite`). Every sentence comes from the duty map's own plain text; this module only chooses
and joins them, in the question's language."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

from corpus.knowledge import CID_MARK, Area, Bilingual, Duty, Exception_, Guidance, Knowledge, Note
from corpus.labels import ko_date
from corpus.manifest import load_manifest
from corpus.settings import CORPUS_DIR

from assistant.added import Added
from assistant.asked import LIST, OTHER, YESNO, Asked, related
from assistant.facts import Facts
from assistant.reason import APPLIES, DEPENDS, NOT_APPLY, Reason, Reasoner, Status

VERDICT_WORD = {"yes": {"en": "Yes", "ko": "예"}, "no": {"en": "No", "ko": "아니요"},
                "depends": {"en": "It depends", "ko": "경우에 따라 다릅니다"}}
# "Do we have any obligations?" answered over the whole map, before the list of duties.
LIST_VERDICT = {
    "yes": {"en": "on the facts you describe, at least one duty of the AI Basic Act binds you; each duty is listed "
                  "below with its status and why",
            "ko": "말씀하신 사실관계에 비추어 보면 인공지능기본법상 적용되는 의무가 있으며, 각 의무의 적용 여부와 그 이유는 "
                  "아래와 같습니다"},
    "no": {"en": "on the facts you describe, none of the duties of the AI Basic Act binds you; each duty is listed "
                 "below with why",
           "ko": "말씀하신 사실관계에 비추어 보면 인공지능기본법상 적용되는 의무가 없으며, 각 의무와 그 이유는 아래와 "
                 "같습니다"},
    "depends": {"en": "whether duties of the AI Basic Act bind you turns on facts you have not stated; each duty is "
                      "listed below with what it depends on",
                "ko": "인공지능기본법상 의무가 적용되는지는 말씀하지 않은 사실관계에 따라 달라지며, 각 의무와 그 적용 "
                      "여부를 가르는 사항은 아래와 같습니다"},
}
STATUS_WORD = {APPLIES: {"en": "applies", "ko": "적용됨"}, NOT_APPLY: {"en": "does not apply", "ko": "적용되지 않음"},
               DEPENDS: {"en": "depends", "ko": "경우에 따라 다름"}}
TO_VERDICT = {APPLIES: "yes", NOT_APPLY: "no", DEPENDS: "depends"}
MAX_BRANCHES = 2  # unknown facts spelled out with both branches
MAX_ALSO = 2  # further grounds named beside a "no"
DESCRIBED_CASE = 3  # facts stated (not implied) that make a third-person question a case rather than the rule
_MONTH_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


@lru_cache(maxsize=1)
def guideline_titles() -> dict[str, dict[str, str]]:
    """The guidelines' short titles, by language, from the corpus manifest (the names answers cite them by)."""
    docs = load_manifest(CORPUS_DIR / "manifest.toml")
    return {d.id: {"en": d.short_en, "ko": d.short_ko} for d in docs if d.id.startswith("guideline/")}


@dataclass
class DutyLine:
    """One duty of the answer's `duties` list, before its marks become citation numbers."""

    id: str
    status: str
    because: list[str]  # plain sentences with [cid] marks


@dataclass
class Lead:
    verdict: str | None
    lines: list[str]  # answer lines with [cid] marks
    duties: list[DutyLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # guidance and assumptions (no marks: not law)
    decline: str = ""  # a statement of what the regime does not do, for a question it cannot answer


def _t(b: Bilingual | dict[str, str], lang: str) -> str:
    return getattr(b, lang) if isinstance(b, Bilingual) else b[lang]


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:1].isupper() and not s[1:2].isupper() else s  # "AI" and "MSIT" stay


_AREA_CITED = re.compile(r"^act:2::?4::?([a-k])$")  # a sub-item of Act Art. 2 item 4 (a listed area)
# the word a branch line (`_branch_line`) opens with, after its condition
_BRANCH_WORD = re.compile(r"^(- 「[^」]*」라면: |- If [^:]*: )(예|아니요|yes|no)( — )")
_SWAPPED = {"예": "아니요", "아니요": "예", "yes": "no", "no": "yes"}


def _after_dash(word: str, sentence: str, lang: str) -> str:
    return f"{word} — {_lower_first(sentence) if lang == 'en' else sentence}"


def _branch_line(cond: str, verdict: str, text: str, lang: str) -> str:
    """One branch of a "depends" lead: the answer where `cond` holds."""
    word = VERDICT_WORD[verdict][lang]
    return f"- 「{cond}」라면: {word} — {text}" if lang == "ko" else \
        f"- If {_lower_first(cond)}: {_after_dash(word.lower(), text, lang)}"


def _led_by(depends_line: str, lang: str, en: str, ko: str) -> str:
    """A "depends" line led instead by a verdict that says what is not enough on its own ("No, not by itself — it
    depends on whether …"), or what could be so ("Yes, it can — it depends on whether …")."""
    return _after_dash(en if lang == "en" else ko, depends_line.split(" — ", 1)[-1], lang)


def _date_words(iso: str, lang: str) -> str:
    """"24 January 2026" / "2026년 1월 24일": a date as the verifier finds it in a quote's "2026. 1. 24."."""
    if lang != "en":
        return ko_date(iso)
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {_MONTH_EN[m - 1]} {y}"


def _marks(cids: list[str]) -> str:
    return " ".join(f"[{c}]" for c in dict.fromkeys(cids))


class _FineSchedule:
    """Answers about a fine's amount from the Decree's schedule (Annex 2): a repeat within two years, a reduction, an
    increase, the Act's ceiling, and the failure to follow an order, which is fined of itself."""

    def _row(self, asked: Asked):  # noqa: ANN202 - a ScheduleRow or None
        rows = self.k.schedule.row
        named = [r for r in rows if r.id in asked.fine_rows]
        order = next((r for r in named if r.id == "order"), None)
        if order is not None and asked.subject not in {r.duty for r in rows if r.duty}:
            return order  # "MSIT ordered us to fix our labels; is ignoring it fined?": the order is what is fined
        # (a duty with no row of its own is not fined by another duty's row the question also names)
        own = self.k.duties.get(asked.subject) if asked.kind == "duty" else None
        named = [r for r in named if not (own is not None and r.duty and r.duty != asked.subject)]
        return next((r for r in rows if r.duty and r.duty == asked.subject), None) or (named[0] if named else None)

    def _ignored_order(self, asked: Asked) -> bool:
        """Whether the question says an order was not complied with and asks whether that is fined."""
        return asked.ignored and not asked.sanction_detail and getattr(self._row(asked), "id", "") == "order"

    def fine_lead(self, asked: Asked, facts: Facts, lang: str) -> Lead | None:
        row = self._row(asked)
        if row is None and asked.fine != "reduce":
            return None  # (a reduction is the schedule's general rule, whatever the violation)
        p = self.k.schedule.plain
        amounts = self._amounts(row, lang) if row is not None else ""

        def value(fid: str) -> bool | None:
            v = facts.values.get(fid)
            return None if v is None else bool(v.value)

        def depends(what: Bilingual, *lines: str) -> Lead:
            rests = _marks(["decree:annex-2:1"])
            first = (f"{VERDICT_WORD['depends']['ko']} — {_t(what, lang)}에 따라 달라집니다 {rests}." if lang == "ko"
                     else f"It depends on {_t(what, lang)} {rests}.")
            return Lead("depends", [first, *(f"- {x}" for x in lines if x)])

        def said(verdict: str, first: str, *lines: str) -> Lead:
            return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], first, lang),
                                  *(f"- {x}" for x in lines if x)])

        part = asked.fine or ("ignored" if self._ignored_order(asked) else "")
        if part == "ignored":
            return said("yes", _t(p.ignored, lang), amounts)
        if part == "cap":
            # "the scheduled 20 million raised by half is 30 million, within the Act's maximum: can they impose it?"
            # yes where the scheduled amount told, raised by the most the Decree allows, stays within the maximum
            s = self.k.schedule
            fits = asked.fits and asked.base and asked.amount is not None and \
                asked.amount * (1 + s.adjust) <= s.ceiling
            return said("yes" if fits else "no", _t(p.increase, lang), amounts)
        if part == "reduce":
            # (arrears told of the asker's own case; "is it available to a violator in arrears?" asks the rule)
            arrears = value("in_arrears") if asked.own else None
            if arrears is True or asked.always:  # "automatically halved?": the Decree allows it, never as of right
                return said("no", _t(p.reduce, lang), amounts)
            # what the reduction turns on, spoken of without being settled ("we may still owe an old fine", "whether
            # we count as an SME is unclear"): it depends on that
            unsettled = next((f for f in ("in_arrears", "sme") if value(f) is None and f in facts.mentioned), None)
            if unsettled is not None:
                return depends(self.k.facts[unsettled].ask, _t(p.reduce, lang), amounts)
            if value("sme") is False and asked.own:
                # "We're not an SME — any room for a reduction?": the other grounds, which the question does not tell
                return depends(p.reduce_grounds, _t(p.reduce, lang), amounts)
            if asked.reduced and not (asked.permission or asked.possibility):
                # "중소기업이면 과태료가 절반으로 줄어드나요?" asks whether it will be, not whether it can be
                return depends(p.reduce_decision, _t(p.reduce, lang), amounts)
            return said("yes", _t(p.reduce, lang), amounts)
        if part == "increase" and asked.amount is not None and asked.amount >= self.k.schedule.ceiling:
            # "가중되면 3천만원보다 더 나올 수도 있나요?": no increase goes above the Act's maximum
            return said("no", _t(p.increase, lang), amounts)
        if part == "increase":
            if value("violation_long") is True:
                return said("yes", _t(p.increase, lang), amounts)
            return depends(p.grounds, _t(p.increase, lang), amounts)
        if part == "repeat":
            # "does it go up?" is answered yes where it rises; "will it simply be the same?" the other way round
            rises, stays = ("no", "yes") if asked.same else ("yes", "no")
            if len(set(row.amounts)) == 1:
                return said(stays, _t(p.same, lang), amounts)
            within = value("fine_within_two_years")
            if within is None:
                return depends(p.window, _t(p.rises, lang), amounts)
            return said(rises if within else stays, _t(p.rises, lang), amounts)
        scheduled = {a * self.k.schedule.unit for a in row.amounts}
        if asked.base and asked.amount is not None and part in ("exact", "", "repeat") and (
                asked.amount not in scheduled or scheduled == {asked.amount}):
            # "Is the scheduled amount 30 million?": the table's own figures answer it, whatever the adjustment.
            return said("no" if asked.amount not in scheduled else "yes", amounts)
        first = value("first_violation") is True
        if part in ("exact", "") and asked.amount is not None and self._beyond(row, asked.amount, first):
            # "Could they fine us the full 30 million?" where no violation of this kind (no first one, where the
            # question says it is the first) can come to that much.
            return said("no", _t(p.beyond_first if first else p.beyond, lang), amounts, _t(p.increase, lang))
        if part in ("exact", "") and asked.amount is not None and self._short(row, asked.amount):
            # "첫 위반이니까 500만원 정도로 끝나겠죠?" where no violation of this kind is fined that little.
            return said("no", amounts, _t(p.reduce, lang))
        if part in ("exact", "") and asked.amount is not None and not asked.base and \
                asked.amount == row.amounts[0] * self.k.schedule.unit and \
                ((first and asked.possibility) or (len(set(row.amounts)) == 1 and (first or asked.ignored))):
            # "If it's our first violation, could the fine be KRW 5 million?": the schedule's first amount; "if we
            # ignore it, is it really 20 million even the first time?" where every violation is fined the same
            return said("yes", amounts, _t(p.reduce, lang), _t(p.increase, lang))
        if part == "exact":
            return depends(p.adjust, amounts, _t(p.reduce, lang), _t(p.increase, lang))
        return None

    def _amounts(self, row, lang: str) -> str:  # noqa: ANN001 - ScheduleRow
        """The schedule's amounts for a row, as a sentence citing the row's provisions."""
        text = _t(self.k.schedule.plain.amounts, lang).format(name=_t(row.name, lang), a1=f"{row.amounts[0]:,}",
                                                               a2=f"{row.amounts[1]:,}", a3=f"{row.amounts[2]:,}")
        return text.replace("[decree:annex-2:2]", _marks(row.rests_on))

    def fine_statement(self, asked: Asked, lang: str, facts: Facts | None = None) -> Lead | None:
        """A wh-question about a fine ("how much is it?", "what happens if we keep ignoring the order?"): what the
        schedule says of the failure it names, without a verdict; else what the duty named says of its fine. The
        reduction is said beside the amounts where the asker is small (said in the asking sentence or in `facts`)."""
        row = self._row(asked)
        if row is not None:
            p = self.k.schedule.plain
            part = asked.fine or ("ignored" if asked.ignored and row.id == "order" else "")
            first = {"reduce": p.reduce, "increase": p.increase, "cap": p.increase, "ignored": p.ignored,
                     "repeat": p.same if len(set(row.amounts)) == 1 else p.rises}.get(part)
            sme = facts is not None and "sme" in facts.values and facts.values["sme"].value is True
            small = [f"- {_t(p.reduce, lang)}"] if (asked.small or sme) and first is None else []
            return Lead(None, ([_t(first, lang)] if first is not None else []) + [self._amounts(row, lang)] + small)
        duty = self.k.duties.get(asked.subject) if asked.kind == "duty" else None
        if duty is not None and duty.plain.fine is not None:
            return Lead(None, [_t(duty.plain.fine, lang)])
        return None

    def _short(self, row, amount: float) -> bool:  # noqa: ANN001 - ScheduleRow
        """Whether `amount` (won) is less than any violation of `row` is fined: its lowest scheduled amount reduced
        by the most the Decree allows."""
        s = self.k.schedule
        return amount < min(row.amounts) * s.unit * (1 - s.adjust)

    def _beyond(self, row, amount: float, first: bool = False) -> bool:  # noqa: ANN001 - ScheduleRow
        """Whether `amount` (won) is more than any violation of `row` (a first one, if `first`) can be fined: its
        highest scheduled amount increased by the most the Decree allows, and never above the Act's maximum."""
        s = self.k.schedule
        top = row.amounts[0] if first else max(row.amounts)
        return amount > min(top * s.unit * (1 + s.adjust), s.ceiling)


class Composer(_FineSchedule):
    """Words the reasoning over the duty map as the lead of an answer."""

    def __init__(self, knowledge: Knowledge, reasoner: Reasoner, revised: frozenset[str] = frozenset(),
                 quote: Callable[[Guidance], str | None] | None = None) -> None:
        self.k = knowledge
        self.r = reasoner
        self.revised = revised  # provisions whose wording changed between versions
        self.quote = quote  # the guideline's own sentence behind a guidance note (assistant.guidance), if known

    # ------------------------------------------------------------------ pieces

    def _reason_text(self, reason: Reason, lang: str) -> str:
        return reason.text.get(lang, "")

    def _area_of(self, facts: Facts) -> Area | None:
        """The listed area the question's use was read in, if any."""
        return next((a for a in self.k.areas if a.id == facts.area), None)

    def _ask(self, fid: str, lang: str, facts: Facts | None = None) -> str:
        spec = self.k.facts[fid]
        area = self._area_of(facts) if facts is not None else None
        if spec.ask_in_area is not None and area is not None and facts.get(fid) is None:
            return _t(spec.ask_in_area, lang).format(area=_t(area.name, lang))
        return _t(spec.ask, lang)

    def _depends_line(self, status: Status, rests: list[str], lang: str, facts: Facts | None = None) -> str:
        asks = [self._ask(u, lang, facts) for u in status.unknown[:MAX_BRANCHES + 1]]
        if not asks:  # (open on something the question touches that no single fact decides: said so, not left blank)
            asks = ["질문이 분명히 하지 않은 사실" if lang == "ko" else "facts the question leaves unsettled"]
        if lang == "ko":
            return f"{VERDICT_WORD['depends']['ko']} — {', '.join(asks)}에 따라 달라집니다 {_marks(rests)}."
        return f"It depends on {'; and on '.join(asks)} {_marks(rests)}."

    def _unknown_terms(self, duty: Duty, facts: Facts) -> list[str]:
        return [t for t in duty.applies_when if self.r.term(t, facts) is None]

    def _branch_lines(self, status: Status, facts: Facts, lang: str, duty: Duty | None = None,
                      term: str | None = None) -> list[str]:
        """For each unknown fact that decides it, the answer under each of its values."""
        lines = []
        for fid in status.unknown[:MAX_BRANCHES]:
            spec = self.k.facts[fid]
            if spec.type != "bool":
                continue
            for value in (True, False):
                result = status.branches.get(fid, {}).get(value)
                if result is None or result == DEPENDS:
                    continue
                cond = _t(spec.state.true if value else spec.state.false, lang)
                if duty is not None:
                    s2, because = self.r.evaluate(duty, self.r.given(facts, fid, value))
                    if result == APPLIES:
                        text = _t(duty.plain.rule, lang)
                    else:
                        text = self._reason_text(because[0], lang) if because and because[0].text else ""
                else:
                    given = facts.with_value(fid, value)
                    v = self.r.term(term, given)
                    text = self.r.term_text(term, bool(v), given).get(lang, "")
                if not text:
                    continue
                lines.append(_branch_line(cond, TO_VERDICT[result], text, lang))
        return lines

    def _guidance_notes(self, term_ids: list[str], facts: Facts, lang: str, duty: Duty | None = None) -> list[str]:
        notes = []
        for tid in term_ids:
            value = self.r.term(tid, facts)
            shown = "unknown" if value is None else str(value).lower()
            notes += self._notes_of([g for g in self.k.terms[tid].guidance if shown in g.shown_when
                                     and (not g.fact or facts.get(g.fact) is True)
                                     and (not g.area or facts.area == g.area)
                                     and (not g.duties or (duty is not None and duty.id in g.duties))], lang)
        return list(dict.fromkeys(notes))

    def _notes_of(self, guidance: list, lang: str) -> list[str]:  # noqa: ANN001 - Guidance entries
        """Guidance the answer rests on, labelled as guidance and not law, with the guideline's printed page."""
        notes = []
        for g in guidance:
            title = guideline_titles().get(g.doc, {}).get(lang, g.doc)
            words = self.quote(g) if self.quote is not None else None
            said = f"{_SAID[lang == 'ko']}“{words}”" if words else ""
            if lang == "ko":
                notes.append(f"과학기술정보통신부 가이드라인(법령 아님): {title} {g.page}면 — {_t(g.says, lang)}.{said}")
            else:
                notes.append(f"MSIT guidance, not law: {title}, p. {g.page}: {_t(g.says, lang)}.{said}")
        return notes

    def _terms_in(self, status: Status, duty: Duty | None, facts: Facts) -> list[str]:
        """The terms that decided the outcome, and the terms they were decided through (whose guidance is named
        beside the answer): a false or unknown term of a duty, or every term behind one asked about directly."""
        if duty is None:
            tops = [status.id]
        elif status.status == APPLIES:
            tops = [b.id for b in status.because if b.kind == "term"]
        else:
            tops = [b.id for b in status.because if b.kind == "term" and b.value is not True]
        ids: list[str] = []
        for tid in tops:
            ids.append(tid)
            # Through the branch that decided it: a sub-term whose value is the same kind of answer.
            ids += [n for n in self.r.leaves_terms(tid) if self.r.term(n, facts) == self.r.term(tid, facts)]
        return list(dict.fromkeys(ids))

    def reading_line(self, fid: str, value: bool, lead: Lead, lang: str) -> str:
        """The line saying how the answer read the description as a whole where the words alone left a fact open
        (the situation reader): the asker can see the reading and that the answer turns on it."""
        state = _t(self.k.facts[fid].state.true if value else self.k.facts[fid].state.false, lang).rstrip(".")
        marks = _marks(marked_ids(lead.lines[:1]) or marked_ids(lead.lines))
        if lang == "ko":
            return f"- 이 답은 말씀하신 내용 전체를 이렇게 읽었습니다(그렇지 않다면 답이 달라질 수 있습니다): {state} {marks}."
        return f"- This answer reads your description as a whole this way (if it is not so, the answer may differ): " \
               f"{state} {marks}."

    def _assumption_notes(self, duty: Duty, facts: Facts, lang: str) -> list[str]:
        """What the answer took as the usual case because the question said nothing of it."""
        return [_t(self.k.terms[t].assumed_note, lang) for t in duty.applies_when
                if self.k.terms[t].assumed_note is not None and self.r.assumed(t, facts)]

    # ------------------------------------------------------------------ cases

    def duty_lead(self, duty: Duty, status: Status, facts: Facts, asked: Asked, lang: str, as_of: str) -> Lead:
        lines: list[str] = []
        if asked.sanction and duty.type in ("endeavour", "option"):
            # "Is it illegal or fined not to assess the impact?": a duty to try carries no sanction.
            lines = [_after_dash(VERDICT_WORD["no"][lang], _t(duty.plain.rule, lang), lang)]
            return Lead("no", lines, notes=self._guidance_notes(self._terms_in(status, duty, facts), facts, lang, duty))
        if asked.sanction and not asked.obligation and status.status != NOT_APPLY:
            fine = duty.plain.fine or (self.k.not_fined if duty.type in ("duty", "power") else None)
            if fine is not None:
                verdict = "yes" if duty.fined else "no"
                lines.append(_after_dash(VERDICT_WORD[verdict][lang], _t(fine, lang), lang))
                lines.append(f"- {_t(duty.plain.rule, lang)}")
                return Lead(verdict, lines,
                            notes=self._guidance_notes(self._terms_in(status, duty, facts), facts, lang, duty))
        verdict = TO_VERDICT[status.status]
        if status.status == APPLIES:
            lines.append(_after_dash(VERDICT_WORD[verdict][lang], _t(duty.plain.rule, lang), lang))
            lines += [f"- {self._reason_text(b, lang)}" for b in status.because if b.text]
            lines += self._caveats([b.id for b in status.because if b.kind == "term"], facts, lang)
            if asked.obligation and duty.plain.how is not None:
                # "do we have to label them?": bound, the asker's next question is how
                lines.append(f"- {_t(duty.plain.how, lang)}")
        elif status.status == NOT_APPLY:
            first = status.because[0]
            if first.kind == "date":
                # (the date asked about is the question's, not a quote's: the sentence names only the law's date)
                when = _date_words(duty.applies_from, lang)
                text = (f"질문하신 날짜에는 이 의무가 아직 시행 전이었으며, {when}부터 적용됩니다 {_marks(first.rests_on)}."
                        if lang == "ko" else f"on the date you give this duty was not yet in force; it applies from "
                        f"{when} {_marks(first.rests_on)}.")
            else:
                text = self._reason_text(first, lang)
            lines.append(_after_dash(VERDICT_WORD[verdict][lang], text, lang))
            lines += self._also_not(duty, first, facts, lang)
            lines.append(f"- {_t(duty.plain.rule, lang)}")
        else:
            rests = [c for t in self._unknown_terms(duty, facts) for c in self.k.terms[t].rests_on]
            lines.append(self._depends_line(status, rests or duty.rests_on, lang, facts))
            lines += self._branch_lines(status, facts, lang, duty=duty)
            if len(lines) == 1:
                lines.append(f"- {_t(duty.plain.rule, lang)}")
        if status.status != NOT_APPLY:
            # What would change the answer; how to comply and the sanction are the quoted provisions' (and the
            # checker's) to say.
            lines += [f"- {self._reason_text(n, lang)}" for n in self.r.notes(duty, facts)]
            for e in duty.exceptions:
                if e.caveat and self.r.exception_value(e, facts) is None:
                    lines.append(f"- {_t(e.plain, lang)}")
        notes = self._guidance_notes(self._terms_in(status, duty, facts), facts, lang, duty)
        notes += self._notes_of([g for b in status.because if b.kind == "exception"
                                 for e in duty.exceptions if e.id == b.id for g in e.guidance], lang)
        if status.status != NOT_APPLY:
            notes += self._assumption_notes(duty, facts, lang)
        return Lead(verdict, lines, notes=notes)

    def _also_not(self, duty: Duty, first: Reason, facts: Facts, lang: str) -> list[str]:
        """Other grounds the question states on which the duty would not bind either ("it doesn't generate
        anything", "only our staff use it" beside "you are a user"): a lawyer weighs each."""
        out = [f"- {_t(self.k.terms[t].plain.false, lang)}" for t in duty.applies_when
               if t != first.id and self.r.term(t, facts) is False and not self.r.defaulted(t, facts)]
        out += [f"- {_t(e.plain, lang)}" for e in duty.exceptions
                if e.id != first.id and self.r.exception_value(e, facts) is True]
        return list(dict.fromkeys(out))[:MAX_ALSO]

    def classify_lead(self, status: Status, facts: Facts, lang: str, as_of: str) -> Lead:
        term = self.k.terms[status.id]
        verdict = TO_VERDICT[status.status]
        lines: list[str] = []
        if status.status == DEPENDS:
            lines.append(self._depends_line(status, list(term.rests_on), lang, facts))
            lines += self._branch_lines(status, facts, lang, term=status.id)
            if len(lines) == 1:
                lines += [f"- {_t(term.plain.true, lang)}", f"- {_t(term.plain.false, lang)}"]
        else:
            side = _t(term.plain.true if status.status == APPLIES else term.plain.false, lang)
            # (the reasoner's own words where it has them: an exclusion the question raises, ruled out)
            side = next((b.text[lang] for b in status.because[:1] if b.text.get(lang)), side)
            lines.append(_after_dash(VERDICT_WORD[verdict][lang], side, lang))
            value = status.status == APPLIES
            for sub in self.r.leaves_terms(status.id):  # the test that decided it ("a person makes the final call")
                if self.r.term(sub, facts) is value and sub in self.k.terms and not self.r.defaulted(sub, facts):
                    lines.append(f"- {self.r.term_text(sub, value, facts).get(lang, '')}")
            if value:  # which kind of it ("an AI-using business operator": built on another's model)
                kind = next((self.k.terms[x] for x in term.kinds if self.r.term(x, facts) is True), None)
                lines += [f"- {_t(kind.plain.true, lang)}"] if kind is not None else []
            lines += self._caveats([status.id], facts, lang)
        lines[1:1] = self._area_line(status.id, facts, lang)
        duties = [DutyLine(d.id, s.status, self._duty_because(d, s, lang))
                  for d in self.k.duties.values() if status.id in d.applies_when
                  for s in [self.r.duty(d, facts, as_of)]]
        if status.status != NOT_APPLY:
            # what the status brings to be done (an option such as asking MSIT to confirm is no duty it brings)
            for d, line in ((self.k.duties[x.id], x) for x in duties if x.status == APPLIES
                            if self.k.duties[x.id].type in ("duty", "endeavour")):
                word = "적용되는 의무" if lang == "ko" else "This brings the duty to"
                sep = ": " if lang == "ko" else " "
                lines.append(f"- {word}{sep}{_t(d.name, lang)} {_marks(d.rests_on)}.")
        then = self.k.duties.get(term.then_duty or "")
        if then is not None and self._bound(self.r.duty(then, facts, as_of).status, then, facts) != NOT_APPLY:
            # what the asker does about it, whatever the answer; its rule says whom it binds, so it is said where
            # the question leaves open whether the asker is one
            lines.append(f"- {_t(then.plain.rule, lang)}")
        return Lead(verdict, lines, duties, notes=self._guidance_notes(self._terms_in(status, None, facts), facts, lang))

    def _area_line(self, tid: str, facts: Facts, lang: str) -> list[str]:
        """Beside a verdict on a term resting on the listed areas, the area the question's use falls in, with the
        item of the Act that lists it."""
        v = facts.values.get("high_impact_area")
        area = self._area_of(facts)
        if area is None or v is None or v.value is not True or "high_impact_area" not in self.r.term_leaves(tid):
            return []
        if lang == "ko":
            return [f"- 말씀하신 용도는 법이 열거한 영역 중 {_t(area.name, lang)}에 해당합니다 {_marks(area.rests_on)}."]
        return [f"- The use you describe falls in one of the areas the Act lists: {_t(area.name, lang)} "
                f"{_marks(area.rests_on)}."]

    def _duty_because(self, duty: Duty, status: Status, lang: str) -> list[str]:
        if status.status == DEPENDS:
            rests = [c for b in status.because if b.value is None for c in b.rests_on] or duty.rests_on
            asks = [self._ask(u, lang) for u in status.unknown]
            if lang == "ko":
                return [f"{', '.join(asks)}에 따라 달라집니다 {_marks(rests)}."] if asks else []
            return [f"It depends on {'; and on '.join(asks)} {_marks(rests)}."] if asks else []
        if status.status == APPLIES:
            return [_t(duty.plain.rule, lang)] + [b.text[lang] for b in status.because if b.text]
        first = status.because[0]
        if first.kind == "date":
            when = _date_words(duty.applies_from, lang)
            return [(f"{when}부터 적용됩니다 {_marks(first.rests_on)}." if lang == "ko" else
                     f"It applies from {when} {_marks(first.rests_on)}.")]
        return [first.text[lang]] if first.text else []

    def list_lead(self, facts: Facts, lang: str, as_of: str) -> Lead:
        statuses = self.r.all_duties(facts, as_of)
        duties = [DutyLine(s.id, s.status, self._duty_because(self.k.duties[s.id], s, lang)) for s in statuses]
        lines: list[str] = []
        for s in statuses:
            d = self.k.duties[s.id]
            if s.status == NOT_APPLY and d.type in ("power", "right", "option"):
                continue
            because = self._duty_because(d, s, lang)
            if not because:
                continue
            word = STATUS_WORD[s.status][lang]
            lines.append(f"- {_t(d.name, lang)} ({word}): {because[0]}" if lang == "ko" else
                         f"- {_t(d.name, lang)[:1].upper()}{_t(d.name, lang)[1:]} ({word}): {because[0]}")
        if lines:
            head = ("말씀하신 사실관계에 비추어 본 인공지능기본법상 의무입니다 " if lang == "ko" else
                    "Duties of the AI Basic Act, as they stand on the facts you describe ")
            lines.insert(0, head + "[act:2::7].")
        return Lead(None, lines, duties)

    def not_covered_lead(self, nid: str, asked: Asked, lang: str, facts: Facts) -> Lead:
        """A matter the regime does not address is declined with the map's own statement of what it does not do;
        where the Act shows the answer ("can the CEO go to prison for it?"), a yes/no question gets it."""
        entry = next(n for n in self.k.not_covered if n.id == nid)
        if entry.answer and asked.form == YESNO and asked.without:
            # "Can we launch without a licence?" asks the other way round from "do we need one?": the statement
            # answers it, without a verdict word that would read the wrong way.
            return Lead(None, [_t(entry.plain, lang)])
        if entry.answer and asked.form == YESNO:
            held = facts.get(entry.unless) if entry.unless else None
            if held is None and entry.unless in facts.mentioned:
                # the question raises the exception without settling it ("I don't know if that was gross
                # negligence"): the answer turns on it. Unraised, the answer stands, the statement naming it.
                open_on = Status(entry.id, DEPENDS, unknown=[entry.unless])
                return Lead("depends", [self._depends_line(open_on, entry.rests_on, lang, facts),
                                        f"- {_t(entry.plain, lang)}"])
            answer = {"yes": "no", "no": "yes"}[entry.answer] if held else entry.answer
            # "그건 대리인 책임이지 저희 책임은 아닌 거죠?" asks the other way round: the verdict is turned over
            verdict = {"yes": "no", "no": "yes"}[answer] if asked.inverted else answer
            told = [_as_described(self.k.facts[entry.unless].state.true, entry.rests_on, lang)] if held else []
            return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(entry.plain, lang), lang), *told])
        return Lead(None, [], decline=_t(entry.plain, lang))

    def _caveats(self, tids: list[str], facts: Facts, lang: str) -> list[str]:
        """For a term that holds only by its default, the sentence saying when it would not."""
        out = []
        for tid in tids:
            for sub in [tid] + self.r.leaves_terms(tid):
                if self.r.defaulted(sub, facts):
                    t = self.k.terms[sub]
                    out.append(f"- {_t(t.plain.false if self.r.term(sub, facts) else t.plain.true, lang)}")
        return list(dict.fromkeys(out))

    # ------------------------------------------------------------------ Annex 1

    def deemed_lead(self, asked: Asked, facts: Facts, lang: str, as_of: str) -> Lead:
        """Whether what the question says was done under another law counts as the high-impact measures asked
        about: yes where Annex 1 counts every one of them, no where it lists nothing for one, a requirement is said
        not done or the entry did not yet apply, otherwise it depends on the requirements not mentioned."""
        counted = self.r.deemed(asked.regimes, asked.items, facts, as_of)
        found = {c.status for c in counted}
        if asked.partly:  # "does it count for some of them?": one measure counting, even in part, answers it
            found = {"yes"} if found & {"yes", "partial"} else found
        whole = asked.whole or len(asked.items) == len(self.k.measure_items)
        verdict = "yes" if found == {"yes"} else "no" if "no" in found or ("partial" in found and whole) else "depends"
        entries = {e.id: e for e in self.k.deemed}
        regime = (", " if lang == "en" else "ㆍ").join(_t(self.k.regimes[r].name, lang) for r in asked.regimes)
        word = VERDICT_WORD[verdict][lang]
        lines: list[str] = []
        shown: set[str] = set()
        # The measure that decides the verdict is worded first; "partial" decides only where nothing else does.
        prefer = {"yes": ("yes", "partial"), "no": ("no", "partial"), "depends": ("depends", "partial")}[verdict]
        key = next(c for want in prefer for c in counted if c.status == want)
        if key.status == "yes" or (key.status == "partial" and verdict != "depends"):
            lines.append(_after_dash(word, _t(entries[key.entries[0]].plain, lang), lang))
            shown.add(key.entries[0])
        elif key.status == "partial":
            e = entries[key.entries[0]]
            text = (f"measures under {regime} count {_t(e.partial, lang)} {_marks(e.rests_on)}." if lang == "en" else
                    f"{regime}에 따른 조치는 {_t(e.partial, lang)} 이행한 것으로 봅니다 {_marks(e.rests_on)}.")
            lines += [_after_dash(word, text, lang), f"- {_t(e.plain, lang)}"]
            shown.add(e.id)
        elif key.status == "depends":
            names = list(dict.fromkeys(_t(entries[eid].needs[i].name, lang) for eid, i in key.open))
            marks = _marks([c for eid in key.entries for c in entries[eid].rests_on])
            text = (f"whether you have {' and '.join(names)} {marks}." if lang == "en" else
                    f"{', '.join(names)}을(를) 갖추었는지에 따라 달라집니다 {marks}.")
            lines.append(f"It depends on {text}" if lang == "en" else _after_dash(word, text, lang))
            lines += [f"- {_t(entries[eid].plain, lang)}" for eid in key.entries]
            shown.update(key.entries)
        elif key.too_early and len(key.too_early) == len(key.entries):
            e = entries[key.too_early[0]]
            when = _date_words(e.applies_from, lang)
            text = (f"the Decree's Annex 1 entries for {regime} apply only from {when}, after the date you ask about "
                    f"{_marks(e.dated_by)}." if lang == "en" else
                    f"시행령 별표 1 중 {regime}에 관한 부분은 {when}부터 시행되어 물어보신 날짜에는 아직 적용되지 "
                    f"않습니다 {_marks(e.dated_by)}.")
            lines += [_after_dash(word, text, lang)] + [f"- {_t(entries[x].plain, lang)}" for x in key.too_early]
            shown.update(key.too_early)
        elif key.missing:
            eid = key.missing[0][0]
            e = entries[eid]
            names = list(dict.fromkeys(_t(e.needs[i].name, lang) for x, i in key.missing if x == eid))
            marks = _marks(e.rests_on)
            lines.append(_after_dash(word, _t(e.plain, lang), lang))
            lines.append(f"- As you describe it, {' and '.join(names)} is missing, and the Decree counts the measure "
                         f"only when every requirement is met {marks}." if lang == "en" else
                         f"- 말씀하신 바로는 {', '.join(names)}을(를) 갖추지 못했는데, 시행령은 요건을 모두 갖춘 "
                         f"경우에만 이행한 것으로 봅니다 {marks}.")
            shown.add(eid)
        else:
            lines.append(_after_dash(word, self._not_listed(regime, key.item, lang), lang))
        for c in counted:  # what the named regimes count for the other measures asked about, and what they do not
            if c is key:
                continue
            if c.status in ("yes", "partial") and c.entries[0] not in shown:
                lines.append(f"- {_t(entries[c.entries[0]].plain, lang)}")
                shown.add(c.entries[0])
            elif c.status == "no" and not c.entries:
                lines.append(f"- {self._not_listed(regime, c.item, lang)}")
        return Lead(verdict, lines)

    def way_lead(self, duty: Duty, facts: Facts, lang: str) -> Lead | None:
        """Whether the way of doing a duty the question describes is enough, by the duty's ways (Decree Art. 23's
        methods); None where the question says nothing of how it is done."""
        ws = self.r.way(duty, facts)
        if ws is None:
            return None
        how = [f"- {_t(duty.plain.how, lang)}"] if duty.plain.how is not None else []
        if ws.way is not None:
            return Lead(ws.verdict, [_after_dash(VERDICT_WORD[ws.verdict][lang], _t(ws.way.plain, lang), lang)] + how,
                        notes=self._notes_of(ws.way.guidance, lang))
        status = Status(duty.id, DEPENDS, unknown=ws.unknown)
        lines = [self._depends_line(status, [c for w in ws.open for c in w.rests_on], lang)]
        # "Is the invisible watermark enough?" where it is enough only with a further step the question does not
        # say is taken (a notice at least once): what is described is not enough by itself.
        situation = set().union(*(self.r.term_leaves(t) for t in duty.applies_when if t in self.k.terms))
        steps = [u for u in ws.unknown if u not in situation]
        none_taken = facts
        for u in steps:
            none_taken = none_taken.with_value(u, False)
        if steps and len(steps) == len(ws.unknown) and getattr(self.r.way(duty, none_taken), "verdict", None) == "no":
            lines[0] = _led_by(lines[0], lang, "No, not by itself", "아니요, 그것만으로는 충분하지 않습니다")
            verdict = "no"
        else:
            verdict = "depends"
        for fid in ws.unknown[:MAX_BRANCHES]:
            spec = self.k.facts[fid]
            for value in (True, False):
                branch = self.r.way(duty, facts.with_value(fid, value))
                if branch is None or branch.way is None or spec.state is None:
                    continue
                cond = _t(spec.state.true if value else spec.state.false, lang)
                lines.append(_branch_line(cond, branch.verdict, _t(branch.way.plain, lang), lang))
        return Lead(verdict, lines + how)

    def deadline_lead(self, asked: Asked, facts: Facts, lang: str) -> Lead:
        """Whether a period has run out, or the asker is still in time, from the days the question says have
        passed; an authority's period counts its extension only where one was notified."""
        d = next(x for x in self.k.deadlines if x.id == asked.subject)
        if asked.form != YESNO:  # "how long can MSIT take?": the period itself
            return Lead(None, [_t(d.plain, lang)])
        if asked.period is not None:  # "within 30 days, right?": the period put to be confirmed
            verdict = "yes" if asked.period == d.days else "no"
            return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(d.plain, lang), lang)])
        if asked.unbounded and d.whose == "authority":
            # "Can they keep pushing it back as long as they like?": the period and its one extension, if any
            return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(d.plain, lang), lang)])
        extended = facts.get("extension_notified")
        read = (f"질문에 적힌 대로 {asked.days}일이 지난 것으로 보고 답했습니다." if lang == "ko" else
                f"Read as {asked.days} days having passed, as the question says.")
        if asked.permission and d.whose == "authority" and d.extension_days and extended is True \
                and asked.days is not None:
            # "may MSIT do that?" of an extension it notified: open while its first period is still running
            verdict = "yes" if asked.days <= d.days else "no"
            return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(d.plain, lang), lang)], notes=[read])
        if asked.days is None and d.whose == "asker":
            # "can we still file?" with the days since unsaid: it turns on them
            first = (f"{VERDICT_WORD['depends']['ko']} — 기간({d.days}일)이 지났는지에 따라 달라집니다 {_marks(d.rests_on)}."
                     if lang == "ko" else f"It depends on whether the {d.days} days have passed {_marks(d.rests_on)}.")
            return Lead("depends", [first, f"- {_t(d.plain, lang)}"])
        if asked.days is None:
            over = None
        elif d.whose == "asker" or not d.extension_days or extended is False:
            over = asked.days > d.days
        elif extended is True:
            over = asked.days > d.days + d.extension_days
        else:
            over = True if asked.days > d.days + d.extension_days else False if asked.days <= d.days else None
        if over is None:
            status = Status(d.id, DEPENDS, unknown=["extension_notified"])
            return Lead("depends", [self._depends_line(status, d.rests_on, lang), f"- {_t(d.plain, lang)}"],
                        notes=[read])
        verdict = "yes" if over == asked.late else "no"
        return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(d.plain, lang), lang)], notes=[read])

    def keep_lead(self, asked: Asked, lang: str) -> Lead:
        """Whether keeping records for the years the question states is long enough."""
        x = next(k for k in self.k.keeps if k.id == asked.subject)
        if asked.form != YESNO:  # "how long must we keep them?": the period itself
            return Lead(None, [_t(x.plain, lang)])
        verdict = "yes" if (asked.years or 0) >= x.years else "no"
        read = (f"질문에 적힌 보관 기간({asked.years}년)을 기준으로 답했습니다." if lang == "ko" else
                f"Read as keeping them for {asked.years} years, as the question says.")
        return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(x.plain, lang), lang)], notes=[read])

    def power_lead(self, power: Duty, asked: Asked, lang: str) -> Lead | None:
        """Whether an authority's power reaches what the question names ("can MSIT investigate a complaint about our
        labels?"): yes for a duty it enforces, no where only duties it does not reach are named, else None."""
        named = [self.k.duties[d] for d in asked.named if self.k.duties[d].type != "power"]
        if asked.occasion:
            # "whenever it likes?" or "only on a complaint?": the rule's occasions (found, suspected or reported)
            return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(power.plain.rule, lang), lang)])
        if not named:
            # "A customer complained; can MSIT officials come to our office and go through our books?", no
            # violation named: the power is there where the question tells of one of its occasions
            if not (asked.permission or asked.possibility) or not asked.reported or not power.plain.how:
                return None
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(power.plain.rule, lang), lang),
                                f"- {_t(power.plain.how, lang)}"])
        # The violation is the duty the question names first ("사전고지만 누락한 사안입니다(결과물 표시나 … 문제는
        # 없음)": the notice, not the labels mentioned after it).
        named = named[:1]
        reached = [d for d in named if any(related(e, own) for e in d.enforced_by for own in power.rests_on)]
        verdict = "yes" if reached else "no"
        lines = [_after_dash(VERDICT_WORD[verdict][lang], _t(power.plain.rule, lang), lang)]
        lines += [f"- {_t(d.plain.rule, lang)}" for d in (reached or named)[:1]]
        return Lead(verdict, lines)

    def allowance_lead(self, asked: Asked, facts: Facts, lang: str, as_of: str) -> Lead:
        """"Can we…?" of something the law allows: yes; "must we … otherwise?": no; "can we skip …?": yes; asked of
        a date before the law allowed it: not yet."""
        x = next(a for a in self.k.allowances if a.id == asked.subject)
        if x.applies_from is not None and as_of < x.applies_from:
            return _not_yet(lang, ("질문한 날짜에는 이를 정한 규정이 아직 시행되지 않았습니다",
                                   "the provision allowing it was not yet in force on the date you give"),
                            (f"이 규정은 {x.applies_from}부터 시행됩니다.", f"It applies from {x.applies_from}."),
                            x.dated_by)
        # "May the required notice be given another way?", "could the fee be waived?": whether what the law allows
        # can be done, asked of the thing itself (its words, not the asker's, say "required" or "waived")
        # ("어르신들도 지원 대상이 되나요?": whether one is among those it is for, not whether it is owed)
        verdict = "no" if asked.obligation and not (asked.permission or asked.possibility or asked.eligible) else "yes"
        if asked.inverted and not asked.possibility:  # "can we skip the trade-secret parts?": not owed, so yes
            verdict = "yes" if verdict == "no" else "no"
        if x.required:  # a step owed first: needed (yes), and going ahead without it is not open (no)
            verdict = "yes" if verdict == "no" else "no"
        if x.for_fact and verdict == "yes" and not asked.inverted:
            held = facts.get(x.for_fact)
            if held is None and x.for_fact in facts.questioned:
                open_on = Status(x.id, DEPENDS, unknown=[x.for_fact])
                return Lead("depends", [self._depends_line(open_on, x.rests_on, lang, facts), f"- {_t(x.plain, lang)}"])
            if held is False:
                return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(x.plain, lang), lang),
                                   _as_described(self.k.facts[x.for_fact].state.false, x.rests_on, lang)])
        return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(x.plain, lang), lang)])

    def in_force_lead(self, duty: Duty, lang: str, as_of: str, month_only: bool = False) -> Lead:
        """Whether a duty applies on the date asked, from the date the addenda give it; a month named without a day
        in which the duty starts leaves it to the day."""
        verdict = "yes" if as_of >= duty.applies_from else "no"
        when = _date_words(duty.applies_from, lang)
        en, ko = _this(duty)
        if month_only and as_of[:7] == duty.applies_from[:7] and as_of < duty.applies_from:
            text = (f"on the day of that month: {en} applies from {when}, so before that day it did not yet "
                    f"bind and from that day it did {_marks(duty.dated_by)}." if lang == "en" else
                    f"그 달의 며칠이었는지에 따라 다릅니다: {ko} {when}부터 적용되므로 그 전이면 아직 적용되지 "
                    f"않았고, 그날부터는 적용됩니다 {_marks(duty.dated_by)}.")
            return Lead("depends", [_after_dash(VERDICT_WORD["depends"][lang], text, lang),
                                    f"- {_t(duty.plain.rule, lang)}"])
        return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _applies_from(duty, lang), lang),
                              f"- {_t(duty.plain.rule, lang)}"])

    def since_lead(self, duty: Duty, lang: str) -> Lead:
        """From when a duty applies, by the addenda that give it its date."""
        text = _applies_from(duty, lang)
        return Lead(None, [text[:1].upper() + text[1:], f"- {_t(duty.plain.rule, lang)}"])

    def counts_lead(self, duty: Duty, deemed: list, facts: Facts, lang: str) -> Lead:  # noqa: ANN001 - Exception_
        """Whether what the question says was done counts as doing the duty, by its `deemed` exceptions."""
        # The ways of counting the question speaks of (the developer's measures, another law's), else all of them.
        deemed = [e for e in deemed if self.r.leaves(e.when) & set(facts.values)] or deemed
        values = [(e, self.r.exception_value(e, facts)) for e in deemed]
        held = [e for e, v in values if v is True]
        if held:
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(held[0].plain, lang), lang)])
        if all(v is False for _, v in values):
            return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(duty.plain.rule, lang), lang)] +
                        [f"- {self._reason_text(n, lang)}" for n in self.r.notes(duty, facts)])
        status = Status(duty.id, DEPENDS, unknown=[f for e, v in values if v is None
                                                   for f in sorted(self.r.leaves(e.when)) if f not in facts.values])
        lines = [self._depends_line(status, [c for e, v in values if v is None for c in e.rests_on], lang)]
        return Lead("depends", lines + [f"- {_t(e.plain, lang)}" for e, v in values if v is None])

    def _not_listed(self, regime: str, item: int, lang: str) -> str:
        m = self.k.measure_items[item]
        marks = _marks(["act:34:3", "decree:27:5"] + m.rests_on)
        if lang == "ko":
            return (f"시행령 별표 1은 {regime}에 관하여 {_t(m.name, lang)}에 해당하는 항목을 두지 않으므로, 그에 따른 "
                    f"조치로 이를 이행한 것으로 보지 않습니다 {marks}.")
        return (f"The Decree's Annex 1 lists nothing under {regime} for {_t(m.name, lang)}, so measures under it do "
                f"not count for that {marks}.")

    # ------------------------------------------------------------------ entry point

    def lead(self, asked: Asked, facts: Facts, lang: str, as_of: str) -> Lead | None:
        """The lead for a question, or None where the map has nothing to say (the extractive answer stands)."""
        if asked.kind == "not_covered":
            return self.not_covered_lead(asked.subject, asked, lang, facts)
        if asked.kind == "deadline":
            return self.deadline_lead(asked, facts, lang)
        if asked.kind == "keep":
            return self.keep_lead(asked, lang)
        if asked.kind == "commencement":
            act = next(x for x in self.k.commencements if x.id == asked.subject)
            # "is the Act already in force (on 1 March)?": decided by the day asked about, unless only its month is
            # named and the Act starts within that month
            if asked.form == YESNO and asked.in_force and act.applies_from and not (
                    asked.month_only and as_of[:7] == act.applies_from[:7]):
                verdict = "yes" if as_of >= act.applies_from else "no"
                return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], _t(act.plain, lang), lang)])
            return Lead(None, [_t(act.plain, lang)])
        if asked.kind == "allowance":
            return self.allowance_lead(asked, facts, lang, as_of)
        if asked.form == LIST:
            lead = self.list_lead(facts, lang, as_of)
            if asked.yesno_list:  # "do we have any obligations?": yes if one binds, no if none can
                # (a duty that applies to whoever asks of its own AI — the review in advance — binds only an
                # operator: whether the asker is one decides it)
                found = {self._bound(d.status, self.k.duties[d.id], facts) for d in lead.duties
                         if self.k.duties[d.id].type in ("duty", "endeavour")}
                lead.verdict = "yes" if APPLIES in found else "depends" if DEPENDS in found else "no"
                if lead.lines:  # the conclusion first, then each duty with why
                    lead.lines[0] = _after_dash(VERDICT_WORD[lead.verdict][lang],
                                                LIST_VERDICT[lead.verdict][lang] + " [act:2::7].", lang)
            return lead
        if asked.kind == "classify" and asked.subject == "listed_area" and self._other_area_cited(asked, facts):
            return None  # "does our hiring tool fall within Art. 2(4)(i)?": the lead speaks of the areas as a whole
        lead = (self.deemed_lead(asked, facts, lang, as_of) if asked.kind == "deemed" else
                self._yesno_lead(asked, facts, lang, as_of))
        eased = self._eased_only(asked, facts) if lead is None and asked.form == YESNO and asked.permission \
            and not (asked.inverted or asked.sanction) else None
        # (the fact is told, not asked: "can we treat the videos as artistic works?" asks whether they are)
        if eased is not None and not any(f in facts.values and facts.values[f].evidence
                                         and facts.values[f].evidence.lower() in asked.sentence.lower()
                                         for f in self.r.leaves(eased[1].when)):
            # "음악 작품이라 … 표시를 좀 덜 거슬리게 해도 되나요?": the reason offered eases how the duty is done — yes, in
            # the way the note says, the duty still standing
            duty, note = eased
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(note.plain, lang), lang),
                                f"- {_t(duty.plain.rule, lang)}"])
        if lead is not None and lead.verdict in ("yes", "no"):
            lead.lines += self._converted(facts, lang)
        if lead is not None and asked.launched_before and asked.kind == "duty" and lead.verdict in ("yes", "no") \
                and not any(_marks(self.k.duties[asked.subject].dated_by) in line for line in lead.lines):
            # "we went live before the Act took effect — are we grandfathered?": the duty's date, with no exception for
            # what was on the market before it
            lead.lines.append(f"- {_launched_line(self.k.duties[asked.subject], lang)}")
        who = self.who_exception(asked)
        if lead is not None and who is not None and lead.verdict == "yes":
            # "표시 의무는 빅테크 쪽에 있나요, 저희한테 있나요?": whose duty it is in the chain, beside the verdict
            lead.lines.append(f"- {_t(who.plain, lang)}")
            lead.notes += self._notes_of(who.guidance, lang)
        if lead is not None and asked.inverted and asked.kind == "duty" and lead.verdict == "no" and asked.others \
                and not asked.must:
            # "Since they're clearly not realistic, can we skip marking them?": the realistic-output duty does not
            # bind, but the labelling duty the question also names does; skipping is answered by the one that binds.
            # (A manner the law does not require — "작품이라 끝까지 AI 표시를 띄울 필요는 없죠?" — is answered by the
            # manner: that another duty binds does not make the manner required. The manner belongs to the duty asked.)
            binding = next((d for d in asked.others if self.k.duties[d].type == "duty"
                            and self.r.duty(self.k.duties[d], facts, as_of).status == APPLIES), None)
            if binding is not None and asked.classification:
                # ("the deepfake rule doesn't apply to our subtitles, right?": whether that rule applies is asked;
                # the one that still binds is said beside it)
                lead.lines.append(f"- {_t(self.k.duties[binding].plain.rule, lang)}")
            elif binding is not None:
                other = self._yesno_lead(replace(asked, subject=binding, others=[]), facts, lang, as_of)
                lead = other if other is not None and other.verdict == "yes" else lead
        if lead is not None and (asked.always or asked.result_within) and asked.kind == "duty" and lead.verdict == "yes" \
                and self.k.duties[asked.subject].type in ("option", "right", "power"):
            # "if we ask, is the reply always within 30 days?" asks about how it runs, not whether one may
            return None
        if lead is not None and asked.follows and lead.verdict == "depends" and not asked.inverted \
                and self._open_beyond_scope(asked, facts, as_of):
            # "Does 10^26 FLOPs automatically make it high-impact?": what turns on another fact does not follow
            # from the one stated; the lines say on what it turns.
            lead.verdict = "no"
            lead.lines[0] = _led_by(lead.lines[0], lang, "No, not by that alone", "아니요, 그것만으로 정해지지는 않습니다")
        eased = self._eased_only(asked, facts) if lead is not None and lead.verdict == "depends" \
            and asked.inverted else None
        if eased is not None:
            # "예술 작품이니까 고지나 표시는 아예 안 해도 되는 거죠?": the reason offered eases how the duty is done and
            # does not lift it, whatever else the question leaves open
            duty, note = eased
            return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(note.plain, lang), lang),
                               f"- {_t(duty.plain.rule, lang)}"])
        if lead is not None and asked.inverted and lead.verdict == "depends":
            # "안 해도 되나요?": each branch is answered as asked too ("if you offer it to others: no — you must …")
            lead.lines = [_BRANCH_WORD.sub(lambda m: m.group(1) + _SWAPPED[m.group(2)] + m.group(3), line, count=1)
                          for line in lead.lines]
        if lead is not None and asked.inverted and lead.verdict in ("yes", "no") and not asked.sufficiency:
            # "Are we exempt?" asked of a duty that does not bind: yes. The lead's words stay the law's. (Whether a way
            # of doing it is enough is answered alike however asked: "…만 하면 끝난 건가요? 안내 문구는 안 넣어도 되죠?": no.)
            lead.verdict = "no" if lead.verdict == "yes" else "yes"
            word = VERDICT_WORD[lead.verdict][lang]
            first = lead.lines[0].split(" — ", 1)
            lead.lines[0] = f"{word} — {first[1]}" if len(first) == 2 else lead.lines[0]
        return lead

    def who_exception(self, asked: Asked) -> Exception_ | None:
        """For a question which party in a chain of providers owes the duty asked about, the duty's exception that
        says so."""
        if not (asked.who_bears and asked.kind == "duty") or asked.sanction:
            return None
        return next((e for e in self.k.duties[asked.subject].exceptions if e.answers_who), None)

    def _bound(self, status: str, duty: Duty, facts: Facts) -> str:
        """A duty's status as it binds the asker: one that applies binds only where the asker is whom it binds."""
        if status != APPLIES:
            return status
        bound = self.r.term(duty.binds, facts)
        return APPLIES if bound is True else DEPENDS if bound is None else NOT_APPLY

    def _eased_only(self, asked: Asked, facts: Facts) -> tuple[Duty, Note] | None:
        """For a question whether the duty may be skipped (or done in an easier way), a note of the duty asked about
        (or of one narrowing it) that eases how it is done without lifting it, where the question states its fact."""
        if not ((asked.inverted or asked.permission) and asked.kind == "duty"):
            return None
        asked_of = [asked.subject, *asked.others]
        duties = [d for d in self.k.duties.values() if d.id in asked_of or set(d.tightens) & set(asked_of)]
        return next(((d, n) for d in duties for n in d.notes if n.eases_only and self.r.holds(n.when, facts) is True),
                    None)

    def _other_area_cited(self, asked: Asked, facts: Facts) -> bool:
        """Whether the asking sentence cites one listed area (Act Art. 2 item 4, a sub-item) and the question's facts
        read another: the quoted sub-item, not a verdict on the areas as a whole, answers it."""
        # ("Art. 2(4)(i)" is read as a paragraph until the store fits it to the item: either form names the sub-item)
        cited = {f"act:2::4:{m[1]}" for c in asked.cited for m in [_AREA_CITED.match(c)] if m}
        area = self._area_of(facts)
        return bool(cited) and area is not None and not cited & set(area.rests_on)

    def _open_beyond_scope(self, asked: Asked, facts: Facts, as_of: str) -> bool:
        """Whether what is asked turns on a fact besides whether the Act reaches the asker at all (a market in
        Korea, defence use): "does that alone trigger it?" is answered "not by that alone" only then."""
        if asked.kind not in ("duty", "classify"):
            return True  # (what counts as done under another law turns on that law's conditions)
        status = (self.r.classify(asked.subject, facts) if asked.kind == "classify" else
                  self.r.duty(self.k.duties[asked.subject], facts, as_of))
        scope = self.r.term_leaves("in_scope")
        if not set(status.unknown) - scope:
            return False
        # "3×10^26 FLOPs: does that automatically put us under the safety duties?": what is stated is one of the
        # criteria still open beside the others, so it depends on them; "…automatically high-impact?" states what is
        # no criterion of it at all: not by that alone
        open_terms = ([asked.subject] if asked.kind == "classify" else
                      [t for t in self.k.duties[asked.subject].applies_when if self.r.term(t, facts) is None])
        criteria = {f for t in open_terms for f in self.r.term_leaves(t)} - scope
        stated = {f for f, v in facts.values.items() if v.how != "implied"}
        return not stated & criteria

    def added_lead(self, added: Added, asked: Asked, lang: str) -> Lead | None:
        """A dated question about words a provision gained by an amendment: not there before it took effect, there
        after (asked whether they were in force)."""
        if added.present and not (asked.in_force or asked.obligation):
            return None
        verdict = "yes" if added.present else "no"
        if added.new and added.dated_by:
            # a provision inserted later, cited by the addenda that set its start (it did not exist on the date)
            part = added.cid == added.dated_by  # a part the addenda start later, named as they name it
            if part:
                subject = (added.label, added.label)
            else:
                subject = ((f"이 조항({added.label})", f"the provision ({added.label})") if added.label else
                           ("이 조항", "the provision"))
            return _not_yet(lang, (f"질문한 날짜에는 {subject[0]}이 아직 시행되지 않았습니다",
                                   f"{subject[1]} was not yet in force on the date you give"),
                            (f"{'이 부분' if part else '이 조항'}은 {added.took_effect}부터 시행됩니다.",
                             f"This {'part' if part else 'provision'} applies from {added.took_effect}."),
                            [added.dated_by])
        if lang == "ko":
            text = ("질문한 날짜에 시행 중이던 조항에 이 내용이 있습니다" if added.present else
                    "질문한 날짜에 시행 중이던 조항에는 이 내용이 아직 없었습니다")
            note = f"이 내용({', '.join(added.words)})은 {added.took_effect}부터 시행된 문구에 들어 있습니다(kaia diff로 비교)."
        else:
            text = ("the provision in force on the date you give says this" if added.present else
                    "the provision in force on the date you give did not yet say this")
            note = (f"These words ({', '.join(added.words)}) are in the wording in force from {added.took_effect} "
                    "(compare with kaia diff).")
        return Lead(verdict, [_after_dash(VERDICT_WORD[verdict][lang], f"{text} {_marks([added.cid])}.", lang)],
                    notes=[note])

    def must_lead(self, duty: Duty, mid: str, facts: Facts, lang: str, as_of: str) -> Lead | None:
        """How a duty must be done where it is done: yes from the date the requirement applies, no before it."""
        m = next(x for x in duty.musts if x.id == mid)
        if not m.required:
            # a manner the law does not require, where its condition holds ("must the label stay on screen
            # throughout?" of an artistic work); otherwise the duty itself answers
            held = self.r.holds(m.when, facts) if m.when else True
            if held is not True:
                return None
            return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(m.plain, lang), lang),
                               f"- {_t(duty.plain.rule, lang)}"], notes=self._notes_of(m.guidance, lang))
        if as_of >= (m.applies_from or duty.applies_from):
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(m.plain, lang), lang)])
        return _not_yet(lang, ("질문한 날짜에 시행 중이던 조항은 아직 이를 요구하지 않았습니다",
                               "the provision in force on the date you give did not yet require it"),
                        (f"이 요건은 {m.applies_from}부터 적용됩니다.", f"This requirement applies from {m.applies_from}."),
                        m.rests_on + m.dated_by)

    def _converted(self, facts: Facts, lang: str) -> list[str]:
        """Beside a verdict, how a figure stated in a foreign currency was read (a band of won, Decree Art. 29(2))."""
        used = dict.fromkeys(v.currency for v in facts.values.values() if v.currency)
        lines = [f"- {_t(c.plain, lang)}" for c in self.k.currencies if c.id in used]
        for c in self.k.currencies:
            if any(u.startswith(c.id + "@") for u in used):  # converted at the rate the question states
                lines.append(f"- {c.id}로 말씀하신 금액은 말씀하신 환율로 원화로 환산했으며, 시행령은 전년도 평균환율을 "
                             f"적용합니다 {_marks(c.rests_on)}." if lang == "ko" else
                             f"- The {c.id} figures were converted into won at the exchange rate you give; the Decree "
                             f"uses the previous year's average rate {_marks(c.rests_on)}.")
        return lines

    def _yesno_lead(self, asked: Asked, facts: Facts, lang: str, as_of: str) -> Lead | None:
        if asked.form == YESNO and asked.sanction and (asked.sanction_detail or self._ignored_order(asked)):
            fine = self.fine_lead(asked, facts, lang)  # the fine schedule's, whatever duty the fine is for
            # ("an immediate fine of up to KRW 30 million for the missing label?": a duty not fined at all says so)
            if fine is not None or asked.kind != "duty" or asked.fine or (
                    asked.amount is not None and self.k.duties[asked.subject].fined):
                return fine
            # "Can they fine us for that, and what is the amount?": whether the duty is fined answers the yes/no
        if asked.form == OTHER and asked.sanction:
            return self.fine_statement(asked, lang, facts)
        if asked.form == OTHER and asked.how_done and asked.kind == "duty" and not asked.sanction:
            # "What are the ways we can give the advance notice?": how the duty's provisions say it is done
            duty = self.k.duties[asked.subject]
            if duty.type == "option" and duty.plain.how is not None:
                # "어디에 신청하고 얼마나 걸려요?": a procedure the asker chooses — where it is filed, then how it runs
                return Lead(None, [_t(duty.plain.rule, lang), f"- {_t(duty.plain.how, lang)}"])
            how = duty.plain.how
            # (then what the duty asks of whom: "그 이행 결과는 어디에 내야 하나요?" is answered by the rule's "to MSIT")
            return Lead(None, [_t(how, lang), f"- {_t(duty.plain.rule, lang)}"]) if how is not None else None
        who = self.who_exception(asked)
        if asked.form == OTHER and who is not None:
            # "Who has to tell them — us or the model company?": the duty binds the one that provides the product to
            # its users, as the exception for those further up the chain says
            return Lead(None, [_t(self.k.duties[asked.subject].plain.rule, lang), f"- {_t(who.plain, lang)}"],
                        notes=self._notes_of(who.guidance, lang))
        if asked.form == OTHER and asked.since_when and asked.kind == "duty" and asked.cue_in_sentence \
                and not asked.sanction:
            return self.since_lead(self.k.duties[asked.subject], lang)  # "from when must we label the outputs?"
        if asked.form == OTHER and asked.kind == "duty" and asked.cue_in_sentence and asked.own \
                and not (asked.sanction or asked.cited) and self.k.duties[asked.subject].type == "option":
            # "where do we apply for the AI product confirmation, and what do we prepare?": a procedure the asker
            # chooses to follow is answered by its rule, where and how one applies (not "what must the agency do
            # if…?"; how long it takes is the deadline's to say)
            return Lead(None, [_t(self.k.duties[asked.subject].plain.rule, lang)])
        if asked.form == OTHER and asked.kind == "duty" and asked.obligation and asked.own \
                and not (asked.sanction or asked.cited or asked.since_when) \
                and self.k.duties[asked.subject].type in ("duty", "endeavour"):
            # "What measures does the Act require us to put in place?", "결과는 누구한테 제출해야 하나요?": what the
            # duty asks of the one it binds, then how it is done (not a verdict: whether it binds is not asked)
            duty = self.k.duties[asked.subject]
            how = [f"- {_t(duty.plain.how, lang)}"] if duty.plain.how is not None else []
            return Lead(None, [_t(duty.plain.rule, lang)] + how)
        if asked.form != YESNO or not asked.kind:
            return None
        # A right, or an option the asker may take ("can we apply for the confirmation now?"), is asked about as
        # "may we": whether it is open to the asker.
        right = asked.kind == "duty" and self.k.duties[asked.subject].type in ("right", "option") and (
            self.k.duties[asked.subject].type == "right" or asked.inverted or not (asked.obligation or asked.sanction))
        if asked.kind == "duty" and not asked.sanction and (asked.permission or asked.sufficiency or (
                (asked.counts or asked.classification) and not asked.obligation)):
            # "Is a sign by the kiosk enough?", "can we put it in the credits?": the way the question describes, where
            # the duty's ways decide it.
            # The way may be described in the words of another duty the question names ("look real" and "disclosure"):
            # not enough for one of them is not enough; else the first whose ways decide it, else it depends.
            asked_of = [asked.subject, *asked.others]
            # A duty that narrows how one asked about is done, where it binds the asker, is asked about too.
            asked_of += [d.id for d in self.k.duties.values() if set(d.tightens) & set(asked_of)
                         and d.id not in asked_of and self.r.duty(d, facts, as_of).status == APPLIES]
            leads = [x for did in asked_of for x in [self.way_lead(self.k.duties[did], facts, lang)] if x is not None]
            lead = next((x for x in leads if x.verdict == "no"), None) or next(
                (x for x in leads if x.verdict != "depends"), leads[0] if leads else None)
            if lead is not None:
                return lead
        if asked.kind == "duty" and self.k.duties[asked.subject].type == "power" and not asked.sanction and (
                asked.permission or asked.occasion or not asked.obligation):
            return self.power_lead(self.k.duties[asked.subject], asked, lang)  # "can MSIT investigate …?"
        if asked.kind == "duty" and asked.counts and not asked.sanction and (asked.permission or not asked.obligation):
            # "The developer did the plans — are we treated as having done them?", asked as "is that enough" or "can
            # we rely on it": the duty's deemed exceptions answer, as they do "are we treated as…?".
            deemed = [e for e in self.k.duties[asked.subject].exceptions if e.deemed]
            if deemed:
                return self.counts_lead(self.k.duties[asked.subject], deemed, facts, lang)
        # ("can a public body like us be an AI business operator?" asks whether the term could hold)
        if (asked.permission and not right and not asked.sanction
                and not (asked.kind == "classify" and asked.possibility)) or asked.sufficiency:
            # ("can we be fined for it?" asks about the sanction, not about what may be done)
            return None  # the map decides whether a duty binds or a term holds, not what may be done or how
        if asked.kind == "classify":
            # ("does that education item cover university courses?" asks whether the term holds, as "counts as")
            if not (asked.classification or asked.counts or asked.obligation or asked.possibility
                    or binds_question(asked)):
                return None
            status = self.r.classify(asked.subject, facts)
            lead = self.classify_lead(status, facts, lang, as_of)
            if asked.possibility and lead.verdict == "depends":
                lead.verdict = "yes"  # "could it count?": it could, on the facts the answer names
                lead.lines[0] = _led_by(lead.lines[0], lang, "Yes, it can", "예, 그럴 수 있습니다")
            return lead
        duty = self.k.duties[asked.subject]
        if asked.favoured:
            # "Will having done an impact assessment help us when public bodies buy?": the rule that binds the buyer
            # answers, unless the product is said not to be of the kind it covers.
            if duty.favours_when and self.r.term(duty.favours_when, facts) is False:
                return None
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(duty.plain.rule, lang), lang)])
        left = [e for e in duty.exceptions if e.id in asked.left]
        if left:
            # "The vendor did the plans — do we still need our own human oversight?": an exception that leaves the
            # part asked about does not answer; what it does cover is said beside the verdict.
            duty = duty.model_copy(update={"exceptions": [e for e in duty.exceptions if e not in left]})
        if as_of < duty.applies_from and asked.own and (asked.classification or asked.without) \
                and not (asked.sanction or asked.in_force):
            # "작년 11월에 AI라는 안내 없이 챗봇을 운영했는데, 그때도 위반이었나요?": on the date the question gives, the duty
            # was not yet in force, whatever else it says
            return self.in_force_lead(duty, lang, as_of, asked.month_only)
        if asked.in_force and not asked.sanction and not asked.cue_in_sentence:
            return None  # "is that subsidy provision in force?" after a story that names a duty: not the duty's date
        if asked.in_force and not asked.sanction:  # "is the notice duty already in force on 1 March?"
            if as_of >= duty.applies_from and set(duty.rests_on) & self.revised:
                return None  # which wording was in force that day is the quoted provisions' to say
            return self.in_force_lead(duty, lang, as_of, asked.month_only)
        deemed = [e for e in duty.exceptions if e.deemed]
        if asked.counts and deemed and not asked.obligation:  # "are we treated as having taken those measures?"
            return self.counts_lead(duty, deemed, facts, lang)
        if asked.must and (asked.obligation or binds_question(asked)) and not asked.sanction:
            lead = self.must_lead(duty, asked.must, facts, lang, as_of)  # "must the assessment reflect the elderly?"
            if lead is not None:
                return lead
        if binds_question(asked) and duty.type == "duty":
            # "Are we caught by the safety obligations?", "do we fall under the notice rule?": a yes/no question whose
            # asking sentence names a duty and asks nothing else of it asks whether it binds the asker.
            asked = replace(asked, obligation=True)
        if not (asked.obligation or asked.sanction or right):
            return None
        if duty.type == "option" and asked.before_step:
            return None  # "do we need X before we apply?": a step before the option, which the map does not list
        if duty.type in ("endeavour", "option") and asked.obligation and not asked.sanction and not (
                right and asked.inverted and not (duty.type == "option" and asked.have_to)) and not (
                duty.type == "endeavour" and asked.endeavour_named):
            # "Must we assess the impact?": the Act asks operators of high-impact AI to endeavour to, not to.
            # ("Does the impact-assessment effort duty apply to us?" asks whether it binds, answered below)
            # ("We don't have to ask MSIT to confirm, right?": an option is not owed, however asked; the verdict is
            # turned over below)
            status = self.r.duty(duty, facts, as_of)
            lines = [_after_dash(VERDICT_WORD["no"][lang], _t(duty.plain.rule, lang), lang)]
            return Lead("no", lines, [DutyLine(duty.id, status.status, self._duty_because(duty, status, lang))])
        # A case told in the third person ("Client is a Singapore company with no office in Korea; revenue …"): its
        # facts answer, as the asker's own would.
        # (what the question touches without deciding — "whether to open a branch here is not decided" — is told of
        # the case too)
        described = sum(1 for v in facts.values.values() if v.how != "implied") + len(facts.mentioned) >= DESCRIBED_CASE
        if not asked.own and not asked.sanction and (not described or asked.about_other):
            if not asked.cue_in_sentence:
                return None  # the obligation asked about is not this duty's
            stated = [e for e in duty.exceptions if self.r.exception_value(e, facts) is True]
            if stated:  # "if an operator already did X, must it …?": the exception the question states answers it
                return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], _t(stated[0].plain, lang), lang),
                                   f"- {_t(duty.plain.rule, lang)}"])
            # Asked of the party the duty binds ("do public bodies have to give our product preference?"): what the
            # asker tells of its own side of it (whether its product is confirmed) can leave it open.
            binder = self.k.terms.get(duty.binds)
            if asked.about_other and asked.of_own and binder is not None and binder.when in self.k.facts:
                other = self.r.given(facts, binder.when, True)
                status = self.r.duty(duty, other, as_of)
                if status.status == DEPENDS:
                    return self.duty_lead(duty, status, other, asked, lang, as_of)
            # The rule in general ("do operators have to notify users?"), not the asker's case: the rule answers.
            return Lead("yes", [_after_dash(VERDICT_WORD["yes"][lang], _t(duty.plain.rule, lang), lang)])
        status = self.r.duty(duty, facts, as_of)
        lead = self.duty_lead(duty, status, facts, asked, lang, as_of)
        lead.duties = [DutyLine(duty.id, status.status, self._duty_because(duty, status, lang))]
        lead.lines[1:1] = [f"- {_t(e.plain, lang)}" for e in left if self.r.exception_value(e, facts) is True]
        return lead


def _this(duty: Duty) -> tuple[str, str]:
    """How a sentence names the duty it speaks of (English, Korean): an option, a right or a power is no duty."""
    return ("this duty", "이 의무는") if duty.type in ("duty", "endeavour") else ("this rule", "이 규정은")


def _applies_from(duty: Duty, lang: str) -> str:
    """The sentence saying from when a duty applies ("this duty applies from 22 January 2026 [addenda].")."""
    when = _date_words(duty.applies_from, lang)
    en, ko = _this(duty)
    return (f"{en} applies from {when} {_marks(duty.dated_by)}." if lang == "en" else
            f"{ko} {when}부터 적용됩니다 {_marks(duty.dated_by)}.")


def _launched_line(duty: Duty, lang: str) -> str:
    """From when a duty applies, and that the addenda spare nothing launched before then."""
    when = _date_words(duty.applies_from, lang)
    en, ko = _this(duty)
    if lang == "ko":
        return f"{ko} {when}부터 적용되며, 부칙은 그 전에 이미 제공하던 제품ㆍ서비스를 예외로 두지 않습니다 {_marks(duty.dated_by)}."
    return (f"{en[:1].upper() + en[1:]} applies from {when}, and the addenda make no exception for products or "
            f"services already provided before then {_marks(duty.dated_by)}.")


def _not_yet(lang: str, text: tuple[str, str], note: tuple[str, str], cids: list[str]) -> Lead:
    """"No": what is asked was not yet in force on the date given (text and note as Korean, English), citing `cids`."""
    said, told = (text[0], note[0]) if lang == "ko" else (text[1], note[1])
    return Lead("no", [_after_dash(VERDICT_WORD["no"][lang], f"{said} {_marks(cids)}.", lang)], notes=[told])


def _as_described(state: Bilingual, rests: list[str], lang: str) -> str:
    """A reason line saying what the question states ("As you describe it, …"), citing what it rests on."""
    return (f"- 말씀하신 대로라면 {state.ko} {_marks(rests)}." if lang == "ko" else
            f"- As you describe it, {state.en} {_marks(rests)}.")


def binds_question(asked: Asked) -> bool:
    """A yes/no question about the asker's own case, naming a duty (or a term) in its asking sentence, whose only
    cue (if any) is that something is so ("do we fall under …?"): it asks whether the duty binds (the term holds)."""
    others = (asked.obligation, asked.permission, asked.sufficiency, asked.sanction, asked.counts, asked.in_force,
              asked.possibility, asked.inverted, asked.before_step, asked.without)
    return asked.form == YESNO and asked.kind in ("duty", "classify") and asked.own and asked.cue_in_sentence \
        and not any(others)


def strip_marks(text: str) -> str:
    """A plain sentence without its [cid] marks (for a declined answer, which cites nothing)."""
    return re.sub(r"\s+([.,])", r"\1", CID_MARK.sub("", text)).strip()


def marked_ids(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(c for line in lines for c in CID_MARK.findall(line)))


def verdict_of(lead: Lead | None) -> Any:
    return None if lead is None else lead.verdict


# how a guidance note introduces the guideline's own words it ends with (Composer._notes_of), English then Korean
_SAID = (" In its words (Korean only): ", " 원문: ")
_NOTE_QUOTE = re.compile(f"({'|'.join(map(re.escape, _SAID))})“([^”]+)”$")


def unrepeated_notes(notes: list[str], quoted: list[str]) -> list[str]:
    """The notes, without the guideline sentence a note would quote again where the answer already quotes it."""
    flat = [" ".join(q.split()) for q in quoted]
    out = []
    for n in notes:
        m = _NOTE_QUOTE.search(n)
        if m and any(" ".join(m.group(2).split()) in q for q in flat):
            n = n[:m.start()]
        out.append(n)
    return out
