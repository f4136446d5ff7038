"""The reasoner on truth tables written from the law (not from evaluation questions): pure functions of the duty
map and the facts, no retrieval."""
from __future__ import annotations

import pytest

from assistant.facts import FactValue, Facts
from assistant.reason import APPLIES, DEPENDS, NOT_APPLY, Reasoner
from corpus.knowledge import knowledge

TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def r():
    return Reasoner(knowledge())


def facts(**values) -> Facts:
    return Facts({k: FactValue(v, "test", "pattern") for k, v in values.items() if v is not None})


def status(r, duty: str, f: Facts, as_of: str = TODAY) -> str:
    return r.duty(r.k.duties[duty], f, as_of).status


SIZES = [dict(revenue_krw=v, ai_revenue_krw=a, daily_users_kr=u) for v in (None, 1e9, 2e12) for a in (None, 1e8, 2e10)
         for u in (None, 5e3, 3e6)]


@pytest.mark.parametrize("size", SIZES)
def test_an_office_in_korea_never_needs_a_domestic_agent_whatever_its_size(r, size):
    f = facts(no_korean_office=False, provides_to_others=True, serves_korea=True, fined_for_order=True, **size)
    assert status(r, "domestic-agent", f) == NOT_APPLY


@pytest.mark.parametrize("size, expected", [
    (dict(daily_users_kr=1_200_000), APPLIES), (dict(ai_revenue_krw=1e10), APPLIES), (dict(revenue_krw=1e12), APPLIES),
    (dict(daily_users_kr=900_000, ai_revenue_krw=9e9, revenue_krw=9e11, fined_for_order=False), NOT_APPLY),
    (dict(daily_users_kr=900_000), DEPENDS),  # revenue not stated: it may still pass a threshold
])
def test_domestic_agent_thresholds_are_alternatives(r, size, expected):
    f = facts(no_korean_office=True, provides_to_others=True, serves_korea=True, **size)
    assert status(r, "domestic-agent", f) == expected


def test_depends_names_the_threshold_facts_with_both_branches(r):
    s = r.duty(r.k.duties["domestic-agent"], facts(no_korean_office=True, provides_to_others=True, serves_korea=True),
               TODAY)
    assert s.status == DEPENDS and {"daily_users_kr", "ai_revenue_krw", "revenue_krw"} <= set(s.unknown)
    assert s.branches["daily_users_kr"][1_000_000.0] == APPLIES


@pytest.mark.parametrize("duty", ["prior-notice", "output-labelling"])
def test_a_spam_filter_brings_no_notice_or_labelling_duty(r, duty):
    f = facts(provides_to_others=True, generative=False, high_impact_area=False)
    assert status(r, duty, f) == NOT_APPLY


def test_not_saying_whether_it_is_offered_to_others_makes_it_depend_on_that(r):
    s = r.duty(r.k.duties["prior-notice"], facts(generative=True), TODAY)
    assert s.status == DEPENDS and s.unknown == ["provides_to_others"]
    assert s.branches["provides_to_others"] == {True: APPLIES, False: NOT_APPLY}


@pytest.mark.parametrize("exception", [dict(internal_use_only=True), dict(ai_use_evident=True),
                                       dict(defense_security_only=True)])
def test_each_transparency_exception_lifts_the_notice_duty(r, exception):
    f = facts(provides_to_others=True, generative=True, **exception)
    s = r.duty(r.k.duties["prior-notice"], f, TODAY)
    assert s.status == NOT_APPLY and s.because[0].kind in ("exception", "term")


def test_a_user_of_ai_is_not_bound_by_operators_duties(r):
    f = facts(provides_to_others=False, generative=True, realistic_media=True)
    for duty in ("prior-notice", "output-labelling", "realistic-output-notice", "domestic-agent"):
        s = r.duty(r.k.duties[duty], f, TODAY)
        assert s.status == NOT_APPLY and s.because[0].id == "business_operator", duty


@pytest.mark.parametrize("compute, frontier, risk, expected", [
    (2e26, True, True, APPLIES), (2e26, None, None, DEPENDS), (2e26, False, True, NOT_APPLY),
    (1e25, True, True, NOT_APPLY), (None, True, True, DEPENDS)])
def test_safety_tier_criteria_are_cumulative_not_compute_alone(r, compute, frontier, risk, expected):
    f = facts(provides_to_others=True, training_compute_flops=compute, frontier_tech=frontier, broad_serious_risk=risk)
    assert status(r, "safety-measures", f) == expected


@pytest.mark.parametrize("human, expected", [(True, NOT_APPLY), (False, APPLIES), (None, DEPENDS)])
def test_high_impact_in_a_listed_area_turns_on_who_makes_the_final_decision(r, human, expected):
    f = facts(provides_to_others=True, high_impact_area=True, human_final_decision=human)
    assert status(r, "high-impact-measures", f) == expected
    assert r.classify("high_impact_ai", f).status == expected


def test_outside_the_listed_areas_nothing_is_high_impact(r):
    f = facts(provides_to_others=True, high_impact_area=False, human_final_decision=False)
    assert r.classify("high_impact_ai", f).status == NOT_APPLY


def test_a_duty_not_yet_in_force_does_not_apply(r):
    f = facts(provides_to_others=True, generative=True)
    s = r.duty(r.k.duties["prior-notice"], f, "2025-12-31")
    assert s.status == NOT_APPLY and s.because[0].kind == "date"


def test_deemed_compliance_from_the_developer_and_other_laws(r):
    base = dict(provides_to_others=True, high_impact_area=True, human_final_decision=False)
    assert status(r, "high-impact-measures", facts(**base, third_party_ai=True, developer_measures=True)) == NOT_APPLY
    assert status(r, "high-impact-measures", facts(**base, third_party_ai=True, developer_measures=True,
                                                   significant_change=True)) == APPLIES
    assert status(r, "high-impact-measures", facts(**base, other_law_measures=True)) == NOT_APPLY


def test_the_act_abroad(r):
    assert r.term("in_scope", facts(no_korean_office=True, serves_korea=True)) is True
    assert r.term("in_scope", facts(no_korean_office=True, serves_korea=False)) is False
    assert r.term("in_scope", facts(no_korean_office=True)) is None
    assert r.term("in_scope", facts()) is True  # silent: a business in Korea, and the answer says so
    assert r.term("in_scope", facts(defense_security_only=True)) is False


def test_every_duty_is_listed_for_a_what_applies_question(r):
    out = r.all_duties(facts(provides_to_others=True, generative=True), TODAY)
    assert {s.id for s in out} == set(r.k.duties)
    assert {s.id: s.status for s in out}["prior-notice"] == APPLIES
