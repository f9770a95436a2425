"""The webhook server: secret always required, path not the token, big bodies refused unread."""

from __future__ import annotations

import asyncio
import json
import random
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from bot.content import Library
from bot.engine import AnswerEngine
from bot.faces.cli import build_parser
from bot.faces.settings import Settings
from bot.faces.telegram.app import build_application
from bot.faces.telegram.webhook import (
    MAX_BODY_BYTES,
    SECRET_HEADER,
    WebhookConfigError,
    WebhookSettings,
    new_secret,
    serve_webhook,
)
from bot.store.favourites import FavouritesStore
from tests.fake_telegram import FakeTelegram

USER = 1001
URL = "https://bot.example.com/telegram/hook"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def webhook_bot(
    fake: FakeTelegram, library: Library, db: Path, secret: str
) -> AsyncIterator[str]:
    """The bot serving its webhook on 127.0.0.1; yields the local address Telegram would post to."""
    application = build_application(
        AnswerEngine(library, rng=random.Random(5)),
        FavouritesStore(db),
        fake.token,
        base_url=fake.base_url,
        concurrent_updates=4,
    )
    settings = WebhookSettings(URL, secret, port=free_port())
    stop = asyncio.Event()
    serving = asyncio.create_task(serve_webhook(application, settings, stop))
    await fake.wait_for("setWebhook", timeout=30)
    local = f"http://127.0.0.1:{settings.port}{settings.path}"
    async with aiohttp.ClientSession() as session:
        for _ in range(100):  # the site starts just after setWebhook
            try:
                async with session.post(local, data=b"{}") as response:
                    if response.status:
                        break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
    try:
        yield local
    finally:
        stop.set()
        await serving


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
    assert len({new_secret() for _ in range(3)}) == 3
    for bad in ("", "has space", "é", "x" * 257):
        with pytest.raises(WebhookConfigError):
            WebhookSettings(URL, bad)
