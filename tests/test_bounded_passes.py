"""The cuts that skip work in the name look-up and the FAQ match keep the same matches as the
passes without them, on a synthetic library large enough for common words to touch hundreds
of names and entries (the bundled pages alone rarely reach the array passes)."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import build_tree
from bot.content import load_library
from bot.engine import AnswerEngine, matching, postings
from bot.engine.index import LanguageIndex
from bot.engine.message import names_fully
from tests.answer_quality import load_cases


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> LanguageIndex:
    tree = build_tree(Path(tmp_path_factory.mktemp("varied")), 400, "varied")
    engine = AnswerEngine(load_library(tree).library, rng=random.Random(1))
    return engine._index("en")


def _lookups(index: LanguageIndex) -> list[str]:
    names = index.names
    found: list[str] = []
    some = [e for e in names._exercise_ids][::5]
    for case in load_cases("en"):
        message = index.analyse(case["text"])
        for limit in (6, 2, 1):
            found.append(repr(names.lookup(message, limit=limit)))
        found.append(repr(names.lookup(message, 3, among=some)))
        said = frozenset(range(len(message.words))[-2:])
        found.append(repr(names.lookup(message, None, among=some, covering=said, enough=3)))
    return found


def test_name_cut_keeps_the_matches(large: LanguageIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "FEW_POSTINGS", -1)  # every message through the arrays
    cut = _lookups(large)
    # The names left after the cut ranked as arrays, or all in Python, however many.
    monkeypatch.setattr(matching, "FEW_ROWS", -1)
    assert _lookups(large) == cut
    monkeypatch.setattr(matching, "FEW_ROWS", 10**9)
    assert _lookups(large) == cut
    # The weight found counted apart from the terms held, exactly, for the cut too.
    monkeypatch.setattr(matching, "_PACKED_TERMS", 0)
    assert _lookups(large) == cut
    monkeypatch.setattr(matching, "_PACKED_TERMS", 20)
    # No cut before the exact scores: every exercise a word touches is scored.
    monkeypatch.setattr(matching, "_kth_best", lambda *_: None)
    assert _lookups(large) == cut
    # Each name's terms counted one pass per term, as for a message saying more name words
    # than there are bits, and the first term holding each name found by binary searches
    # rather than in one array.
    monkeypatch.setattr(matching, "_MASK_BITS", 0)
    assert _lookups(large) == cut
    monkeypatch.setattr(postings, "_SEARCH_STEPS", 0)
    assert _lookups(large) == cut
    # One name at a time, as for words said in few names.
    monkeypatch.undo()
    monkeypatch.setattr(matching, "FEW_POSTINGS", 10**9)
    assert _lookups(large) == cut


def _faq_matches(index: LanguageIndex) -> list[str]:
    found: list[str] = []
    for case in load_cases("en"):
        message = index.analyse(case["text"])
        terms = [t for t, stop in zip(message.terms, message.stop, strict=True) if not stop]
        for faq in (index.faq, index.passages):
            found.append(repr(faq.match(terms, limit=10)))
            found.append(repr(faq.match(terms, limit=3, focus=frozenset(terms[-3:]))))
    return found


def test_faq_floor_keeps_the_matches(large: LanguageIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    floored = _faq_matches(large)
    # Every entry a word touches ranked for the shortlist, none left out by the floor.
    monkeypatch.setattr(postings.Sums, "floor", lambda *_: 0.0)
    assert _faq_matches(large) == floored


def test_names_in_full_skip_keeps_the_matches(
    large: LanguageIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story's sentences are looked up only for names said in full: the look-up gives up
    when no name can score 1.0, with the same result as ranking them all."""
    sentences = [
        sentence
        for case in load_cases("en")
        for sentence in re.split(r"[.!?,]", case["text"])
        if sentence.strip()
    ]
    monkeypatch.setattr(matching, "FEW_POSTINGS", -1)  # every sentence through the arrays
    skipped = [repr(names_fully(sentence, large)) for sentence in sentences]
    assert any(found != "[]" for found in skipped)
    lookup = matching.NameIndex.lookup

    def ranked_all(self: matching.NameIndex, *args: Any, **kwargs: Any) -> matching.NameLookup:
        return lookup(self, *args, **{**kwargs, "in_full": False})

    monkeypatch.setattr(matching.NameIndex, "lookup", ranked_all)
    assert [repr(names_fully(sentence, large)) for sentence in sentences] == skipped
