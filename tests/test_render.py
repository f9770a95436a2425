from __future__ import annotations

import html
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import Level, Library, Section
from bot.conversation.actions import Another, AskExample, SetSaved, ShowSection
from bot.conversation.render import render
from bot.conversation.reply import MAX_MESSAGE, Line, Part, Reply, Span, plain
from bot.engine import Answer, AnswerEngine, AnswerKind
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


# --- one test per answer kind ---------------------------------------------------------------


def test_an_exercise_card_marks_the_part_on_screen_and_offers_to_save(
    engine: AnswerEngine,
) -> None:
    reply = render(engine.answer("steps of the plank"))
    labels = [b.label for row in reply.buttons for b in row]
    assert "· Steps ·" in labels and "Steps" not in labels
    assert "☆ Save" in labels
    assert SetSaved("plank", True, Section.STEPS) in reply.actions
    saved = render(engine.answer("plank"), saved=True)
    assert "★ Saved" in [b.label for row in saved.buttons for b in row]


def test_a_faq_answer_names_its_question_and_opens_its_exercise(engine: AnswerEngine) -> None:
    answer = engine.answer("roll up strains my neck")
    assert answer.kind is AnswerKind.FAQ
    reply = render(answer)
    assert reply.text.startswith("My neck hurts in the roll up.")
    assert "From: Roll Up" in reply.text
    assert reply.actions == (ShowSection("roll-up"),)


def test_a_random_pick_is_a_card_with_another_under_the_same_filters(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("random beginner exercise")
    assert answer.kind is AnswerKind.RANDOM
    reply = render(answer)
    assert reply.actions[-1] == Another.under(answer.filters)
    assert "\nBeginner" in reply.text
    nothing = render(engine.answer("random advanced under 5 seconds"))
    assert "No exercise matches" in nothing.text and nothing.buttons == ()


def test_suggestions_list_their_choices_and_a_button_each(engine: AnswerEngine) -> None:
    reply = render(engine.answer("swan"))
    assert [c.action for c in reply.choices] == list(reply.actions)
    assert reply.text.splitlines()[1:] == [f"• {c.label}" for c in reply.choices]
    assert plain(reply.parts) == "I'm not sure which exercise you mean. Did you mean:"


def test_no_answer_is_help_with_examples_to_tap(engine: AnswerEngine) -> None:
    reply = render(engine.answer("hello"))
    assert reply.text.startswith("Hi! I'm your Pilates assistant.")
    assert reply.actions == tuple(AskExample(i) for i in range(4))
