"""Read an administrative rule (행정규칙: a 고시, 훈령 …) from the law.go.kr Open API (`lawService.do?target=admrul`,
XML) into blocks: articles, chapter headings and addenda — the blocks the other statute readers give.

The API gives an administrative rule flatter than a law (shared/LAWGO_API.md §6): one `<조문내용>` per article or
heading, each a run-on string with its paragraphs (①②…) and items (1. 2. …) on one line, and `<부칙내용>` for each
addendum. The lines are cut again before each paragraph marker and before each item number in sequence (1., then
2., …), so that a date such as "2026. 7. 21." inside a sentence is not taken for an item.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ingest.blocks import Block, ParseError, _Collector, addendum_number
from ingest.lawgo_client import iso_date
from ingest.structure import CIRCLED, KO_ARTICLE

_PARA = re.compile(rf"\s+(?=[{CIRCLED}])")
_HEADING = re.compile(r"^제\d+(장|절|관)\s")


def split_run_on(text: str) -> list[str]:
    """An article's run-on text as lines: its heading and first words, then one line per paragraph and item."""
    out: list[str] = []
    for part in _PARA.split(" ".join(text.split())):
        expected, pos, cuts = 1, 0, []
        while True:
            m = re.compile(rf"\s(?={expected}\.\s)").search(part, pos)
            if m is None:
                break
            cuts.append(m.start())
            pos, expected = m.end(), expected + 1
        bounds = [0, *cuts, len(part)]
        out.extend(part[a:b].strip() for a, b in zip(bounds, bounds[1:]) if part[a:b].strip())
    return out


def read_lawgo_admrul(path: Path) -> list[Block]:
    """law.go.kr Open API XML of an administrative rule (the `AdmRulService` response)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ParseError(f"{path.name}: not well-formed XML ({exc})") from exc
    if root.tag != "AdmRulService":
        raise ParseError(f"{path.name}: <{root.tag}> is not a law.go.kr administrative rule (<AdmRulService>)")
    col = _Collector()
    texts = [(el.text or "").strip() for el in root.iter("조문내용")]
    for text in texts:
        if not text:
            continue
        if _HEADING.match(text) and not KO_ARTICLE.match(text):
            col.set_heading(text)
            continue
        if not KO_ARTICLE.match(text):
            if col.current is not None and col.current.kind == "article":
                col.current.lines.extend(split_run_on(text))  # an article continued in a second element
            continue
        col.start("article", "").lines.extend(split_run_on(text))
    if not any(b.kind == "article" for b in col.blocks):
        raise ParseError(f"{path.name}: no articles (제N조) in the administrative rule")
    for el in root.iter("부칙내용"):
        body = [x.strip() for x in (el.text or "").splitlines() if x.strip()]
        if body:
            col.chapter, col.section = "부칙", ""
            col.start("addendum", "", addendum_number(body[0])).lines.extend(body)
    return col.blocks


def admrul_identity(root: ET.Element) -> dict[str, str]:
    """What an administrative rule states about itself: its number (발령번호), enforcement date and rule ID."""
    info = root.find("행정규칙기본정보")
    get = (lambda tag: (info.findtext(tag) or "").strip()) if info is not None else (lambda tag: "")
    m = re.search(r"\d{4}-\d+|\d+", get("발령번호"))
    return {"number": m.group(0) if m else "", "effective": iso_date(get("시행일자")), "law_id": get("행정규칙ID")}
