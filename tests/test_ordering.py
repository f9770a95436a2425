"""One user's updates in order, side by side with everyone else's, and no user holding others up."""

from __future__ import annotations

from pathlib import Path

from bot.content import Library
from bot.faces.telegram.ordering import MAX_QUEUED_PER_USER
from tests.fake_telegram import FakeTelegram, RecordedRequest
from tests.telegram_harness import running_bot, until

SLOW = 1001  # a chat Telegram is slow to deliver to, flooding the bot
OTHER = 2002


def _sent_to(fake: FakeTelegram, chat_id: int) -> list[RecordedRequest]:
    return [r for r in fake.requests_for("sendMessage") if r.params["chat_id"] == chat_id]


async def test_a_slow_flooding_chat_delays_only_itself(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(SLOW)
    fake.make_user(OTHER, "Bo")
    async with running_bot(fake, library, db, concurrent_updates=16):
        await fake.wait_until_polling()
        fake.delay_next("sendMessage", 0.3, times=20, chat_id=SLOW)
        for _ in range(20):  # more than the 16 slots
            fake.send_text(SLOW, "plank")
        fake.send_text(OTHER, "teaser")
        await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == OTHER, timeout=30)
        # Not behind the flood: when the slow chat's waiting updates each held a slot, the other
        # user's turn came only after 5 of its answers (20 - 16 + 1), 1.5 s here.
        assert len(_sent_to(fake, SLOW)) <= 3
        await until(lambda: len(_sent_to(fake, SLOW)) >= MAX_QUEUED_PER_USER)
        await fake.wait_idle(quiet=1.0, timeout=30)
        # Beyond the cap the flood was dropped, and the bot still answers the slow chat.
        assert len(_sent_to(fake, SLOW)) == MAX_QUEUED_PER_USER
        fake.send_text(SLOW, "teaser")
        await until(lambda: len(_sent_to(fake, SLOW)) == MAX_QUEUED_PER_USER + 1)


async def test_one_users_updates_keep_their_order(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(SLOW)
    async with running_bot(fake, library, db, concurrent_updates=16):
        await fake.wait_until_polling()
        fake.delay_next("sendMessage", 0.2, times=1, chat_id=SLOW)  # the first is slowest
        for text in ("plank", "teaser", "the saw"):
            fake.send_text(SLOW, text)
        await until(lambda: len(_sent_to(fake, SLOW)) == 3)
        titles = [m["text"].splitlines()[0] for m in fake.messages(SLOW)]
        assert titles == ["Plank", "Teaser", "The Saw"]
