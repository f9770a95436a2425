"""The Bot API's wire: types, limits, Telegram's error texts, requests and their records."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web

JSON = dict[str, Any]
UserLike = Mapping[str, Any] | int
ChatLike = Mapping[str, Any] | int | None
Predicate = Callable[["RecordedRequest"], bool]

MAX_MESSAGE_LENGTH = 4096  # UTF-16 code units of the visible text
MAX_CAPTION_LENGTH = 1024  # a media caption's, likewise
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # a file a bot uploads
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_INLINE_RESULTS = 50
MAX_COMMANDS = 100

CONFLICT_POLLING = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
TEXT_EMPTY = "Bad Request: message text is empty"
TEXT_TOO_LONG = "Bad Request: message is too long"
CAPTION_TOO_LONG = "Bad Request: message caption is too long"
NO_TEXT_TO_EDIT = "Bad Request: there is no text in the message to edit"
NO_CAPTION_TO_EDIT = "Bad Request: there is no caption in the message to edit"
NO_MEDIA_TO_EDIT = "Bad Request: there is no media in the message to edit"
NO_PHOTO = "Bad Request: there is no photo in the request"
WRONG_FILE = "Bad Request: wrong file identifier/HTTP URL specified"
WRONG_URL = "Bad Request: wrong HTTP URL specified"
URL_FAILED = "Bad Request: failed to get HTTP URL content"
BUTTON_DATA_INVALID = "Bad Request: BUTTON_DATA_INVALID"
BUTTON_URL_INVALID = "Bad Request: BUTTON_URL_INVALID"


# --------------------------------------------------------------------------------------------
# Requests, errors and records
# --------------------------------------------------------------------------------------------


class _ApiError(Exception):
    """A Telegram error answer; raised inside method handlers."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {description}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    name: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass
class RecordedRequest:
    """One finished call to the fake, in completion order.

    ``status`` is the HTTP status sent, 499 when the client went away first (nginx's code for
    that) and None when a ``drop_next`` fault closed the connection without an answer.
    """

    method: str
    params: JSON
    status: int | None
    result: Any = None
    description: str | None = None
    fault: str | None = None
    started: float = 0.0
    finished: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == HTTPStatus.OK

    def summary(self, width: int = 160) -> str:
        params = json.dumps(self.params, ensure_ascii=False, default=str)
        if len(params) > width:
            params = params[: width - 3] + "..."
        line = f"{self.method} -> {self.status}"
        if self.fault:
            line += f" [{self.fault}]"
        if self.description:
            line += f" {self.description!r}"
        return f"{line} {params}"


# Form bodies carry every value as a string; these are decoded so handlers, records and tests
# see the same types whether PTB sent a form or someone sent JSON.
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "results",
        "commands",
        "allowed_updates",
        "scope",
        "menu_button",
        "reply_parameters",
        "link_preview_options",
        "button",
        "media",
        "rights",
        "message_ids",
        "reaction",
        "options",
        "prices",
        "explanation_entities",
    }
)
_JSON_FIELD_ERRORS = {
    "reply_markup": "can't parse reply keyboard markup JSON object",
    "entities": "can't parse entities JSON object",
    "results": "can't parse inline query results JSON object",
    "commands": "can't parse commands JSON object",
    "allowed_updates": "can't parse allowed updates JSON object",
    "scope": "can't parse BotCommandScope JSON object",
}
_INT_FIELDS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "message_thread_id",
        "reply_to_message_id",
        "user_id",
        "offset",
        "limit",
        "cache_time",
        "max_connections",
    }
)
_FLOAT_FIELDS = frozenset({"timeout"})
_BOOL_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "for_channels",
        "allow_paid_broadcast",
    }
)


def _normalize_params(raw: Mapping[str, Any]) -> JSON:
    params: JSON = {}
    for key, value in raw.items():
        if isinstance(value, str):
            if key in _JSON_FIELDS:
                try:
                    value = json.loads(value)
                except ValueError:
                    raise _bad(
                        _JSON_FIELD_ERRORS.get(key, f"can't parse {key} JSON object")
                    ) from None
            elif key in _INT_FIELDS:
                with contextlib.suppress(ValueError):
                    value = int(value)  # "@channelusername" stays a string
            elif key in _FLOAT_FIELDS:
                with contextlib.suppress(ValueError):
                    value = float(value)
            elif key in _BOOL_FIELDS:
                value = value.lower() in ("true", "1")
        params[key] = value
    return params


def _int_param(params: Mapping[str, Any], key: str, missing: str) -> int:
    value = params.get(key)
    if value is None or value == "":
        raise _bad(missing)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad(f"invalid {key} specified")
    return int(value)


def _str_param(params: Mapping[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return str(value)


def _json_response(payload: JSON, status: int) -> web.Response:
    return web.Response(
        body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        status=status,
        content_type="application/json",
    )
