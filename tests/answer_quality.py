"""Grading the engine against the labelled message sets in tests/answer_set/."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.answers import Answer, AnswerEngine, AnswerKind
from bot.content import Exercise
from bot.text import fold, stem

ANSWER_SETS = Path(__file__).resolve().parent / "answer_set"
CONFIDENT = {AnswerKind.EXERCISE, AnswerKind.FAQ, AnswerKind.RANDOM}


@dataclass(frozen=True)
class Graded:
    case: dict[str, Any]
    answer: Answer
    correct: bool


def load_cases(lang: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((ANSWER_SETS / f"{lang}.yaml").read_text("utf-8"))
    return cases


def _fits(exercise: Exercise, filters: dict[str, Any]) -> bool:
    if "difficulty" in filters and exercise.difficulty != filters["difficulty"]:
        return False
    if "equipment" in filters and filters["equipment"] not in exercise.equipment:
        return False
    if "muscle" in filters:
        wanted = stem(fold(filters["muscle"]))
        if not any(wanted in fold(m) for m in exercise.muscles):
            return False
    return not ("max_seconds" in filters and (exercise.duration or 0) > filters["max_seconds"])


def is_correct(case: dict[str, Any], answer: Answer, engine: AnswerEngine) -> bool:
    kind = AnswerKind(case["kind"])
    if answer.kind is not kind:
        return False
    ids = engine.library.id_of
    if kind is AnswerKind.EXERCISE:
        return (
            answer.exercise is not None
            and ids(answer.exercise) == case["exercise"]
            and answer.section == case.get("section", "overview")
        )
    if kind is AnswerKind.FAQ:
        return answer.faq is not None and answer.faq.question == case["question"]
    if kind is AnswerKind.RANDOM:
        filters = case.get("filters") or {}
        if answer.exercise is None:
            return not any(_fits(e, filters) for e in engine.library.catalogue(answer.lang))
        return _fits(answer.exercise, filters)
    if kind is AnswerKind.SUGGESTIONS:
        return set(case["candidates"]) <= {ids(e) for e in answer.candidates}
    return True


def grade(engine: AnswerEngine, lang: str) -> list[Graded]:
    graded = []
    for case in load_cases(lang):
        answer = engine.answer(case["text"], lang)
        graded.append(Graded(case, answer, is_correct(case, answer, engine)))
    return graded


def table(graded: list[Graded]) -> str:
    by_category: dict[str, list[bool]] = defaultdict(list)
    for g in graded:
        by_category[g.case["category"]].append(g.correct)
    lines = [f"{'category':<18} {'n':>4} {'top-1':>7}"]
    for category, results in by_category.items():
        lines.append(f"{category:<18} {len(results):>4} {sum(results) / len(results):>7.1%}")
    total = [g.correct for g in graded]
    lines.append(f"{'overall':<18} {len(total):>4} {sum(total) / len(total):>7.1%}")
    return "\n".join(lines)


def describe(answer: Answer, engine: AnswerEngine) -> str:
    exercise = engine.library.id_of(answer.exercise) if answer.exercise else None
    extra = (
        answer.faq.question if answer.faq else [engine.library.id_of(e) for e in answer.candidates]
    )
    return f"{answer.kind} {exercise} {answer.section} {extra}"
