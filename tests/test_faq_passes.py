"""The FAQ scoring's two passes give the same matches: one entry at a time (a few entries: those
of the exercises a message names) and as arrays (a long shortlist). Both are run on every
development message, for the shortlists `match` makes and for a few entries of named pages."""

from __future__ import annotations

import random

import pytest

from bot.content import Library
from bot.engine import AnswerEngine
from bot.engine.faq import FaqIndex
from tests.answer_quality import load_cases


@pytest.mark.parametrize("lang", ["en", "es"])
def test_both_passes_give_the_same_matches(
    library: Library, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = AnswerEngine(library, rng=random.Random(1))._index(lang)
    messages = [index.analyse(case["text"]) for case in load_cases(lang)]
    some = [e.id for e in library.catalogue()][::7]

    def matches(faq: FaqIndex) -> list[object]:
        found: list[object] = []
        for number, message in enumerate(messages):
            terms = [t for t, stop in zip(message.terms, message.stop, strict=True) if not stop]
            focus = frozenset(terms[-3:])
            found.append(faq.match(terms, limit=10))
            found.append(faq.match(terms, limit=10, focus=focus))
            within = faq.entries_of(some[number % len(some)], some[(number + 1) % len(some)])
            found.append(faq.match(terms, within=within, limit=3, known_only=True))
            found.append(faq.match(terms, within=within, by_page=True, focus=focus))
        return found

    for faq in (index.faq, index.passages):
        one_by_one = matches(faq)
        assert any(one_by_one)
        monkeypatch.setattr(FaqIndex, "FEW_ENTRIES", -1)  # every shortlist through the arrays
        assert matches(faq) == one_by_one
        monkeypatch.setattr(FaqIndex, "FEW_ENTRIES", 10**6)  # every one entry at a time
        assert matches(faq) == one_by_one
        monkeypatch.undo()
