"""The guideline's own words behind a test the duty map borrows from MSIT guidance.

A guidance note of the map (corpus/duties.toml `guidance`: a guideline, its printed page, what it says) is worded by
this project; the answer's note also quotes the sentence of that page which says it, verbatim, so that a reader sees
the guideline's wording and can check it on the page the note names."""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator

from corpus.knowledge import Guidance
from ingest.store import IndexStore

from assistant.answer import Extractive
from assistant.lookup import page_units
from assistant.verify import quote_in_unit

# A quoted sentence must carry at least this share of the note's Korean character pairs: below it no sentence of the
# page says the note in words of its own (the note then stands unquoted).
MIN_OVERLAP = 0.35
MAX_QUOTE = 300  # characters of a quoted guideline sentence
_DASH = re.compile(r"^-\s*")  # a passage's own list mark, kept on its segments (Extractive.pick reads it)


def _pairs(text: str) -> set[str]:
    s = "".join(text.split())
    return {s[i:i + 2] for i in range(len(s) - 1)}


class GuidanceQuotes:
    """Finds, on the page a guidance note names, the sentence that says it."""

    def __init__(self, store: IndexStore, extractive: Extractive) -> None:
        self.store = store
        self.extractive = extractive
        self._lock = threading.Lock()
        self._found: dict[tuple[str, int, str], str | None] = {}

    def quote(self, g: Guidance) -> str | None:
        """The sentence of the guideline page that best carries what note `g` says (verbatim), or None."""
        key = (g.doc, g.page, g.says.ko)
        with self._lock:
            if key in self._found:
                return self._found[key]
        want = _pairs(g.says.ko)

        def share(text: str) -> float:
            return len(want & _pairs(text)) / max(1, len(want))

        # the sentence carrying most of the note's wording, the shorter of two alike, the first of equals
        best = max(self._sentences(g), key=lambda t: (share(t), -len(t)), default=None)
        found = best if best is not None and share(best) >= MIN_OVERLAP else None
        with self._lock:
            self._found[key] = found
        return found

    def _sentences(self, g: Guidance) -> Iterator[str]:
        """The quotable sentences of the page note `g` names, verbatim, without a list mark before them."""
        for unit in page_units(self.store, g.doc, g.page):
            if unit.lang != "ko":
                continue
            # (the segments are the page's sentences with wrapped lines joined and list marks off: answer.page_lines)
            for seg in self.extractive.segments(unit):
                text = _DASH.sub("", seg.text).strip()
                if 12 <= len(text) <= MAX_QUOTE and quote_in_unit(self.store, unit.uid, text):
                    yield text
