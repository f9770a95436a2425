"""Webhook delivery as Telegram does it: the fake posts its queued updates to the bot.

What Telegram does and this imitates:
* at most `max_connections` (from setWebhook, default 40) requests open at once;
* one chat at a time: a chat's next update is posted only after the previous one was answered
  with a 2xx, so each chat's updates arrive in order;
* an update answered otherwise (an error status, a refused connection, no answer within the
  request timeout) is posted again later, perhaps to another worker behind the balancer; the
  chat waits meanwhile;
* the secret given in setWebhook is sent in `X-Telegram-Bot-Api-Secret-Token`.

Telegram's backoff between attempts grows to minutes; here it is `retry_after` seconds, so a
test or bench does not wait that long.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

JSON = dict[str, Any]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One post of an update: when, the answer's status (0: no answer), how long it took."""

    update_id: int
    chat: int
    status: int
    started: float
    seconds: float


def chat_of(update: JSON) -> int:
    """The chat an update belongs to for ordering: its message's chat, else its sender."""
    for key, value in update.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        message = value.get("message") if key == "callback_query" else value
        if isinstance(message, dict) and isinstance(message.get("chat"), dict):
            return int(message["chat"]["id"])
        sender = value.get("from")
        if isinstance(sender, dict):
            return int(sender["id"])
    return 0


@dataclass
class WebhookDelivery:
    """Posts updates taken from `take` to `addresses` (in turn, as a round-robin balancer
    would) until stopped."""

    addresses: list[str]
    take: Callable[[], list[JSON]]
    settings: Callable[[], JSON]  # the webhook as set (max_connections, secret_token)
    backlog: Callable[[], int]  # updates waiting to be taken
    request_timeout: float = 60.0
    retry_after: float = 0.5
    attempts: list[Attempt] = field(default_factory=list)
    _chats: dict[int, deque[JSON]] = field(default_factory=dict)
    _busy: set[int] = field(default_factory=set)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _stopping: bool = False
    _turn: int = 0

    def wake(self) -> None:
        self._wake.set()

    @property
    def pending(self) -> int:
        """Updates not yet answered with a 2xx (queued, in flight or waiting for a retry)."""
        return self.backlog() + sum(len(queue) for queue in self._chats.values())

    async def run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=self.request_timeout)
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            try:
                while not self._stopping:
                    for update in self.take():
                        self._chats.setdefault(chat_of(update), deque()).append(update)
                    self._start_ready(session)
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), 0.05)
            finally:
                for task in self._tasks:
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    def _start_ready(self, session: aiohttp.ClientSession) -> None:
        limit = int(self.settings().get("max_connections") or 40)
        for chat, queue in self._chats.items():
            if len(self._tasks) >= limit:
                return
            if queue and chat not in self._busy:
                self._busy.add(chat)
                task = asyncio.create_task(self._post(session, chat, queue[0]))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _post(self, session: aiohttp.ClientSession, chat: int, update: JSON) -> None:
        headers = {}
        secret = self.settings().get("secret_token")
        if secret:
            headers[SECRET_HEADER] = str(secret)
        started = time.monotonic()
        status = 0
        address = self.addresses[self._turn % len(self.addresses)]
        self._turn += 1
        try:
            async with session.post(address, json=update, headers=headers) as response:
                status = response.status
                await response.read()
        except (aiohttp.ClientError, TimeoutError):
            status = 0
        self.attempts.append(
            Attempt(update["update_id"], chat, status, started, time.monotonic() - started)
        )
        if 200 <= status < 300:
            self._chats[chat].popleft()
            if not self._chats[chat]:
                del self._chats[chat]
        else:
            await asyncio.sleep(self.retry_after)
        self._busy.discard(chat)
        self._wake.set()
