"""The tables, as one list of migrations that both backends apply in order.

The SQL is written once, in the part of the language SQLite and PostgreSQL share: BIGINT for
Telegram's ids (up to 52 bits, past PostgreSQL's INTEGER), DOUBLE PRECISION for Unix times,
`ON CONFLICT` for upserts. The one difference is SQLite's `WITHOUT ROWID`, a storage choice
that PostgreSQL has no use for: `script()` leaves it out there.
"""

from __future__ import annotations

from typing import Literal

Dialect = Literal["sqlite", "postgres"]

# Each entry moves the schema one version up; a database is brought to the last one on open.
# A change is a new entry. (The first three were rewritten in the shared SQL when PostgreSQL
# came; to SQLite the old and new texts make the same tables.)
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE favourites (
        user_id BIGINT NOT NULL,
        exercise_id TEXT NOT NULL,
        saved_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (user_id, exercise_id)
    ) WITHOUT ROWID;
    CREATE INDEX favourites_by_time ON favourites (user_id, saved_at);
    """,
    """
    CREATE TABLE users (
        user_id BIGINT PRIMARY KEY,
        lang TEXT
    );
    """,
    # Button actions too long for Telegram's 64 bytes, kept here under a short key.
    """
    CREATE TABLE kept_actions (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX kept_actions_by_expiry ON kept_actions (expires_at);
    """,
    # Several workers: the card each user has on screen is kept here, not in one process's
    # memory; each webhook update is claimed once; scheduled work runs under a lease.
    """
    ALTER TABLE users ADD COLUMN about TEXT;
    CREATE TABLE claimed_updates (
        update_id BIGINT PRIMARY KEY,
        holder TEXT NOT NULL,
        claimed_at DOUBLE PRECISION NOT NULL,
        done INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX claimed_updates_by_time ON claimed_updates (claimed_at);
    CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    );
    """,
    # Practice: the session each user is doing (at most one), what they finished, the sessions
    # they saved, their daily reminder and time zone.
    """
    ALTER TABLE users ADD COLUMN zone TEXT;
    CREATE TABLE practice_runs (
        user_id BIGINT PRIMARY KEY,
        run_id BIGINT NOT NULL,
        lang TEXT NOT NULL,
        exercises TEXT NOT NULL,
        position INTEGER NOT NULL,
        remaining INTEGER NOT NULL,
        clock_started DOUBLE PRECISION,
        shown_at DOUBLE PRECISION NOT NULL,
        place TEXT,
        finished INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        seconds INTEGER NOT NULL DEFAULT 0,
        started_at DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX practice_runs_running ON practice_runs (clock_started);
    CREATE TABLE activity (
        user_id BIGINT NOT NULL,
        finished_at DOUBLE PRECISION NOT NULL,
        kind TEXT NOT NULL,
        exercise_id TEXT,
        seconds INTEGER NOT NULL
    );
    CREATE INDEX activity_by_user ON activity (user_id, finished_at);
    CREATE TABLE saved_sessions (
        user_id BIGINT NOT NULL,
        exercises TEXT NOT NULL,
        saved_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (user_id, exercises)
    );
    CREATE TABLE reminders (
        user_id BIGINT PRIMARY KEY,
        chat_id BIGINT NOT NULL,
        minute INTEGER NOT NULL,
        lang TEXT NOT NULL,
        next_at DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX reminders_due ON reminders (next_at);
    """,
    # What people ask and how the answers served them (issue #15): one row per answer with no
    # user id (`asker` is a hash salted per day, whose salt is deleted once the day is over);
    # the message text only where the bot did not know, and only for the retention period.
    # Votes, a suggestion chosen and the note on what was missing are keyed by the answer, so a
    # vote may arrive (at another worker) before its answer's row. `awaiting_notes` is who was
    # asked "what was missing?", for minutes, so the next message is taken as the note.
    """
    CREATE TABLE answer_log (
        id BIGINT PRIMARY KEY,
        at DOUBLE PRECISION NOT NULL,
        lang TEXT NOT NULL,
        kind TEXT NOT NULL,
        exercise_id TEXT,
        detail TEXT,
        confidence DOUBLE PRECISION,
        runner_up TEXT,
        runner_up_score DOUBLE PRECISION,
        asker TEXT,
        text TEXT
    );
    CREATE INDEX answer_log_by_time ON answer_log (at);
    CREATE TABLE answer_feedback (
        entry_id BIGINT PRIMARY KEY,
        at DOUBLE PRECISION NOT NULL,
        vote INTEGER,
        chosen TEXT,
        note TEXT
    );
    CREATE TABLE answer_log_salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
    );
    CREATE TABLE awaiting_notes (
        user_id BIGINT PRIMARY KEY,
        entry_id BIGINT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    );
    """,
)


def script(number: int, dialect: Dialect) -> str:
    """Migration `number` (1-based) as `dialect` runs it."""
    sql = MIGRATIONS[number - 1]
    if dialect == "postgres":
        sql = sql.replace(") WITHOUT ROWID;", ");")
    return sql
