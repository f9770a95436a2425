"""Driving the real Application against the fake Bot API: start, stop, say, press."""

from __future__ import annotations

import asyncio
import random
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.content import Library, Website
from bot.engine import AnswerEngine
from bot.faces.telegram.app import build_application
from bot.faces.telegram.claims import STALE_AFTER, UpdateClaims
from bot.faces.telegram.webhook import WebhookSettings, secret_for, serve_webhook
from bot.store import SqliteStore, Store
from tests.fake_telegram import FakeTelegram

USER = 1001  # the default user of say() and press()
JSON = dict[str, Any]


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram,
    library: Library,
    db: Path,
    *,
    concurrent_updates: int = 1,
    busy_timeout: float = 5.0,
    store: Store | None = None,
    site: Website | None = None,
    **options: Any,
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start the bot the way run_polling does (post_init included), and stop it the same way.
    `store`: one set up differently (a smaller cap, say); by default one on `db`. `site`: the
    website the content is published on (`--site-url`). `options`: more of build_application's
    (live content, admin ids...)."""
    engine = AnswerEngine(library, rng=random.Random(5))
    store = store or SqliteStore(db, busy_timeout=busy_timeout)
    application = build_application(
        engine,
        store,
        fake.token,
        base_url=fake.base_url,
        concurrent_updates=concurrent_updates,
        site=site,
        **options,
    )
    _count_updates_in_hand(fake, application)
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield application
    finally:
        fake.bot_busy = lambda: False
        await application.updater.stop()
        await application.stop()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)
        await application.shutdown()


def _count_updates_in_hand(fake: FakeTelegram, application: Application) -> None:  # type: ignore[type-arg]
    """Tell the fake while the bot holds an update: queued, waiting for its chat's turn or
    being handled, so that wait_idle waits for a handler that writes to its database between
    two calls. PTB marks each update of its queue done once handled (task_done in the
    wrapper's finally), so the queue's count of unfinished items is exactly that."""
    queue = application.update_queue
    fake.bot_busy = lambda: queue._unfinished_tasks > 0  # type: ignore[attr-defined]


PUBLIC_URL = "https://bot.example.com/telegram/hook"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def webhook_worker(
    fake: FakeTelegram,
    library: Library,
    store: Store,
    *,
    secret: str | None = None,
    stale_after: float = STALE_AFTER,
    concurrent_updates: int = 4,
) -> AsyncIterator[str]:
    """One worker serving the webhook on 127.0.0.1, as `pilates-bot run --webhook-url` does;
    yields the local address the proxy (or the fake's delivery) posts to."""
    application = build_application(
        AnswerEngine(library, rng=random.Random(5)),
        store,
        fake.token,
        base_url=fake.base_url,
        concurrent_updates=concurrent_updates,
    )
    settings = WebhookSettings(PUBLIC_URL, secret or secret_for(fake.token), port=free_port())
    claims = UpdateClaims(store, stale_after=stale_after, wait=stale_after + 5)
    stop = asyncio.Event()
    registered = len(fake.requests_for("setWebhook"))
    serving = asyncio.create_task(serve_webhook(application, settings, stop, claims))
    await until(lambda: len(fake.requests_for("setWebhook")) > registered, timeout=30)
    local = f"http://127.0.0.1:{settings.port}{settings.path}"
    for _ in range(200):  # the site starts just after setWebhook
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", settings.port)
            writer.close()
            break
        except OSError:
            await asyncio.sleep(0.05)
    try:
        yield local
    finally:
        stop.set()
        await serving


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "favourites.sqlite3"


def buttons(message: JSON) -> dict[str, str]:
    """Label -> callback_data (or url) of a message's inline keyboard."""
    markup = message.get("reply_markup") or {}
    return {
        b["text"]: b.get("callback_data") or b.get("url", "")
        for row in markup.get("inline_keyboard", [])
        for b in row
    }


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:  # noqa: ASYNC109
    """Wait until `condition()` holds (checked every 20 ms), or fail after `timeout` seconds."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (the fake has no event for every condition)
            await asyncio.sleep(0.02)


async def continued(fake: FakeTelegram, chat: int = USER) -> None:
    """Wait until every photo card whose caption ends "⬇ continued below" has a message after
    it: ChatPacing may send that message up to a second after the photo, when the fake has
    long been idle."""

    def complete() -> bool:
        messages = fake.messages(chat)
        return all(
            not str(m.get("caption", "")).rsplit("\n", 1)[-1].startswith("⬇")
            or number < len(messages)
            for number, m in enumerate(messages, 1)
        )

    await until(complete, timeout=10)


async def say(fake: FakeTelegram, text: str, user: int = USER) -> JSON:
    fake.send_text(user, text)
    await fake.wait_for("sendMessage", lambda r: r.params["chat_id"] == user)
    await fake.wait_idle()
    message = fake.last_message(user)
    assert message is not None
    return message


async def press(fake: FakeTelegram, message: JSON, label: str, user: int = USER) -> JSON:
    data = buttons(message)[label]
    query_id = fake.press_button(user, message, data)
    await fake.wait_for("answerCallbackQuery", lambda r: r.params["callback_query_id"] == query_id)
    await fake.wait_idle()
    for current in fake.messages(int(message["chat"]["id"])):
        if current["message_id"] == message["message_id"]:
            return current
    raise AssertionError("the card disappeared")
