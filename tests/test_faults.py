"""Telegram misbehaving, the process stopped mid-load, a locked or read-only database:
nothing lost."""

from __future__ import annotations

import asyncio
import logging
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.content import Library
from bot.conversation.actions import SetSaved, encode
from bot.store import SqliteStore, store_at
from tests.conftest import ROOT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, running_bot, say, until

pytestmark = pytest.mark.timeout(180)


def _answered(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [
        r.params["text"]
        for r in fake.requests_for("sendMessage")
        if r.status == 200 and r.params["chat_id"] == chat_id
    ]


async def tap_save(fake: FakeTelegram, user: int, card: dict[str, Any]) -> str:
    """Tap ☆ Save under a card; what the bot answered the tap with."""
    query = fake.press_button(user, card, buttons(card)["☆ Save"])
    answer = await fake.wait_for(
        "answerCallbackQuery", lambda r: r.params["callback_query_id"] == query
    )
    return str(answer.params["text"])


async def test_getupdates_faults_lose_nothing_and_answer_nothing_twice(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    users = [fake.make_user(5000 + i)["id"] for i in range(5)]
    async with running_bot(fake, library, db):
        await fake.wait_until_polling()
        fake.fail_next("getUpdates", status=500, times=2)
        fake.drop_next("getUpdates", processed=True)  # updates sent, the answer lost on the way
        fake.delay_next("getUpdates", 3.0)  # past the client's read timeout
        for round_ in range(4):
            for user in users:
                fake.send_text(user, ["plank", "teaser", "hi", "swan"][round_])
            await asyncio.sleep(0.3)
        await until(lambda: all(len(_answered(fake, u)) == 4 for u in users))
        await fake.wait_idle()
    for user in users:
        texts = _answered(fake, user)
        assert len(texts) == 4, fake.describe_recent()  # every message once, none twice
    assert any(r.fault for r in fake.requests_for("getUpdates"))


async def test_send_faults_are_retried_and_slow_telegram_does_not_stop_the_bot(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    user = fake.make_user(6000)["id"]
    async with running_bot(fake, library, db):
        fake.fail_next("sendMessage", status=500)
        fake.drop_next("sendMessage")  # connection reset before Telegram read it
        fake.send_text(user, "plank")
        await until(lambda: len(_answered(fake, user)) == 1)
        await fake.wait_idle()
        assert _answered(fake, user)[0].startswith("<b>Plank</b>")
        assert len(_answered(fake, user)) == 1
        fake.delay_next("sendMessage", 8.0)  # past PTB's write timeout: not retried
        fake.send_text(user, "teaser")
        await asyncio.sleep(0.5)
        reply = await say(fake, "swan dive", user=user)  # the bot keeps serving meanwhile
        assert reply["text"].startswith("Swan Dive")


async def test_two_hundred_users_saving_concurrently_end_as_their_own_sequences(
    fake: FakeTelegram, library: Library, store_location: Path | str
) -> None:
    rng = random.Random(11)
    exercises = ["plank", "teaser", "the saw"]
    users = [fake.make_user(7000 + i)["id"] for i in range(200)]
    expected: dict[int, set[str]] = {}
    store = store_at(store_location)
    async with running_bot(fake, library, Path(), concurrent_updates=32, store=store):
        for user in users:
            for text in exercises:
                fake.send_text(user, text)
        await until(lambda: len(fake.requests_for("sendMessage")) == len(users) * len(exercises))
        await fake.wait_idle()
        presses = 0
        for user in users:
            saved: set[str] = set()
            for card in fake.messages(user):
                save = next(d for label, d in buttons(card).items() if "Save" in label)
                exercise_id = save[2:].split(":")[0]
                for _ in range(rng.randint(1, 5)):  # taps in a row, without waiting
                    # Save or Unsave (as a redrawn card would offer): the last one must win.
                    wanted = rng.random() < 0.5
                    data = encode(SetSaved(exercise_id, wanted))
                    fake.press_button(user, card, data, check=False)
                    saved = saved | {exercise_id} if wanted else saved - {exercise_id}
                    presses += 1
            expected[user] = saved
        await until(lambda: len(fake.requests_for("answerCallbackQuery")) == presses)
        await fake.wait_idle()
    async with store_at(store_location) as reopened:
        actual = {user: {f.exercise_id for f in await reopened.saved(user)} for user in users}
    assert actual == expected


async def test_a_locked_database_gets_a_polite_reply_and_recovers(
    fake: FakeTelegram, library: Library, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user = fake.make_user(8000)["id"]
    async with running_bot(fake, library, db, busy_timeout=0.2):
        card = await say(fake, "plank", user=user)
        locker = sqlite3.connect(db, timeout=0, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        with caplog.at_level(logging.ERROR):
            answer = await tap_save(fake, user, card)
        assert "couldn't reach your favourites" in answer
        assert any("favourites storage failed" in r.getMessage() for r in caplog.records)
        locker.execute("ROLLBACK")
        locker.close()
        answer = await tap_save(fake, user, card)
        assert "Saved" in answer
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT exercise_id FROM favourites").fetchall() == [("plank",)]


def set_read_only(path: Path, read_only: bool) -> None:
    """The file as a read-only volume or a wrong owner leaves it (root ignores chmod)."""
    if os.geteuid() != 0:
        path.chmod(0o444 if read_only else 0o644)
        return
    flag = "+i" if read_only else "-i"
    if subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode != 0:
        pytest.skip("no way to make a file read-only here: root ignores chmod, no chattr")


async def test_a_read_only_database_gets_a_polite_reply_and_recovers(
    fake: FakeTelegram, library: Library, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user = fake.make_user(8100)["id"]
    async with SqliteStore(db) as store:
        await store.add(user, "teaser")
    set_read_only(db, True)
    try:
        async with running_bot(fake, library, db):
            card = await say(fake, "plank", user=user)
            with caplog.at_level(logging.ERROR):
                answer = await tap_save(fake, user, card)
            assert "couldn't reach your favourites" in answer
            assert any("readonly" in r.getMessage() for r in caplog.records)
            listing = await say(fake, "/favorites", user=user)
            assert "Teaser" in listing["text"]  # reading still works
            set_read_only(db, False)
            answer = await tap_save(fake, user, card)
            assert "Saved" in answer
    finally:
        set_read_only(db, False)
    with sqlite3.connect(db) as connection:
        saved = connection.execute("SELECT exercise_id FROM favourites ORDER BY 1").fetchall()
    assert saved == [("plank",), ("teaser",)]


async def test_sigterm_during_load_shuts_down_cleanly_and_keeps_every_acknowledged_save(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "favourites.sqlite3"
    users = [fake.make_user(9000 + i)["id"] for i in range(40)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "bot",
        "run",
        "--token",
        fake.token,
        "--base-url",
        fake.base_url,
        "--db",
        str(db),
        "--concurrent-updates",
        "8",
    ]
    process = subprocess.Popen(  # noqa: ASYNC220 (starting it does not block)
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        await fake.wait_until_polling(timeout=30)
        for user in users:
            fake.send_text(user, "plank")
        await until(lambda: len(fake.requests_for("sendMessage")) == len(users))
        await fake.wait_idle()
        pressed: dict[str, int] = {}
        for _ in range(3):
            for user in users:
                card = fake.messages(user)[0]
                save = next(d for label, d in buttons(card).items() if "Save" in label)
                pressed[fake.press_button(user, card, save)] = user
        await asyncio.sleep(0.3)  # mid-load
        process.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(process.wait, 30)
    finally:
        if process.poll() is None:
            process.kill()
    output = process.stdout.read().decode() if process.stdout else ""
    assert code == 0, output
    assert fake.token not in output  # never log the token
    acknowledged: dict[int, bool] = {}
    for request in fake.requests_for("answerCallbackQuery"):  # in the order they were answered
        if request.status == 200 and request.params.get("text"):
            user = pressed[str(request.params["callback_query_id"])]
            acknowledged[user] = "Saved" in request.params["text"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = {u for (u,) in connection.execute("SELECT user_id FROM favourites")}
    for user, is_saved in acknowledged.items():
        assert (user in saved) is is_saved, user
