"""Every button the bot makes decodes to the action it was made for, within 64 bytes."""

from __future__ import annotations

import random
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answer, AnswerEngine, AnswerKind
from bot.content import Difficulty, Level, Library, RandomFilters, Section
from bot.content.vocabulary import MAX_BOUND_SECONDS
from bot.conversation.actions import MAX_BYTES, Another, decode, encode
from bot.conversation.render import (
    faq_entry,
    faq_list,
    favourites_list,
    forget_confirmation,
    help_reply,
    language_choice,
    render,
)
from bot.conversation.reply import Reply
from bot.languages import en, es

LANGUAGES: dict[str, ModuleType] = {"en": en, "es": es}


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(2))


def round_trips(reply: Reply) -> int:
    """Asserts every action button of `reply` round-trips; how many there were."""
    count = 0
    for row in reply.buttons:
        for button in row:
            if button.action is not None:
                data = encode(button.action)
                assert len(data.encode()) <= MAX_BYTES
                assert decode(data) == button.action, data
                count += 1
    return count


def random_request(lang: str) -> st.SearchStrategy[str]:
    """A random request as people write one: cue, level, muscle, kit, a time bound of any size."""
    words = LANGUAGES[lang]
    number = st.integers(0, 10**80).map(str) | st.sampled_from(sorted(words.NUMBER_WORDS))
    bound = st.tuples(
        st.sampled_from(sorted(words.BOUND_WORDS)),
        number,
        st.sampled_from(sorted(words.TIME_UNITS)),
    ).map(" ".join)
    glued = st.tuples(st.integers(0, 10**80), st.sampled_from(sorted(words.TIME_UNITS))).map(
        lambda t: f"{t[0]}{t[1]}"
    )
    parts = st.lists(
        st.sampled_from(
            sorted(words.DIFFICULTY_WORDS)
            + sorted(words.MUSCLE_WORDS)
            + sorted(words.EQUIPMENT_WORDS)
        )
        | bound
        | glued,
        max_size=5,
    )
    return st.tuples(st.sampled_from(words.RANDOM_CUES), parts).map(
        lambda t: " ".join([t[0], *t[1]])
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), lang=st.sampled_from(sorted(LANGUAGES)))
def test_every_random_request_makes_buttons_that_decode(
    engine: AnswerEngine, data: st.DataObject, lang: str
) -> None:
    text = data.draw(random_request(lang))
    for answer in (engine.answer(text, lang), engine.random(engine.filters_from(text, lang), lang)):
        made = round_trips(render(answer))
        assert made or answer.exercise is None, text  # a card always has buttons


@settings(max_examples=500, deadline=None)
@given(
    difficulty=st.none() | st.sampled_from(list(Difficulty)),
    equipment=st.none() | st.from_regex(r"[a-z]{1,24}", fullmatch=True),
    muscle=st.none() | st.from_regex(r"[a-z]{1,24}", fullmatch=True),
    seconds=st.none() | st.integers(-(10**80), 10**80),
)
def test_any_random_filters_round_trip(
    difficulty: Difficulty | None, equipment: str | None, muscle: str | None, seconds: int | None
) -> None:
    filters = RandomFilters(difficulty, equipment, muscle, seconds)
    assert filters.max_seconds is None or 0 <= filters.max_seconds <= MAX_BOUND_SECONDS
    another = Another.under(filters)
    assert decode(encode(another)) == another
    assert another.filters == filters


def test_under_2000_minutes_makes_an_another_button_that_decodes(engine: AnswerEngine) -> None:
    for text in ("random under 2000 minutes", "random under " + "9" * 70 + " minutes"):
        answer = engine.answer(text, "en")
        assert answer.kind is AnswerKind.RANDOM
        assert answer.filters.max_seconds == min(2000 * 60, MAX_BOUND_SECONDS)
        assert round_trips(render(answer))


def test_every_card_and_list_the_renderer_makes_round_trips(
    engine: AnswerEngine, library: Library
) -> None:
    made = 0
    for lang in ("en", "es"):
        ids = []
        for exercise in library.catalogue(lang):
            exercise_id = exercise.id
            ids.append((exercise_id, exercise))
            for section in Section:
                for level in (None, *Level):
                    for saved in (False, True):
                        answer = Answer(AnswerKind.EXERCISE, lang, exercise, section, level=level)
                        made += round_trips(render(answer, saved=saved))
            made += round_trips(faq_list(exercise, exercise_id, lang))
            for index in range(len(exercise.faq)):
                entry = faq_entry(exercise, exercise_id, index, lang)
                assert entry is not None
                made += round_trips(entry)
        made += round_trips(favourites_list([*ids, ("gone-exercise", None)], lang))
        made += round_trips(help_reply("hi", lang))
        made += round_trips(forget_confirmation(lang))
        made += round_trips(language_choice(lang, ["en", "es"], lang))
    assert made > 1000
