"""Read the law.go.kr Open API JSON (target=eflaw / law, Korean) into blocks: articles, addenda, annexes, forms
and reasons — the same blocks the XML and plain-text readers give.

The JSON mirrors the XML but with its own quirks: a single child arrives as an object instead of a one-element
list, texts arrive as strings or as lists of lists of lines, and annexes and forms are fixed-width text (80
columns, Korean wrapped mid-word, tables drawn with box characters). One mojibake of the API is known: a middle
dot "ㆍ" between two Hangul syllables comes back as "?".
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from ingest.blocks import Block, ParseError, _Collector, addendum_number
from ingest.structure import normalize_line

_BOX = re.compile(r"[─━│┃┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋]")
_BOX_ONLY = re.compile(r"^[\s─━│┃┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋?]*$")
_LOST_DOT = re.compile(r"(?<=[가-힣])\?(?=[가-힣])")
# A wrapped annex line continues the one before unless it starts a new element.
_STARTS_ELEMENT = re.compile(r"^(\d{1,2}\.|[가-하]\.|\d{1,2}\)|[가-하]\)|\(\d{1,2}\)|[①-⑳]|※|비고|■|\[|<|\|)")
_WRAP_COLUMNS = 70  # display columns beyond which a fixed-width line was wrapped (the API pads to 80)


def _as_list(x: Any) -> list[Any]:
    """A JSON child that may be missing, one object, or a list of them, as a list."""
    if x is None or x == "":
        return []
    return x if isinstance(x, list) else [x]


def _lines(x: Any) -> list[str]:
    """A text field (a string, or nested lists of strings) as its lines."""
    if x is None:
        return []
    if isinstance(x, str):
        return x.splitlines()
    out: list[str] = []
    for part in x:
        out.extend(_lines(part))
    return out


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def fixed_width_text(raw: list[str]) -> list[str]:
    """An annex or form printed at 80 columns as logical lines: tables as ' | '-separated cells, wrapped lines
    joined back (without a space: Korean wraps inside words), box-drawing lines dropped."""
    out: list[str] = []
    wrapped = False
    for line in raw:
        line = _LOST_DOT.sub("ㆍ", line.rstrip())
        if _BOX_ONLY.match(line):
            wrapped = False
            continue
        if "│" in line or "┃" in line:
            cells = [normalize_line(c) for c in re.split(r"[│┃]", _BOX.sub(lambda m: m.group(0) if m.group(0) in "│┃" else " ", line))]
            out.append(" | ".join(c for c in cells if c))
            wrapped = False
            continue
        text = normalize_line(line)
        if wrapped and out and not _STARTS_ELEMENT.match(text):
            out[-1] += text
        else:
            out.append(text)
        wrapped = _width(line) >= _WRAP_COLUMNS
    return out


def _article_lines(unit: dict[str, Any]) -> list[str]:
    lines = _lines(unit.get("조문내용"))
    for hang in _as_list(unit.get("항")):
        lines.extend(_lines(hang.get("항내용")))
        for ho in _as_list(hang.get("호")):
            lines.extend(_lines(ho.get("호내용")))
            for mok in _as_list(ho.get("목")):
                lines.extend(_lines(mok.get("목내용")))
    lines.extend(_lines(unit.get("조문참고자료")))
    return [_LOST_DOT.sub("ㆍ", x) for x in lines if x.strip()]


def _annex_label(unit: dict[str, Any]) -> str:
    num = int(unit.get("별표번호") or 0)
    branch = int(unit.get("별표가지번호") or 0)
    if not num:
        return ""
    return f"{num}-{branch}" if branch else str(num)


def read_lawgo_json_ko(path: Path) -> list[Block]:
    """law.go.kr Open API JSON of a Korean statute or decree (the `법령` object)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path.name}: not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path.name}: not valid JSON ({exc})") from exc
    law = data.get("법령") if isinstance(data, dict) else None
    if not isinstance(law, dict):
        raise ParseError(f"{path.name}: no 법령 object (is it a law.go.kr lawService response?)")
    units = _as_list((law.get("조문") or {}).get("조문단위"))
    if not units:
        raise ParseError(f"{path.name}: no 조문단위 (articles)")
    col = _Collector()
    try:
        for u in units:
            if u.get("조문여부") == "전문":
                col.set_heading(" ".join(_lines(u.get("조문내용"))))
                continue
            col.start("article", "").lines.extend(_article_lines(u))
        for ad in _as_list((law.get("부칙") or {}).get("부칙단위")):
            body = [x for x in _lines(ad.get("부칙내용")) if x.strip()]
            if body:
                col.chapter, col.section = "부칙", ""
                col.start("addendum", "", ad.get("부칙공포번호") or addendum_number(body[0])).lines.extend(body)
        for an in _as_list((law.get("별표") or {}).get("별표단위")):
            lines = fixed_width_text(_lines(an.get("별표내용")))
            if lines and lines[0].startswith("■"):
                lines = lines[1:]  # the running header naming the decree and the annex number
            kind = "form" if an.get("별표구분") == "서식" else "annex"
            col.chapter, col.section = ("별지 서식" if kind == "form" else "별표"), ""
            col.start(kind, "", _annex_label(an)).lines.extend(lines)
        reasons = [x for x in _lines((law.get("제개정이유") or {}).get("제개정이유내용")) if x.strip()]
        if reasons:
            col.chapter, col.section = "제개정이유", ""
            col.start("reasons", "").lines.extend(reasons)
    except (AttributeError, TypeError, ValueError) as exc:
        raise ParseError(f"{path.name}: unexpected structure in the law.go.kr JSON ({exc})") from exc
    return col.blocks


def lawgo_json_info(path: Path) -> dict[str, str]:
    """The basic facts of a law.go.kr JSON text: name, promulgation number and date, enforcement date."""
    law = json.loads(path.read_text(encoding="utf-8"))["법령"]
    info = law.get("기본정보") or {}
    return {"name": str(info.get("법령명_한글", "")), "number": str(info.get("공포번호", "")),
            "promulgated": str(info.get("공포일자", "")), "in_force": str(info.get("시행일자", "")),
            "kind": str(info.get("제개정구분", ""))}
