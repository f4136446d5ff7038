"""How much of a question a text states: the share of its search terms, weighted by rarity, that the text contains.
Used to rank close provisions (retrieve) and to decline questions nothing matches (abstain)."""
from __future__ import annotations

from functools import lru_cache

from ingest.store import IndexStore
from ingest.tokenize import tokenize


def coverage(store: IndexStore, terms: list[str], texts: list[str]) -> float:
    """Share of the search terms (the question's words and the glossary's legal terms for them), weighted by
    rarity, that the texts contain; words the corpus never uses count fully against."""
    idf = store.idf
    top_idf = max(idf.values(), default=1.0)
    q = set(terms)
    if not q:
        return 0.0
    seen: set[str] = set()
    for t in texts:
        seen |= token_set(t)
    found = q & seen
    # Summed in a fixed order (set order changes from process to process; so would the float rounding).
    total = sum(idf.get(t, top_idf) for t in sorted(q))
    return sum(idf.get(t, top_idf) for t in sorted(found)) / total if total else 0.0


@lru_cache(maxsize=16384)
def token_set(text: str) -> frozenset[str]:
    """The tokens of a text, remembered: provision texts recur from question to question."""
    return frozenset(tokenize(text))
