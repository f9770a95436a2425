"""Settings: flags win over the environment, the environment over defaults, read in one place."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.faces.cli import build_parser
from bot.faces.settings import BUNDLED_CONTENT, DEFAULT_DB, ENVIRONMENT, Settings
from tests.conftest import ROOT

ENV = {
    "TELEGRAM_BOT_TOKEN": "123:from-env",
    "PILATES_BOT_CONTENT": "/env/content",
    "PILATES_BOT_DB": "/env/f.db",
    "PILATES_BOT_CACHE": "/env/cache",
    "TELEGRAM_API_BASE_URL": "http://env:8081/bot",
    "TELEGRAM_WEBHOOK_SECRET": "env-secret",
    "PILATES_BOT_SITE_URL": "https://env.example.com",
    "PILATES_BOT_LOG_RETENTION": "7",
    "PILATES_BOT_ADMIN_IDS": "11, 12",
}
FLAGS = [
    *("run", "--token", "123:from-flag", "--content", "/flag/content", "--db", "/flag/f.db"),
    *("--base-url", "http://flag:8081/bot", "--secret-token", "flag-secret"),
    *("--site-url", "https://flag.example.com/"),
    *("--log-retention", "0", "--admin-ids", "42"),
]


def settings(argv: list[str], environ: dict[str, str]) -> Settings:
    return Settings.from_sources(build_parser().parse_args(argv), environ)


def test_flags_win_over_the_environment() -> None:
    got = settings(FLAGS, ENV)
    assert got.token == "123:from-flag"
    assert got.content == Path("/flag/content")
    assert got.db == Path("/flag/f.db")
    assert got.base_url == "http://flag:8081/bot"
    assert got.secret_token == "flag-secret"
    assert got.site_url == "https://flag.example.com/"
    assert got.website is not None and got.website.base_url == "https://flag.example.com"
    assert (got.log_retention, got.admin_ids) == (0, frozenset({42}))  # 0 is given, not unset


def test_the_environment_wins_over_the_defaults() -> None:
    got = settings(["run"], ENV)
    assert got.token == "123:from-env"
    assert got.content == Path("/env/content")
    assert got.db == Path("/env/f.db")
    assert got.base_url == "http://env:8081/bot"
    assert got.secret_token == "env-secret"
    assert got.site_url == "https://env.example.com"
    assert settings(["chat"], ENV).site_url == "https://env.example.com"
    assert (got.log_retention, got.admin_ids) == (7, frozenset({11, 12}))


def test_without_flags_or_environment_the_defaults_hold() -> None:
    got = settings(["run"], {})
    assert got == Settings()
    assert got.content == BUNDLED_CONTENT and (BUNDLED_CONTENT / "exercises").is_dir()
    assert got.db == DEFAULT_DB
    assert (got.token, got.base_url, got.secret_token, got.webhook_url) == (None,) * 4
    assert got.site_url is None and got.website is None
    assert (got.lang, got.listen, got.port, got.log_level) == ("en", "127.0.0.1", 8443, "INFO")
    assert got.concurrent_updates == 16
    assert (got.log_retention, got.admin_ids, got.watch) == (30, frozenset(), True)


def test_an_empty_value_counts_as_not_given() -> None:
    assert settings(["run", "--token", ""], ENV).token == "123:from-env"
    assert settings(["run"], dict.fromkeys(ENV, "")) == Settings()


def test_flags_without_an_environment_variable_are_read_too() -> None:
    argv = [*("run", "--webhook-url", "https://bot.example.com/hook", "--listen", "0.0.0.0")]
    argv += [*("--port", "9000", "--log-level", "debug", "--concurrent-updates", "1")]
    got = settings(argv, {})
    assert got.webhook_url == "https://bot.example.com/hook"
    assert (got.listen, got.port, got.log_level, got.concurrent_updates) == (
        "0.0.0.0",
        9000,
        "DEBUG",
        1,
    )
    assert settings(["chat", "--lang", "es"], {}).lang == "es"


def test_the_index_cache_sits_beside_the_database_unless_moved_or_off() -> None:
    assert settings(["run"], {}).index_cache == DEFAULT_DB.parent / ".cache"
    assert settings(["run", "--db", "/x/f.db"], {}).index_cache == Path("/x/.cache")
    assert settings(["run"], ENV).index_cache == Path("/env/cache")
    assert settings(["ask", "hi", "--cache", "/flag/cache"], ENV).index_cache == Path("/flag/cache")
    assert settings(["chat", "--cache", "off"], ENV).index_cache is None
    assert settings(["run"], {"PILATES_BOT_CACHE": "none"}).index_cache is None


def test_check_takes_its_folder_positionally_or_as_a_flag() -> None:
    assert settings(["check", "/here"], ENV).content == Path("/here")
    assert settings(["check", "/here", "--content", "/flag"], ENV).content == Path("/flag")
    assert settings(["check"], ENV).content == Path("/env/content")


def test_settings_are_frozen_and_keep_secrets_out_of_repr() -> None:
    got = settings(FLAGS, {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.token = "other"  # type: ignore[misc]
    assert "from-flag" not in repr(got) and "flag-secret" not in repr(got)


def test_every_environment_variable_names_a_setting() -> None:
    names = {field.name for field in dataclasses.fields(Settings)}
    assert set(ENVIRONMENT) <= names
    assert {variable for variable, _ in ENVIRONMENT.values()} == set(ENV)


READS_ENVIRONMENT = re.compile(r"\b(?:environb?|getenv|putenv|unsetenv)\b")


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if READS_ENVIRONMENT.search(path.read_text("utf-8"))
    )
    assert readers == ["bot/faces/settings.py"]


def test_the_process_environment_is_read_when_none_is_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PILATES_BOT_DB", "/process/f.db")
    assert Settings.from_sources().db == Path("/process/f.db")
