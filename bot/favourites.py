"""Each user's saved exercises in SQLite, through aiosqlite: the event loop never waits on disk."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import aiosqlite

# Each entry moves the schema one version up; a database is brought to the last one on open.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE favourites (
        user_id INTEGER NOT NULL,
        exercise_id TEXT NOT NULL,
        saved_at REAL NOT NULL,
        PRIMARY KEY (user_id, exercise_id)
    ) WITHOUT ROWID;
    CREATE INDEX favourites_by_time ON favourites (user_id, saved_at);
    """,
    """
    CREATE TABLE users (
        user_id INTEGER PRIMARY KEY,
        lang TEXT
    );
    """,
)


class StoreError(RuntimeError):
    """The favourites database cannot be used (unreadable, read-only, locked, newer schema)."""


@dataclass(frozen=True, slots=True)
class Favourite:
    exercise_id: str
    saved_at: float


class FavouritesStore:
    """add / remove / list per user. Every call is scoped to one user id."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self._busy_timeout = busy_timeout  # how long a write waits for another writer's lock
        self._db: aiosqlite.Connection | None = None

    async def open(self) -> None:
        if self.path != Path(":memory:"):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await self._connect()

    async def _connect(self) -> aiosqlite.Connection:
        db = await aiosqlite.connect(self.path, timeout=self._busy_timeout)
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # FULL: a save acknowledged to the user survives even a power cut (writes are rare).
            await db.execute("PRAGMA synchronous=FULL")
            await self._migrate(db)
        except aiosqlite.Error as exc:
            await db.close()
            raise StoreError(f"cannot open favourites database {self.path}: {exc}") from exc
        except StoreError:  # a schema newer than this bot
            await db.close()
            raise
        return db

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def __aenter__(self) -> FavouritesStore:
        await self.open()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("favourites database is not open")
        return self._db

    async def _migrate(self, db: aiosqlite.Connection) -> None:
        await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        async with db.execute("SELECT version FROM schema_version") as cursor:
            row = await cursor.fetchone()
        version = row[0] if row else 0
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}; this bot knows {len(MIGRATIONS)}"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await db.executescript(
                f"BEGIN; {script} DELETE FROM schema_version; "
                f"INSERT INTO schema_version VALUES ({number}); COMMIT;"
            )

    async def schema_version(self) -> int:
        async with self.db.execute("SELECT version FROM schema_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def add(self, user_id: int, exercise_id: str) -> bool:
        """Save; True if it was not saved before. Saving twice keeps the first time."""
        cursor = await self._write(
            "INSERT OR IGNORE INTO favourites VALUES (?, ?, ?)", (user_id, exercise_id, time.time())
        )
        return cursor > 0

    async def remove(self, user_id: int, exercise_id: str) -> bool:
        """Unsave; True if it was saved."""
        changed = await self._write(
            "DELETE FROM favourites WHERE user_id = ? AND exercise_id = ?", (user_id, exercise_id)
        )
        return changed > 0

    async def toggle(self, user_id: int, exercise_id: str) -> bool:
        """Save if not saved, else unsave; returns whether it is saved now."""
        if await self.remove(user_id, exercise_id):
            return False
        await self.add(user_id, exercise_id)
        return True

    async def contains(self, user_id: int, exercise_id: str) -> bool:
        query = "SELECT 1 FROM favourites WHERE user_id = ? AND exercise_id = ?"
        async with self.db.execute(query, (user_id, exercise_id)) as cursor:
            return await cursor.fetchone() is not None

    async def saved(self, user_id: int) -> list[Favourite]:
        """The user's favourites, oldest saved first."""
        query = (
            "SELECT exercise_id, saved_at FROM favourites WHERE user_id = ? "
            "ORDER BY saved_at, exercise_id"
        )
        async with self.db.execute(query, (user_id,)) as cursor:
            return [Favourite(row[0], row[1]) async for row in cursor]

    async def popular(self, limit: int = 10) -> list[str]:
        """The exercises saved by the most users."""
        query = (
            "SELECT exercise_id FROM favourites GROUP BY exercise_id "
            "ORDER BY COUNT(*) DESC, exercise_id LIMIT ?"
        )
        async with self.db.execute(query, (limit,)) as cursor:
            return [row[0] async for row in cursor]

    async def language(self, user_id: int) -> str | None:
        async with self.db.execute("SELECT lang FROM users WHERE user_id = ?", (user_id,)) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row and row[0] else None

    async def set_language(self, user_id: int, lang: str) -> None:
        await self._write(
            "INSERT INTO users VALUES (?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang",
            (user_id, lang),
        )

    async def forget(self, user_id: int) -> int:
        """Delete everything stored about the user; returns how many favourites went."""
        removed = await self._write("DELETE FROM favourites WHERE user_id = ?", (user_id,))
        await self._write("DELETE FROM users WHERE user_id = ?", (user_id,))
        return removed

    async def _write(self, query: str, parameters: tuple[object, ...]) -> int:
        try:
            return await self._commit(query, parameters)
        except aiosqlite.Error as exc:
            if not _read_only(exc):
                raise StoreError(f"cannot write favourites to {self.path}: {exc}") from exc
        # SQLite keeps a file it opened read-only that way for good: open it again, so the
        # write succeeds as soon as the operator has made the file writable.
        await self._reopen()
        try:
            return await self._commit(query, parameters)
        except aiosqlite.Error as exc:
            raise StoreError(f"cannot write favourites to {self.path}: {exc}") from exc

    async def _commit(self, query: str, parameters: tuple[object, ...]) -> int:
        try:
            cursor = await self.db.execute(query, parameters)
            await self.db.commit()
        except aiosqlite.Error:
            await self._rollback()
            raise
        return cursor.rowcount

    async def _reopen(self) -> None:
        try:
            fresh = await self._connect()
        except StoreError:
            return  # keep serving reads from the connection that works
        stale, self._db = self._db, fresh
        if stale is not None:
            await stale.close()

    async def _rollback(self) -> None:
        with contextlib.suppress(aiosqlite.Error):  # the write failed before a transaction began
            await self.db.rollback()


def _read_only(error: aiosqlite.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_READONLY  # any extended code
