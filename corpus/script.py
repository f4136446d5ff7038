"""Which script a text is written in: Korean questions and passages are told from English ones by their Hangul."""
from __future__ import annotations

import re

HANGUL = re.compile(r"[가-힣]")


def has_korean(text: str) -> bool:
    """Whether the text contains a Hangul syllable."""
    return HANGUL.search(text) is not None
