"""Several workers behind one webhook, sharing one PostgreSQL store (issue 13, point 3):
Telegram's delivery goes to each in turn, and the bot still behaves as one."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import aiohttp
import pytest

from bot.content import Library
from bot.conversation.actions import ChooseLanguage
from bot.conversation.conversation import Conversation, Person
from bot.engine import AnswerEngine
from bot.faces.telegram.webhook import SECRET_HEADER, secret_for
from bot.store import PostgresStore, Store
from bot.store.leader import Duty, Scheduler
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, until, webhook_worker

pytestmark = pytest.mark.timeout(180)


@asynccontextmanager
async def workers(
    fake: FakeTelegram, library: Library, url: str, count: int = 2, stale_after: float = 60.0
) -> AsyncIterator[list[str]]:
    """`count` workers on the same database; their local addresses."""
    async with AsyncExitStack() as stack:
        addresses = [
            await stack.enter_async_context(
                webhook_worker(fake, library, PostgresStore(url), stale_after=stale_after)
            )
            for _ in range(count)
        ]
        yield addresses


def titles(fake: FakeTelegram, user: int) -> list[str]:
    return [m["text"].split("\n")[0] for m in fake.messages(user)]


async def test_each_chat_is_answered_in_order_and_once_across_two_workers(
    fake: FakeTelegram, library: Library, postgres_url: str
) -> None:
    users = [fake.make_user(8000 + n)["id"] for n in range(20)]
    questions = ["plank", "teaser", "swan dive", "the hundred", "roll up"]
    async with (
        workers(fake, library, postgres_url) as addresses,
        fake.webhook_delivery(addresses) as delivery,
    ):
        for question in questions:
            for user in users:
                fake.send_text(user, question)
        await until(lambda: delivery.pending == 0, timeout=120)
        await fake.wait_idle()
    for user in users:
        assert [t.lower() for t in titles(fake, user)] == questions
    assert len(fake.requests_for("sendMessage")) == len(users) * len(questions)


async def test_a_follow_up_and_a_chosen_language_reach_the_other_worker(
    fake: FakeTelegram, library: Library, postgres_url: str
) -> None:
    user = fake.make_user(8100)["id"]
    async with (
        workers(fake, library, postgres_url) as addresses,
        fake.webhook_delivery(addresses) as delivery,
    ):
        fake.send_text(user, "teaser")  # to the first worker
        fake.send_text(user, "make it easier")  # to the second: the card on screen is shared
        await until(lambda: len(fake.messages(user)) == 2)
        assert titles(fake, user) == ["Teaser", "Teaser"]
        assert "easier" in fake.messages(user)[1]["text"].lower()
        fake.send_command(user, "/language")
        await until(lambda: len(fake.messages(user)) == 3)
        choice = fake.messages(user)[-1]
        fake.press_button(user, choice, buttons(choice)["Español"])
        await until(lambda: len(fake.requests_for("answerCallbackQuery")) == 1)
        await until(lambda: delivery.pending == 0)
        for _ in range(2):  # whichever worker gets it answers in Spanish
            fake.send_text(user, "plancha")
        await until(lambda: len(fake.messages(user)) == 5)
    assert titles(fake, user)[3:] == ["Plancha", "Plancha"]


async def test_an_update_posted_to_both_workers_at_once_is_answered_once(
    fake: FakeTelegram, library: Library, postgres_url: str
) -> None:
    user = fake.make_user(8200)["id"]
    secret = secret_for(fake.token)
    async with workers(fake, library, postgres_url) as addresses:
        fake.send_text(user, "plank")
        (update,) = fake.take_updates()
        async with aiohttp.ClientSession() as session:

            async def post(address: str) -> int:
                headers = {SECRET_HEADER: secret}
                async with session.post(address, json=update, headers=headers) as response:
                    return response.status

            assert await asyncio.gather(*(post(a) for a in addresses * 2)) == [200] * 4
        await fake.wait_idle()
    assert len(fake.requests_for("sendMessage")) == 1


async def test_an_update_whose_worker_died_is_handled_by_the_next_delivery(
    fake: FakeTelegram, library: Library, postgres_url: str
) -> None:
    user = fake.make_user(8300)["id"]
    fake.send_text(user, "plank")
    (update,) = fake.take_updates()
    async with PostgresStore(postgres_url) as store:
        # A worker claimed it and died before finishing: its claim goes stale.
        await store.claim_update(update["update_id"], "dead-worker", stale_after=60)
    async with workers(fake, library, postgres_url, count=1, stale_after=1.0) as (address,):
        async with aiohttp.ClientSession() as session:
            headers = {SECRET_HEADER: secret_for(fake.token)}
            async with session.post(address, json=update, headers=headers) as response:
                assert response.status == 200
        await fake.wait_idle()
    assert len(fake.requests_for("sendMessage")) == 1


async def test_two_conversations_on_one_store_share_each_users_screen_and_only_theirs(
    library: Library, postgres_url: str
) -> None:
    async with PostgresStore(postgres_url) as first, PostgresStore(postgres_url) as second:
        a = Conversation(AnswerEngine(library, rng=random.Random(1)), first)
        b = Conversation(AnswerEngine(library, rng=random.Random(1)), second)
        ana, bo = Person(1, "en"), Person(2, "en")
        await a.say(ana, "teaser")
        await b.say(bo, "plank")
        assert (await b.say(ana, "make it easier")).text.startswith("Teaser")
        assert (await a.say(bo, "make it easier")).text.startswith("Plank")
        await a.press(ana, ChooseLanguage("es"))
        assert await b.language(ana) == "es"
        assert await b.language(bo) == "en"


async def leads(scheduler: Scheduler) -> bool:
    await scheduler.round()
    return scheduler.leading


async def test_scheduled_work_runs_on_one_worker_and_moves_when_it_stops(
    postgres_url: str,
) -> None:
    done: list[str] = []

    def duty(worker: str) -> Duty:
        async def work() -> None:
            done.append(worker)

        return Duty("count", every=0.0, work=work)

    stores: list[Store] = [PostgresStore(postgres_url) for _ in range(3)]
    for store in stores:
        await store.open()
    try:
        schedulers = [
            Scheduler(store, f"w{n}", [duty(f"w{n}")], term=0.6) for n, store in enumerate(stores)
        ]
        assert [await leads(s) for s in schedulers] == [True, False, False]
        for _ in range(3):
            for scheduler in schedulers:
                await scheduler.round()
        assert set(done) == {"w0"} and len(done) == 4
        # The leader stops cleanly: it lets go, and the next to ask takes over at once.
        stop = asyncio.Event()
        stop.set()
        await schedulers[0].run(stop)
        assert [await leads(s) for s in schedulers[1:]] == [True, False]
        # The new leader dies (no release): another takes over once its lease expires.
        await asyncio.sleep(0.7)
        assert await leads(schedulers[2])
    finally:
        for store in stores:
            await store.close()
