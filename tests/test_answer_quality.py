"""Top-1 accuracy on realistic messages, by category; printed at the end of every test run."""

from __future__ import annotations

import random

import pytest

from bot.answers import AnswerEngine, AnswerKind
from bot.content import Library
from tests.answer_quality import CONFIDENT, grade, table

REPORTS: list[str] = []


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(7))


def test_english_accuracy(engine: AnswerEngine) -> None:
    graded = grade(engine, "en")
    REPORTS.append("Answer quality, English (tests/answer_set/en.yaml)\n" + table(graded))
    accuracy = sum(g.correct for g in graded) / len(graded)
    assert len(graded) >= 300
    nones = [g for g in graded if g.case["kind"] == "none"]
    confident = [g for g in nones if g.answer.kind in CONFIDENT]
    assert len(confident) <= 0.03 * len(nones), [g.case["text"] for g in confident]
    assert accuracy >= 0.90, table(graded)


def test_no_answer_kind_is_ever_left_without_content(engine: AnswerEngine) -> None:
    for text in ["", "   ", "👍", "?!", "the", "<b></b>"]:
        answer = engine.answer(text)
        assert answer.kind is AnswerKind.NONE
