"""The pages' portraits: what a description of a movement is ranked against."""

from __future__ import annotations

from bot.content import Library, Section
from bot.engine import AnswerEngine, AnswerKind
from bot.engine.lexicon import lexicon
from bot.engine.portraits import Portrait, PortraitIndex, pair_term


def _terms(text: str) -> list[str]:
    return lexicon("en").content_run(text)


def test_a_pair_is_the_same_in_either_order() -> None:
    assert pair_term("wide", "leg") == pair_term("leg", "wide")
    assert ":" not in pair_term("wide", "leg")  # never a body position's term


def test_words_said_together_on_a_page_rank_it_first() -> None:
    """Both pages hold "twist", "arms" and "wide"; only one says the arms are wide."""
    index = PortraitIndex(
        [
            Portrait("apart", ("Twist the chest, then reach the arms. Keep the knees wide.",)),
            Portrait("together", ("Twist the chest, then reach the arms wide. Keep the knees.",)),
        ],
        lexicon("en"),
    )
    ranked = index.describe(_terms("twist with arms wide"))
    assert [exercise_id for exercise_id, _ in ranked] == ["together", "apart"]
    assert ranked[1][1] < ranked[0][1]


def test_the_best_fit_is_the_share_of_the_message_its_page_holds() -> None:
    index = PortraitIndex(
        [
            Portrait("rolls", ("Roll back to the shoulders and balance.",)),
            Portrait("kicks", ("Kick the heel towards the seat.",)),
        ],
        lexicon("en"),
    )
    (top, fit), *_ = index.describe(_terms("roll back and balance"))
    assert top == "rolls" and fit == 1.0


def test_the_overview_of_a_page_is_part_of_its_portrait(library: Library) -> None:
    """Side Bend's opening paragraph says the body curves like a rainbow; its steps do not."""
    engine = AnswerEngine(library)
    answer = engine.answer(
        "sitting on one hip, I press up and my body makes a rainbow with the top arm over my"
        " head. what's it called?"
    )
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.OVERVIEW
    assert answer.exercise is not None and answer.exercise.id == "side-bend"
