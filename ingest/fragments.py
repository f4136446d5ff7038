"""Read articles of a draft that survive only as quotations (the draft Enforcement Decree, quoted in MSIT
guidelines) into article blocks. Where each quotation sits in the file, and which article and draft it is, is
data in the manifest (`guide.fragments`): the file is pinned by its SHA-256, so its line numbers are stable."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.blocks import Block, ParseError
from ingest.structure import classify



def _reflow(lines: list[str]) -> list[str]:
    """Join the PDF's wrapped lines (inside a word where the line ended without a space); a paragraph or an
    item starts a new line; blank lines inside a quotation are extraction noise."""
    out: list[str] = []
    spaced = True
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if out and not classify(text, "ko"):  # a paragraph, an item or a sub-item starts a new line
            out[-1] += (" " if spaced else "") + text
        else:
            out.append(text)
        spaced = raw != raw.rstrip()
    return [re.sub(r"^([①-⑳])(?=\S)", r"\1 ", x) for x in out]  # "①인공지능사업자" as the law prints it: "① …"


def read_fragments(path: Path, fragments: list[dict[str, Any]]) -> list[Block]:
    """One article block per quoted fragment, headed "제N조(title)" so the statute parser can split it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path.name}: not UTF-8 text") from exc
    blocks: list[Block] = []
    for f in fragments:
        try:
            first, last, article, title = int(f["first_line"]), int(f["last_line"]), str(f["article"]), str(f["title"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ParseError(f"{path.name}: a fragment in the manifest lacks {exc}") from exc
        if not 1 <= first <= last <= len(lines):
            raise ParseError(f"{path.name}: fragment of Art. {article} at lines {first}-{last} is outside the file "
                             f"({len(lines)} lines): has the file changed?")
        body = _reflow(lines[first - 1:last])
        if not body or not body[0].startswith("①"):
            raise ParseError(f"{path.name}: lines {first}-{last} do not start with paragraph ① of Art. {article}")
        blk = Block("article", [f"제{article}조({title})"] + body, heading=str(f.get("draft", "")))
        blocks.append(blk)
    if not blocks:
        raise ParseError(f"{path.name}: no fragments listed in the manifest")
    return blocks
