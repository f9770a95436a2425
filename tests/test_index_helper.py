"""From HELPED_PAGES pages on, the names and the vocabulary are indexed in a forked helper
process while this one indexes the FAQ and passages: the same index, and one built here when
the helper dies."""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np
import pytest

from bot.content import load_library
from bot.engine import index
from bot.engine.index import LanguageIndex
from bot.engine.spelling import word_lists
from tests.conftest import CONTENT, watch_helper_starts


def same(a: Any, b: Any, where: str = "state") -> None:
    """Equal values of the same types; dicts iterating in the same order, and sets too where
    they are iterated (a set sent from another process comes back in another order: the other
    sets of an index are only asked whether they hold a word)."""
    assert type(a) is type(b), where
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and np.array_equal(a, b), where
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for number, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{number}]")
    elif isinstance(a, frozenset | set):
        assert a == b, where
        if where.endswith("['_cues']"):  # Speller.cue_set: iterated
            assert list(a) == list(b), where
    else:
        assert a == b, where


def build(lang: str) -> dict[str, Any]:
    return LanguageIndex(load_library(CONTENT).library, lang).state()


def test_an_index_built_with_a_helper_is_the_index_built_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = {lang: build(lang) for lang in ("en", "es")}
    monkeypatch.setattr(index, "HELPED_PAGES", 2)
    started = watch_helper_starts(monkeypatch)
    for lang in ("en", "es"):
        same(build(lang), alone[lang])
    assert started == [threading.active_count() == 1] * 2  # forked unless threads are about


def test_the_word_lists_read_while_the_helper_works_are_the_lists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """This process reads them while the helper builds the names (the helper does not)."""
    from bot.engine import spelling

    expected = word_lists("en")
    monkeypatch.setattr(spelling, "_LISTS", {})  # this process has not read them
    monkeypatch.setattr(index, "HELPED_PAGES", 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    build("en")
    assert word_lists("en") == expected


def test_the_word_lists_handed_back_early_are_the_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper reads the word lists first and hands them back as joined strings: the same
    sets, iterating in the same order, as read here."""
    from bot.engine import spelling

    expected = word_lists("en")
    monkeypatch.setattr(spelling, "_LISTS", {})
    monkeypatch.setattr(index, "HELPED_PAGES", 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    parent, read = os.getpid(), spelling._read_lists

    def in_the_helper(
        lang: str | None, counts: dict[str, int] | None = None
    ) -> tuple[list[str], list[str]]:
        assert os.getpid() != parent, "read here"
        return read(lang, counts)

    monkeypatch.setattr(spelling, "_read_lists", in_the_helper)
    build("en")
    assert word_lists("en") == expected
    assert [list(s) for s in word_lists("en")] == [list(s) for s in expected]


def test_values_handed_back_early_come_before_the_result() -> None:
    from bot.content import helper_process

    def work() -> str:
        assert helper_process.hand_back([1, 2])
        helper_process.hand_back("not asked for")
        return "done"

    helper = helper_process.Helper(work)
    assert helper.early() == [1, 2]
    assert helper.result() == "done"
    assert not helper_process.hand_back("not in a helper")
    quiet = helper_process.Helper(lambda: "done")
    assert quiet.early() is None and quiet.result() == "done"  # kept for result()


def test_the_index_of_a_helper_that_dies_is_built_here(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = build("en")
    real_words = LanguageIndex._build_words
    parent = os.getpid()

    def dying(self: LanguageIndex, library: Any) -> dict[str, Any]:
        if os.getpid() != parent:  # in the helper: it dies at once
            os._exit(1)
        return real_words(self, library)

    monkeypatch.setattr(LanguageIndex, "_build_words", dying)
    monkeypatch.setattr(index, "HELPED_PAGES", 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    same(build("en"), alone)


def test_no_helper_while_the_cores_are_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "getloadavg", lambda: (6.0, 6.0, 6.0))
    assert index.helper_process.start(lambda: 1) is None


def test_a_helper_whose_result_is_not_taken_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that fails before taking the result closes the helper: it is not left waiting
    to send (its result is larger than a pipe holds)."""
    import time

    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    helper = index.helper_process.start(lambda: "x" * 10_000_000)
    assert helper is not None
    started = time.monotonic()
    helper.close()
    assert time.monotonic() - started < 5
    assert not helper._process.is_alive()


def test_a_helper_hands_back_its_result() -> None:
    from bot.content import helper_process

    helper = helper_process.Helper(lambda: {"pages": [1, 2, 3], "text": "é" * 100_000})
    assert helper.result() == {"pages": [1, 2, 3], "text": "é" * 100_000}
    assert not helper._process.is_alive()


def test_the_collector_is_paused_during_start_up_and_left_as_found() -> None:
    import gc

    from bot.content import collector

    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause holds
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
    load_library(CONTENT)
    assert gc.isenabled()
