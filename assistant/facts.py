"""The facts of the asker's situation, read from the question as true, false or unknown (numbers as stated).

The vocabulary, its patterns and its described examples are data (corpus/facts.toml, the areas of
corpus/duties.toml); this module holds the general ways of reading them: a pattern match counts for its side unless
the question negates it, a clause close to a described example (by the embedding model) counts for that example's
side, a figure is read next to its cue words, and known facts imply others."""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, NamedTuple

from corpus.knowledge import FactSpec, Knowledge, Negation, Sentences, compiled, one_of
from corpus.numbers import (day_range, days_between, names_threshold, quantities, range_end, scaled, unit_follows,
                            upper_bound)
from corpus.script import has_korean

NEG_WINDOW_EN = 28  # characters before a match searched for a negation
NEG_PHRASE_WORDS = 2  # the words that may stand between "no" and the noun it denies ("no registered business office")
NEG_WORDS_KO = 3  # the rest of the matched word and the two words after it (fillers such as 아직 skipped)
# Described examples: a clause at least this similar to one of a fact's examples, and this much more similar than
# to any example of the other side, decides the fact (cosine of multilingual-e5-small; see tests/test_facts.py).
EXAMPLE_MIN = 0.93
EXAMPLE_MARGIN = 0.03
AREA_MARGIN = 0.01  # how much closer a use must come to one area's described uses than to another's to name it
# A single quote inside a word is an apostrophe ("isn't"), not the start or end of a quotation.
_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\n]{2,80}'(?![A-Za-z])|\"[^\"\n]{2,80}\"|‘[^’\n]{2,80}’|“[^”\n]{2,80}”|「[^」\n]{2,80}」")
NUMBER_WINDOW = 60  # characters between a figure and its cue word
_ASIDE = re.compile(r"\([^()]*\)")
CURRENCY_AFTER = 22  # characters after a figure searched for its currency ("12 million Singapore dollars")
COUNT_WINDOW = 25  # a count's noun ("users", "명") follows its figure within this many characters
CLAIM_WINDOW = 24  # a figure this close after another fact's cue ("revenue was roughly KRW 300 billion") is that fact's
LIKENED_NEAR = 40  # characters before a listed area's name within which a likeness word ("like") sets it aside


class _Reading(NamedTuple):
    """One pattern's match read for a yes/no fact."""

    value: bool  # the side it reads, after any negation
    start: int
    end: int
    words: str
    negative: bool  # the pattern is written as a negative
    weak: bool  # turned round by a Korean negation words away
    opens: bool  # a false reading that leaves the fact open beside a true one
    flipped: bool  # turned round by a negation


@dataclass
class FactValue:
    value: Any  # True, False, a number, or a band of numbers (low, high) for a figure converted at unknown rates
    evidence: str  # the words of the question that decided it
    how: str  # "pattern", "example", "figure", "implied", "area", or "learned" (the situation reader's)
    currency: str = ""  # a figure stated in a foreign currency: its id (the value is then a band of won)
    # read only through a Korean negation words away ("AI 생성 표시 안 하고"), which may be another word's: a fact
    # another stated fact implies prevails over it
    weak: bool = False


@dataclass
class Facts:
    """What the question says of the asker's situation; a fact not in `values` is unknown."""

    values: dict[str, FactValue] = field(default_factory=dict)
    area: str | None = None  # the high-impact area read, if any
    # For each Annex 1 entry, whether the question says each of its requirements is done (True), not done (False)
    # or neither (None).
    measures: dict[str, tuple[bool | None, ...]] = field(default_factory=dict)
    # Facts the question touches without deciding them ("we develop target recognition for weapons systems": whether
    # solely for defence is not said): an exception resting on one is not assumed away.
    mentioned: set[str] = field(default_factory=set)
    # Of those, the ones a clause saying the asker does not know is about ("nobody has checked whether we still count
    # as an SME"), not merely told beside it ("스타트업인데, 이게 고영향인지 애매합니다")
    questioned: set[str] = field(default_factory=set)

    def get(self, name: str) -> Any:
        v = self.values.get(name)
        return None if v is None else v.value

    def known(self) -> dict[str, Any]:
        return {k: v.value for k, v in self.values.items()}

    def copy(self) -> "Facts":
        return Facts(dict(self.values), self.area, self.measures, set(self.mentioned), set(self.questioned))

    def with_value(self, name: str, value: Any) -> "Facts":
        """A copy with one fact set (for the branches of a "depends" answer)."""
        out = self.copy()
        out.values[name] = FactValue(value, "(assumed)", "assumed")
        return out


_DOTS = str.maketrans({"·": "ㆍ", "・": "ㆍ", "‧": "ㆍ", "•": "ㆍ", "’": "'", "‘": "'"})


def normalise(text: str) -> str:
    """Lower-case NFC text with one apostrophe and one interpunct ("관리·감독" and "관리ㆍ감독" alike)."""
    return unicodedata.normalize("NFC", text).translate(_DOTS).lower()


class Negations:
    """Clauses and negation as corpus/phrasing.toml words them ([negation])."""

    def __init__(self, spec: Negation, before_number: Iterable[str] = ()) -> None:
        # "… under its Art. 36-2(1) is unclear": a full stop after these words, before a number, ends no sentence
        self._numbered = stop_after(before_number) if before_number else None
        self._before = compiled(one_of(spec.before))
        self._before_phrase = compiled(one_of(spec.before_phrase), re.I) if spec.before_phrase else None
        self._after_phrase = compiled(one_of(spec.after_phrase_ko), re.I) if spec.after_phrase_ko else None
        self._after = compiled(one_of(spec.after))
        self._in_pattern = compiled(one_of(spec.in_pattern))
        self._clause = compiled(one_of(spec.clause_break))
        self._doubt_clause = compiled(one_of(spec.doubt_clause_break))
        self._figure_clause = compiled(one_of(spec.figure_clause_end)) if spec.figure_clause_end else None
        self._unsure = compiled(one_of(spec.unsure), re.I)
        self._unsure_not = compiled(one_of(spec.unsure_not), re.I) if spec.unsure_not else None
        self._claimed = compiled(one_of(spec.claimed), re.I) if spec.claimed else None
        self._quotes_law = compiled(rf"\s*(?:{one_of(spec.quotes_law)})", re.I) if spec.quotes_law else None
        self._term_before = compiled(rf"(?:{one_of(spec.quotes_term_before)})\s*$", re.I) \
            if spec.quotes_term_before else None
        self._filler = set(spec.filler)
        self._joiners = {w.lower() for w in spec.list_joiners}
        self._phrase = {w.lower() for w in spec.phrase}
        self._making = {w.lower() for w in spec.making}
        self._made_nothing = {w.lower() for w in spec.made_nothing}
        self._list_ko = tuple(spec.list_endings_ko)
        self._clause_ko = tuple(spec.clause_endings_ko)
        self._topic_ko, self._topic_not_ko = tuple(spec.topic_ko), tuple(spec.topic_not_ko)
        self._noun_list_ko = tuple(spec.noun_list_ko)
        self._adverbs_ko = set(spec.adverbs_ko)
        self._nominal_ko = set(spec.nominal_ko)
        self._denies_nothing_ko = compiled(one_of(spec.denies_nothing_ko)) if spec.denies_nothing_ko else None
        self._word_ko = compiled(rf"\S*\s?(?:{one_of(spec.word_ko)})") if spec.word_ko else None

    def clauses(self, text: str) -> list[tuple[int, int]]:
        """Spans of the clauses of a question (sentences, and the parts around "but" / "지만")."""
        spans, start = [], 0
        for m in self._clause.finditer(text):
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans

    def unsure_sentences(self, text: str) -> list[tuple[int, int]]:
        """Spans of the sentences that say the asker does not know, or that it varies, other than the one asking."""
        if self._unsure_not is None:
            return self._sentences(text, self._unsure)
        spared = _blank(text, [m.span() for m in self._unsure_not.finditer(text)])
        return self._sentences(spared, self._unsure)

    def doubt_words(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The words saying the asker does not know, within text[start:end]."""
        return list(self._unsure.finditer(text, start, end))

    def doubt_clause_start(self, text: str, start: int, at: int) -> int:
        """Where the clause holding the words of doubt at `at` starts, in a sentence from `start`."""
        return max([start] + [m.end() for m in self._doubt_clause.finditer(text, start, at)])

    def figure_clause_ends(self, text: str, start: int, end: int) -> bool:
        """Whether the clause of a figure ending at `start` ends before `end` ("150만명인데 …")."""
        return self._figure_clause is not None and self._figure_clause.search(text, start, end) is not None

    def quotes_law(self, text: str, end: int) -> bool:
        """Whether the quotation ending at `end` is named as the law's own words ("the '…' category")."""
        return self._quotes_law is not None and self._quotes_law.match(text, end) is not None

    def quotes_term(self, text: str, start: int, end: int, since: int) -> bool:
        """Whether the quotation at `start`–`end` (in a sentence from `since`) names a term of the law, as asked of:
        after "is this", "count as" and the like, or before "category", "에 해당"."""
        return self.quotes_law(text, end) or (
            self._term_before is not None and self._term_before.search(text[since:start]) is not None)

    def claimed_sentences(self, text: str) -> list[tuple[int, int]]:
        """Spans of the sentences that report what someone else claims (put to kaia to check), other than the one
        asking."""
        return self._sentences(text, self._claimed) if self._claimed is not None else []

    def _sentences(self, text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in SENTENCE_BREAK.finditer(text + "\n"):
            if self._numbered is not None and text[m.end():m.end() + 1].isdigit() and \
                    self._numbered.search(text[start:m.start()]):
                continue
            part = text[start:m.start()]
            if pattern.search(part) and not part.rstrip().endswith(("?", "？")):
                out.append((start, m.start()))
            start = m.end()
        return out

    def in_word(self, text: str, end: int) -> bool:
        """Whether a Korean negation follows a match ending at `end` within its word's rest or the next word."""
        return bool(self._word_ko and self._word_ko.match(text, end))

    def negative(self, pattern: str) -> bool:
        """Whether a fact pattern is itself written as a negative (then a negation it contains does not flip it)."""
        # A class escape is not a letter of a word: "\\bno (visible|…)" reads "no (visible|…)".
        return bool(self._in_pattern.search(re.sub(r"\\[bBdDsSwW]", " ", pattern)))

    def _denies(self, word: str) -> bool:
        """Whether an English word is a negation ("not", "never") or ends in one ("don't")."""
        return bool(self._before.fullmatch(word) or self._before.search(word[-3:]))

    def negated(self, text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
        """Whether the match text[start:end] is negated: an English negation inside it ("customers never see it")
        or right before it ("we don't sell", "not customer-facing"), or a Korean one in the rest of its word or the
        two words after it ("고객에게 제공하지 않습니다"). A negation of another verb ("do not label AI-generated
        images") does not count."""
        a, b = _clause_of(spans, start)
        if self._after_phrase is not None and self._after_phrase.match(text[end:b]):
            return True  # "에너지, 먹는물, 의료, 교통 이런 거랑은 상관없는": the list the match stands in is denied
        # the window split at its separators, which are kept: parts at even places, separators at odd ones
        pieces = re.split(r"([,;:—–]| - )", text[max(a, start - NEG_WINDOW_EN):start])
        parts, seps = pieces[::2], pieces[1::2]
        words = parts[-1].split()
        listed = len(parts) > 1 and all(w.lower() in self._joiners for w in words)
        if listed:
            # An item of a list a negation opens ("isn't used for credit, hiring or anything like that"): read what
            # stands before the list's first item.
            words = parts[-2].split()[:-1]
        while words and words[-1] in self._filler:
            words.pop()
        last = words[-1].rstrip("-") if words else ""  # "non-generative": the prefix is a word of its own
        direct = bool(last) and self._denies(last)
        # ("it doesn't write lyrics, make music or …": the negation a word or two before the list's first item, where
        # a comma sets the items apart — not a colon opening another clause: "never leave the company: only our own…")
        direct = direct or (listed and seps[-1:] == [","] and any(self._denies(w) for w in words[-3:]))
        # ("we didn't build or sell any AI tool": the second of two verbs one negation opens)
        direct = direct or (len(words) >= 3 and words[-1].lower() in ("or", "nor") and self._denies(words[-3]))
        # ("it cannot produce photorealistic people": what a negated verb of making makes)
        direct = direct or (len(words) >= 2 and words[-1].lower() in self._making and self._denies(words[-2]))
        # ("it generates nothing": a verb of making matched, its object denied)
        made = text[start:end].split()[-1:]
        following = text[end:b].split()[:1]
        direct = direct or (bool(made) and made[0].lower() in self._making and bool(following)
                            and following[0].lower().strip(".,;:!?") in self._made_nothing)
        if self._before_phrase is not None and self._before_phrase.search(text[max(a, start - 3 * NEG_WINDOW_EN):start]):
            direct = True  # "nothing to do with hiring, loans, health"
        # "no business office": a word that denies a noun phrase, up to two words before the match — not a verb the
        # phrase is followed by ("with no Korean office offering an AI tutoring app")
        first = text[start:end].split()[:1]
        verb = bool(first) and first[0].lower().endswith("ing") and bool(words) and words[-1].lower() not in self._phrase
        near = words[-NEG_PHRASE_WORDS - 1:-1]
        at = next((i for i, w in enumerate(near) if w.lower() in self._phrase), None)
        # ("without marking the AI-generated images": the word denies the gerund after it, not the match)
        gerund = at is not None and any(w.lower().endswith("ing") and len(w) > 4 and w.lower() not in self._phrase
                                        for w in near[at + 1:] + words[-1:])
        direct = direct or (not verb and at is not None and not gerund)
        aside = text.find("(", end, b)  # "AI 회사입니다(한국 사무소 없음)": an aside's negation is its own
        words_after = [w for w in text[end:b if aside < 0 else aside].split(" ") if w not in self._filler]
        n = NEG_WORDS_KO
        # "개발하거나 남한테 제공하지는 않습니다": an item of a list the negation closes further on
        while self._list_ko and n < len(words_after):
            joined = [i for i in range(n - NEG_WORDS_KO, n) if words_after[i].endswith(self._list_ko)]
            # (not past a word with a topic of its own: "채점하고 교사는 따로 보지 않아요")
            if not joined or (words_after[joined[-1]].endswith(self._clause_ko) and any(
                    w.endswith(self._topic_ko) and not w.endswith(self._topic_not_ko)
                    for w in words_after[joined[-1] + 1:n + NEG_WORDS_KO])):
                break
            n += NEG_WORDS_KO
        # "고객이나 협력사는 … 안 돼요": the matched noun is an item of the list denied
        if self._noun_list_ko and words_after and words_after[0].endswith(self._noun_list_ko):
            n += NEG_WORDS_KO
        if 0 < n < len(words_after) and words_after[n - 1] in self._adverbs_ko:
            n += 1  # "티가 잘 안 나요": the negating adverb and the verb it negates
        # "고객에게 AI 서비스를 파는 건 아니에요": the verb, its nominaliser and the copula the negation rides on
        nominal = next((i for i in range(max(n - 1, 0), min(n + 2, len(words_after)))
                        if words_after[i] in self._nominal_ko), None)
        if n and nominal is not None:
            n = nominal + 2
        after = " ".join(words_after[:n])
        if self._denies_nothing_ko is not None and self._denies_nothing_ko.search(after):
            after = ""  # "이용자도 얼마 안 돼요": few, not none (or another negation that denies nothing)
        # "고객이 이 AI를 안 써": a Korean negating adverb the match itself took in, right before its verb (not one
        # deeper inside: "실제 목소리랑 구분이 안 되는 AI 음성")
        taken = text[start:end].split()
        inner = len(taken) > 1 and taken[-2] in self._adverbs_ko and not (
            self._denies_nothing_ko is not None and self._denies_nothing_ko.search(" ".join(taken[-4:])))
        # (a negation inside an aside the match runs into is the aside's own: "users only read it inside the app (no
        # download button)")
        own = text[start:end].split("(")[0]
        return direct or inner or bool(self._before.search(own)) or bool(self._after.search(after))


# Where one sentence ends and the next begins (also how the question reader finds the asking sentence).
# (a sentence may end inside a quotation: "a sign saying 'This guide is powered by AI.' Is that enough?")
SENTENCE_BREAK = re.compile(r"(?:(?<=[.?!？…])|(?<=[.?!？…]['’\"”]))\s+|\n+")


def stop_after(words: Iterable[str]) -> re.Pattern[str]:
    """A text ending in one of `words` and a full stop ("… under Art."): where that stop may not end a sentence."""
    return compiled(r"(?:^|[\s(])(?:" + "|".join(re.escape(w) for w in words) + r")\.$", re.I)


def inside(pos: int, spans: list[tuple[int, int]] | None) -> bool:
    """Whether `pos` falls in one of `spans` (the sentences saying the asker is unsure, say)."""
    return any(a <= pos < b for a, b in spans or [])


def _cue_denied(text: str, m: re.Match[str], not_cues: list[re.Pattern[str]], within: bool = False) -> bool:
    """Whether a number fact's cue is the end of one of its `not_cues` ("AI revenue" is not the company's revenue);
    `within`: whether one of them ends anywhere inside the match ("AI 기능 매출은 얼마 안 되고")."""
    lo = max(0, m.start() - 30)
    window = text[lo: m.end()]
    return any((m.start() < lo + x.end() if within else x.end() == len(window))
               for nc in not_cues for x in nc.finditer(window))


class ToBeDone:
    """Finds what the closing question of a text asks to be done (phrasing `to_be_done`, `turn_ko`)."""

    def __init__(self, sentence: Sentences) -> None:
        self._patterns = [compiled(p, re.I) for p in sentence.to_be_done]
        self._turn = compiled(one_of(sentence.turn_ko)) if sentence.turn_ko else None

    def span(self, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """Where the last question of `text` says what it asks to be done: after "do we need to" in English, the
        clause before "…해야 하나요" in Korean, from the last turn in it (None when it asks no obligation). `spans`:
        the clauses of `text`."""
        a = _last_sentence_start(text)
        sentence = text[a:]
        for p in self._patterns:
            m = p.search(sentence)
            if m is None:
                continue
            if has_korean(m.group(0)):
                c = max(_clause_of(spans, a + m.start())[0], a)
                # (from the last "…인데," before it: "딥페이크도 아니고 누가 봐도 그림인데, 그래도 표시를 해야 돼요?")
                if self._turn is not None:
                    c = max([c] + [x.end() for x in self._turn.finditer(text, c, a + m.start())])
                return (c, a + m.start())
            # (from the words that ask: "do the downloaded photos need a mark that they're AI-made?" restates the
            # duty from its subject on)
            return (a + m.start(), len(text))
        return None


def _closing_question_start(text: str) -> int | None:
    """Where the closing question of a question told in several sentences starts (None for a one-sentence question,
    whose words are all the story there is, or one that closes without asking)."""
    a = _last_sentence_start(text)
    return a if a and text[a:].rstrip().endswith(("?", "？")) else None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` turned to spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _last_sentence_start(text: str) -> int:
    """Where the last non-empty sentence of `text` starts."""
    starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text)]
    return max((x for x in starts if text[x:].strip()), default=0)


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return 0, 0


class FactReader:
    """Reads the vocabulary's facts from questions. `embed` (texts → unit vectors), when given, lets clauses be
    compared with the described examples."""

    def __init__(self, knowledge: Knowledge, embed: Callable[[list[str]], Any] | None = None,
                 embed_examples: Callable[[list[str]], Any] | None = None) -> None:
        self.k = knowledge
        self.embed = embed
        # The described examples are the same in every process: the caller may serve them from a cache.
        self.embed_examples = embed_examples or embed
        self.neg = neg = Negations(knowledge.phrasing.negation, knowledge.phrasing.sentence.before_number)
        # (pattern, side, written as a negative, a false reading that leaves the fact open beside a true one)
        self._patterns = {
            f.id: [(compiled(p, re.I), side, neg.negative(p), opens)
                   for side, opens, pats in ((True, False, f.patterns.true), (False, False, f.patterns.false),
                                             (False, True, f.false_unless_true))
                   for p in pats]
            + [(compiled(t.pattern(), re.I), t.side, neg.negative(t.pattern()) or not t.side, False)
               for t in f.together]
            for f in knowledge.facts.values() if f.type == "bool"}
        self._weak = {f.id: [(compiled(p, re.I), side) for side, pats in ((True, f.patterns.weak_true),
                                                                             (False, f.patterns.weak_false))
                             for p in pats]
                      for f in knowledge.facts.values() if f.type == "bool"}
        self._areas = [(a.id, [compiled(p, re.I) for p in a.patterns], [compiled(p, re.I) for p in a.limits],
                        a.limit_decides) for a in knowledge.areas]
        self._borderline = {a.id: [compiled(p, re.I) for p in a.borderline] for a in knowledge.areas}
        self._setting_only = {a.id: [compiled(p, re.I) for p in a.setting_only] for a in knowledge.areas}
        self._outside = {a.id: [compiled(p, re.I) for p in a.outside] for a in knowledge.areas}
        self._open_uses = {a.id: [compiled(p, re.I) for p in a.open_uses] for a in knowledge.areas if a.open_uses}
        sentence = knowledge.phrasing.sentence
        self._likened = (compiled(one_of(sentence.likened_before), re.I) if sentence.likened_before else None,
                         compiled(one_of(sentence.likened_after), re.I) if sentence.likened_after else None)
        self._below_pats = {f.id: [compiled(p, re.I) for p in f.below] for f in knowledge.facts.values() if f.below}
        self._bound_cues = {f.id: [compiled(p, re.I) for p in f.bound_cues] for f in knowledge.facts.values()
                            if f.bound_cues}
        self._periods = {f.id: ([compiled(p, re.I) for p in f.other_period],
                                [compiled(p, re.I) for p in f.counted_period])
                         for f in knowledge.facts.values() if f.other_period}
        self._cues = {f.id: ([compiled(p, re.I) for p in f.cues], [compiled(p, re.I) for p in f.not_cues],
                             [compiled(p, re.I) for p in f.counts])
                      for f in knowledge.facts.values() if f.type == "number"}
        self._doubted = {f.id for f in knowledge.facts.values() if f.doubted_when_unsure}
        self._open_when = {f.id: [compiled(p, re.I) for p in f.open_when] for f in knowledge.facts.values()
                           if f.open_when}
        self._mentions = {f.id: [compiled(p, re.I) for p in f.mentioned_by] for f in knowledge.facts.values()
                          if f.mentioned_by}
        self._parts_of = {f.id: f.part_of for f in knowledge.facts.values() if f.part_of}
        self._all_of = {f.id: [compiled(p, re.I) for p in f.all_of_whole] for f in knowledge.facts.values()
                        if f.all_of_whole}
        self._dated = {f.id: f.dates_within for f in knowledge.facts.values() if f.dates_within is not None}
        self._currencies = [(c.id, c.krw_per_unit, [compiled(p, re.I) for p in c.words])
                            for c in knowledge.currencies]
        self._rates = {c.id: [compiled(t.replace("{currency}", "|".join(c.words)), re.I)
                              for t in knowledge.phrasing.sentence.stated_rate] for c in knowledge.currencies}
        self._parts = {e.id: [[compiled(p, re.I) for p in part.asked] for part in e.needs] for e in knowledge.deemed}
        # (fact, side, example, the area a described use in an area stands for)
        self._examples: list[tuple[str, bool, str, str | None]] = [
            (f.id, side, ex, None) for f in knowledge.facts.values() if f.type == "bool"
            for side, exs in ((True, f.examples.true), (False, f.examples.false)) for ex in exs]
        if "high_impact_area" in knowledge.facts:
            self._examples += [("high_impact_area", True, ex, a.id) for a in knowledge.areas for ex in a.examples]
        self._restated = {f.id for f in knowledge.facts.values() if f.restated_by_duty}
        self._to_be_done = ToBeDone(knowledge.phrasing.sentence)
        self._named_tail = [compiled(p, re.I) for p in knowledge.phrasing.sentence.named_tail]
        self._example_vectors: Any = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ reading

    def read(self, question: str, wanted: Iterable[str] | None = None, use_examples: bool = True,
             naming: Iterable[re.Pattern[str]] = ()) -> Facts:
        """The facts `question` states (all of the vocabulary, or only `wanted` and what they imply); the described
        examples are compared too where `use_examples` and an embedding model are given. `naming`: patterns that
        name the duty asked about, whose words in a closing question ("does the deepfake rule apply to us?")
        restate it rather than state a fact."""
        written = normalise(question)
        claimed = self.neg.claimed_sentences(written)
        text = _blank(written, claimed)  # a claim put to kaia to check states nothing
        spans = self.neg.clauses(text)
        unsure = self.neg.unsure_sentences(text)  # what they state is not read, by patterns or figures
        want = set(wanted) if wanted is not None else set(self.k.facts)
        facts = Facts()
        asked = self._to_be_done.span(text, spans) if want & self._restated else None
        restating = ([asked] if asked else []) + self._named_spans(text, naming)
        # words quoted in the closing question are the law's own ("Is this 'generative AI'…?"), not the asker's facts
        quoted = self._quoted_in_question(text)
        for fid in sorted(want & set(self._patterns)):
            v = self._by_patterns(fid, text, spans, unsure + quoted + (restating if fid in self._restated else []))
            if v is not None:
                facts.values[fid] = v
        if "high_impact_area" in want:
            self._area(text, facts, unsure)
        for fid in sorted(want & set(self._cues)):
            # said in words to be small, a figure is not read from a number beside another one's cue ("2조원인데 AI
            # 서비스 매출 비중은 작아요")
            v = (self._below(fid, text, spans, unsure) or self._number(fid, text, spans, unsure)
                 or self._bound(fid, text, spans, unsure))
            if v is not None:
                facts.values[fid] = v
        facts.measures = {eid: tuple(self._stated(part, text, spans, unsure) for part in parts)
                          for eid, parts in self._parts.items()}
        # a word denied ("no retraining") touches nothing
        facts.mentioned = {fid for fid, pats in self._mentions.items()
                           if fid in want and fid not in facts.values and any(
                               not self.neg.negated(text, spans, m.start(), m.end())
                               for p in pats for m in p.finditer(text))}
        # what a sentence saying the asker is unsure reads is touched, not decided ("we don't know whether any of
        # our accounts are Korean businesses"): not assumed away with the rest of a silent question
        facts.mentioned |= {fid for fid in want & set(self._patterns) if fid not in facts.values and any(
            p.search(text[a:b]) for a, b in unsure for p, *_ in self._patterns[fid])}
        # nor is what someone else is said to claim ("My boss says I skipped the vendor's test report"): it raises
        # the matter without settling it
        facts.mentioned |= {fid for fid, pats in self._mentions.items() if fid in want and fid not in facts.values
                            and any(p.search(written[a:b]) for a, b in claimed for p in pats)}
        for fid, whole in self._parts_of.items():
            if fid in want and fid not in facts.values and whole in facts.values:
                v = facts.values[whole].value
                if any(p.search(written) for p in self._all_of.get(fid, ())):
                    facts.values[fid] = FactValue(v, f"all of {whole}", "figure", facts.values[whole].currency)
                    continue
                facts.values[fid] = FactValue((0.0, max(v) if isinstance(v, tuple) else v),
                                              f"part of {whole}", "figure", facts.values[whole].currency)
        # a date in a sentence the asker is unsure of ("MSIT hasn't told us the exact date yet") is not counted from
        dated = _blank(text, unsure)
        days = days_between(dated, date.today().year) if want & set(self._dated) else None
        for fid in sorted(want & set(self._dated)) if days is not None else []:
            facts.values[fid] = FactValue(days <= self._dated[fid], f"{days} days between the dates given", "figure")
        span = day_range(dated) if days is None and want & set(self._dated) else None
        for fid in sorted(want & set(self._dated)) if span is not None else []:
            # months without a day: decided only where every day they could mean falls on one side
            if span[1] <= self._dated[fid] or span[0] > self._dated[fid]:
                facts.values[fid] = FactValue(span[1] <= self._dated[fid],
                                              f"{span[0]}–{span[1]} days between the dates given", "figure")
        opened = {fid for fid in want & set(self._open_when) if any(p.search(text) for p in self._open_when[fid])}
        doubted = self._doubted_in(text, unsure, want) | opened | {
            other for fid in opened for other in self.k.facts[fid].open_too if other in want}
        for fid in doubted:  # touched, not decided
            facts.values.pop(fid, None)
            facts.mentioned.add(fid)
        facts.questioned = self._questioned_in(text, unsure, doubted)
        if self.embed is not None and use_examples:
            self._by_examples(question, want - doubted, facts)
        self._imply(facts)
        return facts

    def _doubted_in(self, text: str, unsure: list[tuple[int, int]], want: Iterable[str]) -> set[str]:
        """The facts of practice a sentence saying the asker is unsure reads or mentions: left open."""
        return {fid for fid in set(want) & self._doubted if any(
            p.search(text[a:b]) for a, b in unsure for p in self._words_of(fid))}

    def _words_of(self, fid: str) -> list[re.Pattern[str]]:
        """The patterns that read a fact or mention it."""
        return [x[0] for x in self._patterns.get(fid, [])] + self._mentions.get(fid, [])

    def _questioned_in(self, text: str, unsure: list[tuple[int, int]], doubted: set[str]) -> set[str]:
        """The doubted facts read in the clause that says the asker does not know: from the last comma or "인데"
        before its words of doubt to the sentence's end."""
        out = set()
        for a, b in unsure:
            for m in self.neg.doubt_words(text, a, b):
                start = self.neg.doubt_clause_start(text, a, m.start())
                out |= {fid for fid in doubted if any(p.search(text[start:b]) for p in self._words_of(fid))}
        return out

    def _named_spans(self, text: str, naming: Iterable[re.Pattern[str]]) -> list[tuple[int, int]]:
        """Where the closing question of a question told in several sentences names the duty asked about, with the
        words that continue its name (phrasing `named_tail`)."""
        a = _closing_question_start(text)
        if a is None:
            return []
        spans = [m.span() for p in naming for m in p.finditer(text, a)]
        return [(x, max([y] + [t.end() for p in self._named_tail for t in [p.match(text, y)] if t])) for x, y in spans]

    def _quoted_in_question(self, text: str) -> list[tuple[int, int]]:
        """The words of the closing sentence, where it asks, that quote a term of the law ("Is this 'generative
        AI'…?"; a one-sentence question has no other story)."""
        a = _closing_question_start(text)
        return [] if a is None else [m.span() for m in _QUOTED.finditer(text, a)
                                     if self.neg.quotes_term(text, m.start(), m.end(), a)]

    def read_examples(self, question: str, facts: Facts, wanted: set[str]) -> Facts:
        """`facts` with the `wanted` facts it leaves unknown read from the described examples (the same object
        when that decides none of them)."""
        if self.embed is None:
            return facts
        out = facts.copy()
        text = normalise(question)
        self._by_examples(question, set(wanted) - self._doubted_in(text, self.neg.unsure_sentences(text), wanted),
                          out)
        if len(out.values) == len(facts.values):
            return facts
        self._imply(out)
        return out

    def _stated(self, patterns: list[re.Pattern[str]], text: str, spans: list[tuple[int, int]],
                unsure: list[tuple[int, int]]) -> bool | None:
        """Whether the question says a requirement is done (mentions, none negated), not done ("변경인증은 아직 안
        받았어요"; one negated mention is enough: "제36조의2제1항에 따른 … 절차는 아직 갖추지 못했습니다"), or neither
        (also where only a sentence saying it is unclear speaks of it)."""
        hits = [m for p in patterns for m in p.finditer(text) if not inside(m.start(), unsure)]
        if not hits:
            return None
        return not any(self.neg.negated(text, spans, m.start(), m.end()) for m in hits)

    def _by_patterns(self, fid: str, text: str, spans: list[tuple[int, int]],
                     unsure: list[tuple[int, int]]) -> FactValue | None:
        found: list[_Reading] = []
        quoted = [m.span() for m in _QUOTED.finditer(text)] if self.k.facts[fid].unquoted else []
        for p, side, negative, opens in self._patterns[fid]:
            for m in p.finditer(text):
                if inside(m.start(), unsure):
                    continue  # "… whether they check or just use it varies by school": not stated either way
                if any(a <= m.start() and m.end() <= b for a, b in quoted):
                    continue
                # A reading the question negates counts for the other side, unless the pattern is itself a negative.
                flip = not negative and self.neg.negated(text, spans, m.start(), m.end())
                if flip and side and self.k.facts[fid].negated_true_drops:
                    continue
                if flip and side and not self.k.facts[fid].true_negation_flips:
                    flip = False  # "7개월째 안 하고 있었어요": the negation is the verb's, the period stands
                if flip and not side and not self.k.facts[fid].false_negation_flips:
                    continue  # "중소기업은 아닙니다": another kind denied, not this fact stated
                # a Korean negation a word or two on ("AI 생성 표시 안 해도") may be another word's; one in the
                # matched word itself ("생성형이 아니고") is not
                weak = flip and not self.neg.in_word(text, m.end()) and has_korean(m.group(0))
                found.append(_Reading(side != flip, m.start(), m.end(), m.group(0), negative, weak, opens and not flip,
                                      flip))
        # A negative reading overlapping an opposite one ("we don't show any message saying it is AI-made" against
        # "message … AI") is the same words read with their negation: the negative one stands. So does one a
        # negation turned round that takes in the other's words ("주민들한테는 이 AI를 제공하거나 보여주는 거 전혀
        # 없어요" against "주민들한테").
        votes = [v for v in found if v.negative or not any(n.value != v.value and (
            (n.negative and n.start < v.end and v.start < n.end)
            or (n.flipped and n.start <= v.start and v.end <= n.end and n.end - n.start > v.end - v.start))
            for n in found)]
        if not votes:
            for p, side in self._weak.get(fid, []):
                m = p.search(text)
                if m and not self.neg.negated(text, spans, m.start(), m.end()):
                    return FactValue(side, m.group(0).strip(), "pattern")
            return None
        yes = [v for v in votes if v.value]
        no = [v for v in votes if not v.value]
        if yes and any(v.opens for v in no):
            return None  # "mostly goes along with the AI, but the final decision is the nurse's": left open
        if yes and no and self.k.facts[fid].prevails is not None:
            side = self.k.facts[fid].prevails
        elif len(yes) != len(no):
            side = len(yes) > len(no)
        else:
            # As many readings each way: one read as written before one a negation words away turned round ("생성형
            # 이미지 앱 … AI 생성 표시 안 해도": the negation is the label's), then the more specific (longer) one, then
            # the later one ("a foreign company, but we do have a branch here").
            side = max(votes, key=lambda v: (not v.weak, len(v.words), v.start)).value
        chosen = sorted(yes if side else no, key=lambda v: v.start)
        return FactValue(side, chosen[0].words.strip(), "pattern", weak=all(v.weak for v in chosen))

    def _area(self, text: str, facts: Facts, unsure: list[tuple[int, int]] | None = None) -> None:
        """high_impact_area (and which area) from the areas' patterns and limits. Words in quotation marks in the
        asking sentence, or followed by "category", "영역" and the like, are the question quoting the law ("is this
        'biometric analysis for criminal investigation'?"), not the use (elsewhere they name what the system does:
        "아이별 '발달 평가 등급'을 매기고"); a hit inside a limit's words ("energy demand forecasting") or negated
        ("성적 평가는 안 하며") does not count."""
        last = _last_sentence_start(text)
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)) if m.start() >= last or self.neg.quotes_law(text, m.end())
                           else m.group(0), text)
        spans = self.neg.clauses(text)
        limited = None
        undecided = False
        found: list[tuple[int, int, str, list[re.Match[str]], bool]] = []
        for i, (aid, pats, limits, decides) in enumerate(self._areas):
            lims = [m for p in limits for m in p.finditer(text)]
            beyond = [m for p in self._outside[aid] for m in p.finditer(text)
                      if not inside(m.start(), unsure) and not self.neg.negated(text, spans, m.start(), m.end())]
            lims += beyond
            hits = [m for p in pats for m in p.finditer(text)
                    if not any(x.start() <= m.start() and m.end() <= x.end() for x in lims)
                    and not (m.start() >= last and self._likened_at(text, m.start(), m.end()))]
            if beyond or (decides and [m for m in lims if not inside(m.start(), unsure)]):
                # (a limited use the asker says is undecided — "범죄 수사에 쓸지 실종자 수색에만 쓸지는 아직 정해지지
                # 않았어요" — decides nothing; a listed use the asker says is undecided leaves the area open: "a client
                # may also want it for police investigations; nothing is settled")
                undecided = undecided or any(inside(m.start(), unsure) for m in hits)
                hits = []
            live = [m for m in hits if not self.neg.negated(text, spans, m.start(), m.end())]
            if live and all(inside(m.start(), unsure) for m in live):
                # (a listed use only in a sentence saying it is not settled leaves the area open: "단순히 출입 관리만
                # 할 수도 있고, 경찰 쪽에서 수배자 찾는 데 같이 쓰자는 얘기도 있어요")
                undecided, live = True, []
            if live:
                edge = any(not self.neg.negated(text, spans, m.start(), m.end())
                           for p in self._borderline[aid] for m in p.finditer(text))
                found.append((len({m.group(0).strip() for m in live}), -i, aid, live, edge))
                continue
            # (a limited use in a sentence saying it is not settled — "고등학교에 들어갈지, 성인 대상 자격증 학원에
            # 들어갈지는 정해진 게 없어요" — leaves the area open rather than ruling it out)
            undecided = undecided or any(inside(m.start(), unsure) for m in lims)
            lims = [m for m in lims if not inside(m.start(), unsure)]
            if limited is None:
                # (a use the area lists only in its setting counts only where nothing else of the area was found)
                outside = [] if lims or hits else [m for p in self._setting_only[aid] for m in p.finditer(text)
                                                   if not self.neg.negated(text, spans, m.start(), m.end())]
                if lims or hits or outside:
                    limited = (aid, (lims or hits or outside)[0].group(0).strip())
        if found:
            # (of several areas whose words the question uses, the one it names with the most distinct words: "a
            # staffing agency scores nurse applicants' CVs … sent to the hospital" is hiring, not health care)
            _, _, aid, live, edge = max(found, key=lambda f: f[:2])
            facts.area = aid
            if edge:  # at the area's edge: which area is known, whether the use is in it is not
                facts.values.pop("high_impact_area", None)
            else:
                facts.values["high_impact_area"] = FactValue(True, live[0].group(0).strip(), "area")
            return
        own = facts.values.get("high_impact_area")
        if own is not None and own.value is True:
            return
        if undecided:  # (nor does a use outside the areas the question names beside it)
            facts.values.pop("high_impact_area", None)
            return
        # A use another area's open words may reach ("AI가 대여 승인 여부를 정해요" beside a payment limit, "auto-approve or
        # reject claims" at a travel insurer) is not ruled out of every listed area by another area's limit, nor by
        # a word naming an unlisted trade: which area may reach it is known, whether it does is not.
        ruled_by = limited[0] if limited is not None else None
        if limited is not None or (own is not None and own.value is False and own.how == "pattern"):
            reached = next((aid for aid, pats in self._open_uses.items() if aid != ruled_by for p in pats
                            for m in p.finditer(text) if not self.neg.negated(text, spans, m.start(), m.end())), None)
            if reached is not None:
                facts.area = reached
                facts.values.pop("high_impact_area", None)
                return
        if limited is not None:
            facts.values["high_impact_area"] = FactValue(False, limited[1], "area")

    def _likened_at(self, text: str, start: int, end: int) -> bool:
        """Whether the words around text[start:end] set it beside the use as a likeness ("like loan screening",
        "대출 심사처럼")."""
        before, after = self._likened
        return bool((before is not None and before.search(text[max(0, start - LIKENED_NEAR):start]))
                    or (after is not None and after.match(text, end)))

    def _bound(self, fid: str, text: str, spans: list[tuple[int, int]],
               unsure: list[tuple[int, int]]) -> FactValue | None:
        """A figure of a larger count than the fact's ("3,000 Korean customers used it last year" against a daily
        average): the fact lies between nothing and it. Its noun follows it ("… of 2025 were": a year, not a count)."""
        if not self._bound_cues.get(fid):
            return None
        v = self._number(fid, text, spans, unsure, cues=self._bound_cues[fid], noun_after=True)
        if v is None:
            return None
        top = max(v.value) if isinstance(v.value, tuple) else v.value
        return FactValue((0.0, top), v.evidence, "figure", v.currency)

    def _number(self, fid: str, text: str, spans: list[tuple[int, int]],
                unsure: list[tuple[int, int]], cues: list[re.Pattern[str]] | None = None,
                noun_after: bool = False) -> FactValue | None:
        """A figure stated next to one of the fact's cue words (or of `cues`), in the same clause ("매출 1조 2천억 원",
        "1.2M daily users", "trained with 3 × 10^25 FLOPs")."""
        own, not_cues, counts = self._cues[fid]
        cues = own if cues is None else cues
        other, counted = self._periods.get(fid, ([], []))
        unit = self.k.facts[fid].unit
        qs = [q for q in quantities(text) if not inside(q[0], unsure)]
        best: tuple[int, FactValue] | None = None
        for cue in cues:
            for m in cue.finditer(text):
                if _cue_denied(text, m, not_cues):
                    continue  # "AI revenue" is not the company's revenue
                # (a cue whose optional words are absent may match from the space before it, which can lie in the
                # break after the sentence before: "… 명입니다. 매출은 3천억 원")
                a, b = _clause_of(spans, m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
                if any(p.search(text, a, b) for p in other) and not any(p.search(text, a, b) for p in counted):
                    continue  # "now 2 million a day": not the period the law counts
                for qa, qb, value, cur in qs:
                    if qa < a or qb > b:
                        continue
                    between = text[qb:m.start()] if qb <= m.start() else text[m.end():qa] if qa >= m.end() else ""
                    # (an aside in brackets stands between, not apart: "our AI segment (recommendations, …) brought in")
                    # (nor does the period the figure is told for: "daily users over the last three months of the
                    # year were around 400,000")
                    for p in counted:
                        between = p.sub("", between)
                    gap = len(_ASIDE.sub("", between))
                    if gap > NUMBER_WINDOW:
                        continue
                    if qb <= m.start() and self.neg.figure_clause_ends(text, qb, m.start()):
                        continue  # "가입자는 150만명인데 … 하루 평균 이용자는 20만명": the figure closes a clause of its own
                    if qb <= m.start() and self._claimed(fid, text, a, qa):
                        continue  # "revenue about KRW 600 billion, of which AI revenue is …": the other figure's
                    currency = ""
                    if unit == "KRW" and cur != "KRW":
                        found = self._in_won(text, qa, qb, value)
                        if found is None and cur == "foreign":
                            continue  # a currency with no band: its figure decides nothing
                        if found is not None:
                            currency, value = found
                    if names_threshold(text, qb):
                        continue  # "do we cross the KRW 1 trillion revenue line?": the law's figure, not the asker's
                    if unit in ("users", "KRW") and not cur and unit_follows(text, qb):
                        continue  # "10~12월", "4분기", "최근 3개월": a month or a quarter, not people or money
                    if unit == "users" and (cur or not any(c.search(text[qb:qb + COUNT_WINDOW]) or (
                            not noun_after and c.search(text[max(a, qa - NUMBER_WINDOW):qa])) for c in counts)):
                        # a count needs its noun, after ("120만 명", "1.2m users") or before it ("users averaged
                        # roughly 1.3 million a day"); money is never a count
                        continue
                    if unit == "FLOPs" and value < 1e15:
                        continue
                    if best is None or gap < best[0]:
                        end = None if currency else range_end(text, qs, qa, qb, value, cur)
                        if end is not None and unit == "users" and unit_follows(text, end[1]):
                            continue  # "10~12월": months, not a band of users
                        if end is not None:  # "between 0.8×10^26 and 1.3×10^26": a band, decided where both ends agree
                            ends = scaled(value, end[2]), scaled(end[2], value)
                            value = (min(ends), max(ends))
                            qa, qb = min(qa, end[0]), max(qb, end[1])
                        elif (top := upper_bound(text, qa, qb, value[1] if isinstance(value, tuple) else value)
                              ) is not None:  # "under USD 20 million": anywhere from nothing up to it
                            value = (0.0, top)
                        best = (gap, FactValue(value, text[min(qa, m.start()):max(qb, m.end())].strip(), "figure",
                                               currency))
        return best[1] if best else None

    def _claimed(self, fid: str, text: str, start: int, at: int) -> bool:
        """Whether a figure at `at`, before this fact's cue, follows closely on a cue of another fact of the same
        unit (its own figure: "consolidated revenue about KRW 600 billion, of which AI revenue is KRW 4 billion")."""
        unit = self.k.facts[fid].unit
        for other, (cues, not_cues, _) in self._cues.items():
            if other == fid or self.k.facts[other].unit != unit:
                continue
            for cue in cues:
                if any(at - x.end() <= CLAIM_WINDOW and not _cue_denied(text, x, not_cues)
                       for x in cue.finditer(text, start, at)):
                    return True
        return False

    def _below(self, fid: str, text: str, spans: list[tuple[int, int]],
               unsure: list[tuple[int, int]]) -> FactValue | None:
        """A figure said in words to lie below every threshold for it ("our revenue is tiny"): nothing."""
        not_cues = self._cues[fid][1] if fid in self._cues else []
        for p in self._below_pats.get(fid, []):
            for m in p.finditer(text):
                if _cue_denied(text, m, not_cues, within=True):
                    continue  # another figure's words ("AI 기능 매출은 얼마 안 되고" is not the company's revenue)
                if not inside(m.start(), unsure) and (
                        self.neg.negative(p.pattern) or not self.neg.negated(text, spans, m.start(), m.end())):
                    return FactValue(0.0, m.group(0).strip(), "pattern")
        return None

    def _in_won(self, text: str, start: int, end: int, value: float) -> tuple[str, tuple[float, float]] | None:
        """A figure stated in a foreign currency ("USD 5 million", "500만 달러"): the currency and the band of won
        it comes to at the ends of the currency's band of yearly average rates; None where none is named by it."""
        before, after = text[max(0, start - 6):start], text[end:end + CURRENCY_AFTER]
        for cid, (lo, hi), words in self._currencies:
            if any(w.search(before) or w.search(after) for w in words):
                # the rate the question gives, where it gives one within reason, else the band of average rates
                stated = [float(m["rate"].replace(",", "")) for p in self._rates[cid] for m in p.finditer(text)]
                rate = next((r for r in stated if lo / 2 <= r <= hi * 2), None)
                if rate is not None:
                    return f"{cid}@{rate:g}", (value * rate, value * rate)
                return cid, (value * lo, value * hi)
        return None

    def _by_examples(self, question: str, want: set[str], facts: Facts) -> None:
        """Facts still unknown, decided by the described example a clause of the question is closest to."""
        open_ids = {fid for fid in want if fid not in facts.values}
        text = unicodedata.normalize("NFC", question)
        unsure = self.neg.unsure_sentences(text)
        if facts.area is not None or unsure:
            # (an area's own words were read, at its edge or in a sentence left unsettled: which area is known, and
            # whether the use is in it is what the question leaves open, not a likeness to settle; nor is a use the
            # asker says is not settled yet: "whether the forecast feeds the generators or only the staff is still
            # being discussed")
            open_ids.discard("high_impact_area")
        cands = [(i, e) for i, e in enumerate(self._examples) if e[0] in open_ids]
        if not cands:
            return
        spans = [(a, b) for a, b in self.neg.clauses(text) if len(text[a:b].strip()) >= 6
                 and not any(x <= a < y for x, y in unsure)]
        parts = [text[a:b].strip() for a, b in spans]
        if not parts:
            return
        last = _last_sentence_start(text)
        told = [k for k, (a, _) in enumerate(spans) if a < last]  # the clauses before the asking sentence
        vecs = self._vectors()
        qv = self.embed(parts)
        sims = qv @ vecs.T  # clauses × examples
        for fid in sorted(open_ids):
            idx = [i for i, e in cands if e[0] == fid]
            if not idx:
                continue
            spec = self.k.facts[fid].examples
            rows = told if told and spec.told_only else list(range(len(parts)))
            near = sims[rows][:, idx]  # the compared clauses × this fact's examples
            peak = {i: (float(near[:, n].max()), rows[int(near[:, n].argmax())]) for n, i in enumerate(idx)}
            best: dict[bool, tuple[float, int, int]] = {}
            for i in idx:
                s, j = peak[i]
                side = self._examples[i][1]
                if side not in best or s > best[side][0]:
                    best[side] = (s, j, i)
            top_side = max(best, key=lambda s: best[s][0])
            top, clause, example = best[top_side]
            other = best.get(not top_side, (0.0, 0, 0))[0]
            least = EXAMPLE_MIN if spec.min_similarity is None else spec.min_similarity
            margin = EXAMPLE_MARGIN if spec.min_margin is None else spec.min_margin
            if top >= least and top - other >= margin:
                facts.values[fid] = FactValue(top_side, parts[clause], "example")
                area = self._examples[example][3]
                # (which area is named only where no other area's uses come as close: "decides whether support is
                # granted" is as near an insurer's payout as a welfare office's selection)
                rival = max((peak[i][0] for i in idx if self._examples[i][3] not in (None, area)), default=0.0)
                if area is not None and top - rival >= AREA_MARGIN:
                    facts.area = area

    def _vectors(self) -> Any:
        with self._lock:
            if self._example_vectors is None:
                self._example_vectors = self.embed_examples([e[2] for e in self._examples])
            return self._example_vectors

    def _imply(self, facts: Facts) -> None:
        """Close the facts over `overrides` (a more specific reading wins over a weaker one) and `implies` (a
        stated fact fills in the ones it decides, never overriding)."""
        for fid, fv in list(facts.values.items()):
            spec = self.k.facts.get(fid)
            if spec is not None and spec.type == "bool" and fv.how != "implied":
                for other, value in (spec.overrides.true if fv.value else spec.overrides.false).items():
                    facts.values[other] = FactValue(value, f"{fid} = {str(fv.value).lower()}", "implied")
        changed = True
        while changed:
            changed = False
            for fid, fv in list(facts.values.items()):
                spec = self.k.facts.get(fid)
                if spec is None:
                    continue
                # A number implies `implies.true` when it is above zero ("1.2 million Korean users" reach Korea).
                low = min(fv.value) if isinstance(fv.value, tuple) else fv.value  # a band: its lower end
                truth = bool(fv.value) if spec.type == "bool" else float(low) > 0
                for other, value in (spec.implies.true if truth else spec.implies.false).items():
                    held = facts.values.get(other)
                    if held is None or (held.weak and held.value != value and not fv.weak):
                        facts.values[other] = FactValue(value, f"{fid} = {str(fv.value).lower()}", "implied")
                        changed = True
