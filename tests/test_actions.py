"""Typed button actions: every button the bot makes decodes to the action it was made for,
within 64 bytes; the codec refuses anything else; longer actions travel as a kept key."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType
from typing import Annotated

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import Difficulty, Level, Library, RandomFilters, Section
from bot.content.vocabulary import MAX_BOUND_SECONDS
from bot.conversation.actions import (
    MAX_BYTES,
    Action,
    ActionTooLong,
    Another,
    AskExample,
    ChooseLanguage,
    ExerciseId,
    Forget,
    InvalidCallbackData,
    Kept,
    SetSaved,
    ShowFaq,
    ShowFaqs,
    ShowSection,
    Text,
    ToggleSave,
    decode,
    encode,
)
from bot.conversation.conversation import Conversation
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
from bot.engine import Answer, AnswerEngine, AnswerKind
from bot.languages import en, es
from bot.store import SqliteStore

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
                try:
                    data = encode(button.action)
                except ActionTooLong:  # kept server-side under a short key (a session's list)
                    kept = encode(button.action, limit=None)
                    assert decode(kept, limit=None) == button.action, kept
                else:
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


# --- the codec, as a specification -------------------------------------------------------


def test_the_wire_format_is_the_one_buttons_already_in_chats_carry() -> None:
    assert encode(ShowSection("the-hundred", Section.STEPS)) == "1sthe-hundred:s:"
    assert encode(ToggleSave("plank", Section.MODIFICATIONS, Level.EASIER)) == "1vplank:m:e"
    assert encode(SetSaved("plank", False, Section.MODIFICATIONS, Level.EASIER)) == "1wplank:0:m:e"
    assert encode(ShowFaqs("plank")) == "1fplank"
    assert encode(ShowFaq("plank", 3)) == "1qplank:3"
    assert encode(Another(Difficulty.BEGINNER, None, "core", 120)) == "1rb::core:120"
    assert encode(Forget(confirmed=True)) == "1dyes"
    assert encode(ChooseLanguage("es")) == "1les"
    assert encode(AskExample(2)) == "1e2"
    assert decode("1sthe-hundred:o:") == ShowSection("the-hundred")


@pytest.mark.parametrize(
    "data",
    [
        "",
        "1",
        "2sthe-hundred:o:",  # another version
        "1Hplank",  # no such action
        "1vplank:o:z",  # no such level
        "1s../../etc:o:",  # not an id
        "1splank:o",  # a field missing
        "1splank:o::",  # a field too many
        "1q plank:1",
        "1qplank:123",  # an index too long
        "1dmaybe",
        "1e10",
        "1s" + "a" * 49 + ":o:",  # an id longer than any slug
        "1r" + ":" * 70,  # over 64 bytes
        "1kshort",  # a kept key of the wrong shape
    ],
)
def test_the_codec_refuses_what_it_did_not_make(data: str) -> None:
    with pytest.raises(InvalidCallbackData):
        decode(data)


def test_an_action_over_64_bytes_is_refused_by_encode_and_kept_whole_without_limit() -> None:
    long = Long("x" * 80)
    with pytest.raises(ActionTooLong):
        encode(long)
    data = encode(long, limit=None)
    assert decode(data, limit=None) == long
    with pytest.raises(InvalidCallbackData):
        decode(data)


def test_values_outside_a_field_are_refused_when_encoding() -> None:
    with pytest.raises(ValueError, match="does not match"):
        encode(ShowSection("Not An Id"))
    with pytest.raises(ValueError, match="digits"):
        encode(ShowFaq("plank", 100))


def test_a_prefix_is_one_free_letter_and_every_field_says_how_it_travels() -> None:
    with pytest.raises(TypeError, match="prefix"):

        class Twice(Action, prefix="s"):  # ShowSection's
            exercise_id: ExerciseId

    with pytest.raises(TypeError, match="FieldCodec"):

        class Bare(Action, prefix="Q"):
            name: str


class Long(Action, prefix="Z"):
    """A test action that needs more than 64 bytes (as a session of exercises would)."""

    text: Annotated[str, Text(r"[a-z]{1,200}")]


async def test_a_long_action_travels_as_a_short_key_and_expires(
    library: Library, tmp_path: Path
) -> None:
    async with SqliteStore(tmp_path / "db.sqlite3") as store:
        conversation = Conversation(AnswerEngine(library), store)
        long = Long("y" * 100)
        data = await conversation.button_data(long)
        assert data.startswith("1k") and len(data.encode()) <= MAX_BYTES
        assert await conversation.action(data) == long
        assert await conversation.action(encode(ShowFaqs("plank"))) == ShowFaqs("plank")
        assert await conversation.action("1k" + "A" * 16) is None  # never kept
        key = await store.keep(encode(long, limit=None), seconds=-1)
        assert await conversation.action(encode(Kept(key))) is None  # expired
