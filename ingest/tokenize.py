"""Tokens for the lexical (BM25) index: Korean morphemes from kiwipiepy, English words, and citation tokens.

Whitespace tokens find nothing in Korean ("고지 의무" vs "…고지하여야 한다"), so Korean is split into
morphemes. Citations are kept whole and language-neutral: "제31조", "Article 31" and "Art. 31" all give
"제31조"; "제1항", "paragraph (1)" and the "(1)" of "Article 31(1)" give "제1항"; "제2호" / "subparagraph 2" → "제2호".
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

_KEEP_TAGS = ("NNG", "NNP", "NNB", "NR", "VV", "VA", "XR", "SL", "SH", "SN", "MAG")
_EN_STOP = frozenset(
    "a an the of to in on for by with and or as at be is are was were been being that this these those it its "
    "which who whom whose shall may any such other than from into under per not no do does did have has had "
    "i you we they he she my our your their what when where how if can will would should must there here "
    "about so also all each both re ll ve".split()
)
_KO_STOP = frozenset({"하", "되", "있", "없", "것", "수", "등", "이", "그", "및", "또는", "경우", "따르", "해당"})

_CITES = [
    (re.compile(r"제\s*(\d+)\s*조(?:\s*의\s*(\d+))?"), "article"),
    (re.compile(r"\b(?:Article|Art\.?|Articles)\s*(\d+)(?:-(\d+))?", re.I), "article"),
    (re.compile(r"제\s*(\d+)\s*항"), "paragraph"),
    (re.compile(r"\bparagraph\s*\((\d+)\)", re.I), "paragraph"),
    (re.compile(r"(?<=\d)\((\d+)\)"), "paragraph"),
    (re.compile(r"제\s*(\d+)\s*호(?:\s*의\s*(\d+))?"), "item"),
    (re.compile(r"\bsubparagraph\s*(\d+)(?:-(\d+))?", re.I), "item"),
    (re.compile(r"별표\s*(\d+)|\bAnnex\s*(\d+)", re.I), "annex"),
]


def citation_tokens(text: str) -> list[str]:
    """Language-neutral tokens for the article/paragraph/item/annex numbers cited in `text`."""
    out: list[str] = []
    for pattern, kind in _CITES:
        for m in pattern.finditer(text):
            nums = [g for g in m.groups() if g]
            if not nums:
                continue
            if kind == "article":
                out.append(f"제{int(nums[0])}조" + (f"의{int(nums[1])}" if len(nums) > 1 else ""))
            elif kind == "paragraph":
                out.append(f"제{int(nums[0])}항")
            elif kind == "item":
                out.append(f"제{int(nums[0])}호" + (f"의{int(nums[1])}" if len(nums) > 1 else ""))
            else:
                out.append(f"별표{int(nums[0])}")
    return out


_kiwi_lock = threading.Lock()


@lru_cache(maxsize=1)
def _kiwi():  # noqa: ANN202 - kiwipiepy has no type stubs
    from kiwipiepy import Kiwi

    return Kiwi()


def _stem_en(word: str) -> str:
    """A light, consistent stemmer: plural and verb endings off, then a final silent e, so that "device",
    "devices", "notice", "noticed" and "change", "changing", "changed" meet (devic, notic, chang)."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not (suffix == "s" and word.endswith("ss")):
            word = word[: -len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_NUMBERS = re.compile(r"\d+(?:[-.,]\d+)+|\d{3,}")


def tokenize(text: str) -> list[str]:
    """BM25 tokens of a Korean or English text."""
    tokens = citation_tokens(text)
    # Identifying numbers ("2026-271", "36506", "10,000") whole, as the morphological analyser splits them.
    tokens += [m.group(0).replace(",", "") for m in _NUMBERS.finditer(text)]
    with _kiwi_lock:  # Kiwi objects are not documented as thread-safe
        morphs = _kiwi().tokenize(text)
    # English words are taken whole from the text: the analyser splits a Latin word before a full stop
    # ("customers." -> custom + ers., "does." -> d + oes.).
    for w in _LATIN_WORD.findall(text):
        form = w.lower()
        if form not in _EN_STOP and len(form) >= 2:
            tokens.append(_stem_en(form))
    for t in morphs:
        if t.tag not in _KEEP_TAGS:
            continue
        form = t.form.lower()
        if t.tag == "SL":
            continue  # taken above
        elif t.tag == "SN":
            continue  # numbers are taken whole above
        elif form not in _KO_STOP:
            tokens.append(form)
    return tokens



# Bump when tokenize() changes what it gives for a text, so that cached tokens are not reused.
TOKENIZER_VERSION = "1"


class TokenCache:
    """Tokens of indexed texts on disk in SQLite, keyed by a hash of the tokenizer version and the text: a rebuild
    or a changed document re-tokenizes only new text (the morphological analyser takes ~10 s over the corpus).
    Nothing depends on it being there."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("CREATE TABLE IF NOT EXISTS tok (key TEXT PRIMARY KEY, data TEXT)")
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str) -> str:
        import kiwipiepy

        return hashlib.sha256(f"{TOKENIZER_VERSION}\0{kiwipiepy.__version__}\0{text}".encode()).hexdigest()

    def tokenize_all(self, texts: list[str], progress=None) -> list[list[str]]:  # noqa: ANN001 - a callback
        """Tokens of each text, from the cache where there, else tokenized and stored."""
        keys = [self.key(t) for t in texts]
        found: dict[str, list[str]] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                q = f"SELECT key, data FROM tok WHERE key IN ({','.join('?' * len(chunk))})"
                found.update((k, json.loads(d)) for k, d in self._db.execute(q, chunk))
        out, new = [], {}
        for k, t in zip(keys, texts):
            toks = found.get(k)
            if toks is None:
                toks = new[k] = tokenize(t)
            out.append(toks)
            if progress is not None:
                progress(1)
        if new:
            with self._lock:
                self._db.executemany("INSERT OR REPLACE INTO tok VALUES (?, ?)",
                                     [(k, json.dumps(v, ensure_ascii=False)) for k, v in new.items()])
                self._db.commit()
        return out

    def close(self) -> None:
        self._db.close()
