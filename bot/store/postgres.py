"""The store on PostgreSQL, through asyncpg: for several bot processes, on one machine or many.

asyncpg rather than psycopg 3: it is asyncio-native with its own pool, speaks PostgreSQL's
binary protocol without libpq, and ships wheels, so `pip install` needs no system library.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Sequence
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bot.store.schema import MIGRATIONS, script
from bot.store.store import MAX_FAVOURITES, Clock, Row, Statements, Store, StoreError

log = logging.getLogger(__name__)
URL_SCHEMES = ("postgresql://", "postgres://")
# Any number above this bot's other locks: the one that makes migrations run one at a time
# when several workers start together.
MIGRATION_LOCK = 0x50696C61  # "Pila"
_PLACEHOLDER = re.compile(r"\?")


def is_postgres_url(location: str) -> bool:
    return location.startswith(URL_SCHEMES)


def safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def password_of(location: object) -> list[str]:
    """The password in a PostgreSQL URL, to be masked in logs; none for anything else."""
    if not isinstance(location, str) or not is_postgres_url(location):
        return []
    password = urlsplit(location).password
    return [password] if password else []


@functools.lru_cache(maxsize=256)
def numbered(query: str) -> str:
    """`?` placeholders as PostgreSQL's `$1`, `$2`... (no query here has a literal `?`)."""
    count = iter(range(1, query.count("?") + 1))
    return _PLACEHOLDER.sub(lambda _: f"${next(count)}", query)


def _rows_changed(status: str) -> int:
    """asyncpg answers a statement with its command tag: "INSERT 0 1", "DELETE 3"."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class PostgresStore(Store):
    """The store in a PostgreSQL database, shared by every worker that is given the same URL."""

    shared = True

    def __init__(
        self,
        url: str,
        *,
        max_per_user: int = MAX_FAVOURITES,
        clock: Clock = time.time,
        pool_size: int = 10,
        connect_timeout: float = 10.0,
    ) -> None:
        super().__init__(max_per_user=max_per_user, clock=clock)
        self.url = url
        self._pool_size = pool_size
        self._connect_timeout = connect_timeout
        self._pool: asyncpg.Pool | None = None

    def __repr__(self) -> str:
        return f"PostgresStore({safe_url(self.url)!r})"

    @property
    def where(self) -> str:
        return safe_url(self.url)

    async def open(self) -> None:
        try:
            pool = await asyncpg.create_pool(
                self.url,
                min_size=1,
                max_size=self._pool_size,
                timeout=self._connect_timeout,
                command_timeout=30,
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
            raise StoreError(f"cannot open the database {self.where}: {_reason(exc)}") from exc
        try:
            await self._migrate(pool)
        except BaseException:
            await pool.close()
            raise
        self._pool = pool

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StoreError("the database is not open")
        return self._pool

    async def _migrate(self, pool: asyncpg.Pool) -> None:
        try:
            async with pool.acquire() as connection, connection.transaction():
                # Workers starting together take turns; the first brings the schema up.
                await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await connection.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
                )
                version = await connection.fetchval("SELECT version FROM schema_version") or 0
                self._check_version(version, self.where)
                for number in range(version + 1, len(MIGRATIONS) + 1):
                    await connection.execute(script(number, "postgres"))
                if version < len(MIGRATIONS):
                    await connection.execute("DELETE FROM schema_version")
                    await connection.execute(
                        "INSERT INTO schema_version VALUES ($1)", len(MIGRATIONS)
                    )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"cannot prepare the database {self.where}: {_reason(exc)}") from exc

    # --- statements ------------------------------------------------------------------------

    async def _fetch(self, query: str, parameters: Sequence[object] = ()) -> list[Row]:
        try:
            records = await self.pool.fetch(numbered(query), *parameters)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
            raise StoreError(f"cannot read {self.where}: {_reason(exc)}") from exc
        return [tuple(record) for record in records]

    async def _execute(self, query: str, parameters: Sequence[object] = ()) -> int:
        try:
            return _rows_changed(await self.pool.execute(numbered(query), *parameters))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
            raise StoreError(f"cannot write to {self.where}: {_reason(exc)}") from exc

    async def _execute_all(self, statements: Statements) -> list[int]:
        return await self._in_transaction(statements)

    async def _execute_for(self, user_id: int, query: str, parameters: Sequence[object]) -> int:
        # A lock on the user for the transaction: two workers saving for one user at once
        # cannot both pass the cap's count.
        lock = ("SELECT pg_advisory_xact_lock(?)", (user_id,))
        return (await self._in_transaction([lock, (query, parameters)]))[1]

    async def _execute_quietly(self, query: str, parameters: Sequence[object]) -> int:
        # Not waiting for the WAL to reach the disk: a crash loses at most the last moments'
        # "card on screen", and nothing a user was told is saved.
        quiet = ("SET LOCAL synchronous_commit TO OFF", ())
        return (await self._in_transaction([quiet, (query, parameters)]))[1]

    async def _in_transaction(self, statements: Statements) -> list[int]:
        try:
            async with self.pool.acquire() as connection, connection.transaction():
                return [
                    _rows_changed(await connection.execute(numbered(query), *parameters))
                    for query, parameters in statements
                ]
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
            raise StoreError(f"cannot write to {self.where}: {_reason(exc)}") from exc


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__
