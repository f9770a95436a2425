"""Calls to Telegram that survive a passing fault without answering twice.

429 is waited out by ChatPacing (pacing.py), pausing only the chat it concerns. A 5xx or a
connection that failed is retried with backoff. A timeout is not: the request may have
arrived, and the Bot API has no idempotency key, so a retry could send the same answer twice.

What Telegram sends back for a message sent or edited is read for its identity only (see
`message_identity`): the text and keyboard in it are the bot's own, just sent.
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
# What of a sent or edited message `deliver` returns: enough to name it (to edit, delete or reply
# to it later), not its text, entities and keyboard, which python-telegram-bot would otherwise
# turn into some fifty objects per card (about a tenth of the bot's CPU under load).
MESSAGE_IDENTITY = ("message_id", "message_thread_id", "business_connection_id", "date", "chat")


def message_identity(result: Any) -> Any:
    """A message Telegram sent back, cut to what names it; any other result as it is."""
    if isinstance(result, dict) and "message_id" in result:
        return {key: result[key] for key in MESSAGE_IDENTITY if key in result}
    return result


async def deliver(call: Callable[[], Awaitable[T]]) -> T:
    """`call()`, retried after a passing fault; a Message it returns has its ids, chat and date
    only (`message_identity`)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with reading(message_identity):
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
