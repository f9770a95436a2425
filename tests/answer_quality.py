"""Grading the engine against the labelled message sets in tests/answer_set/.

`en.yaml` and `es.yaml` are the development sets (tune on them). `blind/*.yaml` were written
by someone who had read only the content and the `ask --json` contract; they are graded as the
outside sets are: `accept` lists other right answers, `steps` where `overview` was expected is
right, and a confident answer (exercise, FAQ, random) that is not right is counted on its own
as "confidently wrong", the worst outcome.

`python -m tests.answer_quality [SET ...]` prints the tables and every miss.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content import Exercise
from bot.engine import Answer, AnswerEngine, AnswerKind
from bot.languages.text import fold, stem

ANSWER_SETS = Path(__file__).resolve().parent / "answer_set"
CONFIDENT = {AnswerKind.EXERCISE, AnswerKind.FAQ, AnswerKind.RANDOM, AnswerKind.SESSION}


@dataclass(frozen=True)
class Graded:
    case: dict[str, Any]
    answer: Answer
    correct: bool

    @property
    def confidently_wrong(self) -> bool:
        return not self.correct and self.answer.kind in CONFIDENT


def load_cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((ANSWER_SETS / f"{name}.yaml").read_text("utf-8"))
    return cases


def blind_sets() -> list[str]:
    """The blind sets, by name ("blind/b2-en"), language last in the name."""
    return sorted(f"blind/{p.stem}" for p in (ANSWER_SETS / "blind").glob("*.yaml"))


def set_lang(name: str) -> str:
    """ "blind/b2-es" and "es-b1" are Spanish sets, "en" English."""
    return name.rsplit("-", 1)[-1] if name.startswith("blind/") else name.split("-", 1)[0]


def retired_sets() -> list[str]:
    """More development sets: retired blind sets ("en-b1") and sets written for tuning
    ("es-d1")."""
    return sorted(p.stem for p in ANSWER_SETS.glob("*-*.yaml"))


def _fits(exercise: Exercise, filters: dict[str, Any], engine: AnswerEngine) -> bool:
    if "difficulty" in filters and exercise.difficulty != filters["difficulty"]:
        return False
    if "equipment" in filters and filters["equipment"] not in exercise.equipment:
        return False
    if "muscle" in filters:
        # A muscle may be labelled in English for a Spanish page, or the other way round.
        exercise_id = exercise.id
        pages = [engine.library.get(exercise_id, lang) for lang in engine.library.languages]
        muscles = {fold(m) for page in pages if page is not None for m in page.muscles}
        wanted = stem(fold(filters["muscle"]))
        if not any(wanted in m for m in muscles):
            return False
    return not ("max_seconds" in filters and (exercise.duration or 0) > filters["max_seconds"])


def _matches(expected: dict[str, Any], answer: Answer, engine: AnswerEngine, lenient: bool) -> bool:
    kind = AnswerKind(expected["kind"])
    if answer.kind is not kind:
        return False
    if kind is AnswerKind.EXERCISE:
        section = expected.get("section", "overview")
        sections = {section, "steps"} if lenient and section == "overview" else {section}
        level = expected.get("level")
        return (
            answer.exercise is not None
            and answer.exercise.id == expected["exercise"]
            and answer.section in sections
            and (level is None or answer.level is None or answer.level == level)
        )
    if kind is AnswerKind.FAQ:
        return answer.faq is not None and answer.faq.question == expected["question"]
    if kind is AnswerKind.RANDOM:
        filters = expected.get("filters") or {}
        if answer.exercise is None:
            return not any(_fits(e, filters, engine) for e in engine.library.catalogue(answer.lang))
        return _fits(answer.exercise, filters, engine)
    if kind is AnswerKind.SUGGESTIONS:
        return set(expected["candidates"]) <= {e.id for e in answer.candidates}
    if kind is AnswerKind.SESSION:
        # A session of the level asked that does not run over the time asked.
        session, filters = answer.session, expected.get("filters") or {}
        minutes = expected.get("minutes")
        level = filters.get("difficulty")
        return (
            session is not None
            and bool(session.exercises)
            and (minutes is None or session.seconds <= minutes * 60)
            and (level is None or session.request.filters.difficulty == level)
        )
    return True


def is_correct(
    case: dict[str, Any], answer: Answer, engine: AnswerEngine, *, lenient: bool = False
) -> bool:
    return any(
        _matches(expected, answer, engine, lenient)
        for expected in (case, *(case.get("accept") or ()))
    )


def grade(engine: AnswerEngine, name: str) -> list[Graded]:
    lang = set_lang(name)
    lenient = name.startswith("blind/")
    graded = []
    for case in load_cases(name):
        answer = engine.answer(case["text"], lang)
        graded.append(Graded(case, answer, is_correct(case, answer, engine, lenient=lenient)))
    return graded


def accuracy(graded: list[Graded]) -> float:
    return sum(g.correct for g in graded) / len(graded)


def confidently_wrong(graded: list[Graded]) -> float:
    return sum(g.confidently_wrong for g in graded) / len(graded)


def table(graded: list[Graded]) -> str:
    by_category: dict[str, list[Graded]] = defaultdict(list)
    for g in graded:
        by_category[g.case["category"]].append(g)
    lines = [f"{'category':<18} {'n':>4} {'top-1':>7} {'conf. wrong':>12}"]
    for category, results in [*by_category.items(), ("overall", graded)]:
        lines.append(
            f"{category:<18} {len(results):>4} {accuracy(results):>7.1%}"
            f" {confidently_wrong(results):>12.1%}"
        )
    return "\n".join(lines)


def describe(answer: Answer, engine: AnswerEngine) -> str:
    exercise = answer.exercise.id if answer.exercise else None
    extra = answer.faq.question if answer.faq else [e.id for e in answer.candidates]
    level = f" {answer.level}" if answer.level else ""
    return f"{answer.kind} {exercise} {answer.section}{level} {extra}"


def expected(case: dict[str, Any]) -> str:
    keys = ("kind", "exercise", "section", "level", "question", "candidates", "filters")
    return " ".join(str(case[k]) for k in keys if case.get(k) is not None)


def main(names: list[str]) -> None:
    import random

    from bot.content import load_library

    engine = AnswerEngine(load_library(ANSWER_SETS.parent.parent / "content").library)
    engine._rng = random.Random(7)
    for name in names or ["en", "es", *retired_sets(), *blind_sets()]:
        graded = grade(engine, name)
        print(f"== {name}\n{table(graded)}")
        for g in graded:
            if not g.correct:
                mark = "!!" if g.confidently_wrong else "  "
                print(f"{mark} [{g.case['category']}] {g.case['text']!r}")
                print(f"     want {expected(g.case)}\n     got  {describe(g.answer, engine)}")


if __name__ == "__main__":
    main(sys.argv[1:])
