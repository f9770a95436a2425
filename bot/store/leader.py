"""Scheduled work done once across workers: by whichever worker holds the store's lease.

Every worker runs the same `Scheduler`. Each round it asks the store for the lease (a row with
a holder and an expiry); the one that gets it does the work that is due, and renews the lease
every round while it lives. If it dies, the lease expires after `term` seconds and another
worker takes over. One process on SQLite is simply always the holder.

Work that must never happen twice (a reminder) also records that it was done, in the same
store: the lease keeps workers from doing the same work at once, the record keeps a new leader
from doing again what the old one finished just before it died.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.store.store import Store, StoreError

log = logging.getLogger(__name__)
LEASE = "scheduler"


def worker_name() -> str:
    """Who holds a claim or lease: host, process and a random part (a restarted process with
    the same pid is another worker)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass(slots=True)
class Duty:
    """Work to do every `every` seconds (by the leader only)."""

    name: str
    every: float
    work: Callable[[], Awaitable[object]]
    due: float = 0.0  # monotonic time it is next due; 0: at once


class Scheduler:
    def __init__(
        self,
        store: Store,
        holder: str,
        duties: list[Duty],
        *,
        term: float = 30.0,
        tick: float = 1.0,
    ) -> None:
        self.store = store
        self.holder = holder
        self.duties = duties
        self.term = term  # how long a lease lasts without renewal
        self.tick = tick  # how often due work is looked for
        self.leading = False
        self._renewed = -float("inf")

    async def round(self) -> None:
        """Renew (or try to take) the lease when a third of its term has passed; if held, do
        the duties that are due."""
        now = time.monotonic()
        if now - self._renewed >= self.term / 3 or not self.leading:
            try:
                leading = await self.store.take_lease(LEASE, self.holder, self.term)
            except StoreError as exc:
                log.warning("scheduler: cannot renew the lease: %s", exc)
                leading = False  # it may lapse meanwhile: do nothing rather than twice
            if leading != self.leading:
                log.info("scheduler: %s", "leading" if leading else "standing by")
            self.leading, self._renewed = leading, now
        if not self.leading:
            return
        for duty in self.duties:
            if duty.due <= now:
                duty.due = now + duty.every
                try:
                    await duty.work()
                except Exception:  # one duty's failure must not stop the others
                    log.exception("scheduler: %s failed", duty.name)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await self.round()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.tick)
        if self.leading:
            with contextlib.suppress(StoreError):  # let the next leader start at once
                await self.store.release_lease(LEASE, self.holder)
            self.leading = False


def housekeeping(store: Store) -> Duty:
    """Expired button data and old update claims, dropped once an hour."""

    async def prune() -> None:
        removed = await store.prune()
        if removed:
            log.info("housekeeping: %d expired rows removed", removed)

    return Duty("housekeeping", 60 * 60, prune)


async def prune_answer_log(store: Store, retention_days: float) -> int:
    """Message texts and notes past their retention, and salts of days gone; rows changed."""
    today = datetime.now(UTC).date().isoformat()
    return await store.prune_answer_log(retention_days, today)


def answer_log_retention(store: Store, retention_days: float) -> Duty:
    """The answer log's texts and notes dropped once past `--log-retention` days, and each
    day's salt once the day is over (its hashes can then no longer be matched to anyone):
    looked at every ten minutes."""

    async def prune() -> None:
        changed = await prune_answer_log(store, retention_days)
        if changed:
            log.info("answer log: %d text(s), note(s) or salt(s) past retention removed", changed)

    return Duty("answer-log-retention", 10 * 60, prune)
