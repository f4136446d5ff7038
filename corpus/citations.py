"""Citations as people write them, turned into canonical provision ids.

"Art. 31(1)", "Article 31(1)", "제31조제1항" → act:31:1; "Decree Art. 29(1) item 2", "Art. 29(1)2 of the
Enforcement Decree", "시행령 제29조제1항제2호" → decree:29:1:2; "Annex 2" / "별표 2" → decree:annex-2;
"Notice Art. 3" / "고시 제3조" → notice-2026-50:3; a canonical id is accepted as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import make_cid

NOTICE_ID = "notice-2026-50"
_HANGUL = "가나다라마바사아자차카타파하"
_LATIN = "abcdefghijklmn"

_EN = re.compile(
    r"\b(?:Art(?:icle)?s?\.?\s*)(?P<a>\d{1,3})(?:-(?P<ab>\d{1,2}))?"
    r"(?:\s*\((?P<p>\d{1,2})\))?"
    r"(?:(?:\s*(?:item|subparagraph|subpara\.?|sub-para\.?)\s*|(?<=\))\s*)(?P<i>\d{1,2})(?:-(?P<ib>\d{1,2}))?)?"
    r"(?:\s*\(?(?P<s>[a-n])\)(?![a-z]))?",
    re.I,
)
_KO = re.compile(r"제\s*(?P<a>\d{1,3})\s*조(?:\s*의\s*(?P<ab>\d{1,2}))?(?:\s*제\s*(?P<p>\d{1,2})\s*항)?"
                 r"(?:\s*제\s*(?P<i>\d{1,2})\s*호(?:\s*의\s*(?P<ib>\d{1,2}))?)?(?:\s*(?P<s>[가-하])\s*목)?")
_ANNEX = re.compile(r"(?:\bAnnex|별표)\s*(?P<n>\d{1,2})", re.I)
_ADDENDA = re.compile(r"\bAddend(?:a|um)\b|부칙", re.I)
_CID = re.compile(r"^(act|decree|notice-2026-50|commentary/[\w-]+|user/[\w.-]+):[\w:-]+$")
_DECREE_WORDS = re.compile(r"(enforcement\s+decree|decree|시행령|\b영\s*$)", re.I)
_NOTICE_WORDS = re.compile(r"(notice|고시)", re.I)
_ACT_WORDS = re.compile(r"(\bthe\s+act\b|\bact\b|기본법|(?:^|[^가-힣])법\s*$)", re.I)


@dataclass(frozen=True)
class Citation:
    doc: str
    article: str
    paragraph: str | None = None
    item: str | None = None
    subitem: str | None = None
    text: str = ""

    @property
    def cid(self) -> str:
        return make_cid(self.doc, self.article, self.paragraph, self.item, self.subitem)


def _doc_for(before: str, after: str, default: str) -> str:
    """Which document a citation names, from the words around it ("Decree Art. 29", "Art. 29 of the Decree")."""
    near_before = before[-30:]
    near_after = after[:40]
    m_after = re.match(r"\s*(?:of|in|under)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(enforcement\s+decree|decree|notice|act)\b",
                       near_after, re.I)
    if m_after:
        word = m_after.group(1).lower()
        return "decree" if "decree" in word else NOTICE_ID if word == "notice" else "act"
    # Only the last document word before the citation counts ("the Act's Decree Art. 29" → decree).
    best, pos = default, -1
    for doc, pattern in (("decree", _DECREE_WORDS), (NOTICE_ID, _NOTICE_WORDS), ("act", _ACT_WORDS)):
        for m in pattern.finditer(near_before):
            if m.start() > pos:
                best, pos = doc, m.start()
    return best


def find_citations(text: str, default_doc: str = "act") -> list[Citation]:
    """Every citation in `text`, in order of appearance."""
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    for pattern, ko in ((_KO, True), (_EN, False)):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            g = m.groupdict()
            art = str(int(g["a"])) + (f"-{int(g['ab'])}" if g.get("ab") else "")
            item = (str(int(g["i"])) + (f"-{int(g['ib'])}" if g.get("ib") else "")) if g.get("i") else None
            sub = g.get("s")
            if sub and ko:
                sub = _LATIN[_HANGUL.index(sub)]
            elif sub:
                sub = sub.lower()
            doc = _doc_for(text[: m.start()], text[m.end():], default_doc)
            found.append((m.start(), Citation(doc, art, g.get("p") and str(int(g["p"])), item, sub, m.group(0))))
    for m in _ANNEX.finditer(text):
        found.append((m.start(), Citation("decree", f"annex-{int(m.group('n'))}", text=m.group(0))))
    return [c for _, c in sorted(found, key=lambda x: x[0])]


def parse_citation(text: str) -> Citation | None:
    """One citation typed by a user (for `kaia show`); None if it cannot be read as one."""
    s = text.strip()
    if _CID.match(s):
        parts = s.split(":") + [""] * 5
        return Citation(parts[0], parts[1], parts[2] or None, parts[3] or None, parts[4] or None, s)
    cites = find_citations(s)
    if cites:
        return cites[0]
    if _ADDENDA.search(s):
        num = re.search(r"(\d{4,5})", s)
        doc = _doc_for(s, "", "act")
        return Citation(doc, f"addenda-{num.group(1)}" if num else "addenda", text=s)
    return None
