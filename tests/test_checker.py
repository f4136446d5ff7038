""""Check my obligations": facts asked one at a time, every duty listed with its status, a Markdown checklist, and
the `kaia check` command over a facts file or answers typed at its prompt."""
from __future__ import annotations

import json

import pytest

from assistant.checker import Checker, FactsFileError
from assistant.reason import APPLIES, DEPENDS, NOT_APPLY
from corpus.knowledge import knowledge

TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def checker():
    return Checker(knowledge())


def statuses(checker, raw: dict) -> dict[str, str]:
    cl = checker.checklist(checker.facts_from(raw), TODAY, "en")
    return {i.id: i.status for i in cl.items}


def test_a_foreign_chatbot_with_many_korean_users(checker):
    s = statuses(checker, {"provides_to_others": True, "generative": True, "no_korean_office": True,
                           "serves_korea": True, "daily_users_kr": 1_200_000})
    assert s["prior-notice"] == s["output-labelling"] == s["domestic-agent"] == APPLIES
    assert s["high-impact-measures"] == DEPENDS and s["safety-measures"] == DEPENDS


def test_internal_use_only_lifts_every_operator_duty(checker):
    s = statuses(checker, {"internal_use_only": True, "generative": True})
    operators = {d.id for d in checker.k.duties.values() if d.binds == "business_operator"}
    assert operators >= {"prior-notice", "output-labelling", "high-impact-measures", "domestic-agent"}
    assert all(v == NOT_APPLY for k, v in s.items() if k in operators), s


def test_the_next_question_is_the_fact_that_decides_most(checker):
    facts = checker.facts_from({})
    first = checker.next_fact(facts, TODAY)
    assert first == "provides_to_others"  # every operator duty turns on it
    # a user that is no public body (a public body that uses high-impact AI must prefer impact-assessed products,
    # Act Art. 35(2)): only the explanation right left
    facts = checker.facts_from({"provides_to_others": False, "public_body": False})
    assert checker.next_fact(facts, TODAY) in ("impacted_person", None)


@pytest.mark.parametrize("raw, message", [
    ({"no_such_fact": True}, "unknown fact"),
    ({"generative": "yes"}, "true, false or null"),
    ({"daily_users_kr": "many"}, "a number"),
    ([1, 2], "JSON object"),
])
def test_bad_facts_are_refused(checker, raw, message):
    with pytest.raises(FactsFileError, match=message):
        checker.facts_from(raw)


@pytest.mark.parametrize("text, fid, value", [("y", "generative", True), ("아니요", "generative", False),
                                              ("", "generative", None), ("120만", "daily_users_kr", 1_200_000),
                                              ("1.2M", "daily_users_kr", 1_200_000)])
def test_typed_answers(checker, text, fid, value):
    assert checker.parse_answer(fid, text) == value


def test_markdown_checklist_in_both_languages(checker):
    facts = checker.facts_from({"provides_to_others": True, "generative": True})
    en = checker.markdown(checker.checklist(facts, TODAY, "en"), {"act:31:1": "AI Basic Act Art. 31(1)"})
    ko = checker.markdown(checker.checklist(facts, TODAY, "ko"), {"act:31:1": "인공지능기본법 제31조제1항"})
    assert en.startswith("# AI Basic Act obligations checklist") and "## [ ] notify users in advance" in en
    assert "Applies" in en and "AI Basic Act Art. 31(1)" in en and "What to do" in en and "If you do not" in en
    assert ko.startswith("# 인공지능기본법 의무 점검표") and "적용됨" in ko and "인공지능기본법 제31조제1항" in ko
    assert "30 million won" in en  # the fine, as the Act states it


def test_cli_check_with_a_facts_file(built_settings, tmp_path, kaia_main):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"provides_to_others": True, "generative": True, "no_korean_office": False}))
    out_md = tmp_path / "checklist.md"
    r = kaia_main(built_settings, "check", "--facts", str(facts), "--json", "--out", str(out_md), "--as-of", TODAY)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    by_id = {x["id"]: x["status"] for x in d["duties"]}
    assert by_id["prior-notice"] == "applies" and by_id["domestic-agent"] == "does-not-apply"
    md = out_md.read_text(encoding="utf-8")
    assert "AI Basic Act Art. 31(1)" in md and "Enforcement Decree Art. 23(1)" in md  # labels from the index


def test_cli_check_asks_at_the_prompt_and_refuses_a_bad_file(built_settings, tmp_path, kaia_main, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\nmaybe\nno\n\n"))
    r = kaia_main(built_settings, "check", "--lang", "ko", "--as-of", TODAY)
    assert r.returncode == 0, r.stderr
    assert "# 인공지능기본법 의무 점검표" in r.stdout
    assert "예/아니요" in r.stderr and "answer yes or no" in r.stderr  # the bad answer is asked again
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    r = kaia_main(built_settings, "check", "--facts", str(bad))
    assert r.returncode == 2 and "not a JSON file" in r.stderr and "Traceback" not in r.stderr
