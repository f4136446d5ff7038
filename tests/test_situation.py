"""The learned situation reader: its training sets are studied ones only, its cache, and how the chain uses it to
settle a fact the patterns leave open (saying so in the answer)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.knowledge import KnowledgeError, SituationSets, load_situation_sets
from corpus.settings import REPO_ROOT

import assistant.situation as situation
from assistant.situation import SituationReader

HEAT = ("지역난방 회사인데 열수요 예측 AI는 내일 수요 예측치만 뽑아주고, 실제 생산 계획은 운영팀 회의에서 사람이 정합니다. "
        "이 예측 AI도 고영향 AI인가요?")


def test_every_training_set_was_run_once_before_it_was_learned_from() -> None:
    """A set the reader learns from can no longer measure it: each listed file must already have its first run."""
    sets = load_situation_sets()
    for name in sets.files:
        m = re.fullmatch(r"eval/heldout(\d+)\.jsonl", name)
        assert m, f"{name}: only held-out sets are learned from (the project's own sets measure the reader)"
        assert (REPO_ROOT / name).is_file()
        assert (REPO_ROOT / f"eval/report-heldout{m.group(1)}-first/report.json").is_file(), \
            f"{name} has no first run: run it before learning from it"


def _sets(tmp_path: Path, rows: list[tuple[str, str | None]], confidence: float = 0.5) -> SituationSets:
    f = tmp_path / "eval" / "heldout1.jsonl"
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text("\n".join(json.dumps({"question": q, "verdict": v}, ensure_ascii=False) for q, v in rows) + "\n",
                 encoding="utf-8")
    return SituationSets(files=("eval/heldout1.jsonl",), min_confidence=confidence, page_min_confidence=0.05,
                         page_quote_confidence=0.3, sentence_weight=10.0)


TOY = [("the staff decide every case themselves after reading the report", "no"),
       ("our staff decide every case themselves, the AI only suggests", "no"),
       ("a person reviews and decides every case themselves", "no"),
       ("staff read it and decide every case themselves", "no"),
       ("the AI decides on its own with no person checking", "yes"),
       ("it decides on its own and nobody checks the result", "yes"),
       ("the AI decides automatically on its own", "yes"),
       ("on its own the AI decides, no person in the loop", "yes"),
       ("nobody knows yet how it will be used", None)]


def test_reader_learns_the_verdicts_and_caches_its_model(tmp_path, monkeypatch) -> None:
    situation._model.cache_clear()
    sets = _sets(tmp_path, TOY)
    reader = SituationReader(tmp_path / "models", sets, root=tmp_path)
    assert reader.guess("the AI decides on its own, nobody checks").verdict == "yes"
    assert reader.guess("staff decide every case themselves").verdict == "no"
    cached = list((tmp_path / "models").glob("situation-reader-*.pkl"))
    assert len(cached) == 1
    # a second process reads the cached model instead of training again
    situation._model.cache_clear()
    monkeypatch.setattr(situation, "_train", lambda *a: pytest.fail("trained again despite the cache"))
    assert SituationReader(tmp_path / "models", sets, root=tmp_path).guess(
        "the AI decides on its own").verdict == "yes"


def test_a_broken_cache_is_trained_again_and_replaced(tmp_path) -> None:
    situation._model.cache_clear()
    sets = _sets(tmp_path, TOY)
    SituationReader(tmp_path / "models", sets, root=tmp_path)
    cached = next((tmp_path / "models").glob("situation-reader-*.pkl"))
    cached.write_bytes(b"not a pickle")
    situation._model.cache_clear()
    assert SituationReader(tmp_path / "models", sets, root=tmp_path).guess("staff decide").verdict == "no"
    assert cached.read_bytes() != b"not a pickle"


def test_a_changed_training_set_is_a_new_model(tmp_path) -> None:
    situation._model.cache_clear()
    SituationReader(tmp_path / "models", _sets(tmp_path, TOY), root=tmp_path)
    SituationReader(tmp_path / "models", _sets(tmp_path, TOY[:-2]), root=tmp_path)
    assert len(list((tmp_path / "models").glob("situation-reader-*.pkl"))) == 2


def test_unsure_or_depends_settles_nothing(tmp_path) -> None:
    situation._model.cache_clear()
    sure = SituationReader(tmp_path / "models", _sets(tmp_path, TOY, confidence=1.0), root=tmp_path)
    assert sure.settles("the AI decides on its own") is None  # no probability reaches 1.0
    situation._model.cache_clear()
    depends = [(f"we cannot tell yet {i}", "depends") for i in range(6)] + [("decides on its own", "yes")] * 2
    reader = SituationReader(tmp_path / "m2", _sets(tmp_path, depends, confidence=0.0), root=tmp_path)
    assert reader.guess("we cannot tell yet").verdict == "depends"
    assert reader.settles("we cannot tell yet") is None


def test_missing_or_uniform_training_files_are_named(tmp_path) -> None:
    situation._model.cache_clear()
    with pytest.raises(KnowledgeError, match="heldout9.jsonl"):
        SituationReader(tmp_path / "models", SituationSets(files=("eval/heldout9.jsonl",), min_confidence=0.5,
                                                                    page_min_confidence=0.05, page_quote_confidence=0.3,
                                                                    sentence_weight=10.0),
                        root=tmp_path)
    situation._model.cache_clear()
    with pytest.raises(KnowledgeError, match="fewer than two kinds"):
        SituationReader(tmp_path / "models", _sets(tmp_path, [("x y", "yes"), ("y z", "yes")]), root=tmp_path)


def test_the_chain_settles_an_open_fact_and_says_how_it_read_it(built_settings, store) -> None:
    """A human-made final decision in words the patterns do not know: the reader settles it, and the answer names
    the reading it rests on; without the reader the answer stays "it depends"."""
    from assistant.chain import Assistant

    settled = Assistant(built_settings, store).ask(HEAT)
    assert settled.verdict == "no"
    assert "이 답은 말씀하신 내용 전체를 이렇게 읽었습니다" in settled.answer
    assert re.search(r"이렇게 읽었습니다[^\n]*\[\d+\]\.", settled.answer)
    plain = Assistant(built_settings.model_copy(update={"situation_reader": False}), store).ask(HEAT)
    assert plain.verdict == "depends"
    assert "이렇게 읽었습니다" not in plain.answer


def test_only_judgements_with_a_stated_reading_are_learned() -> None:
    from corpus.knowledge import knowledge

    learned = {f.id for f in knowledge().facts.values() if f.learned}
    assert {"provides_to_others", "high_impact_area", "human_final_decision"} <= learned
    # particulars the asker states or not are never guessed
    assert not learned & {"no_korean_office", "public_body", "individual_creator", "significant_risk"}
    for fid in learned:
        spec = knowledge().facts[fid]
        assert spec.type == "bool" and spec.state is not None, fid


def test_the_reader_is_loaded_only_when_an_answer_would_depend(built_settings, store) -> None:
    """A cold `kaia ask` whose question the map decides does not pay for scikit-learn and the model."""
    from assistant.chain import Assistant

    a = Assistant(built_settings, store)
    a.ask("What does Art. 31(1) require?")
    assert "situations" not in a.__dict__
    a.ask(HEAT)
    assert a.__dict__.get("situations") is not None


def test_a_question_asked_the_other_way_round_is_learned_and_guessed_the_plain_way(tmp_path) -> None:
    # "…, right?" marks a question asked the other way round in this toy: its verdict is learned swapped, and the
    # guess for such a question is swapped back
    rows = [("the AI decides on its own with no person checking", "yes"),
            ("it decides on its own and nobody checks the result", "yes"),
            ("the AI decides automatically on its own", "yes"),
            ("on its own the AI decides, nobody checks, so we are exempt, right", "no"),
            ("the AI decides on its own and no person looks, so we are exempt, right", "no"),
            ("the staff decide every case themselves after reading the report", "no"),
            ("our staff decide every case themselves, the AI only suggests", "no"),
            ("staff decide every case themselves, so we are exempt, right", "yes"),
            ("a person reviews and decides every case themselves, so we are exempt, right", "yes")]
    turned = lambda q: q.endswith("right")  # noqa: E731
    reader = SituationReader(tmp_path / "models", _sets(tmp_path, rows), root=tmp_path, turned=turned,
                             turned_by="toy")
    assert reader.guess("the AI decides on its own, nobody checks").verdict == "yes"
    assert reader.guess("the AI decides on its own, nobody checks, so we are exempt, right").verdict == "no"
    assert reader.guess("staff decide every case themselves, so we are exempt, right").verdict == "yes"
    # the rules that turn a question round are part of the cached model's name
    SituationReader(tmp_path / "models", _sets(tmp_path, rows), root=tmp_path, turned=turned, turned_by="toy 2")
    assert len(list((tmp_path / "models").glob("situation-reader-*.pkl"))) == 2


def test_a_fact_the_asker_says_it_does_not_know_is_left_open(built_settings, store) -> None:
    """The reader settles what the description leaves unsaid, never what the asker says it does not know (written
    after the studied held-outs 38 and 43): "depends", naming that fact."""
    from assistant.chain import Assistant

    q = ("지역 신협 고객센터 챗봇을 외주 업체가 만들어 줬는데, 생성형 AI가 들어간 건지 정해진 답변만 내보내는 건지 저희도 잘 "
         "몰라요. 고영향 영역은 아니고요. 고객한테 AI 기반이라고 사전 고지를 해야 하나요?")
    answer = Assistant(built_settings, store).ask(q)
    assert answer.verdict == "depends"
    assert "생성하는지" in answer.answer.split("\n")[0]
    assert "이렇게 읽었습니다" not in answer.answer
