"""Concurrent updates that keep each user's order, and one user cannot hold up the others.

With plain `concurrent_updates`, a user tapping Save, then Unsave, then Save could see them run
in any order. Here updates of different users run side by side, and one user's updates run one
at a time, in the order Telegram sent them (asyncio's locks and semaphores are first come, first
served, and PTB starts update tasks in order).

A slot to run in is taken only once the user's earlier updates are done: an update waiting for
its turn holds no slot, so a user with a slow chat or a burst of messages delays only themself.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

# Updates one user may have in hand (running and waiting). A person typing has one or two; a
# person tapping a button again and again before the first tap is answered may have ten or so
# (tests/test_faults.py taps up to 15 times). More is a flood or a script. Updates beyond
# the cap are dropped, not answered with a refusal: a refusal per dropped update would spend
# the bot's send budget (about 30 messages a second for everyone, one a second per chat) on
# the very chat that floods. One warning is logged per burst.
MAX_QUEUED_PER_USER = 16


class PerUserOrder(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int,
        max_queued_per_user: int = MAX_QUEUED_PER_USER,
        on_dropped: Callable[[int], None] | None = None,
    ) -> None:
        # PTB takes its own semaphore before do_process_update sees which user an update is
        # from, so it cannot be the bound on running updates: it only admits updates, as many
        # as `max_concurrent_updates` users with full queues have. The real bound is
        # `self._slots`, taken after the user's lock.
        super().__init__(max_concurrent_updates * max_queued_per_user)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._max_queued = max_queued_per_user
        self._locks: dict[int, asyncio.Lock] = {}
        self._pending: dict[int, int] = {}
        self._dropping: set[int] = set()  # users whose burst was already logged
        # Told the id of each dropped update: it is done with, as if handled (the polling
        # offset must move past it, or Telegram sends it again and again).
        self._on_dropped = on_dropped

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            async with self._slots:
                await coroutine
            return
        pending = self._pending.get(user.id, 0)
        if pending >= self._max_queued:
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never run: no "was never awaited" warning
            if self._on_dropped is not None and isinstance(update, Update):
                self._on_dropped(update.update_id)
            if user.id not in self._dropping:
                self._dropping.add(user.id)
                log.warning(
                    "update %s dropped: %d updates of the same user already queued",
                    update.update_id if isinstance(update, Update) else None,
                    pending,
                )
            return
        lock = self._locks.setdefault(user.id, asyncio.Lock())
        self._pending[user.id] = pending + 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._pending[user.id] -= 1
            if not self._pending[user.id]:  # forget idle users: memory stays bounded
                del self._pending[user.id]
                del self._locks[user.id]
                self._dropping.discard(user.id)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
