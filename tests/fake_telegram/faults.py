"""Fault injection: the next calls of a method fail, are delayed, or lose their connection."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from http import HTTPStatus
from typing import Literal

from tests.fake_telegram.api import CONFLICT_POLLING, JSON, _ApiError


@dataclass
class _Fault:
    kind: Literal["fail", "delay", "drop"]
    remaining: int
    status: int = 0
    retry_after: int = 0
    description: str | None = None
    seconds: float = 0.0
    processed: bool = False
    chat_id: int | None = None  # only calls about this chat, when set

    def applies(self, params: JSON) -> bool:
        return self.chat_id is None or params.get("chat_id") == self.chat_id

    def error(self) -> _ApiError:
        if self.status == HTTPStatus.TOO_MANY_REQUESTS:
            return _ApiError(
                self.status,
                self.description or f"Too Many Requests: retry after {self.retry_after}",
                {"retry_after": self.retry_after},
            )
        default = _DEFAULT_FAULT_DESCRIPTIONS.get(self.status)
        if default is None:
            try:
                default = HTTPStatus(self.status).phrase
            except ValueError:
                default = f"Error {self.status}"
        return _ApiError(self.status, self.description or default)

    def label(self) -> str:
        if self.kind == "fail":
            return f"fail {self.status}"
        if self.kind == "delay":
            return f"delay {self.seconds}s"
        return "drop after processing" if self.processed else "drop"


_DEFAULT_FAULT_DESCRIPTIONS = {
    400: "Bad Request: injected fault",
    403: "Forbidden: bot was blocked by the user",
    409: CONFLICT_POLLING,
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class _DroppedConnection(Exception):
    """Raised to make the request handler close the connection without an answer."""


class FaultInjection:
    """`fail_next`, `delay_next`, `drop_next` for FakeTelegram."""

    _faults: dict[str, deque[_Fault]]
    _method_names: dict[str, str]

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error, doing nothing.

        429 carries ``parameters.retry_after`` (PTB raises RetryAfter); other statuses get
        Telegram's usual description unless one is given. With ``chat_id`` only calls about
        that chat fail: a flood limit one chat hit.
        """
        fault = _Fault(
            "fail",
            times,
            status=status,
            retry_after=retry_after,
            description=description,
            chat_id=chat_id,
        )
        self._add_fault(method, fault)

    def delay_next(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Do the next ``times`` calls, then hold their answers back for ``seconds``.

        With ``chat_id`` only calls about that chat are delayed: a chat Telegram is slow to
        deliver to, while the others go at normal speed.
        """
        self._add_fault(method, _Fault("delay", times, seconds=seconds, chat_id=chat_id))

    def drop_next(self, method: str, *, times: int = 1, processed: bool = False) -> None:
        """Close the connection of the next ``times`` calls without an answer.

        With ``processed`` the call takes effect first (a message is sent, say), as when the
        answer is lost on the way back, the case that makes naive retries send twice.
        """
        self._add_fault(method, _Fault("drop", times, processed=processed))

    def _add_fault(self, method: str, fault: _Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("times must be at least 1")
        canonical = self._method_names.get(method.lower())
        if canonical is None:
            raise ValueError(f"unknown Bot API method {method!r}")
        self._faults.setdefault(canonical, deque()).append(fault)

    def _take_fault(self, method: str, params: JSON) -> _Fault | None:
        faults = self._faults.get(method)
        fault = next((f for f in faults or () if f.applies(params)), None)
        if faults is None or fault is None:
            return None
        fault.remaining -= 1
        if fault.remaining <= 0:
            faults.remove(fault)
        return fault
