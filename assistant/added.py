"""Whether the words a dated question asks about were in a provision on that date.

"2026년 3월에 영향평가에 인공지능취약계층 특성을 반영해야 했나요?": where the words the question turns on were added to a
retrieved provision by an amendment that took effect after the date it names (or the provision itself took effect after
it), the provision in force on that date did not say them ("no"); where the question asks whether they were in force on a date after the amendment, they were
("yes"). Pure comparison of the texts in force on two dates; nothing about any particular provision is written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.citations import find_citations
from corpus.labels import ko_article, label
from corpus.numbers import date_spans
from corpus.model import Unit, split_cid
from ingest.store import IndexStore

from assistant.coverage import token_set

# The question must share at least this many of the added words (one shared word is a coincidence of vocabulary).
MIN_ADDED = 2


@dataclass
class Added:
    """Words of the question that one provision gained on a date."""

    cid: str
    took_effect: str  # the date the wording with these words took effect
    words: list[str]
    present: bool  # whether the text in force on the question's date already had them
    new: bool = False  # the provision itself did not exist yet on the question's date
    dated_by: str = ""  # the addenda that name the provision (cited for its start where it did not exist yet)
    label: str = ""  # the provision's name in the question's language ("AI Basic Act Art. 17-2")


def added_words(store: IndexStore, question: str, lang: str, as_of: str, cids: list[str],
                addenda: list[str] = ()) -> Added | None:
    """The first of `cids` whose wording gained, after `as_of` or on a date up to it, words the question asks about,
    unless one of the provisions that `addenda` (the retrieved addenda) name gained words that weigh more."""
    asked = frozenset(w for w in token_set(question) if not w.isdigit())  # (a year is no word of the provision)
    first = next((x for x in (_found(store, cid, asked, lang, as_of) for cid in cids) if x is not None), None)
    # "2026년 4월에 형편이 어려운 사람의 이용료 지원 규정이 시행 중이었나요?": retrieval ranks the addenda that set the
    # start first, not the provision described in words; the addenda name it among the ones they start later.
    named = [x for x in (_found(store, n, asked, lang, as_of, by) for n, by in _named_by_addenda(store, list(addenda)))
             if x is not None]
    best = max(named, key=lambda x: _weight(store, x), default=None)
    # (a retrieved provision that already said the words yields only to one the addenda start later that says more)
    return best if best is not None and (first is None or first.present and _weight(store, best) > _weight(store, first)) \
        else first


# How addenda start a part of a provision later: "다만, 제2조제4호라목 중 디지털의료기기에 관한 부분은 2026년 1월 24일부터
# 시행한다", "provided, the part of Annex 1 regarding digital medical devices shall enter into force on January 24, 2026".
_LATER_PART = (re.compile(r"(?P<part>(?:제[\d조항호의]+[가-하]?목?|별표 ?\d+) 중 (?P<what>[^,.]+?)에 관한 부분)은 "
                          r"(?P<date>\d{4}년 \d{1,2}월 \d{1,2}일)부터 시행"),
               re.compile(r"(?P<part>the part of [^,;]{1,60}? regarding (?P<what>[^,;]+?))(?: under)? shall enter into "
                          r"force on (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})"))


def later_part(store: IndexStore, question: str, lang: str, as_of: str, addenda: list[str]) -> Added | None:
    """A part of a provision that the retrieved `addenda` start after `as_of`, where the question names what the part
    is about ("on 23 January 2026, did the digital-medical-device part of the definition apply?"): not yet in force."""
    asked = token_set(question)
    for cid in addenda:
        for u in (u for u in store.by_cid.get(cid, []) if u.lang == lang):
            for pattern in _LATER_PART:
                for m in pattern.finditer(u.text):
                    spans = date_spans(m.group("date"))
                    what = token_set(m.group("what"))
                    if not spans or spans[0][2] <= as_of or not what or len(what - asked) > len(what) // 3:
                        continue
                    return Added(cid, spans[0][2], sorted(what & asked), False, True, cid, m.group("part"))
    return None


def _weight(store: IndexStore, added: Added) -> float:
    return sum(store.idf.get(w, 0.0) for w in added.words)


def _found(store: IndexStore, cid: str, asked: frozenset[str], lang: str, as_of: str, named_by: str = "") -> Added | None:
    units = [u for u in store.by_cid.get(cid, []) if u.lang == lang] or \
        [u for u in store.by_cid.get(cid, []) if u.lang == "ko"]
    found = _gained(units, asked, as_of)
    if found is None:
        return None
    took_effect, words, present, new = found
    doc = store.docs.get(units[0].doc)
    return Added(cid, took_effect, words, present, new, (named_by or _addenda_naming(store, cid)) if new else "",
                 label(units[0], doc, lang) if doc is not None else "")


def _named_by_addenda(store: IndexStore, cids: list[str]) -> list[tuple[str, str]]:
    """The provisions of the corpus that the addenda among `cids` name, in the order they name them, each with the
    addenda that name it."""
    out: list[tuple[str, str]] = []
    for cid in cids:
        doc, article = split_cid(cid)[:2]
        if not (article or "").startswith("addenda"):
            continue
        for u in store.by_cid.get(cid, []):
            if u.lang != "ko":
                continue
            for c in find_citations(u.text, default_doc=doc):
                if c.doc == doc and not c.article.startswith("addenda") and c.cid in store.by_cid:
                    out.append((c.cid, cid))
    return list(dict.fromkeys(out))


def _addenda_naming(store: IndexStore, cid: str) -> str:
    """The addenda of the provision's document whose text names its article ("제17조의2", "Article 17-2")."""
    doc, article, paragraph = split_cid(cid)[:3]
    if not article or article.startswith("addenda"):
        return ""
    # the most precise naming first: "제3조제5항" before a "제3조" that may be the addenda's own article
    names = ([f"{ko_article(article)}제{paragraph}항"] if paragraph else []) + [ko_article(article), f"Article {article}"]
    for n in names:
        for key, units in store.by_cid.items():
            if key.startswith(f"{doc}:addenda") and any(re.search(re.escape(n) + r"(?![\d의-])", u.text) for u in units):
                return key
    return ""


def _gained(units: list[Unit], asked: frozenset[str], as_of: str) -> tuple[str, list[str], bool, bool] | None:
    """(the date the words took effect, the words, whether in force on `as_of`, whether the provision itself was not
    yet in force then)."""
    ordered = sorted(units, key=lambda u: u.effective_from)
    if ordered and ordered[0].effective_from > as_of:
        # a provision that did not exist yet on the date (an article an amendment inserted): none of its words were
        new = token_set(ordered[0].text) & asked
        return (ordered[0].effective_from, sorted(new), False, True) if len(new) >= MIN_ADDED else None
    for before, after in zip(ordered, ordered[1:]):
        new = (token_set(after.text) - token_set(before.text)) & asked
        if len(new) < MIN_ADDED:
            continue
        if before.effective_from <= as_of < after.effective_from:
            # (not `before.in_force`: a translation's versions need not end where the official text's next begins)
            return after.effective_from, sorted(new), False, False
        if after.in_force(as_of) or after.effective_from <= as_of:
            return after.effective_from, sorted(new), True, False
    return None
