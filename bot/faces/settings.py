"""Settings: command-line flags over environment variables over defaults, read in one place.

`Settings.from_sources` is the only code that reads the environment; everything else is handed
a `Settings`. A standard-library dataclass rather than pydantic-settings: a dozen plain fields
need no extra dependency.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from bot.content import DEFAULT_LANG, Website
from bot.store.postgres import is_postgres_url

BUNDLED_CONTENT = Path(__file__).resolve().parents[2] / "content"  # bot/faces/ -> the repository
DEFAULT_DB = Path("data") / "pilates-bot.sqlite3"
# The index cache lives with the database by default: the folder the bot may already write
# (a Docker volume, systemd's StateDirectory), not the user's home.
CACHE_FOLDER = ".cache"
CACHE_OFF = frozenset({"off", "none", "no", "0"})


def database(text: str) -> Path | str:
    """`--db`, `PILATES_BOT_DB`: a PostgreSQL URL as written, anything else a SQLite path."""
    return text if is_postgres_url(text) else Path(text)


def admin_ids(text: str) -> frozenset[int]:
    """`--admin-ids`, `PILATES_BOT_ADMIN_IDS`: Telegram user ids, by commas or spaces."""
    found = text.replace(",", " ").split()
    if not all(part.isdigit() for part in found):
        raise ValueError(f"admin ids are Telegram user ids (numbers): {text!r}")
    return frozenset(int(part) for part in found)


def days(text: str) -> int:
    """`--log-retention`: whole days, 0 or more."""
    value = int(text)
    if value < 0:
        raise ValueError("a retention is 0 days or more")
    return value


# The settings an environment variable can give, and how its text becomes the value.
ENVIRONMENT: dict[str, tuple[str, Callable[[str], object]]] = {
    "token": ("TELEGRAM_BOT_TOKEN", str),
    "content": ("PILATES_BOT_CONTENT", Path),
    "db": ("PILATES_BOT_DB", database),
    "cache": ("PILATES_BOT_CACHE", Path),
    "base_url": ("TELEGRAM_API_BASE_URL", str),
    "secret_token": ("TELEGRAM_WEBHOOK_SECRET", str),
    "site_url": ("PILATES_BOT_SITE_URL", str),
    "log_retention": ("PILATES_BOT_LOG_RETENTION", days),
    "admin_ids": ("PILATES_BOT_ADMIN_IDS", admin_ids),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What the commands run with; each field is named after its flag (`--base-url`: base_url)."""

    content: Path = BUNDLED_CONTENT  # the content tree
    # A SQLite file, or a postgresql:// URL (whose password stays out of repr).
    db: Path | str = field(default=DEFAULT_DB, repr=False)
    # The index cache's folder (bot/engine/cache.py); None: `.cache` beside the database;
    # "off" (or "none"): no cache.
    cache: Path | None = None
    lang: str = DEFAULT_LANG  # chat and ask
    # The website the content is published on (chat and run): pictures and page links.
    site_url: str | None = None
    # `run` only. The token and the secret stay out of repr, so they cannot reach a log.
    token: str | None = field(default=None, repr=False)
    base_url: str | None = None  # a self-hosted Bot API server
    webhook_url: str | None = None  # a webhook instead of long polling
    secret_token: str | None = field(default=None, repr=False)  # the webhook's secret
    listen: str = "127.0.0.1"  # behind a reverse proxy
    port: int = 8443
    max_connections: int = 40  # the webhook's, for setWebhook
    log_level: str = "INFO"
    concurrent_updates: int = 16
    # The answer log (run, chat): days message texts and notes are kept; 0 keeps none.
    log_retention: int = 30
    # `run`: the Telegram users answered on /reload and /report.
    admin_ids: frozenset[int] = frozenset()
    watch: bool = True  # `run`: reload the content when its files change (and on SIGHUP)

    @property
    def website(self) -> Website | None:
        """The site at `site_url`, None without one; WebsiteError for a URL that is not one."""
        return Website.at(self.site_url) if self.site_url else None

    @property
    def index_cache(self) -> Path | None:
        """Where the built index is kept between starts, or None when it is not kept."""
        if self.cache is None:
            folder = self.db.parent if isinstance(self.db, Path) else DEFAULT_DB.parent
            return folder / CACHE_FOLDER
        return None if str(self.cache).lower() in CACHE_OFF else self.cache

    @classmethod
    def from_sources(
        cls, flags: argparse.Namespace | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Each setting from its flag if given, else its environment variable, else the default.

        An empty value counts as not given. `environ` is `os.environ` unless a test passes one.
        """
        given = vars(flags) if flags is not None else {}
        if given.get("content") is None:  # `check DIR`: the folder may also come positionally
            given = {**given, "content": given.get("content_dir")}
        environment = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for setting in fields(cls):
            flag = given.get(setting.name)
            if flag is not None and flag != "":
                values[setting.name] = flag
            elif setting.name in ENVIRONMENT:
                variable, parse = ENVIRONMENT[setting.name]
                if environment.get(variable):
                    values[setting.name] = parse(environment[variable])
        return cls(**values)  # type: ignore[arg-type]
