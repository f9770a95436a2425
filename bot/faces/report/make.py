"""The report made from a store and the content now, off the event loop's thread."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.engine import AnswerEngine
from bot.faces.report.model import Report, build_report
from bot.store import Store


async def make_report(
    store: Store, engine: AnswerEngine, since: float, until: float, content_root: Path | None
) -> Report:
    """Grouping is quadratic in the messages: it runs in a worker thread, so a bot making
    /report goes on answering meanwhile."""
    entries = await store.answer_log(since, until)
    return await asyncio.to_thread(
        build_report, entries, engine, since=since, until=until, content_root=content_root
    )
