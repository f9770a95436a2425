"""The one rule that turns candidates into an answer."""

from __future__ import annotations

from bot.engine.answer import AnswerKind, NoAnswer
from bot.engine.candidates import Candidate
from bot.engine.policy import ANSWER, MARGIN, decide


def card(exercise_id: str, score: float) -> Candidate:
    return Candidate(AnswerKind.EXERCISE, score, "test", exercise_id=exercise_id)


def test_a_sure_candidate_ahead_of_every_rival_is_the_answer() -> None:
    decision = decide([card("plank", 0.9), card("side-plank", 0.9 - MARGIN - 0.01)])
    assert decision.chosen is not None and decision.chosen.exercise_id == "plank"


def test_candidates_about_the_same_exercise_do_not_compete() -> None:
    faq = Candidate(AnswerKind.FAQ, 0.91, "test", exercise_id="plank", faq_id=3)
    decision = decide([card("plank", 0.9), faq])
    assert decision.chosen is faq


def test_a_close_call_between_two_exercises_offers_both() -> None:
    decision = decide([card("swan-dive", 0.8), card("swan-prep", 0.79)])
    assert decision.chosen is None
    assert decision.options[:2] == ("swan-dive", "swan-prep")


def test_nothing_sure_offers_the_likely_exercises_or_nothing() -> None:
    assert decide([card("teaser", ANSWER - 0.1)]).options == ("teaser",)
    assert decide([card("teaser", 0.1)]).options == ()
    assert decide([]).chosen is None


def test_small_talk_that_explains_the_whole_message_wins() -> None:
    talk = Candidate(AnswerKind.NONE, 1.0, "talk", reason=NoAnswer.GREETING)
    decision = decide([talk, card("teaser", 0.66)])
    assert decision.chosen is talk
