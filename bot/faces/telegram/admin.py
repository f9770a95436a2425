"""Operators' commands, answered only for the user ids in --admin-ids (registered with a user
filter: anyone else's /reload or /report meets no handler and is ignored, like any unknown
command): /reload reads the content again, /report [7d] sends a summary and the HTML report."""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from telegram import Update
from telegram.ext import ContextTypes

from bot.conversation.conversation import Conversation
from bot.faces.live import LiveContent
from bot.faces.report import BadPeriod, parse_since, render_html, summary
from bot.faces.report.make import make_report
from bot.faces.telegram.delivery import deliver

Context = ContextTypes.DEFAULT_TYPE
CAPTION = 1024  # Telegram's limit on a document's caption
MESSAGE = 4000  # under Telegram's 4096, escaped text included


class AdminHandlers:
    def __init__(
        self, conversation: Conversation, live: LiveContent | None, content_root: Path | None
    ) -> None:
        self.conversation = conversation
        self.live = live
        self.content_root = content_root

    async def reload(self, update: Update, context: Context) -> None:
        """/reload: read the content tree again now; say what changed."""
        message = update.effective_message
        if message is None:
            return
        if self.live is None:
            text = "Live content is off in this bot."
        else:
            reloaded = await self.live.reload("/reload")
            text = (
                "Reloaded: " + reloaded.summary
                if reloaded is not None
                else "Not reloaded: no valid exercise page in the content; nothing changed."
            )
        await deliver(partial(message.reply_text, html.escape(text)[:MESSAGE]))

    async def report(self, update: Update, context: Context) -> None:
        """/report [7d]: the summary as a message, the whole report as an HTML document."""
        message = update.effective_message
        if message is None:
            return
        now = time.time()
        period = context.args[0] if context.args else "7d"
        try:
            since = parse_since(period, now)
        except BadPeriod as exc:
            await deliver(partial(message.reply_text, html.escape(str(exc))))
            return
        report = await make_report(
            self.conversation.store, self.conversation.engine, since, now, self.content_root
        )
        text = html.escape(summary(report))
        await deliver(partial(message.reply_text, text[:MESSAGE]))
        day = datetime.fromtimestamp(now, UTC).date().isoformat()
        document = render_html(report).encode("utf-8")
        await deliver(
            partial(
                message.reply_document,
                document=document,
                filename=f"pilates-bot-report-{day}.html",
                caption=html.escape(f"Report {report.period}")[:CAPTION],
            )
        )
