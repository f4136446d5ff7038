"""Citation verification in code: a quote must be found verbatim in the cited unit's text of that version, and a
sentence may state only figures (numbers, amounts, dates) that its quotes contain."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from corpus.numbers import figures
from ingest.store import IndexStore

from assistant.records import CitationOut

log = logging.getLogger("kaia.verify")
log.addHandler(logging.NullHandler())  # recorded in Answer.dropped; shown only if the caller configures logging
MARKER = re.compile(r"\[(\d+)\]")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def quote_in_unit(store: IndexStore, uid: str | None, quote: str | None) -> bool:
    """Whether `quote` appears verbatim (up to whitespace) in the unit `uid`."""
    if not uid or not quote or uid not in store.units:
        return False
    q = _norm(quote)
    return len(q) >= 8 and q in _norm(store.units[uid].text)


def check_citation(store: IndexStore, c: CitationOut) -> str | None:
    """None if the citation holds, else why not."""
    if not quote_in_unit(store, c.uid, c.quote):
        return f"[{c.n}] quote not found in {c.label} ({c.uid})"
    if c.quote_ko and c.uid_ko and not quote_in_unit(store, c.uid_ko, c.quote_ko):
        return f"[{c.n}] Korean quote not found in {c.label_ko} ({c.uid_ko})"
    u = store.units[c.uid]
    if (u.doc, u.article, u.paragraph, u.item) != (c.doc, c.article, c.paragraph, c.item) or u.version != c.version:
        return f"[{c.n}] citation fields do not match unit {c.uid}"
    return None


@dataclass
class Verified:
    answer: str
    citations: list[CitationOut]
    dropped: list[str]


_ABBR = re.compile(r"\b(?:Art|Arts|No|Nos|para|paras|subpara|e\.g|i\.e|etc|Co|Ltd|Inc|vs|cf|p|pp|Jan|Feb|Mar|Apr|Jun|"
                   r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Ms|Dr|St)\.$")
_LIST_MARK = re.compile(r"^(?:[-*•|]\s*)?(?:\(?\d{1,2}[.)]|[a-n]\.|[①-⑳]|[가-하]\.)$")
_BOUNDARY = re.compile(r"(\](?:\s*[.。])?|[.!?。])(?=\s)")


def split_sentences(line: str) -> list[str]:
    """The sentences of one answer line; citation markers stay with the sentence they close."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        chunk = line[start:m.end()]
        if line[m.end():].lstrip().startswith("["):
            continue  # markers follow: the sentence ends after them
        if m.group(0) == "." and (_ABBR.search(chunk) or _LIST_MARK.match(chunk.strip())):
            continue
        if chunk.strip():
            out.append(chunk.strip())
        start = m.end()
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def verify(store: IndexStore, answer: str, citations: list[CitationOut], check_figures: bool = False) -> Verified:
    """Drop citations whose quotes fail, then sentences left with no verified citation; renumber the rest.

    With `check_figures` (generated text, or the duty map's plain words), a sentence stating a figure its quotes lack
    is dropped as well.
    """
    dropped: list[str] = []
    good: dict[int, CitationOut] = {}
    for c in citations:
        why = check_citation(store, c)
        if why:
            dropped.append(why)
            log.warning("citation dropped: %s", why)
        else:
            c.verified = True
            good[c.n] = c
    kept_lines: list[str] = []
    for line in answer.splitlines():
        if not line.strip():
            kept_lines.append(line)
            continue
        keep_parts: list[str] = []
        prefix = re.match(r"^\s*(?:[-*•]\s+)?", line).group(0)
        for sent in split_sentences(line[len(prefix):].strip()):
            marks = [int(m) for m in MARKER.findall(sent)]
            ok = [m for m in marks if m in good]
            if not ok:
                dropped.append(f"sentence without a verified citation removed: {sent[:80]!r}")
                log.warning("unsupported sentence removed: %s", sent[:120])
                continue
            if check_figures:
                quoted = set().union(*(figures(good[m].quote) | figures(good[m].quote_ko or "") for m in ok))
                stated = figures(MARKER.sub(" ", sent))
                extra = stated - quoted
                if extra:
                    dropped.append(f"sentence states figures not in its quotes {sorted(extra)}: {sent[:80]!r}")
                    log.warning("sentence with unsupported figures removed: %s", sent[:120])
                    continue
            sent = MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in good else "", sent)
            keep_parts.append(re.sub(r"\s+", " ", sent).strip())
        if keep_parts:
            kept_lines.append(prefix + " ".join(keep_parts))
    text = "\n".join(kept_lines).strip()
    used = sorted({int(m) for m in MARKER.findall(text)})
    renumber = {old: new for new, old in enumerate(used, 1)}
    text = MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
    out = []
    for old in used:
        c = good[old]
        c.n = renumber[old]
        out.append(c)
    return Verified(text, out, dropped)
