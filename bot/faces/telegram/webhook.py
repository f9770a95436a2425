"""The webhook: Telegram posts updates to a small aiohttp server behind the operator's proxy.

In place of python-telegram-bot's run_webhook, whose tornado server reads a whole request body
into memory before anything checks it (eight concurrent 95 MB posts took the bot from 70 MB to
1.18 GB) and whose usual setup puts the bot token in the URL path. Here:

* the path is the public URL's own path (`https://bot.example.com/telegram` -> `/telegram`);
* every post must carry the secret Telegram was given in setWebhook (compared in constant time);
  when the operator gives none, one is generated at start-up;
* a body over MAX_BODY_BYTES is refused with 413 before it is read (by its Content-Length, or
  while reading one sent in chunks), far above any real update and far below harm;
* the server listens on 127.0.0.1 unless told otherwise: TLS and the public port belong to the
  reverse proxy in front.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024 * 1024  # a Telegram update is a few kB; a message is at most 4096 chars
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts


class WebhookConfigError(ValueError):
    """A webhook setting Telegram would refuse, said in one line."""


def new_secret() -> str:
    """A secret for setWebhook: 43 characters from Telegram's allowed set."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    url: str  # the public HTTPS URL Telegram posts to
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443

    def __post_init__(self) -> None:
        if not _SECRET.fullmatch(self.secret):
            raise WebhookConfigError(
                "the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
            )

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


def webhook_app(application: Application, secret: str, path: str) -> web.Application:  # type: ignore[type-arg]
    """An aiohttp app that puts Telegram's posts to `path` on the application's update queue."""
    expected = secret.encode()

    async def receive(request: web.Request) -> web.StreamResponse:
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return _refuse(413)
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return _refuse(403)
        try:
            body = await request.read()  # at most client_max_size, else 413 is raised
        except web.HTTPRequestEntityTooLarge:
            return _refuse(413)
        try:
            data: Any = json.loads(body)
            update = Update.de_json(data, application.bot)
        except (ValueError, TypeError, KeyError):
            log.warning("webhook: a post that is not a Telegram update was refused")
            return _refuse(400)
        await application.update_queue.put(update)
        return web.Response()

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post(path, receive)
    return app


def _refuse(status: int) -> web.Response:
    response = web.Response(status=status)
    response.force_close()  # do not linger reading the rest of what was sent
    return response


async def serve_webhook(
    application: Application,  # type: ignore[type-arg]
    settings: WebhookSettings,
    stop: asyncio.Event,
) -> None:
    """Run the bot on the webhook until `stop` is set, then finish the updates in hand.

    The lifecycle of PTB's run_webhook: initialize, post_init, setWebhook, start; on the way
    out stop, shutdown, post_shutdown.
    """
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.bot.set_webhook(
            settings.url, secret_token=settings.secret, allowed_updates=Update.ALL_TYPES
        )
        runner = web.AppRunner(
            webhook_app(application, settings.secret, settings.path), access_log=None
        )
        await runner.setup()
        await application.start()
        try:
            await web.TCPSite(runner, settings.listen, settings.port).start()
            log.info("webhook: listening on %s:%d%s", settings.listen, settings.port, settings.path)
            await stop.wait()
        finally:
            await runner.cleanup()  # no new updates; the ones in hand finish in stop()
            await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
