"""Long polling that confirms to Telegram only the updates the bot has handled.

PTB's Updater confirms a batch (the next getUpdates carries `offset = last id + 1`) as soon as
it is queued, before any handler ran: a crash then loses every queued update, since Telegram
never sends a confirmed update again. Here the offset sent is the oldest update still being
handled, so a crash makes Telegram send the unfinished ones again (at least once, never lost).
The updates Telegram sends again while this process still has them in hand are not handed to
the Updater a second time, nor parsed: under load most of a poll's answer is such repeats, and
parsing them cost a quarter of the bot's CPU (bench/throughput).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.faces.telegram.transport import reading

# While updates are in hand, Telegram answers every poll at once, with them again: so wait for
# them to be handled, this long at most, before the next poll. It bounds the cost of those
# repeats (a few polls a second while a slow update is in hand) and the delay of new updates.
_DRAIN_WAIT = 0.2


class HandledUpdates:
    """The update ids received and not yet handled, and the offset that is safe to confirm."""

    def __init__(self) -> None:
        self._in_hand: set[int] = set()
        self._next = 0  # one past the newest update received
        self._drained = asyncio.Event()

    def received(self, update_ids: Sequence[int]) -> None:
        self._in_hand.update(update_ids)
        self._next = max(self._next, *(update_id + 1 for update_id in update_ids), 0)

    def handled(self, update_id: int) -> None:
        self._in_hand.discard(update_id)
        if not self._in_hand:
            self._drained.set()

    def safe_offset(self, requested: int | None = None) -> int:
        """`requested` (the Updater's next offset; by default one past the newest update
        received), held back to the oldest update still in hand."""
        return min(self._in_hand, default=self._next if requested is None else requested)

    @property
    def in_hand(self) -> int:
        return len(self._in_hand)

    async def drained(self, timeout: float) -> None:  # noqa: ASYNC109
        """Until no update is in hand, or `timeout` seconds."""
        if not self._in_hand or timeout <= 0:
            return
        self._drained.clear()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._drained.wait()


class TrackingApplication(Application):  # type: ignore[type-arg]
    """An Application that tells `HandledUpdates` when each update has been handled (its
    handlers and error handlers are done)."""

    def __init__(self, *, handled_updates: HandledUpdates, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.handled_updates = handled_updates

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            if isinstance(update, Update):
                self.handled_updates.handled(update.update_id)


class ConfirmingPoller:
    """The Updater's view of the bot: getUpdates confirms only handled updates; everything
    else goes to the bot itself."""

    def __init__(self, bot: Bot, handled: HandledUpdates) -> None:
        self._bot = bot
        self._handled = handled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)

    async def get_updates(
        self, offset: int | None = None, *args: Any, **kwargs: Any
    ) -> tuple[Update, ...]:
        requested = offset or 0
        await self._handled.drained(min(_seconds(kwargs.get("timeout")), _DRAIN_WAIT))
        with reading(partial(_updates_from, requested)):
            updates = await self._bot.get_updates(
                self._handled.safe_offset(requested) or None, *args, **kwargs
            )
        # Already so on our transport (reading); kept for any other.
        fresh = tuple(update for update in updates if update.update_id >= requested)
        self._handled.received([update.update_id for update in fresh])
        return fresh


def _updates_from(first: int, result: Any) -> Any:
    """The raw updates of a getUpdates result from `first` on: the ones before are in hand."""
    if not isinstance(result, list):
        return result
    return [
        update
        for update in result
        if not (isinstance(update, dict) and isinstance(update.get("update_id"), int))
        or update["update_id"] >= first
    ]


def _seconds(timeout: object) -> float:
    if isinstance(timeout, dt.timedelta):
        return timeout.total_seconds()
    return float(timeout) if isinstance(timeout, int | float) else _DRAIN_WAIT


def confirm_only_handled(application: Application) -> None:  # type: ignore[type-arg]
    """Make `application` (built with TrackingApplication) poll through a ConfirmingPoller."""
    if application.updater is None or not isinstance(application, TrackingApplication):
        return
    poller = ConfirmingPoller(application.bot, application.handled_updates)
    application.updater.bot = poller  # type: ignore[assignment]  # a Bot in all but getUpdates


async def confirm_handled(application: Application) -> None:  # type: ignore[type-arg]
    """At a clean stop, once the updates in hand are handled: confirm them, so a restart does
    not handle them again (the Updater's own last confirmation came before they were done)."""
    if not isinstance(application, TrackingApplication):
        return
    offset = application.handled_updates.safe_offset()
    if offset:
        with contextlib.suppress(TelegramError):  # then they come again: at least once
            await application.bot.get_updates(offset=offset, timeout=0)
