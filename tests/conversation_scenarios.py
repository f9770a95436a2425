"""Conversation scenarios, written once and run on every face (tests/test_faces.py).

A scenario talks to a `Face` the way a person would: it says things, picks what a reply offers
by its label (a button in Telegram, a number in the terminal chat) and reads the text back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol


class Face(Protocol):
    """One way of talking to the bot."""

    async def say(self, text: str) -> str:
        """Send a message or command; the text of the reply."""

    async def choose(self, label: str) -> str:
        """Pick what the last reply offers under `label`; the text shown then."""

    async def save(self, name: str) -> str:
        """Save an exercise by its name, the way this face does it; the text shown."""

    async def favourites(self) -> list[str]:
        """The titles /favorites lists."""


async def save_by_name(face: Face) -> None:
    await face.say("how do i do the hundred")  # a card on screen that is not the one saved
    assert "Teaser" in await face.save("teaser")
    assert await face.favourites() == ["Teaser"]
    await face.save("plank")
    assert await face.favourites() == ["Teaser", "Plank"]


async def forget_asks_first(face: Face) -> None:
    await face.save("plank")
    assert "Delete everything stored about you?" in await face.say("/forget")
    assert "Nothing was deleted." in await face.choose("Cancel")
    assert await face.favourites() == ["Plank"]
    await face.say("/forget")
    assert "1 favourite(s)" in await face.choose("Yes, delete everything")
    assert await face.favourites() == []


async def language_switch(face: Face) -> None:
    assert "Choose your language" in await face.say("/language")
    assert "a partir de ahora te respondo en español" in await face.choose("Español")
    card = await face.say("cómo hago el cien")
    assert card.startswith("El Cien")
    await face.say("/language")
    assert "from now on" in await face.choose("English")
    assert (await face.say("the hundred")).startswith("The Hundred")


async def follow_up_on_the_card(face: Face) -> None:
    assert (await face.say("teaser")).startswith("Teaser")
    easier = await face.say("make it easier")
    assert easier.startswith("Teaser")
    assert "Easier" in easier
    assert "Harder" not in easier


async def suggestions_are_chosen(face: Face) -> None:
    offered = await face.say("swan")
    assert "Did you mean" in offered
    assert (await face.choose("Swan Dive")).startswith("Swan Dive")
    assert "Easier" in await face.say("make it easier")  # the chosen card is on screen


SCENARIOS: tuple[Callable[[Face], Awaitable[None]], ...] = (
    save_by_name,
    forget_asks_first,
    language_switch,
    follow_up_on_the_card,
    suggestions_are_chosen,
)
