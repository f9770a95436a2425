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


def test_spanish_accuracy_per_category(engine: AnswerEngine) -> None:
    graded = grade(engine, "es")
    REPORTS.append("Answer quality, Spanish (tests/answer_set/es.yaml)\n" + table(graded))
    assert len(graded) >= 200
    by_category: dict[str, list[bool]] = {}
    for g in graded:
        by_category.setdefault(g.case["category"], []).append(g.correct)
    below = {c for c, r in by_category.items() if sum(r) / len(r) < 0.85}
    assert not below, table(graded)
    assert sum(g.correct for g in graded) / len(graded) >= 0.85
    nones = [g for g in graded if g.case["kind"] == "none"]
    assert sum(g.answer.kind in CONFIDENT for g in nones) <= 0.03 * len(nones)
