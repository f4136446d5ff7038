"""Whether the words a dated question asks about were in a provision on that date.

"2026년 3월에 영향평가에 인공지능취약계층 특성을 반영해야 했나요?": where the words the question turns on were added to a
retrieved provision by an amendment that took effect after the date it names (or the provision itself took effect after
it), the provision in force on that date did not say them ("no"); where the question asks whether they were in force on a date after the amendment, they were
("yes"). Pure comparison of the texts in force on two dates; nothing about any particular provision is written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.labels import ko_article
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


def added_words(store: IndexStore, question: str, lang: str, as_of: str, cids: list[str]) -> Added | None:
    """The first of `cids` whose wording gained, after `as_of` or on a date up to it, words the question asks about."""
    asked = token_set(question)
    for cid in cids:
        units = [u for u in store.by_cid.get(cid, []) if u.lang == lang] or \
            [u for u in store.by_cid.get(cid, []) if u.lang == "ko"]
        found = _gained(units, asked, as_of)
        if found is not None:
            took_effect, words, present, new = found
            return Added(cid, took_effect, words, present, new, _addenda_naming(store, cid) if new else "")
    return None


def _addenda_naming(store: IndexStore, cid: str) -> str:
    """The addenda of the provision's document whose text names its article ("제17조의2", "Article 17-2")."""
    doc, article = split_cid(cid)[:2]
    if not article or article.startswith("addenda"):
        return ""
    names = [ko_article(article), f"Article {article}"]
    for key, units in store.by_cid.items():
        if key.startswith(f"{doc}:addenda") and any(
                re.search(re.escape(n) + r"(?![\d의-])", u.text) for u in units for n in names):
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
        if before.in_force(as_of):
            return after.effective_from, sorted(new), False, False
        if after.in_force(as_of) or after.effective_from <= as_of:
            return after.effective_from, sorted(new), True, False
    return None
