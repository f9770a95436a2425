"""The name look-up's two passes give the same matches: one name at a time (words said in few
names, every message on the bundled pages) and as arrays (common words on a large library).
The bundled pages alone would never reach the array pass, so both are run on every message."""

from __future__ import annotations

import random

import pytest

from bot.content import Library
from bot.engine import AnswerEngine, matching
from tests.answer_quality import load_cases


@pytest.mark.parametrize("lang", ["en", "es"])
def test_both_passes_give_the_same_matches(
    library: Library, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = AnswerEngine(library, rng=random.Random(1))._index(lang)
    names = index.names
    messages = [index.analyse(case["text"]) for case in load_cases(lang)]
    some = [e.id for e in library.catalogue()][::3]

    def lookups() -> list[object]:
        found: list[object] = []
        for message in messages:
            found.append(names.lookup(message))
            found.append(names.lookup(message, limit=2))
            found.append(names.lookup(message, None, among=some))
            said = frozenset(range(len(message.words))[:1])
            found.append(names.lookup(message, None, among=some, covering=said, enough=3))
        return found

    one_by_one = lookups()
    monkeypatch.setattr(matching, "FEW_POSTINGS", -1)  # every message through the arrays
    assert lookups() == one_by_one
    assert any(lookup.matches for lookup in one_by_one)  # type: ignore[attr-defined]
