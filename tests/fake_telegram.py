"""A fake Telegram Bot API server for tests and benchmarks.

The real python-telegram-bot ``Application`` talks HTTP to this server on 127.0.0.1 instead of
api.telegram.org::

    async with FakeTelegram(token=TOKEN) as fake:
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(fake.base_url)
            .base_file_url(fake.base_file_url)
            .build()
        )

What it imitates, because these are the places where a bot's mistakes reach users:

* The wire protocol: ``/bot<token>/<method>`` with form-encoded, multipart or JSON bodies (nested
  objects arrive as JSON strings in forms), method names case-insensitive, ``{"ok": ...}``
  envelopes with Telegram's error codes and description strings, 401 for a wrong token, 404 for
  an unknown method.
* Long polling: ``getUpdates`` with ``offset`` (confirming), ``limit``, ``timeout`` and the sticky
  ``allowed_updates`` filter, and the 409 Conflict a second concurrent poller causes.
* Telegram's HTML parse mode, ported from TDLib's ``parse_html`` byte by byte (tags, attributes,
  entity references, byte offsets in the error messages, UTF-16 entity offsets), then the trimming
  and the 1..4096 UTF-16 code unit limit on the visible text.
* Inline keyboards (text plus exactly one action, ``callback_data`` of 1..64 bytes, URLs),
  message editing ("message is not modified", "message to edit not found", an edit without
  ``reply_markup`` removing the keyboard), deletion, callback and inline query answers (each query
  answerable once), bot commands per (scope, language_code).
* Privacy mode in groups: only commands, mentions of the bot and replies to it are delivered.
* Faults on demand: 429 with ``retry_after``, 5xx, delayed responses and dropped connections.

Deliberately stricter than Telegram (so sloppy output fails a test instead of looking odd to a
user), switchable with ``FakeTelegram(strict_html=False)``: every ``&`` must start ``&lt;``,
``&gt;``, ``&amp;``, ``&quot;`` or a numeric reference ending in ``;`` (Telegram keeps a stray
``&`` literally), ``<a>`` needs an ``href`` and an invalid link is an error (Telegram silently
drops such links). Inline buttons with more than one action are refused (Telegram picks one).

What it does not imitate (yet): MarkdownV2/Markdown parsing (such text is taken literally), media
sending methods (``sendPhoto`` and the like answer 501 Not Implemented), webhooks (``setWebhook``
is only recorded; it does block ``getUpdates`` with 409 as Telegram does; a test posts what
:meth:`take_updates` gives to the bot), inline messages
(``inline_message_id`` edits), flood limits unless injected with ``fail_next``, chat members and
permissions, message age limits on edits and deletes, entity detection in the bot's own messages
(urls, mentions), text_mention links, and the exact wording of a few rarely seen errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Literal, Protocol, Self, runtime_checkable

from aiohttp import web

__all__ = [
    "FakeTelegram",
    "FormattedText",
    "HtmlParseError",
    "RecordedRequest",
    "UploadedFile",
    "parse_html",
    "utf16_len",
]

JSON = dict[str, Any]
UserLike = Mapping[str, Any] | int
ChatLike = Mapping[str, Any] | int | None
Predicate = Callable[["RecordedRequest"], bool]

MAX_MESSAGE_LENGTH = 4096  # UTF-16 code units of the visible text
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
BUTTON_DATA_INVALID = "Bad Request: BUTTON_DATA_INVALID"
BUTTON_URL_INVALID = "Bad Request: BUTTON_URL_INVALID"


# --------------------------------------------------------------------------------------------
# Telegram's HTML parse mode
# --------------------------------------------------------------------------------------------


class HtmlParseError(ValueError):
    """Telegram refused the HTML; ``str(error)`` is what follows "can't parse entities: "."""


@dataclass
class FormattedText:
    """Visible text and its message entities (UTF-16 offsets), as Telegram stores a message."""

    text: str
    entities: list[JSON] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: Telegram's unit for limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _utf16_units(utf8: bytes) -> int:
    return utf16_len(utf8.decode("utf-8"))


# TDLib's is_space counts NUL too, which is what stops its scans at the end of the C string.
_SPACES = frozenset(b" \t\r\n\0\v\f")
_ALPHA = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset(b"0123456789")
_ALNUM = _ALPHA | _DIGITS
_HEX = _DIGITS | frozenset(b"abcdefABCDEF")
_NAME_TOKEN = _ALNUM | frozenset(b".-")
_ATTRIBUTE_NAME_STOP = _SPACES | frozenset(b"=>/\"'")
_NAMED_REFERENCES = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_SPECIAL = re.compile(rb"[<&]")
_AMP, _LT, _GT, _SLASH, _EQ, _SEMI = 0x26, 0x3C, 0x3E, 0x2F, 0x3D, 0x3B
_QUOTES = (0x22, 0x27)

_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)
_SIMPLE_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)
_URL_WITH_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>\S+)$")
_HOST = re.compile(
    r"^(?:[^\s/?#@]*@)?(?P<host>[A-Za-z0-9\u00a1-\uffff-]+(?:\.[A-Za-z0-9\u00a1-\uffff-]+)+)"
    r"(?::\d{1,5})?(?:[/?#]\S*)?$"
)


def normalize_url(url: str) -> str | None:
    """The link Telegram would keep, or None where Telegram refuses it.

    A simplified TDLib ``check_url``: http(s)/ftp links need a dotted host, tg:// and ton://
    links anything after the scheme, and a link without a scheme becomes http://.
    """
    match = _URL_WITH_SCHEME.match(url)
    if match is None:
        return f"http://{url}" if _HOST.match(url) else None
    scheme = match["scheme"].lower()
    if scheme in ("tg", "ton"):
        return url
    if scheme in ("http", "https", "ftp") and _HOST.match(match["rest"]):
        return url
    return None


@dataclass
class _OpenTag:
    name: str
    argument: str
    has_href: bool
    utf16_offset: int
    result_position: int
    byte_offset: int


class _HtmlParser:
    """A step-by-step port of TDLib's ``parse_html`` (td/telegram/MessageEntity.cpp).

    It reads UTF-8 bytes with a NUL appended, as TDLib reads its C string, so the error messages
    carry the same byte offsets Telegram reports.
    """

    def __init__(self, html: str, *, strict: bool) -> None:
        self.data = html.encode("utf-8") + b"\0"
        self.end = len(self.data) - 1
        self.strict = strict
        self.result = bytearray()
        self.utf16 = 0
        self.entities: list[JSON] = []
        self.stack: list[_OpenTag] = []

    def parse(self) -> FormattedText:
        data = self.data
        i = 0
        while i < self.end:
            # Plain text runs are copied in one go: only '<' and '&' are special.
            match = _SPECIAL.search(data, i, self.end)
            stop = match.start() if match else self.end
            if stop > i:
                chunk = data[i:stop]
                self.result += chunk
                self.utf16 += _utf16_units(chunk)
                i = stop
                continue
            if data[i] == _AMP:
                i = self._text_reference(i)
            elif data[i + 1] == _SLASH:
                i = self._end_tag(i)
            else:
                i = self._start_tag(i)
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        for entity in self.entities:
            # A language only counts on code inside pre; TDLib clears it elsewhere.
            if entity["type"] == "code":
                entity.pop("language", None)
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return FormattedText(self.result.decode("utf-8"), self.entities)

    # -- character references -----------------------------------------------------------------

    def _decode_reference(self, pos: int) -> tuple[int, int, bool]:
        """TDLib's decode_html_entity: (code point or 0, position after it, ended with ';')."""
        data = self.data
        end = pos + 1
        code = 0
        if data[end] == 0x23:  # '#'
            end += 1
            if data[end] == 0x78:  # 'x'; TDLib does not accept 'X'
                end += 1
                while data[end] in _HEX:
                    code = code * 16 + int(chr(data[end]), 16)
                    end += 1
                    if code >= 0x10FFFF:  # stop before a long run of digits gets expensive
                        break
            else:
                while data[end] in _DIGITS:
                    code = code * 10 + data[end] - 0x30
                    end += 1
                    if code >= 0x10FFFF:
                        break
            if code == 0 or code >= 0x10FFFF or end - pos >= 10:
                return 0, pos, False
        else:
            while data[end] in _ALPHA:
                end += 1
            code = _NAMED_REFERENCES.get(bytes(data[pos + 1 : end]), 0)
            if code == 0:
                return 0, pos, False
        if 0xD800 <= code <= 0xDFFF:
            raise HtmlParseError(_SURROGATE_ERROR)
        if data[end] == _SEMI:
            return code, end + 1, True
        return code, end, False

    def _reference(self, pos: int) -> tuple[int, int]:
        """A reference at ``pos`` under the current strictness: (code point or 0, next pos)."""
        code, after, terminated = self._decode_reference(pos)
        if not self.strict:
            return code, after  # TDLib keeps an unknown '&' as a literal character
        if code and terminated:
            return code, after
        if code:
            raise HtmlParseError(f'HTML entity at byte offset {pos} must end with ";"')
        shape = re.match(rb"&#?[A-Za-z0-9]+;", self.data[pos : pos + 34])
        if shape:
            reference = shape.group().decode("ascii")
            raise HtmlParseError(f'Unsupported HTML entity "{reference}" at byte offset {pos}')
        raise HtmlParseError(f'Character "&" at byte offset {pos} must be escaped as "&amp;"')

    def _text_reference(self, pos: int) -> int:
        code, after = self._reference(pos)
        if code == 0:
            self.result.append(_AMP)
            self.utf16 += 1
            return pos + 1
        self.result += chr(code).encode("utf-8")
        self.utf16 += 2 if code > 0xFFFF else 1
        return after

    # -- tags -----------------------------------------------------------------------------------

    def _start_tag(self, begin: int) -> int:
        data = self.data
        i = begin + 1
        while data[i] not in _SPACES and data[i] != _GT:
            i += 1
        if data[i] == 0:
            raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
        name = bytes(data[begin + 1 : i]).lower().decode("utf-8", "replace")
        if name not in _TAGS:
            raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {begin}')

        argument = ""
        has_href = False
        while data[i] != _GT:
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] == _GT:
                break
            attribute_begin = i
            while data[i] not in _ATTRIBUTE_NAME_STOP:
                i += 1
            attribute = bytes(data[attribute_begin:i])
            if not attribute:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {begin}'
                )
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] != _EQ:
                # An attribute without a value: TDLib ignores it, except blockquote's expandable.
                if data[i] == 0:
                    raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {begin}')
                if name == "blockquote" and attribute == b"expandable":
                    argument = "1"
                continue
            i += 1
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] == 0:
                raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {begin}')
            value, i = self._attribute_value(i)
            if data[i] == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            if name == "a" and attribute == b"href":
                argument, has_href = value, True
            elif name == "code" and attribute == b"class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif name == "span" and attribute == b"class" and value.startswith("tg-"):
                argument = value[len("tg-") :]
            elif name == "tg-emoji" and attribute == b"emoji-id":
                argument = value
            elif name == "blockquote" and attribute == b"expandable":
                argument = "1"

        if name == "span" and argument != "spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
        if self.strict and name == "a" and not has_href:
            raise HtmlParseError(f'Tag "a" must have attribute "href" at byte offset {begin}')
        self.stack.append(_OpenTag(name, argument, has_href, self.utf16, len(self.result), begin))
        return i + 1

    def _attribute_value(self, i: int) -> tuple[str, int]:
        data = self.data
        if data[i] not in _QUOTES:
            # An unquoted name token: letters, digits, periods and hyphens, case-insensitive.
            token_begin = i
            while data[i] in _NAME_TOKEN:
                i += 1
            if data[i] not in _SPACES and data[i] != _GT:
                raise HtmlParseError(f"Unexpected end of name token at byte offset {token_begin}")
            return bytes(data[token_begin:i]).lower().decode("ascii"), i
        quote = data[i]
        i += 1
        value = bytearray()
        while data[i] != quote and data[i] != 0:
            if data[i] == _AMP:
                code, after = self._reference(i)
                if code:
                    value += chr(code).encode("utf-8")
                    i = after
                    continue
            value.append(data[i])
            i += 1
        if data[i] == quote:
            i += 1
        return value.decode("utf-8", "replace"), i

    def _end_tag(self, begin: int) -> int:
        data = self.data
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
        i = begin + 2
        while data[i] not in _SPACES and data[i] != _GT:
            i += 1
        end_name = bytes(data[begin + 2 : i]).lower().decode("utf-8", "replace")
        while data[i] in _SPACES and data[i] != 0:
            i += 1
        if data[i] != _GT:
            raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
        opened = self.stack[-1]
        # "</>" closes whatever is open, as in TDLib.
        if end_name and end_name != opened.name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {begin}, "
                f'expected "</{opened.name}>", found "</{end_name}>"'
            )
        if self.utf16 > opened.utf16_offset:
            self._add_entity(opened, self.utf16 - opened.utf16_offset)
        self.stack.pop()
        return i + 1

    def _add_entity(self, opened: _OpenTag, length: int) -> None:
        offset = opened.utf16_offset
        entities = self.entities
        last = entities[-1] if entities else None
        same_span = last is not None and last["offset"] == offset and last["length"] == length
        name = opened.name
        if name in _SIMPLE_ENTITIES:
            entities.append({"type": _SIMPLE_ENTITIES[name], "offset": offset, "length": length})
        elif name == "a":
            url = opened.argument or self.result[opened.result_position :].decode("utf-8")
            link = normalize_url(url)
            if link is not None:
                entities.append(
                    {"type": "text_link", "offset": offset, "length": length, "url": link}
                )
            elif self.strict:
                raise HtmlParseError(
                    f'Invalid URL "{url}" in the tag "a" at byte offset {opened.byte_offset}'
                )
        elif name == "pre":
            if same_span and last is not None and last["type"] == "code" and last.get("language"):
                last["type"] = "pre"
            else:
                entities.append({"type": "pre", "offset": offset, "length": length})
        elif name == "code":
            if same_span and last is not None and last["type"] == "pre" and opened.argument:
                last["language"] = opened.argument
            else:
                entity: JSON = {"type": "code", "offset": offset, "length": length}
                if opened.argument:
                    entity["language"] = opened.argument
                entities.append(entity)
        elif name == "tg-emoji":
            emoji_id = opened.argument
            if not (emoji_id.isascii() and emoji_id.isdigit() and 0 < int(emoji_id) < 2**63):
                raise HtmlParseError("Invalid custom emoji identifier specified")
            entities.append(
                {
                    "type": "custom_emoji",
                    "offset": offset,
                    "length": length,
                    "custom_emoji_id": emoji_id,
                }
            )
        elif name == "blockquote":
            kind = "expandable_blockquote" if opened.argument else "blockquote"
            entities.append({"type": kind, "offset": offset, "length": length})


def parse_html(html: str, *, strict: bool = True) -> FormattedText:
    """Parse Telegram HTML into visible text and entities, or raise :class:`HtmlParseError`.

    ``strict=False`` follows TDLib as closely as this port does; ``strict=True`` also refuses a
    stray ``&``, an ``<a>`` without ``href`` and links Telegram would silently drop.
    """
    return _HtmlParser(html, strict=strict).parse()


_TRIMMED = " \t\r\n"


def _trim(formatted: FormattedText) -> FormattedText:
    """Drop leading and trailing whitespace as Telegram does, moving the entities along."""
    text = formatted.text
    stripped = text.strip(_TRIMMED)
    if stripped == text:
        return formatted
    cut = utf16_len(text[: len(text) - len(text.lstrip(_TRIMMED))])
    limit = utf16_len(stripped)
    entities: list[JSON] = []
    for entity in formatted.entities:
        start = max(entity["offset"] - cut, 0)
        end = min(entity["offset"] + entity["length"] - cut, limit)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return FormattedText(stripped, entities)


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


# --------------------------------------------------------------------------------------------
# State
# --------------------------------------------------------------------------------------------


@dataclass
class _BotMessage:
    api: JSON  # the Message object as the Bot API returns it; replaced, never mutated
    html: str  # the text exactly as the bot sent it
    reply_markup: JSON | None  # any markup as sent (reply keyboards are not part of ``api``)
    parse_mode: str | None

    def view(self) -> JSON:
        return {**self.api, "html": self.html, "reply_markup": self.reply_markup}


@dataclass
class _ChatState:
    chat: JSON
    next_message_id: int = 1
    bot_messages: dict[int, _BotMessage] = field(default_factory=dict)
    user_messages: dict[int, JSON] = field(default_factory=dict)
    blocked: bool = False
    menu_button: JSON | None = None

    def take_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class _Poller:
    """A getUpdates call waiting for updates."""

    wake: asyncio.Event = field(default_factory=asyncio.Event)
    terminated: bool = False


@runtime_checkable
class _MessageLike(Protocol):
    """A PTB ``telegram.Message``, as far as press_button needs one."""

    @property
    def message_id(self) -> int: ...

    @property
    def chat_id(self) -> int: ...


@dataclass
class _Waiter:
    method: str | None
    predicate: Predicate | None
    future: asyncio.Future[RecordedRequest]


# Updates Telegram leaves out unless asked for by name in allowed_updates.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_MESSAGE_UPDATES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_LANGUAGE_CODE = re.compile(r"^(?:[a-z]{2})?$")
_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "web_app",
    "login_url",
    "callback_game",
    "pay",
    "copy_text",
)
# What Telegram's servers mark up in a user's text: commands, mentions and links.
_USER_ENTITY = re.compile(
    r"(?P<bot_command>(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]{5,32}(?!\w))"
    r"|(?P<url>\bhttps?://[^\s<>\"]+)"
)


def _known_bot_api_methods() -> frozenset[str]:
    """All Bot API method names, taken from PTB's camelCase aliases."""
    try:
        import telegram  # only to tell "not imitated yet" from "no such method"
    except ImportError:  # pragma: no cover - the fake works without PTB
        return frozenset()
    return frozenset(
        name
        for name in dir(telegram.Bot)
        if not name.startswith("_") and name != name.lower() and "_" not in name
    )


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class FakeTelegram:
    """A Telegram Bot API server for one bot token, on 127.0.0.1 and a free port.

    Driving the bot: :meth:`make_user`, :meth:`send_text`, :meth:`send_command`,
    :meth:`send_edited_text`, :meth:`send_sticker`, :meth:`send_photo`, :meth:`send_voice`,
    :meth:`send_location`, :meth:`send_group_text`, :meth:`press_button`,
    :meth:`send_inline_query`, :meth:`push_update` and :meth:`block_bot`. Updates queue up until
    the bot polls; ``deleteWebhook(drop_pending_updates=True)`` drops them, as on Telegram.

    Observing it: :attr:`requests` (every finished call, a :class:`RecordedRequest`),
    :meth:`requests_for`, :meth:`wait_for`, :meth:`wait_idle`, :meth:`wait_until_polling`,
    :meth:`messages`, :meth:`last_message`, :attr:`callback_answers`, :attr:`inline_answers`,
    :meth:`commands` and :attr:`undelivered_updates`.

    Faults: :meth:`fail_next`, :meth:`delay_next`, :meth:`drop_next`.
    """

    def __init__(
        self,
        token: str = "123456789:FAKE-token_for-tests",
        *,
        bot_username: str = "fake_test_bot",
        bot_first_name: str = "Fake Bot",
        strict_html: bool = True,
        group_privacy: bool = True,
        callback_query_timeout: float | None = None,
    ) -> None:
        self.token = token
        self.strict_html = strict_html
        self.group_privacy = group_privacy
        self.callback_query_timeout = callback_query_timeout
        bot_id = token.split(":", 1)[0]
        self.bot_user: JSON = {
            "id": int(bot_id) if bot_id.isdigit() else 123456789,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }

        self.requests: list[RecordedRequest] = []
        self.callback_answers: list[JSON] = []
        self.inline_answers: list[JSON] = []
        # Updates refused by allowed_updates or by group privacy, never delivered.
        self.undelivered_updates: list[JSON] = []
        self.webhook: JSON | None = None

        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._closing = False

        self._users: dict[int, JSON] = {}
        self._chats: dict[int, _ChatState] = {}
        self._chats_by_username: dict[str, _ChatState] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._default_menu_button: JSON = {"type": "commands"}
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self._file_data: dict[str, bytes] = {}  # file_path -> content

        self._update_ids = itertools.count(700_000_001)
        self._queue: deque[JSON] = deque()
        self._allowed_updates: frozenset[str] | None = None  # None: all but the opt-in ones
        self._poller: _Poller | None = None
        self._poller_waiting = asyncio.Event()  # mirrors "self._poller is not None"
        self._delivered_up_to = 0
        self._last_delivery = 0.0
        self._active_requests = 0  # in flight, getUpdates excluded
        self._last_activity = 0.0

        self._query_ids = itertools.count(4_411_000_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._pending_callbacks: dict[str, float] = {}
        self._pending_inline: dict[str, JSON] = {}

        self._faults: dict[str, deque[_Fault]] = {}
        self._by_method: dict[str, list[int]] = {}
        self._consumed: set[int] = set()
        self._low_water: dict[str, int] = {}
        self._waiters: list[_Waiter] = []

        handlers: dict[str, Callable[[JSON], Any]] = {
            "getMe": self._get_me,
            "logOut": self._true,
            "close": self._true,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendChatAction": self._send_chat_action,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "getChat": self._get_chat,
            "getFile": self._get_file,
            # Profile settings a bot may push at start-up: recorded, nothing to check.
            "setMyDescription": self._true,
            "setMyShortDescription": self._true,
            "setMyName": self._true,
            "setMyDefaultAdministratorRights": self._true,
        }
        self._handlers = handlers
        # getUpdates is the one asynchronous method; _api_call awaits it directly.
        self._implemented = frozenset(handlers) | {"getUpdates"}
        self._method_names = {name.lower(): name for name in self._implemented}
        for name in _known_bot_api_methods():
            self._method_names.setdefault(name.lower(), name)

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        if self._runner is not None:
            raise RuntimeError("FakeTelegram is already running")
        self._closing = False
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        # handler_cancellation: a long poll whose client went away must stop waiting, or PTB's
        # clean-up getUpdates at shutdown would "conflict" with the abandoned one.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(runner, sock)
        await site.start()
        self._runner = runner
        self._port = sock.getsockname()[1]

    async def stop(self) -> None:
        """Answer waiting long polls with [] and shut the server down."""
        self._closing = True
        if self._poller is not None:
            self._poller.wake.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url``; PTB appends ``<token>/<method>``."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url``."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def polling(self) -> bool:
        """Whether a getUpdates call is waiting for updates right now."""
        return self._poller is not None

    async def wait_until_polling(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until a getUpdates call is waiting for updates (a long poll is open)."""
        try:
            async with asyncio.timeout(timeout):
                await self._poller_waiting.wait()
        except TimeoutError:
            raise TimeoutError(
                f"no long poll within {timeout}s.\n{self.describe_recent()}"
            ) from None

    # -- users, chats and updates (driving the bot) ---------------------------------------------

    def make_user(
        self,
        user_id: int,
        first_name: str = "Ana",
        language_code: str | None = "en",
        username: str | None = None,
    ) -> JSON:
        """A Telegram user who has opened a private chat with the bot."""
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        chat: JSON = {"id": user_id, "type": "private", "first_name": first_name}
        if username:
            chat["username"] = username
        self._register_chat(chat)
        return user

    def block_bot(self, user: UserLike, blocked: bool = True) -> None:
        """The user blocks the bot: sending to their chat answers 403 Forbidden."""
        self._chat_state(self._user(user)["id"]).blocked = blocked

    def send_text(
        self, user: UserLike, text: str, chat: ChatLike = None, *, reply_to: int | None = None
    ) -> int:
        """The user sends a text message (replying to message ``reply_to`` if given).

        Commands, mentions and links get their entities, as Telegram's servers add them.
        """
        return self._user_message(user, chat, _text_content(text), reply_to=reply_to)

    def send_command(self, user: UserLike, text: str, chat: ChatLike = None) -> int:
        """The user sends a command such as ``"/start ex-the-hundred"``."""
        if not text.startswith("/"):
            raise ValueError(f"a command starts with '/': {text!r}")
        return self.send_text(user, text, chat)

    def send_edited_text(
        self, user: UserLike, message_id: int, text: str, chat: ChatLike = None
    ) -> int:
        """The user edits one of their earlier text messages (an ``edited_message`` update)."""
        state = self._chat_for(self._user(user), chat)
        original = state.user_messages.get(message_id)
        if original is None:
            raise LookupError(f"no user message {message_id} in chat {state.chat['id']}")
        edited: JSON = {**original, "edit_date": _now()}
        edited.pop("entities", None)
        edited.update(_text_content(text))
        state.user_messages[message_id] = edited
        return self._enqueue({"edited_message": edited})

    def send_sticker(self, user: UserLike, chat: ChatLike = None, emoji: str = "👍") -> int:
        file_id, unique_id = self._new_file("stickers/file.webp", b"RIFF\0\0\0\0WEBP")
        sticker: JSON = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._user_message(user, chat, {"sticker": sticker})

    def send_photo(
        self,
        user: UserLike,
        caption: str | None = None,
        chat: ChatLike = None,
        data: bytes = b"\xff\xd8\xff\xe0fake-jpeg\xff\xd9",
    ) -> int:
        file_id, unique_id = self._new_file("photos/file.jpg", data)
        photo = [
            {
                "file_id": file_id,
                "file_unique_id": unique_id,
                "width": 1280,
                "height": 960,
                "file_size": len(data),
            }
        ]
        content: JSON = {"photo": photo}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat, content)

    def send_voice(
        self,
        user: UserLike,
        duration: int = 3,
        chat: ChatLike = None,
        data: bytes = b"OggS-fake-voice",
    ) -> int:
        file_id, unique_id = self._new_file("voice/file.oga", data)
        voice = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(data),
        }
        return self._user_message(user, chat, {"voice": voice})

    def send_location(
        self,
        user: UserLike,
        latitude: float = 41.3874,
        longitude: float = 2.1686,
        chat: ChatLike = None,
    ) -> int:
        return self._user_message(
            user, chat, {"location": {"latitude": latitude, "longitude": longitude}}
        )

    def send_group_text(
        self,
        user: UserLike,
        group_chat_id: int,
        text: str,
        *,
        title: str | None = None,
        reply_to: int | None = None,
        sender_chat: Mapping[str, Any] | None = None,
    ) -> int:
        """The user writes in a group (type "group") the bot is in; with ``sender_chat``, on
        behalf of a chat (an anonymous admin: user 1087968824 and the group itself).

        With ``group_privacy`` (Telegram's default for bots) only commands not addressed to
        another bot, mentions of the bot and replies to its messages are delivered; the others
        go to ``undelivered_updates``. The update id is returned either way.
        """
        state = self._chats.get(group_chat_id)
        if state is None:
            state = self._register_chat(
                {"id": group_chat_id, "type": "group", "title": title or f"Group {group_chat_id}"}
            )
        deliver = (
            not self.group_privacy
            or self._addressed_to_bot(text)
            or (reply_to is not None and reply_to in state.bot_messages)
        )
        content = _text_content(text)
        if sender_chat is not None:
            content["sender_chat"] = dict(sender_chat)
        return self._user_message(user, group_chat_id, content, deliver=deliver, reply_to=reply_to)

    def press_button(
        self,
        user: UserLike,
        message: Mapping[str, Any] | _MessageLike | int,
        callback_data: str,
        *,
        chat_id: int | None = None,
        check: bool = True,
    ) -> str:
        """The user presses an inline button of a bot message; returns the callback query id.

        ``message`` is a dict from :meth:`messages`/:meth:`last_message`, a PTB ``Message`` the
        bot got back, or a message id in ``chat_id`` (default: the user's private chat). With
        ``check`` the button must be on the message now, as a real user can only press what they
        see; use :meth:`push_update` to forge anything else.
        """
        sender = self._user(user)
        if isinstance(message, Mapping):
            message_id = int(message["message_id"])
            chat_id = int(message["chat"]["id"])
        elif isinstance(message, _MessageLike):
            message_id, chat_id = message.message_id, message.chat_id
        else:
            message_id = message
            chat_id = sender["id"] if chat_id is None else chat_id
        state = self._chat_state(chat_id)
        current = state.bot_messages.get(message_id)
        if current is None:
            raise LookupError(f"the bot has no message {message_id} in chat {chat_id}")
        if check:
            buttons = [
                button.get("callback_data")
                for row in (current.api.get("reply_markup") or {}).get("inline_keyboard", [])
                for button in row
            ]
            if callback_data not in buttons:
                raise ValueError(
                    f"message {message_id} has no button with callback_data {callback_data!r}; "
                    f"its buttons: {buttons}"
                )
        query_id = str(next(self._query_ids))
        self._pending_callbacks[query_id] = time.monotonic()
        query: JSON = {
            "id": query_id,
            "from": sender,
            "message": current.api,
            "chat_instance": str((chat_id * 2_654_435_761) % 2**63),
            "data": callback_data,
        }
        self._enqueue({"callback_query": query})
        return query_id

    def send_inline_query(
        self, user: UserLike, query: str, offset: str = "", chat_type: str = "sender"
    ) -> str:
        """The user types ``@bot query`` somewhere; returns the inline query id."""
        query_id = str(next(self._query_ids))
        inline: JSON = {
            "id": query_id,
            "from": self._user(user),
            "query": query,
            "offset": offset,
            "chat_type": chat_type,
        }
        self._pending_inline[query_id] = inline
        self._enqueue({"inline_query": inline})
        return query_id

    def push_update(self, raw: Mapping[str, Any]) -> int:
        """Queue any update as given (a fresh ``update_id`` is set); returns the update id.

        Chats in message-like updates become known, so the bot can answer them.
        """
        update = dict(raw)
        update.pop("update_id", None)
        for kind in _MESSAGE_UPDATES:
            message = update.get(kind)
            if isinstance(message, Mapping):
                self._remember_user_message(message)
        query = update.get("callback_query")
        if isinstance(query, Mapping):
            if isinstance(query.get("id"), str):
                self._pending_callbacks[query["id"]] = time.monotonic()
            if isinstance(query.get("message"), Mapping):
                self._known_chat(query["message"].get("chat"))
        inline = update.get("inline_query")
        if isinstance(inline, Mapping) and isinstance(inline.get("id"), str):
            self._pending_inline[inline["id"]] = dict(inline)
        return self._enqueue(update)

    # -- observing the bot ----------------------------------------------------------------------

    def messages(self, chat_id: int) -> list[JSON]:
        """The bot's messages in a chat as they are now (after edits and deletes), oldest first.

        Each is the Bot API Message plus ``html`` (the text as the bot sent it) and
        ``reply_markup`` (as sent, None if none); ``text`` is what the user sees.
        """
        state = self._chats.get(chat_id)
        if state is None:
            return []
        return [message.view() for message in state.bot_messages.values()]

    def last_message(self, chat_id: int) -> JSON | None:
        """The bot's newest message in a chat still there, or None."""
        state = self._chats.get(chat_id)
        if state is None or not state.bot_messages:
            return None
        return next(reversed(state.bot_messages.values())).view()

    def commands(self, scope: Any = None, language_code: str = "") -> list[JSON]:
        """The commands set for a scope (dict or PTB BotCommandScope; None is default)."""
        if scope is not None and hasattr(scope, "to_dict"):
            scope = scope.to_dict()
        return [
            dict(command)
            for command in self._commands.get(self._scope_key(scope, language_code), [])
        ]

    def requests_for(self, method: str) -> list[RecordedRequest]:
        """Every finished call of one method, oldest first."""
        return [self.requests[i] for i in self._by_method.get(method.lower(), [])]

    async def wait_for(
        self,
        method: str | None,
        predicate: Predicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline per call is the point of the helper
    ) -> RecordedRequest:
        """The oldest finished call of ``method`` (None: any) matching ``predicate`` that no
        earlier ``wait_for`` returned, waiting for it if need be.

        Raises TimeoutError listing the recent requests.
        """
        key = method.lower() if method else "*"
        found = self._take_recorded(key, predicate)
        if found is not None:
            return found
        future: asyncio.Future[RecordedRequest] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(None if key == "*" else key, predicate, future)
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                return await future
        except TimeoutError:
            what = f"{method or 'any'} request" + (" matching the predicate" if predicate else "")
            raise TimeoutError(f"no {what} within {timeout}s.\n{self.describe_recent()}") from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    async def wait_idle(self, quiet: float = 0.1, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until every queued update was fetched and, for ``quiet`` seconds, no other bot
        request was in flight or arrived."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            now = time.monotonic()
            pending = self._pending_updates()
            busy = self._active_requests > 0
            last = max(self._last_activity, self._last_delivery)
            if not pending and not busy and now - last >= quiet:
                return
            if loop.time() >= deadline:
                hint = " Is the bot polling?" if pending else ""
                raise TimeoutError(
                    f"not idle after {timeout}s: {pending} updates not fetched, "
                    f"{self._active_requests} requests in flight.{hint}\n{self.describe_recent()}"
                )
            await asyncio.sleep(min(max(quiet - (now - last), 0.005), 0.05))

    def describe_recent(self, count: int = 15) -> str:
        recent = self.requests[-count:]
        if not recent:
            return "No requests were recorded."
        lines = "\n".join(f"  {request.summary()}" for request in recent)
        return f"Last {len(recent)} of {len(self.requests)} requests, oldest first:\n{lines}"

    # -- fault injection ------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error, doing nothing.

        429 carries ``parameters.retry_after`` (PTB raises RetryAfter); other statuses get
        Telegram's usual description unless one is given.
        """
        self._add_fault(
            method,
            _Fault("fail", times, status=status, retry_after=retry_after, description=description),
        )

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

    # -- HTTP -----------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._serve_file(path[len("/file/bot") :])
        if not path.startswith("/bot") or path.count("/") != 2:
            return _json_response(_ApiError(404, "Not Found").payload(), 404)
        token, _, method_name = path[len("/bot") :].partition("/")
        return await self._api_call(request, token, method_name)

    async def _api_call(
        self, request: web.Request, token: str, method_name: str
    ) -> web.StreamResponse:
        started = time.monotonic()
        method = self._method_names.get(method_name.lower(), method_name)
        polling = method == "getUpdates"
        if not polling:
            self._active_requests += 1
            self._last_activity = started
        record = RecordedRequest(method=method, params={}, status=None, started=started)
        fault: _Fault | None = None
        try:
            try:
                if token != self.token:
                    raise _ApiError(401, "Unauthorized")
                record.params = await self._read_params(request)
                if method not in self._implemented:
                    if method_name.lower() in self._method_names:
                        raise _ApiError(
                            501, f"Not Implemented: the fake does not imitate {method} yet"
                        )
                    raise _ApiError(404, "Not Found")
                fault = self._take_fault(method, record.params)
                if fault is not None:
                    record.fault = fault.label()
                    if fault.kind == "fail":
                        raise fault.error()
                    if fault.kind == "drop" and not fault.processed:
                        raise _DroppedConnection
                if polling:
                    result = await self._get_updates(record.params)
                else:
                    result = self._handlers[method](record.params)
                status, payload = 200, {"ok": True, "result": result}
                record.result = result
            except _ApiError as error:
                status, payload = error.code, error.payload()
                record.description = error.description
            if fault is not None and fault.kind == "delay":
                await asyncio.sleep(fault.seconds)
            if fault is not None and fault.kind == "drop":
                raise _DroppedConnection
            record.status = status
            return _json_response(payload, status)
        except _DroppedConnection:
            if request.transport is not None:
                request.transport.abort()
            # aiohttp would answer 500 to a plain exception; a cancelled handler writes nothing.
            raise asyncio.CancelledError from None
        except asyncio.CancelledError:
            # The client went away first (a cancelled long poll, a client-side timeout).
            record.status = 499
            gone = "client disconnected"
            record.fault = f"{record.fault}, {gone}" if record.fault else gone
            raise
        finally:
            record.finished = time.monotonic()
            if not polling:
                self._active_requests -= 1
                self._last_activity = record.finished
            self._record(record)

    async def _read_params(self, request: web.Request) -> JSON:
        raw: JSON = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise _bad("can't parse JSON object") from None
                if not isinstance(body, dict):
                    raise _bad("JSON object expected")
                raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        raw[key] = UploadedFile(
                            key, value.filename, value.content_type, value.file.read()
                        )
                    else:
                        raw[key] = value
        return _normalize_params(raw)

    def _serve_file(self, rest: str) -> web.StreamResponse:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return _json_response(_ApiError(401, "Unauthorized").payload(), 401)
        data = self._file_data.get(file_path)
        if data is not None:
            return web.Response(body=data, content_type="application/octet-stream")
        return _json_response(_ApiError(404, "Not Found").payload(), 404)

    # -- recording and wait_for -----------------------------------------------------------------

    def _record(self, record: RecordedRequest) -> None:
        index = len(self.requests)
        self.requests.append(record)
        self._by_method.setdefault(record.method.lower(), []).append(index)
        self._by_method.setdefault("*", []).append(index)
        for waiter in list(self._waiters):
            if waiter.future.done():
                continue
            if waiter.method is not None and waiter.method != record.method.lower():
                continue
            try:
                wanted = waiter.predicate is None or waiter.predicate(record)
            except Exception as error:  # surface a broken predicate in the test, not here
                waiter.future.set_exception(error)
                continue
            if wanted:
                self._consumed.add(index)
                waiter.future.set_result(record)
                return

    def _take_recorded(self, key: str, predicate: Predicate | None) -> RecordedRequest | None:
        indices = self._by_method.get(key, [])
        position = low = self._low_water.get(key, 0)
        found: RecordedRequest | None = None
        # Everything before the low-water mark was handed out: repeated waits stay O(1).
        while position < len(indices):
            index = indices[position]
            if index in self._consumed:
                if position == low:
                    low += 1
            elif predicate is None or predicate(self.requests[index]):
                self._consumed.add(index)
                if position == low:
                    low += 1
                found = self.requests[index]
                break
            position += 1
        self._low_water[key] = low
        return found

    # -- update queue ---------------------------------------------------------------------------

    def _enqueue(self, update: JSON, *, deliver: bool = True) -> int:
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        kind = next((key for key in update if key != "update_id"), "")
        allowed = (
            kind not in _OPT_IN_UPDATES
            if self._allowed_updates is None
            else kind in self._allowed_updates
        )
        if not (deliver and allowed):
            self.undelivered_updates.append(update)
            return update_id
        self._queue.append(update)
        if self._poller is not None:
            self._poller.wake.set()
        return update_id

    def take_updates(self) -> list[JSON]:
        """The queued updates, taken off the queue: what Telegram would post to a webhook (the
        fake posts nothing itself; a test posts them to the bot's webhook)."""
        taken = list(self._queue)
        self._queue.clear()
        return taken

    def _pending_updates(self) -> int:
        if not self._queue or self._queue[-1]["update_id"] <= self._delivered_up_to:
            return 0
        return sum(1 for update in self._queue if update["update_id"] > self._delivered_up_to)

    def _confirm(self, offset: int) -> None:
        queue = self._queue
        if offset < 0:
            # -N: keep the last N updates, forget the rest.
            while len(queue) > -offset:
                queue.popleft()
            return
        while queue and queue[0]["update_id"] < offset:
            queue.popleft()

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook is not None:
            raise _ApiError(409, CONFLICT_WEBHOOK)
        offset = params.get("offset") or 0
        limit = params.get("limit") or 100
        timeout = params.get("timeout") or 0
        if not isinstance(offset, int) or not isinstance(limit, int):
            raise _bad("wrong parameter offset or limit")
        if not isinstance(timeout, int | float):
            raise _bad("wrong parameter timeout")
        limit = min(max(limit, 1), 100)
        self._set_allowed_updates(params.get("allowed_updates"))
        # Telegram keeps one long poll per bot: the newer request wins.
        self._terminate_poller()
        self._confirm(offset)
        if not self._queue and timeout > 0 and not self._closing:
            poller = _Poller()
            self._poller = poller
            self._poller_waiting.set()
            try:
                async with asyncio.timeout(timeout):
                    await poller.wake.wait()
            except TimeoutError:
                pass
            finally:
                if self._poller is poller:
                    self._poller = None
                    self._poller_waiting.clear()
            if poller.terminated:
                raise _ApiError(409, CONFLICT_POLLING)
        batch = list(itertools.islice(self._queue, limit))
        if batch:
            self._delivered_up_to = max(self._delivered_up_to, batch[-1]["update_id"])
            self._last_delivery = time.monotonic()
        return batch

    def _terminate_poller(self) -> None:
        """Make the waiting long poll, if any, answer 409 Conflict."""
        if self._poller is not None:
            self._poller.terminated = True
            self._poller.wake.set()
            self._poller = None
            self._poller_waiting.clear()

    def _set_allowed_updates(self, allowed: Any) -> None:
        if allowed is None:
            return  # not given: keep the previous setting, as Telegram does
        if not isinstance(allowed, list) or not all(isinstance(kind, str) for kind in allowed):
            raise _bad("can't parse allowed updates JSON object")
        self._allowed_updates = frozenset(allowed) if allowed else None

    # -- chats and users ------------------------------------------------------------------------

    def _register_chat(self, chat: Mapping[str, Any]) -> _ChatState:
        state = self._chats.get(chat["id"])
        if state is None:
            state = _ChatState(dict(chat))
            self._chats[chat["id"]] = state
        else:
            state.chat = {**state.chat, **chat}
        username = chat.get("username")
        if isinstance(username, str):
            self._chats_by_username[username.lower()] = state
        return state

    def _known_chat(self, chat: Any) -> _ChatState | None:
        if isinstance(chat, Mapping) and isinstance(chat.get("id"), int):
            return self._register_chat(chat)
        return None

    def _remember_user_message(self, message: Mapping[str, Any]) -> None:
        state = self._known_chat(message.get("chat"))
        message_id = message.get("message_id")
        if state is not None and isinstance(message_id, int):
            state.user_messages[message_id] = dict(message)
            state.next_message_id = max(state.next_message_id, message_id + 1)
        sender = message.get("from")
        if isinstance(sender, Mapping) and isinstance(sender.get("id"), int):
            self._users.setdefault(sender["id"], dict(sender))

    def _user(self, user: UserLike) -> JSON:
        if isinstance(user, Mapping):
            known = self._users.get(user["id"])
            if known is None:
                known = self.make_user(
                    user["id"],
                    user.get("first_name", "Ana"),
                    user.get("language_code"),
                    user.get("username"),
                )
            return known
        if user not in self._users:
            raise LookupError(f"unknown user {user}: call make_user first")
        return self._users[user]

    def _chat_state(self, chat_id: int) -> _ChatState:
        state = self._chats.get(chat_id)
        if state is None:
            raise LookupError(f"unknown chat {chat_id}")
        return state

    def _chat_for(self, user: JSON, chat: ChatLike) -> _ChatState:
        if chat is None:
            return self._chat_state(user["id"])
        if isinstance(chat, Mapping):
            return self._register_chat(chat)
        return self._chat_state(chat)

    def _user_message(
        self,
        user: UserLike,
        chat: ChatLike,
        content: JSON,
        *,
        deliver: bool = True,
        reply_to: int | None = None,
    ) -> int:
        sender = self._user(user)
        state = self._chat_for(sender, chat)
        message: JSON = {
            "message_id": state.take_message_id(),
            "from": sender,
            "chat": state.chat,
            "date": _now(),
        }
        if reply_to is not None:
            try:
                replied = self._reply_target(state, {"reply_parameters": {"message_id": reply_to}})
            except _ApiError:
                raise LookupError(f"no message {reply_to} in chat {state.chat['id']}") from None
            message["reply_to_message"] = replied
        message.update(content)
        state.user_messages[message["message_id"]] = message
        return self._enqueue({"message": message}, deliver=deliver)

    def _addressed_to_bot(self, text: str) -> bool:
        username = f"@{self.bot_user['username']}".lower()
        for match in _USER_ENTITY.finditer(text):
            value = match.group().lower()
            if match.lastgroup == "bot_command" and ("@" not in value or value.endswith(username)):
                return True
            if match.lastgroup == "mention" and value == username:
                return True
        return False

    def _new_file(self, path: str, data: bytes) -> tuple[str, str]:
        number = next(self._file_ids)
        file_id = f"AgACAgIAAxkBAAI{number:08d}fake"
        directory, _, name = path.rpartition("/")
        stem, dot, suffix = name.rpartition(".")
        file_path = f"{directory}/{stem}_{number}{dot}{suffix}"
        self._files[file_id] = (file_path, data)
        self._file_data[file_path] = data
        return file_id, f"AQAD{number:08d}"

    # -- method handlers: sending and editing ---------------------------------------------------

    def _target_chat(self, params: JSON, *, sending: bool) -> _ChatState:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        state: _ChatState | None = None
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            state = self._chats_by_username.get(chat_id[1:].lower())
        elif isinstance(chat_id, int) and not isinstance(chat_id, bool):
            state = self._chats.get(chat_id)
        if state is None:
            raise _bad("chat not found")
        if sending and state.blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        return state

    def _format(
        self,
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        empty: str = TEXT_EMPTY,
        too_long: str = TEXT_TOO_LONG,
    ) -> FormattedText:
        if not isinstance(text, str) or not text:
            raise _ApiError(400, empty)
        mode = parse_mode.lower() if isinstance(parse_mode, str) else parse_mode
        if mode is None:
            mode = ""
        if mode not in ("", "html", "markdown", "markdownv2"):
            raise _bad("unsupported parse_mode")
        if mode == "html":
            try:
                formatted = parse_html(text, strict=self.strict_html)
            except HtmlParseError as error:
                raise _bad(f"can't parse entities: {error}") from None
        elif mode == "" and isinstance(entities, list):
            formatted = FormattedText(text, [dict(entity) for entity in entities])
        else:
            formatted = FormattedText(text)  # Markdown is not imitated: taken literally
        formatted = _trim(formatted)
        length = utf16_len(formatted.text)
        if length == 0:
            raise _ApiError(400, empty)
        if length > MAX_MESSAGE_LENGTH:
            raise _ApiError(400, too_long)
        return formatted

    def _reply_target(self, state: _ChatState, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if reply is None and params.get("reply_to_message_id") is not None:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if not isinstance(reply, Mapping):
            return None
        message_id = reply.get("message_id")
        target: JSON | None = None
        if isinstance(message_id, int):
            if message_id in state.bot_messages:
                target = state.bot_messages[message_id].api
            else:
                target = state.user_messages.get(message_id)
        if target is None and not reply.get("allow_sending_without_reply"):
            raise _bad("message to be replied not found")
        if target is not None:
            target = {key: value for key, value in target.items() if key != "reply_to_message"}
        return target

    def _send_message(self, params: JSON) -> JSON:
        state = self._target_chat(params, sending=True)
        formatted = self._format(
            params.get("text"), params.get("parse_mode"), params.get("entities")
        )
        markup = _check_reply_markup(params.get("reply_markup"))
        replied = self._reply_target(state, params)
        message: JSON = {
            "message_id": state.take_message_id(),
            "from": self.bot_user,
            "chat": state.chat,
            "date": _now(),
        }
        if replied is not None:
            message["reply_to_message"] = replied
        message["text"] = formatted.text
        if formatted.entities:
            message["entities"] = formatted.entities
        if markup is not None and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        state.bot_messages[message["message_id"]] = _BotMessage(
            message, params["text"], markup, _str_param(params, "parse_mode")
        )
        return message

    def _editable(self, params: JSON) -> tuple[_ChatState, _BotMessage]:
        if params.get("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")  # inline messages are not imitated
        state = self._target_chat(params, sending=False)
        message_id = _int_param(params, "message_id", "message identifier is not specified")
        message = state.bot_messages.get(message_id)
        if message is None:
            if message_id in state.user_messages:
                raise _bad("message can't be edited")
            raise _bad("message to edit not found")
        return state, message

    def _edit_message_text(self, params: JSON) -> JSON:
        state, message = self._editable(params)
        formatted = self._format(
            params.get("text"), params.get("parse_mode"), params.get("entities")
        )
        markup = _check_reply_markup(params.get("reply_markup"), inline_only=True)
        inline = markup if markup and markup.get("inline_keyboard") else None
        old = message.api
        if (
            old.get("text") == formatted.text
            and old.get("entities", []) == formatted.entities
            and old.get("reply_markup") == inline
        ):
            raise _ApiError(400, NOT_MODIFIED)
        # An edit without reply_markup takes the keyboard away, as on Telegram.
        api = {k: v for k, v in old.items() if k not in ("entities", "reply_markup")}
        api["text"] = formatted.text
        api["edit_date"] = _now()
        if formatted.entities:
            api["entities"] = formatted.entities
        if inline is not None:
            api["reply_markup"] = inline
        edited = _BotMessage(api, params["text"], inline, _str_param(params, "parse_mode"))
        state.bot_messages[api["message_id"]] = edited
        return api

    def _edit_message_reply_markup(self, params: JSON) -> JSON:
        state, message = self._editable(params)
        markup = _check_reply_markup(params.get("reply_markup"), inline_only=True)
        inline = markup if markup and markup.get("inline_keyboard") else None
        old = message.api
        if old.get("reply_markup") == inline:
            raise _ApiError(400, NOT_MODIFIED)
        api = {k: v for k, v in old.items() if k != "reply_markup"}
        api["edit_date"] = _now()
        if inline is not None:
            api["reply_markup"] = inline
        state.bot_messages[api["message_id"]] = _BotMessage(
            api, message.html, inline, message.parse_mode
        )
        return api

    def _delete_one(self, state: _ChatState, message_id: int) -> None:
        if state.bot_messages.pop(message_id, None) is not None:
            return
        if message_id in state.user_messages:
            # A bot may delete incoming messages in private chats; in groups it needs rights.
            if state.chat.get("type") != "private":
                raise _bad("message can't be deleted")
            del state.user_messages[message_id]
            return
        raise _bad("message to delete not found")

    def _delete_message(self, params: JSON) -> bool:
        state = self._target_chat(params, sending=False)
        message_id = _int_param(params, "message_id", "message identifier is not specified")
        self._delete_one(state, message_id)
        return True

    def _delete_messages(self, params: JSON) -> bool:
        state = self._target_chat(params, sending=False)
        message_ids = params.get("message_ids")
        if not isinstance(message_ids, list) or not 1 <= len(message_ids) <= 100:
            raise _bad("message identifiers are not specified")
        for message_id in message_ids:
            with contextlib.suppress(_ApiError):  # Telegram skips the ones it can't delete
                self._delete_one(state, int(message_id))
        return True

    # -- method handlers: queries ---------------------------------------------------------------

    def _answer_callback_query(self, params: JSON) -> bool:
        query_id = _str_param(params, "callback_query_id")
        text = _str_param(params, "text")
        if text is not None and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad("MESSAGE_TOO_LONG")
        created = self._pending_callbacks.get(query_id or "")
        expired = (
            created is not None
            and self.callback_query_timeout is not None
            and time.monotonic() - created > self.callback_query_timeout
        )
        if created is None or expired:
            raise _ApiError(400, QUERY_TOO_OLD)
        del self._pending_callbacks[query_id or ""]
        self.callback_answers.append(dict(params))
        return True

    def _answer_inline_query(self, params: JSON) -> bool:
        query_id = _str_param(params, "inline_query_id") or ""
        if query_id not in self._pending_inline:
            raise _ApiError(400, QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, Mapping):
                raise _bad("can't parse inline query result: InlineQueryResult must be an Object")
            result_id = result.get("id")
            if not isinstance(result_id, str) or not result_id:
                raise _bad("RESULT_ID_EMPTY")
            if len(result_id.encode("utf-8")) > 64:
                raise _bad("RESULT_ID_INVALID")
            if result_id in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            if not isinstance(result.get("type"), str):
                raise _bad('can\'t parse inline query result: Field "type" must be of type String')
            content = result.get("input_message_content")
            if isinstance(content, Mapping) and "message_text" in content:
                self._format(
                    content.get("message_text"),
                    content.get("parse_mode"),
                    content.get("entities"),
                    empty="Bad Request: MESSAGE_EMPTY",
                    too_long="Bad Request: MESSAGE_TOO_LONG",
                )
            elif result.get("type") == "article":
                raise _bad("can't parse inline query result: input_message_content is required")
            _check_reply_markup(result.get("reply_markup"), inline_only=True)
        del self._pending_inline[query_id]
        self.inline_answers.append(dict(params))
        return True

    # -- method handlers: commands and settings -------------------------------------------------

    def _scope_key(self, scope: Any, language_code: Any) -> tuple[str, str]:
        if scope is None or scope == "":
            scope = {"type": "default"}
        if not isinstance(scope, Mapping) or scope.get("type") not in _COMMAND_SCOPES:
            raise _bad("can't parse BotCommandScope JSON object")
        scope = dict(scope)
        if scope["type"] in ("chat", "chat_administrators", "chat_member"):
            chat_id = scope.get("chat_id")
            if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
                scope["chat_id"] = int(chat_id)
            if scope.get("chat_id") in (None, ""):
                raise _bad("chat_id is empty")
        language = language_code or ""
        if not isinstance(language, str) or not _LANGUAGE_CODE.match(language):
            raise _bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        checked: list[JSON] = []
        for command in commands:
            if not isinstance(command, Mapping):
                raise _bad("can't parse BotCommand: BotCommand must be an Object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not _COMMAND_NAME.match(name):
                raise _bad("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            checked.append({"command": name, "description": description})
        key = self._scope_key(params.get("scope"), params.get("language_code"))
        if checked:
            self._commands[key] = checked
        else:
            self._commands.pop(key, None)
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        key = self._scope_key(params.get("scope"), params.get("language_code"))
        return self._commands.get(key, [])

    def _delete_my_commands(self, params: JSON) -> bool:
        self._commands.pop(self._scope_key(params.get("scope"), params.get("language_code")), None)
        return True

    def _send_chat_action(self, params: JSON) -> bool:
        self._target_chat(params, sending=True)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _set_chat_menu_button(self, params: JSON) -> bool:
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, Mapping) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            raise _bad("can't parse menu button JSON object")
        if params.get("chat_id") is None:
            self._default_menu_button = dict(button)
        else:
            self._target_chat(params, sending=False).menu_button = dict(button)
        return True

    def _get_chat_menu_button(self, params: JSON) -> JSON:
        if params.get("chat_id") is None:
            return self._default_menu_button
        state = self._target_chat(params, sending=False)
        return state.menu_button or self._default_menu_button

    def _get_chat(self, params: JSON) -> JSON:
        state = self._target_chat(params, sending=False)
        # ChatFullInfo: the chat plus the fields the Bot API always sends.
        return {
            **state.chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        }

    def _get_file(self, params: JSON) -> JSON:
        file_id = _str_param(params, "file_id") or ""
        if file_id not in self._files:
            raise _bad("invalid file_id")
        path, data = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"AQAD{file_id[15:23]}",
            "file_size": len(data),
            "file_path": path,
        }

    # -- method handlers: bot and webhook -------------------------------------------------------

    def _true(self, params: JSON) -> bool:
        return True

    def _get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.group_privacy,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _set_webhook(self, params: JSON) -> bool:
        url = _str_param(params, "url") or ""
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self._set_allowed_updates(params.get("allowed_updates"))
        if not url:
            self.webhook = None
            return True
        if not url.lower().startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {k: v for k, v in params.items() if not isinstance(v, UploadedFile)}
        self._terminate_poller()
        return True

    def _delete_webhook(self, params: JSON) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    def _get_webhook_info(self, params: JSON) -> JSON:
        info: JSON = {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self._allowed_updates is not None:
            info["allowed_updates"] = sorted(self._allowed_updates)
        return info


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _now() -> int:
    return int(time.time())


def _json_response(payload: JSON, status: int) -> web.Response:
    return web.Response(
        body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        status=status,
        content_type="application/json",
    )


def _text_content(text: str) -> JSON:
    content: JSON = {"text": text}
    entities = _detect_entities(text)
    if entities:
        content["entities"] = entities
    return content


def _detect_entities(text: str) -> list[JSON]:
    entities: list[JSON] = []
    for match in _USER_ENTITY.finditer(text):
        kind = match.lastgroup or "url"
        entities.append(
            {
                "type": kind,
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


def _check_reply_markup(markup: Any, *, inline_only: bool = False) -> JSON | None:
    """Telegram's checks on reply_markup; returns it as given, None for no markup."""
    if markup is None or markup == "":
        return None
    if not isinstance(markup, Mapping):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    elif inline_only:
        raise _bad("inline keyboard expected")
    elif "keyboard" in markup:
        _check_reply_keyboard(markup["keyboard"])
    elif markup.get("remove_keyboard") is not True and markup.get("force_reply") is not True:
        raise _bad("can't parse reply keyboard markup JSON object")
    return dict(markup)


def _rows(keyboard: Any, field_name: str, markup_name: str) -> Iterable[list[Any]]:
    if not isinstance(keyboard, list) or not all(isinstance(row, list) for row in keyboard):
        raise _bad(f'field "{field_name}" of the {markup_name} must be an Array of Arrays')
    return keyboard


def _check_inline_keyboard(keyboard: Any) -> None:
    for row in _rows(keyboard, "inline_keyboard", "InlineKeyboardMarkup"):
        for button in row:
            if not isinstance(button, Mapping):
                raise _bad(
                    "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                )
            text = button.get("text")
            if not isinstance(text, str):
                raise _bad(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            if not text.strip():
                raise _bad("BUTTON_TEXT_INVALID")
            actions = [name for name in _INLINE_ACTIONS if button.get(name) is not None]
            if not actions:
                raise _bad(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            if len(actions) > 1:
                raise _ApiError(400, BUTTON_DATA_INVALID)
            _check_button_action(actions[0], button[actions[0]])


def _check_button_action(action: str, value: Any) -> None:
    if action == "callback_data":
        if not isinstance(value, str) or not (
            1 <= len(value.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES
        ):
            raise _ApiError(400, BUTTON_DATA_INVALID)
    elif action == "url":
        if not isinstance(value, str) or normalize_url(value) is None:
            raise _ApiError(400, BUTTON_URL_INVALID)
    elif action in ("web_app", "login_url"):
        url = value.get("url") if isinstance(value, Mapping) else None
        if not isinstance(url, str) or not url.lower().startswith("https://"):
            raise _ApiError(400, BUTTON_URL_INVALID)
    elif action in ("switch_inline_query", "switch_inline_query_current_chat") and not isinstance(
        value, str
    ):
        raise _ApiError(400, BUTTON_DATA_INVALID)


def _check_reply_keyboard(keyboard: Any) -> None:
    for row in _rows(keyboard, "keyboard", "ReplyKeyboardMarkup"):
        for button in row:
            text = button if isinstance(button, str) else None
            if isinstance(button, Mapping):
                text = button.get("text")
            if not isinstance(text, str) or not text.strip():
                raise _bad('can\'t parse keyboard button: Field "text" must be of type String')
