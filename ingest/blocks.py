"""Read statute renderings (law.go.kr XML, plain-text renderings) into blocks: articles, addenda, annexes,
forms and reasons, each with its lines and the chapter/section it sits in."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ingest.structure import EN_ARTICLE, KO_ARTICLE, normalize_line


@dataclass
class Block:
    kind: str  # article | addendum | annex | form | reasons
    lines: list[str]
    heading: str = ""
    label: str = ""  # addendum number ("21311"), annex number ("2"), form number ("1" or "")
    extra: dict[str, str] = field(default_factory=dict)


class ParseError(ValueError):
    """A source file does not have the structure its format promises. Errors a user's own file can meet also carry
    a `key` and the `fields` of their message, so that an interface can word them in its language."""

    def __init__(self, message: str, *, key: str | None = None, **fields: object) -> None:
        super().__init__(message)
        self.key, self.fields = key, fields


_ADDENDUM_NO = re.compile(r"(?:제\s*|No\.\s*)(\d{4}-\d+|\d+)")
# The line that opens an addendum: "부칙 <제20676호,2025.1.21>", "ADDENDUM <Act No. 21311, Jan. 20, 2026>".
ADDENDUM_HEADER = re.compile(r"^(부칙|ADDEND(A|UM)\b)")


def addendum_number(line: str) -> str:
    """The act/decree/notice number of an addendum header such as 부칙 <제20676호,2025.1.21>."""
    inner = re.search(r"<([^<>]*)>", line)
    m = _ADDENDUM_NO.search(inner.group(1) if inner else line)
    return m.group(1) if m else ""


class _Collector:
    """Accumulates blocks while tracking the current chapter/section heading."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.chapter = ""
        self.section = ""
        self.current: Block | None = None

    @property
    def heading(self) -> str:
        return " > ".join(x for x in (self.chapter, self.section) if x)

    def set_heading(self, text: str) -> None:
        text = normalize_line(text)
        if re.match(r"^(제\d+절|SECTION\b)", text):
            self.section = text
        else:
            self.chapter, self.section = text, ""

    def start(self, kind: str, line: str, label: str = "") -> Block:
        self.current = Block(kind, [line] if line else [], self.heading, label)
        self.blocks.append(self.current)
        return self.current

    def add(self, line: str) -> None:
        if self.current is not None and line.strip():
            self.current.lines.append(line)

    def close(self) -> None:
        self.current = None


# ---------------------------------------------------------------------------------------------- XML


def _text(el: ET.Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def read_lawgo_xml_ko(path: Path) -> list[Block]:
    """law.go.kr Open API XML (Korean, target=eflaw)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ParseError(f"{path.name}: not well-formed XML ({exc})") from exc
    col = _Collector()
    units = root.findall("./조문/조문단위")
    if not units:
        raise ParseError(f"{path.name}: no <조문단위> elements")
    for u in units:
        kind = _text(u.find("조문여부"))
        content = _text(u.find("조문내용"))
        if kind == "전문":
            col.set_heading(content)
            continue
        lines = [content]
        for hang in u.findall("항"):
            if _text(hang.find("항내용")):
                lines.append(_text(hang.find("항내용")))
            for ho in hang.findall("호"):
                lines.append(_text(ho.find("호내용")))
                for mok in ho.findall("목"):
                    lines.append(_text(mok.find("목내용")))
        ref = _text(u.find("조문참고자료"))
        if ref:
            lines.extend(x for x in ref.splitlines() if x.strip())
        col.start("article", "").lines.extend(lines)
    for ad in root.findall("./부칙/부칙단위"):
        body = [x for x in _text(ad.find("부칙내용")).splitlines() if x.strip()]
        if body:
            col.chapter, col.section = "부칙", ""
            blk = col.start("addendum", "", _text(ad.find("부칙공포번호")) or addendum_number(body[0]))
            blk.lines.extend(body)
    reasons = _text(root.find("./제개정이유/제개정이유내용"))
    if reasons:
        col.chapter, col.section = "제개정이유", ""
        col.start("reasons", "").lines.extend(x for x in reasons.splitlines() if x.strip())
    return col.blocks


def read_lawgo_xml_en(path: Path) -> list[Block]:
    """law.go.kr Open API XML (English reference translation, target=elaw)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ParseError(f"{path.name}: not well-formed XML ({exc})") from exc
    col = _Collector()
    jos = root.findall("./JoSection/Jo")
    if not jos:
        raise ParseError(f"{path.name}: no <Jo> elements")
    for jo in jos:
        content = _text(jo.find("joCts"))
        if _text(jo.find("joYn")) != "Y":
            col.set_heading(content)
            continue
        col.start("article", "").lines.extend(x for x in content.splitlines() if x.strip())
    for ar in root.findall("./ArSection/Ar"):
        body = [x for x in _text(ar.find("arCts")).splitlines() if x.strip()]
        if body:
            col.chapter, col.section = "ADDENDA", ""
            col.start("addendum", "", _text(ar.find("arAncNo")) or addendum_number(body[0])).lines.extend(body)
    return col.blocks


# --------------------------------------------------------------------------------------------- text

_KO_MODES = {"부칙": "addenda", "별표": "annexes", "별지 서식": "forms", "제개정이유": "reasons", "참고": "skip"}
_EN_MODES = {"ADDENDA": "addenda", "ADDENDUM": "addenda", "ANNEXES": "annexes", "FORMS": "forms",
             "REASONS": "reasons"}
_ANNEX = re.compile(r"\[(?:별표\s*(\d+)|Annex\s+(\d+))\]")
_FORM = re.compile(r"^(?:■.*)?\[(?:별지(?:\s*제(\d+)호)?\s*서식|Form(?:\s+(\d+))?)\]")


def _mode_for(heading: str, lang: str) -> str | None:
    table = _KO_MODES if lang == "ko" else _EN_MODES
    for key, mode in table.items():
        if heading.startswith(key):
            return mode
    return None


def read_lawtext(path: Path, lang: str) -> list[Block]:
    """A plain-text statute rendering: `## ` headings, `제N조(…)` / `Article N (…)` blocks, addenda,
    annexes (`[별표 N]` / `[Annex N]`), forms and reasons."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path.name}: not UTF-8 text") from exc
    col = _Collector()
    mode = "articles"
    art_re = KO_ARTICLE if lang == "ko" else EN_ARTICLE
    for line in raw.splitlines():
        s = line.strip()
        if not s:
            continue
        if s.startswith("# ") or (mode == "articles" and not col.blocks and s.startswith("[")):
            continue  # document title and editorial notes before the first article
        if s.startswith("## "):
            heading = s[3:].strip()
            new_mode = _mode_for(heading, lang)
            col.close()
            if new_mode:
                mode = new_mode
                col.chapter, col.section = heading, ""
                if mode == "reasons":
                    col.start("reasons", "")
            else:
                mode = "articles"
                col.set_heading(heading)
            continue
        if mode == "skip":
            continue
        if mode == "articles":
            if art_re.match(s):
                col.start("article", s)
            elif col.current is not None:
                col.add(s)
            continue
        if mode == "addenda":
            if ADDENDUM_HEADER.match(s):
                header, _, rest = s.partition(">")
                blk = col.start("addendum", header + ">" if _ else s, addendum_number(s))
                if rest.strip():
                    blk.lines.append(rest.strip())
            else:
                col.add(s)
            continue
        if mode == "annexes":
            m = _ANNEX.search(s)
            if m:
                col.start("annex", "", m.group(1) or m.group(2))
            else:
                col.add(s)
            continue
        if mode == "forms":
            m = _FORM.match(s)
            if m:
                blk = col.start("form", "", m.group(1) or m.group(2) or "")
                rest = s[m.end():].strip()
                if rest:
                    blk.lines.append(rest)
            else:
                col.add(s)
            continue
        if mode == "reasons":
            col.add(s)
    if not any(b.kind == "article" for b in col.blocks):
        raise ParseError(f"{path.name}: no articles found (is it a statute rendering?)")
    return col.blocks
