"""Where what users leave behind is kept: favourites, language, the card on screen, button
state, and for several workers the update claims and leases.

One interface (`Store`), two backends: a SQLite file by default, PostgreSQL for several
processes. `store_at` picks one from what the operator wrote (`--db`, `PILATES_BOT_DB`).
"""

from __future__ import annotations

from pathlib import Path

from bot.store.postgres import PostgresStore, is_postgres_url
from bot.store.sqlite import SqliteStore
from bot.store.store import (
    MAX_FAVOURITES,
    Activity,
    Claim,
    Favourite,
    FavouritesFull,
    PracticeRun,
    Reminder,
    Store,
    StoreError,
    UserState,
)

__all__ = [
    "MAX_FAVOURITES",
    "Activity",
    "Claim",
    "Favourite",
    "FavouritesFull",
    "PostgresStore",
    "PracticeRun",
    "Reminder",
    "SqliteStore",
    "Store",
    "StoreError",
    "UserState",
    "store_at",
]


def store_at(location: str | Path, *, busy_timeout: float = 5.0) -> Store:
    """The store at `location`: a `postgresql://` URL, else the path of a SQLite file."""
    if isinstance(location, str) and is_postgres_url(location):
        return PostgresStore(location)
    return SqliteStore(location, busy_timeout=busy_timeout)
