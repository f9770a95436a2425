"""The store's one interface: what the bot keeps, in SQL both backends run.

`Store` holds every query; a backend (`SqliteStore`, `PostgresStore`) only connects, runs a
statement and brings the schema up to date. Queries are written with `?` placeholders, which
the PostgreSQL backend numbers (`$1`, `$2`...) once per query text.

Every call about a person takes their user id and touches only their rows.
"""

from __future__ import annotations

import secrets
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from types import TracebackType

from bot.store.answer_log import AnswerLogQueries
from bot.store.schema import MIGRATIONS

# Enough for any real collection; a bound on what one user can make the bot store and list.
MAX_FAVOURITES = 500
KEY_BYTES = 12  # a kept action's key: 16 URL-safe characters, unguessable
# Telegram stops redelivering an update after 24 hours; its claim is kept a little longer.
CLAIMS_KEPT = 26 * 60 * 60

Row = tuple[object, ...]
Statements = Sequence[tuple[str, Sequence[object]]]
Clock = Callable[[], float]


class StoreError(RuntimeError):
    """The database cannot be used (unreachable, unreadable, read-only, locked, newer schema)."""


class FavouritesFull(Exception):
    """The user keeps as many favourites as allowed; one must go before another is saved."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} favourites per user")
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Favourite:
    exercise_id: str
    saved_at: float


@dataclass(frozen=True, slots=True)
class UserState:
    """What is kept of a user between messages: the chosen language and the card on screen."""

    lang: str | None = None
    about: str | None = None
    zone: str | None = None  # IANA time zone, asked once for reminders


@dataclass(frozen=True, slots=True)
class PracticeRun:
    """The session a user is doing: where they are and how long the current exercise has left."""

    user_id: int
    run_id: int
    lang: str
    exercises: tuple[str, ...]
    position: int
    remaining: int  # seconds left of the current exercise when its clock (re)started or stopped
    clock_started: float | None  # when the clock last started; None: paused
    shown_at: float  # when the card was last drawn
    place: str | None = None  # where the face shows it (Telegram: "chat_id:message_id")
    finished: int = 0  # exercises finished
    skipped: int = 0
    seconds: int = 0  # practised so far
    started_at: float = 0.0

    def left(self, now: float) -> int:
        """Seconds left of the current exercise at `now`."""
        if self.clock_started is None:
            return self.remaining
        return max(0, self.remaining - int(now - self.clock_started))


@dataclass(frozen=True, slots=True)
class Activity:
    finished_at: float
    kind: str  # "exercise" or "session"
    seconds: int


@dataclass(frozen=True, slots=True)
class Reminder:
    user_id: int
    chat_id: int
    minute: int  # minutes after local midnight
    lang: str
    next_at: float  # Unix time of the next one


class Claim(Enum):
    """What a worker may do with an update Telegram delivered (perhaps not for the first time)."""

    MINE = "mine"  # handle it, then finish it
    DONE = "done"  # handled already (this is a redelivery): acknowledge, do nothing
    BUSY = "busy"  # another worker is handling it right now


class Store(AnswerLogQueries, ABC):
    """Favourites, language, screen, kept buttons, update claims and leases, per user; and the
    answer log, which keeps no user (its queries: bot/store/answer_log.py)."""

    #: Several processes may use this store at once: what a process remembers of a user can be
    #: out of date, so per-user state is read from the store each time.
    shared: bool = False

    def __init__(self, *, max_per_user: int = MAX_FAVOURITES, clock: Clock = time.time) -> None:
        self.max_per_user = max_per_user
        self.clock = clock

    # --- what a backend provides ---------------------------------------------------------

    @abstractmethod
    async def open(self) -> None:
        """Connect and bring the schema to the last migration; StoreError if it cannot."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def _execute(self, query: str, parameters: Sequence[object] = ()) -> int:
        """Run one statement in its own transaction; the number of rows it changed."""

    @abstractmethod
    async def _fetch(self, query: str, parameters: Sequence[object] = ()) -> list[Row]: ...

    @abstractmethod
    async def _execute_all(self, statements: Statements) -> list[int]:
        """Run statements in one transaction: all of them happen, or none."""

    async def _execute_for(self, user_id: int, query: str, parameters: Sequence[object]) -> int:
        """A write that must not interleave with the same user's other writes (a capped insert).
        SQLite runs one writer at a time anyway; PostgreSQL takes a lock on the user."""
        return await self._execute(query, parameters)

    @abstractmethod
    async def _execute_quietly(self, query: str, parameters: Sequence[object]) -> int:
        """A write whose loss in a crash costs nothing (the card on screen): the backend may
        skip waiting for the disk."""

    def _now(self) -> float:
        return self.clock()

    # --- lifecycle -------------------------------------------------------------------------

    async def __aenter__(self) -> Store:
        await self.open()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.close()

    async def schema_version(self) -> int:
        rows = await self._fetch("SELECT version FROM schema_version")
        return int(str(rows[0][0])) if rows else 0

    def _check_version(self, version: int, where: str) -> None:
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{where} has schema version {version}; this bot knows {len(MIGRATIONS)}"
            )

    # --- favourites ------------------------------------------------------------------------

    async def add(self, user_id: int, exercise_id: str) -> bool:
        """Save; True if it was not saved before. Saving twice keeps the first time.

        Raises FavouritesFull when the user already keeps `max_per_user` favourites.
        """
        changed = await self._execute_for(
            user_id,
            "INSERT INTO favourites SELECT CAST(? AS BIGINT), ?, CAST(? AS DOUBLE PRECISION) "
            "WHERE (SELECT COUNT(*) FROM favourites WHERE user_id = ?) < ? "
            "ON CONFLICT DO NOTHING",
            (user_id, exercise_id, self.clock(), user_id, self.max_per_user),
        )
        if changed > 0:
            return True
        if await self.contains(user_id, exercise_id):
            return False
        raise FavouritesFull(self.max_per_user)

    async def remove(self, user_id: int, exercise_id: str) -> bool:
        """Unsave; True if it was saved."""
        changed = await self._execute(
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
        return bool(await self._fetch(query, (user_id, exercise_id)))

    async def saved(self, user_id: int) -> list[Favourite]:
        """The user's favourites, oldest saved first."""
        query = (
            "SELECT exercise_id, saved_at FROM favourites WHERE user_id = ? "
            "ORDER BY saved_at, exercise_id"
        )
        rows = await self._fetch(query, (user_id,))
        return [Favourite(str(row[0]), float(str(row[1]))) for row in rows]

    async def popular(self, limit: int = 10) -> list[str]:
        """The exercises saved by the most users."""
        query = (
            "SELECT exercise_id FROM favourites GROUP BY exercise_id "
            "ORDER BY COUNT(*) DESC, exercise_id LIMIT ?"
        )
        return [str(row[0]) for row in await self._fetch(query, (limit,))]

    # --- the user between messages ---------------------------------------------------------

    async def user_state(self, user_id: int) -> UserState:
        query = "SELECT lang, about, zone FROM users WHERE user_id = ?"
        rows = await self._fetch(query, (user_id,))
        if not rows:
            return UserState()
        lang, about, zone = rows[0]
        return UserState(*(str(v) if v else None for v in (lang, about, zone)))

    async def set_zone(self, user_id: int, zone: str) -> None:
        await self._execute(
            "INSERT INTO users (user_id, zone) VALUES (?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET zone = excluded.zone",
            (user_id, zone),
        )

    async def language(self, user_id: int) -> str | None:
        return (await self.user_state(user_id)).lang

    async def set_language(self, user_id: int, lang: str) -> None:
        await self._execute(
            "INSERT INTO users (user_id, lang) VALUES (?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang",
            (user_id, lang),
        )

    async def set_about(self, user_id: int, exercise_id: str | None) -> None:
        """The card now on the user's screen, for the follow-ups that refer to it."""
        await self._execute_quietly(
            "INSERT INTO users (user_id, about) VALUES (?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET about = excluded.about",
            (user_id, exercise_id),
        )

    async def forget(self, user_id: int) -> int:
        """Delete everything stored about the user; returns how many favourites went."""
        tables = ("favourites", "users", "practice_runs", "activity", "saved_sessions", "reminders")
        removed, *_ = await self._execute_all(
            [(f"DELETE FROM {table} WHERE user_id = ?", (user_id,)) for table in tables]
            + [("DELETE FROM awaiting_notes WHERE user_id = ?", (user_id,))]
        )
        return removed

    # --- buttons whose data is longer than Telegram carries -------------------------------

    async def keep(self, data: str, seconds: float) -> str:
        """Keeps a button's data for `seconds`; the short key that finds it again."""
        key = secrets.token_urlsafe(KEY_BYTES)
        now = self.clock()
        await self._execute_all(
            [
                ("DELETE FROM kept_actions WHERE expires_at < ?", (now,)),
                ("INSERT INTO kept_actions VALUES (?, ?, ?)", (key, data, now + seconds)),
            ]
        )
        return key

    async def kept(self, key: str) -> str | None:
        """The data kept under `key`, unless it has expired (or never was)."""
        query = "SELECT data FROM kept_actions WHERE key = ? AND expires_at >= ?"
        rows = await self._fetch(query, (key, self.clock()))
        return str(rows[0][0]) if rows else None

    # --- several workers -------------------------------------------------------------------

    async def claim_update(self, update_id: int, holder: str, *, stale_after: float) -> Claim:
        """Claim an update for `holder` to handle. A claim not finished within `stale_after`
        seconds (its worker died) can be taken over; a finished one never is."""
        now = self.clock()
        taken = await self._execute(
            "INSERT INTO claimed_updates VALUES (?, ?, ?, 0) "
            "ON CONFLICT (update_id) DO UPDATE SET holder = excluded.holder, "
            "claimed_at = excluded.claimed_at "
            "WHERE claimed_updates.done = 0 AND claimed_updates.claimed_at < ?",
            (update_id, holder, now, now - stale_after),
        )
        if taken:
            return Claim.MINE
        query = "SELECT done FROM claimed_updates WHERE update_id = ?"
        rows = await self._fetch(query, (update_id,))
        return Claim.DONE if rows and rows[0][0] else Claim.BUSY

    async def finish_update(self, update_id: int) -> None:
        await self._execute("UPDATE claimed_updates SET done = 1 WHERE update_id = ?", (update_id,))

    async def take_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Hold the lease `name` for `seconds` more: True if `holder` holds it now (it was free,
        had expired, or was already `holder`'s)."""
        now = self.clock()
        taken = await self._execute(
            "INSERT INTO leases VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
            "expires_at = excluded.expires_at "
            "WHERE leases.holder = excluded.holder OR leases.expires_at < ?",
            (name, holder, now + seconds, now),
        )
        return taken > 0

    async def release_lease(self, name: str, holder: str) -> None:
        await self._execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    async def prune(self) -> int:
        """Drop what has expired: kept buttons and old update claims. Rows removed."""
        now = self.clock()
        removed = await self._execute_all(
            [
                ("DELETE FROM kept_actions WHERE expires_at < ?", (now,)),
                ("DELETE FROM claimed_updates WHERE claimed_at < ?", (now - CLAIMS_KEPT,)),
            ]
        )
        return sum(removed)

    # --- practice: the session in progress, what was done, saved sessions, reminders ------

    _RUN_COLUMNS = (
        "user_id, run_id, lang, exercises, position, remaining, clock_started, shown_at, place, "
        "finished, skipped, seconds, started_at"
    )

    async def start_run(self, run: PracticeRun) -> None:
        """`run` becomes the user's session in progress, in place of any other."""
        await self._execute_all(
            [
                ("DELETE FROM practice_runs WHERE user_id = ?", (run.user_id,)),
                (
                    f"INSERT INTO practice_runs ({self._RUN_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _run_values(run),
                ),
            ]
        )

    async def update_run(self, run: PracticeRun) -> bool:
        """Save `run`'s progress; False when it is no longer the user's session in progress."""
        columns = ", ".join(f"{name} = ?" for name in _RUN_PROGRESS)
        changed = await self._execute(
            f"UPDATE practice_runs SET {columns} WHERE user_id = ? AND run_id = ?",
            (*(getattr(run, name) for name in _RUN_PROGRESS), run.user_id, run.run_id),
        )
        return changed > 0

    async def run(self, user_id: int) -> PracticeRun | None:
        query = f"SELECT {self._RUN_COLUMNS} FROM practice_runs WHERE user_id = ?"
        rows = await self._fetch(query, (user_id,))
        return _run(rows[0]) if rows else None

    async def running(self) -> list[PracticeRun]:
        """Every session whose clock is running, for the countdown."""
        query = f"SELECT {self._RUN_COLUMNS} FROM practice_runs WHERE clock_started IS NOT NULL"
        return [_run(row) for row in await self._fetch(query)]

    async def end_run(self, user_id: int, run_id: int) -> bool:
        query = "DELETE FROM practice_runs WHERE user_id = ? AND run_id = ?"
        return await self._execute(query, (user_id, run_id)) > 0

    async def record(self, user_id: int, kind: str, exercise_id: str | None, seconds: int) -> None:
        """A finished exercise or session, for /progress."""
        await self._execute(
            "INSERT INTO activity VALUES (?, ?, ?, ?, ?)",
            (user_id, self.clock(), kind, exercise_id, seconds),
        )

    async def activity(self, user_id: int, since: float) -> list[Activity]:
        query = (
            "SELECT finished_at, kind, seconds FROM activity "
            "WHERE user_id = ? AND finished_at >= ? ORDER BY finished_at"
        )
        rows = await self._fetch(query, (user_id, since))
        return [Activity(float(str(r[0])), str(r[1]), int(str(r[2]))) for r in rows]

    async def save_session(self, user_id: int, exercises: tuple[str, ...]) -> bool:
        """Keep a session to do again; True if it was not kept before."""
        changed = await self._execute_for(
            user_id,
            "INSERT INTO saved_sessions SELECT CAST(? AS BIGINT), ?, CAST(? AS DOUBLE PRECISION) "
            "WHERE (SELECT COUNT(*) FROM saved_sessions WHERE user_id = ?) < ? "
            "ON CONFLICT DO NOTHING",
            (user_id, ",".join(exercises), self.clock(), user_id, MAX_SAVED_SESSIONS),
        )
        return changed > 0

    async def saved_sessions(self, user_id: int) -> list[tuple[str, ...]]:
        query = "SELECT exercises FROM saved_sessions WHERE user_id = ? ORDER BY saved_at"
        return [tuple(str(r[0]).split(",")) for r in await self._fetch(query, (user_id,))]

    async def remove_session(self, user_id: int, exercises: tuple[str, ...]) -> bool:
        query = "DELETE FROM saved_sessions WHERE user_id = ? AND exercises = ?"
        return await self._execute(query, (user_id, ",".join(exercises))) > 0

    async def set_reminder(self, reminder: Reminder) -> None:
        await self._execute(
            "INSERT INTO reminders VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
            "chat_id = excluded.chat_id, minute = excluded.minute, lang = excluded.lang, "
            "next_at = excluded.next_at",
            (reminder.user_id, reminder.chat_id, reminder.minute, reminder.lang, reminder.next_at),
        )

    async def reminder(self, user_id: int) -> Reminder | None:
        query = "SELECT user_id, chat_id, minute, lang, next_at FROM reminders WHERE user_id = ?"
        rows = await self._fetch(query, (user_id,))
        return _reminder(rows[0]) if rows else None

    async def remove_reminder(self, user_id: int) -> bool:
        return await self._execute("DELETE FROM reminders WHERE user_id = ?", (user_id,)) > 0

    async def due_reminders(self, now: float, limit: int = 1000) -> list[Reminder]:
        query = (
            "SELECT user_id, chat_id, minute, lang, next_at FROM reminders "
            "WHERE next_at <= ? ORDER BY next_at LIMIT ?"
        )
        return [_reminder(row) for row in await self._fetch(query, (now, limit))]

    async def claim_reminder(self, reminder: Reminder, next_at: float) -> bool:
        """Move the reminder to `next_at`; True for the one caller that moved it (and sends)."""
        changed = await self._execute(
            "UPDATE reminders SET next_at = ? WHERE user_id = ? AND next_at = ?",
            (next_at, reminder.user_id, reminder.next_at),
        )
        return changed > 0


MAX_SAVED_SESSIONS = 50
# What changes as a session goes on (the rest of a run is fixed when it starts).
_RUN_PROGRESS = (
    "position",
    "remaining",
    "clock_started",
    "shown_at",
    "place",
    "finished",
    "skipped",
    "seconds",
)


def _run_values(run: PracticeRun) -> tuple[object, ...]:
    return (
        run.user_id,
        run.run_id,
        run.lang,
        ",".join(run.exercises),
        run.position,
        run.remaining,
        run.clock_started,
        run.shown_at,
        run.place,
        run.finished,
        run.skipped,
        run.seconds,
        run.started_at,
    )


def _run(row: Row) -> PracticeRun:
    (user, run_id, lang, exercises, position, remaining, started, shown, place, *rest) = row
    finished, skipped, seconds, started_at = rest
    return PracticeRun(
        int(str(user)),
        int(str(run_id)),
        str(lang),
        tuple(str(exercises).split(",")),
        int(str(position)),
        int(str(remaining)),
        None if started is None else float(str(started)),
        float(str(shown)),
        None if place is None else str(place),
        int(str(finished)),
        int(str(skipped)),
        int(str(seconds)),
        float(str(started_at)),
    )


def _reminder(row: Row) -> Reminder:
    user, chat, minute, lang, next_at = row
    return Reminder(
        int(str(user)), int(str(chat)), int(str(minute)), str(lang), float(str(next_at))
    )
