"""No message can stall the bot: every input of up to 4 096 characters (Telegram's limit)
costs at most 50 ms of CPU. Adversarial shapes: many sentences, characters that expand when
normalised, long words, digits, typos everywhere."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import Library
from bot.engine import AnswerEngine

LIMIT = 4096
BUDGET = 0.05  # seconds of CPU


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library)


def cost(engine: AnswerEngine, text: str, lang: str) -> float:
    """The least CPU time of three runs: the message's own cost, not the machine's noise."""
    runs = []
    for _ in range(3):
        start = time.process_time()
        engine.answer(text[:LIMIT], lang)
        runs.append(time.process_time() - start)
    return min(runs)


SHAPES = {
    "61 words then '. ' x 1986": " ".join(f"word{i}" for i in range(61)) + ". " * 1986,
    "expanding character": "\ufdfa" * LIMIT,
    "one long word": "x" * LIMIT,
    "huge numbers": " ".join(["9" * 70] * 55),
    "typos everywhere": " ".join(["rolup", "teasr", "hundrd", "swandive", "plnk"] * 140),
    "many questions": "is the roll up ok? " * 215,
    "spanish story": "¿cómo hago el cien? me duele el cuello. " * 100,
    # the readings of where a problem is felt, of names said as context and of a question
    # clause in a run-on message, each over every word of a message of one sentence
    "a body place every few words": "neck sore " * 409,
    "places and faults": "my hips sink and my knees splay and my lower back aches " * 73,
    "names as context": "after the hundred like a plank instead of the saw " * 81,
    "run-on with openers": "my back hurts in the roll up how do i " * 107,
    "lugares y dolores": "me duele la rodilla y se me hunde la cadera " * 93,
    # a heading is looked for in the first words: a long run of spaces (or of spaces, then
    # dashes) after them
    "heading before a run of spaces": "hundred" + " " * 4000 + "saw",
    "heading before spaces and dashes": "seal" + " " * 2000 + "-" * 2000 + "x",
    # words that tell a name's role, all before the names they may mark, each weighed against
    # each place a name is said
    "role words, then names": "after " * 560
    + "single x leg x stretch x double x spine x forward x pull x front x side x kick x kneeling",
    "palabras de papel, luego nombres": "en vez de " * 350
    + "el cien la sierra la foca el puente la cobra",
    # a story whose sentence names an exercise, then a long question that names none clearly
    # (names that share their words): the question is read with that sentence, and about it
    "story, then a long question": "the hundred. "
    + "a leg pull back a leg pull front a side kick series a kneeling side kicks a side plank "
    "a side bend " * 40 + "why?",
    # a story naming nothing, each sentence describing a movement: each is read for the
    # exercise it describes, and the question again with the one that describes best
    "a story describing, then a question": "we kneel on all fours and reach one arm forward "
    "and the opposite leg back. " * 60 + "what am i doing wrong?",
    "a story describing, then a long question": "we kneel on all fours and reach one arm "
    "forward and the opposite leg back. " * 3 + "my lower back sags and my hips tip " * 100 + "?",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("shape", SHAPES)
def test_adversarial_shapes_are_cheap(engine: AnswerEngine, shape: str, lang: str) -> None:
    assert cost(engine, SHAPES[shape], lang) <= BUDGET


pieces = st.sampled_from(
    [
        "the",
        "roll",
        "up",
        "teaser",
        "hurts",
        ". ",
        "? ",
        "\ufdfa",
        "9" * 30,
        "x" * 50,
        "neckpul",
        "ñ",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, min_size=100, max_size=1500))
def test_any_mix_of_costly_pieces_is_cheap(engine: AnswerEngine, parts: list[str]) -> None:
    assert cost(engine, " ".join(parts), "en") <= BUDGET


@pytest.mark.parametrize("shape", SHAPES)
def test_inline_queries_are_cheap(engine: AnswerEngine, shape: str) -> None:
    """Inline queries go through the name search; Telegram caps them at 256 characters, the
    search is held to the same budget on anything longer too."""
    text = SHAPES[shape]
    runs = []
    for _ in range(3):
        start = time.process_time()
        engine.search(text[:LIMIT])
        engine.search(text[:256])
        runs.append(time.process_time() - start)
    assert min(runs) <= BUDGET
