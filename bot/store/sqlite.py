"""The store in one SQLite file, through aiosqlite: the event loop never waits on disk.

The default: nothing to install or run, and one process on one machine serves a large audience.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import aiosqlite

from bot.store.schema import MIGRATIONS, script
from bot.store.store import MAX_FAVOURITES, Clock, Row, Statements, Store, StoreError

log = logging.getLogger(__name__)


class SqliteStore(Store):
    """The store in a SQLite file (or in memory, for `:memory:`)."""

    def __init__(
        self,
        path: Path | str,
        *,
        busy_timeout: float = 5.0,
        max_per_user: int = MAX_FAVOURITES,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(max_per_user=max_per_user, clock=clock)
        self.path = Path(path)
        self._busy_timeout = busy_timeout  # how long a write waits for another writer's lock
        self._db: aiosqlite.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file opened
        self._reopening = asyncio.Lock()
        # Statements running on each connection: one that is replaced (reopened after a
        # read-only write, or after the file was swapped) is closed only once none is left,
        # so a read in flight is never cut off by another task's reopening.
        self._in_use: dict[aiosqlite.Connection, int] = {}
        self._retired: set[aiosqlite.Connection] = set()

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

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
        return f"cannot open the database {self.path}: {reason}"

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
            log.warning("database %s %s; opening it again", self.path, what)
            stale, self._db = self._db, None
            if stale is not None:
                await self._retire(stale)
            if not self.path.parent.is_dir():
                raise StoreError(self._cannot_open("its folder is gone"))
            self._db = await self._connect()

    async def close(self) -> None:
        self._file = None
        for retired in list(self._retired):
            await self._close(retired)
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("the database is not open")
        return self._db

    async def _migrate(self, db: aiosqlite.Connection) -> None:
        await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        async with db.execute("SELECT version FROM schema_version") as cursor:
            row = await cursor.fetchone()
        version = row[0] if row else 0
        self._check_version(version, str(self.path))
        for number in range(version + 1, len(MIGRATIONS) + 1):
            await db.executescript(
                f"BEGIN; {script(number, 'sqlite')} DELETE FROM schema_version; "
                f"INSERT INTO schema_version VALUES ({number}); COMMIT;"
            )

    # --- statements ------------------------------------------------------------------------

    async def _fetch(self, query: str, parameters: Sequence[object] = ()) -> list[Row]:
        db = self._take()
        try:
            async with db.execute(query, tuple(parameters)) as cursor:
                return [tuple(row) async for row in cursor]
        except aiosqlite.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        finally:
            await self._give_back(db)

    async def _execute(self, query: str, parameters: Sequence[object] = ()) -> int:
        return (await self._execute_all([(query, parameters)]))[0]

    async def _execute_quietly(self, query: str, parameters: Sequence[object]) -> int:
        return await self._execute(query, parameters)

    async def _execute_all(self, statements: Statements) -> list[int]:
        await self._follow_the_file()
        try:
            return await self._commit(statements)
        except aiosqlite.Error as exc:
            if not _read_only(exc):
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        # SQLite keeps a file it opened read-only that way for good: open it again, so the
        # write succeeds as soon as the operator has made the file writable.
        await self._reopen()
        try:
            return await self._commit(statements)
        except aiosqlite.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    async def _commit(self, statements: Statements) -> list[int]:
        # One connection for the whole transaction, even if another task reopens meanwhile.
        db = self._take()
        try:
            changed = []
            for query, parameters in statements:
                cursor = await db.execute(query, tuple(parameters))
                changed.append(cursor.rowcount)
            await db.commit()
        except aiosqlite.Error:
            with contextlib.suppress(aiosqlite.Error):  # it failed before a transaction began
                await db.rollback()
            raise
        finally:
            await self._give_back(db)
        return changed

    async def _reopen(self) -> None:
        try:
            fresh = await self._connect()
        except StoreError:
            return  # keep serving reads from the connection that works
        stale, self._db = self._db, fresh
        if stale is not None:
            await self._retire(stale)

    def _take(self) -> aiosqlite.Connection:
        db = self.db
        self._in_use[db] = self._in_use.get(db, 0) + 1
        return db

    async def _give_back(self, db: aiosqlite.Connection) -> None:
        left = self._in_use[db] - 1
        if left:
            self._in_use[db] = left
            return
        del self._in_use[db]
        if db in self._retired:
            await self._close(db)

    async def _retire(self, stale: aiosqlite.Connection) -> None:
        """Let go of a replaced connection: now if nothing runs on it, else after the last."""
        if stale in self._in_use:
            self._retired.add(stale)
        else:
            await self._close(stale)

    async def _close(self, stale: aiosqlite.Connection) -> None:
        self._retired.discard(stale)
        # Empty the -wal (into the old file) before letting go: SQLite leaves the -wal of a
        # moved file in place, and the next open would replay it into the new file, undoing a
        # restore or mixing two databases' pages.
        with contextlib.suppress(aiosqlite.Error):
            await stale.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await stale.close()


def _try_open(path: Path) -> None:
    sqlite3.connect(path).close()


def _read_only(error: aiosqlite.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_READONLY  # any extended code
