"""Telegram's rules for reply markup: inline keyboards, buttons with exactly one action."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tests.fake_telegram.api import (
    BUTTON_DATA_INVALID,
    BUTTON_URL_INVALID,
    JSON,
    MAX_CALLBACK_DATA_BYTES,
    _ApiError,
    _bad,
)
from tests.fake_telegram.text import normalize_url

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
