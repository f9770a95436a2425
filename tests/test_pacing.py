"""ChatPacing: replies paced per chat, bot-initiated sends globally, a 429 confined to its chat.

Timing is asserted on the fake Bot API's request log with wide margins: what must hold is the
shape (a paced chat spreads out, an unpaced one does not), never an exact delay.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from bot.content import Library
from bot.faces.telegram.pacing import BOT_INITIATED, ChatPacing
from bot.faces.telegram.transport import AiohttpRequest
from tests.fake_telegram import FakeTelegram, RecordedRequest
from tests.telegram_harness import running_bot

USER = 1001
OTHER = 2002


@asynccontextmanager
async def paced_bot(fake: FakeTelegram, pacing: ChatPacing) -> AsyncIterator[ExtBot[Any]]:
    bot: ExtBot[Any] = ExtBot(
        fake.token,
        base_url=fake.base_url,
        request=AiohttpRequest(pool_size=64),
        rate_limiter=pacing,
    )
    async with bot:
        yield bot


def starts(requests: list[RecordedRequest]) -> list[float]:
    return sorted(r.started for r in requests if r.ok)


def most_in_one_second(times: list[float]) -> int:
    """The largest number of calls that started within any one second."""
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


async def test_a_private_chat_gets_a_burst_then_one_message_a_second(fake: FakeTelegram) -> None:
    fake.make_user(USER)
    async with paced_bot(fake, ChatPacing()) as bot:  # as deployed: a burst of 3, then 1/s
        await asyncio.gather(*(bot.send_message(USER, f"reply {n}") for n in range(7)))
    times = starts(fake.requests_for("sendMessage"))
    assert len(times) == 7
    assert most_in_one_second(times) <= 5  # 3 at once and 1 more a second, with slack
    assert times[-1] - times[0] >= 3.0  # 4 messages past the burst: about 4 s


async def test_chats_are_paced_apart_not_together(fake: FakeTelegram) -> None:
    users = [fake.make_user(USER + n)["id"] for n in range(40)]
    async with paced_bot(fake, ChatPacing()) as bot:
        await asyncio.gather(*(bot.send_message(user, "reply") for user in users))
    times = starts(fake.requests_for("sendMessage"))
    assert len(times) == 40
    assert times[-1] - times[0] < 1.5  # no global limit on replies (about 0.1 s here)


async def test_bot_initiated_sends_keep_a_global_rate(fake: FakeTelegram) -> None:
    users = [fake.make_user(USER + n)["id"] for n in range(20)]
    async with paced_bot(fake, ChatPacing(initiated_per_second=5)) as bot:
        await asyncio.gather(
            *(bot.send_message(u, "reminder", rate_limit_args=BOT_INITIATED) for u in users)
        )
    times = starts(fake.requests_for("sendMessage"))
    assert len(times) == 20
    assert most_in_one_second(times) <= 11  # 5 at once and 5 more a second, with slack
    assert times[-1] - times[0] >= 2.0  # 15 past the burst at 5/s: about 3 s


async def test_a_group_allows_twenty_a_minute() -> None:
    pacing = ChatPacing()
    group = pacing._chat_limiter(-100, group=True)
    private = pacing._chat_limiter(USER, group=False)
    assert (group.max_rate, group.time_period) == (20, 60)
    assert private.max_rate / private.time_period == 1.0


async def test_non_message_calls_are_not_paced() -> None:
    pacing = ChatPacing()
    calls: list[str] = []

    async def call(endpoint: str) -> bool:
        calls.append(endpoint)
        return True

    loop = asyncio.get_running_loop()
    started = loop.time()
    for endpoint, data in [
        ("answerCallbackQuery", {"callback_query_id": "1"}),
        ("answerInlineQuery", {"inline_query_id": "2"}),
        ("sendChatAction", {"chat_id": USER}),
        ("deleteMessage", {"chat_id": USER, "message_id": 1}),
        ("editMessageText", {"chat_id": USER, "message_id": 1}),  # a press answered in place
    ]:
        for _ in range(10):
            await pacing.process_request(call, (endpoint,), {}, endpoint, data, None)
    assert len(calls) == 50
    assert loop.time() - started < 0.5


async def test_a_429_for_one_chat_does_not_delay_another(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    fake.make_user(OTHER)
    async with running_bot(fake, library, db, concurrent_updates=4):
        fake.fail_next("sendMessage", 429, retry_after=4, chat_id=USER)
        fake.send_text(USER, "plank")
        await fake.wait_for("sendMessage", lambda r: r.status == 429, timeout=10)
        fake.send_text(OTHER, "teaser")
        other = await fake.wait_for(
            "sendMessage", lambda r: r.ok and r.params["chat_id"] == OTHER, timeout=10
        )
        user = await fake.wait_for(
            "sendMessage", lambda r: r.ok and r.params["chat_id"] == USER, timeout=10
        )
    flood = next(r for r in fake.requests_for("sendMessage") if r.status == 429)
    assert other.finished - flood.finished < 2.0  # not held for the other chat's 4 s
    assert user.started - flood.finished >= 3.9  # the chat that hit it waited it out


async def test_a_429_about_no_chat_pauses_every_call() -> None:
    pacing = ChatPacing()
    loop = asyncio.get_running_loop()
    flooded = False

    async def refused_once() -> bool:
        nonlocal flooded
        if not flooded:
            flooded = True
            raise RetryAfter(1)
        return True

    async def send() -> float:
        return loop.time()

    started = loop.time()
    commands = asyncio.create_task(
        pacing.process_request(refused_once, (), {}, "setMyCommands", {}, None)
    )
    await asyncio.sleep(0.1)
    sent = await pacing.process_request(send, (), {}, "sendMessage", {"chat_id": OTHER}, None)
    assert await commands is True
    assert sent - started >= 0.9  # the whole bot waited out retry_after


async def test_retries_are_bounded() -> None:
    pacing = ChatPacing(max_retries=1)
    attempts = 0

    async def always_refused() -> bool:
        nonlocal attempts
        attempts += 1
        raise RetryAfter(0)

    with pytest.raises(RetryAfter):
        await pacing.process_request(always_refused, (), {}, "sendMessage", {"chat_id": USER}, None)
    assert attempts == 2
