"""Calls to Telegram that survive a passing fault without answering twice.

429 is waited out by ChatPacing (pacing.py), pausing only the chat it concerns. A 5xx or a
connection that failed is retried with backoff. A timeout is not: the request may have
arrived, and the Bot API has no idempotency key, so a retry could send the same answer twice.

What Telegram sends back is not read: the message sent or edited is the bot's own (see
`deliver`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram.error import BadRequest, NetworkError, TimedOut

from bot.faces.telegram.transport import reading

log = logging.getLogger(__name__)
T = TypeVar("T")
ATTEMPTS = 4
FIRST_WAIT = 0.25  # seconds; doubles each time


def _succeeded(result: Any) -> bool:
    """What is read of a delivered call's result: that it succeeded."""
    return True


async def deliver(call: Callable[[], Awaitable[object]]) -> None:
    """`call()`, retried after a passing fault. Its result is not read: a sent or edited
    message comes back as the bot's own text and keyboard, which python-telegram-bot would
    turn into some fifty objects per card (about a tenth of the bot's CPU under load). It
    stops at True, as for an edit of an inline message; a caller that needs the message uses
    `deliver_read`."""

    async def unread() -> None:
        with reading(_succeeded):
            await call()

    await _retried(unread)


async def deliver_read(call: Callable[[], Awaitable[T]]) -> T:
    """As `deliver`, for the few calls whose result is needed (a photo's file_id, the id of a
    message to edit later): the result is parsed and returned."""
    return await _retried(call)


async def _retried(call: Callable[[], Awaitable[T]]) -> T:
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
