"""The store, specified once and run against both backends (SQLite, PostgreSQL) where the
behaviour is the store's; the SQLite file's own concerns at the end."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest

from bot.store import FavouritesFull, SqliteStore, StoreError, store_at
from bot.store.schema import MIGRATIONS

Location = Path | str


async def test_save_is_idempotent_and_listed_in_order(store_location: Location) -> None:
    async with store_at(store_location) as store:
        assert await store.add(1, "teaser")
        assert not await store.add(1, "teaser")
        await asyncio.sleep(0.01)
        await store.add(1, "plank")
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser", "plank"]
        assert await store.remove(1, "teaser")
        assert not await store.remove(1, "teaser")
        assert [f.exercise_id for f in await store.saved(1)] == ["plank"]


async def test_users_never_see_or_change_each_other(store_location: Location) -> None:
    async with store_at(store_location) as store:
        await store.add(1, "teaser")
        await store.add(2, "plank")
        assert not await store.remove(2, "teaser")
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser"]
        assert [f.exercise_id for f in await store.saved(2)] == ["plank"]
        await store.forget(2)
        assert await store.saved(2) == []
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser"]


async def test_favourites_survive_reopening(store_location: Location) -> None:
    async with store_at(store_location) as store:
        await store.add(7, "seal")
        await store.set_language(7, "es")
    async with store_at(store_location) as store:
        assert [f.exercise_id for f in await store.saved(7)] == ["seal"]
        assert await store.language(7) == "es"
        assert await store.toggle(7, "seal") is False
        assert await store.toggle(7, "seal") is True


async def test_telegram_ids_past_32_bits_are_kept_exactly(store_location: Location) -> None:
    big = 7_123_456_789_012  # user ids have up to 52 significant bits
    async with store_at(store_location) as store:
        await store.add(big, "plank")
        await store.set_language(big, "es")
        assert [f.exercise_id for f in await store.saved(big)] == ["plank"]
        assert await store.language(big) == "es"
        assert await store.saved(big % 2**31) == []


async def test_favourites_are_capped_per_user_even_when_saved_at_once(
    store_location: Location,
) -> None:
    async with store_at(store_location) as store:
        store.max_per_user = 20
        results = await asyncio.gather(
            *(store.add(1, f"exercise-{n}") for n in range(30)), return_exceptions=True
        )
        assert sum(r is True for r in results) == 20
        assert all(isinstance(r, FavouritesFull) for r in results if r is not True)
        assert len(await store.saved(1)) == 20
        assert await store.add(2, "exercise-0")  # other users are not affected


async def test_forget_deletes_the_users_rows_and_only_theirs(store_location: Location) -> None:
    async with store_at(store_location) as store:
        for user in (1, 2):
            await store.add(user, "plank")
            await store.set_language(user, "es")
            await store.set_about(user, "teaser")
        assert await store.forget(1) == 1
        assert (await store.user_state(1)).lang is None
        assert (await store.user_state(1)).about is None
        assert (await store.user_state(2)).about == "teaser"
        assert await store.saved(2) != []


async def test_kept_button_data_expires(store_location: Location) -> None:
    now = [1000.0]
    async with store_at(store_location) as store:
        store.clock = lambda: now[0]
        key = await store.keep("a long action", seconds=60)
        assert len(key) == 16
        assert await store.kept(key) == "a long action"
        assert await store.kept("not-a-key") is None
        now[0] += 61
        assert await store.kept(key) is None
        assert await store.prune() == 1


async def test_each_backend_reaches_the_same_schema(store_location: Location) -> None:
    async with store_at(store_location) as store:
        assert await store.schema_version() == len(MIGRATIONS)


async def test_a_database_from_the_future_is_refused(store_location: Location) -> None:
    async with store_at(store_location):
        pass
    if isinstance(store_location, str):
        connection = await asyncpg.connect(store_location)
        await connection.execute("UPDATE schema_version SET version = 99")
        await connection.close()
    else:
        with sqlite3.connect(store_location) as db:
            db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        await store_at(store_location).open()


async def test_workers_starting_together_migrate_once(postgres_url: str) -> None:
    stores = [store_at(postgres_url) for _ in range(4)]
    await asyncio.gather(*(store.open() for store in stores))
    try:
        assert {await store.schema_version() for store in stores} == {len(MIGRATIONS)}
    finally:
        await asyncio.gather(*(store.close() for store in stores))


async def test_an_unreachable_server_is_one_clear_line_without_the_password() -> None:
    store = store_at("postgresql://bot:hunter2@127.0.0.1:9/pilates")
    with pytest.raises(StoreError) as caught:
        await store.open()
    message = str(caught.value)
    assert message.startswith("cannot open the database postgresql://bot:***@127.0.0.1:9/pilates")
    assert "hunter2" not in message + repr(store)


# --- the SQLite file ---------------------------------------------------------------------


async def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    async with SqliteStore(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_a_version_one_database_as_first_shipped_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            "CREATE TABLE favourites (user_id INTEGER NOT NULL, exercise_id TEXT NOT NULL, "
            "saved_at REAL NOT NULL, PRIMARY KEY (user_id, exercise_id)) WITHOUT ROWID;"
            "INSERT INTO schema_version VALUES (1);"
            + "INSERT INTO favourites VALUES (5, 'plank', 1.0);"
        )
    async with SqliteStore(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
        assert [f.exercise_id for f in await store.saved(5)] == ["plank"]
        await store.set_language(5, "en")
        await store.set_about(5, "plank")
        assert (await store.user_state(5)).lang == "en"
