"""The project's structured knowledge, read and checked: the fact vocabulary (corpus/facts.toml) and the duty map
(corpus/duties.toml). Knowledge is data; this module only gives it a schema and refuses a file that breaks it."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from corpus.conditions import ConditionError, Node, compared, names, parse
from corpus.settings import CORPUS_DIR

T = TypeVar("T")

FACTS_FILE = CORPUS_DIR / "facts.toml"
DUTIES_FILE = CORPUS_DIR / "duties.toml"
PHRASING_FILE = CORPUS_DIR / "phrasing.toml"
GLOSSARY_FILE = CORPUS_DIR / "glossary.toml"
# A plain sentence names the provisions it rests on at its end: "... in advance [act:31:1] [decree:23:1]."
CID_MARK = re.compile(r"\[((?:act|decree|notice-2026-50):[\w:-]+)\]")


class KnowledgeError(ValueError):
    """A knowledge file is missing, malformed or inconsistent (the message names the file and the entry)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    en: str
    ko: str

    @field_validator("en", "ko")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("empty text")
        return v


def _compile(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad pattern {p!r}: {exc}") from None
    return patterns


@lru_cache(maxsize=None)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, kept for the process: the readers compile the data files' thousand-odd patterns, more than
    `re`'s own cache holds, so every new reader compiled them all again (most of its construction time)."""
    return re.compile(pattern, flags)


def one_of(patterns: list[str]) -> str:
    """One regular expression matching any of `patterns` (a data file's list of alternatives)."""
    return "|".join(f"(?:{p})" for p in patterns)


# ------------------------------------------------------------------------------------------------ facts


class Patterns(_Strict):
    true: list[str] = Field(default_factory=list)
    false: list[str] = Field(default_factory=list)
    # Weak readings decide only where no other reading does ("a Japanese company" says little against "our
    # branch office in Seoul").
    weak_true: list[str] = Field(default_factory=list)
    weak_false: list[str] = Field(default_factory=list)

    _check = field_validator("true", "false", "weak_true", "weak_false")(classmethod(lambda cls, v: _compile(v)))


class Together(_Strict):
    """Two groups of words within a short distance in one clause ("a recruiter … makes the final call",
    "인사팀이 … 결정"): a reading written as a small lexicon instead of a phrase."""

    side: bool
    first: list[str]
    then: list[str]
    within: int = 40  # characters between the two
    either_order: bool = False
    # the two not parted by a comma either: a denial reaches only its own phrase ("no office in Korea, chatbot app")
    clause: bool = False

    _check = field_validator("first", "then")(classmethod(lambda cls, v: _compile(v)))

    def pattern(self) -> str:
        a, b = "|".join(self.first), "|".join(self.then)
        gap = f"[^.?!;{',' if self.clause else ''}]{{0,{self.within}}}?"
        forward = f"(?:{a}){gap}(?:{b})"
        return f"{forward}|(?:{b}){gap}(?:{a})" if self.either_order else forward


class Examples(_Strict):
    true: list[str] = Field(default_factory=list)
    false: list[str] = Field(default_factory=list)
    # How close a clause must come to an example, and how much closer than to the other side, for it to decide the
    # fact (cosine of the embedding model); unset, the reader's defaults. A fact whose examples describe whole uses
    # (not one plain statement) is compared more loosely, since no clause of a question repeats a use word for word.
    min_similarity: float | None = Field(default=None, ge=0.5, le=1.0)
    min_margin: float | None = Field(default=None, ge=0.0, le=0.5)
    # Compared only with the sentences before the asking one, where there are any: a use is described in what the
    # asker tells, and the asking sentence's words ("is it high-impact AI?") would come close to every example.
    told_only: bool = False


class States(_Strict):
    true: Bilingual
    false: Bilingual


class Implies(_Strict):
    true: dict[str, bool] = Field(default_factory=dict)
    false: dict[str, bool] = Field(default_factory=dict)


class FactSpec(_Strict):
    """One fact of the vocabulary: how it is asked about, stated and read."""

    id: str
    type: Literal["bool", "number"]
    ask: Bilingual
    # Asked with the area read but left open at its edge ("{area}": the area's name), in place of `ask`.
    ask_in_area: Bilingual | None = None
    state: States | None = None
    # Whether the situation reader (assistant/situation.py) may settle the fact where the patterns leave it open: only
    # the judgements a description as a whole speaks to (is the AI offered to others or used in-house, is the use in a
    # listed area, does a person decide), never a particular the asker either states or not (an office in Korea, a
    # public body, revenue, compute). A yes/no fact: its `state` says how the answer read the description.
    learned: bool = False
    unit: str = ""
    patterns: Patterns = Field(default_factory=Patterns)
    together: list[Together] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)
    implies: Implies = Field(default_factory=Implies)  # fills in other facts the question left unknown
    overrides: Implies = Field(default_factory=Implies)  # sets other facts even against a weaker reading
    cues: list[str] = Field(default_factory=list)  # number facts: words a figure must stand next to
    not_cues: list[str] = Field(default_factory=list)
    counts: list[str] = Field(default_factory=list)  # number facts counting people: the nouns counted
    # A yes/no fact about how long lay between two events: where the question gives two dates, it is true when
    # they are at most this many days apart (then the dates decide it over the patterns' vaguer words).
    dates_within: int | None = None
    # False for a fact that only restates a conclusion ("our high-impact AI"): read where stated, it is never the
    # fact an answer says it depends on.
    decides: bool = True
    # A circumstance of the use ("users can download the outputs"), not a description of how a duty is done: stated
    # alone, it does not make a question one about whether the way it is done is enough.
    circumstance: bool = False
    # A number fact that is part of another (AI-service revenue is part of total revenue): where the question gives
    # only the whole, this one is read as lying between zero and it.
    part_of: str = ""
    # Words saying the whole is all of it ("all of it from the AI chat subscription", "매출 전부가 AI 서비스에서"): the part
    # is then read as the whole, not as lying between zero and it.
    all_of_whole: list[str] = Field(default_factory=list)
    # A number fact said in words to lie below every threshold the law sets for it ("revenue is tiny", "매출 기준은
    # 해당 없고요"): read as nothing, where no figure is given.
    below: list[str] = Field(default_factory=list)
    # Words naming a figure that counts more than the fact does (everyone who used the service in a month or a year,
    # against a day's average): where no figure stands by `cues`, one by these bounds the fact from above ("3,000
    # Korean customers used it last year": a daily average of at most 3,000).
    bound_cues: list[str] = Field(default_factory=list)
    # A figure told as of a period the law does not count ("this March we hit 1.2 million a day", "올해 들어 지금은"),
    # unless its clause also names the one it counts ("last year", "작년"): not read.
    other_period: list[str] = Field(default_factory=list)
    counted_period: list[str] = Field(default_factory=list)
    # Words that touch the fact without deciding it: a term's exception resting on it is then left open, not assumed
    # away with the rest of a silent question.
    mentioned_by: list[str] = Field(default_factory=list)
    # A fact a duty's own words restate ("must we mark them as AI-generated?" is not content made with AI): not read
    # from what an obligation question asks to be done.
    restated_by_duty: bool = False
    # Words in quotation marks are the wording of a label or notice ("'AI로 만든 이미지'라고 표시 안 하면"), not what the
    # asker does: a reading inside them, negated or not, states nothing of this fact.
    unquoted: bool = False
    # A fact of practice the asker may state and then doubt ("a credit officer signs off on each decision, but how
    # closely they look varies by branch"): a sentence saying it is unsure that reads or mentions it leaves the fact
    # open, whatever another sentence states.
    doubted_when_unsure: bool = False
    # Words that leave the fact open whatever else the question states ("협력업체 기사님들도 계정을 받아 로그인해요":
    # people outside the company use the in-house tool too, which the words "internal use" do not settle).
    open_when: list[str] = Field(default_factory=list)
    open_too: list[str] = Field(default_factory=list)  # facts left open with it (the other side of the same question)
    # Readings of the false side that, where the true side is read too, leave the fact open instead of deciding it
    # ("간호사가 대부분 그대로 따르지만 최종 결정은 의료진이 합니다"); alone they read false ("거의 점수대로 결정돼요").
    false_unless_true: list[str] = Field(default_factory=list)
    # The side that stands wherever the question reads both ways (else the side read more often, then the longer
    # reading).
    prevails: bool | None = None
    # Whether a negated reading of the false side counts for the true side. Where the false patterns name other kinds
    # ("a startup", "중소기업") rather than deny the fact, "중소기업은 아닙니다" makes no one a public body: false.
    false_negation_flips: bool = True
    # Whether a negation turns a reading of the true side round (false: "7개월째 안 하고 있었어요" — the negation is the
    # duty's, not the period's, which is read as written)
    true_negation_flips: bool = True
    # Whether a negated reading of the true side is no reading at all ("화면에는 아무 문구도 안 띄워요": no label in the
    # service, which says nothing of where else one is), rather than a reading of the false side.
    negated_true_drops: bool = False

    _check = field_validator("cues", "not_cues", "counts", "mentioned_by", "below", "bound_cues", "other_period",
                            "counted_period", "open_when", "false_unless_true", "all_of_whole")(
        classmethod(lambda cls, v: _compile(v)))

    @model_validator(mode="after")
    def _shape(self) -> "FactSpec":
        if self.type == "bool" and self.state is None:
            raise ValueError(f"fact {self.id}: a yes/no fact needs state.true and state.false")
        if self.type == "number" and not self.cues:
            raise ValueError(f"fact {self.id}: a number fact needs cues")
        if (self.below or self.bound_cues) and self.type != "number":
            raise ValueError(f"fact {self.id}: only a number fact is said to lie below its thresholds")
        if self.learned and self.type != "bool":
            raise ValueError(f"fact {self.id}: only a yes/no fact is settled by the situation reader")
        return self


class Currency(_Strict):
    """A foreign currency a figure may be stated in, with the band within which a year's average rate into won
    plausibly falls: a figure converted at both ends decides a threshold only where both ends agree."""

    id: str
    words: list[str]  # the currency's signs and names, next to the figure
    krw_per_unit: tuple[float, float]
    rests_on: list[str]  # the provision that says how a foreign figure is converted
    plain: Bilingual  # said beside a verdict that rests on such a figure, with [cid] marks

    _check = field_validator("words")(classmethod(lambda cls, v: _compile(v)))

    @model_validator(mode="after")
    def _band(self) -> "Currency":
        lo, hi = self.krw_per_unit
        if not 0 < lo < hi:
            raise ValueError(f"currency {self.id}: krw_per_unit must be a band (low, high) with 0 < low < high")
        return self


# -------------------------------------------------------------------------------------------- duty map


class Guidance(_Strict):
    """A test borrowed from MSIT guidance (not law): the guideline, its printed page, what it says."""

    doc: str
    page: int
    says: Bilingual
    shown_when: list[Literal["true", "false", "unknown"]] = Field(default_factory=lambda: ["false", "unknown"])
    fact: str = ""  # shown only where the question states this fact (the test is about that kind of use)
    area: str = ""  # shown only where the question's use was read in this listed area (the guideline's test for it)
    duties: list[str] = Field(default_factory=list)  # shown only in answers about one of these duties (empty: any)


class Section(_Strict):
    """Pages of a guideline given to one subject (its section on a listed area), printed page numbers inclusive."""

    doc: str
    pages: tuple[int, int]

    @field_validator("pages")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if not 0 < v[0] <= v[1]:
            raise ValueError(f"pages {v}: a first and a last printed page, first not after last")
        return v


class TriState(_Strict):
    true: Bilingual
    false: Bilingual


class Said(_Strict):
    """A sentence said in place of a term's plain one where its condition holds."""

    when: str
    plain: Bilingual


class Term(_Strict):
    """A derived notion the duties are written in (an AI business operator, high-impact AI, ...)."""

    id: str
    name: Bilingual
    when: str
    rests_on: list[str]
    plain: TriState
    guidance: list[Guidance] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)  # guideline pages on the notion (see Area.sections)
    # Facts taken as the usual case where the question says nothing of them (a business reaching Korea): the term
    # then holds by assumption, and the answer says so.
    assume: dict[str, bool] = Field(default_factory=dict)
    assumed_note: Bilingual | None = None  # the note an answer resting on that assumption carries
    assume_if: str | None = None  # the condition under which `assume` applies (None: always)
    # Asked about directly, an assumption stands in for an unspoken premise, not for the point asked: `assume` then
    # applies only under this condition as well (None: as otherwise).
    asked_assume_if: str | None = None
    unless: list[str] = Field(default_factory=list)  # conditions that make it false whenever they are true
    # Said where the question raises one of the `unless` conditions and its own facts rule it out ("국방용이니까 적용
    # 대상이 아니죠?" of AI also sold to farms): the reason the term still holds, in place of `plain.true`.
    ruled_out: Bilingual | None = None
    # Said in place of `plain.false` where its condition holds: the reason the facts give, where it is narrower than
    # the plain one (a hobbyist carries on no business at all, not merely provides nothing to others).
    false_when: list[Said] = Field(default_factory=list)
    # Said in place of `plain.true` where its condition holds (the guideline test that decided it, not the usual one).
    true_when: list[Said] = Field(default_factory=list)
    # The narrower terms it divides into (an AI business operator is a developer or a using operator): where it holds,
    # the answer names the one the facts decide
    kinds: list[str] = Field(default_factory=list)
    # The duty a question whether this term holds leads to ("is it high-impact?": review it in advance): its rule is
    # said after the verdict unless the question rules out that it binds the asker.
    then_duty: str | None = None


class Area(_Strict):
    id: str
    rests_on: list[str]
    name: Bilingual
    patterns: list[str]
    limits: list[str] = Field(default_factory=list)
    # True where the patterns name the setting (police) and the limits the use (unlocking a door): a limited use the
    # question names decides, wherever the setting is mentioned ("door access — nothing to do with police").
    limit_decides: bool = False
    # Uses at the edge of the area whose place in it the law does not settle (a solar farm's output forecasts and
    # market bids: supply of energy?): an area read only with one of them in the question is left open.
    borderline: list[str] = Field(default_factory=list)
    # The kind of use the area lists only in its setting (biometrics, for criminal investigation or arrest): named
    # where the setting is not, it is a use outside the area, as a limit is.
    setting_only: list[str] = Field(default_factory=list)
    # A setting the area does not reach at all (the health care of animals): where the question names it, the area's
    # words there ("최종 진단은 제가 해요" in an animal hospital) do not count, and it decides as a limited use does.
    outside: list[str] = Field(default_factory=list)
    # Uses the area's open words ("such as hiring and loan screening") may reach, though its patterns do not name
    # them (an AI that approves rentals or selects dormitory residents): where the question names one, another area's
    # limit does not rule the use out of every listed area; whether it is in this one is left open.
    open_uses: list[str] = Field(default_factory=list)
    # Described uses in the area (what the AI does there, in plain words, English and Korean): where no pattern of any
    # area is found, a question whose use the embedding model finds close to one of them, and clearly closer than to
    # the unlisted uses of the high_impact_area fact's `examples.false`, is read as in this area.
    examples: list[str] = Field(default_factory=list)
    # The guideline's own section on the area: where an answer rests on the area's provision, the passage of it
    # closest to the question is quoted beside the law (MSIT guidance, not law). Terms and duties have them too.
    sections: list[Section] = Field(default_factory=list)

    _check = field_validator("patterns", "limits", "borderline", "setting_only", "outside", "open_uses")(classmethod(lambda cls, v: _compile(v)))


class Exception_(_Strict):
    id: str
    when: str
    rests_on: list[str]
    plain: Bilingual
    deemed: bool = False  # the duty counts as done (rather than not applying): "are we treated as having done it?"
    guidance: list[Guidance] = Field(default_factory=list)  # where MSIT's guidance, not the law, draws the line
    caveat: bool = True  # named beside a "yes" or "depends" where the question leaves it open (false: only when it holds)
    # Says which party in a chain of providers owes the duty: it answers "who must do it — us or them?"
    answers_who: bool = False
    # Patterns (en, ko) naming parts of the duty the exception does not reach: asked about one of them ("do we
    # still need our own human oversight?"), the exception does not answer.
    leaves: list[str] = Field(default_factory=list)


class Note(_Strict):
    when: str
    rests_on: list[str]
    plain: Bilingual
    # A fact that eases how the duty is done without lifting it (an artistic work): asked whether it lets one skip
    # the duty ("since it's art, no label at all, right?"), the answer is no, whatever else is left open.
    eases_only: bool = False


class Way(_Strict):
    """A way of doing a duty that the law names, and whether doing it so is enough: answers "is it enough to …?",
    "can we do it by …?" where the question describes how it does (or means to do) the duty."""

    id: str
    when: str  # a condition over the facts that describe how it is done
    enough: bool
    rests_on: list[str]
    plain: Bilingual
    guidance: list[Guidance] = Field(default_factory=list)  # where MSIT's guidance, not the law, draws the line


class DutyText(_Strict):
    rule: Bilingual
    how: Bilingual | None = None
    fine: Bilingual | None = None
    deemed: Bilingual | None = None


class _Asked(_Strict):
    """An entry the question reader finds by its words (`asked`: patterns, case-insensitive)."""

    asked: list[str]

    _check_asked = field_validator("asked")(classmethod(lambda cls, v: _compile(v)))


class Must(_Strict):
    """How a duty must be done where it is done, asked about in its own words ("must the assessment reflect the
    elderly?"): a "shall" inside a duty, which binds even where the duty itself is only to try."""

    id: str
    asked: list[str]
    rests_on: list[str]
    plain: Bilingual
    applies_from: str = ""
    dated_by: list[str] = Field(default_factory=list)  # the provision stating applies_from (an addendum)
    # False for a manner asked about that the law does not require ("must the label stay on screen throughout?"),
    # where `when` holds (a condition over the facts; empty: always).
    required: bool = True
    when: str = ""
    guidance: list[Guidance] = Field(default_factory=list)  # where MSIT's guidance, not the law, draws the line

    _check = field_validator("asked")(classmethod(lambda cls, v: _compile(v)))


class Duty(_Asked):
    """One duty (or right, option, power) of the regime, with everything that decides whether it binds."""

    id: str
    type: Literal["duty", "endeavour", "option", "right", "power"]
    fined: bool
    name: Bilingual
    binds: str
    applies_when: list[str]
    rests_on: list[str]
    plain: DutyText
    how: list[str] = Field(default_factory=list)
    fine: list[str] = Field(default_factory=list)
    enforced_by: list[str] = Field(default_factory=list)
    applies_from: str
    dated_by: list[str] = Field(default_factory=list)
    exceptions: list[Exception_] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    ways: list[Way] = Field(default_factory=list)
    # Duties whose way of being done this one narrows where it applies (a realistic output's label is an output
    # label held to a stricter way): a question whether a way of doing them is enough is also asked of this one.
    tightens: list[str] = Field(default_factory=list)
    musts: list[Must] = Field(default_factory=list)
    # Words asking whether the duty, binding someone else, works in the asker's favour ("does having done an impact
    # assessment give us an advantage when public bodies buy?"): answered by the rule, where the term `favours_when`
    # names (the product's kind) is not known to fail.
    favours: list[str] = Field(default_factory=list)
    favours_when: str = ""
    sections: list[Section] = Field(default_factory=list)  # guideline pages on the duty (see Area.sections)
    # Words naming a group of duties this one answers for ("the transparency duties"): asked about through them only
    # where the question names no duty of the group on its own ("투명성 의무 중 표시 의무는…" asks the labelling).
    asked_as_group: list[str] = Field(default_factory=list)

    _check_favours = field_validator("favours")(classmethod(lambda cls, v: _compile(v)))
    _check_group = field_validator("asked_as_group")(classmethod(lambda cls, v: _compile(v)))


class Classify(_Asked):
    term: str


class NotCovered(_Asked):
    id: str
    rests_on: list[str]
    plain: Bilingual
    answer: Literal["no", "yes"] | None = None  # where the Act shows the answer to a yes/no question about it
    # Whether retrieval ranking the entry's own provisions first means they answer the question ("is the official
    # liable under Art. 16(4)?", "who can be jailed under Art. 42?"); false where they are only what the statement
    # cites (the confirmation procedure is not a licence).
    provision_answers: bool = True
    # A fact the answer's exception rests on: where the question states it the answer turns over, and where it
    # raises it without settling it the answer depends on it ("could I have to pay for the loss?": no, unless
    # through my gross negligence)
    unless: str = ""
    # Words the whole question must also use (the story told before the asking sentence): what the entry is about
    needs: list[str] = Field(default_factory=list)

    _check_needs = field_validator("needs")(classmethod(lambda cls, v: _compile(v)))


class SanctionText(_Strict):
    not_fined: Bilingual


class ScheduleText(_Strict):
    same: Bilingual
    rises: Bilingual
    window: Bilingual  # a deciding fact, worded for "it depends on …"
    reduce: Bilingual
    arrears: Bilingual
    increase: Bilingual
    grounds: Bilingual
    reduce_grounds: Bilingual  # the grounds for a reduction besides being a small business, worded for "it depends on …"
    reduce_decision: Bilingual  # whether the authority makes a reduction it may make, worded for "it depends on …"
    amounts: Bilingual  # with {name}, {a1}, {a2}, {a3}
    adjust: Bilingual
    ignored: Bilingual
    beyond: Bilingual  # an amount asked about that no violation of the row can reach
    beyond_first: Bilingual  # an amount asked about that no first violation of the row can reach


class ScheduleRow(_Asked):
    """One violation of the fine schedule (Decree Annex 2 item 2): its amounts for a first, second and third or later
    violation, in the table's units of ten thousand won."""

    id: str
    duty: str = ""
    amounts: list[int]
    rests_on: list[str]
    name: Bilingual


class Schedule(_Strict):
    rests_on: list[str]
    plain: ScheduleText
    row: list[ScheduleRow]
    unit: int  # won per unit of the table's amounts
    adjust: float  # the share by which the authority may reduce or increase a scheduled amount
    ceiling: int  # the Act's maximum fine, in won


class Sanctions(_Strict):
    plain: SanctionText
    schedule: Schedule


class MeasureItem(_Asked):
    """One of the measures Act Art. 34(1) lists for high-impact AI, and the words that ask about it."""

    item: int
    name: Bilingual
    rests_on: list[str]


class Part(_Asked):
    """One requirement of an Annex 1 entry, and the words that state it done ("변경인증을 받았다")."""

    name: Bilingual


class Regime(_Strict):
    """Another law, or a kind of product under it, that Annex 1 entries are about, and the words naming it."""

    id: str
    name: Bilingual
    law: list[str]

    _check = field_validator("law")(classmethod(lambda cls, v: _compile(v)))


class Deemed(_Strict):
    """An entry of Decree Annex 1: what, done under another law, counts as which Art. 34(1) measures."""

    id: str
    regime: str
    items: list[int]
    needs: list[Part] = Field(default_factory=list)  # every one must be done
    partial: Bilingual | None = None  # counts only in part ("as regards personal information")
    applies_from: str | None = None
    dated_by: list[str] = Field(default_factory=list)  # the provision stating applies_from
    rests_on: list[str]
    plain: Bilingual


class Deadline(_Asked):
    """A period the Decree or a Notice sets for a request or its reply: answers "is MSIT past its deadline?" and "can
    we still file?" from the days the question says have passed."""

    id: str
    whose: Literal["authority", "asker"]  # who must act within it: the authority replying, or the asker filing
    days: int
    extension_days: int = 0  # the authority may extend it once by up to this, telling the requester
    name: Bilingual
    rests_on: list[str]
    plain: Bilingual


class Commencement(_Asked):
    """When the Act as a whole took effect: answers "from when must we comply with the Act?" (`asked`: words naming
    the Act or its duties as a whole, in the sentence that asks "from when")."""

    id: str
    rests_on: list[str]
    plain: Bilingual
    # the day it took effect, for "is the Act already in force (on …)?"
    applies_from: str | None = None


class Keep(_Asked):
    """How long something must be kept: answers "is keeping it N years enough?"."""

    id: str
    years: int
    name: Bilingual
    rests_on: list[str]
    plain: Bilingual


class Allowance(_Asked):
    """Something the law lets the operator do ("may commission a third party", "trade secrets may be left out"):
    answers "can we…?" (yes) and "do we have to … ourselves?" (no) where the question names it."""

    id: str
    needs: list[str]  # the question must also use one of these words (patterns): what the allowance is about
    rests_on: list[str]
    plain: Bilingual
    # A step the law requires before another ("apply only with a catalogue number"): "do we need it first?" is
    # answered yes and "can we go ahead without it?" no, the other way round from what the law allows.
    required: bool = False
    # What the law allows from a later date (support an amendment inserted): asked of a date before it, not yet.
    applies_from: str | None = None
    dated_by: list[str] = Field(default_factory=list)  # the provision stating applies_from
    # Whom the law allows it for, as a fact ("small and medium enterprises"): where the question says the asker is
    # not one the answer is no, and where it raises it without settling it ("nobody has checked whether we still
    # count as an SME") the answer depends on it.
    for_fact: str = ""

    _check_needs = field_validator("needs")(classmethod(lambda cls, v: _compile(v)))


class DutyMap(_Strict):
    sanctions: Sanctions
    term: list[Term]
    area: list[Area]
    duty: list[Duty]
    classify: list[Classify] = Field(default_factory=list)
    not_covered: list[NotCovered] = Field(default_factory=list)
    measure_item: list[MeasureItem] = Field(default_factory=list)
    regime: list[Regime] = Field(default_factory=list)
    deemed: list[Deemed] = Field(default_factory=list)
    deadline: list[Deadline] = Field(default_factory=list)
    keep: list[Keep] = Field(default_factory=list)
    commencement: list[Commencement] = Field(default_factory=list)
    allowance: list[Allowance] = Field(default_factory=list)


class Forms(_Strict):
    yesno: list[str]
    wh: list[str]
    list: list[str]
    obligation: list[str]
    classification: list[str]
    sanction: list[str]
    permission: list[str]
    sufficiency: list[str]
    how_long: list[str] = Field(default_factory=list)
    how_done: list[str] = Field(default_factory=list)
    # asks from when something applies ("from what date do we have to comply?", "언제부터 지켜야 하나요?")
    since_when: list[str] = Field(default_factory=list)
    # asks which party in a chain of providers owes a duty ("who has to tell them — us or the model company?")
    who_bears: list[str] = Field(default_factory=list)
    whole_duty: list[str] = Field(default_factory=list)
    yesno_then: list[str] = Field(default_factory=list)
    possibility: list[str]
    self: list[str]
    inverted: list[str]
    conditional: list[str] = Field(default_factory=list)
    always: list[str] = Field(default_factory=list)
    occasion: list[str] = Field(default_factory=list)
    reported: list[str] = Field(default_factory=list)
    reduced: list[str] = Field(default_factory=list)  # asks whether a fine will be reduced, not whether it may
    follows: list[str] = Field(default_factory=list)
    # names a duty to endeavour as such ("영향평가 노력의무가 저희한테도 있나요?"): asks whether it binds, not whether the
    # act is obligatory
    endeavour_named: list[str] = Field(default_factory=list)
    result_within: list[str] = Field(default_factory=list)
    # asks whether a period may be put off again and again ("can they keep pushing the deadline back as long as they
    # like?", "계속 연장할 수 있나요?"): an extension the law allows once, or not at all, answers no
    unbounded: list[str] = Field(default_factory=list)
    # asks whether one is among those a scheme is for ("65세 넘으신 분들도 지원 대상이 되나요?"), not whether it is owed
    eligible: list[str] = Field(default_factory=list)
    # Words saying something was not done ("the labels were missing", "표시가 빠져 있었어요"): of a fine asked about
    # without naming the duty, the one not done is the violation.
    missing: list[str] = Field(default_factory=list)
    deemed: list[str]
    deemed_partly: list[str]
    deemed_remains: list[str]
    deemed_whole: list[str]
    # every measure asked about, whatever measure the other law's duty is named for ("신용정보법상 설명의무를 지키는데 34조
    # 조치는 전부 한 걸로 봐 주나요?")
    deemed_all: list[str] = Field(default_factory=list)
    deemed_target: list[str]
    sanction_detail: list[str]
    # the asker's clean record, told as a fact ("we've never been fined", "과태료 받은 적도 없고요"): no fine asked about
    sanction_record: list[str] = Field(default_factory=list)
    # a question offering alternatives or asking a second thing ("must we …, or is … enough?"): the first is asked
    alternative: list[str] = Field(default_factory=list)
    duty_word: list[str] = Field(default_factory=list)  # words naming a duty as such ("의무", "obligation")
    in_force: list[str]
    fine_cap: list[str]
    # the asker's own sum, raised, said to stay within the Act's maximum ("상한을 넘지 않으니까 … 가능한 거죠?")
    fine_fits: list[str] = Field(default_factory=list)
    fine_reduce: list[str]
    fine_increase: list[str]
    fine_repeat: list[str]
    fine_exact: list[str]
    # "will it simply be the same as the first fine?": asks whether the amount stays, not whether it rises
    fine_same: list[str] = Field(default_factory=list)
    fine_base: list[str]  # asks about the schedule's own amount, before any reduction or increase ("기준 금액")
    # the asking sentence names the asker's small size ("does being a small business help?"): the reduction the
    # schedule allows small businesses is said beside the amounts
    fine_small: list[str] = Field(default_factory=list)
    fine_ignored: list[str]
    late: list[str]  # asks whether a deadline has passed ("are they past their deadline?", "기한 넘긴 거죠?")
    within: list[str]  # asks whether it is still in time ("can we still file?", "아직 가능한가요?")
    # "still", "지금이라도": asks whether it is still in time, some time having passed (how long, unsaid or told)
    still: list[str] = Field(default_factory=list)
    # a period quoted from the law beside a figure, not days that have passed: the words before it and right after
    period_before: list[str] = Field(default_factory=list)
    period_after: list[str] = Field(default_factory=list)
    days: list[str]  # a number of days that have passed (group 1), in the question's words
    weeks: list[str]  # the same in weeks
    months: list[str] = Field(default_factory=list)  # the same in months (read as 30 days; "a"/"한" as one)
    before_step: list[str]  # asks about a step before another ("do we need X before we apply?"), not the step itself
    without: list[str]  # asks about doing without something ("can we launch without a licence?", "등록 없이")

    _check = field_validator("*")(classmethod(lambda cls, v: _compile(v)))  # every form is a list of patterns


class Sentences(_Strict):
    asks: list[str]  # tests in order: the first test some sentence passes picks the asking sentence
    abbreviations: list[str]
    before_number: list[str]
    confirmation: list[str]
    embedded_question: list[str]
    general_subject: list[str]
    # An asking sentence whose subject is another party the law binds ("do public bodies have to…?"): asked of
    # them, not of the asker, whoever tells the story
    other_subject: list[str] = Field(default_factory=list)
    # Words that set what follows beside the matter asked as a comparison ("the way it can for …")
    compared: list[str] = Field(default_factory=list)
    # Words setting a listed area's name in the asking sentence beside the use as a likeness, before and after it.
    likened_before: list[str] = Field(default_factory=list)
    likened_after: list[str] = Field(default_factory=list)
    refers_back: list[str] = Field(default_factory=list)  # an asking sentence about what the one before says
    # Words just after a duty's name saying it was kept ("the upfront notice … stayed in place"): that duty is not
    # the one asked about.
    kept: list[str] = Field(default_factory=list)
    # A period put to be confirmed in the asking sentence ("30일 안에 답 줘야 하는 거 맞죠?", "within 30 days,
    # right?"): its first matching group is the number of days.
    period_put: list[str] = Field(default_factory=list)
    # What an obligation question asks to be done starts after these words ("do we need to …", "…해야 하나요"):
    # it restates the duty, not the asker's facts.
    to_be_done: list[str] = Field(default_factory=list)
    # a Korean clause ending that turns to what is asked ("…그림인데, 그래도 표시를 해야 돼요?"): what is asked to be done
    # starts after the last one
    turn_ko: list[str] = Field(default_factory=list)
    # Words continuing a duty's name in the closing question up to its verb ("do the labelling rules for AI-generated
    # content still apply to me?"): the duty's object, restated, not the asker's facts
    named_tail: list[str] = Field(default_factory=list)
    # How a question states the exchange rate it used ("KRW 1,400/USD", "달러당 1,400원"): `{currency}` stands for a
    # currency's words, the group `rate` for the won per unit.
    stated_rate: list[str] = Field(default_factory=list)
    # Numbers written as words ("keep them for three years"), read as their figures.
    number_words: dict[str, int] = Field(default_factory=dict)
    # Words just before or after a date that make it the date the question is about ("as of 1 March 2026", "It's May
    # 2026", "2026년 3월 기준", "지금(2026년 5월)"), not, say, a promulgation date.
    as_of_cue: list[str] = Field(default_factory=list)
    # Words naming a year by its distance from today's ("작년" -1, "next" +1), for a month named by them.
    relative_year: dict[str, int] = Field(default_factory=dict)
    relative_year_then: list[str] = Field(default_factory=list)  # words turning back to such a month (its date asked)
    # a question asking whether launching before the Act spares the service now, and the words naming a date as the
    # launch's: that date is not the date asked about
    launched_before: list[str] = Field(default_factory=list)
    launch_word: list[str] = Field(default_factory=list)

    _check = field_validator("asks", "embedded_question", "general_subject", "confirmation", "other_subject", "compared",
                             "as_of_cue", "kept", "period_put", "named_tail", "relative_year_then", "likened_before",
                             "launched_before", "launch_word",
                             "likened_after")(
        classmethod(lambda cls, v: _compile(v)))


class Negation(_Strict):
    before: list[str]
    filler: list[str]
    after: list[str]
    in_pattern: list[str]
    clause_break: list[str]
    # where the clause of a sentence that holds words of doubt starts: a comma or a Korean clause ending ("…인데")
    doubt_clause_break: list[str]
    figure_clause_end: list[str] = Field(default_factory=list)  # a Korean clause ending that closes a figure's clause
    unsure: list[str]  # a sentence saying the asker does not know, or that it varies: what it states is not a fact
    # words like `unsure` that speak of what may befall the asker, not of its facts ("과태료 나올 수도 있다고 들었어요")
    unsure_not: list[str] = Field(default_factory=list)
    # a sentence reporting what someone else claims, put to kaia to check: what it states is no fact of the case
    claimed: list[str] = Field(default_factory=list)
    # what follows a quotation of the law's own words ("the 'student evaluation' category", "'보건의료' 영역")
    quotes_law: list[str] = Field(default_factory=list)
    # what comes before a quotation of the law's term in a question ("Is this 'generative AI'…?", "count as 'high-impact'")
    quotes_term_before: list[str] = Field(default_factory=list)
    list_joiners: list[str]  # the words that may stand alone between the items of a negated list ("…, hiring or …")
    before_phrase: list[str] = Field(default_factory=list)  # a phrase denying what follows ("nothing to do with")
    noun_list_ko: list[str] = Field(default_factory=list)  # Korean particles joining nouns a later negation denies
    after_phrase_ko: list[str] = Field(default_factory=list)  # a Korean phrase denying a list before it ("…랑은 상관없")
    # Words that deny a whole noun phrase, a few words before its noun ("no business office in Korea").
    phrase: list[str] = Field(default_factory=list)
    # Verbs of making: negated, they deny what they make, the match right after them ("it cannot produce photorealistic
    # people"), where a negated verb of another kind does not ("we don't label photorealistic images").
    making: list[str] = Field(default_factory=list)
    # Words that deny the object of a verb of making right after it ("it generates nothing", "produces no images").
    made_nothing: list[str] = Field(default_factory=list)
    list_endings_ko: list[str] = Field(default_factory=list)  # Korean endings joining items a negation closes
    # A word carrying a topic of its own after one of `clause_endings_ko` ("채점하고 교사는 따로 보지 않아요"): the negation
    # after it is that clause's, not the list's (its endings, less those of a verb: "제공하지는", "제공하는")
    clause_endings_ko: list[str] = Field(default_factory=list)
    topic_ko: list[str] = Field(default_factory=list)
    topic_not_ko: list[str] = Field(default_factory=list)
    # Korean phrases whose negation denies nothing of the match: "얼마 안 돼요" (few, not none), "아닌지" (whether or
    # not), "구분이 안 돼요" (can't be told apart)
    denies_nothing_ko: list[str] = Field(default_factory=list)
    adverbs_ko: list[str] = Field(default_factory=list)  # Korean negating adverbs, read with the verb after them
    # Korean nominalisers after a verb ("파는 건 아니에요"): a window ending before one reads it and its copula too
    nominal_ko: list[str] = Field(default_factory=list)
    # Korean negation within the matched word's rest or the next word ("생성형이 아니고"): a reading it turns round
    # is as sure as one read as written
    word_ko: list[str] = Field(default_factory=list)

    _check = field_validator("before", "after", "in_pattern", "clause_break", "doubt_clause_break", "figure_clause_end",
                             "unsure", "unsure_not", "before_phrase",
                             "after_phrase_ko")(
        classmethod(lambda cls, v: _compile(v)))


class DocumentWords(_Strict):
    """How documents people bring speak of the law (read by the citation check)."""

    date_label: list[str]
    commencement: list[str]
    absence: list[str]

    _check = field_validator("*")(classmethod(lambda cls, v: _compile(v)))


class Template(Bilingual):
    """A sentence with {fields}, in English and Korean: both must name the same fields."""

    @model_validator(mode="after")
    def _same_fields(self) -> "Template":
        en, ko = (set(re.findall(r"\{(\w+)\}", s)) for s in (self.en, self.ko))
        if en != ko:
            raise ValueError(f"the English names fields {sorted(en)}, the Korean {sorted(ko)}")
        return self


class Phrasing(_Strict):
    """How questions are asked, and documents speak of the law (corpus/phrasing.toml)."""

    form: Forms
    sentence: Sentences
    negation: Negation
    document: DocumentWords
    finding: dict[str, Template]


class GlossaryTerm(_Strict):
    """Plain words and the law's terms they stand for, tied to the provision those terms come from."""

    triggers: list[str]
    adds: str
    rests_on: list[str] = Field(default_factory=list)
    about: Literal["commentary"] | None = None  # reaches commentary, not a provision

    @model_validator(mode="after")
    def _tied(self) -> "GlossaryTerm":
        if not self.triggers or not all(t.strip() for t in self.triggers) or not self.adds.strip():
            raise ValueError(f"glossary entry {self.triggers!r}: empty triggers or terms")
        if bool(self.rests_on) == bool(self.about):
            raise ValueError(f"glossary entry {self.triggers[:2]!r}: give rests_on (provisions) or about")
        return self


class LawField(_Strict):
    en: str
    ko: str
    pattern: str

    _check = field_validator("pattern")(classmethod(lambda cls, v: _compile([v])[0]))


class Place(_Strict):
    names: list[str]


class Foreign(_Strict):
    en: list[str]
    ko: list[str]
    # A name that is also a language ("Japanese") read as the language, not the jurisdiction, where the words right
    # before it (`language_before`) or right after it (`language_after`) say so ("speaking fluent Japanese").
    languages: list[str] = Field(default_factory=list)
    language_before: list[str] = Field(default_factory=list)
    language_after: list[str] = Field(default_factory=list)

    _check = field_validator("language_before", "language_after")(classmethod(lambda cls, v: _compile(v)))


class Advice(_Strict):
    """A request for business or technical advice rather than for what the law says (`asks`), unless the question
    also uses a word of the law (`legal`)."""

    asks: list[str]
    legal: list[str]

    _check = field_validator("asks", "legal")(classmethod(lambda cls, v: _compile(v)))


class Trade(_Strict):
    """Words right after a field of law or a place that make it the asker's trade or home ("our insurance app", "an AI
    tax chatbot", "our Singapore company"), not what is asked, where the question names a duty of this Act."""

    after: list[str]

    _check = field_validator("after")(classmethod(lambda cls, v: _compile(v)))


class Glossary(_Strict):
    """corpus/glossary.toml: plain words, other fields of law, places and other jurisdictions, requests for advice,
    and the words that make a field or place the asker's own trade or home."""

    term: list[GlossaryTerm]
    field: list[LawField]
    place: list[Place]
    foreign: Foreign
    advice: Advice
    trade: Trade


class Knowledge:
    """The fact vocabulary, the duty map, the question forms and the glossary, cross-checked, with every condition
    parsed once."""

    def __init__(self, facts: list[FactSpec], dmap: DutyMap, phrasing: Phrasing,
                 glossary: Glossary | None = None, currencies: list[Currency] | None = None) -> None:
        self.phrasing = phrasing
        self.currencies = list(currencies or [])
        self.glossary = glossary
        self.facts = {f.id: f for f in facts}
        self.terms = {t.id: t for t in dmap.term}
        self.areas = list(dmap.area)
        self.duties = {d.id: d for d in dmap.duty}
        self.classify = list(dmap.classify)
        self.not_covered = list(dmap.not_covered)
        self.not_fined = dmap.sanctions.plain.not_fined
        self.schedule = dmap.sanctions.schedule
        self.measure_items = {m.item: m for m in dmap.measure_item}
        self.regimes = {r.id: r for r in dmap.regime}
        self.deemed = list(dmap.deemed)
        self.deadlines = list(dmap.deadline)
        self.keeps = list(dmap.keep)
        self.commencements = list(dmap.commencement)
        self.allowances = list(dmap.allowance)
        self.conditions: dict[str, Node] = {}
        self._check()

    def condition(self, text: str) -> Node:
        return self.conditions[text]

    def _parse(self, text: str, where: str) -> Node:
        try:
            node = parse(text)
        except ConditionError as exc:
            raise KnowledgeError(f"{where}: {exc}") from None
        unknown = names(node) - set(self.facts) - set(self.terms)
        if unknown:
            raise KnowledgeError(f"{where}: unknown fact or term {sorted(unknown)} in {text!r}")
        bad = {n for n in compared(node) if self.facts.get(n) is None or self.facts[n].type != "number"}
        if bad:
            raise KnowledgeError(f"{where}: {sorted(bad)} compared with a number but not a number fact")
        self.conditions[text] = node
        return node

    def _check(self) -> None:
        for kind, ids in (("fact", [f for f in self.facts]), ("term", list(self.terms)), ("duty", list(self.duties))):
            if len(set(ids)) != len(ids):
                raise KnowledgeError(f"duplicate {kind} ids")
        if set(self.facts) & set(self.terms):
            raise KnowledgeError(f"ids used for both a fact and a term: {sorted(set(self.facts) & set(self.terms))}")
        for f in self.facts.values():
            if f.part_of and (f.part_of not in self.facts or self.facts[f.part_of].type != "number"):
                raise KnowledgeError(f"facts.toml: {f.id} is part of {f.part_of!r}, which is not a number fact")
            if unknown := sorted(set(f.open_too) - set(self.facts)):
                raise KnowledgeError(f"facts.toml: {f.id} leaves open unknown facts {unknown}")
            for side in (f.implies.true, f.implies.false, f.overrides.true, f.overrides.false):
                for other, value in side.items():
                    if other not in self.facts:
                        raise KnowledgeError(f"facts.toml: {f.id} implies unknown fact {other!r}")
        for x in self.allowances:
            if x.for_fact and (x.for_fact not in self.facts or self.facts[x.for_fact].type != "bool" or x.required):
                raise KnowledgeError(f"duties.toml: allowance {x.id} is for {x.for_fact!r}, which is not a yes/no "
                                     "fact, or is a step owed first")
        for n in self.not_covered:
            if n.unless and (n.unless not in self.facts or self.facts[n.unless].type != "bool" or not n.answer):
                raise KnowledgeError(f"duties.toml: not_covered {n.id} turns on {n.unless!r}, which is not a yes/no "
                                     "fact, or has no answer to turn over")
        for t in self.terms.values():
            self._parse(t.when, f"duties.toml term {t.id}")
            for u in t.unless:
                self._parse(u, f"duties.toml term {t.id} unless")
            for label, cond in (("assume_if", t.assume_if), ("asked_assume_if", t.asked_assume_if)):
                if cond:
                    self._parse(cond, f"duties.toml term {t.id} {label}")
            for g in t.guidance:
                if unknown := sorted(set(g.duties) - set(self.duties)):
                    raise KnowledgeError(f"duties.toml: term {t.id} guidance names unknown duties {unknown}")
                if g.area and g.area not in {a.id for a in self.areas}:
                    raise KnowledgeError(f"duties.toml: term {t.id} guidance names unknown area {g.area!r}")
            for said in t.false_when + t.true_when:
                self._parse(said.when, f"duties.toml term {t.id} false_when/true_when")
            for other in t.assume:
                if other not in self.facts:
                    raise KnowledgeError(f"duties.toml: term {t.id} assumes unknown fact {other!r}")
        # Terms may use terms, but not in a circle.
        for t in self.terms.values():
            seen: set[str] = set()
            stack = [t.id]
            while stack:
                cur = stack.pop()
                for n in names(self.conditions[self.terms[cur].when]):
                    if n == t.id:
                        raise KnowledgeError(f"duties.toml term {t.id} is defined in terms of itself")
                    if n in self.terms and n not in seen:
                        seen.add(n)
                        stack.append(n)
        for t in self.terms.values():
            if t.then_duty is not None and t.then_duty not in self.duties:
                raise KnowledgeError(f"duties.toml term {t.id}: then_duty names unknown duty {t.then_duty!r}")
        for row in self.schedule.row:
            if row.duty and row.duty not in self.duties:
                raise KnowledgeError(f"duties.toml fine schedule row {row.id}: unknown duty {row.duty!r}")
            if len(row.amounts) != 3:
                raise KnowledgeError(f"duties.toml fine schedule row {row.id}: amounts are for a 1st, 2nd and 3rd+ "
                                     "violation (three numbers)")
        for d in self.duties.values():
            if d.binds not in self.terms:
                raise KnowledgeError(f"duties.toml duty {d.id}: binds unknown term {d.binds!r}")
            for t in d.applies_when:
                if t not in self.terms:
                    raise KnowledgeError(f"duties.toml duty {d.id}: applies_when names unknown term {t!r}")
            for e in d.exceptions:
                self._parse(e.when, f"duties.toml duty {d.id} exception {e.id}")
            for n in d.notes:
                self._parse(n.when, f"duties.toml duty {d.id} note")
            for w in d.ways:
                self._parse(w.when, f"duties.toml duty {d.id} way {w.id}")
            if len({w.id for w in d.ways}) != len(d.ways):
                raise KnowledgeError(f"duties.toml duty {d.id}: duplicate way ids")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.applies_from):
                raise KnowledgeError(f"duties.toml duty {d.id}: applies_from must be YYYY-MM-DD")
        for c in self.classify:
            if c.term not in self.terms:
                raise KnowledgeError(f"duties.toml classify: unknown term {c.term!r}")
        for e in self.deemed:
            if e.regime not in self.regimes:
                raise KnowledgeError(f"duties.toml deemed {e.id}: unknown regime {e.regime!r}")
            if not e.items or set(e.items) - set(self.measure_items):
                raise KnowledgeError(f"duties.toml deemed {e.id}: items must be measure items {sorted(self.measure_items)}")
            if (e.applies_from is None) != (not e.dated_by):
                raise KnowledgeError(f"duties.toml deemed {e.id}: applies_from and dated_by go together")
            if e.applies_from is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.applies_from):
                raise KnowledgeError(f"duties.toml deemed {e.id}: applies_from must be YYYY-MM-DD")
        if len({e.id for e in self.deemed}) != len(self.deemed):
            raise KnowledgeError("duplicate deemed ids")
        for x in self.allowances:
            if (x.applies_from is None) != (not x.dated_by):
                raise KnowledgeError(f"duties.toml allowance {x.id}: applies_from and dated_by go together")
            if x.applies_from is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.applies_from):
                raise KnowledgeError(f"duties.toml allowance {x.id}: applies_from must be YYYY-MM-DD")

    # ------------------------------------------------------------------ views

    def plain_texts(self) -> list[tuple[str, str, str]]:
        """Every plain sentence of the map as (where, language, text), for the integrity checks."""
        out: list[tuple[str, str, str]] = []

        def add(where: str, b: Bilingual | None) -> None:
            if b is not None:
                out.extend([(where, "en", b.en), (where, "ko", b.ko)])

        for t in self.terms.values():
            add(f"term {t.id} true", t.plain.true)
            add(f"term {t.id} false", t.plain.false)
            add(f"term {t.id} ruled_out", t.ruled_out)
            for i, said in enumerate(t.false_when):
                add(f"term {t.id} false_when {i}", said.plain)
            for i, said in enumerate(t.true_when):
                add(f"term {t.id} true_when {i}", said.plain)
        for d in self.duties.values():
            for part in ("rule", "how", "fine", "deemed"):
                add(f"duty {d.id} {part}", getattr(d.plain, part))
            for e in d.exceptions:
                add(f"duty {d.id} exception {e.id}", e.plain)
            for i, n in enumerate(d.notes):
                add(f"duty {d.id} note {i}", n.plain)
            for w in d.ways:
                add(f"duty {d.id} way {w.id}", w.plain)
            for m in d.musts:
                add(f"duty {d.id} must {m.id}", m.plain)
        for n in self.not_covered:
            add(f"not_covered {n.id}", n.plain)
        add("sanctions not_fined", self.not_fined)
        for part in ("same", "rises", "reduce", "increase", "amounts", "ignored"):  # the others name a fact
            add(f"sanctions schedule {part}", getattr(self.schedule.plain, part))
        for e in self.deemed:
            add(f"deemed {e.id}", e.plain)
        for x in [*self.deadlines, *self.keeps, *self.commencements, *self.allowances, *self.currencies]:
            add(f"{type(x).__name__.lower()} {x.id}", x.plain)
        return out

    def cited_ids(self) -> set[str]:
        """Every provision id the map rests on or names in a plain sentence."""
        ids: set[str] = set()
        for t in self.terms.values():
            ids.update(t.rests_on)
        for a in self.areas:
            ids.update(a.rests_on)
        for d in self.duties.values():
            ids.update(d.rests_on + d.how + d.fine + d.enforced_by + d.dated_by)
            for e in d.exceptions:
                ids.update(e.rests_on)
            for n in d.notes:
                ids.update(n.rests_on)
            for w in d.ways:
                ids.update(w.rests_on)
        for n in self.not_covered:
            ids.update(n.rests_on)
        ids.update(self.schedule.rests_on)
        for row in self.schedule.row:
            ids.update(row.rests_on)
        for m in self.measure_items.values():
            ids.update(m.rests_on)
        for e in self.deemed:
            ids.update(e.rests_on + e.dated_by)
        for x in [*self.deadlines, *self.keeps, *self.commencements, *self.allowances, *self.currencies]:
            ids.update(x.rests_on)
        for g in self.glossary.term if self.glossary else []:
            ids.update(g.rests_on)
        for _, _, text in self.plain_texts():
            ids.update(CID_MARK.findall(text))
        return ids


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path.name} is not valid TOML: {exc}") from None


def load_knowledge(facts: Path = FACTS_FILE, duties: Path = DUTIES_FILE, phrasing: Path = PHRASING_FILE,
                   glossary: Path = GLOSSARY_FILE) -> Knowledge:
    """Read, validate and cross-check the files; KnowledgeError names what is wrong."""
    def parsed(path: Path, make: Callable[[dict[str, Any]], T]) -> T:
        try:
            return make(_read(path))
        except ValidationError as exc:
            raise KnowledgeError(f"{path.name}: {exc}") from None

    fact_list = parsed(facts, lambda d: [FactSpec(**f) for f in d.get("fact", [])])
    currencies = parsed(facts, lambda d: [Currency(**c) for c in d.get("currency", [])])
    dmap = parsed(duties, lambda d: DutyMap(**d))
    forms = parsed(phrasing, lambda d: Phrasing(**d))
    gloss = parsed(glossary, lambda d: Glossary(**d))
    return Knowledge(fact_list, dmap, forms, gloss, currencies)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The project's knowledge, read once per process."""
    return load_knowledge()


SITUATIONS_FILE = CORPUS_DIR / "situations.toml"


class SituationSets(_Strict):
    """The annotated question files kaia's learned readers are trained on, and how far each is trusted."""

    files: tuple[str, ...] = Field(min_length=1)  # relative to the repository root
    min_confidence: float = Field(ge=0.0, le=1.0)  # the situation reader's, to settle an open fact
    page_min_confidence: float = Field(ge=0.0, le=1.0)  # the page reader's, to choose a section's page
    page_quote_confidence: float = Field(ge=0.0, le=1.0)  # the page reader's, to quote a page of its own choosing
    sentence_weight: float = Field(ge=0.0)  # the sentence reader's weight beside the question's words


def load_situation_sets(path: Path = SITUATIONS_FILE) -> SituationSets:
    """Read and validate situations.toml; KnowledgeError names what is wrong."""
    try:
        return SituationSets(**_read(path))
    except ValidationError as exc:
        raise KnowledgeError(f"{path.name}: {exc}") from None
