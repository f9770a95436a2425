"""Feedback through the fake Bot API, as a person gives it in Telegram: the rating row under an
answer, the one question after 👎 and its note, Skip, and a "did you mean" picked; in English
and in Spanish. What is kept is read from the store once the bot has stopped (the answer log
is written in batches, the last one at shutdown)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.content import Library
from bot.store import SqliteStore
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import USER, buttons, press, running_bot, say

SOFIA = 2002


async def asked(fake: FakeTelegram, user: int = USER) -> dict[str, Any]:
    """The question sent after a 👎 (a new message, not an edit of the card)."""
    await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == user)
    message = fake.last_message(user)
    assert message is not None
    return message


async def test_a_thumbs_down_asks_what_was_missing_and_keeps_the_note(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db):
        card = await say(fake, "how do I do the hundred")
        rating = [label for label in buttons(card) if label in ("👍 Helpful", "👎 Not really")]
        assert rating == ["👍 Helpful", "👎 Not really"]
        steps = await press(fake, card, "Tips")
        assert "👎 Not really" in buttons(steps)  # the row stays under the card
        await press(fake, steps, "👎 Not really")
        assert fake.callback_answers[-1]["text"] == "Thanks for telling me!"
        question = await asked(fake)
        assert str(question["text"]).startswith("Sorry it didn't help.")
        assert list(buttons(question)) == ["Skip"]
        thanks = await say(fake, "how long each breath should last")
        assert thanks["text"] == "Thank you! Your note goes to the people who write the pages."
        assert (await say(fake, "teaser"))["text"].startswith("Teaser")  # questions again
    async with SqliteStore(db) as store:
        first, _ = await store.answer_log(0)
    assert (first.answer.exercise_id, first.vote, first.note) == (
        "the-hundred",
        -1,
        "how long each breath should last",
    )


async def test_skip_and_a_second_thumbs_down_ask_nothing_more(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db):
        card = await say(fake, "teaser")
        await press(fake, card, "👎 Not really")
        question = await asked(fake)
        skipped = await press(fake, question, "Skip")
        assert skipped["text"] == "No problem. Ask me anything else."
        sent = len(fake.messages(USER))
        await press(fake, card, "👎 Not really")
        assert len(fake.messages(USER)) == sent  # asked once


async def test_in_spanish_and_a_suggestion_picked(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(SOFIA, "Sofía", language_code="es")
    async with running_bot(fake, library, db):
        card = await say(fake, "cómo hago el cien", SOFIA)
        assert {"👍 Útil", "👎 No mucho"} <= set(buttons(card))
        await press(fake, card, "👍 Útil", SOFIA)
        assert fake.callback_answers[-1]["text"] == "¡Gracias por decírmelo!"
        offered = await say(fake, "cisne", SOFIA)
        chosen = await press(fake, offered, "Swan Dive", SOFIA)
        assert chosen["text"].startswith("Swan Dive") and "👎 No mucho" in buttons(chosen)
        card = await say(fake, "cómo hago el cien", SOFIA)
        await press(fake, card, "👎 No mucho", SOFIA)
        question = await asked(fake, SOFIA)
        assert str(question["text"]).startswith("Siento que no te haya")
    async with SqliteStore(db) as store:
        logged = await store.answer_log(0)
    assert [(e.answer.lang, e.answer.kind, e.vote, e.chosen) for e in logged] == [
        ("es", "exercise", 1, None),
        ("es", "suggestions", None, "swan-dive"),
        ("es", "exercise", -1, None),
    ]
