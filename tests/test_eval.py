"""The evaluation set is valid against the corpus, the metrics compute what they claim, and a regression gate
keeps grounding from degrading."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.metrics import (VALID_CATEGORIES, VALID_LANGS, VALID_PERSONAS, QuestionFileError, Scored, aggregate,
                          fact_found, intervals, load_questions, retrieval_scores, score, scored_from_row)
from eval.run import (DEFAULT_QUESTIONS, HELDOUT2_QUESTIONS, HELDOUT3_QUESTIONS, HELDOUT4_QUESTIONS, HELDOUT5_QUESTIONS,
                      HELDOUT6_QUESTIONS, HELDOUT7_QUESTIONS, HELDOUT8_QUESTIONS, HELDOUT9_QUESTIONS,
                      HELDOUT10_QUESTIONS,
                      HELDOUT_QUESTIONS, _row, make_linked, markdown, write_reports)

# Figures of the gate subset (every 4th question) when the gate was set: Hit@1 0.88, Recall@5 0.985, citing gold
# 0.94, key facts 0.93, citation precision 0.96, grounding 1.0, abstention recall 0.86 (6 of 7), false abstention
# 0. Answers are reproducible (exact vector search), so the margin only absorbs a question or so of change. A change
# that lowers grounding, citation quality, retrieval or abstention below these fails CI.
GATE = {"hit1_article": 0.84, "recall5_article": 0.95, "cites_gold": 0.93, "key_fact_accuracy": 0.9,
        "citation_precision": 0.95, "grounding_rate": 0.99, "abstention_recall": 0.84}
GATE_MAX = {"false_abstention": 0.05}
SETS = [DEFAULT_QUESTIONS, HELDOUT_QUESTIONS, HELDOUT2_QUESTIONS, HELDOUT3_QUESTIONS, HELDOUT4_QUESTIONS, HELDOUT5_QUESTIONS,
        HELDOUT6_QUESTIONS, HELDOUT7_QUESTIONS, HELDOUT8_QUESTIONS, HELDOUT9_QUESTIONS, HELDOUT10_QUESTIONS]
SET_IDS = ["questions", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
           "heldout9", "heldout10"]


@pytest.fixture(scope="module")
def questions():
    return load_questions(DEFAULT_QUESTIONS)


def test_question_set_shape(questions):
    assert len(questions) >= 150
    assert len({q.id for q in questions}) == len(questions)
    langs = Counter(q.lang for q in questions)
    assert langs["ko"] / len(questions) >= 0.30
    assert sum(not q.answerable for q in questions) / len(questions) >= 0.15
    cats = Counter(q.category for q in questions)
    for needed in ("decree", "notice", "commentary", "version", "two-docs", "out-of-scope"):
        assert cats[needed] >= 5, needed
    for q in questions:
        assert q.lang in VALID_LANGS and q.persona in VALID_PERSONAS and q.category in VALID_CATEGORIES
        assert q.answerable == bool(q.gold), q.id
        assert (q.category == "out-of-scope") == (not q.answerable), q.id
        if q.answerable:
            assert q.key_facts, q.id


@pytest.mark.parametrize("path", SETS[1:], ids=SET_IDS[1:])
def test_heldout_set_shape(path):
    held = load_questions(path)
    assert len(held) >= 50 and len({q.id for q in held}) == len(held)
    others = {q.id for p in SETS if p != path for q in load_questions(p)}
    assert not {q.id for q in held} & others
    for q in held:
        assert q.answerable == bool(q.gold) == (q.category != "out-of-scope"), q.id


def _gold_units(store, g: dict) -> list:
    """The units a gold entry names: a provision (and its parts), or a guideline's printed page."""
    if g.get("page") is not None:
        return [u for u in store.units.values() if u.doc == g["doc"] and u.page == g["page"]]
    cid = ":".join(x for x in (g["doc"], g["article"], g.get("paragraph") or "") if x)
    return [u for u in store.units.values() if u.cid == cid or u.cid.startswith(cid + ":")]


@pytest.mark.parametrize("path", SETS, ids=SET_IDS)
def test_every_gold_provision_exists(path, store):
    for q in load_questions(path):
        for g in q.gold:
            assert _gold_units(store, g), f"{q.id}: gold {g} is not in the corpus"


@pytest.mark.parametrize("path", SETS, ids=SET_IDS)
def test_key_facts_are_in_the_gold_text(path, store):
    for q in load_questions(path):
        if not q.answerable:
            continue
        texts = []
        for g in q.gold:
            texts += [u.text for u in _gold_units(store, g)]
        blob = "\n".join(texts)
        for f in q.key_facts:
            assert fact_found(f, blob), f"{q.id}: key fact {f!r} is in no gold provision"


def test_metrics_on_hand_made_answers(tmp_path):
    gold = [{"doc": "act", "article": "31", "paragraph": "1"}]
    sources = [{"doc": "decree", "article": "23", "paragraph": "1"}, {"doc": "act", "article": "31", "paragraph": "2"},
               {"doc": "act", "article": "31", "paragraph": "1"}]
    assert retrieval_scores(sources, gold, "article") == {"hit1": 0.0, "recall5": 1.0, "mrr": 0.5}
    assert retrieval_scores(sources, gold, "paragraph") == {"hit1": 0.0, "recall5": 1.0, "mrr": 1 / 3}
    assert fact_found("KRW 10 billion|100억원", "…매출액이 100억원 이상인…")
    assert fact_found("1,000|1000", "fine of 1000") and not fact_found("30 days|30일", "3 days")
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"id": "x", "question": "?"}\n', encoding="utf-8")
    with pytest.raises(QuestionFileError, match="missing"):
        load_questions(bad)
    from eval.metrics import Question

    q = Question("x", "q", "en", "sme", "act", True, gold, ["notify|고지"])
    ans = {"abstained": False, "answer": "Operators must notify users. [1]\nUnsupported claim.", "timings_ms": {"total": 5},
           "sources": sources, "citations": [{"n": 1, "doc": "act", "article": "31", "paragraph": "1", "item": None,
                                             "quote": "notify", "quote_ko": None, "verified": True}]}
    s = score(q, ans, lambda d, a, g: False)
    assert (s.facts_found, s.citations_ok, s.sentences, s.sentences_grounded) == (1, 1, 2, 1)
    agg = aggregate([s])
    assert agg["grounding_rate"] == 0.5 and agg["citation_precision"] == 1.0
    # An addendum is linked by its number: the JSON gives article "addenda" and the number apart.
    seen = []
    addendum = {"n": 1, "doc": "decree", "article": "addenda", "addendum": "36053", "paragraph": "4", "item": None,
                "quote": "notify", "quote_ko": None, "verified": True}
    score(q, {**ans, "citations": [addendum]}, lambda d, a, g: seen.append((d, a)) or False)
    assert seen == [("decree", "addenda-36053")]


def test_bootstrap_intervals_bracket_the_figure_and_narrow_with_more_questions():
    def rows(n: int) -> list[Scored]:
        # Three in four verdicts right, one question in ten unanswerable and declined.
        return [Scored(f"q{i}", "en", "sme", "act", i % 10 != 0, i % 10 == 0, 1.0, art={"hit1": 1.0, "recall5": 1.0,
                       "mrr": 1.0}, para={"hit1": 1.0, "recall5": 1.0, "mrr": 1.0}, verdict_gold="yes",
                       verdict="yes" if i % 4 else "no") for i in range(n)]

    small, large = intervals(rows(40)), intervals(rows(400))
    for band in (small, large):
        lo, hi = band["verdict_accuracy"]
        assert lo < 0.75 < hi
        assert band["hit1_article"] == [1.0, 1.0] and band["abstention_recall"] == [1.0, 1.0]
    assert large["verdict_accuracy"][1] - large["verdict_accuracy"][0] < small["verdict_accuracy"][1] - \
        small["verdict_accuracy"][0]
    assert intervals([])["key_fact_accuracy"] is None
    # A report's per-question rows give back the same interval figures (the README's table uses them).
    q_rows = rows(40)
    from eval.metrics import Question

    rebuilt = [scored_from_row(_row(Question(r.id, "q", "en", "sme", "act", r.answerable, [], [], None, "yes"), r,
                                    {"sources": []})) for r in q_rows]
    keys = ("verdict_accuracy", "hit1_article", "key_fact_accuracy", "abstention_recall", "false_abstention")
    assert {k: aggregate(rebuilt)[k] for k in keys} == {k: aggregate(q_rows)[k] for k in keys}


def test_regression_gate(assistant_for_eval, questions, tmp_path):
    # The gate was set on the law questions; the guidance and history questions added with the guidelines and the
    # original decree measure new ground, reported by `kaia eval`, not held to these figures.
    subset = [q for q in questions if q.category not in ("guidance", "history")][::4]
    linked = make_linked(assistant_for_eval.store)
    rows = [score(q, assistant_for_eval.ask(q.question, as_of=q.as_of, id=q.id).to_json(), linked) for q in subset]
    figures = aggregate(rows)
    low = {k: (figures[k], v) for k, v in GATE.items() if figures[k] is None or figures[k] < v}
    high = {k: (figures[k], v) for k, v in GATE_MAX.items() if figures[k] is not None and figures[k] > v}
    assert not low and not high, f"below the regression gate: {low} {high}"
    report = {"generated": "test", "questions_file": str(DEFAULT_QUESTIONS), "index_generation": "test",
              "ours": {"overall": figures, "by": {"category": {}, "lang": {}, "persona": {}}}, "shortfalls": []}
    assert "| Hit@1 (article) |" in markdown(report)
    paths = write_reports(report, tmp_path)
    assert json.loads(paths["json"].read_text())["ours"]["overall"]["questions"] == len(subset)
    assert paths["png"].read_bytes()[:4] == b"\x89PNG"


def test_links_skip_gold_given_by_page(assistant_for_eval):
    # A guideline's gold names a printed page and no article: scoring a citation against it must not fail.
    linked = make_linked(assistant_for_eval.store)
    page_gold = [{"doc": "guideline/transparency", "page": 11, "paragraph": None}]
    assert linked("act", "31", page_gold) is False
    assert linked.defines({"uid": "act:2::1:ko"}, page_gold) is False
    assert linked("act", "31", page_gold + [{"doc": "decree", "article": "23", "paragraph": None}]) is True


@pytest.fixture(scope="module")
def assistant_for_eval(built_settings, store):
    from assistant.chain import Assistant

    a = Assistant(built_settings, store)
    a.warm_up()
    return a


def test_kaia_eval_cli_with_baseline(built_settings, tmp_path):
    from conftest import make_settings, run_kaia

    qfile = tmp_path / "few.jsonl"
    lines = Path(DEFAULT_QUESTIONS).read_text(encoding="utf-8").splitlines()
    qfile.write_text("\n".join(lines[::40]) + "\n", encoding="utf-8")
    # The baseline embeds the raw source texts afresh (its own chunking); what is tested here is the command's
    # wiring, so it reads a sources folder holding the Notice and the commentary only (the whole corpus would
    # cost a cold run a second embedding of the law, over a minute on two cores). `make eval` runs it in full.
    sources = tmp_path / "sources"
    (sources / "commentary").mkdir(parents=True)
    for f in [*built_settings.sources.glob("notice.*.txt"), *built_settings.sources.glob("commentary/*.txt")]:
        (sources / f.relative_to(built_settings.sources)).symlink_to(f)
    settings = make_settings(built_settings.data_dir, sources=sources)
    out = run_kaia(settings, "eval", "--questions", str(qfile), "--baseline", "--out", str(tmp_path / "rep"))
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Hit@1 (article)" in out.stdout
    rep = json.loads((tmp_path / "rep" / "report.json").read_text(encoding="utf-8"))
    assert rep["baseline"]["overall"]["questions"] == rep["ours"]["overall"]["questions"] == len(lines[::40])
    assert (tmp_path / "rep" / "report.png").exists() and (tmp_path / "rep" / "report.md").exists()
    bad = run_kaia(built_settings, "eval", "--questions", str(tmp_path / "nope.jsonl"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
