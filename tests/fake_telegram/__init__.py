"""A fake Telegram Bot API server for tests and benchmarks.

Its parts, each readable on its own: ``server.py`` (chats, updates, polling, the methods),
``text.py`` (Telegram's HTML parse mode and entity rules), ``markup.py`` (keyboards and
buttons), ``media.py`` (photos), ``api.py`` (the wire: limits, error texts, requests and their
records), ``faults.py`` (failures, delays and dropped connections on demand) and
``delivery.py`` (posting updates to a webhook).

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
* Webhooks (``webhook_delivery``): updates posted with the secret, at most ``max_connections``
  at once, one chat at a time and in order, posted again when not answered with a 2xx.
* Telegram's HTML parse mode, ported from TDLib's ``parse_html`` byte by byte (tags, attributes,
  entity references, byte offsets in the error messages, UTF-16 entity offsets), then the trimming
  and the 1..4096 UTF-16 code unit limit on the visible text.
* Inline keyboards (text plus exactly one action, ``callback_data`` of 1..64 bytes, URLs),
  message editing ("message is not modified", "message to edit not found", an edit without
  ``reply_markup`` removing the keyboard), deletion, callback and inline query answers (each query
  answerable once), bot commands per (scope, language_code).
* Photos (``media.py``): ``sendPhoto`` by URL, by the file_id of an earlier photo or uploaded,
  with a caption of at most 1024 UTF-16 code units after parsing (the same HTML rules as text);
  ``editMessageCaption`` and ``editMessageMedia`` (photos); ``editMessageText`` on a photo and
  ``editMessageCaption``/``editMessageMedia`` on a text message refused with Telegram's words.
  A URL Telegram could not fetch is played with ``photos.fail_url``; a URL seen before gives
  the same photo, as Telegram's cache does.
* Privacy mode in groups: only commands, mentions of the bot and replies to it are delivered.
* Documents (``sendDocument``): an upload of 1 byte to 50 MB or a known file_id, a caption of
  at most 1024 characters once parsed; the file can be read back (``document_data``).
* Faults on demand: 429 with ``retry_after``, 5xx, delayed responses and dropped connections.

Deliberately stricter than Telegram (so sloppy output fails a test instead of looking odd to a
user), switchable with ``FakeTelegram(strict_html=False)``: every ``&`` must start ``&lt;``,
``&gt;``, ``&amp;``, ``&quot;`` or a numeric reference ending in ``;`` (Telegram keeps a stray
``&`` literally), ``<a>`` needs an ``href`` and an invalid link is an error (Telegram silently
drops such links). Inline buttons with more than one action are refused (Telegram picks one).

What it does not imitate (yet): MarkdownV2/Markdown parsing (such text is taken literally), media
other than photos and documents (``sendVideo`` and the like answer 501 Not Implemented), inline
messages (``inline_message_id`` edits), flood limits unless injected with ``fail_next``, chat
members and permissions, message age limits on edits and deletes, entity detection in the bot's
own messages (urls, mentions), text_mention links, and the exact wording of a few rarely seen
errors.
"""

from __future__ import annotations

from tests.fake_telegram.api import RecordedRequest, UploadedFile
from tests.fake_telegram.server import FakeTelegram
from tests.fake_telegram.text import FormattedText, HtmlParseError, parse_html, utf16_len

__all__ = [
    "FakeTelegram",
    "FormattedText",
    "HtmlParseError",
    "RecordedRequest",
    "UploadedFile",
    "parse_html",
    "utf16_len",
]
