"""Each user's saved exercises in SQLite, through aiosqlite: the event loop never waits on disk."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import aiosqlite

log = logging.getLogger(__name__)
# Enough for any real collection; a bound on what one user can make the bot store and list.
MAX_FAVOURITES = 500
KEY_BYTES = 12  # a kept action's key: 16 URL-safe characters, unguessable
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
    # Button actions too long for Telegram's 64 bytes, kept here under a short key.
    """
    CREATE TABLE kept_actions (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        expires_at REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX kept_actions_by_expiry ON kept_actions (expires_at);
    """,
)


class StoreError(RuntimeError):
    """The favourites database cannot be used (unreadable, read-only, locked, newer schema)."""


class FavouritesFull(Exception):
    """The user keeps as many favourites as allowed; one must go before another is saved."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} favourites per user")
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Favourite:
    exercise_id: str
    saved_at: float


class FavouritesStore:
    """add / remove / list per user. Every call is scoped to one user id."""

    def __init__(
        self,
        path: Path | str,
        *,
        busy_timeout: float = 5.0,
        max_per_user: int = MAX_FAVOURITES,
    ) -> None:
        self.path = Path(path)
        self.max_per_user = max_per_user
        self._busy_timeout = busy_timeout  # how long a write waits for another writer's lock
        self._db: aiosqlite.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file opened
        self._reopening = asyncio.Lock()

    @property
    def _in_memory(self) -> bool:
        return self.path == Path(":memory:")

    async def open(self) -> None:
        if not self._in_memory:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(self._cannot_open(exc.strerror or str(exc))) from exc
        self._db = await self._connect()

    def _cannot_open(self, reason: str) -> str:
        if self.path.is_dir():
            reason = "it is a folder, not a database file"
        return f"cannot open favourites database {self.path}: {reason}"

    async def _connect(self) -> aiosqlite.Connection:
        try:
            # Tried first without aiosqlite: when its connect fails, its worker thread outlives
            # the failure and dies noisily once the event loop is closed.
            await asyncio.to_thread(_try_open, self.path)
            db = await aiosqlite.connect(self.path, timeout=self._busy_timeout)
        except aiosqlite.Error as exc:
            raise StoreError(self._cannot_open(str(exc))) from exc
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # FULL: a save acknowledged to the user survives even a power cut (writes are rare).
            await db.execute("PRAGMA synchronous=FULL")
            await self._migrate(db)
        except aiosqlite.Error as exc:
            await db.close()
            raise StoreError(self._cannot_open(str(exc))) from exc
        except StoreError:  # a schema newer than this bot
            await db.close()
            raise
        self._file = self._identity()
        return db

    def _identity(self) -> tuple[int, int] | None:
        """(device, inode) of the file at the path now; None when it is gone or in memory."""
        if self._in_memory:
            return None
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    async def _follow_the_file(self) -> None:
        """Before a write: if the file at the path is not the one open (deleted, or replaced by
        a restore), say so and open the path again, rather than write into a file nobody sees."""
        if self._file is None or (self._db is not None and self._identity() == self._file):
            return  # in memory, closed, or the same file
        async with self._reopening:
            now = self._identity()
            if self._db is not None and now == self._file:
                return  # another write reopened it meanwhile
            what = "was deleted" if now is None else "was replaced"
            if self._db is None:
                what = "could not be opened again"
            log.warning("favourites database %s %s; opening it again", self.path, what)
            stale, self._db = self._db, None
            if stale is not None:
                # Empty the -wal (into the old file) before letting go: SQLite leaves the -wal of
                # a moved file in place, and the next open would replay it into the new file,
                # undoing a restore or mixing two databases' pages.
                with contextlib.suppress(aiosqlite.Error):
                    await stale.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                await stale.close()
            if not self.path.parent.is_dir():
                raise StoreError(self._cannot_open("its folder is gone"))
            self._db = await self._connect()

    async def close(self) -> None:
        self._file = None
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
        """Save; True if it was not saved before. Saving twice keeps the first time.

        Raises FavouritesFull when the user already keeps `max_per_user` favourites.
        """
        changed = await self._write(
            "INSERT OR IGNORE INTO favourites SELECT ?, ?, ? "
            "WHERE (SELECT COUNT(*) FROM favourites WHERE user_id = ?) < ?",
            (user_id, exercise_id, time.time(), user_id, self.max_per_user),
        )
        if changed > 0:
            return True
        if await self.contains(user_id, exercise_id):
            return False
        raise FavouritesFull(self.max_per_user)

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

    async def keep(self, data: str, seconds: float) -> str:
        """Keeps a button's data for `seconds`; the short key that finds it again."""
        key = secrets.token_urlsafe(KEY_BYTES)
        now = time.time()
        await self._write("DELETE FROM kept_actions WHERE expires_at < ?", (now,))
        await self._write("INSERT INTO kept_actions VALUES (?, ?, ?)", (key, data, now + seconds))
        return key

    async def kept(self, key: str) -> str | None:
        """The data kept under `key`, unless it has expired (or never was)."""
        query = "SELECT data FROM kept_actions WHERE key = ? AND expires_at >= ?"
        async with self.db.execute(query, (key, time.time())) as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else None

    async def forget(self, user_id: int) -> int:
        """Delete everything stored about the user; returns how many favourites went."""
        removed = await self._write("DELETE FROM favourites WHERE user_id = ?", (user_id,))
        await self._write("DELETE FROM users WHERE user_id = ?", (user_id,))
        return removed

    async def _write(self, query: str, parameters: tuple[object, ...]) -> int:
        await self._follow_the_file()
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


def _try_open(path: Path) -> None:
    sqlite3.connect(path).close()


def _read_only(error: aiosqlite.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_READONLY  # any extended code
