"""Calls to Telegram paced the way Telegram limits them: per chat for replies, globally for sends
the bot starts itself, and a 429 pausing only what it concerns.

Telegram's "about 30 messages per second" is its limit for notifications to many users; a reply
to someone who wrote is limited per chat (about one message a second in a private chat, short
bursts allowed; 20 a minute in a group). PTB's AIORateLimiter puts every reply through the 30/s
limit and stops every chat on any 429, which made the bot 0.09x an echo bot under load.

- A new message in a chat (send*, copy, forward) waits for that chat's limiter. In a group an
  edit does too (Telegram counts them against the group). In a private chat an edit answers the
  user's own button press, one per press, so a reply edit is not paced in advance: should
  Telegram still refuse one, its 429 pauses that chat alone.
- A send the bot starts itself (a reminder, an announcement: no update asked for it) is marked
  by the caller with ``rate_limit_args=BOT_INITIATED`` and also waits for one global limiter of
  about 30 messages a second.
- Everything else (answerCallbackQuery, answerInlineQuery, deleteMessage, setMyCommands, ...)
  goes straight through; getUpdates never reaches a rate limiter at all (ExtBot skips it).
- A 429 with ``retry_after`` pauses the chat the call was about, then the call is retried, at
  most ``max_retries`` times. Telegram's answer does not say what it concerns, so it is read
  from the call: a 429 for a call that names no chat can only be about the bot as a whole and
  pauses every call; one for a bot-initiated send pauses that chat and every bot-initiated send
  (the global limit is what such sends share); one for a reply pauses that chat only.

The limiters are aiolimiter's AsyncLimiter, the leaky bucket PTB's own limiter uses (already
installed with ``python-telegram-bot[rate-limiter]``): its capacity is the burst Telegram lets
through and it refills at the allowed rate, so a quiet chat answers at once and a busy one is
spread out, without a background task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)
Result = bool | dict[str, Any] | list[dict[str, Any]]

# A private chat: one message a second, after a burst of 3 at once (a card and two short
# follow-ups, or three quick questions answered without waiting).
PRIVATE_BURST = 3
PRIVATE_PER_SECOND = 1.0
# A group or channel: 20 messages a minute, as Telegram's FAQ and PTB's default say.
GROUP_PER_MINUTE = 20
# Sends the bot starts itself, all chats together: Telegram's bulk limit, about 30 a second.
INITIATED_PER_SECOND = 30
MAX_RETRIES = 3
RETRY_MARGIN = 0.1  # seconds past retry_after, as PTB's limiter waits
KEEP_LIMITERS = 512  # per-chat limiters kept before idle ones are dropped
NEW_MESSAGE = ("send", "copyMessage", "forwardMessage")
EDIT = ("edit", "stopPoll", "stopMessageLiveLocation")
UNPACED = frozenset({"sendChatAction"})  # a "typing..." hint, not a message
EVERYTHING = "*"  # the pause key of a 429 about the whole bot
INITIATED = "initiated"  # the pause key shared by bot-initiated sends


@dataclass(frozen=True)
class Pace:
    """``rate_limit_args`` of a call: whether the bot started it, and its own retry bound."""

    bot_initiated: bool = False
    max_retries: int | None = None


BOT_INITIATED = Pace(bot_initiated=True)
REPLY = Pace()  # a call without rate_limit_args: a reply, with the default retries


class ChatPacing(BaseRateLimiter[Pace]):
    """Paces per chat, bot-initiated sends globally, and confines a 429 to what it concerns."""

    def __init__(
        self,
        *,
        private_burst: int = PRIVATE_BURST,
        private_per_second: float = PRIVATE_PER_SECOND,
        group_per_minute: int = GROUP_PER_MINUTE,
        initiated_per_second: int = INITIATED_PER_SECOND,
        max_retries: int = MAX_RETRIES,
    ) -> None:
        self._private = (private_burst, private_burst / private_per_second)
        self._group = (group_per_minute, 60.0)
        self._initiated = AsyncLimiter(initiated_per_second, 1)
        self._max_retries = max_retries
        self._chats: dict[int | str, AsyncLimiter] = {}
        self._paused_until: dict[int | str, float] = {}  # chat, EVERYTHING or INITIATED

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Pace | None,
    ) -> Result:
        pace = rate_limit_args or REPLY
        chat = _chat_key(data.get("chat_id"))
        retries = self._max_retries if pace.max_retries is None else pace.max_retries
        pause_keys = self._pause_keys(chat, pace)
        for attempt in range(retries + 1):
            await self._wait_out_pauses(pause_keys)
            await self._acquire(endpoint, chat, pace)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                # The public retry_after warns (int vs timedelta, PTB 22); the timedelta is stable.
                wait = exc._retry_after.total_seconds() + RETRY_MARGIN
                concerns = self._pause(chat, pace, wait)
                if attempt == retries:
                    log.warning("%s: 429 after %d retries; giving up", endpoint, retries)
                    raise
                log.info("%s: 429, pausing %s for %.1fs", endpoint, concerns, wait)
        raise AssertionError("unreachable")

    async def _acquire(self, endpoint: str, chat: int | str | None, pace: Pace) -> None:
        """Wait for this call's chat limiter, and the global one if the bot started it."""
        if chat is None or endpoint in UNPACED:
            return
        group = _is_group(chat)
        new = endpoint.startswith(NEW_MESSAGE)
        if new or (endpoint.startswith(EDIT) and (group or pace.bot_initiated)):
            await self._chat_limiter(chat, group).acquire()
            if pace.bot_initiated:
                await self._initiated.acquire()

    def _chat_limiter(self, chat: int | str, group: bool) -> AsyncLimiter:
        limiter = self._chats.get(chat)
        if limiter is None:
            if len(self._chats) >= KEEP_LIMITERS:  # forget chats whose bucket has drained
                for key, idle in list(self._chats.items()):
                    if idle.has_capacity(idle.max_rate):
                        del self._chats[key]
            rate, period = self._group if group else self._private
            limiter = self._chats[chat] = AsyncLimiter(rate, period)
        return limiter

    def _pause_keys(self, chat: int | str | None, pace: Pace) -> tuple[int | str, ...]:
        keys: tuple[int | str, ...] = (EVERYTHING,)
        if chat is not None:
            keys += (chat,)
        if pace.bot_initiated:
            keys += (INITIATED,)
        return keys

    def _pause(self, chat: int | str | None, pace: Pace, seconds: float) -> str:
        """Pause what a 429 concerns (see the module's docstring); returns what, for the log."""
        until = asyncio.get_running_loop().time() + seconds
        keys: tuple[int | str, ...] = (EVERYTHING,) if chat is None else (chat,)
        if chat is not None and pace.bot_initiated:
            keys += (INITIATED,)
        for key in keys:
            self._paused_until[key] = max(self._paused_until.get(key, 0.0), until)
        return " and ".join("every call" if k == EVERYTHING else f"{k}" for k in keys)

    async def _wait_out_pauses(self, keys: tuple[int | str, ...]) -> None:
        if not self._paused_until:  # no 429 yet, or all forgotten: the usual case
            return
        loop = asyncio.get_running_loop()
        while True:
            until = max((self._paused_until.get(key, 0.0) for key in keys), default=0.0)
            now = loop.time()
            if until <= now:
                break
            await asyncio.sleep(until - now)
        if len(self._paused_until) > KEEP_LIMITERS:
            now = loop.time()
            for key, until in list(self._paused_until.items()):
                if until <= now:
                    del self._paused_until[key]


def _chat_key(chat_id: object) -> int | str | None:
    """The chat a call is about: an int id, or an @username as given; None when it names none."""
    if chat_id is None or isinstance(chat_id, int):
        return chat_id
    text = str(chat_id)
    return int(text) if text.lstrip("-").isdigit() else text


def _is_group(chat: int | str) -> bool:
    """Groups, supergroups and channels have negative ids; an @username is a group or channel."""
    return isinstance(chat, str) or chat < 0
