"""The one rule that turns candidates into an answer.

The best candidate is answered when it is sure enough and ahead, by a margin, of the best
candidate about something else; when the two are close, both are offered ("did you mean");
below that, suggestions if any candidate names exercises, else an honest "I don't know".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate

# Calibrated on the development sets (tests/answer_set/en.yaml, es.yaml), checked on the blind
# ones (tests/answer_set/blind/).
ANSWER = 0.6  # a candidate at least this sure is an answer
MARGIN = 0.05  # ...when the best candidate about anything else is this far behind
SUGGEST = 0.45  # an exercise at least this likely is worth offering as "did you mean"
MAX_SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class Decision:
    """The chosen candidate, or the exercises to offer, or neither (none)."""

    chosen: Candidate | None
    options: tuple[str, ...] = ()
    runner_up: Candidate | None = None


def decide(candidates: Iterable[Candidate]) -> Decision:
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    if not ranked:
        return Decision(None)
    top = ranked[0]
    rival = next((c for c in ranked[1:] if c.subject != top.subject), None)
    if top.score >= ANSWER:
        close = rival is not None and top.score - rival.score < MARGIN
        if rival is None or not close or not _offerable(top) or not _offerable(rival):
            return Decision(top, top.options, rival)
        return Decision(None, _options([top, rival, *ranked]), top)
    return Decision(None, _options(c for c in ranked if c.score >= SUGGEST), top)


def _offerable(candidate: Candidate | None) -> bool:
    """A candidate that can stand in a "did you mean": it is about exercises."""
    return candidate is not None and (
        candidate.exercise_id is not None or candidate.kind is AnswerKind.SUGGESTIONS
    )


def _options(candidates: Iterable[Candidate]) -> tuple[str, ...]:
    """The exercises to offer, best candidate first: at most MAX_SUGGESTIONS, or every one
    the first candidate offers (all the exercises whose names share the words said)."""
    found: list[str] = []
    limit = MAX_SUGGESTIONS
    for candidate in candidates:
        ids = candidate.options or ((candidate.exercise_id,) if candidate.exercise_id else ())
        if not found:
            limit = max(limit, len(ids))
        for exercise_id in ids:
            if exercise_id not in found:
                found.append(exercise_id)
    return tuple(found[:limit])
