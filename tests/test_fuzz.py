"""Any Unicode text of any length: a valid Answer, and Telegram-valid HTML within limits."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import Library
from bot.conversation.actions import InvalidCallbackData, decode, encode
from bot.conversation.render import render
from bot.conversation.reply import MAX_MESSAGE
from bot.engine import Answer, AnswerEngine, AnswerKind
from tests.fake_telegram import parse_html, utf16_len

messages = st.text(max_size=6000) | st.text(
    alphabet=st.sampled_from(list("<>&\"'/;{}()*_`[] \n\tabcxyz🧘‍♀️́")), max_size=300
)


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(0))


def _check(answer: Answer, engine: AnswerEngine) -> None:
    assert isinstance(answer.kind, AnswerKind)
    if answer.kind in (AnswerKind.EXERCISE, AnswerKind.FAQ):
        assert answer.exercise is not None
    reply = render(answer)
    pieces = reply.html_pieces()
    assert pieces
    for piece in pieces:
        assert 1 <= utf16_len(parse_html(piece).text) <= MAX_MESSAGE
    for row in reply.buttons:
        for button in row:
            if button.action is not None:
                # An action past 64 bytes (a long session's exercises) is kept server-side by
                # the faces (ActionTooLong); every action still reads back as itself.
                assert decode(encode(button.action, limit=None), limit=None) == button.action


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=messages, lang=st.sampled_from(["en", "es", "fr", ""]))
def test_any_message_gets_a_valid_answer_and_valid_html(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    _check(engine.answer(text, lang or "en"), engine)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=messages)
def test_follow_ups_on_any_exercise_are_valid(engine: AnswerEngine, text: str) -> None:
    _check(engine.answer(text, about="the-hundred"), engine)


def test_a_session_too_long_for_callback_data_still_renders(engine: AnswerEngine) -> None:
    """Hypothesis once wrote "0LASS": a class-long session of 11 exercises, whose buttons'
    data is past Telegram's 64 bytes."""
    answer = engine.answer("class", about="the-hundred")
    assert answer.kind is AnswerKind.SESSION
    _check(answer, engine)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_forged_callback_data_is_refused_or_decoded(data: str) -> None:
    try:
        action = decode(data)
    except InvalidCallbackData:
        return
    assert len(encode(action).encode()) <= 64
