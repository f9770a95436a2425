"""The webhook: Telegram posts updates to a small aiohttp server behind the operator's proxy.

In place of python-telegram-bot's run_webhook, whose tornado server reads a whole request body
into memory before anything checks it (eight concurrent 95 MB posts took the bot from 70 MB to
1.18 GB) and whose usual setup puts the bot token in the URL path. Here:

* the path is the public URL's own path (`https://bot.example.com/telegram` -> `/telegram`);
* every post must carry the secret Telegram was given in setWebhook (compared in constant time);
  when the operator gives none, one is derived from the token, so every worker of the bot
  computes the same one and nobody without the token can;
* a body over MAX_BODY_BYTES is refused with 413 before it is read (by its Content-Length, or
  while reading one sent in chunks), far above any real update and far below harm;
* the server listens on 127.0.0.1 unless told otherwise: TLS and the public port belong to the
  reverse proxy in front;
* a post is answered only once its update is handled (PTB's own webhook answers first). Telegram
  sends a chat's next update only after the previous one was answered, so each chat's order
  holds across any number of workers, and an update in hand when a worker dies is delivered
  again. `UpdateClaims` makes sure a redelivered update is handled once.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.faces.telegram.claims import StillBusy, UpdateClaims
from bot.store import StoreError

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024 * 1024  # a Telegram update is a few kB; a message is at most 4096 chars
# Requests Telegram keeps open to the webhook at once (setWebhook's max_connections, 1-100):
# how many chats are handled side by side, across all workers.
MAX_CONNECTIONS = 40
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts


class WebhookConfigError(ValueError):
    """A webhook setting Telegram would refuse, said in one line."""


def secret_for(token: str) -> str:
    """The webhook secret when the operator sets none: 43 characters from Telegram's allowed
    set, the same in every worker of one bot, and unknowable without its token."""
    digest = hmac.new(token.encode(), b"pilates-bot webhook secret", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    url: str  # the public HTTPS URL Telegram posts to
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443
    max_connections: int = MAX_CONNECTIONS

    def __post_init__(self) -> None:
        if not _SECRET.fullmatch(self.secret):
            raise WebhookConfigError(
                "the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
            )
        if not 1 <= self.max_connections <= 100:
            raise WebhookConfigError("max_connections must be between 1 and 100 (Telegram's range)")

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


def webhook_app(
    application: Application,  # type: ignore[type-arg]
    secret: str,
    path: str,
    claims: UpdateClaims,
) -> web.Application:
    """An aiohttp app that handles each update Telegram posts to `path`, then answers."""
    expected = secret.encode()

    async def handle(update: Update) -> None:
        # Through the application's update processor: its bound on updates in hand, and each
        # user's updates one at a time (PerUserOrder).
        processor = application.update_processor
        await processor.process_update(update, application.process_update(update))

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
        try:
            await claims.handle_once(update.update_id, lambda: handle(update))
        except StillBusy:
            return web.Response(status=503)  # another worker has it in hand: Telegram retries
        except StoreError as exc:
            log.warning("webhook: update %d not handled: %s", update.update_id, exc)
            return web.Response(status=503)  # nothing was done; Telegram sends it again
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
    claims: UpdateClaims,
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
            settings.url,
            secret_token=settings.secret,
            allowed_updates=Update.ALL_TYPES,
            max_connections=settings.max_connections,
        )
        runner = web.AppRunner(
            webhook_app(application, settings.secret, settings.path, claims), access_log=None
        )
        await runner.setup()
        await application.start()
        try:
            await web.TCPSite(runner, settings.listen, settings.port).start()
            log.info("webhook: listening on %s:%d%s", settings.listen, settings.port, settings.path)
            await stop.wait()
        finally:
            await runner.cleanup()  # no new posts; the ones in hand are handled and answered
            await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
