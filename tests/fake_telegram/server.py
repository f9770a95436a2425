"""The fake Bot API server: chats, updates, long polling and every method it imitates."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import mimetypes
import re
import socket
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, Self, runtime_checkable

from aiohttp import web

from tests.fake_telegram.api import (
    CAPTION_TOO_LONG,
    CONFLICT_POLLING,
    CONFLICT_WEBHOOK,
    JSON,
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_CAPTION_LENGTH,
    MAX_COMMANDS,
    MAX_INLINE_RESULTS,
    MAX_MESSAGE_LENGTH,
    MAX_UPLOAD_BYTES,
    NO_CAPTION_TO_EDIT,
    NO_MEDIA_TO_EDIT,
    NO_TEXT_TO_EDIT,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    TEXT_EMPTY,
    TEXT_TOO_LONG,
    ChatLike,
    Predicate,
    RecordedRequest,
    UploadedFile,
    UserLike,
    _ApiError,
    _bad,
    _int_param,
    _json_response,
    _normalize_params,
    _str_param,
)
from tests.fake_telegram.delivery import WebhookDelivery
from tests.fake_telegram.faults import FaultInjection, _DroppedConnection, _Fault
from tests.fake_telegram.markup import _check_reply_markup
from tests.fake_telegram.media import Photos
from tests.fake_telegram.text import (
    _USER_ENTITY,
    FormattedText,
    HtmlParseError,
    _text_content,
    _trim,
    parse_html,
    utf16_len,
)

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


class FakeTelegram(FaultInjection):
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
        self._delivery: WebhookDelivery | None = None

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
        # Photos the bot sends; `photos.fail_url(url)` plays a site Telegram cannot fetch from.
        self.photos = Photos(self._new_file)

        self._update_ids = itertools.count(700_000_001)
        self._queue: deque[JSON] = deque()
        self._allowed_updates: frozenset[str] | None = None  # None: all but the opt-in ones
        self._poller: _Poller | None = None
        self._poller_waiting = asyncio.Event()  # mirrors "self._poller is not None"
        self._delivered_up_to = 0
        self._last_delivery = 0.0
        self._active_requests = 0  # in flight, getUpdates excluded
        self._last_activity = 0.0
        # Set by whoever runs the bot: whether it is still handling an update it fetched. The
        # wire alone cannot tell a bot about to edit (a database write between its answer and
        # its edit) from one that is done.
        self.bot_busy: Callable[[], bool] = lambda: False

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
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageMedia": self._edit_message_media,
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
            handling = self.bot_busy()
            busy = self._active_requests > 0 or handling
            last = max(self._last_activity, self._last_delivery)
            if not pending and not busy and now - last >= quiet:
                return
            if loop.time() >= deadline:
                hint = " Is the bot polling?" if pending else ""
                hint += " The bot is still handling an update." if handling else ""
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
        if self._delivery is not None:
            self._delivery.wake()
        return update_id

    @contextlib.asynccontextmanager
    async def webhook_delivery(
        self,
        address: str | list[str],
        *,
        request_timeout: float = 60.0,
        retry_after: float = 0.5,
    ) -> AsyncIterator[WebhookDelivery]:
        """Post updates to `address` as Telegram posts to a webhook, once one is set (see
        tests/fake_telegram/delivery.py); `address` stands for the public URL, which would
        reach the same place through the operator's proxy. Several addresses are posted to in
        turn, as a load balancer in front of several workers would."""

        def take() -> list[JSON]:
            return self.take_updates() if self.webhook is not None else []

        delivery = WebhookDelivery(
            [address] if isinstance(address, str) else address,
            take,
            lambda: self.webhook or {},
            lambda: len(self._queue),
            request_timeout=request_timeout,
            retry_after=retry_after,
        )
        self._delivery = delivery
        task = asyncio.create_task(delivery.run())
        try:
            yield delivery
        finally:
            delivery.stop()
            await task
            self._delivery = None

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
        formatted = self._parse(text, parse_mode, entities)
        length = utf16_len(formatted.text)
        if length == 0:
            raise _ApiError(400, empty)
        if length > MAX_MESSAGE_LENGTH:
            raise _ApiError(400, too_long)
        return formatted

    def _caption(self, caption: Any, parse_mode: Any, entities: Any) -> FormattedText:
        """A media caption: like a message's text, but optional and at most 1024 long."""
        if caption is None or caption == "":
            return FormattedText("")
        formatted = self._parse(str(caption), parse_mode, entities)
        if utf16_len(formatted.text) > MAX_CAPTION_LENGTH:
            raise _ApiError(400, CAPTION_TOO_LONG)
        return formatted

    def _parse(self, text: str, parse_mode: Any, entities: Any) -> FormattedText:
        """Text in a parse mode (or with entities) as Telegram stores it, trimmed."""
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
        return _trim(formatted)

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

    def _send_photo(self, params: JSON) -> JSON:
        state = self._target_chat(params, sending=True)
        sizes = self.photos.sizes(params.get("photo"))
        caption = self._caption(
            params.get("caption"), params.get("parse_mode"), params.get("caption_entities")
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
        message["photo"] = sizes
        _set_caption(message, caption)
        if markup is not None and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        state.bot_messages[message["message_id"]] = _BotMessage(
            message, _str_param(params, "caption") or "", markup, _str_param(params, "parse_mode")
        )
        return message

    def _send_document(self, params: JSON) -> JSON:
        """A file sent as a document: an upload (multipart, 1 byte to 50 MB) or the file_id of
        one sent before; a caption of at most 1024 characters once its entities are parsed."""
        state = self._target_chat(params, sending=True)
        document = params.get("document")
        if isinstance(document, UploadedFile):
            if not document.data:
                raise _bad("file must be non-empty")
            if len(document.data) > MAX_UPLOAD_BYTES:
                raise _ApiError(413, "Request Entity Too Large")
            name = document.filename or "document"
            file_id, unique_id = self._new_file(f"documents/{name}", document.data)
            info: JSON = {
                "file_name": name,
                "mime_type": mimetypes.guess_type(name)[0] or "application/octet-stream",
                "file_id": file_id,
                "file_unique_id": unique_id,
                "file_size": len(document.data),
            }
        elif isinstance(document, str) and document in self._files:
            path, data = self._files[document]
            info = {
                "file_name": path.rpartition("/")[2],
                "file_id": document,
                "file_unique_id": "AQAD" + document[-12:],
                "file_size": len(data),
            }
        elif document is None or document == "":
            raise _bad("there is no document in the request")
        else:
            raise _bad("wrong file identifier/HTTP URL specified")
        message: JSON = {
            "message_id": 0,
            "from": self.bot_user,
            "chat": state.chat,
            "date": _now(),
            "document": info,
        }
        caption = params.get("caption")
        if caption not in (None, ""):
            formatted = self._format(
                caption,
                params.get("parse_mode"),
                params.get("caption_entities"),
                too_long=CAPTION_TOO_LONG,
            )
            if utf16_len(formatted.text) > MAX_CAPTION_LENGTH:
                raise _bad("message caption is too long")
            message["caption"] = formatted.text
            if formatted.entities:
                message["caption_entities"] = formatted.entities
        markup = _check_reply_markup(params.get("reply_markup"))
        replied = self._reply_target(state, params)
        message["message_id"] = state.take_message_id()
        if replied is not None:
            message["reply_to_message"] = replied
        if markup is not None and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        state.bot_messages[message["message_id"]] = _BotMessage(
            message, str(caption or ""), markup, _str_param(params, "parse_mode")
        )
        return message

    def document_data(self, file_id: str) -> bytes:
        """What a document the bot sent holds."""
        return self._files[file_id][1]

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
        if "text" not in message.api:  # a photo: its caption is edited with editMessageCaption
            raise _ApiError(400, NO_TEXT_TO_EDIT)
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

    def _edit_message_caption(self, params: JSON) -> JSON:
        state, message = self._editable(params)
        if "photo" not in message.api:
            raise _ApiError(400, NO_CAPTION_TO_EDIT)
        caption = self._caption(
            params.get("caption"), params.get("parse_mode"), params.get("caption_entities")
        )
        return self._edit_media_message(state, message, params, message.api["photo"], caption)

    def _edit_message_media(self, params: JSON) -> JSON:
        state, message = self._editable(params)
        if "photo" not in message.api:
            raise _ApiError(400, NO_MEDIA_TO_EDIT)
        media = params.get("media")
        if not isinstance(media, Mapping):
            raise _bad("can't parse InputMedia JSON object")
        if media.get("type") != "photo":
            raise _ApiError(501, "Not Implemented: the fake imitates photos only")
        photo = media.get("media")
        if isinstance(photo, str) and photo.startswith("attach://"):
            photo = params.get(photo.removeprefix("attach://"))
        sizes = self.photos.sizes(photo)
        caption = self._caption(
            media.get("caption"), media.get("parse_mode"), media.get("caption_entities")
        )
        return self._edit_media_message(state, message, {**params, **media}, sizes, caption)

    def _edit_media_message(
        self,
        state: _ChatState,
        message: _BotMessage,
        params: Mapping[str, Any],
        sizes: list[JSON],
        caption: FormattedText,
    ) -> JSON:
        """A photo message with this photo, caption and keyboard (none: taken away)."""
        markup = _check_reply_markup(params.get("reply_markup"), inline_only=True)
        inline = markup if markup and markup.get("inline_keyboard") else None
        old = message.api
        if (
            old["photo"] == sizes
            and old.get("caption", "") == caption.text
            and old.get("caption_entities", []) == caption.entities
            and old.get("reply_markup") == inline
        ):
            raise _ApiError(400, NOT_MODIFIED)
        kept = ("photo", "caption", "caption_entities", "reply_markup")
        api = {k: v for k, v in old.items() if k not in kept}
        api["photo"] = sizes
        api["edit_date"] = _now()
        _set_caption(api, caption)
        if inline is not None:
            api["reply_markup"] = inline
        state.bot_messages[api["message_id"]] = _BotMessage(
            api, _str_param(params, "caption") or "", inline, _str_param(params, "parse_mode")
        )
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


def _now() -> int:
    return int(time.time())


def _set_caption(message: JSON, caption: FormattedText) -> None:
    if caption.text:
        message["caption"] = caption.text
    if caption.entities:
        message["caption_entities"] = caption.entities
