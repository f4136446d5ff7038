"""Turn parsed blocks of one source file into provision units with canonical ids, dates and links."""
from __future__ import annotations

import re

from corpus.model import Document, SourceFile, Unit, make_cid
from ingest.blocks import Block
from ingest.links import delegates, find_refs
from ingest.structure import (KO_ARTICLE, EN_ARTICLE, Node, normalize_line, parse_article, split_heading, tag_dates,
                              written_date)

_TOP_ITEM = re.compile(r"^(\d{1,2})\.\s")


def article_ko(article: str) -> str:
    """'17-2' → '17조의2', the form law.go.kr uses in its article links."""
    num, _, branch = article.partition("-")
    return f"{num}조" + (f"의{branch}" if branch else "")


def unit_url(doc: Document, article: str | None) -> str:
    if article and re.fullmatch(r"\d+(-\d+)?", article) and doc.article_url:
        return doc.article_url.format(article_ko=article_ko(article))
    return doc.url


class UnitBuilder:
    """Collects the units of one source file."""

    def __init__(self, doc: Document, sf: SourceFile) -> None:
        self.doc, self.sf = doc, sf
        self.units: list[Unit] = []

    def add(self, level: str, text: str, article: str | None, paragraph: str | None = None,
            item: str | None = None, subitem: str | None = None, *, cid_article: str | None = None,
            title: str = "", heading: str = "", own_tags_text: str = "", addendum: str | None = None,
            indexed: bool = True) -> Unit:
        cid = make_cid(self.doc.id, cid_article or article, paragraph, item, subitem)
        u = Unit(
            uid=f"{cid}@{self.sf.file}", cid=cid, doc=self.doc.id, lang=self.sf.lang, version=self.sf.version,
            level=level, text=text, article=article, paragraph=paragraph, item=item, subitem=subitem,
            addendum=addendum, title=title, heading=heading, url=unit_url(self.doc, article),
            source_file=self.sf.file, indexed=indexed,
        )
        u.effective_from, u.effective_to = self._dates(text + "\n" + own_tags_text)
        u.tags = sorted(set(re.findall(r"<[^<>]*\d{4}[^<>]*>|\[[^\[\]]*\d{4}[^\[\]]*\]", text)))
        if self.sf.lang == "ko":
            u.refs = [r for r in find_refs(text, self.doc.id) if r != cid]
            u.delegates = delegates(text)
        self.units.append(u)
        return u

    def _dates(self, text: str) -> tuple[str, str]:
        start = self.sf.effective_from
        for d in tag_dates(text):
            took_effect = self.sf.amendments.get(d)
            if took_effect and took_effect > start:
                start = took_effect
        return start, self.sf.effective_to

    # ------------------------------------------------------------------ blocks

    def article(self, blk: Block) -> None:
        node = parse_article(blk.lines, self.sf.lang)
        art = node.label
        own = "\n".join(node.lines + node.trailer)
        self.add("article", node.text(), art, title=node.title, heading=blk.heading)
        for child in node.children:
            self._descend(child, art, node.title, blk.heading, own, paragraph=None, item=None)

    def _descend(self, n: Node, art: str, title: str, heading: str, own: str, *, paragraph: str | None,
                 item: str | None) -> None:
        """Add `n` and its descendants; `own` is the text of its ancestors' own lines, whose amendment tags
        (a paragraph amended as a whole) date the wording of everything under them."""
        if n.level == "paragraph":
            paragraph, item, sub = n.label, None, None
        elif n.level == "item":
            item, sub = n.label, None
        else:
            sub = n.label
        self.add(n.level, n.text(), art, paragraph, item, sub, title=title, heading=heading, own_tags_text=own)
        inherited = own + "\n" + "\n".join(n.lines)
        for c in n.children:
            self._descend(c, art, title, heading, inherited, paragraph=paragraph, item=item)

    def addendum(self, blk: Block) -> None:
        number = blk.label
        lines = [normalize_line(x) for x in blk.lines if normalize_line(x)]
        art_re = KO_ARTICLE if self.sf.lang == "ko" else EN_ARTICLE
        key = f"addenda-{number}" if number else "addenda"
        # An amending instrument's addendum is part of the text from the day that instrument took effect.
        took_effect = self.sf.amendments.get(written_date(lines[0]) or "") if lines else None
        first = self.add("addendum", "\n".join(lines), "addenda", cid_article=key, heading=blk.heading,
                         addendum=number or None)
        if took_effect and took_effect > first.effective_from:
            first.effective_from = took_effect
        parts: list[list[str]] = []
        for line in lines[1:]:
            if art_re.match(line) and split_heading(line, self.sf.lang):
                parts.append([line])
            elif parts:
                parts[-1].append(line)
        for part in parts:
            label, _, title, _ = split_heading(part[0], self.sf.lang)  # type: ignore[misc]
            u = self.add("addendum-article", "\n".join(part), "addenda", label, cid_article=key, title=title,
                         heading=blk.heading, addendum=number or None)
            u.effective_from = max(u.effective_from, first.effective_from)

    def annex(self, blk: Block) -> None:
        art = f"annex-{blk.label}"
        lines = [normalize_line(x) for x in blk.lines if normalize_line(x)]
        title = next((x for x in lines if not x.startswith("[")), "")
        self.add("annex", "\n".join(lines), art, title=title, heading=blk.heading)
        parts: list[tuple[str, list[str]]] = []
        for line in lines:
            m = _TOP_ITEM.match(line)
            if m and int(m.group(1)) == len(parts) + 1:
                parts.append((m.group(1), [line]))
            elif parts:
                parts[-1][1].append(line)
        for num, part in parts:
            self.add("annex-part", "\n".join(part), art, num, title=title, heading=blk.heading)

    def simple(self, blk: Block, article: str, level: str) -> None:
        lines = [normalize_line(x) for x in blk.lines if normalize_line(x)]
        if lines:
            self.add(level, "\n".join(lines), article, title=lines[0][:120] if level == "form" else "",
                     heading=blk.heading)


def build_units(doc: Document, sf: SourceFile, blocks: list[Block]) -> list[Unit]:
    """All units of one parsed statute file, articles and their parts first."""
    b = UnitBuilder(doc, sf)
    for blk in blocks:
        if blk.kind == "article":
            b.article(blk)
        elif blk.kind == "addendum":
            b.addendum(blk)
        elif blk.kind == "annex":
            b.annex(blk)
        elif blk.kind == "form":
            b.simple(blk, f"form-{blk.label}" if blk.label else "form", "form")
        elif blk.kind == "reasons":
            b.simple(blk, "reasons", "reasons")
    _check_unique(b.units, sf.file)
    return b.units


def _check_unique(units: list[Unit], file: str) -> None:
    seen: set[str] = set()
    for u in units:
        if u.cid in seen:
            raise ValueError(f"{file}: duplicate provision id {u.cid}")
        seen.add(u.cid)

