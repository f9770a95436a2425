"""Live content: the running bot reads its content tree again on SIGHUP, on /reload, and when
files change (watchfiles, debounced), without stopping or dropping an update.

The tree is read and the new engine built in a worker thread while the event loop goes on
answering with the old one; then one assignment on the loop's thread swaps the engine in
every conversation that follows this content. An answer reads its conversation's engine once,
and the engine answers without awaiting anything, so an answer in flight finishes on the
library it started with and none is ever served from half of one. Pages broken by the edit keep
their last good version (bot/content/reload.py); a tree with no valid page left is refused
whole and the library in service stays.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from watchfiles import DefaultFilter, awatch

from bot.content import Library, load_library
from bot.content.reload import Reloaded, keep_last_good
from bot.engine import AnswerEngine

log = logging.getLogger(__name__)
QUIET_MS = 300  # a batch of changes is read once the tree has been quiet this long...
MOST_MS = 3000  # ...or after this long, if editing goes on


class Follower(Protocol):
    """What answers from the content: a Conversation (its `engine` is replaced whole)."""

    engine: AnswerEngine


class LiveContent:
    """The content tree at `root`, as last read well, and the conversations answering from it."""

    def __init__(
        self,
        root: Path,
        library: Library,
        *,
        make_engine: Callable[[Library], AnswerEngine] = AnswerEngine,
        quiet_ms: int = QUIET_MS,
        most_ms: int = MOST_MS,
    ) -> None:
        self.root = root
        self.library = library
        self.make_engine = make_engine
        self.quiet_ms = quiet_ms
        self.most_ms = most_ms
        self.followers: list[Follower] = []
        self.reloads = 0
        self.last: Reloaded | None = None
        self._lock = asyncio.Lock()  # one reload at a time; a second waits, then reads anew
        self._pending: set[asyncio.Task[Reloaded | None]] = set()

    def follow(self, follower: Follower) -> None:
        self.followers.append(follower)

    async def reload(self, reason: str) -> Reloaded | None:
        """Read the tree again and serve it; None when it had no valid page (nothing changes)."""
        async with self._lock:
            started = time.perf_counter()
            reloaded, engine = await asyncio.to_thread(self._read)
            if engine is None:
                log.error(
                    "content reload (%s): no valid exercise page in %s; still serving the "
                    "%d exercises loaded before",
                    reason,
                    self.root,
                    len(self.library),
                )
                return None
            for problem in reloaded.problems:
                log.warning("content: %s", problem)
            for path in reloaded.kept:
                log.warning("content: %s is broken; serving its last good version", path)
            self.library = reloaded.library
            for follower in self.followers:
                follower.engine = engine  # the swap: one reference, on the loop's thread
            self.reloads += 1
            self.last = reloaded
            log.info(
                "content reloaded (%s) in %.2f s: %s",
                reason,
                time.perf_counter() - started,
                reloaded.summary,
            )
            return reloaded

    def _read(self) -> tuple[Reloaded, AnswerEngine | None]:
        result = load_library(self.root)
        reloaded = keep_last_good(result, self.library)
        if not len(reloaded.library):
            return reloaded, None
        return reloaded, self.make_engine(reloaded.library)

    def reload_soon(self, reason: str = "SIGHUP") -> None:
        """Start a reload from a signal handler (which cannot await)."""
        task = asyncio.get_running_loop().create_task(self.reload(reason))
        self._pending.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[Reloaded | None]) -> None:
        self._pending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("content reload failed", exc_info=task.exception())

    async def watch(self, stop: asyncio.Event) -> None:
        """Reload whenever files under the tree change, until `stop`."""
        try:
            async for changes in awatch(
                self.root,
                watch_filter=DefaultFilter(),
                debounce=self.most_ms,
                step=self.quiet_ms,
                stop_event=stop,
                recursive=True,
            ):
                try:
                    await self.reload(f"{len(changes)} change(s) in {self.root}")
                except Exception:  # a reload that fails must not stop the watching
                    log.exception("content reload failed")
        except OSError as exc:  # the tree cannot be watched (gone, too many watches)
            log.error(
                "content: cannot watch %s for changes: %s; SIGHUP still reloads", self.root, exc
            )

    async def close(self) -> None:
        for task in list(self._pending):
            task.cancel()
        await asyncio.gather(*self._pending, return_exceptions=True)
