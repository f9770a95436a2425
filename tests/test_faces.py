"""Every conversation scenario, on every face: the terminal chat and Telegram (the real
Application against the fake Bot API)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content import Library
from bot.engine import AnswerEngine
from bot.faces.console import Console
from bot.store import SqliteStore
from tests.conversation_scenarios import SCENARIOS, Face
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import USER, press, running_bot, say

NUMBERED = re.compile(r"^(\d+)\. (.*)$")


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


@pytest.fixture(params=["chat", "telegram"])
async def face(
    request: pytest.FixtureRequest, library: Library, tmp_path: Path
) -> AsyncIterator[Face]:
    db = tmp_path / "favourites.sqlite3"
    if request.param == "chat":
        async with SqliteStore(db) as store:
            yield ChatFace(Console(AnswerEngine(library), store, read=_nothing, write=print))
        return
    async with FakeTelegram() as fake:
        fake.make_user(USER)
        async with running_bot(fake, library, db):
            yield TelegramFace(fake)


async def _nothing() -> str | None:
    return None


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
async def test_scenario(face: Face, scenario: Callable[[Face], Awaitable[None]]) -> None:
    await scenario(face)
