"""Calls to Telegram that survive a passing fault without answering twice.

429 is waited out by ChatPacing (pacing.py), pausing only the chat it concerns. A 5xx or a
connection that failed is retried with backoff. A timeout is not: the request may have
arrived, and the Bot API has no idempotency key, so a retry could send the same answer twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, NetworkError, TimedOut

log = logging.getLogger(__name__)
T = TypeVar("T")
ATTEMPTS = 4
FIRST_WAIT = 0.25  # seconds; doubles each time


async def deliver(call: Callable[[], Awaitable[T]]) -> T:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await call()
        except (TimedOut, BadRequest):
            raise
        except NetworkError as exc:
            if attempt == ATTEMPTS:
                raise
            wait = FIRST_WAIT * 2 ** (attempt - 1)
            log.warning("Telegram call failed (%s); retry %d in %.2fs", exc, attempt, wait)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")
