"""Human citation labels for units: "AI Basic Act Art. 31(1)", "인공지능기본법 제31조제1항"."""
from __future__ import annotations

import re

from corpus.model import Document, Unit

_LATIN = "abcdefghijklmn"
_HANGUL = "가나다라마바사아자차카타파하"


def ko_article(a: str) -> str:
    """"17-2" → "제17조의2" (how Korean texts name an article)."""
    num, _, br = a.partition("-")
    return f"제{num}조" + (f"의{br}" if br else "")


def ko_date(iso: str) -> str:
    """"2026-07-21" → "2026년 7월 21일" (how Korean texts write a date); anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m[1])}년 {int(m[2])}월 {int(m[3])}일" if m else iso


def _ko_item(i: str) -> str:
    num, _, br = i.partition("-")
    return f"제{num}호" + (f"의{br}" if br else "")


def provision_en(u: Unit) -> str:
    """The provision part of an English label: "Art. 31(1)", "Art. 2 item 4(f)", "Annex 2 item 2"."""
    a = u.article or ""
    if a == "addenda":
        s = f"Addenda (No. {u.addendum})" if u.addendum else "Addenda"
        return s + (f" Art. {u.paragraph}" if u.paragraph else "")
    if a.startswith("annex-"):
        return f"Annex {a[6:]}" + (f" item {u.paragraph}" if u.paragraph else "")
    if a.startswith("form"):
        return "Form" + (f" {a[5:]}" if a[5:] else "")
    if a == "reasons":
        return "Reasons for enactment/amendment"
    if a.startswith("passage-"):
        return f"passage {a[8:]}" + (f", p. {u.page}" if u.page else "")
    s = f"Art. {a}"
    if u.paragraph:
        s += f"({u.paragraph})"
    if u.item:
        s += f" item {u.item}"
    if u.subitem:
        s += f"({u.subitem})"
    return s


def provision_ko(u: Unit) -> str:
    """The provision part of a Korean label: "제31조제1항", "제2조제4호바목", "별표 2"."""
    a = u.article or ""
    if a == "addenda":
        s = f"부칙 <제{u.addendum}호>" if u.addendum else "부칙"
        return s + (f" 제{u.paragraph}조" if u.paragraph else "")
    if a.startswith("annex-"):
        return f"별표 {a[6:]}" + (f" 제{u.paragraph}호" if u.paragraph else "")
    if a.startswith("form"):
        return f"별지 제{a[5:]}호서식" if a[5:] else "별지 서식"
    if a == "reasons":
        return "제개정이유"
    if a.startswith("passage-"):
        return f"{a[8:]}번째 단락" + (f", {u.page}쪽" if u.page else "")
    s = ko_article(a)
    if u.paragraph:
        s += f"제{u.paragraph}항"
    if u.item:
        s += _ko_item(u.item)
    if u.subitem:
        s += f"{_HANGUL[_LATIN.index(u.subitem)]}목"
    return s


def guide_section(u: Unit) -> str:
    """A guideline passage's section title as its label shows it ("" where it has none)."""
    # A label sits inside a sentence of the answer: no sentence-ending marks in it ("Q. …하나요?").
    title = re.sub(r"^(Q|FAQ)\s*[.:—-]?\s*|[.?!。]+(?=\s|$)", "", (u.title or "").strip()).strip()
    return title if len(title) <= 60 else title[:57] + "…"


def _guide_place(u: Unit, lang: str) -> str:
    """Where in a guideline: its printed page, else its section (a checklist item, an FAQ entry)."""
    if u.page:
        return f"{u.page}쪽" if lang == "ko" else f"p. {u.page}"
    short = guide_section(u)
    if short:
        return f"「{short}」" if lang == "ko" else f"“{short}”"
    return provision_ko(u) if lang == "ko" else provision_en(u)


def label(u: Unit, doc: Document, lang: str) -> str:
    """Full label in `lang`: document short name and provision (a guideline's page or section)."""
    if doc.kind == "guideline":
        return f"{doc.short_ko} {_guide_place(u, 'ko')}" if lang == "ko" else f"{doc.short_en}, {_guide_place(u, 'en')}"
    if lang == "ko":
        return f"{doc.short_ko} {provision_ko(u)}"
    return f"{doc.short_en} {provision_en(u)}"
