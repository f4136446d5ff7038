"""`kaia diff` and the notes beside citations whose wording changed: the Decree's three texts and the Act's two
phases over the real corpus."""
from __future__ import annotations

import json

import pytest

from assistant.changes import ChangeFinder, UnknownTargetError, changes_dict, word_diff, wording_change
from tests.conftest import run_kaia

# What Decrees No. 36506 (in force 2026-07-21) and No. 36580 (2026-08-20) added or amended, from their amendment
# tags and SOURCES.md: new Arts. 1-2, 15-2, 15-3, 16-2, 16-3, 16-4; amended Arts. 2, 13, 15, 28, 31; and their
# own addenda.
AMENDED = ["1-2", "2", "13", "15", "15-2", "15-3", "16-2", "16-3", "16-4", "28", "31",
           "addenda-36506", "addenda-36580"]


@pytest.fixture(scope="module")
def finder(store):
    return ChangeFinder(store)


def test_decree_diff_names_exactly_the_amended_articles(finder):
    ch = finder.diff("decree", "2026-03-01", "2026-08-20")
    assert ch.articles == AMENDED
    by = {c.cid: c for c in ch.changes}
    assert by["decree:1-2"].kind == "added" and by["decree:1-2"].took_effect == "2026-07-21"
    assert "No. 36506" in by["decree:1-2"].instrument
    item = by["decree:2::2:b"]
    assert item.kind == "changed" and item.took_effect == "2026-08-20" and "No. 36580" in item.instrument
    assert ("-", "제21조제2항에") in item.words and ("+", "제21조제4항에") in item.words
    assert ("-", "21(2)") in item.words_en and ("+", "21(4)") in item.words_en
    assert by["decree:28:1:1"].instrument.startswith("Presidential Decree No. 36506")
    # Only the provisions that changed, not the articles around them nor unchanged parts.
    assert "decree:23:1" not in by and "decree:28" not in by and "decree:28:1" not in by


def test_decree_diff_from_the_first_amendment_to_the_second(finder):
    ch = finder.diff("decree", "2026-07-21", "2026-08-20")
    assert [c.article for c in ch.changes] == ["2", "addenda-36580"]
    art2 = ch.changes[0]
    # The corpus lacks the consolidated text of 2026-07-21 … 08-19 for the article No. 36580 changed: said so.
    assert art2.old is None and "not in the corpus" in art2.note
    assert finder.diff("decree", "2026-03-01", "2026-04-01").changes == []
    # Either order of the dates reads earlier → later.
    assert finder.diff("decree", "2026-08-20", "2026-03-01").articles == AMENDED


def test_provision_diff_and_the_act_phases(finder):
    ch = finder.diff("Art. 35(1)", "2026-03-01", "2026-08-01")
    assert [c.cid for c in ch.changes] == ["act:35:1"]
    c = ch.changes[0]
    assert c.kind == "changed" and c.took_effect == "2026-07-21" and c.instrument == "Act No. 21311"
    assert any(op == "+" and "인공지능취약계층" in text for op, text in c.words)
    act = finder.diff("act", "2026-03-01", "2026-08-01")
    assert {"17-2", "22-3", "35"} <= set(act.articles) and "31" not in act.articles
    assert finder.diff("Decree Art. 23", "2026-03-01", "2026-09-01").changes == []


def test_unknown_targets(finder):
    for bad in ("Art. 99", "the constitution", ""):
        with pytest.raises(UnknownTargetError):
            finder.diff(bad, "2026-03-01", "2026-08-01")


def test_word_diff():
    assert word_diff("a b c d", "a x c d") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c d")]
    assert word_diff("같은 문구 <개정 2026.7.20>", "같은 문구") == [("=", "같은 문구")]  # tags are not wording


def test_change_notes_beside_citations(store):
    # Changed on 2026-07-21: noted until six months later, and before, as a change to come.
    assert "2026-07-21" in wording_change(store, "act:35:1", "en", "2026-09-01")
    assert wording_change(store, "act:35:1", "en", "2027-03-01") == ""
    assert "2026-07-21" in wording_change(store, "decree:28:1:1", "ko", "2026-05-01")
    assert wording_change(store, "decree:23:1", "en", "2026-09-01") == ""  # never changed
    assert wording_change(store, "decree:1-2", "en", "2026-09-01") == ""  # new, not changed


def test_cli_diff_text_json_and_errors(built_settings):
    out = run_kaia(built_settings, "diff", "decree", "--from", "2026-03-01", "--to", "2026-08-20", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["articles"] == AMENDED and data["counts"]["added"] >= 6
    first = data["changes"][0]
    assert set(first) >= {"cid", "kind", "label_en", "label_ko", "took_effect", "instrument", "old", "new",
                          "diff_ko", "diff_en"}
    out = run_kaia(built_settings, "diff", "Art. 35(1)", "--from", "2026-03-01", "--to", "2026-08-01", "--lang", "ko")
    assert out.returncode == 0 and "인공지능기본법 제35조제1항 — 개정" in out.stdout and "{+이 경우" in out.stdout
    out = run_kaia(built_settings, "diff", "Art. 99", "--from", "2026-03-01", "--to", "2026-08-01")
    assert out.returncode == 1 and "names no document or provision" in out.stderr and "Traceback" not in out.stderr
    out = run_kaia(built_settings, "diff", "decree", "--from", "2026-13-01", "--to", "2026-08-01")
    assert out.returncode == 2 and "not a date" in out.stderr


def test_changes_dict_round_trips(finder):
    data = changes_dict(finder.diff("decree", "2026-03-01", "2026-08-20"))
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert sum(data["counts"].values()) == len(data["changes"])
