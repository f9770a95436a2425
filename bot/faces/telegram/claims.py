"""Each webhook update handled once, though Telegram may deliver it more than once.

Telegram posts an update again when its request timed out or failed, perhaps to another
worker behind the load balancer while the first is still handling it. Before handling, a
worker claims the update's id: in the shared store when there are several workers
(PostgreSQL), in memory when one process is all there is. A delivery that finds the update
being handled elsewhere waits for that to finish, then acknowledges it without handling it
again; one that finds it finished acknowledges at once. A claim whose worker died unfinished
goes stale and the next delivery takes it over: at least once, and only once while workers
live.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from bot.store import Claim, Store
from bot.store.leader import worker_name

# A claim unfinished for this long belongs to a worker that died or hangs: redeliveries take
# it over. Far above any real update's handling (a few Bot API calls with their retries).
STALE_AFTER = 60.0
POLL_EVERY = 0.1  # how often a redelivery looks whether the update is finished elsewhere
REMEMBERED = 100_000  # finished update ids one process keeps (Telegram redelivers recent ones)


class StillBusy(Exception):
    """Another worker is still handling the update: tell Telegram to try again later."""


class UpdateClaims:
    def __init__(
        self,
        store: Store,
        holder: str | None = None,
        *,
        stale_after: float = STALE_AFTER,
        wait: float = STALE_AFTER,
    ) -> None:
        self.store = store
        self.holder = holder or worker_name()
        self.stale_after = stale_after
        self.wait = wait  # how long a redelivery waits for the update to finish elsewhere
        # One process: the updates in hand and those finished lately.
        self._in_hand: dict[int, asyncio.Future[None]] = {}
        self._finished: OrderedDict[int, None] = OrderedDict()

    async def handle_once(self, update_id: int, handle: Callable[[], Awaitable[None]]) -> bool:
        """Run `handle` unless the update was or is being handled; True if it ran here.

        Raises StillBusy when another worker still has it after `wait` seconds, and StoreError
        when the shared store cannot be reached (then nothing ran)."""
        if not self.store.shared:
            return await self._once_in_memory(update_id, handle)
        claim = await self.store.claim_update(update_id, self.holder, stale_after=self.stale_after)
        waited = 0.0
        while claim is Claim.BUSY:
            if waited >= self.wait:
                raise StillBusy(update_id)
            await asyncio.sleep(POLL_EVERY)
            waited += POLL_EVERY
            claim = await self.store.claim_update(
                update_id, self.holder, stale_after=self.stale_after
            )
        if claim is Claim.DONE:
            return False
        await handle()
        await self.store.finish_update(update_id)
        return True

    async def _once_in_memory(self, update_id: int, handle: Callable[[], Awaitable[None]]) -> bool:
        if update_id in self._finished:
            return False
        running = self._in_hand.get(update_id)
        if running is not None:
            await asyncio.shield(running)  # the first delivery's outcome, then acknowledge
            if update_id not in self._finished:
                raise StillBusy(update_id)  # it failed there: Telegram should send it again
            return False
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._in_hand[update_id] = done
        try:
            await handle()
            self._finished[update_id] = None
            while len(self._finished) > REMEMBERED:
                self._finished.popitem(last=False)
        finally:
            del self._in_hand[update_id]
            done.set_result(None)
        return True
