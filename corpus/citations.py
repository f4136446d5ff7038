"""Citations as people write them, turned into canonical provision ids.

"Art. 31(1)", "Article 31(1)", "제31조제1항" → act:31:1; "Decree Art. 29(1) item 2", "Art. 29(1)2 of the
Enforcement Decree", "시행령 제29조제1항제2호" → decree:29:1:2; "Annex 2" / "별표 2" → decree:annex-2;
"Notice Art. 3" / "고시 제3조" → notice-2026-50:3; a canonical id is accepted as it is.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable

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
# "Art. 31 para. 1", "Article 31, paragraph (1)": the paragraph written out rather than in brackets.
_EN_PARA = re.compile(
    r"\b(?:Art(?:icle)?s?\.?\s*)(?P<a>\d{1,3})(?:-(?P<ab>\d{1,2}))?,?\s*(?:para(?:graph)?\.?|¶)\s*\(?(?P<p>\d{1,2})\)?"
    r"(?:,?\s*(?:item|subparagraph|subpara\.?|sub-para\.?)\s*(?P<i>\d{1,2})(?:-(?P<ib>\d{1,2}))?)?"
    r"(?:\s*\(?(?P<s>[a-n])\)(?![a-z]))?",
    re.I,
)
_KO = re.compile(r"제\s*(?P<a>\d{1,3})\s*조(?:\s*의\s*(?P<ab>\d{1,2}))?(?:\s*제\s*(?P<p>\d{1,2})\s*항)?"
                 r"(?:\s*제\s*(?P<i>\d{1,2})\s*호(?:\s*의\s*(?P<ib>\d{1,2}))?)?(?:\s*(?P<s>[가나다라마바사아자차카타파하])\s*목)?")
_ANNEX = re.compile(r"(?:\bAnnex|별표)\s*(?P<n>\d{1,2})(?:\s*(?:item\s*|제\s*)(?P<ap>\d{1,2})(?:\s*호)?)?", re.I)
# "Addenda (No. 36053) Art. 4", "부칙 <제36053호> 제4조", "Addenda (No. 21311)": an addendum and its Article.
_ADDENDA_REF = re.compile(r"(?:\bAddend(?:a|um)\s*\(\s*No\.\s*(?P<n>\d{4,5}|\d{4}-\d{1,3})\s*\)(?:\s*Art(?:icle)?\.?\s*(?P<k>\d{1,2}))?"
                          r"|부칙\s*(?:\([^)\n]{1,30}\)\s*)?<\s*제\s*(?P<kn>\d{4,5}|\d{4}-\d{1,3})\s*호[^>\n]{0,20}>"
                          r"(?:\s*제\s*(?P<kk>\d{1,2})\s*조)?)", re.I)
# "제개정이유" / "Reasons for enactment/amendment", "별지 제1호서식": parts of an instrument that are not Articles.
_PARTS = re.compile(r"(?P<reasons>Reasons\s+for\s+enactment/amendment|제개정이유)|별지\s*(?:제\s*(?P<form>\d{1,2})\s*호\s*)?서식",
                    re.I)
# The formal English order: "subparagraph 4 of Article 2", "item 2 of paragraph (1) of Article 29", "paragraph (1) of Article 31".
_EN_INVERSE = re.compile(
    r"\b(?:(?:item|subparagraph|subpara\.?)\s*(?P<i>\d{1,2})(?:-(?P<ib>\d{1,2}))?(?P<s>[a-n])?\s+of\s+)?"
    r"(?:paragraph\s*\(?(?P<p>\d{1,2})\)?\s+of\s+)?Article\s*(?P<a>\d{1,3})(?:-(?P<ab>\d{1,2}))?(?![\d(-])", re.I)
_ADDENDA = re.compile(r"\bAddend(?:a|um)\b|부칙", re.I)
_CID = re.compile(r"^(act|decree|notice-2026-50|commentary/[\w-]+|guideline/[\w-]+|user/[\w.-]+):[\w:-]+$")
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
    for m in _absolute_matches(text):
        doc = _doc_for(text[: m.start()], text[m.end():], default_doc)
        found.append((m.start(), _citation(m, doc)))
    return [c for _, c in sorted(found, key=lambda x: x[0])]


def _absolute_matches(text: str) -> list[re.Match[str]]:
    """Matches of the absolute citation patterns, longest reading first, in order of appearance."""
    out: list[re.Match[str]] = []
    starts: list[int] = []  # of `out`, kept sorted: a long document has thousands of matches
    for pattern in (_ADDENDA_REF, _PARTS, _KO, _EN_INVERSE, _EN_PARA, _EN, _ANNEX):
        for m in pattern.finditer(text):
            if pattern is _EN_INVERSE and not (m.group("i") or m.group("p")):
                continue  # a plain "Article 31" is _EN's
            i = bisect.bisect_right(starts, m.start())
            before, after = out[i - 1] if i else None, out[i] if i < len(out) else None
            if (before is None or before.end() <= m.start()) and (after is None or m.end() <= after.start()):
                starts.insert(i, m.start())
                out.insert(i, m)
    return out


def _citation(m: re.Match[str], doc: str) -> Citation:
    """The citation a match of one of the absolute patterns names, in document `doc`."""
    g = m.groupdict()
    if "reasons" in g:
        return Citation(doc, "reasons" if g.get("reasons") else f"form-{int(g['form'])}" if g.get("form") else "form",
                        text=m.group(0))
    if "kn" in g:
        number = g.get("n") or g.get("kn")
        art = g.get("k") or g.get("kk")
        return Citation(doc, f"addenda-{number}", art and str(int(art)), text=m.group(0))
    if "n" in g:
        return Citation("decree" if doc in ("act", "decree") else doc, f"annex-{int(g['n'])}",
                        g.get("ap") and str(int(g["ap"])), text=m.group(0))
    art = str(int(g["a"])) + (f"-{int(g['ab'])}" if g.get("ab") else "")
    item = (str(int(g["i"])) + (f"-{int(g['ib'])}" if g.get("ib") else "")) if g.get("i") else None
    sub = g.get("s")
    if sub and sub in _HANGUL:
        sub = _LATIN[_HANGUL.index(sub)]
    elif sub:
        sub = sub.lower() if sub.lower() in _LATIN else None
    return Citation(doc, art, g.get("p") and str(int(g["p"])), item, sub, m.group(0))


def fitted(citations: list[Citation], exists: Callable[[str], bool]) -> list[Citation]:
    """The citations read against the provisions that `exists`: in an Article without paragraphs, a bracketed number
    is its item ("Art. 2(4)(i)" is Art. 2 item 4 (i), the Act's definitions having no paragraphs)."""
    out = []
    for c in citations:
        if c.paragraph and not c.item and not exists(c.cid):
            item = replace(c, paragraph=None, item=c.paragraph)
            c = item if exists(item.cid) else c
        out.append(c)
    return out


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


# ----------------------------------------------------------------------------- references in a document

OTHER_STATUTE = "other"  # the doc of a reference to another statute (the PIPA, the GDPR, the EU AI Act, …)

# Korean: the name a reference follows ("개인정보 보호법 제15조", "「인공지능기본법」 제36조", "같은 법 시행령 제23조").
_KO_NAMED = re.compile(r"「(?P<q>[^」]{1,80})」\s*(?P<sub>시행령|시행규칙)?\s*$")
_KO_WORD = re.compile(r"(?P<prev>[가-힣A-Za-z]+\s+)?(?P<w>[가-힣A-Za-z·ㆍ]*법)\s*(?P<sub>시행령|시행규칙)?\s*$")
_KO_SAME_DECREE = re.compile(r"(?:같은|동)\s*(?:시행령|영)\s*$|동\s*시행령\s*$")
# English: "PIPA Art. 15", "the EU AI Act Article 50", "Article 15 of the Personal Information Protection Act".
_EN_NAME = (r"(?:[A-Z][\w'’-]*\s+|(?:on|of|the|and|for|in|former)\s+){0,14}?"
            r"(?:Act|Code|Law|Regulations?|Directive|Decree|Rules)")
_EN_NAMED_BEFORE = re.compile(rf"\b(?P<name>{_EN_NAME}|GDPR|PIPA|CCPA|UK GDPR)(?:['’]s)?\s*,?\s*$")
_EN_NAMED_AFTER = re.compile(rf"^(?:\s*(?:,|or|and|to|through|items?|subparagraphs?)\s*\d{{0,3}}(?:\(\d{{1,2}}\))?)*"
                             rf"\s*(?:of|in|under)\s+(?:the\s+)?(?P<name>(?:same\s+|this\s+|that\s+)?{_EN_NAME}"
                             rf"(?:\s+of\s+the\s+{_EN_NAME})?|GDPR|PIPA|CCPA)")
_OURS_EN = re.compile(r"^(?:(?:the|this|that|same)\s+)*(?:Act|Decree|Enforcement\s+Decree)$|"
                      r"(?:Basic|Framework)\s+Act.*(?:AI|Artificial\s+Intelligence)|(?:AI|Artificial\s+Intelligence)\s+"
                      r"(?:Basic|Framework)\s+Act|Enforcement\s+Decree(?:\s+of\s+the\s+(?:AI\s+Basic\s+|Framework\s+)?Act)?$",
                      re.I)

# Relative references, resolved from the reference before them.
_KO_SAME_ARTICLE = re.compile(r"(?:같은|동)\s*조\s*(?:제\s*(?P<p>\d{1,2})\s*항)?(?:\s*제\s*(?P<i>\d{1,2})\s*호)?"
                              r"(?:\s*(?P<s>[가나다라마바사아자차카타파하])\s*목)?")
_KO_SAME_PARA = re.compile(r"(?:같은|동)\s*항\s*(?:제\s*(?P<i>\d{1,2})\s*호)?(?:\s*(?P<s>[가나다라마바사아자차카타파하])\s*목)?")
_KO_BARE_PARA = re.compile(r"(?<![\d조])제\s*(?P<p>\d{1,2})\s*항(?:\s*제\s*(?P<i>\d{1,2})\s*호)?(?:\s*(?P<s>[가나다라마바사아자차카타파하])\s*목)?")
_KO_BARE_ITEM = re.compile(r"(?<![\d조항])제\s*(?P<i>\d{1,2})\s*호(?:\s*(?P<s>[가나다라마바사아자차카타파하])\s*목)?")
_EN_OF_SAME_ARTICLE = re.compile(
    r"\b(?:para(?:graph)?\.?\s*\(?(?P<p>\d{1,2})\)?|(?:item|subparagraph|subpara\.?)\s*(?P<i>\d{1,2}))"
    r"(?:\s*(?:item|subparagraph|subpara\.?)\s*(?P<i2>\d{1,2}))?\s+of\s+(?:the\s+same|that|this)\s+"
    r"(?P<level>Article|paragraph)\b", re.I)
_EN_SAME_ARTICLE = re.compile(r"\b(?:the\s+same|that)\s+Article\b(?!\s*\d)", re.I)
# "Art. 31(1) and (2)", "Articles 31 and 32": the second one written without its "Art.".
_EN_MORE_PARA = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&|through|to)\s+|\s*[-–]\s*)\((?P<p>\d{1,2})\)")
_EN_MORE_ITEM = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&|through|to)\s+)(?:(?:item|subparagraph|subpara\.?)\s*)?(?P<i>\d{1,2})(?![\d(]|[.,]\d|\s*(?:%|per|days?|months?|years?|"
                           r"million|billion|won|KRW|people|users|times))")
_EN_MORE_ARTICLE = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&|to|through)\s+|\s*[-–]\s*)(?P<a>\d{1,3})(?:\((?P<p>\d{1,2})\))?"
                              r"(?![\d.,]*\s*(?:%|per|days?|months?|years?|million|billion|won|KRW|people|users))")
_LIST_GAP = re.compile(r"\s*(?:,|ㆍ|·|및|또는|와|과|and|or|&)?\s*")
_TITLE = re.compile(r"^\s*\((?P<t>[^()\n]{3,80})\)")


# A statute named in the running text ("공직선거법", "「정보통신망법」", "the Copyright Act"): an Article cited shortly after
# with no document of its own may be that statute's (if this law has no such Article, it is taken to be). Words ending
# in 법 that name no statute are left out.
_KO_STATUTE = re.compile(r"「(?P<q>[^」]{1,60})」|(?<![가-힣])(?P<w>[가-힣]{2,20}법)(?=[\s,.)(」]|$|상|에|의|과|와|은|는|이|을|를|도)")
_NOT_STATUTES = {"방법", "불법", "위법", "합법", "적법", "입법", "사법", "기법", "해법", "편법", "용법", "어법", "수법", "문법",
                 "요법", "화법", "필법", "작법", "비법", "무법", "법", "이법", "같은법", "동법", "현행법", "관계법", "개별법",
                 "특별법", "일반법", "상위법", "하위법", "국내법", "해외법", "외국법", "시행법"}
_EN_STATUTE = re.compile(r"\b(?:[A-Z][\w'’-]*\s+(?:(?:on|of|the|and|for|in)\s+)*){1,10}(?:Act|Code|Law)\b")
CONTEXT_CHARS = 200  # how far back a statute named in the text still speaks for an Article cited with no document


def _statute_mentions(text: str) -> list[tuple[int, bool]]:
    """Where the text names a statute, and whether it is this one (the Act or its Decree)."""
    out = []
    for m in _KO_STATUTE.finditer(text):
        name = m.group("q") or m.group("w")
        if m.group("w") and name in _NOT_STATUTES:
            continue
        out.append((m.start(), _is_ours_ko(name) or name.endswith("기본법") and "인공지능" in text[max(0, m.start() - 12):m.end()]))
    for m in _EN_STATUTE.finditer(text):
        name = re.sub(r"\s+", " ", m.group(0))
        if re.fullmatch(r"(?:The|This|That|Same)\s+Act", name, re.I):
            continue
        out.append((m.start(), bool(_OURS_EN.search(name))))
    return sorted(out)


@dataclass(frozen=True)
class Reference:
    """A reference to a provision as written in a document: where it stands and what it resolves to."""

    start: int
    end: int
    text: str
    citation: Citation
    relative: bool = False
    title: str = ""  # the heading written with it: "Article 36 (Designation of Domestic Agents)"
    doc_named: bool = True  # whether words around it name its document (else the default was taken)
    other_nearby: bool = False  # no document named, and another statute named just before: perhaps that one's
    implicit: bool = False  # a bare "제2항" read as the Article before it (a guess, unlike "같은 조 제2항")


# A draft named right before a reference: "Draft Enforcement Decree (2025, never in force) Art. 24(2)", "the draft
# decree's Art. 25", "시행령안 제25조", "시행령안(초안) 제24조", "입법예고안 제28조".
_DRAFT_NAMED = re.compile(r"\bdraft\b(?:\s+[\w-]+){0,3}(?:\s*\([^()]{0,40}\))?(?:'s)?\s*(?:Art\.?|Article)?\s*$|"
                          r"(?:시행령안|초안|입법예고안)(?:\s*\([^()]{0,20}\))?\s*$", re.I)


def _is_ours_ko(name: str) -> bool:
    return "인공지능" in name and ("기본법" in name or "신뢰" in name) or name.replace(" ", "") in ("AI기본법",)


def _named_doc(before: str, after: str, previous: str | None) -> str | None:
    """The document a reference's own words name: act/decree, OTHER_STATUTE, or None when they name none."""
    b = before[-90:]
    if _DRAFT_NAMED.search(b):
        return OTHER_STATUTE  # a draft's article ("Draft Enforcement Decree (2025) Art. 24", "시행령안 제25조"): not law
    m = _KO_NAMED.search(b)
    if m:
        if not _is_ours_ko(m.group("q")) or m.group("sub") == "시행규칙":
            return OTHER_STATUTE
        return "decree" if m.group("sub") else "act"
    if _KO_SAME_DECREE.search(b):
        return OTHER_STATUTE if previous == OTHER_STATUTE else "decree"
    m = _KO_WORD.search(b)
    if m:
        word, prev = m.group("w"), (m.group("prev") or "").strip()
        if m.group("sub") == "시행규칙":
            return OTHER_STATUTE
        if word in ("법", "이법") and prev in ("같은", "") or word == "동법":
            if prev == "같은" or word == "동법":
                if previous == OTHER_STATUTE:
                    return OTHER_STATUTE
            return "decree" if m.group("sub") else "act"
        if word == "법" and prev == "이":
            return "decree" if m.group("sub") else "act"
        if word.endswith("기본법") and (_is_ours_ko(prev + word) or word in ("AI기본법", "인공지능기본법")):
            return "decree" if m.group("sub") else "act"
        return OTHER_STATUTE
    m = _EN_NAMED_AFTER.match(after)
    if m:
        name = re.sub(r"\s+", " ", m.group("name")).strip()
        if re.match(r"(?:same|that)\b", name, re.I) and previous == OTHER_STATUTE:
            return OTHER_STATUTE
        if _OURS_EN.search(name) or re.fullmatch(r"(?:same|this|that)\s+(?:Act|Decree)", name, re.I):
            return None  # ours: _doc_for tells the Act from the Decree
        return OTHER_STATUTE
    m = _EN_NAMED_BEFORE.search(b[-70:])
    if m:
        name = re.sub(r"\s+", " ", m.group("name")).strip()
        if not (_OURS_EN.search(name) or re.fullmatch(r"(?:the\s+)?(?:Act|Decree|Enforcement Decree)", name, re.I)):
            return OTHER_STATUTE
    return None


def _resolve_relative(kind: str, g: dict[str, str | None], prev: Citation) -> Citation | None:
    """A relative reference ("같은 조 제2항", "paragraph 2 of the same Article") made absolute from `prev`."""
    if prev.article is None or prev.article.startswith(("annex", "addenda")):
        return None
    sub = g.get("s")
    if sub and sub in _HANGUL:
        sub = _LATIN[_HANGUL.index(sub)]
    p = g.get("p") and str(int(g["p"]))
    i = (g.get("i") or g.get("i2")) and str(int(g.get("i") or g.get("i2")))
    if kind == "article":
        return Citation(prev.doc, prev.article, p, i, sub)
    if kind == "paragraph":
        if prev.paragraph is None and prev.item is None:
            return None
        return Citation(prev.doc, prev.article, prev.paragraph, i, sub)
    return None


def find_references(text: str, default_doc: str = "act", other_statutes: bool = False) -> list[Reference]:
    """Every reference to the Act, the Decree or the Notice in a document, relative ones resolved from context.

    References to other statutes are left out (kept, with doc OTHER_STATUTE, when `other_statutes`); so are
    relative references with nothing before them to resolve to.
    """
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    for m in _absolute_matches(text):
        spans.append((m.start(), m.end(), "absolute", m))
    taken = [(s, e) for s, e, _, _ in spans]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pattern, kind in ((_EN_OF_SAME_ARTICLE, "of-same"), (_KO_SAME_ARTICLE, "article"), (_KO_SAME_PARA, "paragraph"),
                          (_KO_BARE_PARA, "article"), (_KO_BARE_ITEM, "bare-item"), (_EN_SAME_ARTICLE, "article")):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), kind, m))
                taken.append((m.start(), m.end()))
    spans.sort(key=lambda x: x[0])
    mentions = _statute_mentions(text)

    out: list[Reference] = []
    prev: Citation | None = None
    for start, end, kind, m in spans:
        before, after = text[:start], text[end:]
        if kind == "absolute":
            named = _named_doc(before, after, prev.doc if prev else None)
            listed = prev is not None and out and _LIST_GAP.fullmatch(text[out[-1].end:start])
            if named is None and listed:
                named = prev.doc  # "「개인정보 보호법」 제29조, 제30조 및 제31조": a list shares its statute
            doc_named = named is not None or _doc_for(before, after, "") != ""
            other_nearby = False
            if not doc_named:
                # no document of its own, and another statute named just before (no reference to this law since)
                ours = [r for r in out if r.citation.doc != OTHER_STATUTE and not r.other_nearby]
                since = ours[-1].end if ours else 0
                near = [ours for pos, ours in mentions if max(since, start - CONTEXT_CHARS) <= pos < start]
                other_nearby = bool(near) and not near[-1]
            doc = named or _doc_for(before, after, default_doc)
            if named is None and re.match(r"\s*of\s+(?:the\s+)?same\s+(?:Act|Decree)", after, re.I) and prev:
                doc = prev.doc if prev.doc == OTHER_STATUTE else doc
            cite = _citation(m, doc)
            ref_end = end
            title = ""
            t = _TITLE.match(after)
            if t and cite.paragraph is None and cite.item is None and _looks_like_title(t.group("t")):
                title, ref_end = t.group("t").strip(), end + t.end()
            refs = [Reference(start, ref_end, text[start:ref_end], cite, title=title, doc_named=doc_named,
                              other_nearby=other_nearby)]
            # the same Article's other paragraphs, or further Articles, written without their "Art."
            rest, pos = after[t.end():] if title else after, ref_end
            while m.group(0)[:1] not in "제별부" and (more := _EN_MORE_PARA.match(rest) or (
                    _EN_MORE_ITEM.match(rest) if refs[-1].citation.item else None) or (
                    _EN_MORE_ARTICLE.match(rest) if re.match(r"Art(?:icle)?s|Arts\.", m.group(0), re.I) else None)):
                g = more.groupdict()
                key = "a" if g.get("a") else "i" if g.get("i") else "p"
                s0 = pos + more.start(key) - (1 if key == "p" else 0)
                e0 = pos + more.end()
                last = refs[-1].citation
                if key == "i":
                    nxt = Citation(doc, last.article, last.paragraph, str(int(g["i"])), text=text[s0:e0])
                else:
                    art = str(int(g["a"])) if key == "a" else cite.article
                    nxt = Citation(doc, art, g.get("p") and str(int(g["p"])), text=text[s0:e0])
                refs.append(Reference(s0, e0, text[s0:e0], nxt))
                rest, pos = rest[more.end():], pos + more.end()
            out.extend(refs)
            prev = refs[-1].citation
            continue
        if prev is None:
            continue
        g = m.groupdict()
        if kind == "of-same":
            level = m.group("level").lower()
            if level == "paragraph" and g.get("p"):
                continue  # "paragraph 2 of the same paragraph" is no reference
            resolved = _resolve_relative("article" if level == "article" else "paragraph", g, prev)
        elif kind == "bare-item":
            resolved = _resolve_relative("paragraph", g, prev) if prev.paragraph else \
                _resolve_relative("article", g, prev)
        else:
            resolved = _resolve_relative(kind, g, prev)
        if resolved is None:
            continue
        resolved = Citation(resolved.doc, resolved.article, resolved.paragraph, resolved.item, resolved.subitem,
                            m.group(0))
        out.append(Reference(start, end, m.group(0), resolved, relative=True,
                             implicit=pattern_is_bare(kind, m)))
        prev = resolved
    return out if other_statutes else [r for r in out if r.citation.doc != OTHER_STATUTE]


def pattern_is_bare(kind: str, m: re.Match[str]) -> bool:
    """Whether a relative reference names no anchor of its own ("제2항", not "같은 조 제2항" or "the same Article")."""
    return kind == "bare-item" or (kind == "article" and m.re is _KO_BARE_PARA)


def _looks_like_title(t: str) -> bool:
    """Whether words in brackets after an Article are its heading, not a remark ("(in force 2026)", "(이하 …)")."""
    t = t.strip()
    if re.search(r"\d", t) or re.search(r"이하|라\s*한다|참조|개정|신설|삭제|see\b|cf\b|i\.e|e\.g", t, re.I):
        return False
    if re.search(r"[가-힣]", t):
        return True
    return bool(re.match(r"[\"“']?[A-Z]", t)) and len(t.split()) <= 12
