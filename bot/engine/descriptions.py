"""Producer: the exercise a message describes without naming it ("lie on your back, curl up
and pump the arms"), found by how much of the message its own page text explains."""

from __future__ import annotations

from collections.abc import Iterator

from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate
from bot.engine.message import Message
from bot.intent import Section

DESCRIBED_FIT = 0.55  # share of the message's weight the exercise's own text must explain
DESCRIBED_MARGIN = 0.1  # ...ahead of the next exercise
CARD_BASE = (
    0.35  # the card's confidence rises from this with the fit: a FAQ entry that fits goes first
)
CARD_SLOPE = 0.45
PART_ASKED = 0.15  # "how do I do the stretch where...": a part of it, so the card
ASKED_WHICH = 0.95  # "what's it called when you...": the name is the answer


def implied(message: Message) -> tuple[str, float] | None:
    """The exercise the message describes, when one stands out, with its fit."""
    if message.named or not message.described:
        return None
    top, fit = message.described[0]
    second = message.described[1][1] if len(message.described) > 1 else 0.0
    if fit < DESCRIBED_FIT or fit - second < DESCRIBED_MARGIN:
        return None
    return top, fit


def propose(message: Message) -> Iterator[Candidate]:
    found = implied(message)
    if found is None:
        return
    exercise_id, fit = found
    part = message.part
    score = CARD_BASE + CARD_SLOPE * fit + (PART_ASKED if part else 0.0)
    yield Candidate(
        AnswerKind.EXERCISE,
        max(score, ASKED_WHICH) if message.asks_which else score,
        "description",
        exercise_id=exercise_id,
        section=part.section if part else Section.OVERVIEW,
        level=part.level if part else None,
        evidence=f"page fit {fit:.2f}",
    )
