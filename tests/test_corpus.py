"""The corpus parsed by legal structure, over the real sources (no index needed)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from corpus.manifest import load_manifest, resolve_file, sha256_file
from corpus.numbers import missing_figures
from corpus.settings import Settings
from ingest.index import compute_links
from ingest.loader import parse_corpus


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def parsed(settings):
    return parse_corpus(settings)


def units_of(parsed, file):
    return {u.cid: u for u in parsed.units if u.source_file == file}


def articles(parsed, file):
    return [u.article for u in parsed.units if u.source_file == file and u.level == "article"]


def test_manifest_files_exist_with_their_hashes(settings):
    docs = load_manifest(settings.manifest)
    assert {d.id for d in docs} >= {"act", "decree", "notice-2026-50"}
    assert [d.rank for d in sorted(docs, key=lambda d: d.rank)][:3] == [1, 2, 3]
    for d in docs:
        # The Korean interface names each document's authority in Korean.
        assert d.authority and re.search(r"[\uac00-\ud7a3]", d.authority_ko), d.id
        for f in d.files:
            path = resolve_file(f, settings)
            assert path.is_file(), path
            assert f.sha256, f"{f.file} has no SHA-256 in the manifest"
            assert sha256_file(path) == f.sha256, f"{f.file} changed; update its SHA-256 in corpus/manifest.toml"


def in_force(parsed, doc, lang, day, level=None):
    """The units of a document in one language in force on `day`, by canonical id (one per id)."""
    out: dict[str, object] = {}
    for u in parsed.units:
        if u.doc == doc and u.lang == lang and u.in_force(day) and (level is None or u.level == level):
            assert u.cid not in out, f"two wordings of {u.cid} in force on {day}"
            out[u.cid] = u
    return out


def test_act_phases_article_counts(parsed):
    full = in_force(parsed, "act", "ko", "2026-08-01", "article")
    assert len(full) == 46
    assert {"act:17-2", "act:22-2", "act:22-3"} <= set(full)
    early = in_force(parsed, "act", "ko", "2026-03-01", "article")
    assert len(early) == 44
    assert "act:17-2" not in early and "act:22-3" not in early and "act:22-2" in early
    assert len(articles(parsed, "act.en.2026-07-21.xml")) == 46
    for day in ("2026-03-01", "2026-08-01"):
        addenda = in_force(parsed, "act", "ko", day, "addendum")
        assert sorted(u.addendum for u in addenda.values()) == ["20676", "21065", "21311"]


def test_one_history_across_texts(parsed):
    """A provision whose wording did not change is one unit across both phases of the Act and both texts of the
    Decree; one that changed has a unit per wording, the older text deciding its own period."""
    early = units_of(parsed, "act.ko.2026-01-22.xml")
    assert "act:31:1" not in early and "act:35:1" in early
    assert units_of(parsed, "act.ko.2026-07-21.xml")["act:31:1"].effective_from == "2026-01-22"
    original = units_of(parsed, "history/decree.ko.2026-01-22.json")
    assert {c.split(":")[1] for c in original if c.split(":")[1].isdigit()} == {"2", "13", "15", "28", "31"}
    current = units_of(parsed, "decree.ko.2026-08-20.txt")
    assert current["decree:23:1"].effective_from == "2026-01-22" and "decree:23:1" not in original
    assert current["decree:2::1"].effective_from == "2026-01-22"  # unchanged under an article amended around it
    assert (original["decree:28:1:1"].effective_from, original["decree:28:1:1"].effective_to) == ("2026-01-22", "2026-07-20")
    assert "인공지능취약계층" not in original["decree:28:1:1"].text and "인공지능취약계층" in current["decree:28:1:1"].text
    for doc in ("act", "decree"):
        for lang in ("ko", "en"):
            for day in ("2026-02-01", "2026-07-20", "2026-07-21", "2026-09-01"):
                in_force(parsed, doc, lang, day)  # never two wordings of one provision on one day


def test_decree_articles_and_annexes(parsed):
    arts = articles(parsed, "decree.ko.2026-08-20.txt")
    assert len(arts) == 39
    assert {"1-2", "15-2", "15-3", "16-2", "16-3", "16-4"} <= set(arts)
    annexes = [u.cid for u in parsed.units if u.source_file == "decree.ko.2026-08-20.txt" and u.level == "annex"]
    assert annexes == ["decree:annex-1", "decree:annex-2"]
    fines = units_of(parsed, "decree.ko.2026-08-20.txt")["decree:annex-2:2"].text
    assert "| 500 | 1,000 | 1,500 |" in fines


def _xml_paragraphs(path, article):
    """Paragraph numbers of an article, read straight from the law.go.kr XML."""
    root = ET.parse(path).getroot()
    for u in root.findall("./조문/조문단위"):
        if u.findtext("조문번호") == article and not u.findtext("조문가지번호") and u.findtext("조문여부") == "조문":
            return [h for h in (x.findtext("항번호") for x in u.findall("항")) if h and h.strip()]
    raise AssertionError(article)


@pytest.mark.parametrize("article", ["2", "31", "33", "34", "35", "36", "43"])
def test_every_paragraph_is_a_unit(parsed, settings, article):
    path = settings.sources / "act.ko.2026-07-21.xml"
    expected = _xml_paragraphs(path, article)
    for f in ("act.ko.2026-07-21.xml", "act.en.2026-07-21.xml"):
        units = units_of(parsed, f)
        got = sorted((u for u in units.values() if u.article == article and u.level == "paragraph"),
                     key=lambda u: int(u.paragraph))
        assert [u.cid for u in got] == [f"act:{article}:{i}" for i in range(1, len(expected) + 1)], f
        for u in got:
            marker = "①②③④⑤⑥⑦⑧⑨⑩"[int(u.paragraph) - 1] if u.lang == "ko" else f"({u.paragraph})"
            assert u.text.startswith(marker)


def test_items_and_subitems_addressable(parsed):
    ko = units_of(parsed, "act.ko.2026-07-21.xml")
    assert ko["act:2::4"].text.startswith("4.")
    assert ko["act:2::4:f"].text.startswith("바.") and "생체인식정보" in ko["act:2::4:f"].text
    assert ko["act:2::12"].text.startswith("12.")
    assert ko["act:6:2:4-2"].text.startswith("4의2.")
    assert ko["act:43:1:3"].text.startswith("3.")
    decree = units_of(parsed, "decree.ko.2026-08-20.txt")
    assert "100억원" in decree["decree:29:1:2"].text
    assert decree["decree:23:1:2"].text.startswith("2.")


def test_dates_in_force(parsed):
    ko = units_of(parsed, "act.ko.2026-07-21.xml")
    early = units_of(parsed, "act.ko.2026-01-22.xml")
    assert ko["act:31:1"].effective_from == "2026-01-22"  # one wording across both phases
    assert (ko["act:35:1"].effective_from, ko["act:35:1"].effective_to) == ("2026-07-21", "")
    assert (early["act:35:1"].effective_from, early["act:35:1"].effective_to) == ("2026-01-22", "2026-07-20")
    assert "인공지능취약계층" in ko["act:35:1"].text and "인공지능취약계층" not in early["act:35:1"].text
    en = units_of(parsed, "act.en.2026-07-21.xml")
    # The English text renders the 2026-01-22 wording too wherever the Korean did not change.
    assert en["act:31:1"].effective_from == "2026-01-22"
    assert en["act:35:1"].effective_from == "2026-07-21"
    decree = units_of(parsed, "decree.ko.2026-08-20.txt")
    assert decree["decree:23:1"].effective_from == "2026-01-22"
    assert decree["decree:1-2"].effective_from == "2026-07-21"  # [본조신설 2026.7.20]
    assert decree["decree:2"].effective_from == "2026-08-20"  # <개정 2026.7.20, 2026.8.18>
    assert decree["decree:28:1"].effective_from == "2026-07-21"
    assert units_of(parsed, "translations/decree.en.txt")["decree:2"].effective_from == "2026-08-20"


@pytest.mark.parametrize("doc", ["decree", "notice-2026-50"])
def test_english_renderings_align_with_korean(parsed, doc):
    # One key per wording: a provision amended since has a unit per version in each language.
    ko = {(u.cid, u.effective_from, u.effective_to): u for u in parsed.units if u.doc == doc and u.lang == "ko"}
    en = {(u.cid, u.effective_from, u.effective_to): u for u in parsed.units if u.doc == doc and u.lang == "en"}
    assert len(ko) > 40
    assert set(ko) == set(en), f"units without a twin: {sorted(set(ko) ^ set(en))[:10]}"
    problems = {cid: missing_figures(u.text, en[cid].text) for cid, u in ko.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, f"figures missing from the English: {dict(list(problems.items())[:5])}"
    for key, u in en.items():
        assert u.level == ko[key].level


def test_translation_labelled_unofficial(settings):
    for name in ("decree.en.txt", "decree.en.2026-01-22.txt", "notice-2026-50.en.txt"):
        head = (settings.manifest.parent / "translations" / name).read_text(encoding="utf-8")[:1500]
        assert "unofficial" in head.lower() and "korean text controls" in head.lower()


def test_cross_references_become_links(parsed):
    decree = units_of(parsed, "decree.ko.2026-08-20.txt")
    assert "act:31:1" in decree["decree:23:1"].refs
    assert "act:36:1" in decree["decree:29:1"].refs
    assert "decree:29" in decree["decree:33"].refs or any(r.startswith("decree:29") for r in decree["decree:33"].refs)
    links = compute_links(parsed.units)
    impl = {x["cid"] for x in links["act:36:1"] if x["rel"] == "implemented_by"}
    assert "decree:29:1" in impl
    assert {"cid": "act:31:1", "rel": "implements"} in links["decree:23:1"]
    # The fine schedule names the provisions violated ("법 제31조제1항을 위반하여"): it cites them, it implements
    # the fines article (법 제43조제1항제1호).
    assert {"cid": "act:31:1", "rel": "cites"} in links["decree:annex-2:2"]
    assert {"cid": "act:31:1", "rel": "implements"} not in links["decree:annex-2:2"]
    assert any(x["rel"] == "implements" and x["cid"].startswith("act:43") for x in links["decree:annex-2:2"])
    # Lists and ranges name every provision in them: "제6조제2항제7호ㆍ제8호", "제16조제3항부터 제5항까지",
    # "법 제34조제1항제1호부터 제3호까지".
    act_addendum = next(u for u in parsed.units if u.cid == "act:addenda-21311" and u.lang == "ko")
    assert {"act:6:2:7", "act:6:2:8", "act:16:3", "act:16:4", "act:16:5", "act:17-2"} <= set(act_addendum.refs)
    assert {"act:34:1:1", "act:34:1:2", "act:34:1:3"} <= set(decree["decree:27:3"].refs)
    # A reference to another statute is not a link.
    item = decree["decree:1-2::1"]
    assert "「구직자 취업촉진 및 생활안정지원에 관한 법률」 제2조제2호" in item.text
    assert item.refs == []
    # The Act named by its full title before the Decree abbreviates it (「…기본법」(이하 "법"이라 한다) 제3조제5항).
    assert "act:3:5" in decree["decree:1-2"].refs and "decree:3:5" not in decree["decree:1-2"].refs


def test_commentary_passages_sized(parsed):
    passages = [u for u in parsed.units if u.doc.startswith("commentary/")]
    assert len(passages) >= 10
    assert all(50 <= len(u.text) <= 1300 for u in passages[1:-1])
    assert any("2026-271" in u.text for u in passages)


def test_unit_ids_unique_per_file(parsed):
    counts = Counter(u.uid for u in parsed.units)
    assert max(counts.values()) == 1
    assert all(re.fullmatch(r"[\w/-]+(:[\w-]*)*", u.cid) for u in parsed.units)


def test_original_decree_json_parses_whole(settings):
    from ingest.lawgo_json import lawgo_json_info, read_lawgo_json_ko

    path = settings.sources / "history" / "decree.ko.2026-01-22.json"
    blocks = read_lawgo_json_ko(path)
    kinds = Counter(b.kind for b in blocks)
    assert kinds == {"article": 33, "annex": 2, "addendum": 1, "form": 1, "reasons": 1}
    assert [b.label for b in blocks if b.kind == "annex"] == ["1", "2"]
    addendum = next(b for b in blocks if b.kind == "addendum")
    assert addendum.label == "36053" and sum(1 for x in addendum.lines if x.startswith("제")) == 6
    fines = "\n".join(next(b for b in blocks if b.kind == "annex" and b.label == "2").lines)
    assert "법 제43조제1항제1호 | 500 | 1,000 | 1,500" in fines and "내용ㆍ정도" in fines  # the API's "?" restored
    assert "─" not in fines and "│" not in fines
    assert lawgo_json_info(path)["number"] == "36053" and lawgo_json_info(path)["in_force"] == "20260122"


def test_original_decree_units_agree_with_the_current_text_where_not_amended(settings):
    """Parsed separately, the two Korean texts of the Decree differ in exactly the articles that Decrees
    No. 36506 and No. 36580 amended (Arts. 2, 13, 15, 28, 31); the articles they added exist only in the
    current text."""
    from ingest.loader import parse_file, wording_key

    doc = next(d for d in load_manifest(settings.manifest) if d.id == "decree")
    files = {f.file: f for f in doc.files}
    texts = {}
    for name in ("history/decree.ko.2026-01-22.json", "decree.ko.2026-08-20.txt"):
        units = parse_file(doc, files[name], resolve_file(files[name], settings))
        texts[name] = {u.cid: u for u in units if u.level == "article"}
    old, new = texts["history/decree.ko.2026-01-22.json"], texts["decree.ko.2026-08-20.txt"]
    assert len(old) == 33
    changed = {c.split(":")[1] for c in old if wording_key(old[c].text) != wording_key(new[c].text)}
    assert changed == {"2", "13", "15", "28", "31"}
    assert {c.split(":")[1] for c in set(new) - set(old)} == {"1-2", "15-2", "15-3", "16-2", "16-3", "16-4"}


@pytest.mark.parametrize("body,message", [
    ("not json", "not valid JSON"),
    ('{"법령": {"조문": {}}}', "no 조문단위"),
    ('{"something": 1}', "no 법령 object"),
    ('[1, 2]', "no 법령 object"),
    ('{"법령": {"조문": {"조문단위": [{"조문여부": "조문", "항": 5}]}}}', "unexpected structure"),
])
def test_lawgo_json_faults_are_named(tmp_path, body, message):
    from ingest.blocks import ParseError
    from ingest.lawgo_json import read_lawgo_json_ko

    path = tmp_path / "broken.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ParseError, match=message) as err:
        read_lawgo_json_ko(path)
    assert "broken.json" in str(err.value)


def test_lawgo_json_single_children_arrive_as_objects(tmp_path):
    """The API sends one child as an object, not a one-element list; texts as strings or lists of lines."""
    import json

    from ingest.lawgo_json import read_lawgo_json_ko

    law = {"법령": {"조문": {"조문단위": [
        {"조문여부": "전문", "조문내용": ["  제1장 총칙"]},
        {"조문여부": "조문", "조문내용": "제1조(목적) 목적을 정한다.",
         "항": {"호": {"호번호": "1.", "호내용": "1.  첫째", "목": {"목번호": "가.", "목내용": "가.  세부"}}}},
    ]}, "부칙": {"부칙단위": {"부칙공포번호": "1", "부칙내용": [["부칙 <제1호,2026.1.1>", "이 영은 공포한 날부터 시행한다."]]}}}}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(law, ensure_ascii=False), encoding="utf-8")
    blocks = read_lawgo_json_ko(path)
    art = next(b for b in blocks if b.kind == "article")
    assert art.lines == ["제1조(목적) 목적을 정한다.", "1.  첫째", "가.  세부"] and art.heading == "제1장 총칙"
    assert next(b for b in blocks if b.kind == "addendum").label == "1"


def test_token_cache_gives_the_tokenizer_tokens_and_reuses_them(tmp_path, monkeypatch):
    import ingest.tokenize as tk

    texts = ["인공지능사업자는 사전에 고지하여야 한다.", "An operator shall notify users in advance.", ""]
    expected = [tk.tokenize(t) for t in texts]
    cache = tk.TokenCache(tmp_path / "tokens.sqlite")
    assert cache.tokenize_all(texts) == expected
    cache.close()

    def fail(text: str) -> list[str]:
        raise AssertionError(f"tokenized again: {text!r}")

    monkeypatch.setattr(tk, "tokenize", fail)
    again = tk.TokenCache(tmp_path / "tokens.sqlite")  # as a later process opens it
    assert again.tokenize_all(texts) == expected
    with pytest.raises(AssertionError, match="tokenized again"):
        again.tokenize_all(["a text never seen"])
