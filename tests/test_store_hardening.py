"""The favourites store cannot be filled with junk, lose track of its file or take the bot down
(issue 11, point 6)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content import Library
from bot.engine import AnswerEngine
from bot.faces.console import Console
from bot.store import MAX_FAVOURITES, FavouritesFull, SqliteStore
from tests.conftest import ROOT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, running_bot, say, until
from tests.test_faults import set_read_only, tap_save

pytestmark = pytest.mark.timeout(240)


def _rows(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT user_id, exercise_id FROM favourites ORDER BY 2"
        ).fetchall()


async def test_a_forged_save_for_an_id_that_is_no_exercise_is_refused(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    user = fake.make_user(4100)["id"]
    async with running_bot(fake, library, db):
        card = await say(fake, "plank", user=user)
        for forged in ("1vnot-an-exercise:o:", "1wzz9:1:s:", "1wplank-x:0:o:e"):
            query = fake.press_button(user, card, forged, check=False)
            answer = await fake.wait_for(
                "answerCallbackQuery", lambda r, q=query: r.params["callback_query_id"] == q
            )
            assert answer.params["text"] == "That exercise is no longer available."
        assert "Saved" in await tap_save(fake, user, card)  # a real exercise still saves
        await fake.wait_idle()
    assert _rows(db) == [(user, "plank")]


async def test_favourites_are_capped_per_user(tmp_path: Path) -> None:
    async with SqliteStore(tmp_path / "f.db") as store:
        for number in range(MAX_FAVOURITES):
            assert await store.add(1, f"exercise-{number}")
        assert not await store.add(1, "exercise-7")  # already saved: not an error
        with pytest.raises(FavouritesFull):
            await store.add(1, "one-too-many")
        assert await store.add(2, "one-too-many")  # other users are not affected
        assert await store.remove(1, "exercise-0")
        assert await store.add(1, "one-too-many")
        assert len(await store.saved(1)) == MAX_FAVOURITES


@pytest.fixture
async def small_cap_bot(
    fake: FakeTelegram, library: Library, db: Path
) -> AsyncIterator[SqliteStore]:
    """The real bot with a cap of 2 favourites (the bundled library has fewer than 500)."""
    store = SqliteStore(db, max_per_user=2)
    async with running_bot(fake, library, db, store=store):
        yield store


async def test_a_full_favourites_list_gets_a_polite_reply(
    fake: FakeTelegram, small_cap_bot: SqliteStore, db: Path
) -> None:
    user = fake.make_user(4200)["id"]
    for text in ("plank", "teaser"):
        assert "Saved" in await tap_save(fake, user, await say(fake, text, user=user))
    card = await say(fake, "the saw", user=user)
    query = fake.press_button(user, card, buttons(card)["☆ Save"])
    answer = await fake.wait_for(
        "answerCallbackQuery", lambda r: r.params["callback_query_id"] == query
    )
    assert answer.params["text"] == (
        "You have 2 favourites, the most I keep. Remove one in /favorites first."
    )
    assert answer.params["show_alert"] is True
    await fake.wait_idle()
    assert [exercise for _, exercise in _rows(db)] == ["plank", "teaser"]


@pytest.mark.parametrize("how", ["deleted", "replaced"])
async def test_a_database_deleted_or_replaced_while_open_is_noticed_and_reopened(
    how: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "f.db"
    async with SqliteStore(path) as store:
        await store.add(1, "plank")
        if how == "deleted":
            path.unlink()  # `rm f.db`: its -wal and -shm stay behind
        else:  # a restore: another database moved into place
            restored = tmp_path / "restored.db"
            async with SqliteStore(restored) as other:
                await other.add(2, "teaser")
            os.replace(restored, path)
        with caplog.at_level(logging.WARNING, logger="bot.store.favourites"):
            await store.add(1, "seal")
        assert any(f"database {path} was {how}" in m for m in caplog.messages)
        assert [f.exercise_id for f in await store.saved(1)] == ["seal"]
    expected = [(1, "seal")] if how == "deleted" else [(1, "seal"), (2, "teaser")]
    assert _rows(path) == expected  # written where the path is, not into an unlinked file


def _run_or_chat(command: str, db: Path, fake: FakeTelegram | None = None) -> subprocess.Popen[str]:
    extra = ["--token", fake.token, "--base-url", fake.base_url] if fake else []
    return subprocess.Popen(
        [sys.executable, "-m", "bot", command, "--db", str(db), *extra],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("command", ["run", "chat"])
@pytest.mark.parametrize("where", ["a folder", "under a file"])
async def test_an_unopenable_database_is_one_clear_line(
    command: str, where: str, fake: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite3"
    if where == "a folder":
        db.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        db = tmp_path / "file" / "db.sqlite3"
    process = _run_or_chat(command, db, fake if command == "run" else None)
    _, err = await asyncio.to_thread(process.communicate, "", 60)
    assert process.returncode == 1, err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, err
    assert errors[0].startswith(f"error: cannot open the database {db}: "), err
    if where == "a folder":
        assert errors[0].endswith("it is a folder, not a database file")


async def test_a_read_only_database_keeps_the_chat_running(
    library: Library, tmp_path: Path
) -> None:
    db = tmp_path / "chat.db"
    async with SqliteStore(db) as store:
        await store.add(0, "teaser")
    set_read_only(db, True)
    said: list[str] = []
    lines = iter(["plank", "/fav", "/favs", "teaser"])

    async def read() -> str | None:
        return next(lines, None)

    try:
        async with SqliteStore(db) as store:
            await Console(AnswerEngine(library), store, read=read, write=said.append).run()
    finally:
        set_read_only(db, False)
    assert "couldn't reach your favourites" in said[2]
    assert "readonly" in said[2]
    assert "1. Teaser" in said[3]  # reading still works, and the chat goes on
    assert said[4].startswith("Teaser")


def _answered_chats(fake: FakeTelegram) -> set[int]:
    return {int(r.params["chat_id"]) for r in fake.requests_for("sendMessage") if r.status == 200}


async def test_reads_in_flight_finish_while_a_failed_write_reopens_the_read_only_file(
    tmp_path: Path,
) -> None:
    # A write refused by a read-only file opens the file again; reads other tasks have
    # running on the old connection must not be cut off (they were: "closed database").
    db = tmp_path / "favourites.sqlite3"
    async with SqliteStore(db) as store:
        await store.add(1, "teaser")
    set_read_only(db, True)
    try:
        async with SqliteStore(db) as store:
            # Reads and refused writes interleaved, so reads are running when a write reopens.
            tasks = [
                store.contains(1, "teaser") if i % 3 else store.add(2, "plank") for i in range(300)
            ]
            results = await asyncio.gather(*tasks, return_exceptions=True)
            assert [r for i, r in enumerate(results) if i % 3] == [True] * 200
            assert all(isinstance(r, Exception) for i, r in enumerate(results) if not i % 3)
            assert await store.contains(1, "teaser")
    finally:
        set_read_only(db, False)


async def test_kill_9_during_a_burst_loses_no_update_confirmed_to_telegram(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "favourites.sqlite3"
    users = [fake.make_user(20_000 + i)["id"] for i in range(400)]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
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
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    process = start()
    try:
        await fake.wait_until_polling(timeout=60)
        for user in users:
            fake.send_text(user, "plank")
        await until(lambda: len(_answered_chats(fake)) >= 40)
        process.send_signal(signal.SIGKILL)  # mid-burst, no chance to clean up
        await asyncio.to_thread(process.wait, 30)
        answered_before = len(_answered_chats(fake))
        process = start()
        await until(lambda: len(_answered_chats(fake)) == len(users), timeout=180)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.to_thread(process.wait, 30)
    lost = set(users) - _answered_chats(fake)
    print(f"kill -9 after {answered_before} of {len(users)} answers: {len(lost)} lost")
    assert not lost
