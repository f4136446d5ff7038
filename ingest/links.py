"""Cross-references in Korean statute text, as canonical provision ids.

"법 제31조제1항에 따라" in the decree → act:31:1; "영 제15조제4항제1호" in a notice → decree:15:4:1;
"제29조에 따른" inside the decree → decree:29; references to other statutes (「에너지법」 제2조) are skipped.
"""
from __future__ import annotations

import re

from corpus.model import make_cid

_REF = re.compile(r"제(\d+)조(?:의(\d+))?(?:\s*제(\d+)항)?(?:\s*제(\d+)호(?:의(\d+))?)?(?:\s*([가-하])목)?")
_HANGUL_ITEMS = "가나다라마바사아자차카타파하"
_LATIN = "abcdefghijklmn"
_ACT_TITLE = re.compile(r"인공지능\s*발전과\s*신뢰\s*기반\s*조성\s*등에\s*관한\s*기본법」\s*"
                        r"(?:\(이하\s*[\"“]법[\"”]이라\s*한다\)\s*)?$")
DELEGATION = re.compile(r"대통령령으로\s*정하|대통령령으로\s*정한다")


def _target_doc(before: str, doc: str) -> str | None:
    """Which document a reference points to, from the words just before it (None: another statute)."""
    if _ACT_TITLE.search(before[-80:]):
        return "act"  # the Act named by its title, as the Decree's first articles do before abbreviating it
    tail = before[-14:]
    if re.search(r"(시행령|[^가-힣]영|^영)\s*$", tail):
        return "decree"
    if re.search(r"(같은\s*법|」)\s*$", tail):
        return None
    if re.search(r"(^|[^가-힣])법\s*$", tail):
        return "act"
    if "」" in tail and not re.search(r"[.。]\s", tail.split("」")[-1]):
        return None
    return doc


_VIOLATES = re.compile(r"\s*(?:을|를)?\s*위반")


def find_refs(text: str, doc: str, violations: bool = True) -> list[str]:
    """Canonical ids referenced by `text`, a Korean unit of document `doc`, in order of appearance; without the
    provisions it names as violated ("법 제31조제1항을 위반하여" in the fine schedule) when `violations` is False."""
    out: list[str] = []
    for m in _REF.finditer(text):
        target = _target_doc(text[: m.start()], doc)
        if target is None or target not in ("act", "decree", "notice-2026-50", doc):
            continue
        art = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        item = (m.group(4) + (f"-{m.group(5)}" if m.group(5) else "")) if m.group(4) else None
        sub = _LATIN[_HANGUL_ITEMS.index(m.group(6))] if m.group(6) else None
        cids = [make_cid(target, art, m.group(3), item, sub)]
        end = m.end()
        # "제6조제2항제7호ㆍ제8호" names item 8 too; "제16조제3항부터 제5항까지" names paragraphs 3 to 5.
        last = "item" if item and not sub else "paragraph" if m.group(3) and not item else None
        if last:
            unit = "호" if last == "item" else "항"
            start = int((item if last == "item" else m.group(3)).split("-")[0])
            nums: list[int] = []
            span = re.match(rf"부터\s*제(\d+){unit}까지", text[end:])
            if span:
                nums, end = list(range(start + 1, int(span.group(1)) + 1)), end + span.end()
            while sib := re.match(rf"\s*(?:[ㆍ,·]|및|또는)\s*제(\d+){unit}(?!의)", text[end:]):
                nums.append(int(sib.group(1)))
                end += sib.end()
            cids += [make_cid(target, art, m.group(3), str(n)) if last == "item" else make_cid(target, art, str(n))
                     for n in nums]
        if not violations and _VIOLATES.match(text, end):
            continue
        out += [c for c in cids if c not in out]
    return out


def delegates(text: str) -> bool:
    """Whether the text leaves a matter to Presidential Decree."""
    return bool(DELEGATION.search(text))
