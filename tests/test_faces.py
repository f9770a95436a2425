"""Every conversation scenario, on every face: the terminal chat and Telegram (the real
Application against the fake Bot API)."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content import Library, Website
from bot.engine import AnswerEngine
from bot.faces.console import Console
from bot.store import SqliteStore
from tests.conversation_scenarios import SCENARIOS, Face
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import USER, continued, press, running_bot, say

NUMBERED = re.compile(r"^(\d+)\. (.*)$")
CONTINUED = "⬇ continued below"
SENDS = ("sendMessage", "sendPhoto")


class ChatFace:
    """The terminal chat: lines typed, text printed, choices by number."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.shown = ""

    async def say(self, text: str) -> str:
        self.shown = await self.console.handle(text)
        return self.shown

    async def choose(self, label: str) -> str:
        for line in self.shown.splitlines():
            found = NUMBERED.match(line)
            if found and found[2].removeprefix("✓ ") == label.removeprefix("✓ "):
                return await self.say(found[1])
        raise AssertionError(f"{label!r} is not offered in:\n{self.shown}")

    async def save(self, name: str) -> str:
        return await self.say(f"/fav {name}")

    async def favourites(self) -> list[str]:
        listed = await self.say("/favorites")
        return [m[2] for m in map(NUMBERED.match, listed.splitlines()) if m]


class TelegramFace:
    """A private chat in Telegram: messages sent, buttons pressed, cards edited in place."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.shown: dict[str, Any] = {}

    async def say(self, text: str) -> str:
        self.shown = await say(self.fake, text)
        return str(self.shown["text"])

    async def choose(self, label: str) -> str:
        labels = [b["text"] for row in self.shown["reply_markup"]["inline_keyboard"] for b in row]
        wanted = next(x for x in labels if x.removeprefix("✓ ") == label.removeprefix("✓ "))
        self.shown = await press(self.fake, self.shown, wanted)
        return str(self.shown["text"])

    async def save(self, name: str) -> str:
        await self.say(name)
        await self.choose("☆ Save")
        note = self.fake.callback_answers[-1]["text"]
        return f"{note}: {self.shown['text'].splitlines()[0]}"

    async def favourites(self) -> list[str]:
        listed = await self.say("/favorites")
        return [line.removeprefix("• ") for line in listed.splitlines() if line.startswith("• ")]


class PicturesFace(TelegramFace):
    """Telegram with the site's URL set: cards are photos (the text is their caption and the
    message continuing it), and a card picked from a list comes as a new message below it."""

    async def say(self, text: str) -> str:
        before, asked = self._ids(), time.monotonic()
        self.fake.send_text(USER, text)
        await self.fake.wait_for(None, lambda r: r.method in SENDS and r.started >= asked)
        await self.fake.wait_idle()
        await continued(self.fake)
        return self._read(self._new(before)[0])

    async def choose(self, label: str) -> str:
        before = self._ids()
        labels = [b["text"] for row in self.shown["reply_markup"]["inline_keyboard"] for b in row]
        wanted = next(x for x in labels if x.removeprefix("✓ ") == label.removeprefix("✓ "))
        pressed = await press(self.fake, self.shown, wanted)
        await continued(self.fake)
        cards = [m for m in self._new(before) if m["reply_markup"]]  # not a continuation
        return self._read(cards[0] if cards else pressed)

    async def save(self, name: str) -> str:
        card = await self.say(name)
        await self.choose("☆ Save")
        return f"{self.fake.callback_answers[-1]['text']}: {card.splitlines()[0]}"

    def _ids(self) -> set[int]:
        return {m["message_id"] for m in self.fake.messages(USER)}

    def _new(self, before: set[int]) -> list[dict[str, Any]]:
        return [m for m in self.fake.messages(USER) if m["message_id"] not in before]

    def _read(self, card: dict[str, Any]) -> str:
        """What a reader takes as the reply: the card's text, or its caption without the
        "continued" line and the message below that continues it."""
        self.shown = card
        if "photo" not in card:
            return str(card["text"])
        caption = str(card.get("caption", ""))
        if not caption.endswith(CONTINUED):
            return caption
        below = [m for m in self.fake.messages(USER) if m["message_id"] > card["message_id"]]
        assert below, f"nothing continues {caption!r}:\n{self.fake.describe_recent()}"
        return caption.removesuffix(CONTINUED) + str(below[0]["text"])


@pytest.fixture(params=["chat", "telegram", "telegram-pictures"])
async def face(
    request: pytest.FixtureRequest, library: Library, tmp_path: Path
) -> AsyncIterator[Face]:
    db = tmp_path / "favourites.sqlite3"
    if request.param == "chat":
        async with SqliteStore(db) as store:
            yield ChatFace(Console(AnswerEngine(library), store, read=_nothing, write=print))
        return
    site = Website.at("https://pilates.example.com") if request.param.endswith("pictures") else None
    async with FakeTelegram() as fake:
        fake.make_user(USER)
        async with running_bot(fake, library, db, site=site):
            yield PicturesFace(fake) if site else TelegramFace(fake)


async def _nothing() -> str | None:
    return None


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
async def test_scenario(face: Face, scenario: Callable[[Face], Awaitable[None]]) -> None:
    await scenario(face)
