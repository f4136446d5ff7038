"""A question file's key facts (eval/QUESTIONS.md): whether one appears in a text. Shared by the evaluation, which
scores answers by them, and the learned guideline reader (assistant/pages.py), which learns from them."""
from __future__ import annotations

import re


def _norm(s: str) -> str:
    s = s.lower().replace(",", "").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()


def fact_found(fact: str, text: str) -> bool:
    """A key fact (alternatives separated by |) appears in the text (case, spacing and digit commas ignored)."""
    hay = _norm(text)
    return any(_norm(alt) and _norm(alt) in hay for alt in fact.split("|"))
