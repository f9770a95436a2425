"""The conversation without any face: who is talking, what is on screen, favourites, forget."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content import Library, Section
from bot.conversation.actions import (
    Another,
    ChooseLanguage,
    Forget,
    SetSaved,
    ShowSection,
)
from bot.conversation.conversation import (
    EXPIRED,
    ONLY_MATCH,
    PERSONAL_ONLY,
    Conversation,
    Person,
)
from bot.engine import AnswerEngine
from bot.store import store_at

ANA = Person(1, "en", name="Ana")
BO = Person(2, "es")
HIDDEN = Person(1087968824, "en", personal=False)


@pytest.fixture
async def conversation(library: Library, store_location: Path | str) -> AsyncIterator[Conversation]:
    """The conversation over each backend: in memory what one process remembers (SQLite), in
    the store what several workers share (PostgreSQL)."""
    async with store_at(store_location) as store:
        yield Conversation(AnswerEngine(library, rng=random.Random(4)), store)


async def titles(conversation: Conversation, person: Person) -> list[str]:
    return [c.label for c in (await conversation.favourites(person)).choices]


async def test_language_is_the_chosen_one_else_the_apps_if_spoken_else_english(
    conversation: Conversation,
) -> None:
    assert await conversation.language(BO) == "es"
    assert await conversation.language(Person(3, "fr")) == "en"
    await conversation.press(ANA, ChooseLanguage("es"))
    assert await conversation.language(ANA) == "es"
    assert await conversation.store.language(ANA.id) == "es"
    note = (await conversation.press(ANA, ChooseLanguage("xx"))).note
    assert note == "Este botón ya no funciona. Envía tu pregunta otra vez."  # EXPIRED, in Spanish


async def test_a_follow_up_is_about_the_card_on_screen_of_that_person_only(
    conversation: Conversation,
) -> None:
    await conversation.say(ANA, "teaser")
    assert (await conversation.say(ANA, "make it easier")).text.startswith("Teaser")
    assert not (await conversation.say(Person(4), "make it easier")).text.startswith("Teaser")
    outcome = await conversation.press(ANA, ShowSection("plank"))
    assert outcome.reply is not None
    assert (await conversation.say(ANA, "make it harder")).text.startswith("Plank")


async def test_save_by_name_saves_that_exercise_not_the_card_on_screen(
    conversation: Conversation,
) -> None:
    assert "Ask about an exercise first" in (await conversation.save(ANA, "")).text
    await conversation.say(ANA, "the hundred")
    assert "Saved Teaser" in (await conversation.save(ANA, "teaser")).text
    assert "Saved The Hundred" in (await conversation.save(ANA, "")).text
    assert await titles(conversation, ANA) == ["Teaser", "The Hundred"]
    assert "Removed Teaser" in (await conversation.save(ANA, "teaser", keep=False)).text
    assert "Did you mean" in (await conversation.save(ANA, "swan")).text
    assert "I don't know an exercise called" in (await conversation.save(ANA, "squats")).text
    assert await titles(conversation, ANA) == ["The Hundred"]


async def test_the_save_button_sets_what_it_shows_and_redraws_the_part_on_screen(
    conversation: Conversation,
) -> None:
    outcome = await conversation.press(ANA, SetSaved("plank", True, Section.TIPS))
    assert outcome.note == "★ Saved to /favorites"
    assert outcome.reply is not None and "Tips" in outcome.reply.text
    assert "★ Saved" in [b.label for row in outcome.reply.buttons for b in row]
    assert SetSaved("plank", False, Section.TIPS) in outcome.reply.actions  # pressing unsaves
    # The same press again (a double tap, a redelivery) changes nothing.
    again = await conversation.press(ANA, SetSaved("plank", True, Section.TIPS))
    assert again.note == "★ Saved to /favorites"
    assert await titles(conversation, ANA) == ["Plank"]
    outcome = await conversation.press(ANA, SetSaved("plank", False))
    assert outcome.note == "Removed from favourites"
    assert await titles(conversation, ANA) == []


async def test_the_save_button_of_a_card_drawn_before_still_toggles(
    conversation: Conversation,
) -> None:
    assert (await conversation.press_data(ANA, "1vplank:t:")).note == "★ Saved to /favorites"
    assert (await conversation.press_data(ANA, "1vplank:o:")).note == "Removed from favourites"


async def test_forget_asks_and_deletes_favourites_language_and_screen(
    conversation: Conversation,
) -> None:
    await conversation.save(ANA, "plank")
    await conversation.press(ANA, ChooseLanguage("es"))
    asked = await conversation.ask_forget(ANA)
    assert [c.action for c in asked.choices] == [Forget(True), Forget(False)]
    kept = await conversation.press(ANA, Forget(False))
    assert kept.reply is not None and kept.reply.text == "No se ha borrado nada."  # as chosen
    assert await titles(conversation, ANA) == ["Plancha"]
    done = await conversation.press(ANA, Forget(True))
    assert done.reply is not None and "1" in done.reply.text
    assert await conversation.store.saved(ANA.id) == []
    assert await conversation.language(ANA) == "en"
    assert not (await conversation.say(ANA, "make it easier")).text.startswith("Plank")


async def test_an_id_many_people_share_keeps_nothing_personal(
    conversation: Conversation,
) -> None:
    for reply in (
        await conversation.favourites(HIDDEN),
        await conversation.ask_forget(HIDDEN),
        await conversation.ask_language(HIDDEN),
        await conversation.save(HIDDEN, "plank"),
    ):
        assert reply.text == PERSONAL_ONLY
    outcome = await conversation.press(HIDDEN, SetSaved("plank"))
    assert (outcome.note, outcome.alert, outcome.reply) == (PERSONAL_ONLY, True, None)
    assert await conversation.store.saved(HIDDEN.id) == []


async def test_another_never_repeats_the_card_it_is_under(conversation: Conversation) -> None:
    card = await conversation.random(ANA, "beginner under 30 seconds")  # the Plank alone
    outcome = await conversation.press(ANA, card.actions[-1], card.actions)
    assert outcome.note == ONLY_MATCH and outcome.reply is None
    card = await conversation.random(ANA, "advanced under 45 seconds")
    for _ in range(5):
        shown = card.text.splitlines()[0]
        another = card.actions[-1]
        assert isinstance(another, Another)
        outcome = await conversation.press(ANA, another, card.actions)
        assert outcome.reply is not None
        card = outcome.reply
        assert card.text.splitlines()[0] != shown


async def test_data_not_made_here_is_a_polite_note(conversation: Conversation) -> None:
    assert (await conversation.press_data(ANA, "1vplank:o:z")).note == EXPIRED
    gone = await conversation.press_data(ANA, "1sremoved-exercise:o:")
    assert gone.note == "That exercise is no longer available." and gone.reply is None
