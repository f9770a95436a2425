"""The HTTP transport to the Bot API: aiohttp, in place of python-telegram-bot's httpx default.

Measured in bench/throughput: with httpx, httpcore's pool re-checks every open connection on
each request (through anyio's attribute lookups), which cost the bot more CPU than answering
the message. aiohttp's pool and C-accelerated HTTP parser make each call several times cheaper.
Timeouts and errors keep python-telegram-bot's meaning, so rate limiting, retries and
delivery work as with the default transport. Their text never carries the token: aiohttp's
errors quote the URL (`/bot<TOKEN>/getMe`), so each is redacted and raised without its cause.

Two more savings, each measured in bench/throughput (docs/PERFORMANCE.md):
- Parameters go as a JSON body, which Telegram documents for every call without files, not
  form-encoded: aiohttp encodes forms through `urllib.parse.quote` in pure Python (and a
  multipart writer with a fresh uuid4 for each one), several times the cost of `json.dumps`.
- Within `reading(select)`, a call's result passes through `select` before python-telegram-bot
  parses it, so a caller that reads little of what Telegram sends back (nothing of a message
  the bot just sent, only the updates it has not seen yet) does not pay to turn the rest into
  objects, the costliest part of a call.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar
from urllib.parse import urlsplit

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.ext import ApplicationBuilder
from telegram.request import BaseRequest, RequestData

from bot.faces.telegram.redact import redact

Builder = TypeVar("Builder", bound="ApplicationBuilder[Any, Any, Any, Any, Any, Any]")
Select = Callable[[Any], Any]
# What the calls made in this context (this task, from here down) will read of their results.
_SELECT: ContextVar[Select | None] = ContextVar("bot_api_select", default=None)
JSON_BODY = {"Content-Type": "application/json"}


@contextmanager
def reading(select: Select) -> Iterator[None]:
    """Within it, every successful call's result (the JSON under "result") is passed through
    `select`, and python-telegram-bot parses only what it returns. Calls made on this
    transport only; another transport parses everything, which is always correct."""
    token = _SELECT.set(select)
    try:
        yield
    finally:
        _SELECT.reset(token)


def over_aiohttp(builder: Builder, in_flight: int) -> Builder:
    """`builder` set to reach the Bot API through aiohttp: a connection for each update in
    flight and a few spare; the long poll has its own."""
    builder = builder.request(AiohttpRequest(pool_size=in_flight + 4))
    return builder.get_updates_request(AiohttpRequest(pool_size=1))


class AiohttpRequest(BaseRequest):
    """A BaseRequest over one aiohttp session with a bounded connection pool."""

    def __init__(
        self,
        *,
        pool_size: int = 8,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        """PTB's parsing, then `select` of an enclosing `reading` applied to the result."""
        data: dict[str, Any] = BaseRequest.parse_json_payload(payload)
        select = _SELECT.get()
        if select is not None and data.get("ok") is True and "result" in data:
            data["result"] = select(data["result"])
        return data

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = _given(read_timeout, self._read_timeout)
        write = _given(write_timeout, self._write_timeout)
        connect = _given(connect_timeout, self._connect_timeout)
        pool = _given(pool_timeout, self._pool_timeout)
        # aiohttp has no separate write timeout: a request body is bounded by the read timeout
        # that follows it, so the two are added.
        timeout = aiohttp.ClientTimeout(
            connect=_sum(pool, connect),
            sock_connect=connect,
            sock_read=_sum(read, write),
        )
        body, headers = _body(request_data)
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut(_describe(exc, url, "Timed out")) from None
        except aiohttp.ClientError as exc:
            raise NetworkError(_describe(exc, url)) from None


def _describe(exc: BaseException, url: str, default: str = "") -> str:
    """What went wrong, with the token masked (and no URL-bearing cause attached)."""
    # The token is the path segment before the method: {base_url}{token}/{method}.
    segments = urlsplit(url).path.split("/")
    token = segments[-2].removeprefix("bot") if len(segments) >= 3 else ""
    text = f"aiohttp.{type(exc).__name__}: {exc}" if str(exc) else default
    return redact(text, [token] if len(token) >= 8 else [])


def _given(value: object, default: float | None) -> float | None:
    """A timeout passed for one call (a number, or None for no limit), else the default."""
    if value is None or isinstance(value, int | float):
        return value
    return default


def _sum(*parts: float | None) -> float | None:
    """Timeouts added up; no limit if any part has none."""
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def _body(
    request_data: RequestData | None,
) -> tuple[aiohttp.FormData | bytes | None, dict[str, str] | None]:
    """The request's body and its headers: JSON without files, multipart with them."""
    if request_data is None:
        return None, None
    if not request_data.contains_files:
        # Nested objects (reply_markup, inline results) as JSON objects, as Telegram accepts.
        body = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":"))
        return body.encode(), JSON_BODY
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, part in request_data.multipart_data.items():
        filename, content, mimetype = part
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form, None
