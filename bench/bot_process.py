"""A bot to measure, in its own process: ours, or a bare python-telegram-bot echo bot."""

from __future__ import annotations

import argparse
import logging
import random
from pathlib import Path

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.content import load_library
from bot.engine import AnswerEngine
from bot.faces.settings import Settings
from bot.faces.telegram.app import build_application
from bot.faces.telegram.transport import over_aiohttp
from bot.store import SqliteStore


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.callback_query:
        await update.callback_query.answer()


async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.inline_query:
        await update.inline_query.answer([])


def echo_bot(token: str, base_url: str, concurrent: int, transport: str) -> Application:  # type: ignore[type-arg]
    """python-telegram-bot as it comes, on its httpx transport or on ours."""
    root = base_url.removesuffix("/bot")
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(f"{root}/file/bot")
        .concurrent_updates(concurrent if concurrent > 1 else False)
    )
    if transport == "aiohttp":
        builder = over_aiohttp(builder, concurrent)
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(press))
    application.add_handler(InlineQueryHandler(inline))
    return application


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["ours", "echo", "echo-aiohttp"])
    parser.add_argument("--token", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--concurrent", type=int, default=1)
    parser.add_argument("--no-rate-limit", action="store_true")
    # The limiter before ChatPacing (python-telegram-bot's, 30 requests/s overall), to compare.
    parser.add_argument("--aio-rate-limiter", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.kind.startswith("echo"):
        transport = "aiohttp" if args.kind == "echo-aiohttp" else "httpx"
        application = echo_bot(args.token, args.base_url, args.concurrent, transport)
    else:
        library = load_library(Settings.from_sources().content).library
        engine = AnswerEngine(library, rng=random.Random(1))
        application = build_application(
            engine,
            SqliteStore(args.db),
            args.token,
            base_url=args.base_url,
            concurrent_updates=args.concurrent,
            rate_limit=not args.no_rate_limit,
        )
        if args.aio_rate_limiter:  # swapped in after the build, so the app is otherwise as deployed
            application.bot._rate_limiter = AIORateLimiter(max_retries=3)
    application.run_polling(poll_interval=0, timeout=10)


if __name__ == "__main__":
    main()
