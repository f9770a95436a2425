"""The answer log's queries: what was asked and how the answer served, with no user id.

A part of the one `Store` interface (it inherits them), kept in its own module because it is its
own idea: rows written in batches, feedback keyed by the answer, text dropped after a retention
period, and a salt per day so distinct people can be counted without being recognised.
"""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.schema import MIGRATIONS

Row = tuple[object, ...]
Statements = Sequence[tuple[str, Sequence[object]]]

DAY = 24 * 60 * 60
# Answer ids are drawn at random when the answer is given (the row is written later, in a
# batch): below 2**53 so JSON and JavaScript keep them exact, and unguessable, so a forged
# button cannot vote on answers given to others.
ID_BITS = 52
_COLUMNS = (
    "id, at, lang, kind, exercise_id, detail, confidence, runner_up, runner_up_score, asker, text"
)

assert "answer_log" in MIGRATIONS[-1]  # the tables these queries use


def new_entry_id() -> int:
    return secrets.randbits(ID_BITS) or 1


def asker_hash(salt: str, user_id: int) -> str:
    """Who asked, as a hash that only says "the same person" within one day."""
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """One answer given: never who asked; `text` only where the bot did not know."""

    id: int
    at: float
    lang: str
    kind: str  # exercise, faq, random, suggestions, none
    exercise_id: str | None = None  # the page answered (the first offered, for suggestions)
    detail: str | None = None  # the part shown, the FAQ question, or why there was no answer
    confidence: float | None = None  # the chosen candidate's score
    runner_up: str | None = None  # what came second: an exercise id or a kind
    runner_up_score: float | None = None
    asker: str | None = None  # asker_hash() of the day
    text: str | None = None


@dataclass(frozen=True, slots=True)
class LogEntry:
    """A logged answer with its feedback, as the report reads it."""

    answer: LoggedAnswer
    vote: int | None = None  # +1 helpful, -1 not
    chosen: str | None = None  # the suggestion picked: the message names that page
    note: str | None = None  # what was missing, in the asker's words


class AnswerLogQueries(ABC):
    """The answer log's SQL, for `Store` (which provides the statements and the clock)."""

    @abstractmethod
    async def _execute(self, query: str, parameters: Sequence[object] = ()) -> int: ...

    @abstractmethod
    async def _fetch(self, query: str, parameters: Sequence[object] = ()) -> list[Row]: ...

    @abstractmethod
    async def _execute_all(self, statements: Statements) -> list[int]: ...

    @abstractmethod
    def _now(self) -> float: ...

    async def log_answers(self, rows: Sequence[LoggedAnswer]) -> None:
        """Write a batch of answers in one transaction (one commit per batch, not per answer)."""
        if not rows:
            return
        query = (
            f"INSERT INTO answer_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING"
        )
        await self._execute_all(
            [
                (
                    query,
                    (
                        r.id,
                        r.at,
                        r.lang,
                        r.kind,
                        r.exercise_id,
                        r.detail,
                        r.confidence,
                        r.runner_up,
                        r.runner_up_score,
                        r.asker,
                        r.text,
                    ),
                )
                for r in rows
            ]
        )

    async def day_salt(self, day: str) -> str:
        """The salt of `day` (UTC, YYYY-MM-DD), made by whichever worker needs it first."""
        for _attempt in range(3):
            await self._execute(
                "INSERT INTO answer_log_salts VALUES (?, ?) ON CONFLICT (day) DO NOTHING",
                (day, secrets.token_hex(16)),
            )
            rows = await self._fetch("SELECT salt FROM answer_log_salts WHERE day = ?", (day,))
            if rows:
                return str(rows[0][0])
            # Just past midnight the retention duty may delete a day's salt between the two
            # statements: make it again.
        from bot.store.store import StoreError  # store.py imports this module

        raise StoreError(f"no salt could be kept for {day}")

    async def vote(self, entry_id: int, helpful: bool) -> int | None:
        """Record a 👍 (True) or 👎; the vote there was before (None: the first)."""
        rows = await self._fetch("SELECT vote FROM answer_feedback WHERE entry_id = ?", (entry_id,))
        before = int(str(rows[0][0])) if rows and rows[0][0] is not None else None
        await self._execute(
            "INSERT INTO answer_feedback (entry_id, at, vote) VALUES (?, ?, ?) "
            "ON CONFLICT (entry_id) DO UPDATE SET vote = excluded.vote",
            (entry_id, self._now(), 1 if helpful else -1),
        )
        return before

    async def choose(self, entry_id: int, exercise_id: str) -> None:
        """The asker picked `exercise_id` among the suggestions of answer `entry_id`."""
        await self._execute(
            "INSERT INTO answer_feedback (entry_id, at, chosen) VALUES (?, ?, ?) "
            "ON CONFLICT (entry_id) DO UPDATE SET chosen = excluded.chosen",
            (entry_id, self._now(), exercise_id),
        )

    async def add_note(self, entry_id: int, note: str) -> None:
        """What was missing from answer `entry_id`, in the asker's words."""
        await self._execute(
            "INSERT INTO answer_feedback (entry_id, at, note) VALUES (?, ?, ?) "
            "ON CONFLICT (entry_id) DO UPDATE SET note = excluded.note",
            (entry_id, self._now(), note),
        )

    async def attach_text(self, entry_id: int, text: str) -> None:
        """Keep the message of an answer found wanting (a 👎), which was not kept when given."""
        await self._execute(
            "UPDATE answer_log SET text = ? WHERE id = ? AND text IS NULL", (text, entry_id)
        )

    async def await_note(self, user_id: int, entry_id: int, seconds: float) -> None:
        """The user was asked what was missing from `entry_id`: their next message says it."""
        await self._execute(
            "INSERT INTO awaiting_notes VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
            "entry_id = excluded.entry_id, expires_at = excluded.expires_at",
            (user_id, entry_id, self._now() + seconds),
        )

    async def take_awaited_note(self, user_id: int) -> int | None:
        """The answer the user's next message is a note on, if one is awaited; asked only once."""
        rows = await self._fetch(
            "SELECT entry_id FROM awaiting_notes WHERE user_id = ? AND expires_at >= ?",
            (user_id, self._now()),
        )
        if not rows:
            return None
        await self.drop_awaited_note(user_id)
        return int(str(rows[0][0]))

    async def drop_awaited_note(self, user_id: int) -> None:
        await self._execute("DELETE FROM awaiting_notes WHERE user_id = ?", (user_id,))

    async def answer_log(self, since: float, until: float | None = None) -> list[LogEntry]:
        """Every answer logged from `since` (Unix time) to `until`, oldest first, with feedback."""
        columns = ", ".join(f"a.{c.strip()}" for c in _COLUMNS.split(","))
        rows = await self._fetch(
            f"SELECT {columns}, f.vote, f.chosen, f.note FROM answer_log a "
            "LEFT JOIN answer_feedback f ON f.entry_id = a.id "
            "WHERE a.at >= ? AND a.at < ? ORDER BY a.at, a.id",
            (since, until if until is not None else self._now() + DAY),
        )
        return [_entry(row) for row in rows]

    async def prune_answer_log(self, retention_days: float, today: str) -> int:
        """Drop message texts and notes older than the retention (all of them at 0), the salts
        of days before `today`, and notes no longer awaited. Rows changed."""
        now = self._now()
        cut = now - retention_days * DAY
        changed = await self._execute_all(
            [
                ("UPDATE answer_log SET text = NULL WHERE at < ? AND text IS NOT NULL", (cut,)),
                (
                    "UPDATE answer_feedback SET note = NULL WHERE at < ? AND note IS NOT NULL",
                    (cut,),
                ),
                ("DELETE FROM answer_log_salts WHERE day < ?", (today,)),
                ("DELETE FROM awaiting_notes WHERE expires_at < ?", (now,)),
            ]
        )
        return sum(changed)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _optional_float(value: object) -> float | None:
    return None if value is None else float(str(value))


def _entry(row: Row) -> LogEntry:
    (id_, at, lang, kind, exercise, detail, confidence, runner, runner_score, asker, text) = row[
        :11
    ]
    vote, chosen, note = row[11:]
    answer = LoggedAnswer(
        id=int(str(id_)),
        at=float(str(at)),
        lang=str(lang),
        kind=str(kind),
        exercise_id=_optional_str(exercise),
        detail=_optional_str(detail),
        confidence=_optional_float(confidence),
        runner_up=_optional_str(runner),
        runner_up_score=_optional_float(runner_score),
        asker=_optional_str(asker),
        text=_optional_str(text),
    )
    return LogEntry(
        answer,
        vote=None if vote is None else int(str(vote)),
        chosen=_optional_str(chosen),
        note=_optional_str(note),
    )
