"""Records that cross module boundaries: documents, their files, and provision units."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

KIND_LABELS_EN = {"act": "Act", "decree": "Decree", "notice": "Notice", "guideline": "MSIT guidance, not law",
                  "commentary": "Commentary", "draft": "Draft, never in force", "user": "User document"}
KIND_LABELS_KO = {"act": "법률", "decree": "시행령", "notice": "고시", "guideline": "과기정통부 가이드라인(법령 아님)",
                  "commentary": "해설", "draft": "초안(시행된 적 없음)", "user": "사용자 문서"}


@dataclass(frozen=True)
class SourceFile:
    """One file that renders a document in one language and version."""

    file: str
    format: str
    lang: str
    version: str
    sha256: str = ""
    origin: str = "sources"  # "sources" (KAIA_SOURCES), "project" (corpus/), or "user"
    version_note: str = ""
    effective_from: str = ""
    effective_to: str = ""
    official: bool = False
    historical: bool = False
    twin_of: str = ""
    source_url: str = ""
    amendments: dict[str, str] = field(default_factory=dict)
    # How a guideline's extracted text is laid out: pages ("after-blank" | "sequential" | ""), max_page_gap,
    # exclude_pages ([[first, last], …]: annexes reproducing law texts), start_line (after the contents).
    guide: dict[str, object] = field(default_factory=dict)
    # A copy downloaded from the law.go.kr Open API by `kaia sources update`, relative to <data_dir>/sources; when
    # set, the file is read from there instead of from `origin`'s folder.
    local: str = ""


# Document kinds that are law (binding text), as against guidance, commentary, drafts and user documents.
LAW_KINDS = ("act", "decree", "notice")
# Kinds searched with the law only when a question asks about them (Document.asked_by).
ASKED_ONLY_KINDS = ("guideline", "draft")


@dataclass(frozen=True)
class Document:
    """A document of the corpus (the Act, the Decree, a notice, a commentary, a user document)."""

    id: str
    kind: str
    rank: int
    title_ko: str
    title_en: str
    short_ko: str
    short_en: str
    authority: str = ""
    authority_ko: str = ""  # the same in Korean, for the Korean interface
    url: str = ""
    article_url: str = ""
    # Patterns of a question that asks about this document itself (a guideline, the draft): such documents are
    # searched with the law only then; otherwise guidance is shown beside the law and a draft not at all.
    asked_by: tuple[str, ...] = ()
    mentioned_by: tuple[str, ...] = ()  # a question naming it: searched too, ranked as secondary authority
    # For guidance: the provisions (canonical ids or their prefixes) it interprets; it is shown beside them.
    interprets: tuple[str, ...] = ()
    draft_of: str = ""  # for a draft: the document it became ("decree")
    files: tuple[SourceFile, ...] = ()


@dataclass
class Unit:
    """One addressable provision (or passage) in one language and version.

    `cid` is the canonical provision id shared by the Korean and English twins, e.g. "act:31:1",
    "decree:29:1:2", "act:2::4:f" (no paragraph), "decree:annex-2", "act:addenda:21311".
    """

    uid: str
    cid: str
    doc: str
    lang: str
    version: str
    level: str
    text: str
    article: str | None = None
    paragraph: str | None = None
    item: str | None = None
    subitem: str | None = None
    addendum: str | None = None
    title: str = ""
    heading: str = ""
    effective_from: str = ""
    effective_to: str = ""
    page: int | None = None
    url: str = ""
    source_file: str = ""
    tags: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    delegates: bool = False
    indexed: bool = True

    def in_force(self, on: date | str | None) -> bool:
        """Whether this unit's wording is the one in force on `on` (None: any date)."""
        if on is None:
            return True
        day = on if isinstance(on, str) else on.isoformat()
        if self.effective_from and day < self.effective_from:
            return False
        if self.effective_to and day > self.effective_to:
            return False
        return True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Unit":
        return cls(**d)


def make_cid(doc: str, article: str | None, paragraph: str | None = None, item: str | None = None,
              subitem: str | None = None) -> str:
    """Build a canonical id; empty inner segments are kept (act:2::4), trailing ones dropped."""
    parts = [doc, article or "", paragraph or "", item or "", subitem or ""]
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return ":".join(parts)


def split_cid(cid: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    """Inverse of make_cid: (doc, article, paragraph, item, subitem)."""
    parts = cid.split(":")
    parts += [""] * (5 - len(parts))
    doc, article, paragraph, item, subitem = parts[:5]
    return doc, article or None, paragraph or None, item or None, subitem or None
