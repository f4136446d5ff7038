"""Query analysis: language, explicit citations, and the words to search with.

Founders ask in plain words ("tell customers", "fine", "챗봇"); the law says 고지, 과태료, 생성형 인공지능. A small
bilingual glossary of the corpus's own legal vocabulary bridges the two for lexical search.
"""
from __future__ import annotations

import re
from datetime import date

from corpus.citations import find_citations
from corpus.knowledge import knowledge, one_of
from corpus.numbers import date_spans, relative_date_spans
from corpus.script import HANGUL, has_korean
from ingest.tokenize import tokenize

from assistant.records import Analysis, Query

# The glossary and the lists of what lies outside the corpus are data (corpus/glossary.toml); here they take the
# shapes the analysis uses: (plain-language triggers, legal terms of the corpus to add), lower-case.
_GLOSSARY = knowledge().glossary
GLOSSARY: list[tuple[tuple[str, ...], str]] = [(tuple(t.triggers), t.adds) for t in _GLOSSARY.term]

# Names of other jurisdictions and laws: a question about them is outside this corpus unless the corpus names them.
FOREIGN = re.compile(r"\b(" + "|".join(re.escape(n) for n in _GLOSSARY.foreign.en) + r")\b"
                     r"|(?<![가-힣])(?:" + "|".join(re.escape(n) for n in _GLOSSARY.foreign.ko) + r")"
                     r"(?=[\s의에은는이가도과와,.?]|$)")

# Fields of law beside this one, as (English name, Korean name, pattern).
OTHER_FIELDS: list[tuple[str, str, re.Pattern[str]]] = [(f.en, f.ko, re.compile(f.pattern, re.I))
                                                       for f in _GLOSSARY.field]

# The names of one place in both languages.
PLACE_NAMES: list[tuple[str, ...]] = [tuple(p.names) for p in _GLOSSARY.place]

# Korean names of places reach the English commentary ("미국" -> "United States"); 인도 is left out (also "delivery").
GLOSSARY += [(tuple(n for n in g if has_korean(n) and n != "인도"),
              " ".join(n for n in g if not has_korean(n))) for g in PLACE_NAMES if "인도" not in g]


def names_place(name: str, text: str) -> bool:
    """Whether lower-cased `text` names the place `name` in either language (English names as whole words)."""
    group = next((g for g in PLACE_NAMES if name.lower() in (n.lower() for n in g)), (name,))
    return any(re.search(rf"(?<![a-z]){re.escape(n.lower())}(?![a-z])", text) for n in group)


# Conversational words of plain questions ("do we need to make some kind of..."): they say nothing about which
# provision is meant, yet count in BM25 and coverage where a provision happens to repeat them. Stemmed as tokenize does.
_CHAT_WORDS = frozenset(tokenize(
    "make makes made making need needs some kind kinds saying say says lets let just want wants get gets got like "
    "really even actually already still them me us one anything something thing things know think sure ok okay "
    "pretty lot bit maybe please tell hey hi thanks"))

_LATIN = re.compile(r"[A-Za-z]")


# Words that make a date in the question the date the question is about (not, say, a promulgation date).
_AS_OF_CUE = re.compile(one_of(knowledge().phrasing.sentence.as_of_cue), re.I)
_THEN = re.compile(one_of(knowledge().phrasing.sentence.relative_year_then), re.I)
_LAUNCHED_BEFORE = re.compile(one_of(knowledge().phrasing.sentence.launched_before), re.I)
_LAUNCH_WORD = re.compile(one_of(knowledge().phrasing.sentence.launch_word), re.I)
LAUNCH_BEFORE, LAUNCH_AFTER = 16, 12  # characters around a date within which a launch word names it the launch's


def launched_before(text: str) -> bool:
    """Whether a question asks if launching before the Act spares its service now ("we went live in November 2025,
    before the Act took effect; are we grandfathered?")."""
    return bool(_LAUNCHED_BEFORE.search(text))


def question_date(text: str, today: date | None = None) -> str | None:
    """The date a question is about ("as of 1 March 2026", "2026년 3월 1일 기준", "작년 12월에 …, 그때도"), if it names
    one; a year counted from today ("last year") is counted from `today`, where the question turns back to it."""
    spans = date_spans(text)
    if _THEN.search(text):
        years = knowledge().phrasing.sentence.relative_year
        spans += [s for s in relative_date_spans(text, today or date.today(), years)
                  if not any(a < s[1] and s[0] < b for a, b, _ in spans)]
    if launched_before(text):
        spans = [s for s in spans if not _LAUNCH_WORD.search(text[max(0, s[0] - LAUNCH_BEFORE): s[1] + LAUNCH_AFTER])]
    for start, end, iso in sorted(spans):
        if _AS_OF_CUE.search(text[max(0, start - 12): end + 8]):
            return iso
    return None


def detect_lang(text: str) -> str:
    """'ko' if the question has Hangul in real measure, else 'en'."""
    hangul = len(HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return "ko" if hangul and hangul * 3 >= latin else "en"


def _trigger(t: str) -> re.Pattern[str]:
    # An English trigger starts a word ("fine" is not in "define", "penalt" is in "penalty"); Korean ones are
    # parts of words by nature (조사 in 사실조사).
    return re.compile(("(?<![a-z])" if re.match(r"[a-z]", t) else "") + re.escape(t))


_TRIGGERS = [([_trigger(t) for t in triggers], terms) for triggers, terms in GLOSSARY]


_FINE_TUNE = re.compile(r"(?i)\bfine[- ]?tun")


def without_fine_tuning(text: str) -> str:
    """`text` with "fine-tuning" a model read as "tuning": no glossary, BM25 or legal-word check reads a fine into it."""
    return _FINE_TUNE.sub("tun", text)


# The user asking kaia itself ("알려주세요", "알려 줘", "tell me"), not about telling users; and "~하는 법" (the
# way to do something), not a law.
_ASKING_KAIA = re.compile(r"알려\s?(주|줘|줄)|tell me|tell us about")
_HOW_TO = re.compile(r"(?<=는)\s+법(?![률령규안])")


def expand(question: str) -> list[str]:
    """Glossary terms for the plain-language words in `question`."""
    # 인공지능 is read as AI: it holds 공지 ("notice"), which made every question naming it ask about notifying.
    low = f" {without_fine_tuning(question).lower().replace('인공지능', ' ai ')} "
    low = _ASKING_KAIA.sub(" ", low)
    return [terms for triggers, terms in _TRIGGERS if any(t.search(low) for t in triggers)]


_LANGUAGES = {n.lower() for n in _GLOSSARY.foreign.languages}
_LANGUAGE_BEFORE = [re.compile(p, re.I) for p in _GLOSSARY.foreign.language_before]
_LANGUAGE_AFTER = [re.compile(p, re.I) for p in _GLOSSARY.foreign.language_after]


def _as_language(q: str, m: re.Match[str]) -> bool:
    """Whether a name that is also a language is used as one here ("speaking fluent Japanese")."""
    return m.group(0).lower() in _LANGUAGES and (any(p.search(q[:m.start()]) for p in _LANGUAGE_BEFORE)
                                                 or any(p.search(q[m.end():]) for p in _LANGUAGE_AFTER))


def analyze(query: Query) -> Analysis:
    """Language, explicit citations and search terms of a question."""
    q = query.question
    lang = query.lang or detect_lang(q)
    extra = expand(q)
    text = _HOW_TO.sub(" ", without_fine_tuning(q))
    if detect_lang(q) == "ko":
        # Korean questions say "AI" where the law says 인공지능.
        text = re.sub(r"(?i)\bai\b|에이아이", " 인공지능 ", text)
    terms = [t for t in tokenize(text + " " + " ".join(extra)) if t not in _CHAT_WORDS]
    names = list(dict.fromkeys(m.group(0) for m in FOREIGN.finditer(q) if not _as_language(q, m)))
    fields = [(en, ko, p) for en, ko, p in OTHER_FIELDS if p.search(q)]
    # The glossary's legal terms help the embedding too: "tell customers" is far from 고지 in vector space.
    dense = f"{text} {' '.join(extra)}".strip()
    return Analysis(query=query, lang=lang, citations=find_citations(q), terms=terms, dense_text=dense,
                    unknown_names=names, other_fields=fields)
