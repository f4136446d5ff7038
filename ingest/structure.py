"""Legal structure of statute text: split lines into articles, paragraphs, items and sub-items.

Korean and English renderings share one grammar with different markers:
paragraph ① / (1), item 1. / 4의2. / 4-2., sub-item 가. / a., sub-sub-item 1) (kept inside its parent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚"
HANGUL_ITEMS = "가나다라마바사아자차카타파하"
LATIN_ITEMS = "abcdefghijklmn"

_KO_PARA = re.compile(rf"^([{CIRCLED}])\s*")
_EN_PARA = re.compile(r"^\((\d{1,2})\)\s+")
_ITEM = re.compile(r"^(\d{1,3})(?:의(\d{1,2})|-(\d{1,2}))?\.\s+")
_KO_SUB = re.compile(rf"^([{HANGUL_ITEMS}])\.\s+")
_EN_SUB = re.compile(r"^([a-n])\.\s+")

KO_ARTICLE = re.compile(r"^제(\d+)조(?:의(\d+))?\s*(?=\()")
EN_ARTICLE = re.compile(r"^Article\s+(\d+)(?:-(\d+))?\s*(?=\()")

# Amendment tags as printed in the texts, e.g. <개정 2026.1.20>, [본조신설 2026.7.20], <Amended on Jan. 20, 2026>.
TAG = re.compile(r"(<(?:개정|신설|삭제|전문개정)[^<>]*>|\[(?:본조신설|제목개정|전문개정|본조삭제)[^\[\]]*\]"
                 r"|<(?:Amended|Added|Newly Inserted|Deleted|Wholly Amended)[^<>]*>|\[(?:This Article|Title)[^\[\]]*\])")
_KO_TAG_DATE = re.compile(r"(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})")
_EN_TAG_DATE = re.compile(r"([A-Z][a-z]{2})\.?\s+(\d{1,2}),\s+(\d{4})")
_ARTICLE_NOTE = re.compile(r"^\[(?:본조신설|제목개정|전문개정|본조삭제|This Article|Title)[^\]]*\]$")


@dataclass
class Node:
    """A structural element with its own lines and its children."""

    level: str  # article | paragraph | item | subitem
    label: str | None  # "31", "17-2" / "1" / "4-2" / "a"
    lines: list[str] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    title: str = ""
    trailer: list[str] = field(default_factory=list)  # article-level notes printed after the body

    def text(self) -> str:
        """The node's full text, its descendants included, one line per element."""
        out = list(self.lines)
        for c in self.children:
            out.append(c.text())
        out.extend(self.trailer)
        return "\n".join(x for x in out if x)


def normalize_line(line: str) -> str:
    """Collapse runs of whitespace so quotes match however the source was indented."""
    return re.sub(r"\s+", " ", line).strip()


def branch_label(num: str, branch: str | None) -> str:
    return f"{int(num)}-{int(branch)}" if branch else str(int(num))


def classify(line: str, lang: str) -> tuple[str, str] | None:
    """The structural marker a line starts with, as (level, label), or None for running text."""
    if lang == "ko":
        m = _KO_PARA.match(line)
        if m:
            return "paragraph", str(CIRCLED.index(m.group(1)) + 1)
    else:
        m = _EN_PARA.match(line)
        if m:
            return "paragraph", str(int(m.group(1)))
    m = _ITEM.match(line)
    if m:
        return "item", branch_label(m.group(1), m.group(2) or m.group(3))
    m = (_KO_SUB if lang == "ko" else _EN_SUB).match(line)
    if m:
        ch = m.group(1)
        return "subitem", LATIN_ITEMS[HANGUL_ITEMS.index(ch)] if lang == "ko" else ch
    return None


def split_heading(line: str, lang: str) -> tuple[str, str, str, str] | None:
    """Split an article's first line into (label, heading, title, rest); None if it is no article heading."""
    m = (KO_ARTICLE if lang == "ko" else EN_ARTICLE).match(line)
    if not m:
        return None
    label = branch_label(m.group(1), m.group(2))
    start = m.end()
    depth = 0
    for i in range(start, len(line)):
        if line[i] == "(":
            depth += 1
        elif line[i] == ")":
            depth -= 1
            if depth == 0:
                title = line[start + 1:i].strip()
                return label, line[: i + 1].strip(), title, line[i + 1:].strip()
    return None


def parse_article(lines: list[str], lang: str) -> Node:
    """Parse one article's lines (its heading first) into a Node tree."""
    lines = [normalize_line(x) for x in lines if normalize_line(x)]
    head = split_heading(lines[0], lang)
    if head is None:
        raise ValueError(f"not an article heading: {lines[0][:60]!r}")
    label, heading, title, rest = head
    art = Node("article", label, title=title)
    body = [x for x in lines[1:] if not _ARTICLE_NOTE.match(x)]
    art.trailer = [x for x in lines[1:] if _ARTICLE_NOTE.match(x)]
    if rest and classify(rest, lang) and classify(rest, lang)[0] == "paragraph":
        art.lines.append(heading)
        body = [rest] + body
    else:
        art.lines.append(f"{heading} {rest}".strip())
    attach(art, body, lang)
    return art


def attach(root: Node, lines: list[str], lang: str) -> None:
    """Attach lines under `root`, nesting paragraphs > items > sub-items by their markers."""
    order = {"paragraph": 1, "item": 2, "subitem": 3}
    stack: list[Node] = [root]
    for line in lines:
        kind = classify(line, lang)
        if kind is None:
            stack[-1].lines.append(line)
            continue
        level, label = kind
        # An item marker right under a root with no paragraphs is an item of the article itself.
        while len(stack) > 1 and order[stack[-1].level] >= order[level]:
            stack.pop()
        node = Node(level, label, [line])
        stack[-1].children.append(node)
        stack.append(node)


def tags_in(text: str) -> list[str]:
    return TAG.findall(text)


def tag_dates(text: str) -> list[str]:
    """Promulgation dates named in the amendment tags of `text`, as written ("2026.7.20" / "Jul. 20, 2026")."""
    out: list[str] = []
    for tag in tags_in(text):
        out.extend(_ko_date(m) for m in _KO_TAG_DATE.finditer(tag))
        for m in _EN_TAG_DATE.finditer(tag):
            out.append(f"{m.group(1)}. {int(m.group(2))}, {m.group(3)}")
    return out


def _ko_date(m: re.Match[str]) -> str:
    return f"{m.group(1)}.{int(m.group(2))}.{int(m.group(3))}"


def written_date(text: str) -> str | None:
    """The first date of `text` as amendment tags and addendum headers write it ("<제36506호,2026.7.20>" →
    "2026.7.20"), the form the manifest's `amendments` are keyed by."""
    m = _KO_TAG_DATE.search(text)
    return _ko_date(m) if m else None


def strip_tags(text: str) -> str:
    """The text without amendment tags, for comparing wordings across versions."""
    return normalize_line(TAG.sub(" ", text))
