from __future__ import annotations

import html
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answer, AnswerEngine, AnswerKind
from bot.content import Level, Library, Section
from bot.conversation.render import render
from bot.conversation.reply import MAX_MESSAGE, Line, Part, Reply, Span
from tests.fake_telegram import parse_html, utf16_len


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(3))


def _valid_for_telegram(reply: Reply) -> None:
    for piece in reply.html_pieces():
        parsed = parse_html(piece)  # raises on anything Telegram would refuse
        assert 1 <= utf16_len(parsed.text) <= MAX_MESSAGE


@pytest.mark.parametrize("section", list(Section))
def test_every_section_of_every_exercise_is_valid_telegram_html(
    engine: AnswerEngine, section: Section
) -> None:
    for exercise in engine.library.catalogue():
        answer = Answer(AnswerKind.EXERCISE, exercise=exercise, section=section)
        reply = render(answer)
        _valid_for_telegram(reply)
        assert exercise.title in reply.text


def test_overview_card_has_title_level_duration_equipment_and_steps(engine: AnswerEngine) -> None:
    reply = render(engine.answer("the hundred"))
    lines = reply.text.splitlines()
    assert lines[0] == "The Hundred"
    assert lines[1] == "Beginner · 1 min 40 s · mat"
    assert "How to do it" in reply.text
    assert "1. Lie on your back" in reply.text


def test_easier_shows_only_easier_modifications(engine: AnswerEngine) -> None:
    answer = engine.answer("make the hundred easier")
    assert answer.level is Level.EASIER
    text = render(answer).text
    assert "Easier" in text
    assert "Harder" not in text


def test_content_text_is_escaped(engine: AnswerEngine) -> None:
    exercise = engine.library.get("plank")
    assert exercise is not None
    hostile = exercise.__class__(**{**_fields(exercise), "title": "<b>Plank & co</b>"})
    answer = Answer(AnswerKind.EXERCISE, exercise=hostile, section=Section.STEPS)
    pieces = render(answer).html_pieces()
    assert html.escape("<b>Plank & co</b>", quote=False) in pieces[0]
    _valid_for_telegram(render(answer))


def _fields(exercise: object) -> dict[str, object]:
    return {name: getattr(exercise, name) for name in exercise.__slots__}  # type: ignore[attr-defined]


def test_long_replies_split_at_part_borders() -> None:
    parts = tuple(
        Part(tuple((Span(f"part {p} line {i} " + "x" * 90),) for i in range(20))) for p in range(5)
    )
    pieces = Reply(parts).html_pieces()
    assert len(pieces) > 1
    for piece in pieces:
        assert utf16_len(parse_html(piece).text) <= MAX_MESSAGE
        assert piece.startswith("part")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=12000))
def test_any_text_becomes_valid_pieces(text: str) -> None:
    line: Line = (Span(text),)
    reply = Reply((Part((line,)),))
    for piece in reply.html_pieces():
        assert len(parse_html(piece).text) <= MAX_MESSAGE


def test_none_reply_says_what_the_bot_can_do(engine: AnswerEngine) -> None:
    text = render(engine.answer("what's the weather")).text
    assert "/random" in text
    assert "how do I do the hundred" in text
