"""Provisions by citation: the text of "Art. 31(1)" or "시행령 제29조" in force on a date, in ko and/or en; a guideline's
page ("고영향 인공지능 판단 가이드라인 14쪽")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.citations import Citation, parse_citation
from corpus.labels import guide_section, label
from corpus.model import Unit
from ingest.store import IndexStore


class UnknownProvisionError(LookupError):
    """The citation names no provision of the corpus (or could not be read)."""


@dataclass
class Lookup:
    citation: Citation
    units: list[Unit]  # in force on the date asked, Korean first
    other_versions: list[Unit] = field(default_factory=list)  # the same provision on other dates


# A guideline's printed page as an answer labels it ("…Guideline (Apr. 2026), p. 14", "…가이드라인(2026년 4월) 14쪽") or
# as the question files give it ("guideline/high-impact p. 14", "guideline/high-impact:p14").
_PAGE = re.compile(r"(?:\bp(?:age|p)?\.?\s*(\d{1,3})\b|(\d{1,3})\s*(?:쪽|면|페이지)|:p(\d{1,3})$)", re.I)


# A section title as an answer labels a passage of a guideline without page numbers ("…Guideline (Jan. 2026), “3 평가
# 대상”", "…가이드라인(2026년 1월) 「3 평가 대상」").
_TITLE = re.compile(r"[“\"「『]([^”\"」』]+)[”\"」』]")


def named_guideline(store: IndexStore, text: str) -> str | None:
    """The guideline `text` names (its id, short name or the words that mention it), if any."""
    low = text.lower()
    for doc in store.docs.values():
        if doc.kind == "guideline" and (doc.id in low or doc.short_en.lower() in low or doc.short_ko in text
                                        or any(re.search(p, text, re.I) for p in doc.mentioned_by)):
            return doc.id
    return None


def guideline_page(store: IndexStore, text: str) -> tuple[str, int] | None:
    """(guideline id, page) where `text` names a guideline and a page of it; None otherwise."""
    m = _PAGE.search(text)
    doc = named_guideline(store, text) if m is not None else None
    return None if m is None or doc is None else (doc, int(next(g for g in m.groups() if g)))


def _titled(store: IndexStore, doc: str, title: str) -> list[Unit]:
    """The passages of `doc` labelled by their section title (having no page), that title being `title`, spaces
    aside."""
    want = re.sub(r"\s+", "", title)
    out = [u for u in store.units.values()
           if u.doc == doc and not u.page and re.sub(r"\s+", "", guide_section(u)) == want]
    return sorted(out, key=lambda u: (u.lang != "ko", _passage_no(u)))


def _unpaged(store: IndexStore, doc: str) -> str:
    """How to cite a guideline whose text has no page numbers, for an error naming a page of it."""
    first = min((u for u in store.units.values() if u.doc == doc), key=_passage_no, default=None)
    title = guide_section(first) if first else ""
    example = f'"{doc} “{title}”" or "{first.cid}"' if first and title else f'"{doc}:passage-1"'
    return f"the {store.docs[doc].short_en} has no page numbers; its passages are cited by section (try {example})"


def page_units(store: IndexStore, doc: str, page: int) -> list[Unit]:
    """The passages of a guideline printed on `page`: those starting on it, else the one running onto it."""
    paged = [u for u in store.units.values() if u.doc == doc and u.page]
    on = [u for u in paged if u.page == page]
    if on:
        return sorted(on, key=lambda u: (u.lang != "ko", _passage_no(u)))
    before = [u for u in paged if u.page < page]
    last = max((u.page for u in before), default=None)
    if last is None or page > max(u.page for u in paged):
        return []
    return [max((u for u in before if u.page == last), key=_passage_no)]


def _passage_no(u: Unit) -> int:
    return int(u.article[8:]) if u.article and u.article.startswith("passage-") and u.article[8:].isdigit() else 0


def lookup(store: IndexStore, text: str, lang: str | None = None, as_of: str | None = None) -> Lookup:
    """Resolve a citation; raise UnknownProvisionError when it names nothing in the corpus."""
    page = guideline_page(store, text)
    if page is not None:
        doc, n = page
        units = [u for u in page_units(store, doc, n) if lang is None or u.lang == lang]
        if not units:
            paged = any(u.doc == doc and u.page for u in store.units.values())
            raise UnknownProvisionError(f"no page {n} in the {store.docs[doc].short_en}" if paged
                                        else _unpaged(store, doc))
        return Lookup(Citation(doc, f"p{n}", text=text), units)
    title = _TITLE.search(text)
    doc = named_guideline(store, text) if title else None
    if title and doc:
        units = [u for u in _titled(store, doc, title.group(1)) if lang is None or u.lang == lang]
        if not units:
            raise UnknownProvisionError(f"no section titled {title.group(1)!r} in the {store.docs[doc].short_en}")
        return Lookup(Citation(doc, units[0].article, text=text), units)
    cite = parse_citation(text)
    if cite is None:
        raise UnknownProvisionError(f"cannot read {text!r} as a citation (try \"Art. 31(1)\", \"제36조\", "
                                    "\"Decree Art. 29\", \"Annex 2\", \"guideline/high-impact p. 14\")")
    every = [u for u in store.find(cite.cid) if lang is None or u.lang == lang]
    if not every:
        doc = store.docs.get(cite.doc)
        name = doc.short_en if doc else cite.doc
        raise UnknownProvisionError(f"no provision {cite.text!r} ({cite.cid}) in the {name}")
    day = as_of
    inforce = [u for u in every if u.in_force(day)] if day else _latest(every)
    return Lookup(cite, sorted(inforce, key=lambda u: u.lang != "ko"), [u for u in every if u not in inforce])


def _latest(units: list[Unit]) -> list[Unit]:
    """Without a date: the current wording in each language (the one with no end date, else the newest)."""
    out: list[Unit] = []
    for lang in ("ko", "en"):
        mine = [u for u in units if u.lang == lang]
        if mine:
            out.append(max(mine, key=lambda u: (u.effective_to == "", u.effective_from)))
    return out


def describe(store: IndexStore, u: Unit) -> str:
    """A header line for a unit: labels, version and dates in force."""
    doc = store.docs[u.doc]
    dates = f"in force {u.effective_from or '?'} → {u.effective_to or 'now'}" if (u.effective_from or u.effective_to) else ""
    sf = next((f for f in doc.files if f.file == u.source_file), None)
    status = "official text" if sf and sf.official else (sf.version_note if sf and sf.version_note else doc.authority)
    bits = [label(u, doc, "en") + " / " + label(u, doc, "ko"), u.version, dates, f"[{u.lang}: {status}]"]
    return " · ".join(b for b in bits if b)
