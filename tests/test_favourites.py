from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.store.favourites import MIGRATIONS, FavouritesStore, StoreError


async def test_save_is_idempotent_and_listed_in_order(tmp_path: Path) -> None:
    async with FavouritesStore(tmp_path / "f.db") as store:
        assert await store.add(1, "teaser")
        assert not await store.add(1, "teaser")
        await asyncio.sleep(0.01)
        await store.add(1, "plank")
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser", "plank"]
        assert await store.remove(1, "teaser")
        assert not await store.remove(1, "teaser")
        assert [f.exercise_id for f in await store.saved(1)] == ["plank"]


async def test_users_never_see_or_change_each_other(tmp_path: Path) -> None:
    async with FavouritesStore(tmp_path / "f.db") as store:
        await store.add(1, "teaser")
        await store.add(2, "plank")
        assert not await store.remove(2, "teaser")
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser"]
        assert [f.exercise_id for f in await store.saved(2)] == ["plank"]
        await store.forget(2)
        assert await store.saved(2) == []
        assert [f.exercise_id for f in await store.saved(1)] == ["teaser"]


async def test_favourites_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    async with FavouritesStore(path) as store:
        await store.add(7, "seal")
        await store.set_language(7, "es")
    async with FavouritesStore(path) as store:
        assert [f.exercise_id for f in await store.saved(7)] == ["seal"]
        assert await store.language(7) == "es"
        assert await store.toggle(7, "seal") is False
        assert await store.toggle(7, "seal") is True


async def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    async with FavouritesStore(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_a_database_from_the_future_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    async with FavouritesStore(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        await FavouritesStore(path).open()


async def test_version_one_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            + MIGRATIONS[0]
            + "INSERT INTO schema_version VALUES (1);"
            + "INSERT INTO favourites VALUES (5, 'plank', 1.0);"
        )
    async with FavouritesStore(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
        assert [f.exercise_id for f in await store.saved(5)] == ["plank"]
        await store.set_language(5, "en")
