"""What a question asks: its form, the sentence that asks, and its subject (assistant/asked.py over
corpus/phrasing.toml), on questions written for these tests."""
from __future__ import annotations

import pytest

from assistant.asked import LIST, OTHER, YESNO, QuestionReader
from corpus.knowledge import knowledge


@pytest.fixture(scope="module")
def reader() -> QuestionReader:
    return QuestionReader(knowledge())


@pytest.mark.parametrize("question, sentence", [
    # An abbreviation's full stop does not end the sentence; a sentence's does.
    ("Does Art. 31 apply to a chatbot we only use in-house?", "Does Art. 31 apply to a chatbot we only use in-house?"),
    ("Under Decree Art. 23(4), is an internal tool exempt?", "Under Decree Art. 23(4), is an internal tool exempt?"),
    ("It's clearly anime art. Do I have to label it?", "Do I have to label it?"),
    ("We sell e.g. chatbots. Must we notify users?", "Must we notify users?"),
    # The first sentence ending in a question mark asks; a Korean statement ending in 요 does not.
    ("한국 이용자가 120만 명이에요. 국내대리인을 지정해야 하나요?", "국내대리인을 지정해야 하나요?"),
    # A bare request for confirmation asks about the sentence before it.
    ("We sell to universities. Our lawyers say we are outside the Act. Correct?",
     "Our lawyers say we are outside the Act. Correct?"),
    ("학생 평가니까 고영향이라고 누가 그러던데요. 맞나요?", "학생 평가니까 고영향이라고 누가 그러던데요. 맞나요?"),
])
def test_the_sentence_that_asks(reader, question, sentence):
    assert reader.asking_sentence(question) == sentence


@pytest.mark.parametrize("question, form", [
    ("Do we have to tell users our chatbot is AI?", YESNO),
    ("Does Art. 34 apply to our hiring tool?", YESNO),
    ("What must the notice say?", OTHER),
    ("Which duties apply to us?", LIST),
    ("고객에게 AI라는 사실을 알려야 하나요?", YESNO),
    ("왜 그런 결과가 나왔는지 설명을 받을 수 있나요?", YESNO),  # a question word inside an embedded question
    ("과태료는 얼마인가요?", OTHER),
    ("We grade essays with AI. High-impact or not?", YESNO),
    ("학생 평가니까 고영향 인공지능이라고 누가 그러던데 맞나요?", YESNO),  # "누가 그러던데" reports, it does not ask who
])
def test_question_forms(reader, question, form):
    assert reader.form(question) == form
