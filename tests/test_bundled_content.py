"""The library we ship checks clean and every page is complete."""

from __future__ import annotations

import pytest

from bot.content import Exercise, Level, Library, load_library
from tests.conftest import CONTENT, SHARED_EXAMPLES

CLASSICAL_AND_MODERN = [
    "the-hundred",
    "roll-up",
    "roll-over",
    "single-leg-circles",
    "rolling-like-a-ball",
    "single-leg-stretch",
    "double-leg-stretch",
    "single-straight-leg-stretch",
    "double-straight-leg-stretch",
    "criss-cross",
    "spine-stretch-forward",
    "open-leg-rocker",
    "corkscrew",
    "the-saw",
    "swan-dive",
    "single-leg-kick",
    "double-leg-kick",
    "neck-pull",
    "scissors",
    "bicycle",
    "shoulder-bridge",
    "spine-twist",
    "jackknife",
    "side-kick-series",
    "teaser",
    "hip-twist",
    "swimming",
    "leg-pull-front",
    "leg-pull-back",
    "kneeling-side-kicks",
    "side-bend",
    "boomerang",
    "seal",
    "control-balance",
    "push-up",
    "inner-thigh-lifts",
    "clam-shell",
    "glute-bridge",
    "cat-cow",
    "plank",
    "side-plank",
    "mermaid",
    "chest-lift",
    "toe-taps",
]


def test_bundled_content_checks_clean() -> None:
    result = load_library(CONTENT)
    assert [str(p) for p in result.problems] == []
    assert len(result.library) >= 40


def test_repertoire_is_all_there(library: Library) -> None:
    assert set(CLASSICAL_AND_MODERN) <= set(library.ids)


def test_every_exercise_has_a_spanish_translation(library: Library) -> None:
    untranslated = [i for i in library.ids if library.get(i, "es").lang != "es"]  # type: ignore[union-attr]
    assert untranslated == []


def test_inner_thigh_lifts_is_the_sites_page_unchanged() -> None:
    shipped = (CONTENT / "exercises" / "inner-thigh-lifts.md").read_bytes()
    assert shipped == (SHARED_EXAMPLES / "inner-thigh-lifts.md").read_bytes()


def _pages() -> list[Exercise]:
    return list(load_library(CONTENT).library.catalogue())


@pytest.mark.parametrize("exercise", _pages(), ids=lambda e: e.slug)
def test_every_page_is_complete(exercise: Exercise) -> None:
    assert exercise.description and exercise.duration and exercise.equipment and exercise.muscles
    assert exercise.keywords
    assert 4 <= len(exercise.steps) <= 8
    assert exercise.modifications_at(Level.EASIER) and exercise.modifications_at(Level.HARDER)
    assert 3 <= len(exercise.faq) <= 5
    assert exercise.body.overview and exercise.body.benefits
    assert exercise.body.mistakes and exercise.body.tips
