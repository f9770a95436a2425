"""The webhook server: secret always required, path not the token, big bodies refused unread."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from bot.content import Library
from bot.faces.cli import build_parser
from bot.faces.settings import Settings
from bot.faces.telegram.webhook import (
    MAX_BODY_BYTES,
    SECRET_HEADER,
    WebhookConfigError,
    WebhookSettings,
    secret_for,
)
from bot.store import SqliteStore
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import PUBLIC_URL as URL
from tests.telegram_harness import until, webhook_worker

USER = 1001


def new_secret() -> str:
    return secrets.token_urlsafe(32)


@asynccontextmanager
async def webhook_bot(
    fake: FakeTelegram, library: Library, db: Path, secret: str
) -> AsyncIterator[str]:
    """One worker on SQLite; yields the local address Telegram would post to."""
    async with webhook_worker(fake, library, SqliteStore(db), secret=secret) as local:
        yield local


async def raw_post(address: str, headers: dict[str, str], body: bytes) -> int:
    """Send a request by hand (headers may promise more than is sent); the status answered."""
    host, port_path = address.removeprefix("http://").split(":", 1)
    port, path = port_path.split("/", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    lines = [f"POST /{path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    return int(status_line.split()[1])


async def test_webhook_needs_the_secret_and_answers_updates(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    secret = new_secret()
    async with webhook_bot(fake, library, db, secret) as local:
        registered = fake.requests_for("setWebhook")[-1].params
        assert registered["url"] == URL  # the URL Telegram posts to carries no token
        assert registered["secret_token"] == secret
        fake.send_text(USER, "plank")
        (update,) = fake.take_updates()
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: secret[:-1]}):
                async with session.post(local, json=update, headers=headers) as response:
                    assert response.status == 403
            token_path = f"{local.rsplit('/', 2)[0]}/{fake.token}"
            async with session.post(token_path, json=update, headers={SECRET_HEADER: secret}) as r:
                assert r.status == 404
            assert not fake.requests_for("sendMessage")
            async with session.post(local, data=b"not json", headers={SECRET_HEADER: secret}) as r:
                assert r.status == 400
            async with session.post(local, json=update, headers={SECRET_HEADER: secret}) as r:
                assert r.status == 200
        sent = await fake.wait_for("sendMessage", timeout=30)
        assert sent.params["chat_id"] == USER
        assert fake.last_message(USER)["text"].startswith("Plank")  # type: ignore[index]


async def test_webhook_refuses_big_bodies_before_reading_them(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    secret = new_secret()
    async with webhook_bot(fake, library, db, secret) as local:
        # 95 MB promised, 10 bytes sent: an answer before the rest proves nothing was waited for.
        for headers in ({}, {SECRET_HEADER: secret}):
            promised = {**headers, "Content-Length": str(95_000_000)}
            assert await raw_post(local, promised, b"{" * 10) == 413
        # Chunked, so no length up front: refused once the cap is passed while reading.
        too_big = json.dumps({"update_id": 1, "padding": "x" * MAX_BODY_BYTES}).encode()

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(too_big), 65536):
                yield too_big[start : start + 65536]

        async with (
            aiohttp.ClientSession() as session,
            session.post(local, data=chunks(), headers={SECRET_HEADER: secret}) as response,
        ):
            assert response.status == 413
    assert not fake.requests_for("sendMessage")


def test_webhook_settings_listen_locally_and_check_the_secret() -> None:
    args = build_parser().parse_args(["run", "--webhook-url", URL])
    assert Settings.from_sources(args, environ={}).listen == "127.0.0.1"
    assert WebhookSettings(URL, new_secret()).path == "/telegram/hook"
    for bad in ("", "has space", "é", "x" * 257):
        with pytest.raises(WebhookConfigError):
            WebhookSettings(URL, bad)


def test_without_a_secret_each_worker_derives_the_same_one_from_the_token() -> None:
    token = "123456789:AAH-some_token"
    secret = secret_for(token)
    assert secret == secret_for(token)  # every worker of one bot agrees, with no setting
    assert secret != secret_for("123456789:AAH-another_one")
    assert len(secret) == 43 and token not in secret
    WebhookSettings(URL, secret)  # a secret Telegram accepts
    for bad in (0, 101):
        with pytest.raises(WebhookConfigError):
            WebhookSettings(URL, secret, max_connections=bad)


async def test_a_post_is_answered_only_once_its_update_is_handled(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    secret = new_secret()
    async with webhook_bot(fake, library, db, secret) as local:
        fake.send_text(USER, "plank")
        (update,) = fake.take_updates()
        async with (
            aiohttp.ClientSession() as session,
            session.post(local, json=update, headers={SECRET_HEADER: secret}) as response,
        ):
            assert response.status == 200
            # The reply went out before Telegram was told the update was received.
            assert len(fake.requests_for("sendMessage")) == 1


async def test_an_update_delivered_twice_at_once_is_answered_once(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    secret = new_secret()
    async with webhook_bot(fake, library, db, secret) as local:
        fake.send_text(USER, "teaser")
        (update,) = fake.take_updates()
        async with aiohttp.ClientSession() as session:

            async def deliver() -> int:
                async with session.post(
                    local, json=update, headers={SECRET_HEADER: secret}
                ) as response:
                    return response.status

            assert await asyncio.gather(*(deliver() for _ in range(3))) == [200, 200, 200]
            assert await deliver() == 200  # and again, later
        await fake.wait_idle()
    assert len(fake.requests_for("sendMessage")) == 1


async def test_telegrams_delivery_reaches_the_bot_in_each_chats_order(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    users = [fake.make_user(3000 + n)["id"] for n in range(10)]
    questions = ["plank", "teaser", "swan dive", "the hundred"]
    async with (
        webhook_bot(fake, library, db, secret_for(fake.token)) as local,
        fake.webhook_delivery(local) as delivery,
    ):
        for question in questions:
            for user in users:
                fake.send_text(user, question)
        await until(lambda: len(fake.requests_for("sendMessage")) == len(users) * 4)
        await until(lambda: delivery.pending == 0)
    for user in users:
        titles = [m["text"].split("\n")[0] for m in fake.messages(user)]
        assert [t.lower() for t in titles] == questions, titles
    assert all(attempt.status == 200 for attempt in delivery.attempts)
