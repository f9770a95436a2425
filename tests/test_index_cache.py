"""The index cache: a start with the same content reads it; anything else rebuilds it, and no
cache file, however damaged, stops the bot or serves content that is no longer there."""

from __future__ import annotations

import hashlib
import io
import logging
import marshal
import os
import random
import shutil
from pathlib import Path

import pytest

from bot.content import load_library
from bot.engine import AnswerEngine
from bot.engine.cache import MAGIC, cache_file, content_key, start_engine
from bot.faces.cli import answer_json
from tests.conftest import CONTENT

PAGES = ("teaser", "the-hundred", "roll-up", "swan-dive", "the-saw")
MESSAGES = (
    "teaser",
    "how do I breathe in the hundred",
    "my neck hurts in the roll up",
    "random beginner exercise",
    "la sierra",
    "swan or saw?",
    "lying on my stomach lifting my chest",
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "exercises"
    folder.mkdir(parents=True)
    for slug in PAGES:
        for page in (CONTENT / "exercises").glob(f"{slug}.*md"):
            shutil.copy(page, folder / page.name)
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    return tmp_path / "content"


def answers(engine: AnswerEngine) -> list[object]:
    found = []
    for lang in ("en", "es"):
        for text in MESSAGES:
            engine._rng.seed(text)
            found.append(answer_json(engine.answer(text, lang)))
        found.append([e.id for e in engine.search("tea", lang)])
    return found


def fresh(content: Path) -> list[object]:
    return answers(AnswerEngine(load_library(content).library, random.Random()))


def test_a_second_start_reads_the_cache_and_answers_the_same(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = start_engine(content, cache, random.Random())
    second = start_engine(content, cache, random.Random())
    assert (first.from_cache, second.from_cache) == (False, True)
    loaded = load_library(content)
    assert second.result.library.pages() == loaded.library.pages()
    for lang in ("en", "es"):
        assert second.result.library.catalogue(lang) == loaded.library.catalogue(lang)
    assert second.result.problems == loaded.problems and loaded.errors
    assert answers(second.engine) == answers(first.engine) == fresh(content)


def test_changed_content_is_indexed_again_even_with_the_same_size_and_time(
    content: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    start_engine(content, cache)
    page = content / "exercises" / "teaser.md"
    before = page.stat()
    text = page.read_text("utf-8")
    page.write_text(text.replace('title: "Teaser"', 'title: "Tizer!"'), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    again = start_engine(content, cache)
    assert not again.from_cache
    assert again.result.library.get("teaser") is not None
    assert again.result.library.get("teaser").title == "Tizer!"  # type: ignore[union-attr]
    assert start_engine(content, cache).from_cache


def test_a_new_or_removed_page_is_indexed_again(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    start_engine(content, cache)
    for page in (content / "exercises").glob("the-saw.*md"):
        page.unlink()
    again = start_engine(content, cache)
    assert not again.from_cache and "the-saw" not in again.result.library


def damage(file: Path, how: str) -> None:
    data = bytearray(file.read_bytes())
    if how == "flipped":
        data[len(data) // 2] ^= 0xFF
    elif how == "truncated":
        del data[len(data) // 3 :]
    elif how == "empty":
        data = bytearray()
    elif how == "garbage":
        data = bytearray(os.urandom(4096))
    elif how == "old format":
        data[: len(MAGIC)] = b"pilates-bot index cache0"[: len(MAGIC)]
    elif how == "not ours":  # a file with the right key and digest but no index in it
        payload = marshal.dumps(["not", "an", "index"])
        digest = hashlib.blake2b(payload, digest_size=32).digest()
        data = bytearray(bytes(data[: len(MAGIC) + 32]) + digest + payload)
    elif how == "half ours":  # right key and digest, an index missing its parts
        payload = marshal.dumps({"pages": [], "problems": [], "words": {}, "indexes": {}})
        digest = hashlib.blake2b(payload, digest_size=32).digest()
        data = bytearray(bytes(data[: len(MAGIC) + 32]) + digest + payload)
    file.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "how", ["flipped", "truncated", "empty", "garbage", "old format", "not ours", "half ours"]
)
def test_a_damaged_cache_is_ignored_and_written_again(
    content: Path, tmp_path: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    start_engine(content, cache)
    damage(cache_file(cache, content), how)
    with caplog.at_level(logging.WARNING):
        again = start_engine(content, cache, random.Random())
    assert not again.from_cache
    assert answers(again.engine) == fresh(content)
    assert start_engine(content, cache).from_cache  # written again, whole


def test_a_cache_folder_that_cannot_be_written_only_costs_the_indexing(
    content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING):
        started = start_engine(content, blocked / "cache", random.Random())
    assert not started.from_cache and answers(started.engine) == fresh(content)
    assert "not written" in caplog.text


def test_no_cache_writes_nothing(content: Path, tmp_path: Path) -> None:
    before = set(tmp_path.rglob("*"))
    started = start_engine(content, None)
    assert not started.from_cache and set(tmp_path.rglob("*")) == before


def test_the_key_follows_the_pages_bytes_not_their_times(content: Path) -> None:
    key = content_key(content)
    page = content / "exercises" / "swan-dive.md"
    os.utime(page, (1, 1))
    assert content_key(content) == key
    page.write_text(page.read_text("utf-8") + "\nMore.\n", encoding="utf-8")
    assert content_key(content) != key


def test_the_cli_starts_through_the_cache(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.faces.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # the chat ends at once

    cache = tmp_path / "cli-cache"
    for _ in range(2):
        assert main(["ask", "--content", str(content), "--cache", str(cache), "teaser"]) == 0
    assert cache_file(cache, content).is_file()
    assert main(["chat", "--content", str(content), "--db", str(tmp_path / "d" / "f.db")]) == 0
    assert cache_file(tmp_path / "d" / ".cache", content).is_file()  # beside the database
    off = tmp_path / "off"
    assert (
        main(["chat", "--content", str(content), "--db", str(off / "f.db"), "--cache", "off"]) == 0
    )
    assert not (off / ".cache").exists()
