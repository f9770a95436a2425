"""Concurrent updates that keep each user's order.

With plain `concurrent_updates`, a user tapping Save, then Unsave, then Save could see them run
in any order. Here updates of different users run side by side, and one user's updates run one
at a time, in the order Telegram sent them (asyncio's locks and semaphores are first come, first
served, and PTB starts update tasks in order).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._pending: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            await coroutine
            return
        lock = self._locks.setdefault(user.id, asyncio.Lock())
        self._pending[user.id] = self._pending.get(user.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._pending[user.id] -= 1
            if not self._pending[user.id]:  # forget idle users: memory stays bounded
                del self._pending[user.id]
                del self._locks[user.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
