"""The learned guidance readers: which page of a guideline section and which sentences of a guideline passage careful
readers cite, learned from the annotated question files; their caches; and what the chain quotes with them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.keyfacts import fact_found
from corpus.knowledge import KnowledgeError, SituationSets
from corpus.model import Unit

import assistant.pages as pages
from assistant.pages import PageReader, SentenceReader, key_parts, page_key, unit_key

SCHOOL = ("We run a middle school. Teachers use an AI tool that drafts the achievement comments in the school record; "
          "teachers review and edit them. High-impact?")


def _sets(tmp_path: Path, rows: list[dict], page_min: float = 0.05, weight: float = 10.0) -> SituationSets:
    f = tmp_path / "eval" / "heldout1.jsonl"
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return SituationSets(files=("eval/heldout1.jsonl",), min_confidence=0.5, page_min_confidence=page_min,
                         page_quote_confidence=page_min, sentence_weight=weight)


def _gold(page: int) -> dict:
    return {"doc": "guideline/high-impact", "article": None, "paragraph": None, "page": page}


SCHOOL_ROWS = [{"question": f"our school's AI grades the students' exams {i}", "gold": [_gold(139)],
                "key_facts": ["최종 검토"]} for i in range(4)]
HIRING_ROWS = [{"question": f"the AI screens job applicants and rejects some {i}", "gold": [_gold(74)],
                "key_facts": ["실질적인 개입"]} for i in range(4)]
LAW_ROW = {"question": "what does the law say", "gold": [{"doc": "act", "article": "31", "paragraph": "1"}],
           "key_facts": ["x"]}


def _unit(page: int, cid: str) -> Unit:
    return Unit(uid=cid, cid=cid, doc="guideline/high-impact", lang="ko", version="2026-04", level="passage", text="t",
                article=cid.split(":")[1], page=page)


def test_page_keys_name_a_printed_page_or_an_unpaged_passage() -> None:
    assert page_key("guideline/high-impact", 139, "passage-180") == "guideline/high-impact|139"
    assert page_key("guideline/operator-duties", None, "passage-25") == "guideline/operator-duties|passage-25"
    assert unit_key(_unit(74, "guideline/high-impact:passage-90")) == "guideline/high-impact|74"


def test_the_page_reader_prefers_the_page_cited_for_such_questions_and_caches_its_model(tmp_path, monkeypatch) -> None:
    pages._page_model.cache_clear()
    sets = _sets(tmp_path, SCHOOL_ROWS + HIRING_ROWS + [LAW_ROW])
    reader = PageReader(tmp_path / "models", sets, root=tmp_path)
    found = {"guideline/high-impact:passage-180": _unit(139, "guideline/high-impact:passage-180"),
             "guideline/high-impact:passage-90": _unit(74, "guideline/high-impact:passage-90"),
             "guideline/high-impact:passage-5": _unit(13, "guideline/high-impact:passage-5")}
    assert reader.preferred("the AI grades exams at our school", found) == {"guideline/high-impact:passage-180"}
    assert reader.preferred("the AI screens applicants for a job", found) == {"guideline/high-impact:passage-90"}
    # a page it never saw cited is never preferred; the law's gold is not a page
    assert "act|31" not in reader.probabilities("x")
    assert len(list((tmp_path / "models").glob("page-reader-*.pkl"))) == 1
    pages._page_model.cache_clear()
    monkeypatch.setattr(pages, "_train_pages", lambda *a: pytest.fail("trained again despite the cache"))
    assert PageReader(tmp_path / "models", sets, root=tmp_path).preferred("exams at school", found)


def test_an_unsure_page_reader_leaves_retrieval_s_order_and_cites_no_page(tmp_path) -> None:
    pages._page_model.cache_clear()
    sure = PageReader(tmp_path / "models", _sets(tmp_path, SCHOOL_ROWS + HIRING_ROWS), root=tmp_path)
    assert sure.cited("the AI grades exams at our school") == "guideline/high-impact|139"
    pages._page_model.cache_clear()
    reader = PageReader(tmp_path / "models", _sets(tmp_path, SCHOOL_ROWS + HIRING_ROWS, page_min=1.0), root=tmp_path)
    assert reader.preferred("the AI grades exams", {"c:passage-1": _unit(139, "c:passage-1")}) == set()
    assert reader.cited("the AI grades exams at our school") is None


def test_page_keys_parse_back() -> None:
    assert key_parts("guideline/high-impact|139") == ("guideline/high-impact", 139, None)
    assert key_parts("guideline/operator-duties|passage-25") == ("guideline/operator-duties", None, "passage-25")


def test_a_page_reader_needs_two_cited_pages(tmp_path) -> None:
    pages._page_model.cache_clear()
    with pytest.raises(KnowledgeError, match="fewer than two guideline pages"):
        PageReader(tmp_path / "models", _sets(tmp_path, SCHOOL_ROWS + [LAW_ROW]), root=tmp_path)


SENTENCES = {139: ["교사가 최종 검토 및 수정 과정을 거치지 않고 그대로 사용하면 고영향 인공지능에 해당한다.",
                   "이 절은 교육 분야의 판단 기준을 설명한다.", "평가 업무의 예시는 다음과 같다."],
             74: ["정당한 권한을 가진 사람에 의한 실질적인 개입이 없으면 고영향 인공지능에 해당한다.",
                  "이 절은 채용 분야의 판단 기준을 설명한다.", "채용 업무의 예시는 다음과 같다."]}


def _sentences(gold: dict) -> list[str]:
    return SENTENCES.get(gold.get("page"), [])


def test_the_sentence_reader_learns_which_sentences_carry_the_key_facts(tmp_path) -> None:
    sets = _sets(tmp_path, SCHOOL_ROWS + HIRING_ROWS + [LAW_ROW], weight=10.0)
    reader = SentenceReader(tmp_path / "models", _sentences, fact_found, "index-1", sets, root=tmp_path)
    rule, intro, example = reader.likelihood(["교사의 최종 검토 및 수정 과정이 없으면 고영향 인공지능에 해당한다.",
                                              "이 절은 의료 분야의 판단 기준을 설명한다.", "진료 업무의 예시는 다음과 같다."])
    assert rule > intro and rule > example
    assert reader.weighed(["이 절은 교육 분야의 판단 기준을 설명한다."])[0] == pytest.approx(
        10.0 * reader.likelihood(["이 절은 교육 분야의 판단 기준을 설명한다."])[0])
    # one model per corpus: a new index is a new model
    SentenceReader(tmp_path / "models", _sentences, fact_found, "index-2", sets, root=tmp_path)
    assert len(list((tmp_path / "models").glob("sentence-reader-*.pkl"))) == 2


def test_a_sentence_reader_without_a_found_key_fact_is_named(tmp_path) -> None:
    rows = [{"question": "q", "gold": [_gold(139)], "key_facts": ["nowhere to be found"]}]
    with pytest.raises(KnowledgeError, match="no key fact"):
        SentenceReader(tmp_path / "models", _sentences, fact_found, "i", _sets(tmp_path, rows), root=tmp_path)


def _guidance_quotes(answer) -> list[tuple[int | None, str]]:  # noqa: ANN001 - an Answer
    return [(c.page, c.quote) for c in answer.citations if c.kind == "guideline"]


def test_the_chain_quotes_the_guideline_s_rule_for_an_english_question(built_settings, store) -> None:
    """An English question shares no word with the Korean guideline: by its words alone the chain quotes a passage's
    first sentences; the sentence reader quotes the education section's rule on the teacher's final review."""
    from assistant.chain import Assistant

    on = _guidance_quotes(Assistant(built_settings, store).ask(SCHOOL))
    assert any(page == 139 and "최종 검토" in quote for page, quote in on), on
    off = _guidance_quotes(Assistant(built_settings.model_copy(update={"guidance_reader": False}), store).ask(SCHOOL))
    assert not any(page == 139 and "최종 검토" in quote for page, quote in off), off
