"""The duty map, the fact vocabulary and the question forms are data with a schema: every id exists, every figure
of a plain sentence is in the text of a provision it names, both languages are there, and a broken file is
refused with a message that names what is wrong."""
from __future__ import annotations

import re
import shutil

import pytest

from corpus.conditions import ConditionError, evaluate, parse
from corpus.knowledge import (CID_MARK, DUTIES_FILE, FACTS_FILE, GLOSSARY_FILE, PHRASING_FILE, KnowledgeError, knowledge,
                              load_knowledge)
from corpus.numbers import figures
from assistant.verify import split_sentences


@pytest.fixture(scope="module")
def k():
    return knowledge()


def test_every_id_the_map_rests_on_exists(k, store):
    missing = sorted(cid for cid in k.cited_ids() if not store.find(cid))
    assert not missing, f"ids in corpus/duties.toml that are not in the index: {missing}"


def test_every_plain_sentence_names_its_provisions_and_their_figures(k, store):
    """Each sentence ends with the ids it rests on; each figure it states appears in the text of one of them."""
    problems = []
    for where, lang, text in k.plain_texts():
        for sentence in split_sentences(text.strip()):  # as the verifier reads them
            ids = CID_MARK.findall(sentence)
            if not ids:
                if re.search(r"[A-Za-z가-힣]{3}", sentence):
                    problems.append(f"{where} ({lang}): no provision named in {sentence!r}")
                continue
            stated = figures(CID_MARK.sub(" ", sentence))
            law = set().union(*(figures(u.text) for cid in ids for u in store.find(cid)))
            if stated - law:
                problems.append(f"{where} ({lang}): {sorted(stated - law)} not in {ids}: {sentence[:80]!r}")
    assert not problems, "\n".join(problems)


def test_both_languages_for_every_entry(k):
    for where, lang, text in k.plain_texts():
        assert text.strip(), f"{where} ({lang}) is empty"
        if lang == "ko":
            assert re.search(r"[가-힣]", text), f"{where}: the Korean text has no Korean"
    for f in k.facts.values():
        assert f.ask.en and re.search(r"[가-힣]", f.ask.ko), f.id


def test_the_map_covers_the_regime(k):
    """What the issue asks the map to cover, by id: roles, kinds of AI, every duty, and what the regime does not do."""
    assert {"business_operator", "developer", "using_operator", "impacted", "generative_ai", "high_impact_ai",
            "realistic_output", "safety_tier", "foreign_operator", "agent_threshold", "in_scope"} <= set(k.terms)
    assert {"prior-notice", "output-labelling", "realistic-output-notice", "safety-measures", "high-impact-review",
            "high-impact-measures", "impact-assessment", "domestic-agent", "fact-finding"} <= set(k.duties)
    assert {"compensation", "criminal-penalty", "licence", "prohibited-ai"} <= {n.id for n in k.not_covered}
    assert {a.id for a in k.areas} == {"energy", "drinking-water", "health-care", "medical-device", "nuclear",
                                       "biometric-investigation", "rights-judgement", "transport", "public-decision",
                                       "student-evaluation"}
    for d in k.duties.values():
        assert d.applies_from >= "2026-01-22" and d.dated_by, d.id


def test_guidance_borrowed_tests_say_where_they_come_from(k):
    borrowed = [(t.id, g) for t in k.terms.values() for g in t.guidance]
    assert borrowed and all(g.doc.startswith("guideline/") and g.page > 0 for _, g in borrowed)
    assert any(tid == "significant_effect" for tid, _ in borrowed)
    assert all(g.fact in k.facts for _, g in borrowed if g.fact)  # a test about one kind of use names a real fact


@pytest.mark.parametrize("text, facts, expected", [
    ("a and b", {"a": True, "b": None}, None),
    ("a and b", {"a": False, "b": None}, False),
    ("a or b", {"a": True, "b": None}, True),
    ("a or b", {"a": False, "b": None}, None),
    ("not a", {"a": None}, None),
    ("n >= 1000000", {"n": 1200000}, True),
    ("n >= 1000000", {"n": None}, None),
    ("coalesce(a, not b)", {"a": None, "b": True}, False),
    ("coalesce(a, not b)", {"a": True, "b": True}, True),
    ("a and not coalesce(b, false)", {"a": True, "b": None}, True),
])
def test_three_valued_conditions(text, facts, expected):
    assert evaluate(parse(text), facts.get) is expected


@pytest.mark.parametrize("bad", ["a and", "(a or b", "a >= x", "a ** b", "coalesce(a"])
def test_bad_conditions_are_refused(bad):
    with pytest.raises(ConditionError):
        parse(bad)


@pytest.mark.parametrize("change, message", [
    (lambda s: s.replace('applies_when = ["in_scope", "business_operator", "notice_kind"]',
                         'applies_when = ["in_scope", "business_operator", "no_such_term"]'), "no_such_term"),
    (lambda s: s.replace('when = "generative"', 'when = "generative and"'), "generative"),
    (lambda s: s.replace('id = "prior-notice"', 'id = "prior-notice"\nsurprise = 1'), "surprise"),
    (lambda s: s + "\n[[term\n", "not valid TOML"),
    (lambda s: s.replace('unless = "gross_negligence"', 'unless = "no_such_fact"'), "no_such_fact"),
    (lambda s: s.replace('for_fact = "sme"', 'for_fact = "revenue_krw"', 1), "revenue_krw"),
    (lambda s: s.replace('\noutside = [', '\noutside = ["(unclosed"]\nx_outside = [', 1), "bad pattern"),
    (lambda s: s.replace('area = "nuclear", shown_when', 'area = "nuclear-power", shown_when', 1), "nuclear-power"),
])
def test_a_broken_map_is_refused_with_a_message(tmp_path, change, message):
    bad = tmp_path / "duties.toml"
    bad.write_text(change(DUTIES_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        load_knowledge(FACTS_FILE, bad, PHRASING_FILE)


def test_a_fact_pattern_that_does_not_compile_is_refused(tmp_path):
    bad = tmp_path / "facts.toml"
    shutil.copy(FACTS_FILE, bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace('"\\\\b(in-house|internal) ', '"\\\\b((in-house ', 1),
                   encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad pattern"):
        load_knowledge(bad, DUTIES_FILE, PHRASING_FILE)


def test_only_a_yes_no_fact_may_be_settled_by_the_situation_reader(tmp_path):
    bad = tmp_path / "facts.toml"
    bad.write_text(FACTS_FILE.read_text(encoding="utf-8").replace(
        'id = "revenue_krw"\ntype = "number"\n', 'id = "revenue_krw"\ntype = "number"\nlearned = true\n', 1),
        encoding="utf-8")
    with pytest.raises(KnowledgeError, match="only a yes/no fact is settled"):
        load_knowledge(bad, DUTIES_FILE, PHRASING_FILE)


def test_a_finding_template_naming_other_fields_in_korean_is_refused(tmp_path):
    bad = tmp_path / "phrasing.toml"
    bad.write_text(PHRASING_FILE.read_text(encoding="utf-8").replace("가장 가까운 조항: {nearest}", "가장 가까운 조항: {near}"),
                   encoding="utf-8")
    with pytest.raises(KnowledgeError, match="names fields"):
        load_knowledge(FACTS_FILE, DUTIES_FILE, bad)


def test_the_glossary_is_data_tied_to_provisions(k):
    """Every plain-word entry names the provision its legal terms come from (or says it reaches commentary), and
    the analysis reads the glossary, the other fields of law and the places from this data, not from code."""
    from assistant import query

    assert len(k.glossary.term) >= 80 and all(t.rests_on or t.about for t in k.glossary.term)
    assert query.GLOSSARY[0] == (tuple(k.glossary.term[0].triggers), k.glossary.term[0].adds)
    assert [f.en for f in k.glossary.field] == [en for en, _, _ in query.OTHER_FIELDS]
    assert query.FOREIGN.search("What does the EU AI Act say?") and query.FOREIGN.search("미국 법은요?")
    assert not query.FOREIGN.search("Do we need to tell users?")


def test_a_glossary_entry_without_its_provision_is_refused(tmp_path):
    bad = tmp_path / "glossary.toml"
    text = GLOSSARY_FILE.read_text(encoding="utf-8")
    bad.write_text(text.replace('rests_on = ["act:31:1"]', "", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="rests_on"):
        load_knowledge(FACTS_FILE, DUTIES_FILE, PHRASING_FILE, bad)


def test_no_cue_pattern_matches_every_question():
    # an empty alternative ("…\\b|") would make an entry the subject of any question
    k = load_knowledge()
    entries = [*k.duties.values(), *k.classify, *k.not_covered, *k.schedule.row, *k.measure_items.values(),
               *k.deadlines, *k.keeps, *k.allowances]
    for e in entries:
        for p in e.asked:
            assert not re.search(p, "", re.I) and not re.search(p, "zzz", re.I), (getattr(e, "id", e), p[:60])


@pytest.mark.parametrize("text, ceiling", [
    ("total revenue is under USD 20 million", "below"),
    ("이용자가 100만 명 미만입니다", "below"),
    ("매출은 1조 원이 안 됩니다", "below"),
    ("fewer than 900,000 daily users", "below"),
    ("전체 매출은 1조원에 한참 못 미쳐요", "below"),  # written from held-out 52
    ("up to 900,000 daily users", "reached"),
    ("이용자가 100만 명 이하입니다", "reached"),
    ("revenue of USD 20 million", None),
    ("이용자가 100만 명 이상입니다", None),
])
def test_a_figure_given_as_a_ceiling_is_told_from_one_given_as_it_is(text, ceiling):
    from corpus.numbers import quantities, upper_bound

    (start, end, value, _), = quantities(text)
    top = upper_bound(text, start, end, value)
    assert {None: None, value: "reached"}.get(top, "below" if top is not None and top < value else top) == ceiling
