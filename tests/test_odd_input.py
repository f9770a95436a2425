"""Odd but legal input: huge numbers, look-alike mentions, anonymous admins, a closed pipe."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content import Library
from bot.store import SqliteStore
from tests.conftest import ROOT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, press, running_bot, say

USER = 1001
GROUP = -100_555
ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: every anonymous admin of every group


@pytest.mark.parametrize(
    "text",
    [
        "random exercise under " + "9" * 70 + " minutes",
        "/random under " + "9" * 70 + " minutes",
        "/random under 2000 minutes",
        "random " + "9" * 4000 + "s",
    ],
)
async def test_huge_time_bounds_get_a_card_whose_another_button_works(
    fake: FakeTelegram, library: Library, db: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db):
        card = await say(fake, text)
        assert "🎲 Another" in buttons(card), card["text"]
        again = await press(fake, card, "🎲 Another")
        assert fake.callback_answers[-1].get("text") is None  # not "no longer works"
        assert "🎲 Another" in buttons(again)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "9" * 20 not in caplog.text


@pytest.fixture
async def open_group() -> AsyncIterator[FakeTelegram]:
    """A group where the bot reads every message (privacy off, or the bot an admin)."""
    async with FakeTelegram(group_privacy=False) as server:
        yield server


async def test_a_longer_username_does_not_wake_the_bot(
    open_group: FakeTelegram, library: Library, db: Path
) -> None:
    fake = open_group
    fake.make_user(USER)
    async with running_bot(fake, library, db):
        fake.send_group_text(USER, GROUP, "@fake_test_bot_helper plank please")
        fake.send_group_text(USER, GROUP, "ask @fake_test_botanist about the plank")
        await fake.wait_idle(quiet=0.5)
        assert fake.messages(GROUP) == []
        fake.send_group_text(USER, GROUP, "@Fake_Test_Bot plank")
        await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == GROUP)
        await fake.wait_idle()
        assert fake.last_message(GROUP)["text"].startswith("Plank")  # type: ignore[index]


async def test_anonymous_admins_get_no_shared_favourites(
    open_group: FakeTelegram, library: Library, db: Path
) -> None:
    fake = open_group
    async with SqliteStore(db) as store:  # what an earlier version let them share
        await store.toggle(ANONYMOUS_ADMIN, "plank")
    fake.make_user(ANONYMOUS_ADMIN, "Group", username="GroupAnonymousBot")
    group = {"id": GROUP, "type": "group", "title": f"Group {GROUP}"}
    async with running_bot(fake, library, db):
        for command in ("/favorites@fake_test_bot", "/forget@fake_test_bot"):
            fake.send_group_text(ANONYMOUS_ADMIN, GROUP, command, sender_chat=group)
            await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == GROUP)
            await fake.wait_idle()
            reply = fake.last_message(GROUP)
            assert reply is not None
            assert "Saving needs a personal chat" in reply["text"], command
            assert "Plank" not in reply["text"]
        fake.send_group_text(ANONYMOUS_ADMIN, GROUP, "@fake_test_bot plank", sender_chat=group)
        await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == GROUP)
        await fake.wait_idle()
        assert "☆ Save" in buttons(fake.last_message(GROUP))  # type: ignore[arg-type]
    async with SqliteStore(db) as store:
        assert [f.exercise_id for f in await store.saved(ANONYMOUS_ADMIN)] == ["plank"]


def test_ask_into_a_closed_pipe_ends_quietly() -> None:
    result = subprocess.run(
        f"yes 'how do I do the hundred' | head -300 | {sys.executable} -m bot ask - | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.stdout.count("\n") == 1 and '"the-hundred"' in result.stdout
    assert result.stderr == ""
