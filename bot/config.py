"""Where settings come from: command-line flags, then environment variables, then defaults."""

from __future__ import annotations

import os
from pathlib import Path

_REPO_CONTENT = Path(__file__).resolve().parent.parent / "content"


def default_content_dir() -> Path:
    """The content tree: $PILATES_BOT_CONTENT, else the one bundled with the bot."""
    configured = os.environ.get("PILATES_BOT_CONTENT")
    return Path(configured) if configured else _REPO_CONTENT


def default_db_path() -> Path:
    """The favourites database: $PILATES_BOT_DB, else data/pilates-bot.sqlite3 here."""
    configured = os.environ.get("PILATES_BOT_DB")
    return Path(configured) if configured else Path("data") / "pilates-bot.sqlite3"
