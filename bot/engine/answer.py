"""What the engine gives back: one Answer, whatever face shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.content import DEFAULT_LANG, Exercise, FaqEntry, Level, RandomFilters, Section

if TYPE_CHECKING:
    from bot.engine.sessions import Session


class AnswerKind(StrEnum):
    EXERCISE = "exercise"
    FAQ = "faq"
    RANDOM = "random"
    SESSION = "session"  # several exercises in a row; `exercise` is the first
    SUGGESTIONS = "suggestions"
    NONE = "none"


class NoAnswer(StrEnum):
    """Why there is no answer, so the reply can say something useful."""

    EMPTY = "empty"
    GREETING = "greeting"
    THANKS = "thanks"
    CHAT = "chat"
    UNKNOWN = "unknown"
    UNCOVERED = "uncovered"  # about what no page speaks of: calories, diets, shopping, cures


@dataclass(frozen=True, slots=True)
class Answer:
    kind: AnswerKind
    lang: str = DEFAULT_LANG
    exercise: Exercise | None = None
    section: Section | None = None
    level: Level | None = None  # easier or harder, when modifications were asked that way
    faq: FaqEntry | None = None
    candidates: tuple[Exercise, ...] = ()
    filters: RandomFilters = field(default_factory=RandomFilters)
    reason: NoAnswer | None = None
    session: Session | None = None
    # How the policy decided, for the answer log: the chosen candidate's score (for suggestions
    # and none, the best one's), and the best candidate about something else with its score.
    confidence: float | None = None
    runner_up: str | None = None
    runner_up_score: float | None = None
