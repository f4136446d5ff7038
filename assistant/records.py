"""Typed records passed between the stages of the answer chain, and the JSON of `kaia ask --json`."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from corpus.citations import Citation
from corpus.model import Unit

MAX_QUESTION_CHARS = 2000


@dataclass
class Query:
    """What the user asked and how (stage input)."""

    question: str
    as_of: str
    lang: str | None = None  # forced answer language; None: the question's
    docs: list[str] | None = None  # restrict retrieval to these documents
    id: str | None = None
    mode: str = "extractive"  # or "llm"


@dataclass
class Analysis:
    query: Query
    lang: str
    citations: list[Citation]
    terms: list[str]  # BM25 tokens, expanded with the glossary
    dense_text: str  # text embedded for dense search
    unknown_names: list[str] = field(default_factory=list)  # proper names the corpus never mentions
    other_fields: list[tuple[str, str, Any]] = field(default_factory=list)  # fields of law asked about (query.py)
    vector: Any = None


@dataclass
class Candidate:
    """One provision (canonical id) found by retrieval, with its units in force."""

    cid: str
    score: float
    units: list[Unit]  # in force on the as-of date, Korean first
    via: list[str] = field(default_factory=list)  # "citation", "dense", "lexical", "link:<rel>"
    dense: float = 0.0
    lexical: float = 0.0

    def unit(self, lang: str) -> Unit | None:
        return next((u for u in self.units if u.lang == lang), None)

    @property
    def doc(self) -> str:
        return self.units[0].doc


@dataclass
class Retrieval:
    analysis: Analysis
    candidates: list[Candidate]
    timings: dict[str, float] = field(default_factory=dict)
    # Official guidance on a provision among the best candidates: (the passage, the provision it interprets).
    guidance: list[tuple[Candidate, str]] = field(default_factory=list)


@dataclass
class CitationOut:
    n: int
    doc: str
    article: str | None
    paragraph: str | None
    item: str | None
    label: str
    quote: str
    quote_ko: str | None
    lang: str
    version: str
    url: str
    verified: bool
    uid: str = ""
    uid_ko: str | None = None
    label_ko: str = ""
    kind: str = ""
    subitem: str | None = None
    addendum: str | None = None
    effective_from: str = ""
    effective_to: str = ""
    page: int | None = None
    change_note: str = ""  # the wording changed in the last six months, or will change on a known date
    interprets: str = ""  # for guidance: the canonical id of the provision it is quoted beside


@dataclass
class SourceOut:
    doc: str
    article: str | None
    paragraph: str | None
    item: str | None
    score: float
    cid: str = ""
    label: str = ""
    addendum: str | None = None
    page: int | None = None  # a guideline's printed page


@dataclass
class DutyOut:
    """A duty's status for the asker (`duties` of `kaia ask --json`)."""

    id: str
    status: str  # "applies", "does-not-apply" or "depends"
    because: list[str]  # the reasons, in the answer's language
    citations: list[int]  # the answer's citations the reasons rest on


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[CitationOut]
    sources: list[SourceOut]
    as_of: str
    lang: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: str | None = None
    mode: str = "extractive"
    related: list[str] = field(default_factory=list)  # labels of the closest provisions when abstaining
    dropped: list[str] = field(default_factory=list)  # why citations were dropped by the verifier
    # Why the answer was declined ("off-topic", "advice", "foreign", "other-statute", "missing-document",
    # "no-record", "unknown-provision", "not-in-force", "weak-match", "unverified", ...); "" when answered.
    reason: str = ""
    # The conclusion the answer leads with, for a yes/no question the duty map decides: "yes", "no" or "depends";
    # None for other questions, or where the map has nothing to say.
    verdict: str | None = None
    duties: list[DutyOut] = field(default_factory=list)
    # For each law document cited: the version answered from, when the law.go.kr Open API was last checked (None:
    # never) and the newer versions that check listed which are not indexed yet (ingest.sync.answer_versions).
    versions: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON contract of `kaia ask --json` (extra keys only add to it)."""
        d = asdict(self)
        d["timings_ms"] = {k: round(v, 1) for k, v in self.timings_ms.items()}
        return {"id": d["id"], "question": d["question"], "answer": d["answer"], "abstained": d["abstained"],
                "citations": d["citations"], "sources": d["sources"], "as_of": d["as_of"],
                "timings_ms": d["timings_ms"], "lang": d["lang"], "mode": d["mode"], "related": d["related"],
                "reason": d["reason"], "verdict": d["verdict"], "duties": d["duties"], "versions": d["versions"]}
