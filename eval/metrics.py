"""Deterministic evaluation metrics (no LLM judge): retrieval, citations, key facts, grounding, abstention, latency."""
from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.jsonl import JsonlError, jsonl_rows
from corpus.keyfacts import fact_found

VALID_LANGS = {"en", "ko"}
VALID_PERSONAS = {"sme", "lawyer", "compliance"}
VALID_CATEGORIES = {"act", "decree", "notice", "commentary", "version", "two-docs", "citation", "situation", "guidance", "history",
                    "out-of-scope"}
VALID_VERDICTS = {"yes", "no", "depends", None}
NO_VERDICT = "absent"  # a question file without the field: not scored for verdicts


class QuestionFileError(ValueError):
    """The question file does not follow the schema (the message names the line)."""


@dataclass
class Question:
    id: str
    question: str
    lang: str
    persona: str
    category: str
    answerable: bool
    gold: list[dict[str, str | None]]
    key_facts: list[str]
    as_of: str | None = None
    verdict: str | None = NO_VERDICT  # "yes", "no", "depends", None (not a yes/no question), or absent


def load_questions(path: Path) -> list[Question]:
    """Read and validate a question file (JSONL, schema in eval/QUESTIONS.md)."""
    out: list[Question] = []
    seen: set[str] = set()
    try:
        rows = jsonl_rows(path)
    except JsonlError as exc:
        raise QuestionFileError(str(exc)) from exc
    for n, d in rows:
        missing = {"id", "question", "lang", "persona", "category", "answerable", "gold", "key_facts"} - set(d)
        if missing:
            raise QuestionFileError(f"{path.name} line {n}: missing {sorted(missing)}")
        if d["id"] in seen:
            raise QuestionFileError(f"{path.name} line {n}: duplicate id {d['id']!r}")
        seen.add(d["id"])
        verdict = d.get("verdict", NO_VERDICT)
        if verdict not in VALID_VERDICTS and verdict != NO_VERDICT:
            raise QuestionFileError(f"{path.name} line {n}: verdict must be yes, no, depends or null, not {verdict!r}")
        out.append(Question(str(d["id"]), d["question"], d["lang"], d["persona"], d["category"], bool(d["answerable"]),
                            list(d["gold"]), list(d["key_facts"]), d.get("as_of"), verdict))
    if not out:
        raise QuestionFileError(f"{path}: no questions")
    return out


# ----------------------------------------------------------------------------------------------- matching


def _article(s: dict[str, Any]) -> str:
    """The article key; an addendum is "addenda-<number>" (the JSON gives article "addenda" and the number apart)."""
    a = s.get("article") or ""
    if a == "addenda" and s.get("addendum"):
        return f"addenda-{s['addendum']}"
    return a


def _art(s: dict[str, Any]) -> tuple[str, str]:
    return (s["doc"], _article(s))


def _para(s: dict[str, Any]) -> tuple[str, str, str]:
    return (s["doc"], _article(s), s.get("paragraph") or "")


def _same_article(src: dict[str, Any], g: dict[str, Any]) -> bool:
    if src["doc"] != g["doc"]:
        return False
    if g.get("page") is not None:  # guidance is cited by its printed page
        return src.get("page") == g["page"]
    a, b = _article(src), _article(g)
    return a == b or (b == "addenda" and a.startswith("addenda"))


def gold_match(src: dict[str, Any], gold: list[dict[str, Any]], level: str) -> bool:
    for g in gold:
        if not _same_article(src, g):
            continue
        if level == "article" or not g.get("paragraph"):
            return True
        if (src.get("paragraph") or "") == g["paragraph"]:
            return True
    return False


def ranked(sources: list[dict[str, Any]], level: str) -> list[dict[str, Any]]:
    """Sources deduplicated at article or paragraph level, best first."""
    out, seen = [], set()
    for s in sources:
        key = _art(s) if level == "article" else _para(s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def retrieval_scores(sources: list[dict[str, Any]], gold: list[dict[str, Any]], level: str) -> dict[str, float]:
    r = ranked(sources, level)
    hits = [gold_match(s, gold, level) for s in r]
    first = next((i for i, h in enumerate(hits) if h), None)
    gold_keys = {(_art(g) if level == "article" or not g.get("paragraph") else _para(g)) for g in gold}
    found = set()
    for s in r[:5]:
        for g in gold:
            if gold_match(s, [g], level):
                found.add(_art(g) if level == "article" or not g.get("paragraph") else _para(g))
    return {"hit1": 1.0 if hits and hits[0] else 0.0, "recall5": len(found) / len(gold_keys) if gold_keys else 0.0,
            "mrr": 1.0 / (first + 1) if first is not None else 0.0}


_NOTE = re.compile(r"^\(.*\)$")


def answer_sentences(answer: str) -> list[str]:
    from assistant.verify import split_sentences

    out = []
    for line in answer.splitlines():
        line = line.strip()
        if not line or _NOTE.match(line):
            continue
        line = re.sub(r"^[-*•]\s+", "", line)
        out.extend(split_sentences(line))
    return out


# ----------------------------------------------------------------------------------------------- scoring


@dataclass
class Scored:
    """Per-question outcome: everything the aggregate figures are computed from."""

    id: str
    lang: str
    persona: str
    category: str
    answerable: bool
    abstained: bool
    latency_ms: float
    art: dict[str, float] = field(default_factory=dict)
    para: dict[str, float] = field(default_factory=dict)
    cites_gold: float = 0.0
    facts_found: int = 0
    facts_total: int = 0
    citations: int = 0
    citations_ok: int = 0
    citations_defined: int = 0  # not gold or linked, but the definition of a term a gold provision uses
    sentences: int = 0
    sentences_grounded: int = 0
    verdict_gold: str | None = NO_VERDICT
    verdict: str | None = None


def _interprets_gold(c: dict[str, Any], gold: list[dict], linked: "callable[[str, str, list[dict]], bool]") -> bool:
    """Guidance quoted beside a provision is as precise as that provision (its `interprets`)."""
    target = c.get("interprets") or ""
    if not target:
        return False
    doc, _, rest = target.partition(":")
    article = rest.split(":")[0]
    return any(g.get("doc") == doc and str(g.get("article")) == article for g in gold) or linked(doc, article, gold)


def score(q: Question, ans: dict[str, Any], linked: "callable[[str, str, list[dict]], bool]") -> Scored:
    """Score one answer (the JSON of `kaia ask --json`) against its question."""
    s = Scored(q.id, q.lang, q.persona, q.category, q.answerable, bool(ans["abstained"]),
               float(ans.get("timings_ms", {}).get("total", 0.0)), verdict_gold=q.verdict, verdict=ans.get("verdict"))
    if q.answerable:
        s.art = retrieval_scores(ans["sources"], q.gold, "article")
        s.para = retrieval_scores(ans["sources"], q.gold, "paragraph")
        shown = ans["answer"] + "\n" + "\n".join((c.get("quote") or "") + "\n" + (c.get("quote_ko") or "")
                                                   for c in ans["citations"])
        s.facts_total = len(q.key_facts)
        s.facts_found = 0 if s.abstained else sum(fact_found(f, shown) for f in q.key_facts)
        cites = ans["citations"]
        s.cites_gold = 1.0 if any(gold_match(c, q.gold, "article") for c in cites) else 0.0
        s.citations = len(cites)
        s.citations_ok = sum(1 for c in cites if c.get("verified") and
                             (gold_match(c, q.gold, "article") or linked(c["doc"], _article(c), q.gold)
                              or _interprets_gold(c, q.gold, linked)))
        defines = getattr(linked, "defines", None)
        s.citations_defined = sum(1 for c in cites if c.get("verified") and defines is not None and
                                  not (gold_match(c, q.gold, "article") or linked(c["doc"], _article(c), q.gold))
                                  and defines(c, q.gold))
    if not s.abstained:
        sents = answer_sentences(ans["answer"])
        marked = re.compile(r"\[(\d+)\]")
        ok = {c["n"] for c in ans["citations"] if c.get("verified")}
        s.sentences = len(sents)
        s.sentences_grounded = sum(1 for x in sents if any(int(m) in ok for m in marked.findall(x)))
    return s


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 4) if xs else None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def aggregate(rows: list[Scored]) -> dict[str, Any]:
    """Aggregate figures of a set of scored answers."""
    ans = [r for r in rows if r.answerable]
    una = [r for r in rows if not r.answerable]
    answered = [r for r in ans if not r.abstained]
    lat = sorted(r.latency_ms for r in rows)
    abst = [r for r in rows if r.abstained]
    return {
        "questions": len(rows), "answerable": len(ans), "unanswerable": len(una),
        "hit1_article": _mean([r.art["hit1"] for r in ans]), "recall5_article": _mean([r.art["recall5"] for r in ans]),
        "mrr_article": _mean([r.art["mrr"] for r in ans]),
        "hit1_paragraph": _mean([r.para["hit1"] for r in ans]),
        "recall5_paragraph": _mean([r.para["recall5"] for r in ans]), "mrr_paragraph": _mean([r.para["mrr"] for r in ans]),
        "cites_gold": _mean([r.cites_gold for r in answered]),
        "key_fact_accuracy": _ratio(sum(r.facts_found for r in ans), sum(r.facts_total for r in ans)),
        "citation_precision": _ratio(sum(r.citations_ok for r in ans), sum(r.citations for r in ans)),
        # A verdict's reasons cite the definitions they rest on ("you are a user, not an AI business operator"):
        # counted as supporting where the gold provision uses the term defined (reported beside the strict figure).
        "citation_precision_with_definitions": _ratio(sum(r.citations_ok + r.citations_defined for r in ans),
                                                      sum(r.citations for r in ans)),
        "grounding_rate": _ratio(sum(r.sentences_grounded for r in rows), sum(r.sentences for r in rows)),
        "abstention_precision": _ratio(sum(1 for r in abst if not r.answerable), len(abst)),
        "abstention_recall": _ratio(sum(1 for r in una if r.abstained), len(una)),
        "false_abstention": _ratio(sum(1 for r in ans if r.abstained), len(ans)),
        # Verdicts: of the questions whose gold conclusion is yes, no or depends, the share answered with it; how
        # often a gold "no" was answered "yes" (over-stating a duty misleads as surely as missing one); and of the
        # questions with no gold verdict, the share given none.
        "verdict_accuracy": _mean([1.0 if r.verdict == r.verdict_gold else 0.0 for r in rows
                                   if r.verdict_gold in ("yes", "no", "depends")]),
        "verdict_coverage": _mean([1.0 if r.verdict is not None else 0.0 for r in rows
                                   if r.verdict_gold in ("yes", "no", "depends")]),
        "verdict_overstated": _mean([1.0 if r.verdict == "yes" else 0.0 for r in rows if r.verdict_gold == "no"]),
        "verdict_none_kept": _mean([1.0 if r.verdict is None else 0.0 for r in rows if r.verdict_gold is None]),
        "latency_p50_ms": round(statistics.median(lat), 1) if lat else None,
        "latency_p95_ms": round(lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))], 1) if lat else None,
    }


# The figures a report gives a 95% interval for; each computable from a report's per-question rows alone.
INTERVAL_KEYS = ("verdict_accuracy", "hit1_article", "recall5_article", "key_fact_accuracy", "citation_precision",
                 "abstention_recall", "false_abstention")


def intervals(rows: list[Scored], keys: tuple[str, ...] = INTERVAL_KEYS, n: int = 1000,
              seed: int = 0) -> dict[str, list[float] | None]:
    """Percentile bootstrap 95% intervals of aggregate figures, resampling whole questions (fixed seed)."""
    if not rows:
        return {k: None for k in keys}
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in keys}
    for _ in range(n):
        figures = aggregate(rng.choices(rows, k=len(rows)))
        for k in keys:
            if figures.get(k) is not None:
                samples[k].append(figures[k])
    out: dict[str, list[float] | None] = {}
    for k, xs in samples.items():
        xs.sort()
        out[k] = [round(xs[int(0.025 * (len(xs) - 1))], 3), round(xs[int(0.975 * (len(xs) - 1))], 3)] if xs else None
    return out


def scored_from_row(row: dict[str, Any]) -> Scored:
    """Rebuild a scored answer from a report's per-question row: enough for the interval figures only (a row keeps
    neither the paragraph ranks nor the reciprocal rank, so those figures of rebuilt rows mean nothing)."""
    def pair(v: str) -> tuple[int, int]:
        a, b = v.split("/")
        return int(a), int(b)

    found, total = pair(row["facts"])
    ok, cites = pair(row["citations_ok"])
    grounded, sentences = pair(row["grounded"])
    art = {} if row.get("hit1_article") is None else {"hit1": row["hit1_article"], "recall5": row["recall5_article"],
                                                         "mrr": row["hit1_article"]}
    return Scored(row["id"], row["lang"], row["persona"], row["category"], bool(row["answerable"]),
                  bool(row["abstained"]), float(row.get("latency_ms", 0.0)), art=art, para=dict(art),
                  facts_found=found, facts_total=total, citations=cites, citations_ok=ok, sentences=sentences,
                  sentences_grounded=grounded, verdict_gold=row.get("verdict_gold", NO_VERDICT),
                  verdict=row.get("verdict"))


def breakdown(rows: list[Scored]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for key in ("lang", "persona", "category"):
        groups: dict[str, list[Scored]] = {}
        for r in rows:
            groups.setdefault(getattr(r, key), []).append(r)
        out[key] = {g: aggregate(v) for g, v in sorted(groups.items())}
    return out
