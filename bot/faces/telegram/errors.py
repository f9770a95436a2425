"""The one error handler: log with the update id (never the token), reply politely."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.conversation.conversation import STORE_FAILED
from bot.conversation.i18n import N_, translator
from bot.faces.telegram.handlers import telegram_language
from bot.store import StoreError

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Errors routed by type: storage trouble for the operator, anything else as a bug."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, StoreError):
        log.error("favourites storage failed (update %s): %s", update_id, error)
        text = STORE_FAILED
    elif isinstance(error, TelegramError):
        log.warning("Telegram refused a request (update %s): %s", update_id, error)
        return
    else:
        log.error("unexpected error (update %s)", update_id, exc_info=error)
        text = N_("Sorry, something went wrong on my side. Please try again.")
    if not isinstance(update, Update):
        return
    text = translator(telegram_language(update))(text)
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):  # already answered, or too old
            await update.callback_query.answer(text, show_alert=True)
        return
    if update.effective_message is not None:
        try:
            await update.effective_message.reply_text(text, parse_mode=None)
        except TelegramError:
            log.warning("could not tell the user about the error (update %s)", update_id)
