"""Load on the real chat page (a smaller count than eval/load_web.py's 16 × 25): no errors, no answers mixed up."""
from __future__ import annotations

from eval.load_web import expected_labels, run_load

QUESTIONS = ["Do I have to tell users that my chatbot uses generative AI?", "시행령 제29조제1항제2호의 매출액 기준은?",
             "What is the administrative fine for failing to designate a domestic agent?",
             "What are the EU AI Act's fines?", "고영향 인공지능 영향평가에 포함되어야 하는 사항은?",
             "Who performs the technical review for the AI product confirmation under Notice 2026-50?"]


def test_concurrent_users_get_their_own_answers(web_server):
    from assistant.chain import Assistant

    settings, url = web_server  # the chat-page tests' server: expected answers come from its own index
    expected = expected_labels(QUESTIONS, Assistant(settings))
    result = run_load(url, QUESTIONS, clients=6, per_client=3, expected=expected, timeout=180)
    assert result["errors"] == [] and result["mixups"] == [], result
    assert result["answers"] == 18
