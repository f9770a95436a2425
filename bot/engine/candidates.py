"""A possible answer, proposed by a producer with the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.content import Level, RandomFilters, Section
from bot.engine.answer import AnswerKind, NoAnswer


@dataclass(frozen=True, slots=True)
class Candidate:
    """One answer a producer proposes, with how sure it is (0..1) and why.

    Candidates about the same exercise never compete on the margin: a FAQ entry of Plank and
    Plank's card agree on what the message is about; the policy takes the better of them.
    """

    kind: AnswerKind
    score: float
    producer: str
    exercise_id: str | None = None
    section: Section | None = None
    level: Level | None = None
    faq_id: int | None = None  # an entry of the language's FAQ index
    filters: RandomFilters = field(default_factory=RandomFilters)
    minutes: int | None = None  # a session's length
    reason: NoAnswer | None = None
    options: tuple[str, ...] = ()  # the exercises of a "did you mean"
    evidence: str = ""
    fit: float = 0.0  # how well the evidence fits (a FAQ entry's fit): ties in `score` broken

    @property
    def subject(self) -> str | None:
        """What the candidate is about, for the margin rule: its exercise, or its kind."""
        if self.exercise_id is not None:
            return self.exercise_id
        if self.options:
            return "|".join(self.options)
        return self.kind.value
