"""Read MSIT guidelines (official, not binding) into passages that keep their printed page and section.

The texts are PDF extractions. A page starts at a line holding only its printed number (after a blank line, or
after the page's running head); Korean lines wrap inside words, and a wrapped line that ended at a word boundary
kept its trailing space. What the manifest says of each file (`guide` table): how its pages are marked, the pages
to leave out (annexes that reproduce law texts the corpus already holds), and the line its content starts at.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.model import Document, SourceFile, Unit, make_cid
from ingest.blocks import ParseError
from ingest.structure import classify

WRAP_CHARS = 30  # a line this long that ends without punctuation may have wrapped; shorter ones end by themselves
TARGET_CHARS = 900  # a passage: about a screen of guidance, split at line boundaries
MAX_CHARS = 1400
_PAGE = re.compile(r"^\s*(\d{1,3})\s*$")
# Numbered headings of the guidelines ("1.3.2 2단계 조건의 판단기준", "2-1-1 (참고) …", "제2장", "제1절 …",
# " 3. 평가 대상"), FAQ entries ("Q. …") and appendices ("부록2", "■ 첨부 1. …").
_HEADING = re.compile(r"^(\d{1,2}(?:[.-]\d{1,2}){1,3}\s+\S.{0,70}|제\d{1,2}[장절](?:\s.{0,60})?|\s?\d{1,2}\.\s\S.{0,40}|"
                      r"Q\.\s.{2,120}|부록\s?\d.{0,60}|■\s*첨부\s*\d.{0,60})$")
# A line that starts a new element (a bullet, a mark, a numbered point) is not the continuation of the one before.
_STARTS = re.compile(r"^\s*(Ÿ|l\s|-\s|·|∙|⚫|☞|※|►|▶|➊|➋|➌|➍|➽|⇒|\*|\(\d+\)|\d{1,2}[.)]\s|[가-하][.)]\s|[①-⑳]|"
                     r"\[|<|｜|Q\.)")


# A law reference the extraction put on a line of its own ("법 \n\n제35조\n제1항에 따라"): part of the sentence.
_LONE_REFERENCE = re.compile(r"^제\d+조(의\d+)?(제\d+항)?(제\d+호)?\)?$")
# Table-of-contents noise: "2장 | … 2.1 관련 법조항 14 2.2 …" (chapter marks and page numbers run together).
_TOC_NOISE = re.compile(r"\d장\s*\||(\d+\.\d+\s+\S+[^|]*\s\d{1,3}\s+){2,}")


@dataclass
class GuidePassage:
    text: str
    page: int | None
    section: str  # the heading the passage sits under ("" before the first)


def _pages(lines: list[str], style: str, max_gap: int) -> list[tuple[int | None, str]]:
    """(printed page, line) for each line; lines before the first page marker get page None."""
    out: list[tuple[int | None, str]] = []
    page: int | None = None
    prev = ""
    for line in lines:
        m = _PAGE.match(line)
        if m and style:
            n = int(m.group(1))
            after_blank = not prev.strip()
            if style == "after-blank" and after_blank and (page is None or page < n <= page + max_gap):
                page, prev = n, line
                continue
            if style == "sequential" and (page is None and n == 1 or page is not None and page < n <= page + max_gap):
                page, prev = n, line
                continue
        out.append((page, line))
        prev = line
    return out


def _is_heading(raw: str) -> bool:
    line = raw.rstrip()
    if not _HEADING.match(line):
        return False
    if re.match(r"^\s?\d{1,2}\.\s", line):  # " 3. 평가 대상", not a wrapped list item "1. 인공지능이 법 "
        return len(line.strip()) <= 25 and raw == line
    return True


def _reflow(lines: list[str]) -> list[str]:
    """Join wrapped lines: without a space where the line ended inside a word, with one where it ended at a
    space. Only a long line is a wrapped one; a bullet, a numbered point or a heading starts a new line, and
    nothing is joined to a heading or to a short line (a title, a table cell)."""
    out: list[str] = []
    spaced, joinable = True, False
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        heading = _is_heading(raw)
        reference = bool(_LONE_REFERENCE.match(text))
        if out and (joinable or reference) and not heading and not _STARTS.match(raw):
            out[-1] += (" " if spaced else "") + text
        else:
            out.append(text)
        spaced = raw != raw.rstrip()
        joinable = not heading and (len(text) >= WRAP_CHARS or reference)
    # "Q. …?" and "A. …" read as sentences of their own once quoted: the FAQ's marks become "Q:" and "A:".
    return [re.sub(r"^([QA])\.\s", r"\1: ", x) for x in out]


def _without_law_quotes(lines: list[str]) -> list[str]:
    """The guideline's own words: a quoted provision ("► 제2조(정의) …" and its items) is the law's, which the
    corpus holds as law; quoted here it would compete with the law itself."""
    out: list[str] = []
    quoting, body = False, False
    for line in lines:
        if line.startswith("►"):  # the quoted provision's heading; its first line after it is its text
            quoting, body = True, True
            continue
        if quoting and (body or classify(line, "ko")):  # a paragraph, item or sub-item of the quoted provision
            body = False
            continue
        quoting = False
        out.append(line)
    return out


def read_guideline_text(path: Path, style: str, max_gap: int = 1, exclude: list[list[int]] | None = None,
                        start_line: int = 1) -> list[GuidePassage]:
    """Passages of a guideline's extracted text, each within one page and one section."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path.name}: not UTF-8 text") from exc
    lines = raw.splitlines()[max(start_line, 1) - 1:]
    paged = _pages(lines, style, max_gap)
    if style and not any(p is not None for p, _ in paged):
        raise ParseError(f"{path.name}: no printed page numbers found (pages = {style!r} in the manifest)")
    skip = [(a, b) for a, b in (exclude or [])]
    passages: list[GuidePassage] = []
    section = ""
    group: list[str] = []
    group_page: int | None = None

    def flush() -> None:
        if group:
            for text in _chunks(_without_law_quotes(_reflow(group))):
                passages.append(GuidePassage(text, group_page, section))
        group.clear()

    for page, line in paged:
        if style and page is None:
            continue  # the cover and the table of contents before the first numbered page
        if page is not None and any(a <= page <= b for a, b in skip):
            continue
        heading = _is_heading(line)
        if page != group_page or heading:
            flush()
            group_page = page
        if heading:
            section = " ".join(line.split())
        group.append(line)
    flush()
    if not passages:
        raise ParseError(f"{path.name}: no text left after the exclusions")
    return passages


def _chunks(lines: list[str]) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    size = 0
    for line in lines:
        pieces = [line[i:i + MAX_CHARS] for i in range(0, len(line), MAX_CHARS)] or [line]
        for piece in pieces:
            if cur and size + len(piece) > TARGET_CHARS:
                out.append("\n".join(cur))
                cur, size = [], 0
            cur.append(piece)
            size += len(piece) + 1
    if cur:
        out.append("\n".join(cur))
    return [c for c in out if len(c.strip()) > 1]


def read_checklist(path: Path) -> list[GuidePassage]:
    """A guideline's checklist kept as JSON Lines, one item (항목번호, 대분류, 제목, 목표, 설명, 참고) a line."""
    out: list[GuidePassage] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ParseError(f"{path.name}: line {n} is not JSON ({exc})") from exc
        if not isinstance(item, dict):
            raise ParseError(f"{path.name}: line {n} is not a checklist item")
        clean = {k: " ".join(str(v).replace("\uf09f", " ").split()) for k, v in item.items()}
        if clean.get("항목번호") and clean.get("제목"):
            head = f"{clean['항목번호']} {clean['제목']}"
            parts = [head] + [f"{name}: {clean[key]}" for key, name in
                              (("대분류", "분류"), ("적용대상", "적용대상"), ("목표", "목표"), ("설명", "설명"))
                              if clean.get(key)]
        elif clean.get("답변"):
            question = clean.get("질문", "")
            if _TOC_NOISE.search(question):
                question = ""  # the extraction took the table of contents for the question
            head = "FAQ" + (f" — {question}" if question else "")
            parts = ([f"Q: {question}"] if question else []) + [f"A: {clean['답변']}"]
        else:
            raise ParseError(f"{path.name}: line {n} is neither a checklist item nor an FAQ entry")
        out.append(GuidePassage("\n".join(parts), None, head))
    if not out:
        raise ParseError(f"{path.name}: no checklist items")
    return out


def guideline_units(doc: Document, sf: SourceFile, path: Path) -> list[Unit]:
    """Units of a guideline: `article` is "passage-N", `page` the printed page, `title` the section."""
    guide = dict(sf.guide)
    if sf.format == "guideline-checklist":
        passages = read_checklist(path)
    else:
        passages = read_guideline_text(path, str(guide.get("pages", "")), int(guide.get("max_page_gap", 1)),
                                       list(guide.get("exclude_pages", [])), int(guide.get("start_line", 1)))
    units: list[Unit] = []
    for n, p in enumerate(passages, 1):
        art = f"passage-{n}"
        cid = make_cid(doc.id, art)
        units.append(Unit(
            uid=f"{cid}@{sf.file}", cid=cid, doc=doc.id, lang=sf.lang, version=sf.version, level="passage",
            text=p.text, article=art, title=p.section, heading=p.section, page=p.page, url=doc.url,
            source_file=sf.file, effective_from=sf.effective_from, effective_to=sf.effective_to))
    return units
