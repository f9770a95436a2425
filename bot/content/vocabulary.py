"""The words every layer shares about exercises: the parts of a card and the random filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.content.model import Difficulty, Exercise
from bot.languages.text import fold


class Section(StrEnum):
    OVERVIEW = "overview"
    STEPS = "steps"
    TIPS = "tips"
    MODIFICATIONS = "modifications"
    MISTAKES = "mistakes"
    BENEFITS = "benefits"
    VIDEO = "video"


# Filters travel in the "Another" button (bot/conversation/actions.py), so they hold only what a
# button can carry: a time bound of at most a day (every exercise takes minutes, so a longer
# bound, "under 999...9 minutes" included, is the same as a day) and words of plain letters.
MAX_BOUND_SECONDS = 24 * 60 * 60
FILTER_WORD = re.compile(r"[a-z]{1,24}")


@dataclass(frozen=True, slots=True)
class RandomFilters:
    difficulty: Difficulty | None = None
    equipment: str | None = None
    muscle: str | None = None
    max_seconds: int | None = None

    def __post_init__(self) -> None:
        if self.max_seconds is not None and not 0 <= self.max_seconds <= MAX_BOUND_SECONDS:
            object.__setattr__(
                self, "max_seconds", min(max(self.max_seconds, 0), MAX_BOUND_SECONDS)
            )
        for name in ("equipment", "muscle"):
            word = getattr(self, name)
            if word is not None and not FILTER_WORD.fullmatch(word):
                raise ValueError(f"a {name} filter a button cannot carry: {word!r}")

    @property
    def count(self) -> int:
        return sum(
            v is not None for v in (self.difficulty, self.equipment, self.muscle, self.max_seconds)
        )

    def __bool__(self) -> bool:
        return any(
            v is not None for v in (self.difficulty, self.equipment, self.muscle, self.max_seconds)
        )

    def accepts(self, exercise: Exercise) -> bool:
        if self.difficulty is not None and exercise.difficulty is not self.difficulty:
            return False
        if self.equipment is not None:
            kit = [fold(e) for e in exercise.equipment]
            if self.equipment == "none":  # nothing at all, not even a mat
                if any(k != "none" for k in kit):
                    return False
            elif not any(self.equipment in k for k in kit):
                return False
        if self.muscle is not None and not any(self.muscle in fold(m) for m in exercise.muscles):
            return False
        return not (
            self.max_seconds is not None
            and (exercise.duration is None or exercise.duration > self.max_seconds)
        )
