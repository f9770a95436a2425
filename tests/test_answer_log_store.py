"""The answer log in the store, on SQLite and on PostgreSQL: batches, feedback keyed by the
answer, text kept only for the retention period, salts only for their day."""

from __future__ import annotations

from pathlib import Path

from bot.store import store_at
from bot.store.answer_log import DAY, LoggedAnswer, asker_hash, new_entry_id

NOW = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def unanswered(at: float, text: str | None = "is pilates ok after a c-section") -> LoggedAnswer:
    return LoggedAnswer(new_entry_id(), at, "en", "none", detail="unknown", text=text)


async def test_a_batch_is_read_back_oldest_first_with_its_feedback(
    store_location: Path | str,
) -> None:
    async with store_at(store_location) as store:
        card = LoggedAnswer(
            new_entry_id(), NOW - 5, "es", "exercise", "plank", "overview", 0.91, "side-plank", 0.5
        )
        none = unanswered(NOW - 10)
        await store.log_answers([card, none])
        assert await store.vote(card.id, helpful=False) is None
        assert await store.vote(card.id, helpful=False) == -1  # the vote there was before
        await store.add_note(card.id, "it did not say how long to hold")
        entries = await store.answer_log(NOW - 60, NOW + 1)
        assert [e.answer for e in entries] == [none, card]
        assert (entries[1].vote, entries[1].note, entries[0].vote) == (
            -1,
            "it did not say how long to hold",
            None,
        )


async def test_feedback_may_arrive_before_its_answer_is_written(
    store_location: Path | str,
) -> None:
    """Rows are written in batches, and with several workers a press may reach another one."""
    async with store_at(store_location) as store:
        entry = unanswered(NOW, text="the one like a swan but kneeling")
        await store.choose(entry.id, "swan-dive")
        await store.log_answers([entry])
        await store.log_answers([entry])  # a batch written twice (a retry) changes nothing
        [logged] = await store.answer_log(NOW - 1, NOW + 1)
        assert (logged.answer.text, logged.chosen) == (entry.text, "swan-dive")


async def test_text_and_notes_go_after_the_retention_the_rest_stays(
    store_location: Path | str,
) -> None:
    clock = Clock()
    async with store_at(store_location) as store:
        store.clock = clock
        old, recent = unanswered(NOW - 31 * DAY), unanswered(NOW - 29 * DAY)
        await store.log_answers([old, recent])
        clock.now = NOW - 31 * DAY
        await store.add_note(old.id, "more about breathing")
        clock.now = NOW
        await store.prune_answer_log(30, "2027-01-15")
        entries = await store.answer_log(0, NOW)
        assert [(e.answer.kind, e.answer.text, e.note) for e in entries] == [
            ("none", None, None),
            ("none", recent.text, None),
        ]
        await store.prune_answer_log(0, "2027-01-15")  # 0 days: no text at all
        assert [e.answer.text for e in await store.answer_log(0, NOW)] == [None, None]


async def test_a_days_salt_is_shared_then_deleted_once_the_day_is_over(
    store_location: Path | str,
) -> None:
    async with store_at(store_location) as store:
        salt = await store.day_salt("2027-01-14")
        assert await store.day_salt("2027-01-14") == salt  # every worker hashes alike that day
        assert asker_hash(salt, 42) == asker_hash(salt, 42) != asker_hash(salt, 43)
        await store.prune_answer_log(30, "2027-01-15")
        assert await store.day_salt("2027-01-14") != salt  # yesterday's hashes are unlinkable


async def test_an_awaited_note_is_taken_once_expires_and_is_forgotten(
    store_location: Path | str,
) -> None:
    clock = Clock()
    async with store_at(store_location) as store:
        store.clock = clock
        await store.await_note(7, 1234, seconds=600)
        assert await store.take_awaited_note(7) == 1234
        assert await store.take_awaited_note(7) is None  # asked once
        await store.await_note(7, 1234, seconds=600)
        clock.now += 601
        assert await store.take_awaited_note(7) is None
        await store.await_note(8, 99, seconds=600)
        await store.forget(8)
        assert await store.take_awaited_note(8) is None
