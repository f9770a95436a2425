"""What the engine answers: the bugs people met in the terminal chat, as specifications.

Each producer is seeded with the examples its comments give; the labelled sets measure the
rest (tests/test_answer_quality.py)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from bot.content import Difficulty, Level, Library, RandomFilters, Section, load_library
from bot.engine import Answer, AnswerEngine, AnswerKind, descriptions, requests
from bot.engine.answer import NoAnswer
from bot.engine.faq import FEW_TERMS, SHARE_SLACK, runner_up_fit
from bot.engine.message import _Weighing, read
from tests.conftest import CONTENT


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(3))


def exercise_of(
    engine: AnswerEngine, text: str, lang: str = "en", about: str | None = None
) -> str | None:
    answer = engine.answer(text, lang, about=about)
    return answer.exercise.id if answer.exercise else None


def answered(engine: AnswerEngine, text: str, lang: str = "en") -> tuple[AnswerKind, str | None]:
    """The kind of answer a message gets, and its exercise."""
    answer = engine.answer(text, lang)
    return answer.kind, answer.exercise.id if answer.exercise else None


def entry(
    engine: AnswerEngine, text: str, lang: str = "en", about: str | None = None
) -> tuple[str, str]:
    """The exercise and question of the FAQ entry a message gets (it must get one)."""
    answer = engine.answer(text, lang, about=about)
    assert answer.kind is AnswerKind.FAQ and answer.exercise is not None and answer.faq
    return answer.exercise.id, answer.faq.question


def who_should_avoid(engine: AnswerEngine, exercise_id: str, lang: str = "en") -> str:
    """The question of the exercise's FAQ entry that asks whether it may be done at all
    (who should avoid it): the one entry of its page asking the "safety" kind."""
    index = engine._index(lang)
    found = [
        ref.entry.question
        for at, ref in enumerate(index.faq_refs)
        if ref.exercise_id == exercise_id and "safety" in index.faq.kinds_of(at)
    ]
    assert len(found) == 1
    return found[0]


def offered(answer: Answer) -> set[str]:
    """The exercise an answer shows, or those it offers to choose from."""
    return {answer.exercise.id} if answer.exercise else {e.id for e in answer.candidates}


def card(
    engine: AnswerEngine, text: str, lang: str = "en"
) -> tuple[str, Section | None, Level | None]:
    """The exercise, part and version of the card a message gets (it must get one)."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.EXERCISE and answer.exercise is not None
    return answer.exercise.id, answer.section, answer.level


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("give me a harder version of the side plank", "en", "side-plank"),
        ("harder version of teaser", "en", "teaser"),
        ("a harder version of the hundred", "en", "the-hundred"),
        ("harder version of plank", "en", "plank"),
        ("harder version of the roll up", "en", "roll-up"),
        ("versión más difícil del roll up", "es", "roll-up"),
    ],
)
def test_a_harder_version_is_the_harder_list(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.section is Section.MODIFICATIONS and answer.level is Level.HARDER
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang"), [("make it easier", "en"), ("más fácil", "es"), ("and the tips?", "en")]
)
def test_a_follow_up_is_about_the_card_on_screen(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang, about="teaser")
    assert answer.kind is AnswerKind.EXERCISE
    assert exercise_of(engine, text, lang, about="teaser") == "teaser"


def test_a_message_naming_another_exercise_is_not_about_the_card(engine: AnswerEngine) -> None:
    answer = engine.answer("how do i do the swan", about="teaser")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {e.id for e in answer.candidates} >= {"swan-dive", "swan-prep"}


def test_a_question_about_it_stays_on_the_card(engine: AnswerEngine) -> None:
    assert exercise_of(engine, "how long should I hold it?", about="the-hundred") == "the-hundred"


def test_an_unrelated_question_does_not_repeat_the_card(engine: AnswerEngine) -> None:
    answer = engine.answer("¿cuál es la mejor proteína?", "es", about="teaser")
    assert answer.kind is AnswerKind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I did the roll over yesterday and today my neck is stiff. should I keep doing it?",
        "can I do the roll over when pregnant",
    ],
)
def test_a_named_exercise_plus_a_question_answers_the_question(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.FAQ
    assert exercise_of(engine, text) == "roll-over"


def test_a_described_symptom_finds_the_pregnancy_entry(engine: AnswerEngine) -> None:
    answer = engine.answer("expecting a baby, is the hundred ok")
    assert answer.faq is not None and "pregnant" in answer.faq.question


@pytest.mark.parametrize(
    ("text", "exercise_id", "section"),
    [
        ("teasr modifcations", "teaser", Section.MODIFICATIONS),
        ("benfits of shoulder bridge", "shoulder-bridge", Section.BENEFITS),
        ("rollup tipz", "roll-up", Section.TIPS),
        ("neckpull", "neck-pull", Section.OVERVIEW),
        ("swandive", "swan-dive", Section.OVERVIEW),
        # a misspelling a page lists among its names, and then the rest of another name
        ("how is the mermade stretch done", "mermaid", Section.STEPS),
        ("sholder brige", "shoulder-bridge", Section.OVERVIEW),
    ],
)
def test_typos_in_names_and_parts_alike(
    engine: AnswerEngine, text: str, exercise_id: str, section: Section
) -> None:
    answer = engine.answer(text)
    assert answer.section is section
    assert exercise_of(engine, text) == exercise_id


def test_a_movement_described_and_named_nowhere_is_its_card(engine: AnswerEngine) -> None:
    text = "what's the one where you lie on your back and pump your arms up and down"
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.EXERCISE
    assert exercise_of(engine, text) == "the-hundred"


def test_a_long_description_stands_out_by_a_smaller_margin(engine: AnswerEngine) -> None:
    """Two pages both hold most words of a description; ahead by 0.15 of 0.87, the first stands
    out only for a description long enough to tell pages apart (descriptions.LONG_MARGIN)."""
    message = read("kneeling on all fours", engine._index("en"))
    ranked = [("bird-dog", 0.87), ("cat-cow", 0.72)]
    assert descriptions._standing_out(message, ranked) is None
    found = descriptions._standing_out(message, ranked, descriptions.LONG_MARGIN)
    assert found == ("bird-dog", 0.87)


def test_the_steps_asked_of_a_named_exercise_described_are_its_steps(
    engine: AnswerEngine,
) -> None:
    # The describing words share a few with an entry on a problem ("hips", "hold"): the
    # steps asked go before it, as for the same movement described without its name
    for text, exercise_id in (
        (
            "how do I do the side plank, holding up on my forearm on my side with the hips"
            " lifted off the floor",
            "side-plank",
        ),
        (
            "how do I do the standing roll down, rolling down through my spine bone by bone"
            " to the floor and back up",
            "standing-roll-down",
        ),
    ):
        answer = engine.answer(text)
        assert answer.kind is AnswerKind.EXERCISE, text
        assert answer.exercise is not None and answer.exercise.id == exercise_id
        assert answer.section is Section.STEPS


def test_a_movement_described_and_asked_for_is_its_card(engine: AnswerEngine) -> None:
    text = (
        "how do I do the stretch where you sit with your legs folded to one side and reach"
        " one arm up and over your head"
    )
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.EXERCISE
    assert exercise_of(engine, text) == "mermaid"


@pytest.mark.parametrize(
    "text",
    ["cheers mate", "receta de tortilla de patatas", "my wifi keeps dropping how do i fix it"],
)
def test_spelling_help_does_not_invent_a_subject(engine: AnswerEngine, text: str) -> None:
    lang = "es" if "receta" in text else "en"
    assert engine.answer(text, lang).kind is AnswerKind.NONE


def test_candidates_carry_their_producer_and_evidence(engine: AnswerEngine) -> None:
    found = engine.candidates("my neck hurts in the hundred")
    assert found[0].kind is AnswerKind.FAQ and found[0].producer == "faq"
    assert any(c.producer == "names" for c in found)


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "In criss cross my neck is paining me. Maybe I pull the head with my hands?",
            "en",
            "criss-cross",
        ),
        ("patada con una pierna", "es", "single-leg-kick"),
        ("reverse plank", "en", "leg-pull-back"),
    ],
)
def test_a_name_is_its_words_said_together(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """ "my neck ... I pull" is not Neck Pull; filler words inside a name are no gap."""
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "partly_named"),
    [
        ("my shoulders ache after a long day at my desk", "en", "shoulder-bridge"),
        ("my inner thighs feel tight after running", "en", "inner-thigh-lifts"),
        ("me duelen los hombros después de clase", "es", "shoulder-bridge"),
        (
            "boca abajo subo la cabeza y el pecho con las manos junto a los hombros y me duelen "
            "las muñecas",
            "es",
            "shoulder-bridge",
        ),
    ],
)
def test_a_place_of_the_body_names_no_exercise(
    engine: AnswerEngine, text: str, lang: str, partly_named: str
) -> None:
    """A name said only in its words of the body ("shoulders" of Shoulder Bridge, "hombros"
    of Puente de hombros) is where something is felt: it names nothing, and no entry of that
    exercise answers for it."""
    assert read(text, engine._index(lang)).named == []
    assert exercise_of(engine, text, lang) != partly_named
    assert partly_named not in offered(engine.answer(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("shoulder bridg", "en", "shoulder-bridge"),
        ("neck pulll", "en", "neck-pull"),
        ("inner thihg lifts", "en", "inner-thigh-lifts"),
        ("puente de hombrso", "es", "shoulder-bridge"),
        ("giro de cadera", "es", "hip-twist"),
    ],
)
def test_a_name_with_a_word_of_the_body_still_names_it(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """Said in full, or with a word of its own however mistyped, such a name names it."""
    assert [m.exercise_id for m in read(text, engine._index(lang)).named] == [exercise_id]
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        # a clinician's positions and movements, read as the pages say them plainly
        ("flexión y extensión de columna en cuadrupedia, ¿para qué sirve?", "es", "cat-cow"),
        (
            "en decúbito supino bajo el brazo y la pierna contrarios, ¿cómo se llama?",
            "es",
            "dead-bug",
        ),
        # a studio's name for an exercise, listed in its page's keywords
        ("¿cómo se hace el apoyo dorsal?", "es", "leg-pull-back"),
        ("what is a head float", "en", "chest-lift"),
    ],
)
def test_a_teachers_or_clinicians_name_finds_the_exercise(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "what's it called when you sit in a tight little tuck holding your shins, rock back"
            " onto your shoulders and then back up to balance?",
            "en",
            "rolling-like-a-ball",
        ),
        (
            "¿cómo se llama el ejercicio en el que estás a cuatro patas y estiras un brazo y la"
            " pierna contraria?",
            "es",
            "bird-dog",
        ),
        (
            "what's that one lying on my back, arms up to the ceiling, where the opposite arm"
            " and leg lower away from each other?",
            "en",
            "dead-bug",
        ),
    ],
)
def test_asked_which_exercise_a_description_is_gives_its_card(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.EXERCISE
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("stand on one foot, pull the other knee up to your chest and hold it", "en"),
        ("te paras sobre un pie, llevas el cuerpo hacia delante y subes la otra pierna", "es"),
    ],
)
def test_a_balance_on_one_leg_is_no_card_of_a_page_done_on_the_floor_or_a_knee(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """Standing on one leg is a position: the pages done lying, on all fours or kneeling
    explain its words ("leg", "forward", "knee") but not how it is done."""
    answer = engine.answer(text, lang)
    assert answer.kind not in (AnswerKind.EXERCISE, AnswerKind.FAQ)
    assert "kneeling-side-kicks" not in [e.id for e in answer.candidates]


@pytest.mark.parametrize(
    "text",
    [
        # a word of Single Leg Circles' name, the rest no page's (loops, wrists, reps)
        "the one with the loops around my wrists doing circles, how many reps?",
        # a word of Plank's name, done on equipment and a cushion its page never mentions
        "the one where you kneel on a cushion and hold a plank with dumbbells",
    ],
)
def test_name_words_lift_no_page_that_explains_little_of_a_description(
    engine: AnswerEngine, text: str
) -> None:
    """A page sharing a word of its name with a description ranks higher among those it
    describes, but one whose own text explains too little of it is no confident answer."""
    assert engine.answer(text, "en").kind not in (AnswerKind.EXERCISE, AnswerKind.FAQ)


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "what do you call it when you lie on your back with knees bent and feet flat and"
            " raise your hips until your body makes a line from knees to shoulders",
            "en",
            "glute-bridge",
        ),
        (
            "busco el nombre de un ejercicio: boca arriba con las rodillas dobladas, subo la"
            " cadera hasta formar una línea de hombros a rodillas",
            "es",
            "glute-bridge",
        ),
    ],
)
def test_more_ways_of_asking_for_a_name_ask_which_exercise(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert card(engine, text, lang) == (exercise_id, Section.OVERVIEW, None)


def test_of_two_pages_holding_a_description_the_one_about_it_is_the_answer(
    engine: AnswerEngine,
) -> None:
    """Push Up's page also stands and rolls down the spine, but walks out to a plank too:
    Standing Roll Down's page is about little else, so it is the one described."""
    text = "the one where you stand, roll down your spine to the floor and roll back up"
    assert card(engine, text) == ("standing-roll-down", Section.OVERVIEW, None)


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "face down on the mat, lifting the head and chest slightly with the hands next to"
            " the shoulders",
            "en",
            "swan-prep",
        ),
        (
            "tumbado boca abajo levantando un poco la cabeza y el pecho, las manos junto a los"
            " hombros",
            "es",
            "swan-prep",
        ),
        (
            "sitting up with my legs out straight, I round my back and stretch forward over my"
            " legs",
            "en",
            "spine-stretch-forward",
        ),
    ],
)
def test_a_page_holding_every_word_but_about_them_far_less_is_no_rival(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """Double Leg Kick's page also lies face down with the hands by the shoulders and lifts
    the head and chest, on the way to kicking the heels; Swan Prep's is about little else.
    A page that holds every word of a long description, no more than the best page, is as
    far behind as the ranking puts it, not a near tie."""
    assert card(engine, text, lang) == (exercise_id, Section.OVERVIEW, None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("seated with my legs wide, reaching forward toward my feet", "en"),
        ("boca arriba con las piernas en el aire haciendo círculos", "es"),
    ],
)
def test_pages_about_a_description_alike_stay_offered(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """Spine Stretch Forward and The Saw both sit with the legs apart and reach forward;
    Single Leg Circles and Corkscrew both circle legs in the air lying on the back: each
    pair's pages are about those words alike, so both are offered, neither answered."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert len(offered(answer)) >= 2


def test_a_runner_up_page_keeps_its_share_only_where_the_ranking_says_little() -> None:
    """A runner-up page's fit to a description: the best page's fit scaled by how far behind
    it ranks, or its own share less SHARE_SLACK where that says more (it holds words the best
    page lacks, or the description is short)."""
    # Both hold every word of a long description: the ranking speaks.
    assert runner_up_fit(1.0, 0.6, 1.0, terms=8) == pytest.approx(0.6)
    # It holds more of the words than the best page: never far below its own share.
    assert runner_up_fit(0.8, 0.6, 1.0, terms=8) == pytest.approx(1.0 - SHARE_SLACK)
    # A few words, which every page of a kind holds ("lying on the side, lifting a leg")
    assert runner_up_fit(1.0, 0.6, 1.0, terms=FEW_TERMS) == pytest.approx(1.0 - SHARE_SLACK)
    # One the ranking puts near stays near, whatever it holds
    assert runner_up_fit(1.0, 0.9, 1.0, terms=8) == pytest.approx(0.9)


def test_a_name_in_the_wrong_position_is_doubted(engine: AnswerEngine) -> None:
    """Chest Lift is done on the back: "face down ... lift your head and chest" is not it."""
    text = "the exercise where you lie face down and lift your head and chest off the mat"
    assert exercise_of(engine, text) != "chest-lift"


@pytest.mark.parametrize(
    ("text", "lang", "named", "kin"),
    [
        ("bird dog lying face down, what are the steps?", "en", "bird-dog", "swimming"),
        # ("la natación a cuatro patas" is Swimming's own easier version, named)
        ("el perro de caza boca abajo, ¿cómo se hace?", "es", "bird-dog", "swimming"),
    ],
)
def test_a_name_said_in_another_position_offers_it_and_its_kin_done_there(
    engine: AnswerEngine, text: str, lang: str, named: str, kin: str
) -> None:
    """Bird Dog is done on all fours, Swimming face down, and each is the other's nearest
    kin: the name and the position said point at different pages, so both are offered."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {named, kin} <= {e.id for e in answer.candidates}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("leg pull: got any tips for me?", {"leg-pull-back", "leg-pull-front"}),
        ("the kicks, tips?", {"single-leg-kick", "double-leg-kick"}),
    ],
)
def test_a_word_several_titles_hold_is_no_question_word_to_an_entry(
    engine: AnswerEngine, text: str, meant: set[str]
) -> None:
    """A word several titles hold, with no name chosen, tells which exercises it may be: an
    entry of another that holds that word and the part asked ("hamstrings pull in the saw",
    "tip forward in kneeling side kicks") is no answer; the exercises are offered."""
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert meant <= {e.id for e in answer.candidates}


@pytest.mark.parametrize(
    ("text", "lang"),
    [("who invented the teaser?", "en"), ("¿Quién inventó el teaser y en qué año?", "es")],
)
def test_a_question_in_words_no_page_uses_is_not_answered_with_a_card(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is not AnswerKind.EXERCISE


def test_who_should_not_do_it_is_the_safety_entry(engine: AnswerEngine) -> None:
    answer = engine.answer("which people shouldn't attempt roll overs?")
    assert answer.faq is not None and answer.faq.question == who_should_avoid(engine, "roll-over")


def test_a_described_form_problem_finds_the_pages_mistake(engine: AnswerEngine) -> None:
    """Plank's mistakes list "Piking the hips up": "hips" is no muscle filter here."""
    answer = engine.answer("my hips pike up like a tent in plank")
    assert (answer.kind, answer.section) == (AnswerKind.EXERCISE, Section.MISTAKES)


# A FAQ entry answers a question; a description only points at an exercise. The examples are
# our own, not messages of the answer sets.


def test_a_description_that_asks_nothing_is_the_exercise_not_one_of_its_questions(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("kneeling on one knee and one hand, swinging the top leg to and fro")
    assert answer.kind is AnswerKind.EXERCISE
    assert answer.exercise is not None and answer.exercise.id == "kneeling-side-kicks"


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        (
            "the one seated with legs wide, turning and reaching the little finger beyond the"
            " opposite foot?",
            "the-saw",
        ),
        (
            "lying on your side, knees bent and feet together, opening the top knee like a book?",
            "clam-shell",
        ),
    ],
)
def test_a_description_ending_in_a_question_mark_that_asks_nothing_is_the_card(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    """A question mark after a description asks which exercise it is, not one of its parts or
    entries that happen to share the describing words (a harder version, a mistake)."""
    answer = engine.answer(text)
    assert (answer.kind, answer.section) == (AnswerKind.EXERCISE, Section.OVERVIEW)
    assert answer.exercise is not None and answer.exercise.id == exercise_id


def test_a_part_asked_of_a_description_is_not_an_entry_sharing_only_its_words(
    engine: AnswerEngine,
) -> None:
    """Asked for a video of a movement described, not named, the answer is the video, not an
    entry of the page that the describing words happen to touch (where the top foot goes)."""
    answer = engine.answer(
        "de lado con el pie de arriba apoyado delante, subiendo la pierna de abajo, ¿hay algún"
        " video?",
        "es",
    )
    assert (answer.kind, answer.section) == (AnswerKind.EXERCISE, Section.VIDEO)
    assert answer.exercise is not None and answer.exercise.id == "inner-thigh-lifts"


def test_a_problem_told_about_a_named_exercise_is_still_its_faq(engine: AnswerEngine) -> None:
    answer = engine.answer("hundred, my neck is killing me")
    assert answer.kind is AnswerKind.FAQ
    assert answer.exercise is not None and answer.exercise.id == "the-hundred"


def test_the_one_where_asks_which_even_when_a_name_is_said_inside_it(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("the one where you clap your feet together like a seal")
    assert answer.kind is AnswerKind.EXERCISE
    assert answer.exercise is not None and answer.exercise.id == "seal"


def test_how_do_i_stop_asks_for_a_fix_not_the_steps(engine: AnswerEngine) -> None:
    answer = engine.answer("how do I stop my hips rocking in single leg circles")
    assert answer.kind is AnswerKind.FAQ
    assert answer.exercise is not None and answer.exercise.id == "single-leg-circles"


def test_a_title_before_the_one_with_is_a_question_about_that_exercise(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("scissors: is the one with your hips up in the air the same as flat")
    assert answer.kind is AnswerKind.FAQ
    assert answer.exercise is not None and answer.exercise.id == "scissors"


def test_a_request_for_something_no_page_is_about_is_no_random_pick(engine: AnswerEngine) -> None:
    answer = engine.answer("can you recommend a good physiotherapist in Madrid")
    assert answer.kind is AnswerKind.NONE


def test_an_entry_asked_in_its_own_words_beats_the_part_its_cue_words_name(
    engine: AnswerEngine,
) -> None:
    # "avoid" asks for the mistakes, but this is the roll over's own question about safety
    answer = engine.answer("who should avoid doing the roll over")
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and answer.faq.question == who_should_avoid(engine, "roll-over")


def test_a_question_nothing_answers_offers_the_exercise_it_names_but_does_not_assert_it(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("is the saw good before a long flight?")
    assert answer.kind is not AnswerKind.EXERCISE
    assert answer.kind is not AnswerKind.FAQ


def test_a_name_with_words_beside_it_but_no_question_is_still_its_card(
    engine: AnswerEngine,
) -> None:
    assert exercise_of(engine, "singel leg circel") == "single-leg-circles"


def test_the_question_sentence_says_which_entry_the_story_before_it_only_sets_the_scene(
    engine: AnswerEngine,
) -> None:
    # The story's words (wrists, all fours) are those of another entry of the same page.
    answer = engine.answer(
        "My wrists ache on all fours in bird dog, so I put my hands on a folded towel. "
        "Since I'm pregnant now, is it still safe?"
    )
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and "pregnancy" in answer.faq.question


@pytest.mark.parametrize(
    "tail",
    [". name?", ", what's that one called?", " - what exercise is that?", ". Which one is that?"],
)
def test_a_bare_request_for_a_name_after_a_description_asks_which_exercise(
    engine: AnswerEngine, tail: str
) -> None:
    answer = engine.answer(
        "sitting tall with legs wide apart, twisting and reaching one hand past the little toe "
        "of the other foot" + tail
    )
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.OVERVIEW
    assert answer.exercise is not None and answer.exercise.id == "the-saw"


def test_cual_es_after_a_description_asks_which_exercise(engine: AnswerEngine) -> None:
    """ "¿Cuál es?" closing a description asks for its name, like "¿cómo se llama?"."""
    answer = engine.answer(
        "sentado con las piernas bien abiertas, giras el tronco y llevas una mano más allá del "
        "dedo pequeño del otro pie, ¿cuál es?",
        "es",
    )
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.OVERVIEW
    assert answer.exercise is not None and answer.exercise.id == "the-saw"


def test_cual_es_after_a_description_holding_a_word_of_a_name_still_asks_which(
    engine: AnswerEngine,
) -> None:
    """ "Serruchando" is a word of The Saw's names, said inside the description, not its
    title: "¿cuál es?" after it asks for the name, not a choice about The Saw."""
    text = (
        "sentado con las piernas separadas giro el tronco y llevo la mano al pie contrario"
        " como serruchando. ¿cuál es?"
    )
    assert card(engine, text, "es") == ("the-saw", Section.OVERVIEW, None)


def test_which_is_it_after_a_choice_is_no_request_for_a_name(engine: AnswerEngine) -> None:
    answer = engine.answer(
        "In cat cow I never know if I breathe in as I round or as I arch. Which one is it?"
    )
    assert answer.kind is AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "on your back with knees in tabletop, tapping one foot down and up, alternating legs",
            "en",
        ),
        (
            "boca arriba con las rodillas en mesa, bajas un pie al suelo y lo subes, alternando",
            "es",
        ),
    ],
)
def test_moving_in_turns_asks_for_no_other_version(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert card(engine, text, lang)[:2] == ("toe-taps", Section.OVERVIEW)


def test_a_relative_inside_a_description_asks_nothing(engine: AnswerEngine) -> None:
    # "por" opens "por qué", but "por dentro" only describes
    assert answered(
        engine,
        "sentada, te agarras los tobillos por dentro, ruedas atrás y das palmadas con los pies",
        "es",
    ) == (AnswerKind.EXERCISE, "seal")


def test_a_part_mentioned_in_a_longer_question_gives_way_to_the_entry_that_answers_it(
    engine: AnswerEngine,
) -> None:
    # "video" names a part, but the question is the safety one its page answers
    answer = engine.answer(
        "I'm 70 and my doctor found osteoporosis last month. I follow a video with the roll up "
        "in it: can I keep doing it?"
    )
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and "osteoporosis" in answer.faq.question


def test_a_body_position_offers_its_exercises_only_when_nothing_more_tells_which(
    engine: AnswerEngine,
) -> None:
    assert answered(engine, "on all fours, reaching one arm forward and the opposite leg back") == (
        AnswerKind.EXERCISE,
        "bird-dog",
    )


def test_a_name_said_on_the_way_in_a_description_of_another_exercise_does_not_name_it(
    engine: AnswerEngine,
) -> None:
    # "roll up" is a title, but here it is how the Teaser starts
    assert answered(
        engine,
        "we roll up off the mat and balance on the sit bones in a V, arms reaching past the shins",
    ) == (AnswerKind.EXERCISE, "teaser")


def test_a_long_message_whose_words_one_entry_clearly_shares_is_answered_by_it(
    engine: AnswerEngine,
) -> None:
    # No name said; the many words spread thin, but one entry holds far more of them
    assert answered(
        engine,
        "In class we lie on our backs drawing circles on the ceiling with one leg, and my hip "
        "makes a clicking noise every time. Should I be worried?",
    ) == (AnswerKind.FAQ, "single-leg-circles")


def test_an_entry_about_another_problem_is_no_answer_when_little_of_its_question_is_said(
    engine: AnswerEngine,
) -> None:
    # "My hips keep dropping in side plank" shares "keep" and the name, not the problem
    answer = engine.answer("in side plank I keep rolling forward onto my front")
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an easier or harder version asked outright: an entry sharing a word of the story
        # ("neck", "hold") answers another problem
        (
            "the jackknife is still too hard for my neck, what can I do instead?",
            "en",
            ("jackknife", Section.MODIFICATIONS, Level.EASIER),
        ),
        (
            "clams feel too easy now, how do I progress them?",
            "en",
            ("clam-shell", Section.MODIFICATIONS, Level.HARDER),
        ),
        # a fault the page's list of mistakes names, and an entry on another one that shares
        # only the cue words ("what am I doing wrong?") and a word or two
        (
            "in the pilates push up my hips drop in the plank, what am I doing wrong?",
            "en",
            ("push-up", Section.MISTAKES, None),
        ),
        (
            "en el roll down de pie se me van las caderas hacia atrás, ¿está mal?",
            "es",
            ("standing-roll-down", Section.MISTAKES, None),
        ),
        # the mistakes asked, and an entry that shares nothing else ("...am I doing it wrong?")
        (
            "what do beginners usually get wrong in the swimming? I'm checking my form on camera",
            "en",
            ("swimming", Section.MISTAKES, None),
        ),
        (
            "in the saw my knees roll in when I reach, is that wrong?",
            "en",
            ("the-saw", Section.MISTAKES, None),
        ),
        # the entry shares only words its page uses to describe the exercise ("hamstring",
        # "bend over", "back"), and the part's passage fits the message better
        (
            "is there a regression of the hamstring pull for tight hamstrings?",
            "en",
            ("single-straight-leg-stretch", Section.MODIFICATIONS, Level.EASIER),
        ),
        (
            "in mermaid I keep collapsing into my side when I bend over, is that wrong?",
            "en",
            ("mermaid", Section.MISTAKES, None),
        ),
        (
            "I keep letting my head fall back in the swan dive and my instructor calls it a "
            "mistake",
            "en",
            ("swan-dive", Section.MISTAKES, None),
        ),
    ],
)
def test_a_part_asked_outright_goes_before_an_entry_on_another_problem(
    engine: AnswerEngine, text: str, lang: str, expected: tuple[str, Section, Level | None]
) -> None:
    assert card(engine, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "question"),
    [
        (
            "holding a plank my lower back aches, what am I doing wrong?",
            "en",
            "My lower back aches when I hold a plank. What am I doing wrong?",
        ),
        (
            "en la plancha me duele la zona lumbar, ¿qué hago mal?",
            "es",
            "Me duele la zona lumbar cuando hago la plancha. ¿Qué hago mal?",
        ),
        # the entry asks for the same part ("¿algún consejo?" as "¿algún truco?"): its cue
        # words are left out of its own words, as the message's are
        (
            "Hola, llevo dos semanas yendo con mis primas. En el perro de caza me matan las "
            "rodillas porque el piso del gimnasio es durísimo. ¿Algún truco?",
            "es",
            "Me duelen las rodillas al apoyarme en el perro de caza, ¿algún consejo?",
        ),
    ],
)
def test_an_entry_stating_the_problem_told_still_goes_before_the_part_asked(
    engine: AnswerEngine, text: str, lang: str, question: str
) -> None:
    assert entry(engine, text, lang)[1] == question


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an entry telling a pain ("my knees hurt sitting in it...") answers no message that
        # tells no problem, however many words of the exercise the two share
        ("how do I sit for the mermaid, what are the steps?", "en", Section.STEPS),
        (
            "how do I prop myself up on my elbows for the single leg kick, step by step?",
            "en",
            Section.STEPS,
        ),
        (
            "¿cómo me apoyo en los codos en la patada con una pierna? explícame los pasos",
            "es",
            Section.STEPS,
        ),
        # an entry asking how to breathe, how far or where to feel it answers no message
        # that asks none of these
        ("the corkscrew circle, what are common mistakes?", "en", Section.MISTAKES),
        ("¿cómo me siento en la sirena? los pasos, por favor", "es", Section.STEPS),
    ],
)
def test_a_part_asked_goes_before_an_entry_asking_another_kind_of_question(
    engine: AnswerEngine, text: str, lang: str, expected: Section
) -> None:
    assert card(engine, text, lang)[1] is expected


def test_an_entry_asking_the_kind_of_question_asked_still_goes_before_the_part(
    engine: AnswerEngine,
) -> None:
    assert entry(engine, "how do I breathe in the corkscrew circle, any tips?") == (
        "corkscrew",
        "How do I breathe through the corkscrew circle?",
    )


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        # a fault of form told, no pain: the entry on sore knees answers another problem
        ("my knees splay out when I kick my heels in the double leg kick", "en", "double-leg-kick"),
        # ...nor does one on whether it may be done with a pain
        (
            "en la serie de patadas laterales se me balancea la cadera al patear hacia delante",
            "es",
            "side-kick-series",
        ),
        # how far the legs go, or how to breathe through the circle, is another question than
        # a hip that wobbles or how big the circle is: the page's list of mistakes names them
        ("my top hip wobbles as I kick forward in the side kick series", "en", "side-kick-series"),
        ("in the corkscrew, how big should my circle be?", "en", "corkscrew"),
        ("en el sacacorchos, ¿cómo de grande tiene que ser el círculo?", "es", "corkscrew"),
    ],
)
def test_a_problem_told_goes_to_the_mistakes_before_an_entry_asking_another_question(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert card(engine, text, lang) == (exercise_id, Section.MISTAKES, None)


def test_an_entry_asking_what_the_message_asks_still_answers_a_problem_told(
    engine: AnswerEngine,
) -> None:
    assert entry(engine, "where should I feel the side kick series, my top hip wobbles") == (
        "side-kick-series",
        "Where should I feel the side kick series?",
    )


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "words"),
    [
        # may I do it, or should I modify it: the entry on whether it may be done answers
        (
            "with a herniated disc, can I do the swimming, or should I modify it?",
            "en",
            "swimming",
            "pregnant",
        ),
        (
            "estoy embarazada, ¿puedo hacer la natación o la modifico?",
            "es",
            "swimming",
            "embarazada",
        ),
        # a problem felt in a place, and a version asked for: the entry on that place answers
        (
            "my shoulders are too stiff to clasp my hands in the double leg kick, what do "
            "people do instead?",
            "en",
            "double-leg-kick",
            "shoulders",
        ),
    ],
)
def test_an_entry_asking_what_is_asked_goes_before_the_part_asked(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, words: str
) -> None:
    found, question = entry(engine, text, lang)
    assert found == exercise_id and words in question


def test_a_title_inside_the_name_said_is_not_a_second_exercise(engine: AnswerEngine) -> None:
    # "plank" is a title, but here only a word of "side plank"
    assert answered(engine, "I'm 20 weeks pregnant, is side plank still ok for me?") == (
        AnswerKind.FAQ,
        "side-plank",
    )


def test_words_of_likeness_ask_for_the_comparison(engine: AnswerEngine) -> None:
    answer = engine.answer("how similar are swan prep and swan dive?")
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and "difference" in answer.faq.question


@pytest.mark.parametrize(
    "text", ["un ejercicio cualquiera para glúteos", "uno de espalda, el que sea"]
)
def test_whichever_asks_for_a_random_pick(engine: AnswerEngine, text: str) -> None:
    assert engine.answer(text, "es").kind is AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("give me one exercise I can do in under a minute, my bus is due", "en"),
        ("what should i do now?", "en"),  # an open question said alone
        ("throw me something for the glutes", "en"),
        ("go on, throw an exercise my way", "en"),
        ("échame uno para los abdominales", "es"),
    ],
)
def test_being_handed_an_exercise_asks_for_a_random_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.RANDOM


def test_a_pick_asked_outright_with_its_filters_is_one_whatever_the_writers_day(
    engine: AnswerEngine,
) -> None:
    """ "I have kids on me" is the writer's day, not what is asked: a pick asked outright
    ("random") with what it should be (a level, a time) is still a pick."""
    answer = engine.answer("random easy one under a minute please, the kids are climbing on me")
    assert answer.kind is AnswerKind.RANDOM


def test_no_need_of_a_mat_is_the_no_equipment_filter(engine: AnswerEngine) -> None:
    answer = engine.answer("pick me any exercise that doesn't need a mat")
    assert answer.kind is AnswerKind.RANDOM and answer.filters is not None
    assert answer.filters.equipment == "none"


def test_throwing_oneself_up_asks_for_no_pick(engine: AnswerEngine) -> None:
    text = "I throw myself up into the teaser every time, otherwise I can't get there"
    assert engine.answer(text).kind is not AnswerKind.RANDOM


def test_contraindications_ask_who_should_avoid_it(engine: AnswerEngine) -> None:
    answer = engine.answer("any contraindications for the roll over?")
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and "avoid" in answer.faq.question


@pytest.mark.parametrize(
    ("text", "exercise_id", "asked"),
    [
        ("corkscrw breath", "corkscrew", "breathe"),  # a title misspelt
        ("hundrd neck", "the-hundred", "neck"),
    ],
)
def test_a_name_and_a_topic_word_without_a_question_ask_the_entry_on_it(
    engine: AnswerEngine, text: str, exercise_id: str, asked: str
) -> None:
    exercise, question = entry(engine, text)
    assert exercise == exercise_id and asked in question.lower()


def test_another_name_and_a_description_without_a_question_show_the_exercise(
    engine: AnswerEngine,
) -> None:
    # "cat camel" is Cat-Cow's other name; the rest describes the movement and asks nothing
    text = "cat camel on all fours rounding and arching the back"
    assert answered(engine, text) == (AnswerKind.EXERCISE, "cat-cow")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("could you recommend a thick mat for a wooden floor", "en"),
        ("¿me recomiendas una colchoneta gruesa y barata para el parquet?", "es"),
        # a level said of a thing no page speaks of
        ("can you suggest a beginner snowboard", "en"),
    ],
)
def test_a_way_of_asking_is_no_random_pick_when_other_words_say_the_subject(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is not AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("which mat would you recommend", "en"),  # the equipment itself is asked for
        ("¿qué esterilla me recomiendas?", "es"),
        ("my ankle aches when I walk, what can I do", "en"),  # advice on a problem told
        ("me duele la rodilla cuando corro, ¿qué puedo hacer?", "es"),
    ],
)
def test_a_request_for_equipment_or_advice_on_a_problem_is_no_random_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is not AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a symptom told, with no way of asking for a pick: its place is no filter
        ("my calves cramp", "en"),
        ("sore abs", "en"),
        ("me cruje la cadera", "es"),
        ("tengo los isquios cargados", "es"),
        # a place said alone is a subject, not a request
        ("hamstrings?", "en"),
        ("cadera", "es"),
    ],
)
def test_a_symptom_or_a_place_alone_is_no_random_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is not AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang"), [("exercise for my calves", "en"), ("ejercicio de gemelos", "es")]
)
def test_a_place_with_a_word_of_exercises_is_still_a_random_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.RANDOM


@pytest.mark.parametrize("text", ["recommend a mat exercise", "recommend something on the mat"])
def test_a_request_for_an_exercise_on_the_equipment_is_a_random_pick(
    engine: AnswerEngine, text: str
) -> None:
    assert engine.answer(text).kind is AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what should I do today", "en"),
        ("something quick, 30 seconds tops", "en"),
        ("algo rapidito para los glúteos", "es"),
        ("crazy week at work and I feel rusty, anything for my obliques under a minute?", "en"),
        ("semana de locos y estoy oxidada, algo para los oblicuos de menos de un minuto", "es"),
    ],
)
def test_a_bare_request_with_its_filters_is_still_a_random_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("the saw feels easy these days, how can I make it harder?", "en", Level.HARDER),
        ("the harder version of the saw is too much, is there an easier one?", "en", Level.EASIER),
        ("la sierra ya me sale fácil, ¿cómo la hago más difícil?", "es", Level.HARDER),
    ],
)
def test_with_both_ways_said_the_later_one_is_the_version_asked(
    engine: AnswerEngine, text: str, lang: str, level: Level
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.EXERCISE and answer.level is level


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("swimming - which muscles should be working?", "en", "swimming"),
        ("where is the spine twist meant to burn?", "en", "spine-twist"),
        ("en el swimming, ¿qué músculos deberían estar trabajando?", "es", "swimming"),
        # the work it should take, in other words
        ("spine twist: what's meant to be doing the work?", "en", "spine-twist"),
        ("what part is the swimming supposed to work", "en", "swimming"),
        ("¿qué parte debería trabajar en el swimming?", "es", "swimming"),
    ],
)
def test_where_it_should_be_felt_asks_the_entry_on_it_not_the_benefits(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert entry(engine, text, lang)[0] == exercise_id


def test_where_it_should_be_felt_shows_the_benefits_when_no_entry_says(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("what should burn in the saw?", "en")  # The Saw has no such entry
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.BENEFITS
    assert engine.answer("what muscles does the saw work?", "en").section is Section.BENEFITS


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "section"),
    [
        ("teaser how", "en", "teaser", Section.STEPS),  # "how" and a name, nothing more
        ("the saw howto", "en", "the-saw", Section.STEPS),
        ("howto do the saw", "en", "the-saw", Section.STEPS),
        ("how2 do the saw", "en", "the-saw", Section.STEPS),
        # the steps asked as how it should go
        ("the saw, how is it supposed to go?", "en", "the-saw", Section.STEPS),
        ("mermaid: how's that one done?", "en", "mermaid", Section.STEPS),
        ("what's the correct way to do the mermaid", "en", "mermaid", Section.STEPS),
        ("como se ase el puente de hombros", "es", "shoulder-bridge", Section.STEPS),
        ("sacacorchos como", "es", "corkscrew", Section.STEPS),
        ("rodar como una pelota", "es", "rolling-like-a-ball", Section.OVERVIEW),  # in the name
        ("what does the swan dive strengthen", "en", "swan-dive", Section.BENEFITS),
        ("what does the mermaid do for you", "en", "mermaid", Section.BENEFITS),
        ("the swimming, what does it actually build?", "en", "swimming", Section.BENEFITS),
        ("commonmistakes teaser", "en", "teaser", Section.MISTAKES),  # a cue typed as one
        ("dbl leg stretch tips", "en", "double-leg-stretch", Section.TIPS),
    ],
)
def test_parts_asked_in_few_or_misspelt_words(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, section: Section
) -> None:
    assert card(engine, text, lang)[:2] == (exercise_id, section)


def test_a_short_misspelt_name_word_is_read_as_the_one_that_completes_the_name(
    engine: AnswerEngine,
) -> None:
    # "faca" is one letter from "face", "foca" (the seal), "saca" and "vaca": beside "gato",
    # it is the cow of Cat-Cow
    assert card(engine, "gato faca, como se hace", "es")[0] == "cat-cow"


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        ("how to do leg poul front", "leg-pull-front"),  # two slips, between two name words
        ("bird gdo tips", "bird-dog"),  # three letters, out of order, after "bird"
    ],
)
def test_a_word_further_from_a_name_word_is_read_as_it_where_the_name_says_it(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text)[0] == exercise_id


def test_a_word_beside_a_word_many_names_share_is_not_read_into_a_name(
    engine: AnswerEngine,
) -> None:
    # "pilates" starts a name of the seal; "wear" before it is no slip of "seal"
    answer = engine.answer("what socks should I wear to pilates?")
    assert answer.kind is not AnswerKind.EXERCISE and "seal" not in offered(answer)


def test_a_misspelt_word_that_a_name_also_holds_is_still_corrected(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("teaser brething", "en")  # "breathing" is in a name too
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert "breathe" in answer.faq.question
    assert engine.answer("receta de tortilla de patatas", "es").kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("the saw feels easy now, any progression?", "en", Level.HARDER),
        ("the saw for someone starting out", "en", Level.EASIER),
        ("no aguanto la sierra, ayuda", "es", Level.EASIER),
    ],
)
def test_the_version_asked_in_everyday_words(
    engine: AnswerEngine, text: str, lang: str, level: Level
) -> None:
    exercise, _, version = card(engine, text, lang)
    assert (exercise, version) == ("the-saw", level)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("who should not do the roll over?", "en"),
        ("my back is dodgy, should I sit out the roll over?", "en"),
        ("with my glaucoma should I steer clear of the roll over?", "en"),
        ("¿quién no debería hacer el roll over?", "es"),
        ("roll over con hernia discal, ¿lo hago o mejor no?", "es"),
    ],
)
def test_a_safety_question_without_a_safety_word_asks_who_should_avoid_it(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert answer.faq.question == who_should_avoid(engine, "roll-over", lang)


def test_phrases_are_read_as_the_words_they_mean(engine: AnswerEngine) -> None:
    lexicon = engine._index("en").lexicon
    assert lexicon.analyse("should I sit it out").words == ("should", "i", "skip", "it")
    assert lexicon.analyse("pls sit out").words == ("please", "skip")  # after shorthand


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("is the mermaid basically just a side bend?", "en", "side-bend"),
        ("is the glute bridge basically just a shoulder bridge?", "en", "shoulder-bridge"),
        ("¿el puente de glúteos es igual que el puente de hombros?", "es", "shoulder-bridge"),
    ],
)
def test_a_comparison_without_a_word_of_likeness_asks_the_comparison(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert answered(engine, text, lang) == (AnswerKind.FAQ, exercise_id)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("can I do the saw after drinking coffee?", "en"),
        ("¿qué música pongo para hacer la sierra?", "es"),
    ],
)
def test_a_name_in_a_question_about_something_no_page_covers_gets_no_card(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.NONE  # not even "did you mean"
    assert engine.answer("how do i do the saw", "en").section is Section.STEPS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what year did Joseph Pilates write his book, and was the teaser in it back then?", "en"),
        ("¿En qué año escribió Joseph Pilates su libro? ¿Ya salía el teaser en él?", "es"),
    ],
)
def test_a_general_question_in_other_words_is_about_another_thing_than_the_exercise(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """ "What..." asks for no particular part of the exercise: the words around the name,
    which no page uses, say the question is about something else (here, history)."""
    assert engine.answer(text, lang).kind is not AnswerKind.EXERCISE
    assert engine.answer(text, lang).kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("which oil is best for a rusty bicycle chain?", "en"),
        ("how do I sharpen the teeth of an old saw", "en"),
        ("¿dónde puedo ver focas en Galicia?", "es"),
        ("¿cómo afilo una sierra de carpintero?", "es"),
    ],
)
def test_a_name_that_is_an_everyday_thing_needs_a_sign_of_pilates(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """A name made of everyday words ("saw", "seal") said with words no page uses and no
    sign of Pilates (a body word, a part asked in its own words, "exercise") is the thing,
    not the exercise: an honest no, not its card."""
    assert engine.answer(text, lang).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("there's a seal sleeping on the rocks by the harbour, is it hurt?", "en"),
        ("I found a dead bug with long legs behind the sofa, is it a spider?", "en"),
        ("vi una foca tomando el sol en las rocas del puerto", "es"),
        ("hay un bicho muerto en el suelo de la cocina, ¿lo tiro a la basura?", "es"),
    ],
)
def test_a_name_said_as_one_thing_among_many_is_that_thing(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """An exercise is called by its name or "the ...": "a seal", "un bicho muerto" after a
    word that neither does it nor likens it is one of many things of that name, and a word
    of the body or of the pages beside it may be the thing's (a hurt seal, a bug's legs)."""
    assert engine.answer(text, lang).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "back" said of the thing, not one's own: no sign of Pilates
        ("how can I throw a boomerang so it flies back", "en"),
        # rare words that no page of the seal says ("redo", "tray"), whatever others say
        ("the seal round my shower tray has gone black, how do I redo it?", "en"),
    ],
)
def test_an_everyday_thing_is_told_by_what_its_page_never_says(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """A word of the body counts as a sign of Pilates when it is one's own ("my back"), and
    a rare word counts against the exercise when its own page and entries never say it: the
    thing, and no entry that shares a word with it, is what is asked."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.NONE


def test_how_to_breathe_is_asked_of_the_exercise_not_the_thing(engine: AnswerEngine) -> None:
    """Rare words around how to breathe ("cojo aire") still ask of the exercise."""
    answer = engine.answer("en el sacacorchos, ¿cuándo cojo aire?", "es")
    assert answer.kind is AnswerKind.FAQ
    assert exercise_of(engine, "en el sacacorchos, ¿cuándo cojo aire?", "es") == "corkscrew"


def test_one_word_of_an_entry_among_others_settles_no_name(engine: AnswerEngine) -> None:
    """Several names said ("saw", "seal") and a single word of an entry among words it does
    not say: the entry is offered at most, not answered."""
    answer = engine.answer("Saw a seal at the zoo today, are they safe around toddlers?")
    assert answer.kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("how do I do a jackknife without hurting my neck", "en", "jackknife"),
        ("can I do a seal with a bad neck", "en", "seal"),
        ("rock like a seal on your back, what's that one", "en", "seal"),
        ("what's a baby swan", "en", "swan-prep"),
        ("my saw feels stuck in my lower back", "en", "the-saw"),
        ("hago una foca y me duele el cuello", "es", "seal"),
        ("ruedo como una foca hacia atrás, ¿cuál es?", "es", "seal"),
    ],
)
def test_a_name_done_likened_or_ones_own_is_the_exercise(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """ "a ..." after a verb of doing it, a likeness or a word of being, and "my ..." (one's
    own performance as much as one's own tool), still name the exercise."""
    assert engine.answer(text, lang).kind in (AnswerKind.EXERCISE, AnswerKind.FAQ)
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("seal", "en", "seal"),
        ("the saw please", "en", "the-saw"),
        ("saw tips", "en", "the-saw"),
        ("how do I do the seal", "en", "seal"),
        ("my neck hurts in the seal", "en", "seal"),
        ("why bother with the corkscrew", "en", "corkscrew"),
        ("sierra", "es", "the-saw"),
        ("la foca", "es", "seal"),
        ("¿cómo se respira en la sierra?", "es", "the-saw"),
    ],
)
def test_a_name_that_is_an_everyday_thing_still_names_the_exercise(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """The name alone, with a part asked, or with a word of Pilates (the neck, breathing) is
    the exercise."""
    answer = engine.answer(text, lang)
    assert answer.kind in (AnswerKind.EXERCISE, AnswerKind.FAQ)
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "asked"),
    [
        ("any concerns with the saw if I have a bad back?", "en", "safe"),
        ("should I be sitting that one out, the saw, with my hernia?", "en", "safe"),
        ("I get a bit woozy coming up from the standing roll down", "en", "dizzy"),
        ("me da vueltas la cabeza al subir del roll down de pie", "es", "mareo"),
    ],
)
def test_everyday_words_for_safety_and_dizziness(
    engine: AnswerEngine, text: str, lang: str, asked: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert asked in answer.faq.question.lower()


@pytest.mark.parametrize(
    "text",
    [
        "how do I do the one on all fours where you round your back up and then let it sag",
        "how do you do the one where you stand and roll down through your spine to the floor",
    ],
)
def test_how_to_do_a_described_movement_gets_its_steps_not_an_entry(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.answer(text, "en")
    assert answer.kind is not AnswerKind.FAQ
    if answer.kind is AnswerKind.EXERCISE:
        assert answer.section is Section.STEPS


@pytest.mark.parametrize(
    ("text", "lang", "equipment"),
    [
        ("a random one with no equipment, not even a mat", "en", "none"),  # the stricter
        ("uno al azar sin colchoneta", "es", "none"),
        ("a random mat exercise", "en", "mat"),
        ("I don't have a mat here, a random one with no equipment at all", "en", "none"),
        ("no tengo colchoneta, dame uno al azar", "es", "none"),
    ],
)
def test_the_equipment_a_random_pick_may_use(
    engine: AnswerEngine, text: str, lang: str, equipment: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.RANDOM and answer.filters is not None
    assert answer.filters.equipment == equipment


def test_legs_that_come_apart_are_the_mistake_of_separating_them(engine: AnswerEngine) -> None:
    for text in (
        "in the clam my feet come apart",
        "during corkscrew my legs slowly drift apart",
        "my legs keep coming apart in the corkscrew",  # not the "come" of "come off the mat"
    ):
        answer = engine.answer(text, "en")
        assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MISTAKES, text
    # "what separates X from Y" still asks the difference
    assert engine.answer("what separates swan prep from swan dive?", "en").kind is AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("what's teaser 3?", "en", Level.HARDER),
        ("bent knee teaser", "en", Level.EASIER),
        ("el teaser 3", "es", Level.HARDER),
        # the little words inside the version's name stepped over
        ("la natación a cuatro patas, ¿cómo es?", "es", Level.EASIER),
    ],
)
def test_a_version_named_by_its_own_name_shows_that_version(
    engine: AnswerEngine, text: str, lang: str, level: Level
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MODIFICATIONS
    assert answer.level is level
    # a question about it is still answered as one (on a place the Teaser's entries name:
    # its only entry on pain is on the lower back, no answer for a sore neck)
    assert engine.answer("teaser 2 lower back pain", "en").kind is AnswerKind.FAQ


def test_a_problem_told_that_a_tip_speaks_of_is_answered_by_the_mistakes(
    engine: AnswerEngine,
) -> None:
    # a tip says where the knee goes; the mistakes say what goes wrong and how to fix it
    answer = engine.answer(
        "en los toe taps la rodilla se me va para fuera y el pie cae lejos", "es"
    )
    assert answer.exercise is not None and answer.exercise.id == "toe-taps"
    assert answer.section is Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "lang", "offered"),
    [
        (
            "the single leg stretch, not sure if it was the straight leg one, how does it go",
            "en",
            {"single-leg-stretch", "single-straight-leg-stretch"},
        ),
        ("patadas de lado, no recuerdo si era de rodillas o tumbada", "es", {"side-kick-series"}),
        # unsure what the teacher meant: the pages whose names hold the word said too
        (
            "scissors - not sure if my instructor meant flat on the back or hips up. steps?",
            "en",
            {"scissors", "single-straight-leg-stretch"},
        ),
        (
            "tijeras: no sé si la monitora se refería a las de cadera arriba o tumbada",
            "es",
            {"scissors", "single-straight-leg-stretch"},
        ),
    ],
)
def test_a_writer_unsure_which_exercise_it_was_is_offered_them(
    engine: AnswerEngine, text: str, lang: str, offered: set[str]
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert offered <= {e.id for e in answer.candidates}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("plank with leg lifts, how does it go?", "en"),
        ("plancha con elevación de pierna, ¿qué es?", "es"),
    ],
)
def test_a_keyword_of_one_page_that_is_a_version_of_another_offers_both(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # Leg Pull Front's keyword "plank leg lifts" is also Plank's harder "Plank with Leg Lift"
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert "plank" in {e.id for e in answer.candidates}


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "section"),
    [
        # an aside after the name is no subject of its own
        ("tell me the steps of the swan dive please mate", "en", "swan-dive", Section.STEPS),
        ("how do I do the corkscrew? asking for my grandma", "en", "corkscrew", Section.STEPS),
        ("what is the teaser, my friend mentioned it", "en", "teaser", Section.OVERVIEW),
        # "starting out" is the story here, not the version asked
        ("I'm just starting out, how do I do the hundred", "en", "the-hundred", Section.STEPS),
        ("what do I do in the saw", "en", "the-saw", Section.STEPS),
        ("¿qué hago en la sierra?", "es", "the-saw", Section.STEPS),
    ],
)
def test_plain_requests_with_words_around_them_keep_their_card(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, section: Section
) -> None:
    assert card(engine, text, lang)[:2] == (exercise_id, section)


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "asked"),
    [
        # how a body part should (not) move is no safety question
        ("my hips should not move in the saw, how do I keep them still", "en", "the-saw", "hips"),
        (
            "en el leg pull back no debería notarlo en la lumbar, ¿verdad?",
            "es",
            "leg-pull-back",
            "sentir",
        ),
        # "count as" is counting here, as the pages use it
        ("how do I count as I breathe in the hundred", "en", "the-hundred", "breathe"),
        ("anything for wrist pain during plank?", "en", "plank", ""),  # not a random pick
    ],
)
def test_phrases_and_cues_do_not_take_over_a_question_about_the_exercise(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, asked: str
) -> None:
    exercise, question = entry(engine, text, lang)
    assert exercise == exercise_id and asked in question


@pytest.mark.parametrize("text", ["my wrists hurt in plank", "wrists are killing me in the plank"])
def test_an_entry_that_says_the_rarest_word_goes_before_a_close_one_that_does_not(
    engine: AnswerEngine, text: str
) -> None:
    # "pain" alone fits the entry on a sore lower back a little better; the entry on hands or
    # forearms is the one whose answer speaks of the wrists
    exercise, question = entry(engine, text)
    assert exercise == "plank" and "forearms" in question


def test_hundred_how_many_is_no_request_for_the_steps(engine: AnswerEngine) -> None:
    assert engine.answer("hundred how many", "en").section is not Section.STEPS
    assert engine.answer("la sierra como ejercicio", "es").section is not Section.STEPS


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_cue_holds_a_phrase_that_messages_are_read_into_one_word(lang: str) -> None:
    # cue tables are read with the phrases applied, as messages are: a phrase inside a cue
    # would turn the cue into another ("no debo" inside "que no debo hacer" made "riesgo" ask
    # for the mistakes)
    from bot.languages import language
    from bot.languages.text import words

    table = language(lang)
    keys = [tuple(k.split()) for k in table.phrases]
    cues = [t for texts in table.section_cues.values() for t in texts]
    cues += [*table.random_cues, *table.weak_random_cues, *table.session_cues]
    cues += [*table.name_requests, *table.description_markers, *table.equipment_words]
    for cue in cues:
        said = [p for w in words(cue) for p in table.shorthand.get(w, w).split()]
        for key in keys:
            spans = (tuple(said[i : i + len(key)]) for i in range(len(said)))
            assert key not in spans, (cue, key)


def test_with_several_exercises_named_an_entry_about_the_others_answers(
    engine: AnswerEngine,
) -> None:
    # Boomerang's entry is about getting from its roll over into its teaser
    text = "boomerang - I always throw myself up from the roll over into the teaser"
    assert entry(engine, text)[0] == "boomerang"


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "Been doing the roll up for ages and just moved on to the neck pull. Why do my "
            "heels lift when I sit up?",
            "en",
            "neck-pull",
        ),
        (
            "instead of the roll up my teacher gave me the chest lift, is it ok for my neck?",
            "en",
            "chest-lift",
        ),
        ("I like the saw more than the spine twist, why?", "en", "the-saw"),
        (
            "antes hacía el roll up y ahora el neck pull, ¿por qué se me levantan los pies?",
            "es",
            "neck-pull",
        ),
        ("después del cien hacemos el roll up, ¿cómo respiro?", "es", "roll-up"),
        (
            "en vez del cien mi fisio me dio el dead bug, ¿puedo hacerlo con osteoporosis?",
            "es",
            "dead-bug",
        ),
    ],
)
def test_an_exercise_named_as_context_is_not_the_one_asked(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    # What came before, after or instead, or what it is compared with, sets the scene
    # ("like" as a verb compares nothing); the question is about the other exercise
    message = read(text, engine._index(lang))
    assert [m.exercise_id for m in message.subjects] == [exercise_id]
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("open leg rocker: I roll back too far, how do I stop?", "en", "open-leg-rocker"),
        ("seal - my feet slap down as I roll back, why?", "en", "seal"),
        ("sacacorchos: ¿cómo respiro al hacer el círculo de las piernas?", "es", "corkscrew"),
    ],
)
def test_a_name_as_heading_is_what_the_question_after_it_is_about(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    # Another exercise's name said in everyday words after it ("roll back") is a word of
    # the question
    message = read(text, engine._index(lang))
    assert [m.exercise_id for m in message.subjects] == [exercise_id]
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        ("my wrists hurt in the swan dive when I push up", "swan-dive"),
        ("in the seal my feet slap the floor every time I roll back up", "seal"),
        # said alone, what is done is still that exercise's name
        ("when I roll up my neck hurts", "roll-up"),
    ],
)
def test_a_name_said_as_what_someone_does_is_a_verb_beside_another_name(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    message = read(text, engine._index("en"))
    assert [m.exercise_id for m in message.subjects] == [exercise_id]
    assert exercise_of(engine, text) == exercise_id


@pytest.mark.parametrize(
    ("text", "lang"),
    [("my neck is sore after the hundred", "en"), ("me duele el cuello después del cien", "es")],
)
def test_an_exercise_named_alone_after_a_word_of_context_is_still_the_one_asked(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert exercise_of(engine, text, lang) == "the-hundred"


@pytest.mark.parametrize(
    ("text", "exercise_id", "asked"),
    [
        (
            "estoy embarazada de 6 meses y hago la sierra, ¿la puedo seguir haciendo?",
            "the-saw",
            "embarazada",
        ),
        (
            "cuando ruedo como una pelota hago pum pum con la espalda",
            "rolling-like-a-ball",
            "golpes",
        ),
    ],
)
def test_spanish_ways_of_saying_keep_doing_it_and_a_thud(
    engine: AnswerEngine, text: str, exercise_id: str, asked: str
) -> None:
    exercise, question = entry(engine, text, "es")
    assert exercise == exercise_id and asked in question


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_phrase_keeps_the_words_that_point_back(lang: str) -> None:
    # "should I sit it out?" after a card is about that card: "it" must survive the phrase
    from bot.languages import language

    table = language(lang)
    for phrase, read_as in table.phrases.items():
        kept = set(read_as.split())
        assert all(w in kept for w in phrase.split() if w in table.references), phrase


def test_a_follow_up_asked_with_a_phrase_is_still_about_the_card(engine: AnswerEngine) -> None:
    text = "¿la puedo seguir haciendo si estoy embarazada?"
    assert entry(engine, text, "es", about="the-saw")[0] == "the-saw"


def test_a_long_title_said_whole_is_meant_even_inside_a_description(
    engine: AnswerEngine,
) -> None:
    """A title of three words said in full is the exercise asked about, however well another
    page's text explains the rest ("tip forward", "on one knee" describe a push-up too)."""
    text = (
        "Back at it after years off. Doing the kneeling side kicks my body tips to the front"
        " and I nearly fall onto the mat, how do I stay steady on one knee?"
    )
    assert exercise_of(engine, text) == "kneeling-side-kicks"


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        # "che" (Argentine "hey") is no "chest" being typed; "bal" a letter short is "ball"
        ("che, en el roll up me duele la espalda, ¿qué hago?", "es", "roll-up"),
        ("rolling like a bal mistakes", "en", "rolling-like-a-ball"),
        # a little word far off is no part of a longer name: "plancha lateral" is said,
        # not "flexión lateral en plancha" (Side Bend)
        (
            "hoy tocaba plancha lateral y estoy embarazada, ¿es recomendable en mi estado?",
            "es",
            "side-plank",
        ),
    ],
)
def test_the_name_said_is_told_from_pieces_of_other_names(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert exercise_of(engine, text, lang) == exercise_id


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        (
            "my doctor banned sit ups because of my bones. is the dead bug ok for osteoporosis?",
            "dead-bug",
        ),
        ("no more sit ups for me since my back surgery, is the hundred safe?", "the-hundred"),
    ],
)
def test_another_exercise_named_only_in_part_is_context_not_a_second_subject(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    """ "sit ups" half says Roll Up's "pilates sit up": no entry of it, and no choice between
    it and the exercise named in full."""
    assert entry(engine, text)[0] == exercise_id


def test_a_verb_for_a_cramp_is_a_cramp(engine: AnswerEngine) -> None:
    text = "en el puente de glúteos se me acalambra el muslo por detrás, ¿qué hago?"
    assert entry(engine, text, "es")[0] == "glute-bridge"


def test_a_described_exercise_is_done_in_the_position_stated(engine: AnswerEngine) -> None:
    """Opposite arm and leg reaching away is Bird Dog's as much as Dead Bug's, but Bird Dog
    is done on all fours."""
    text = "what's the one lying on your back where opposite arm and leg reach away, knees at 90?"
    assert card(engine, text)[0] == "dead-bug"


def test_a_name_with_another_title_said_inside_it_was_not_said(engine: AnswerEngine) -> None:
    """ "forearm side plank" holds "forearm ... plank" (Plank's "forearm plank") around "side
    plank": Side Plank is meant, and Plank's entries are not asked."""
    text = "my forearm side plank is solid for a minute now, how do I make it more challenging?"
    assert card(engine, text) == ("side-plank", Section.MODIFICATIONS, Level.HARDER)


@pytest.mark.parametrize(
    ("text", "lang", "question"),
    [
        ("patada doble como se respira", "es", "¿Cómo se respira en el double leg kick?"),
        ("swan dive when breathe in", "en", "How should I breathe in swan dive?"),
    ],
)
def test_a_short_message_asks_with_a_question_word_anywhere(
    engine: AnswerEngine, text: str, lang: str, question: str
) -> None:
    """Too short to hold a description ("the one where..."), so "como", "when" ask."""
    assert entry(engine, text, lang)[1] == question


def test_a_short_description_after_a_word_like_exercise_asks_nothing(
    engine: AnswerEngine,
) -> None:
    """ "ejercicio donde...": "donde" introduces the description; no entry on a pain nobody
    told is the answer."""
    answer = engine.answer("ejercicio donde abrazas las rodillas y ruedas", "es")
    assert answer.kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # told in the first person, a description asks nothing of the exercise
        (
            "sitting on my sit bones holding my shins, rolling back and up and clapping my feet",
            "seal",
        ),
        # "that one where..." introduces a description, as "the one where..." does
        (
            "that one where you hug your knees in a ball and roll back and forth",
            "rolling-like-a-ball",
        ),
    ],
)
def test_a_description_told_in_the_first_person_is_the_exercise_not_an_entry(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text)[:2] == (exercise_id, Section.OVERVIEW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("plank, on straight arms or on my elbows?", "en"),
        ("la plancha, ¿con los brazos estirados o sobre los codos?", "es"),
    ],
)
def test_what_a_plank_is_held_on_in_other_words(engine: AnswerEngine, text: str, lang: str) -> None:
    exercise_id, question = entry(engine, text, lang)
    assert exercise_id == "plank" and ("forearms" in question or "antebrazos" in question)


def test_someone_who_should_not_do_it_in_the_subjunctive(engine: AnswerEngine) -> None:
    text = "mi tía tiene glaucoma, ¿hay gente que no deba hacer el roll over?"
    assert entry(engine, text, "es")[1] == who_should_avoid(engine, "roll-over", "es")


def test_a_name_said_first_in_full_is_the_topic_not_a_name_in_passing(
    engine: AnswerEngine,
) -> None:
    """However well another page describes the rest ("legs ... over ... roll"), a name that
    opens the message is what it is about: it is among the answers, never left out."""
    text = "lower lifts: how far down should the legs go before my lower back starts peeling up"
    assert "double-straight-leg-stretch" in offered(engine.answer(text, "en"))


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("random glute exercise, nothing too hard", "en", Difficulty.BEGINNER),
        ("uno al azar para glúteos, nada muy difícil", "es", Difficulty.BEGINNER),
        ("a random one for intermediates", "en", Difficulty.INTERMEDIATE),
        ("uno al azar para intermedias", "es", Difficulty.INTERMEDIATE),
    ],
)
def test_the_level_a_random_pick_is_asked_at(
    engine: AnswerEngine, text: str, lang: str, level: Difficulty
) -> None:
    """A level said by what it should not be ("nothing too hard") is the gentle one."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.RANDOM and answer.filters is not None
    assert answer.filters.difficulty is level


@pytest.mark.parametrize(
    ("text", "section", "level"),
    [
        # how it feels is how easy it is, not where it is felt
        ("how do I progress the saw once it feels easy?", Section.MODIFICATIONS, Level.HARDER),
        # "how's" is "how is"
        ("the saw, how's it done properly?", Section.STEPS, None),
    ],
)
def test_a_part_asked_in_everyday_words(
    engine: AnswerEngine, text: str, section: Section, level: Level | None
) -> None:
    assert card(engine, text) == ("the-saw", section, level)


@pytest.mark.parametrize(
    "text",
    [
        "how do I do the teaser on the reformer?",
        "can I do the saw with a resistance band?",
        "should I hold a plank with dumbbells on my back?",
    ],
)
def test_a_named_exercise_with_equipment_no_page_uses_is_not_its_card(
    engine: AnswerEngine, text: str
) -> None:
    """Every page is done on a mat: its card, or an entry that shares a word or two ("back"),
    would answer another question."""
    assert engine.answer(text, "en").kind not in (AnswerKind.EXERCISE, AnswerKind.FAQ)


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # the pages' own versions use a chair, a wall, a block
        ("can I do the mermaid sitting on a chair? my knees hate kneeling", "mermaid"),
        ("spine stretch forward with my back against a wall?", "spine-stretch-forward"),
        # equipment not what it is done on: the class it was learnt in
        ("my reformer teacher said my roll up is sloppy, how do i fix it", "roll-up"),
    ],
)
def test_equipment_the_pages_speak_of_or_only_mentioned_still_gets_an_answer(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert exercise_id in offered(engine.answer(text, "en"))


def test_equipment_in_a_story_before_the_question_does_not_change_it(
    engine: AnswerEngine,
) -> None:
    text = "I have only ever done chair exercises. Could you tell me how to do the dead bug?"
    assert card(engine, text)[0] == "dead-bug"


def test_a_title_said_word_after_word_with_one_word_misheard(engine: AnswerEngine) -> None:
    """Voice typing writes "role up"; "role" is also the stem of a typo a page lists
    ("roling"), which must not stop it being read as a typo of "roll"."""
    assert card(engine, "whats the role up good for")[:2] == ("roll-up", Section.BENEFITS)


def test_whether_to_stop_doing_it_asks_who_should_not(engine: AnswerEngine) -> None:
    text = "estoy embarazada de 4 meses, ¿puedo seguir con la plancha o mejor la dejo?"
    assert "embarazada" in entry(engine, text, "es")[1]


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # "de pie" is standing, not the feet ("pies") other pages put on the floor
        (
            "de pie, enrollo la espalda hacia el suelo vértebra a vértebra, ¿cómo se llama?",
            "standing-roll-down",
        ),
        # "patalear" is the legs' quick beating
        ("boca abajo, pataleando con brazos y piernas contrarios muy rápido", "swimming"),
    ],
)
def test_a_movement_described_in_spanish_words_the_page_does_not_use(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert exercise_id in offered(engine.answer(text, "es"))


@pytest.mark.parametrize(
    ("text", "lang", "section"),
    [
        ("what do beginners usually mess up in the saw?", "en", Section.MISTAKES),
    ],
)
def test_a_part_in_slang(engine: AnswerEngine, text: str, lang: str, section: Section) -> None:
    assert card(engine, text, lang)[:2] == ("the-saw", section)


def test_a_video_in_the_story_is_not_the_part_asked(engine: AnswerEngine) -> None:
    """ "I learn with videos": how they learnt, not a video asked for."""
    text = "I learn everything from videos at home. In the saw, when should I breathe out?"
    answer = engine.answer(text, "en")
    assert answer.section is not Section.VIDEO
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert "breathe" in answer.faq.question


def test_shivering_legs_in_chilean_spanish_tremble(engine: AnswerEngine) -> None:
    text = "en el cien me tiritan las piernas, ¿por qué?"
    assert "tiemblan" in entry(engine, text, "es")[1]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("does the saw burn a lot of calories?", "en"),
        ("which brand of mat is best for side kicks", "en"),
        ("can i do the swan right after eating", "en"),
        ("can the hundred cure back pain forever?", "en"),
        ("¿cuántas calorías gasto con la sierra?", "es"),
        ("¿el roll up sirve para adelgazar?", "es"),
        ("Who invented the teaser? Was it in the first book?", "en"),
        ("My leg tingles after the roll up. Can you diagnose it?", "en"),
        ("¿Quién inventó la sierra? ¿Tiene historia?", "es"),
        ("is the saw good for migraines?", "en"),
        ("will the hundred help my tennis serve?", "en"),
        ("¿la foca ayuda con el insomnio?", "es"),
        ("does the swimming improve my backstroke?", "en"),  # the sport, not the exercise
        ("¿la natación de pilates me sirve para nadar a crol más rápido?", "es"),
        # an order to send back, children to teach: the pages do neither
        ("the push up bra I ordered doesn't fit, can I get a refund?", "en"),
        ("can my kids do the hundred with me?", "en"),
        ("¿cómo devuelvo el pedido de la esterilla?", "es"),
    ],
)
def test_a_question_about_what_no_page_speaks_of_is_an_honest_no(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """Calories, diets, shopping, cures, who invented it, a diagnosis, an illness, another
    sport: no page answers them, so
    the nearest entry sharing a word ("burn", "side kicks") is no answer; the bot says the pages
    do not cover it, whichever sentence of the message asks it."""
    answer = engine.answer(text, lang)
    assert (answer.kind, answer.reason) == (AnswerKind.NONE, NoAnswer.UNCOVERED)


def test_such_a_word_in_the_story_leaves_the_question_answered(engine: AnswerEngine) -> None:
    """The story may mention a diet; the question after it is about the exercise."""
    text = (
        "I started a new diet last month and I am eating better, feeling lighter. "
        "But in the hundred my neck hurts after twenty breaths, what am I doing wrong?"
    )
    assert entry(engine, text)[0] == "the-hundred"


def test_a_page_that_speaks_of_it_answers_it(tmp_path: Path) -> None:
    """The table lists what pages do not cover; once a page does, its entry answers."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / "exercises" / "the-saw.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "faq:\n",
            'faq:\n  - q: "Does the saw burn many calories?"\n'
            '    a: "Few: it is a stretch and a twist, done slowly."\n',
            1,
        ),
        encoding="utf-8",
    )
    engine = AnswerEngine(load_library(content).library)
    _, question = entry(engine, "does the saw burn a lot of calories?")
    assert question == "Does the saw burn many calories?"


@pytest.mark.parametrize(
    ("text", "lang"), [("cisne", "es"), ("el cisne", "es"), ("the swan", "en")]
)
def test_a_nickname_two_exercises_share_offers_both_article_or_not(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """Swan Prep's page lists "cisne" and "el cisne" as its nicknames, and Swan Dive is "el
    cisne completo": the one word, with its article or without, chooses neither."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"swan-prep", "swan-dive"} <= {e.id for e in answer.candidates}


@pytest.mark.parametrize("text", ["dame los pasos del cisne", "errores del cisne"])
def test_a_shared_nickname_with_a_part_asked_still_chooses_neither(
    engine: AnswerEngine, text: str
) -> None:
    """The words that ask for a part ("pasos", "errores") choose no exercise: "cisne" with
    them is as open as "cisne" alone, Swan Prep or Swan Dive."""
    answer = engine.answer(text, "es")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"swan-prep", "swan-dive"} <= {e.id for e in answer.candidates}


def test_words_four_titles_share_offer_all_four(engine: AnswerEngine) -> None:
    """ "leg stretches" is in four titles (single, double, and their straight-leg versions):
    all four are offered, not the first three."""
    answer = engine.answer("leg stretches")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {
        "single-leg-stretch",
        "double-leg-stretch",
        "single-straight-leg-stretch",
        "double-straight-leg-stretch",
    } <= {e.id for e in answer.candidates}


@pytest.mark.parametrize(
    ("text", "lang", "family"),
    [
        ("a twist please", "en", {"spine-twist", "hip-twist", "the-saw", "criss-cross"}),
        ("twisting", "en", {"spine-twist", "hip-twist", "the-saw"}),
        ("el puente", "es", {"glute-bridge", "shoulder-bridge", "side-plank"}),
    ],
)
def test_a_word_two_titles_share_offers_the_others_called_by_it_too(
    engine: AnswerEngine, text: str, lang: str, family: set[str]
) -> None:
    """ "twist" is in two titles (Spine Twist, Hip Twist), and in names the Saw ("saw twist")
    and Criss-Cross ("oblique twist") go by: the word is the family's, so they are offered
    after the two titles; "puente" brings Side Plank's "puente lateral". A title said whole
    still names its exercise."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert family <= {e.id for e in answer.candidates}
    assert answered(engine, "spine twist") == (AnswerKind.EXERCISE, "spine-twist")
    assert answered(engine, "the saw") == (AnswerKind.EXERCISE, "the-saw")
    assert answered(engine, "puente de glúteos", "es") == (AnswerKind.EXERCISE, "glute-bridge")


def test_a_phrase_in_a_keyword_of_several_exercises_offers_them(engine: AnswerEngine) -> None:
    """Each exercise of the series of five has a keyword "series of five ...": the phrase
    alone, in no title, names any of the five."""
    answer = engine.answer("the five series exercises")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"single-leg-stretch", "double-leg-stretch", "criss-cross"} <= {
        e.id for e in answer.candidates
    }


def test_a_name_half_said_that_a_description_fits_another_exercise_offers_both(
    engine: AnswerEngine,
) -> None:
    """ "levantar un brazo y la pierna contraria" holds most of a keyword of Bird Dog, but
    Dead Bug's own text explains those words as well (lying on the back, it reaches an arm
    and the other leg too): the half name chose nothing, both are offered."""
    answer = engine.answer("el de levantar un brazo y la pierna contraria", "es")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"bird-dog", "dead-bug"} <= {e.id for e in answer.candidates}


def test_one_after_a_describing_word_is_no_name_s_number(engine: AnswerEngine) -> None:
    """ "that straight leg stretch one": "one" stands for the exercise, so it is not One Leg
    Stretch (Single Leg Stretch's alias) but one of the two straight leg stretches; "one
    leg circles" still begins a name."""
    answer = engine.answer("show me that straight leg stretch one")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"single-straight-leg-stretch", "double-straight-leg-stretch"} <= {
        e.id for e in answer.candidates
    }
    assert card(engine, "one leg circles tips")[:2] == ("single-leg-circles", Section.TIPS)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("an exercise that takes two minutes or less", 120), ("a move, 45 seconds at most", 45)],
)
def test_a_bound_said_after_the_time_is_part_of_the_request(
    engine: AnswerEngine, text: str, seconds: int
) -> None:
    """ "or less" after the time bounds it as "under" before it does: a random pick that fits."""
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.RANDOM and answer.filters.max_seconds == seconds
    assert answer.exercise is not None and (answer.exercise.duration or 0) <= seconds


@pytest.mark.parametrize(
    "text",
    [
        "halfway through single leg stretch my neck just gives out",
        "neck fatigue in the single leg stretch, any advice",
    ],
)
def test_a_body_part_that_gives_out_is_a_tired_one(engine: AnswerEngine, text: str) -> None:
    assert entry(engine, text) == (
        "single-leg-stretch",
        "My neck gets tired in single leg stretch. What should I do?",
    )


def test_a_fault_a_page_lists_beats_an_entry_whose_answer_only_mentions_it(
    engine: AnswerEngine,
) -> None:
    """Toe Taps' entry on the lower back arching mentions the pelvis in its answer; a pelvis
    that rocks is the page's own listed mistake ("Rocking the pelvis")."""
    assert card(engine, "toe taps: my pelvis keeps rocking from side to side")[:2] == (
        "toe-taps",
        Section.MISTAKES,
    )


def test_the_words_that_ask_for_a_name_are_no_part_of_the_description(
    engine: AnswerEngine,
) -> None:
    """ "What do you call it when" describes nothing: the description fits the pages as well
    with it as without it."""
    index = engine._index("en")
    description = "you lie on your back and pump your arms up and down"
    asked = read(f"what do you call it when {description}", index).described
    assert asked == read(description, index).described


@pytest.mark.parametrize(
    "text",
    [
        "how thick should a wooden plank be for a bookshelf",
        "which corkscrew opens wine bottles without crumbling the cork",
    ],
)
def test_a_name_among_words_no_page_uses_is_another_thing_of_that_name(
    engine: AnswerEngine, text: str
) -> None:
    """Mostly words of the language that no page uses, and few that pages do: a plank of
    wood, a corkscrew for wine. No card, no entry that shares a stray word."""
    assert engine.answer(text).kind in (AnswerKind.NONE, AnswerKind.SUGGESTIONS)


def test_a_problem_in_the_pages_words_is_still_answered(engine: AnswerEngine) -> None:
    assert entry(engine, "my neck hurts in the hundred, what am I doing wrong?")[0] == "the-hundred"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("beginner, half an hour more or less", "en"),
        ("media hora más o menos, nivel principiante", "es"),
        ("intermediate, 20 minutes, no less", "en"),
    ],
)
def test_an_approximate_time_after_it_is_no_bound(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """ "More or less" and "no less" end in a bound word but bound nothing: a session."""
    assert engine.answer(text, lang).kind is AnswerKind.SESSION


def test_a_problem_told_of_a_described_exercise_is_its_entry_not_the_part_asked(
    engine: AnswerEngine,
) -> None:
    """ "Am I doing it wrong" asks for the mistakes, but a message that also tells its
    problem in words the page's own text does not use is answered by the entry on that
    problem when one fits."""
    text = (
        "In the one where you hug one knee in and switch legs in a rhythm, my kneecap hurts "
        "when I pull it in. Am I holding my shin in the wrong place?"
    )
    assert entry(engine, text)[0] == "single-leg-stretch"


def test_exercises_described_about_equally_well_are_offered_before_names_sharing_a_word(
    engine: AnswerEngine,
) -> None:
    """Both kicks done lying on the front fit the description; neither stands out, so both
    are offered, ahead of pages whose names merely hold "kick"."""
    answer = engine.answer("that kicking exercise lying on your front")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert [e.id for e in answer.candidates][:2] == ["single-leg-kick", "double-leg-kick"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("you roll up off the floor into a V and balance there with arms reaching forward", "en"),
        ("el de subir enrollando desde tumbada hasta quedar en V en equilibrio", "es"),
    ],
)
def test_a_shape_said_by_its_letter_describes(engine: AnswerEngine, text: str, lang: str) -> None:
    """A letter alone is no word, but "a V" is the shape the Teaser balances in."""
    assert answered(engine, text, lang) == (AnswerKind.EXERCISE, "teaser")


def test_a_physios_word_for_a_problem_finds_the_entry_in_plain_words(engine: AnswerEngine) -> None:
    """ "Doming" along the midline is the belly popping up into a ridge."""
    text = "I get doming along my midline in the chest lift, is that bad?"
    assert entry(engine, text) == (
        "chest-lift",
        "My belly pops up into a ridge when I do a chest lift. Is that okay?",
    )


def test_a_gym_exercise_said_on_the_way_in_a_description_is_part_of_it(
    engine: AnswerEngine,
) -> None:
    """ "sit up" is a gym exercise, and also how a description starts: with enough words
    besides it that one page explains, the movement is that page's."""
    text = (
        "sit up tall with your legs together and straight, arms reaching out to the sides,"
        " then twist the upper body to each side"
    )
    assert answered(engine, text) == (AnswerKind.EXERCISE, "spine-twist")
    # said alone, it is still the gym exercise
    assert engine.answer("how many sit ups a day").kind is AnswerKind.NONE


def test_a_name_asked_after_a_description_in_the_words_of_pilates(
    engine: AnswerEngine,
) -> None:
    text = "lying on the back, curling up and pumping the arms, what's that called in pilates"
    assert read(text, engine._index("en")).asks_which
    text = "boca arriba, enrollada y bombeando los brazos, ¿cómo le dicen en pilates?"
    assert read(text, engine._index("es")).asks_which


def test_a_description_then_only_its_benefits_asked_is_the_benefits_card(
    engine: AnswerEngine,
) -> None:
    """The words that describe the movement ("heels toward the buttocks") are also those of an
    entry about a problem in it; a question sentence that asks only the benefits asks none."""
    text = (
        "Tumbado boca abajo con las manos entrelazadas en la espalda, das tres patadas con los"
        " dos talones hacia las nalgas y luego estiras y levantas el pecho. ¿Qué beneficios"
        " tiene?"
    )
    assert card(engine, text, "es") == ("double-leg-kick", Section.BENEFITS, None)


def test_a_rare_word_that_only_describes_the_exercise_does_not_pick_the_entry(
    engine: AnswerEngine,
) -> None:
    # "all fours" is how Bird Dog is done, said in an entry on the wrists; the knees are
    # what hurts here.
    _, question = entry(
        engine,
        "I'm 71 with worn-out knees from decades of tennis. Kneeling on all fours for the "
        "bird dog is painful for my knees. What can I do?",
    )
    assert "knees" in question


def test_the_part_the_question_sentence_asks_goes_before_one_the_story_names(
    engine: AnswerEngine,
) -> None:
    # The story's "video" and "form" name parts too; the question asks for another.
    assert card(
        engine,
        "I follow a video at home and my form is fine so far. Teaser is still far too hard "
        "for me. Is there an easier version?",
    ) == ("teaser", Section.MODIFICATIONS, Level.EASIER)


@pytest.mark.parametrize(
    ("text", "exercise_id", "asked"),
    [
        # "feel" is the whole of "Where should I feel the dead bug?", and only one word here
        (
            "My physio gave me dead bugs after my back went last winter. They feel fine, but "
            "are they really safe for the long term with a bad back, or should I drop them "
            "once I'm better?",
            "dead-bug",
            "safe",
        ),
        (
            "Cyclist, 200 km a week, hamstrings like steel. Tried that seated forward roll down "
            "with the legs long in front and I can't sit up straight, I tip over backwards. "
            "What now?",
            "spine-stretch-forward",
            "sit up straight",
        ),
    ],
)
def test_an_entry_asking_one_word_is_no_answer_to_a_long_message_saying_it_in_passing(
    engine: AnswerEngine, text: str, exercise_id: str, asked: str
) -> None:
    found, question = entry(engine, text)
    assert found == exercise_id and asked in question


def test_a_way_of_asking_for_a_pick_said_only_in_the_story_asks_for_none(
    engine: AnswerEngine,
) -> None:
    index = engine._index("en")
    story = "I have swum for exercise for years. In class we open the top knee like a shell."
    asked = read(f"{story} How high should the knee go?", index)
    assert not any(c.kind is AnswerKind.RANDOM for c in requests.propose(asked, index))
    # ...unless the question sentence asks for one itself
    asked = read(f"{story} Can you give me a random exercise for my glutes?", index)
    assert any(c.kind is AnswerKind.RANDOM for c in requests.propose(asked, index))


def test_a_level_alone_names_no_exercise_whose_keyword_holds_it(engine: AnswerEngine) -> None:
    # a page's keyword "beginner pilates" is no name for it
    _, question = entry(
        engine,
        "Total beginner here. Lying on my side with knees bent and heels touching, I open the "
        "top knee. How far should it open?",
    )
    assert "knee" in question


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "On all fours rounding and arching my back, my wrists ache after a minute. "
            "What do I do?",
            "en",
            "cat-cow",
        ),
        ("En la sierra me tiran mucho los isquios. ¿Qué hago?", "es", "the-saw"),
    ],
)
def test_what_to_do_after_a_problem_told_asks_about_the_problem_not_the_steps(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """ "What do I do?" asks for the steps, but after a problem told it asks what to do about
    that problem: the entry on it answers, and the steps are only a guess."""
    part = read(text, engine._index(lang)).part
    assert part is not None and part.tentative
    assert entry(engine, text, lang)[0] == exercise_id


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my hips sink in the side plank. help?", "en"),
        ("my hips sink in the side plank, any tips?", "en"),
        ("my neck hurts in the chest lift, can you help me?", "en"),
        ("my ribs pop up in the hundred. any ideas?", "en"),
        ("my legs shake in the teaser, any advice so I can hold it longer?", "en"),
        ("my ribs pop up in the hundred, is that normal?", "en"),
        ("se me hunde la cadera en la plancha lateral, ¿algún consejo?", "es"),
        ("me duele la muñeca en la flexión, ayuda por favor", "es"),
        ("se me suben los hombros en el cisne. ¿Alguna idea?", "es"),
        ("se me abren las costillas en el cien, ¿es grave?", "es"),
    ],
)
def test_a_plea_after_a_problem_told_asks_for_its_answer(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """ "Help?", "any ideas?", "¿algún consejo?" at the end of a problem told ask for the answer
    to that problem (its entry, or else the page's mistakes), not for what the exercise helps
    with, its tips, or an idea of an exercise to do."""
    message = read(text, engine._index(lang))
    assert message.part is not None and message.part.tentative
    assert message.part.section is Section.MISTAKES
    assert not message.request.asked
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.FAQ or answer.section is Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "lang", "section"),
    [
        ("what does the saw help with?", "en", Section.BENEFITS),
        ("does the swan dive help my posture?", "en", Section.BENEFITS),
        ("my back aches, what does the saw help with?", "en", Section.BENEFITS),
        ("my back aches, will the saw help my posture?", "en", Section.BENEFITS),
        ("any tips for the teaser?", "en", Section.TIPS),
        ("I love the teaser. Any tips?", "en", Section.TIPS),
        ("¿para qué sirve la sirena?", "es", Section.BENEFITS),
        ("¿en qué ayuda la sierra?", "es", Section.BENEFITS),
        ("¿la sirena ayuda con el dolor de espalda?", "es", Section.BENEFITS),
        ("¿algún consejo para el teaser?", "es", Section.TIPS),
    ],
)
def test_a_word_that_may_plead_asks_for_a_part_when_it_says_what_for(
    engine: AnswerEngine, text: str, lang: str, section: Section
) -> None:
    """ "help", "tips", "ayuda" ask for a part when the question says what it would be for
    (what it helps, helps with, tips for which exercise), or when no problem is told."""
    part = read(text, engine._index(lang)).part
    assert part is not None and part.section is section


def test_a_part_asked_in_a_question_of_its_own_after_someone_elses_trouble_is_asked(
    engine: AnswerEngine,
) -> None:
    # the trouble is in the story, and the question sentence asks the benefits in full
    text = "My husband has a bad back. What is the roll up good for?"
    assert card(engine, text) == ("roll-up", Section.BENEFITS, None)


def test_a_name_in_everyday_words_said_inside_a_description_of_another_exercise(
    engine: AnswerEngine,
) -> None:
    """A name of Rolling Like a Ball, "rolling back", is also what a description of the Seal
    says on the way: the page that explains the rest (the ankles held, the feet clapped) goes
    first, and the name alone chooses nothing."""
    text = (
        "hands on the ankles, roll back onto the shoulders then clap the feet together,"
        " a bit like a dolphin at the zoo"
    )
    answer = engine.answer(text, "en")
    assert answer.kind is not AnswerKind.EXERCISE
    assert [e.id for e in answer.candidates][:1] == ["seal"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("which exercise is that, knees open, clapping the feet as you roll", "en"),
        ("ese en que te tumbas de lado y subes la pierna de arriba", "es"),
    ],
)
def test_which_exercise_is_it_asks_for_a_name(engine: AnswerEngine, text: str, lang: str) -> None:
    assert read(text, engine._index(lang)).asks_which


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("a side stretch in a z-sit, which one is it", "en"),
        ("rotación del tronco en sedestación, ¿cuál es?", "es"),
    ],
)
def test_a_clinical_or_teaching_word_for_sitting_states_the_seated_position(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    position = read(text, engine._index(lang)).position
    assert position is not None and position[0] == "seated"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("are handstand push ups hard on the wrists?", "en"),
        ("¿cómo empiezo con las flexiones de pino?", "es"),
    ],
)
def test_an_outside_exercise_holding_one_of_our_names_is_not_ours(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """A gym exercise whose name holds one of ours ("push up") is not that one: an honest no."""
    assert engine.answer(text, lang).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("How deep should I go in the saw?", "en", {"extent"}),
        ("how much time do I stay up there", "en", {"duration"}),
        ("when do I exhale in the teaser?", "en", {"breath"}),
        ("Is the swan all right with a herniated disc?", "en", {"safety"}),
        ("the corkscrew, who is that one not for?", "en", {"safety"}),
        ("Where am I supposed to feel the side kick?", "en", {"feel"}),
        ("I had a baby in spring. Why does my back arch in the hundred?", "en", set()),
        ("¿Hasta dónde bajo las piernas en la sierra?", "es", {"extent"}),
        ("¿Cuántas veces repito el cien?", "es", {"duration"}),
        ("¿Cuánto tiempo aguanto la plancha?", "es", {"duration"}),
        ("¿en qué momento suelto el aire en el teaser?", "es", {"breath"}),
        ("Tengo la tensión alta. ¿Puedo hacer la sierra?", "es", {"safety"}),
        ("¿Dónde tengo que notar la patada lateral?", "es", {"feel"}),
        ("¿Dónde se siente la sierra?", "es", {"feel"}),
        ("¿dónde se supone que lo noto en la almeja?", "es", {"feel"}),
        # a way past the problem is what to do about it; whether it suits one is whether
        # one may do it
        ("My knees ache in the clam. Is there any way around that?", "en", {"fix"}),
        ("Me duelen las muñecas en la plancha. ¿Alguna solución?", "es", {"fix"}),
        ("Tengo artrosis. ¿Me conviene el puente?", "es", {"safety"}),
    ],
)
def test_the_kind_of_question_is_read_from_the_question_sentence(
    engine: AnswerEngine, text: str, lang: str, kinds: set[str]
) -> None:
    # how far, not how many times, though "cuánto" and "cuántas" share a stem; a story
    # before the question tells what happened, not what is asked
    assert read(text, engine._index(lang)).kinds == kinds


def test_an_faq_question_is_indexed_with_its_kind(engine: AnswerEngine) -> None:
    faq = engine._index("en").faq
    entries = engine._index("en").faq_refs
    kinds = {entries[e].entry.question: faq.kinds_of(e) for e in faq.entries_of("mermaid")}
    assert kinds["How should I breathe during mermaid?"] == {"breath"}


@pytest.mark.parametrize(
    ("text", "lang", "question"),
    [
        (
            "in mermaid as I bend over the leg and my hip lifts, do I exhale?",
            "en",
            "How should I breathe during mermaid?",
        ),
        (
            "la sirena: al inclinarme se me levanta la cadera, ¿cuándo suelto el aire?",
            "es",
            "¿Cómo respiro en la sirena?",
        ),
    ],
)
def test_the_entry_asking_the_same_kind_of_question_goes_before_one_sharing_describing_words(
    engine: AnswerEngine, text: str, lang: str, question: str
) -> None:
    # the entry on a hip lifting as one bends shares more words; the question is the breath
    assert entry(engine, text, lang) == ("mermaid", question)


def test_an_entry_of_the_kind_asked_does_not_lose_the_body_part_that_hurts(
    engine: AnswerEngine,
) -> None:
    # a pain is asked, but of the neck: the entry on sore wrists asks of a pain too
    assert entry(engine, "neck aching in scissors") == (
        "scissors",
        "Where should my weight be in scissors? I can feel it in my neck.",
    )


def test_a_title_inside_another_exercises_longer_name_asks_nothing(engine: AnswerEngine) -> None:
    """ "side plank" said inside Side Bend's name "side plank with arm arc" is no title said
    in full: with no question, the message names Side Bend, and gets its card, not an entry."""
    assert answered(engine, "side plank with an arm arc overhead") == (
        AnswerKind.EXERCISE,
        "side-bend",
    )


def test_a_name_in_everyday_words_gives_way_to_the_exercise_a_story_portrays(
    engine: AnswerEngine,
) -> None:
    """ "both legs round together in a big circle ... when the legs come lower" says Leg
    Lowers' words on the way; the pages' whole portraits read the Corkscrew, whose entry on
    the lower back answers, not the one of Double Straight Leg Stretch."""
    text = (
        "New to mat work. On my back we swing both legs round together in a big circle, and my "
        "back lifts off the mat when the legs come lower. How far should they go?"
    )
    assert answered(engine, text) == (AnswerKind.FAQ, "corkscrew")


def test_two_words_joined_name_nothing_their_stem_only_resembles(engine: AnswerEngine) -> None:
    """ "criss cross" is read as "crisscross", a word a name says; "patas en" joined stems
    like "patada" (kick) yet is no word of a name: on all fours, nothing is kicked."""
    index = engine._index("es")
    message = read("el de cuatro patas en el que redondeas la espalda", index)
    assert all(m.exercise_id != "single-leg-kick" for m in message.names)
    assert exercise_of(engine, "criss cross") == "criss-cross"


def test_one_page_ahead_of_a_description_it_explains_too_little_of_is_offered_first(
    engine: AnswerEngine,
) -> None:
    """Both legs circling together on the back is the Corkscrew, but the story says too much
    else for its page to be sure: it is offered first, before names sharing a word."""
    text = (
        "Someone at the club does a thing lying on the back with the legs going round in "
        "circles together, side to side. My lower back pops up. Should it?"
    )
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert answer.candidates[0].id == "corkscrew"


@pytest.mark.parametrize(
    ("text", "lang", "story", "asked"),
    [
        (
            "i am 78 and on tuesdays we do the swan at the centre and my neck feels tight "
            "afterwards what should i change",
            "en",
            "swan",
            "change",
        ),
        (
            "using voice input since my fingers are sore, in the clam lying sideways my upper "
            "hip tips backward is that normal",
            "en",
            "clam",
            "normal",
        ),
        (
            "tengo 75 años y en clase hacemos la sirena y se me duerme la pierna de abajo qué "
            "hago para evitarlo",
            "es",
            "sirena",
            "evitarlo",
        ),
        (
            "mi profesora nos pone la plancha lateral y a los pocos segundos no aguanto me "
            "puedo apoyar en la rodilla",
            "es",
            "plancha",
            "rodilla",
        ),
    ],
)
def test_a_question_said_after_a_story_without_full_stops_is_its_question_sentence(
    engine: AnswerEngine, text: str, lang: str, story: str, asked: str
) -> None:
    # voice typing and many older writers put no full stop between the story and the question
    index = engine._index(lang)
    focus = read(text, index).focus
    assert index.lexicon.term(asked) in focus
    assert index.lexicon.term(story) not in focus


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # short: read whole
        ("bridges feel easy now how do i make them harder", "en"),
        # "no puedo" tells the problem; it asks nothing
        (
            "en la plancha lateral no puedo aguantar la cadera arriba más de cinco segundos y "
            "me canso enseguida",
            "es",
        ),
        # without its accent, "que" joins a relative clause ("the bridge that I do in class")
        (
            "me duele la rodilla cuando hacemos el puente que hago en clase los martes con mi "
            "grupo de amigas",
            "es",
        ),
        # "where" opens a description, not a question
        (
            "my physio showed me the one where you lie face down and lift your arms and legs "
            "a little and hold",
            "en",
        ),
    ],
)
def test_a_long_sentence_without_a_question_opener_in_it_is_read_whole(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert not read(text, engine._index(lang)).focus


def test_a_sport_told_in_the_story_before_a_question_without_full_stops_is_no_question_of_it(
    engine: AnswerEngine,
) -> None:
    text = (
        "i am 68 and i play tennis twice a week and my teacher gave me the side plank but my "
        "hips drop after a few seconds how can i keep them up"
    )
    message = read(text, engine._index("en"))
    assert not message.uncovered
    assert exercise_of(engine, text) == "side-plank"


def test_a_described_exercise_answers_the_kind_asked_too(engine: AnswerEngine) -> None:
    # unnamed, its entries are found by the words of the description, which its entry on a
    # sore neck when lifting shares as much as the one on how far to lift: "how far" tells
    text = (
        "Tumbada boca abajo levanto un poco el pecho con las manos apoyadas al lado de los "
        "hombros, ¿hasta dónde debo llegar?"
    )
    assert entry(engine, text, "es") == (
        "swan-prep",
        "¿Cuánto tengo que subir en la preparación del cisne?",
    )


def test_a_title_said_first_after_my_is_the_topic_not_a_name_in_passing(
    engine: AnswerEngine,
) -> None:
    """ "My chest lifts feel like..." names the exercise the message is about: said first after
    "my", in full, it is not a name said on the way in a description of another page, however
    well another page's words fit what follows."""
    text = "My chest lifts feel like they are all shoulders and my neck aches after class. Advice?"
    assert entry(engine, text)[0] == "chest-lift"


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        (
            "I do the spine twist after work and turn until my back arm points behind me like "
            "at the top of a golf swing. How far should I go?",
            "en",
            "spine-twist",
        ),
        (
            "hago el giro de columna cada tarde y giro hasta que el brazo de atrás apunta "
            "detrás de mí como en el swing de golf. ¿Hasta dónde tengo que girar?",
            "es",
            "spine-twist",
        ),
    ],
)
def test_a_name_said_as_what_is_done_is_meant_not_said_in_passing(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """A title said after a verb of doing it ("I do the...", "hago el...") names what is done,
    however well another page's words fit the movement the rest tells."""
    assert exercise_of(engine, text, lang) == exercise_id


def test_a_name_done_on_the_way_into_another_movement_may_still_be_in_passing(
    engine: AnswerEngine,
) -> None:
    """...unless the name leads on into another movement ("the roll up into a V where..."):
    then it is the way in, and the movement told is what is asked."""
    text = (
        "We did the roll up into a V where you balance with arms reaching for the toes. "
        "At the top I tip back onto my tailbone. How do I stay up?"
    )
    assert exercise_of(engine, text) == "teaser"


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("neck pull: my elbows flap in towards my ears on the way up", "en", "neck-pull"),
        ("en el gato-vaca se me queda la mandíbula apretada al subir", "es", "cat-cow"),
    ],
)
def test_a_problem_told_of_a_named_exercise_and_nothing_asked_gets_its_mistakes(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """A problem of the writer's own body told of an exercise named in full, with no question
    at all, is answered by what goes wrong and how to put it right, when no entry of the page
    speaks of that place of the body: not a "did you mean" of the one exercise named."""
    assert card(engine, text, lang) == (exercise_id, Section.MISTAKES, None)


def test_a_fault_of_form_told_is_not_held_back_by_an_entry_on_a_pain_of_that_place(
    engine: AnswerEngine,
) -> None:
    """ "My knees splay out as I kick" tells no pain: the entry on knees that hurt is another
    problem, and what goes wrong and how to put it right answers."""
    text = "single leg kick: my knees splay out wide every time I kick, is that a problem?"
    assert card(engine, text) == ("single-leg-kick", Section.MISTAKES, None)


def test_a_problem_alone_on_a_place_an_entry_speaks_of_is_not_passed_over_for_the_mistakes(
    engine: AnswerEngine,
) -> None:
    """...an entry on that place may be its answer in other words: it is offered, or given."""
    answer = engine.answer("my shoulder feels shaky in the side bend", "en")
    assert answer.kind is not AnswerKind.EXERCISE or answer.section is not Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "lang"), [("what is the bicycle like?", "en"), ("explícame la bicicleta", "es")]
)
def test_a_one_word_title_that_another_page_is_also_called_offers_both(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """ "Bicycle" said alone is the Bicycle's title and a word of the Criss-Cross's "bicycle
    crunch": with nothing else said to tell them apart, both are offered, the title first."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert [e.id for e in answer.candidates][:2] == ["bicycle", "criss-cross"]


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        ("how do i do the pilates bicycle", "bicycle"),  # more of the Bicycle's own name
        ("bicycle up on my shoulders pedalling my legs, how does it go?", "bicycle"),
        # "side plank" holds the word in its title: a kind of plank
        ("how do I do the plank?", "plank"),
    ],
)
def test_a_title_said_with_what_tells_it_apart_is_that_exercise(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert exercise_of(engine, text) == exercise_id


def test_a_name_after_after_is_the_subject_when_the_other_is_only_what_is_done(
    engine: AnswerEngine,
) -> None:
    """ "After" makes a name context only beside another name said as a name: "I lift my
    chest" says Chest Lift's words as what is done, so the exercise "after" names is the one
    the message is about."""
    text = (
        "sore neck after double leg kick, I lift my chest to see myself in the glass. is it that?"
    )
    assert exercise_of(engine, text) == "double-leg-kick"


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # asked how to fix it: what goes wrong and how to put it right, not the easier
        # version whose words happen to fit
        (
            "teaser: my legs keep dropping towards the mat as I come up, how do I keep them high?",
            "teaser",
        ),
        # "what's off?" asks what is wrong
        (
            "the hundred: my arms swing way too big and my shoulders burn out fast. what's off?",
            "the-hundred",
        ),
    ],
)
def test_a_problem_asked_how_to_fix_gets_the_mistakes(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text) == (exercise_id, Section.MISTAKES, None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("in the hundred my arms flap about like a bird", "en"),
        ("en el roll up bajo de golpe y me estampo contra la colchoneta", "es"),
    ],
)
def test_what_a_learner_sees_go_wrong_tells_a_problem(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """Arms that flap, a body that comes down with a thud: problems told in the words a learner
    sees them in, asked nothing of, get what goes wrong and how to put it right."""
    assert card(engine, text, lang)[1] is Section.MISTAKES


def test_a_problem_told_and_asked_nothing_of_gets_the_mistakes_not_a_version(
    engine: AnswerEngine,
) -> None:
    """A fault told, no question at all: what goes wrong and how to put it right, not the
    easier version whose words happen to fit it best."""
    text = "Puente de hombros: el pie de apoyo se me escurre hacia delante al dar la patada"
    assert card(engine, text, "es") == ("shoulder-bridge", Section.MISTAKES, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no pain, no place named: not the entry on a sore lower back
        (
            "I never make it all the way up into the teaser, I get stuck and flop back. "
            "Easier version?",
            ("teaser", Section.MODIFICATIONS, Level.EASIER),
        ),
        # a fault of form of the hips: not the entry on a sore lower back when rolling up
        (
            "standing roll down: my hips shift back over my heels on the way down, is that wrong?",
            ("standing-roll-down", Section.MISTAKES, None),
        ),
    ],
)
def test_a_part_asked_after_a_problem_an_entry_on_another_place_does_not_tell(
    engine: AnswerEngine, text: str, expected: tuple[str, Section, Level | None]
) -> None:
    assert card(engine, text) == expected


def test_a_title_compared_with_a_longer_name_holding_it_is_asked_about(
    engine: AnswerEngine,
) -> None:
    """ "Bicycle crunches" is the Criss-Cross's keyword and holds the Bicycle's title; asked
    whether the two are the same, the entry comparing them answers, though the longer name
    is said in one go."""
    text = (
        "my spin class ends with bicycle crunches, elbow to opposite knee. "
        "Is that the same move as your bicycle?"
    )
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert answer.faq.question == "Is the Pilates bicycle the same as bicycle crunches?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "open leg rocker: in or out when I roll back?",
            ("open-leg-rocker", "How should I breathe during the open leg rocker?"),
        ),
        # its words besides the kind are everyday ones, found only in its answer
        ("the seal, in or out on the way back?", ("seal", "How do I breathe during the Seal?")),
    ],
)
def test_how_to_breathe_asked_is_the_entry_on_it_before_a_tip(
    engine: AnswerEngine, text: str, expected: tuple[str, str]
) -> None:
    """ "In or out?" asks how to breathe: the page's entry on breathing answers it, before
    a passage whose words on the movement fit better."""
    assert entry(engine, text) == expected


def test_a_fault_asked_as_a_problem_is_no_question_on_whether_it_may_be_done(
    engine: AnswerEngine,
) -> None:
    """ "Is that a problem?" of a fault of form is no question on whether it is safe with a
    disc problem: the entry on that shares a word, not the question."""
    text = "neck pull: my elbows flare out wide as I come up, is that a problem?"
    assert card(engine, text) == ("neck-pull", Section.MISTAKES, None)


def test_a_one_word_name_said_as_a_verb_of_its_object_names_nothing(
    engine: AnswerEngine,
) -> None:
    """ "Saw it on a reel" is seeing, not the Saw; "the saw" still names it."""
    assert exercise_of(engine, "how do you do a handspring? saw it on a reel") != "the-saw"
    assert exercise_of(engine, "the saw, how do I do it?") == "the-saw"
    # ...nor a second exercise beside one named: "saw myself" is seeing
    text = "saw myself on video doing the swan prep, my shoulders creep up to my ears. bad?"
    assert exercise_of(engine, text) == "swan-prep"


def test_a_question_without_a_question_word_goes_on_with_the_one_before(
    engine: AnswerEngine,
) -> None:
    """ "Where does the top foot go? in front of the bottom leg or behind it?": the second
    question only spells out the first; the entry on where the top foot goes answers both, not
    the one on the bottom hip that the last one's words happen to say."""
    text = "inner thigh lifts - where should the top foot be? in front of the bottom leg or behind?"
    assert entry(engine, text) == ("inner-thigh-lifts", "Where should my top foot go?")


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("give me your tips for the teaser", Section.TIPS),
        ("send me some tips on the teaser", Section.TIPS),
    ],
)
def test_a_cue_word_an_entry_says_in_another_sense_asks_nothing_of_it(
    engine: AnswerEngine, text: str, section: Section
) -> None:
    """ "Tips" is not "tipping": an entry that says a cue word only in another form ("I keep
    tipping backward at the top") and shares nothing else with the message does not answer a
    part asked outright; the card of that part does."""
    assert card(engine, text) == ("teaser", section, None)


@pytest.mark.parametrize(
    ("text", "lang", "close"),
    [
        ("the V shaped balance one, what's it called", "en", {"teaser", "open-leg-rocker"}),
        (
            "what's the one with both legs circling together",
            "en",
            {"corkscrew", "hip-twist", "single-leg-circles"},
        ),
        (
            "¿cómo se llama el de mantener el equilibrio en forma de V?",
            "es",
            {"teaser", "open-leg-rocker"},
        ),
    ],
)
def test_a_description_of_a_few_words_offers_the_pages_it_fits_about_as_well(
    engine: AnswerEngine, text: str, lang: str, close: set[str]
) -> None:
    """Three or four words tell pages apart by a word or so: Teaser and Open Leg Rocker both
    balance in a V, Corkscrew and Hip Twist both circle the legs together. The pages that fit
    nearly as well as the best are offered; a longer description, or a short one only one page
    fits, still names its exercise."""
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert close <= {e.id for e in answer.candidates}
    assert exercise_of(engine, "the one where you lie face down and swim") == "swimming"
    assert exercise_of(engine, "the one where you clap your feet") == "seal"
    assert exercise_of(engine, "¿cómo se llama el de nadar boca abajo?", "es") == "swimming"


def test_a_word_several_titles_share_with_too_few_words_besides_describes_nothing(
    engine: AnswerEngine,
) -> None:
    """ "rolling" is a word of several titles (Roll Up, Roll Over, Rolling Like a Ball...),
    and "a few of them right" describes no movement: a page that holds those words (Seal's
    "rolling exercise") is no answer, the message asks which one. A description that says
    more still names its exercise."""
    answer = engine.answer("the rolling one, a few of them right")
    assert answer.kind is not AnswerKind.EXERCISE
    text = "the one where you roll back holding your ankles and clap your feet"
    assert exercise_of(engine, text) == "seal"


def test_a_fault_put_in_other_words_is_the_fault_the_page_names(engine: AnswerEngine) -> None:
    """A part of the body that sinks, sags or drops falls, and one that sways rocks: the
    learner's word finds the entry or the mistake the page puts in its own."""
    text = "in leg pull back my bottom sinks while I hold the position"
    assert entry(engine, text) == (
        "leg-pull-back",
        "My hips drop when I kick my leg up in Leg Pull Back. How do I keep them lifted?",
    )
    assert card(engine, "swimming: my pelvis keeps swaying")[:2] == ("swimming", Section.MISTAKES)


def test_an_entry_on_another_fault_gives_way_to_the_mistake_told(engine: AnswerEngine) -> None:
    """Single Leg Stretch's entry on the lower back arching as the legs switch shares the
    switching with a message telling a body that rocks; the page's "Rocking side to side"
    names the fault told."""
    text = "single leg stretch: my trunk rocks about every time the legs switch"
    assert card(engine, text)[:2] == ("single-leg-stretch", Section.MISTAKES)


def test_the_mistake_naming_the_place_and_its_fault_goes_before_a_version(
    engine: AnswerEngine,
) -> None:
    """Glute Bridge's harder version (a band that "stops the knees falling in") and its
    mistake "Knees falling in or out" both name the knees falling; a fault told of the knees
    asks what goes wrong, not for another version ("lift" there tells the movement)."""
    text = "my knees flop outward in the glute bridge as I lift"
    assert card(engine, text)[:2] == ("glute-bridge", Section.MISTAKES)


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # "separan" is no past subjunctive of a "sep": the pages' "Separar las piernas"
        ("en el sacacorchos las piernas se me separan al bajar", "corkscrew"),
        # tambalearse, bambolearse de lado a lado: "Balancear la pelvis"
        ("en la tijera se me bambolea la pelvis", "scissors"),
        ("en los círculos de una pierna se me tambalea la pelvis", "single-leg-circles"),
        # every form of balancear is the pages' ("balanceo", "Balancearte de lado a lado")
        ("en la natación me balanceo de lado a lado", "swimming"),
        # shoulders drawn up to the ears shrug: "Encoger los hombros"
        ("en la preparación del cisne se me suben los hombros hacia las orejas", "swan-prep"),
    ],
)
def test_a_fault_told_in_spanish_finds_the_mistake_the_page_names(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text, "es")[:2] == (exercise_id, Section.MISTAKES)


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # knees that buckle give way: "Knees falling in or out", not the harder version
        ("glute bridge: both knees buckle inward at the top", "glute-bridge"),
        # arms flung forward throw the body up: "Throwing the arms to get up"
        ("in the teaser I fling my arms forward to get up", "teaser"),
    ],
)
def test_a_fault_told_as_an_image_finds_the_mistake_the_page_names(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text)[:2] == (exercise_id, Section.MISTAKES)


def test_arms_by_the_ears_are_no_shrug(engine: AnswerEngine) -> None:
    """Shoulders that creep up to the ears shrug; arms that reach up by the ears (the steps
    of many exercises) and shoulders kept away from them tell no fault."""
    lexicon = engine._index("en").lexicon
    assert "shrug" in lexicon.analyse("my shoulders creep up to my ears").terms
    for text in ("reach your arms up by your ears", "keep the shoulders away from your ears"):
        assert "shrug" not in lexicon.analyse(text).terms


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an apparatus no page is done on, however the question is put
        ("which is harder, the swan on the ladder barrel or on the mat?", "en"),
        ("what does the cadillac add to the roll up?", "en"),
        ("¿el cadillac o la esterilla para la sirena?", "es"),
        # the reformer called by its parts or "the machine", and a description of a movement
        # done on it, which no mat page is however alike the two are
        ("the one on the carriage where you lie back and push the footbar away", "en"),
        ("which springs for the saw on the machine?", "en"),
        ("el de los muelles tumbado boca arriba empujando con los pies", "es"),
        # a diagnosis asked for: no page gives one
        ("my knee clicks on the stairs, might it be arthritis?", "en"),
        ("me duele la rodilla al bajar escaleras, ¿necesito una resonancia?", "es"),
        # other sports, and cures, that no page speaks of
        ("how many rest days before a triathlon?", "en"),
        ("¿la sirena cura la ciática?", "es"),
    ],
)
def test_an_uncovered_apparatus_diagnosis_or_sport_is_an_honest_no(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """The pages are mat exercises: another apparatus, what someone has, another sport's
    training or a cure are none of theirs, whatever exercise or body part is named."""
    assert engine.answer(text, lang).kind is AnswerKind.NONE


def test_a_description_done_on_an_apparatus_no_page_uses_gives_way_to_the_honest_no(
    engine: AnswerEngine,
) -> None:
    """A movement described as done on another apparatus is another exercise than the mat
    page it is like: the description producer stays below the honest no."""
    text = "what's it called when you lie on your back and circle one leg on the cadillac?"
    found = engine.candidates(text)
    assert all(c.score <= descriptions.APPARATUS_CAP for c in found if c.producer == "description")
    assert engine.answer(text).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my hips keep rocking in the saw, might it be my posture?", "en"),
        ("could it be that I'm doing the teaser wrong?", "en"),
        ("my hip clicks in leg circles, is that a sign of tight hamstrings?", "en"),
        ("en la sierra me balanceo, ¿es una señal de que no activo el abdomen?", "es"),
    ],
)
def test_a_cause_asked_of_that_is_how_one_moves_is_a_question_about_the_exercise(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """A cue like "could it be" or "a sign of" asks whether something is the cause: a
    diagnosis only when that is an illness ("might it be arthritis?", above); one's form,
    posture or muscles are what the pages' mistakes and FAQ speak of."""
    answer = engine.answer(text, lang)
    assert answer.kind is not AnswerKind.NONE
    assert answer.reason is not NoAnswer.UNCOVERED
    assert not read(text, engine._index(lang), None).uncovered


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my back aches in the swan, could it be a hernia?", "en"),
        ("my wrist hurts in the side plank, might it be tendonitis?", "en"),
        ("me duele la espalda en el cisne, ¿es un síntoma de una hernia?", "es"),
    ],
)
def test_a_cause_asked_of_that_is_an_illness_is_a_diagnosis(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """The same cue naming a condition or an illness no page speaks of asks a diagnosis."""
    assert engine.answer(text, lang).reason is NoAnswer.UNCOVERED


def test_ones_own_apparatus_class_is_where_it_was_learnt_not_the_question(
    engine: AnswerEngine,
) -> None:
    """One's own apparatus class ("my cadillac teacher") tells where it was taught: the
    question is still the page's."""
    text = "my cadillac teacher says my teaser wobbles, how do i fix it"
    assert "teaser" in offered(engine.answer(text, "en"))


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "asked"),
    [
        # a condition told in a story, the question only "is it for him?": the entry whose
        # answer lists that condition among those that rule the exercise out, not the one on
        # pressure felt in the neck ("blood pressure" is no pressure felt)
        (
            "My uncle is treated for high blood pressure. Would the roll over be fine for him?",
            "en",
            "roll-over",
            None,
        ),
        (
            "A mi tío le tratan la tensión alta. ¿Puede hacer el roll over sin problema?",
            "es",
            "roll-over",
            None,
        ),
        # a pregnancy told by its bump: the pregnancy entry, not the one on a sore back
        (
            "Thirty weeks along and my bump is big now. Should I keep doing the single leg kick?",
            "en",
            "single-leg-kick",
            "Can I do single leg kick while pregnant or with sore wrists?",
        ),
    ],
)
def test_a_condition_told_finds_the_entry_on_who_should_avoid_it(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, asked: str | None
) -> None:
    """`asked` None: the page's entry on who should avoid it."""
    asked = asked or who_should_avoid(engine, exercise_id, lang)
    assert entry(engine, text, lang) == (exercise_id, asked)


def test_conditions_are_single_terms_and_ask_whether_it_may_be_done() -> None:
    from bot.engine.lexicon import Lexicon

    english, spanish = Lexicon("en"), Lexicon("es")
    # "blood pressure" and "tensión alta" are read as one condition, not as a pressure or a
    # tension felt; the word that asks ("safe", "riesgo") is no condition
    assert english.analyse("high blood pressure").terms == ("hypertens",)
    assert "hypertens" in english.conditions and "safe" not in english.conditions
    assert spanish.analyse("tensión alta").terms[-1] in spanish.conditions
    assert english.kinds_of("Who should avoid the saw?") == {"safety"}


def test_a_name_of_its_own_word_goes_before_everyday_words_said_on_the_way(
    engine: AnswerEngine,
) -> None:
    """Two names said apart, in full: the one with a word only Pilates uses is what the
    message is about, not a longer one of everyday words the story says on the way; a title
    said word after word still names its exercise."""
    text = "my roll down feels smooth these days, so in the corkscrew what is the harder version?"
    assert exercise_of(engine, text) == "corkscrew"
    assert card(engine, "my hips sink in the plank part of the pilates push up, mistakes?")[0] == (
        "push-up"
    )


def test_an_entry_comparing_another_exercise_gives_way_when_nothing_is_compared(
    engine: AnswerEngine,
) -> None:
    """An entry of Side Bend asking whether it is the same as Mermaid answers no question
    about Mermaid that compares nothing."""
    text = "in mermaid my ribs poke out as I bend to the side, what are the usual errors?"
    assert card(engine, text)[:2] == ("mermaid", Section.MISTAKES)


def test_a_word_that_asks_for_a_pick_inside_a_mistyped_name_is_the_name(
    engine: AnswerEngine,
) -> None:
    """ "dice" asks for a random pick, but said where a name's word should be it is a slip
    of that word; and a part asked with a mistyped name and a level is no pick either."""
    assert answered(engine, "show me the steps for swan dice") == (
        AnswerKind.EXERCISE,
        "swan-dive",
    )
    assert engine.answer("the hundrid modifications for beginners").kind is not AnswerKind.RANDOM
    assert engine.answer("random beginner exercise").kind is AnswerKind.RANDOM


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id", "section"),
    [
        # a story that tells no problem of the exercise, then its part asked in general words:
        # the part, not an entry sharing a word or two of the story ("mat", "hips")
        (
            "Just joined a studio near work, first month of mat classes on my lunch hour. "
            "Someone mentioned the corkscrew. What are the common mistakes people make?",
            "en",
            "corkscrew",
            Section.MISTAKES,
        ),
        (
            "My physio wants my outer hips stronger for running and gave me clam shells. "
            "What would they do for me?",
            "en",
            "clam-shell",
            Section.BENEFITS,
        ),
        (
            "Vuelvo a clase después del verano y la profe nombró la sierra. ¿Qué errores se "
            "suelen cometer?",
            "es",
            "the-saw",
            Section.MISTAKES,
        ),
        ("What is the teaser for?", "en", "teaser", Section.BENEFITS),
    ],
)
def test_a_part_asked_in_general_is_the_part_not_a_loosely_fitting_entry(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str, section: Section
) -> None:
    answer = engine.answer(text, lang)
    assert (answer.kind, exercise_id_of(answer), answer.section) == (
        AnswerKind.EXERCISE,
        exercise_id,
        section,
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Holding side plank, my hips drop toward the mat. What are the usual mistakes?", "en"),
        (
            "Aguantando la plancha lateral, la cadera se me cae hacia la esterilla. ¿Cuáles son "
            "los errores típicos?",
            "es",
        ),
    ],
)
def test_a_problem_told_before_a_general_part_still_gets_its_entry(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang)
    assert (answer.kind, exercise_id_of(answer)) == (AnswerKind.FAQ, "side-plank")


@pytest.mark.parametrize(
    ("text", "general"),
    [
        ("Hago el cisne los martes. ¿Qué hace mal todo el mundo?", True),
        ("Hago el cisne los martes. ¿Qué errores cometen todos?", True),
        # "mundo" alone is no one in general
        ("Hago el cisne los martes. ¿Qué errores hay en el mundo?", False),
    ],
)
def test_everyone_said_in_spanish_makes_the_part_the_general_one(
    engine: AnswerEngine, text: str, general: bool
) -> None:
    """ "Todo el mundo" is the people in general, as "la gente" is: a question that says only
    that and the part asks for the page's part (Language.general_words)."""
    assert read(text, engine._index("es"), None).general_part is general


def test_what_an_exercise_is_for_only_when_the_for_closes_the_question(
    engine: AnswerEngine,
) -> None:
    """ "What is the saw for?" asks its benefits; "what is the saw for beginners" does not."""
    assert engine.answer("what is the saw for?").section is Section.BENEFITS
    answer = engine.answer("what is the roll up for people like me")
    assert exercise_id_of(answer) == "roll-up"
    assert answer.section is not Section.BENEFITS


def exercise_id_of(answer: Answer) -> str | None:
    return answer.exercise.id if answer.exercise else None


@pytest.mark.parametrize(
    ("text", "lang"),
    [("rolling please", "en"), ("a rolling exercise", "en"), ("rodar", "es")],
)
def test_a_family_word_offers_the_family_not_titles_sharing_its_stem(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # "rolling" is said as written only by Rolling Like a Ball's title; its kin that roll too
    # are offered with it, not Roll Up or Roll Over, whose "roll" is another word
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.SUGGESTIONS
    offered = [e.id for e in answer.candidates]
    assert offered[0] == "rolling-like-a-ball"
    assert {"seal", "open-leg-rocker"} <= set(offered)
    assert not {"roll-up", "roll-over"} & set(offered)


def test_a_family_word_with_its_position_offers_those_done_there(engine: AnswerEngine) -> None:
    # kicks done face down: not the side-lying kicks; a twist done seated: the page whose
    # keyword, not its title, says "twist" too
    for text in ("kicks face down", "kicks lying on my front please"):
        offered = [e.id for e in engine.answer(text).candidates]
        assert {"single-leg-kick", "double-leg-kick"} <= set(offered)
        assert "side-kick-series" not in offered
    offered = [e.id for e in engine.answer("twist sitting down").candidates]
    assert {"spine-twist", "the-saw"} <= set(offered)


def test_a_name_said_whole_still_wins_over_its_family(engine: AnswerEngine) -> None:
    assert answered(engine, "rolling like a ball") == (AnswerKind.EXERCISE, "rolling-like-a-ball")
    assert answered(engine, "the roll up") == (AnswerKind.EXERCISE, "roll-up")
    # a word of the body or one the pages do not use is no family's
    assert engine.answer("hip thrust with a barbell").kind is not AnswerKind.SUGGESTIONS


def test_a_description_split_between_pages_answers_by_the_entry_that_states_the_problem(
    engine: AnswerEngine,
) -> None:
    # The seat and the reach fit a seated twist about as well as the mermaid (neither stands
    # out); only the mermaid has an entry on aching knees in that seat: the pair decides.
    text = (
        "Sitting tall, legs bent to the same side, reaching an arm overhead: my knees ache "
        "in that seat. Can I sit some other way?"
    )
    joint = [c for c in engine.candidates(text) if c.producer == "described-asked"]
    assert [c.exercise_id for c in joint] == ["mermaid"]
    assert entry(engine, text)[0] == "mermaid"


def test_a_description_that_asks_nothing_beyond_its_page_is_no_entry_pair(
    engine: AnswerEngine,
) -> None:
    # Every entry of the page shares the words that describe the movement; saying only those
    # states no entry's problem.
    text = "on all fours reaching one arm forward and the opposite leg back, holding it still?"
    assert not [c for c in engine.candidates(text) if c.producer == "described-asked"]


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        ("My shoulders creep up and my jaw clenches in dead bug. Why?", "en", "dead-bug"),
        ("I come out of the jackknife with a thud every time. Can I slow it?", "en", "jackknife"),
        ("sore neck w lower lifts hands behind head", "en", "double-straight-leg-stretch"),
        (
            "en el lower lift acabo con la nuca cargadísima, ¿qué hago mal?",
            "es",
            "double-straight-leg-stretch",
        ),
        (
            "al subir en la elevación de pecho me sale una cresta en medio, ¿está bien?",
            "es",
            "chest-lift",
        ),
    ],
)
def test_a_problem_told_in_other_words_gets_its_entry(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    """A problem told in words the entry puts otherwise ("clenches" for "tense", "a thud" for
    "crashing", "cargadísima" for a sore neck, "una cresta" for "un bulto"), or with a part
    cue that is only a question word ("why?", "how do I..."), gets the entry on it; an entry
    of another exercise does not stand beside it for sharing the place (the neck pull's)."""
    answer = engine.answer(text, lang)
    assert (answer.kind, exercise_id_of(answer)) == (AnswerKind.FAQ, exercise_id)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("My hips sink in plank. Why?", "en"),
        ("En la plancha se me hunde la cadera. ¿Por qué?", "es"),
    ],
)
def test_why_after_a_fault_is_no_benefits_request(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    """ "Why?" after a problem told asks why it happens: the page's mistakes name it."""
    assert card(engine, text, lang)[:2] == ("plank", Section.MISTAKES)


@pytest.mark.parametrize(
    ("text", "lang", "section"),
    [
        (
            "can I do the teaser with bent knees instead of the full thing?",
            "en",
            Section.MODIFICATIONS,
        ),
        ("in the jackknife my knees bend instead of staying straight", "en", None),
        ("¿puedo hacer otra cosa en vez de la sierra?", "es", Section.MODIFICATIONS),
        ("en la navaja se me doblan las rodillas en vez de estirarse", "es", None),
    ],
)
def test_instead_of_a_movement_asks_for_no_other_version(
    engine: AnswerEngine, text: str, lang: str, section: Section | None
) -> None:
    """ "Instead of" asks for another version when a thing follows it, not a movement: "my
    knees bend instead of staying straight" tells what goes wrong."""
    message = read(text, engine._index(lang))
    assert (message.part.section if message.part else None) == section


@pytest.mark.parametrize(
    ("text", "lang", "meant"),
    [
        # compared with: "like a plank but..." says what it is not
        (
            "like a plank but face up, lifting one leg and then the other, how do I do it?",
            "en",
            "leg-pull-back",
        ),
        # the head of a description of another exercise of its family
        (
            "the plank one where you raise a leg and shift back over your heel, what is it for?",
            "en",
            "leg-pull-front",
        ),
        (
            "hicimos la plancha en la que levantas una pierna y te balanceas hacia atrás sobre el "
            "talón, ¿para qué sirve?",
            "es",
            "leg-pull-front",
        ),
        # a name said in a body position its page says it is not done in
        (
            "boca arriba con la cadera en alto y las manos sujetando la pelvis, pateas una pierna "
            "hacia el techo",
            "es",
            "shoulder-bridge",
        ),
    ],
)
def test_a_name_said_as_the_family_or_the_likeness_of_a_description_gives_way_to_it(
    engine: AnswerEngine, text: str, lang: str, meant: str
) -> None:
    """A title said as what a movement is compared with, as the family a description that
    follows it belongs to, or in a body position its exercise is not done in, is weighed
    against the description: the exercise described clearly better is answered."""
    assert exercise_of(engine, text, lang) == meant


@pytest.mark.parametrize(
    ("text", "lang", "named"),
    [
        ("the roll up where my feet lift off the mat, why?", "en", "roll-up"),
        ("the teaser where I keep tipping back", "en", "teaser"),
        ("la plancha en la que se me hunde la cadera, ¿qué hago?", "es", "plank"),
        ("the saw where you twist and reach past your little toe", "en", "the-saw"),
    ],
)
def test_a_name_followed_by_its_own_problem_or_movement_is_still_named(
    engine: AnswerEngine, text: str, lang: str, named: str
) -> None:
    """What follows "the X where..." tells of X when X's own text explains it: a problem in
    it, or its own movement."""
    assert exercise_of(engine, text, lang) == named


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the question alone ("wobble", "lower back sags") fits another page's mistakes
        (
            "My wife got me into this last spring after my back surgery, and I go twice a week "
            "now with a few friends from work. There is one where you kneel on all fours and "
            "reach one arm forward and the opposite leg back, and hold it. I always wobble to "
            "one side and my lower back sags. What am I doing wrong?",
            "en",
            "bird-dog",
        ),
        # ...or an entry of another page on the backs of the legs
        (
            "Tengo 60 años y voy a clase de pilates dos veces por semana desde que me jubilé, "
            "me encanta el ambiente y la profesora es muy paciente con todos nosotros. Hay uno "
            "en que nos sentamos con las piernas estiradas y separadas, giramos el tronco y "
            "llevamos la mano hacia el pie contrario como si serráramos. Me tira mucho la parte "
            "de atrás de la pierna. ¿Es normal?",
            "es",
            "the-saw",
        ),
    ],
)
def test_a_story_describing_an_exercise_it_does_not_name_is_the_question_about_it(
    engine: AnswerEngine, text: str, lang: str, expected: str
) -> None:
    # A long message: a story, then a question naming nothing. The story's sentence whose
    # description one page explains clearly says what the question is about.
    answer = engine.answer(text, lang)
    assert answer.kind in (AnswerKind.FAQ, AnswerKind.EXERCISE)
    assert answer.exercise is not None and answer.exercise.id == expected


def test_a_storys_passing_words_pull_no_page_into_its_question(engine: AnswerEngine) -> None:
    # Every sentence says words some page holds (class, legs, arms, backs, sides), none
    # describes one movement clearly: the question is answered alone, here by nothing.
    text = (
        "I have been doing classes for about a year now with my sister and we go every "
        "tuesday and friday at the gym near our house, it is a good excuse to catch up. The "
        "teacher is strict about form and she keeps coming over to me during the class and "
        "moving my legs and arms around without saying much. It is a bit frustrating "
        "honestly. Is that normal?"
    )
    assert engine.answer(text).kind is AnswerKind.NONE
    # A sentence that describes, though loosely, still leaves the question to itself when
    # the question with it finds no answer on that page.
    text = (
        "I started going to classes at the leisure centre in January and enjoy them far more "
        "than I expected, the people are friendly and the teacher explains everything well. "
        "We lie on our backs with the knees bent and feet flat, then lift the hips up off the "
        "mat until there is a straight line from knees to shoulders. Which shoes should I buy "
        "for the walk there?"
    )
    assert engine.answer(text).kind not in (AnswerKind.FAQ, AnswerKind.EXERCISE)


def test_the_words_of_a_name_said_in_full_ask_nothing_of_another_exercise(
    engine: AnswerEngine,
) -> None:
    # "lower lift" is a name of the double straight leg stretch; its everyday words are not a
    # question for the double leg kick's entry on the lower back as the chest lifts
    answer = engine.answer("my instructor says lower lift")
    assert offered(answer) == {"double-straight-leg-stretch"}
    assert answer.kind is not AnswerKind.FAQ


def test_one_word_most_pages_say_found_only_in_an_answer_asks_no_entry(
    engine: AnswerEngine,
) -> None:
    # "keeps" is in the answer of an entry on the lower back arching: nothing is asked of it
    answer = engine.answer("my coach keeps calling it lower lift")
    assert answer.kind is not AnswerKind.FAQ
    assert offered(answer) == {"double-straight-leg-stretch"}


def test_two_names_and_nothing_asked_are_offered_not_read_as_a_problem(
    engine: AnswerEngine,
) -> None:
    # "neck" of Neck Pull is no sore neck told of Chest Lift...
    assert offered(engine.answer("chest lift or neck pull")) == {"chest-lift", "neck-pull"}
    assert engine.answer("chest lift or neck pull").kind is AnswerKind.SUGGESTIONS
    # ...while an entry naming the other whole is about both
    assert entry(engine, "is side bend the same thing as the mermaid")[0] == "side-bend"


def test_a_part_asked_of_an_exercise_described_is_asked_as_of_one_named(
    engine: AnswerEngine,
) -> None:
    # "all fours" is in the words of Cat Cow's entry on sore wrists, not of its page: with the
    # rest it describes the exercise, and the benefits are what is asked
    message = (
        "on all fours you hump your back like a cat then let it drop, what's it actually good for?"
    )
    assert card(engine, message) == ("cat-cow", Section.BENEFITS, None)


def test_a_part_the_story_names_gives_way_to_a_question_in_words_of_no_part(
    engine: AnswerEngine,
) -> None:
    # "work" (what it works) names a part in passing; the question asks how to stop the
    # cramp the story tells, not what the exercise works
    message = (
        "I work long days. In the shoulder bridge, kicking one leg up, the back of my other "
        "thigh cramps. How do I stop that?"
    )
    answer = engine.answer(message)
    assert "shoulder-bridge" in offered(answer)
    assert answer.section is not Section.BENEFITS


def test_an_entry_on_the_condition_told_answers_whether_it_may_be_done(
    engine: AnswerEngine,
) -> None:
    # "siempre" in the question sentence is also in the hundred's entry on losing count of the
    # breaths; the question is whether it is safe, and the entry naming osteoporosis says
    message = (
        "Me detectaron osteoporosis hace un mes. Siempre arrancamos la clase con el cien, "
        "¿es seguro para mí?"
    )
    assert entry(engine, message, "es") == (
        "the-hundred",
        "¿Puedo hacer el cien si tengo osteoporosis o estoy embarazada?",
    )


def test_what_follows_the_question_says_more_of_it(engine: AnswerEngine) -> None:
    # "how do I" alone would ask for the steps; the sentence after it asks for progressions
    message = (
        "the saw: how do I take it further? looking for progressions now the basic one feels fine"
    )
    assert card(engine, message) == ("the-saw", Section.MODIFICATIONS, Level.HARDER)


def test_the_places_a_description_names_tell_no_problem(engine: AnswerEngine) -> None:
    # elbows, heels and seat describe Single Leg Kick; nothing hurts, so its entry on a sore
    # lower back "propped up on my elbows" answers nothing asked, and the mistakes are asked
    message = (
        "face down propped on my elbows, kicking each heel toward my seat twice: "
        "what do people usually get wrong?"
    )
    assert card(engine, message) == ("single-leg-kick", Section.MISTAKES, None)
    # ...while a place that complains is a problem told
    assert (
        entry(
            engine,
            "Face down on my forearms kicking my heels to my seat, my lower back complains. "
            "What should I change?",
        )[0]
        == "single-leg-kick"
    )


def test_the_words_asking_a_kind_of_question_are_read_through_typos(
    engine: AnswerEngine,
) -> None:
    # "lomg" is "long": how long to hold it, not the entry on holding the breath
    message = read("plank, how lomg should i hold", engine._index("en"))
    assert "duration" in message.kinds


@pytest.mark.parametrize(
    ("message", "exercise_id", "question"),
    [
        (
            "Kneeling side kicks: I keep falling over, how do I stop it?",
            "kneeling-side-kicks",
            "I wobble and tip forward during Kneeling Side Kicks. How do I stay balanced?",
        ),
        (
            "in the teaser I always topple backwards, how do I stop?",
            "teaser",
            "I keep tipping backward at the top of the Teaser. How do I balance in the V?",
        ),
    ],
)
def test_balance_lost_in_any_words_asks_the_entry_on_staying_balanced(
    engine: AnswerEngine, message: str, exercise_id: str, question: str
) -> None:
    assert entry(engine, message) == (exercise_id, question)


def test_why_with_a_problem_in_the_question_asks_its_cause_not_the_benefits(
    engine: AnswerEngine,
) -> None:
    message = (
        "Desk worker here. In the roll over I only get my legs past my head by throwing them. "
        "Why can't I do it slowly?"
    )
    assert entry(engine, message)[0] == "roll-over"


def test_a_title_said_word_after_word_is_not_undone_by_a_name_whose_words_lie_apart(
    engine: AnswerEngine,
) -> None:
    # "down" ... "roll" is no Standing Roll Down beside "roll up" said whole
    assert entry(engine, "why can't I keep my feet down in the roll up?") == (
        "roll-up",
        "Why do my feet fly up when I try to roll up?",
    )


def test_an_entry_on_whether_two_are_the_same_answers_no_part_asked(engine: AnswerEngine) -> None:
    # the crunch is said only to set it aside; the steps are asked
    answer = engine.answer("the pilates bicycle, not the gym crunch, step by step please")
    assert answer.kind is AnswerKind.EXERCISE and answer.exercise is not None
    assert answer.exercise.id == "bicycle"


def test_an_entry_asking_what_the_message_asks_is_asked_in_other_words(
    engine: AnswerEngine,
) -> None:
    # "how far should I twist?" says nothing but how far; "how much do I rotate" asks it,
    # after a story whose words fit the easier versions
    message = (
        "My upper back is stiff on one side after years at a desk, and in the spine twist I "
        "turn much further one way. How much am I supposed to rotate?"
    )
    assert entry(engine, message) == ("spine-twist", "How far should I twist in spine twist?")


def test_each_sentence_of_a_story_naming_no_exercise_is_analysed_once(
    engine: AnswerEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story naming no exercise is read sentence by sentence for a name, then for what it
    describes: each sentence is analysed once for both (the one that describes an exercise
    best is then read again with the question, as a message of its own)."""
    story = [
        "I started classes again after a long winter away from any kind of exercise at all.",
        "Every class we lie on our back with the legs up and pump the arms up and down.",
        "We breathe in for five pumps and out for five pumps until the count ends.",
        "My teacher is kind but the room is hot and the music is loud most evenings.",
    ]
    text = " ".join(story) + " Is my neck supposed to ache?"
    index = engine._index("en")
    seen: list[str] = []
    analyse = type(index).analyse

    def counting(self: object, text: str) -> object:
        seen.append(text)
        return analyse(index, text)

    monkeypatch.setattr(type(index), "analyse", counting)
    engine.answer(text)
    assert [seen.count(sentence) for sentence in story[:3]] == [1, 2, 1]


def test_what_weighing_names_reads_of_a_message_is_read_once(engine: AnswerEngine) -> None:
    """Weighing each name a message says against its description reads the describing
    sentence's names, body position and the pages' fit to a description once, however many
    names are weighed."""
    index = engine._index("en")
    whole = index.analyse("lying on my back I lift my legs like the hundred and the teaser")
    weighing = _Weighing(whole, whole, index)
    assert weighing.names() is weighing.names()
    assert weighing.roles() is weighing.roles()
    assert weighing.explained(range(3, 8)) is weighing.explained(range(3, 8))
    assert weighing.position() == weighing.position() == index.lexicon.position(whole)


def test_a_problem_told_in_the_words_that_describe_the_exercise_is_still_its_entrys(
    engine: AnswerEngine,
) -> None:
    # hands together behind the back describe the double leg kick; "cannot" makes them the
    # problem its entry on stiff shoulders states, before the easier versions asked for
    message = (
        "Back after ten years off. In double leg kick I cannot get my hands together behind "
        "my back anymore. Options?"
    )
    assert entry(engine, message) == (
        "double-leg-kick",
        "My shoulders won't let me clasp my hands behind my back for double leg kick. "
        "What can I do?",
    )


@pytest.mark.parametrize(
    ("text", "lang", "exercise_id"),
    [
        # everyday images the pages do not use: beating the air, curling down from standing,
        # a rocking horse, pedalling like on a bike
        (
            "which is the one flat on the back, head curled up, patting the air quickly with"
            " both arms for a count of a hundred breaths",
            "en",
            "the-hundred",
        ),
        (
            "what is it called when you stand tall, curl down slowly bone by bone towards"
            " your feet and restack",
            "en",
            "standing-roll-down",
        ),
        (
            "the one where you're up on your shoulders with your hands under your hips and"
            " the legs go round like you're riding a bike",
            "en",
            "bicycle",
        ),
        (
            "¿cuál es ese en el que te haces una bolita como un huevo, abrazas las rodillas y"
            " ruedas hacia atrás y hacia delante?",
            "es",
            "rolling-like-a-ball",
        ),
        (
            "¿cómo se llama el de tumbada boca arriba con una pierna al techo haciendo"
            " redondeles sin mover la cadera?",
            "es",
            "single-leg-circles",
        ),
    ],
)
def test_a_movement_told_in_everyday_images_is_its_page(
    engine: AnswerEngine, text: str, lang: str, exercise_id: str
) -> None:
    assert exercise_of(engine, text, lang) == exercise_id


def test_a_kind_of_question_asked_of_a_name_and_nothing_else_asks_its_one_entry(
    engine: AnswerEngine,
) -> None:
    # nothing but the name and the words asking who had better not: the entry that asks it
    assert entry(engine, "who is not meant to do the hip twist?") == (
        "hip-twist",
        "Who should skip the Hip Twist?",
    )
    # of two entries asking where to feel it, the one asking nothing else
    assert entry(engine, "leg circles - where is the work meant to be?") == (
        "single-leg-circles",
        "Where should I feel single leg circles working?",
    )


@pytest.mark.parametrize(
    "text",
    [
        "tengo muchos mareos del embarazo, ¿qué me recomiendas hacer?",
        "me dan náuseas por el embarazo, ¿qué me recomiendas?",
    ],
)
def test_whether_one_exercise_may_be_done_answers_no_message_about_none(
    engine: AnswerEngine, text: str
) -> None:
    # a pregnancy told, no exercise named or described: the shoulder bridge's entry on
    # pregnancy is no answer
    assert engine.answer(text, "es").kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("do kegels help after a c-section?", "en"),
        ("¿los ejercicios de kegel sirven después del parto?", "es"),
    ],
)
def test_pelvic_floor_squeezes_are_no_page_of_the_mat(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "doing the glute bridge my whole ribcage pops up at the top, how do I do it properly?",
            "en",
        ),
        ("en el puente de glúteos se me abren las rodillas, ¿cómo se hace bien?", "es"),
    ],
)
def test_a_problem_of_ones_own_body_asked_how_to_do_right_is_the_mistakes(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # the steps say how it goes; what goes wrong, and how to put it right, is the mistakes
    assert card(engine, text, lang)[:2] == ("glute-bridge", Section.MISTAKES)


def test_an_entry_on_the_problem_told_still_answers_how_to_do_it_right(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("in the saw my hips keep turning with me, what's the correct technique?")
    assert answer.faq is not None and "hips" in answer.faq.question


def test_how_to_do_it_right_with_no_problem_told_is_still_the_steps(engine: AnswerEngine) -> None:
    answer = engine.answer("how do I do the glute bridge properly?")
    assert answer.section is Section.STEPS


def test_an_entry_sharing_only_the_exercise_with_a_problem_told_is_not_the_answer(
    engine: AnswerEngine,
) -> None:
    # "whether I may do swimming pregnant" shares the exercise and nothing of the problem
    answer = engine.answer("my elbows and knees keep bending in swimming, how do I do it right")
    assert answer.kind is not AnswerKind.FAQ


def test_a_name_two_pages_share_is_not_settled_by_a_question_both_pages_answer(
    engine: AnswerEngine,
) -> None:
    # both swans have an entry on a pinching lower back: the question does not tell which
    answer = engine.answer("swan is pinching my lower back, is that ok?")
    assert answer.kind is AnswerKind.SUGGESTIONS
    assert {"swan-prep", "swan-dive"} <= {e.id for e in answer.candidates}


def test_an_entry_only_one_of_the_pages_has_settles_the_name(engine: AnswerEngine) -> None:
    answer = engine.answer("I feel the bridge in my lower back and nothing in my glutes")
    assert answer.faq is not None and answer.exercise is not None
    assert answer.exercise.id == "glute-bridge"


@pytest.mark.parametrize(
    "text",
    [
        "in the teaser my legs drop as soon as I start to roll up, is there an easier version?",
        "my feet lift off whenever I try to roll up in the teaser, any easier option?",
    ],
)
def test_a_title_said_as_what_one_starts_to_do_is_no_second_subject(
    engine: AnswerEngine, text: str
) -> None:
    # "roll up" here is what the writer tries to do in the teaser
    answer = engine.answer(text)
    assert answer.exercise is not None and answer.exercise.id == "teaser"
    assert answer.level is Level.EASIER


@pytest.mark.parametrize(
    ("text", "lang", "section"),
    [
        ("saw whats it good 4", "en", Section.BENEFITS),
        ("teaser how 2 do it", "en", Section.STEPS),
        ("como se aze la sirena", "es", Section.STEPS),
    ],
)
def test_phone_spellings_of_the_words_that_ask_a_part(
    engine: AnswerEngine, text: str, lang: str, section: Section
) -> None:
    assert engine.answer(text, lang).section is section


def test_a_word_cut_short_as_it_sounds_asks_what_it_stands_for(engine: AnswerEngine) -> None:
    # "hi" for "high": how high to lift, no greeting
    assert "How high" in entry(engine, "swan prep how hi should i come up")[1]


def test_a_number_after_a_name_is_still_its_version(engine: AnswerEngine) -> None:
    assert card(engine, "teaser 2")[:2] == ("teaser", Section.MODIFICATIONS)


def test_a_name_said_around_a_place_of_the_body_is_not_said(engine: AnswerEngine) -> None:
    # "my lower back lifts" holds the words of the alias "lower lift", apart, around the back
    assert exercise_of(engine, "dead bugg my lower back lifts") == "dead-bug"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("saw, step by step cues please", Section.STEPS),
        ("cue the saw step by step for me", Section.STEPS),
        ("the saw: the cueing sequence, please", Section.STEPS),
        ("any cues for the saw?", Section.TIPS),
    ],
)
def test_cues_step_by_step_are_the_steps(engine: AnswerEngine, text: str, section: Section) -> None:
    assert engine.answer(text).section is section


def test_falling_one_way_is_the_pages_tipping_that_way(engine: AnswerEngine) -> None:
    answer = engine.answer("kneeling side kicks: I keep falling forward, how do I stop?")
    assert answer.faq is not None and "tip forward" in answer.faq.question


def test_a_title_said_as_a_verb_of_the_movement_told_is_not_its_name(
    engine: AnswerEngine,
) -> None:
    # "rolling up" is how the writer gets into the V, the Teaser told, not the Roll Up
    answer = engine.answer(
        "Rolling up off the mat into a V and balancing on my sit bones with my legs reaching"
        " up. Is there an easier version?"
    )
    assert answer.exercise is not None and answer.exercise.id == "teaser"
    assert answer.level is Level.EASIER


def test_a_title_said_first_in_the_plural_is_still_the_topic(engine: AnswerEngine) -> None:
    text = "Chest lifts: I still get a sore neck after every class, why?"
    assert exercise_of(engine, text) == "chest-lift"


def test_a_name_said_in_the_story_and_again_in_the_question_is_asked_about(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer(
        "Our teacher said we would do the side bend today and I thought, that's just the"
        " mermaid with another name. Is the side bend the same as the mermaid?"
    )
    assert answer.faq is not None and answer.exercise is not None
    assert answer.exercise.id in {"side-bend", "mermaid"}


@pytest.mark.parametrize(
    "text",
    [
        "straight-arm plank or forearm plank, which one is for me?",
        "low plank or high plank, what should I do?",
    ],
)
def test_a_plank_named_by_what_it_is_held_on_asks_hands_or_forearms(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.answer(text)
    assert answer.faq is not None and "hands or my forearms" in answer.faq.question


def test_a_problem_told_and_the_right_way_asked_is_not_an_entry_on_another_problem(
    engine: AnswerEngine,
) -> None:
    # the entry on an aching lower back shares the kick, not the sliding foot
    answer = engine.answer(
        "Shoulder bridge: my standing foot slides away on the mat while I kick the other leg,"
        " so I end up almost flat. Proper form?"
    )
    assert answer.exercise is not None and answer.exercise.id == "shoulder-bridge"
    assert answer.section is Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("¿en qué parte del cuerpo se nota la sirena?", "sentir"),
        # what ought to be working is where it is felt, not what it is good for
        ("en la sirena, ¿qué tiene que trabajar?", "sentir"),
    ],
)
def test_a_kind_of_question_in_other_words_asks_the_entry_of_that_kind(
    engine: AnswerEngine, text: str, words: str
) -> None:
    answer = engine.answer(text, "es")
    assert answer.faq is not None and words in answer.faq.question


def test_where_to_feel_it_is_asked_of_the_exercise_not_the_thing_of_its_name(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("I tried the corkscrew yesterday. where should I feel it?")
    assert answer.faq is not None and answer.exercise is not None
    assert answer.exercise.id == "corkscrew"


@pytest.mark.parametrize(
    ("text", "section"),
    [("howw do i do the swan dive", Section.STEPS), ("tipsss for the sawww", Section.TIPS)],
)
def test_a_letter_held_down_or_doubled_is_read_as_the_word(
    engine: AnswerEngine, text: str, section: Section
) -> None:
    assert engine.answer(text).section is section


def test_a_title_said_in_another_form_of_its_words_is_no_second_exercise(
    engine: AnswerEngine,
) -> None:
    # "pushing up" is what the hand does in the side bend, not the Push Up
    text = "my wrist hurts in the side bend, the hand I'm pushing up on"
    assert exercise_of(engine, text) == "side-bend"


def test_a_name_a_few_words_of_a_description_hold_gives_way_to_the_page_described(
    engine: AnswerEngine,
) -> None:
    # "boca arriba" and "los brazos" are two words of a keyword of Dead Bug; the whole
    # description, pumping arms and breaths in fives, is the Hundred's
    text = (
        "el de estar boca arriba y bombear los brazos respirando de cinco en cinco,"
        " ¿qué beneficios tiene?"
    )
    assert card(engine, text, "es")[:2] == ("the-hundred", Section.BENEFITS)


def test_a_title_said_as_what_one_does_in_spanish_is_no_second_exercise(
    engine: AnswerEngine,
) -> None:
    # "dar la patada" is to kick: the kick of the shoulder bridge, not Single Leg Kick; and
    # "el pie de apoyo se me resbala" is a problem of the writer's own foot, the form asked
    text = (
        "En el puente de hombros, cuando doy la patada con una pierna el pie de apoyo se me"
        " resbala. ¿cómo lo hago bien?"
    )
    assert card(engine, text, "es")[:2] == ("shoulder-bridge", Section.MISTAKES)


def test_a_name_word_said_twice_is_the_names_where_the_name_is_said_whole(
    engine: AnswerEngine,
) -> None:
    # the first "neck" is the sore place, the second starts the Neck Pull: not Criss-Cross's
    # entry on the same question
    text = "neck ache all through the neck pull, am I tugging on my head?"
    assert entry(engine, text)[0] == "neck-pull"
    # ...and the first "shoulder" is no Shoulder Bridge said apart, for Side Plank's entry on
    # a sore shoulder to answer
    assert exercise_of(engine, "shoulder pain when I hold the shoulder bridge") != "side-plank"


def test_an_entry_on_a_problem_nobody_tells_is_no_answer_to_a_thin_match(
    engine: AnswerEngine,
) -> None:
    # "kyphotic" is a word of the back, and the entry on a pinching lower back holds "back":
    # a teacher asking for a beginner's prone extension tells no pinch
    text = (
        "prone thoracic extension for a kyphotic office worker, beginner level, what have you got"
    )
    assert engine.answer(text).kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        # how far, asked by one entry of the page only, not where it is felt
        ("en el spine twist hasta donde tengo que girar? noto que giro muy poco", "es", "rotar"),
        # a teacher asking where the clients should feel it, not why their hands will not clasp
        (
            "double leg kick with the hands clasped, where should my clients feel it? they all"
            " report the lower back",
            "en",
            "Where should I feel",
        ),
    ],
)
def test_a_kind_of_question_one_entry_asks_is_that_entry(
    engine: AnswerEngine, text: str, lang: str, words: str
) -> None:
    assert words in entry(engine, text, lang)[1]


def test_an_entry_of_an_exercise_not_named_gives_way_to_a_name_said_whole(
    engine: AnswerEngine,
) -> None:
    # "swan" names the swan prep and the swan dive, not settled between them; the spine
    # stretch's entry on shoulders creeping up is no answer about either
    text = "in swan, as my chest comes up my shoulders creep towards my ears, what's wrong?"
    assert exercise_of(engine, text) != "spine-stretch-forward"


def test_another_version_asked_after_a_burn_told_is_no_question_where_it_is_felt(
    engine: AnswerEngine,
) -> None:
    # the burn is told, the easier way is asked: not the entry on where to feel it
    text = (
        "my shoulders burn from holding my arms out wide in the spine twist and I lose the"
        " turn. is there an easier way?"
    )
    answer = engine.answer(text)
    assert answer.section is Section.MODIFICATIONS and answer.level is Level.EASIER


def test_a_movement_told_to_you_tells_no_problem(engine: AnswerEngine) -> None:
    # "drop" is how the belly goes in the cow, told as the movement goes for anyone: no pinch
    # of the writer's to answer
    text = (
        "on hands and knees you arch your back up like a frightened cat and then let your"
        " belly drop"
    )
    answer = engine.answer(text)
    assert (answer.kind, exercise_id_of(answer)) == (AnswerKind.EXERCISE, "cat-cow")
    assert answer.section is Section.OVERVIEW
    # said of the writer's own back, the same word is a problem
    assert engine.answer("in cat cow my belly drops and my lower back pinches").kind is (
        AnswerKind.FAQ
    )


@pytest.mark.parametrize(
    ("text", "exercise_id"),
    [
        # hands behind the head is how the lower lifts go; the entry on a neck that hurts
        # with them there answers a problem nobody told
        (
            "on my back, legs straight up to the ceiling and hands behind my head, I lower both"
            " legs together and lift them back. what do people usually get wrong?",
            "double-straight-leg-stretch",
        ),
        # breathing in fives is how Swimming goes, told as the movement; the question asks
        # the mistakes, not how to breathe
        (
            "face down with arms and legs off the floor, fluttering them quickly while"
            " breathing in for five and out for five. what do people usually get wrong?",
            "swimming",
        ),
    ],
)
def test_a_part_asked_in_general_of_a_movement_described_is_that_part(
    engine: AnswerEngine, text: str, exercise_id: str
) -> None:
    assert card(engine, text)[:2] == (exercise_id, Section.MISTAKES)


def test_a_keyword_said_in_another_form_inside_a_description_names_nothing(
    engine: AnswerEngine,
) -> None:
    # "roll back" is how the open leg rocker goes, not Rolling Like a Ball's keyword "rolling
    # back" said: the description (legs apart, ankles held) is not answered as that page
    text = (
        "how do I do the one where you sit with legs apart, hold your ankles, balance and then"
        " roll back onto your shoulders and up again"
    )
    assert exercise_of(engine, text) != "rolling-like-a-ball"


def test_a_heading_and_a_title_said_as_what_one_does_ask_of_the_heading(
    engine: AnswerEngine,
) -> None:
    # the Neck Pull heads the question; "try to roll up" is what the writer does in it
    text = "Neck pull: my feet pop up off the mat every time I try to roll up"
    assert entry(engine, text)[0] == "neck-pull"


def test_a_title_said_apart_in_another_order_is_no_second_exercise(
    engine: AnswerEngine,
) -> None:
    # "twist my hips" holds Hip Twist's words, back to front: what the body does in the
    # spine twist, no other exercise answered; a learner's order said in one go still names
    text = "in the spine twist, as I twist my hips round, my feet slide about"
    assert answered(engine, text)[1] in ("spine-twist", None)
    assert exercise_of(engine, "plancha lateral, ¿cómo se hace?", "es") == "side-plank"
    assert exercise_of(engine, "lateral plancha", "es") == "side-plank"


def test_a_problem_told_with_no_entry_on_it_is_answered_by_the_mistakes_not_offered(
    engine: AnswerEngine,
) -> None:
    for text in (
        "On all fours in bird dog my chest sinks between my shoulder blades. How do I fix it?",
        "In single leg kick my shoulders end up hunched by my ears. What should I do differently?",
    ):
        answer = engine.answer(text)
        assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MISTAKES, text


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        (
            "¿Cómo hago la sirena más difícil? A estas alturas ya me resulta fácil",
            "es",
            Level.HARDER,
        ),
        ("how do I make the saw harder? it feels easy now", "en", Level.HARDER),
        ("the saw got too easy for me, how do I make it harder?", "en", Level.HARDER),
    ],
)
def test_the_version_the_question_asks_goes_before_the_one_the_story_tells(
    engine: AnswerEngine, text: str, lang: str, level: Level
) -> None:
    assert engine.answer(text, lang).level is level


@pytest.mark.parametrize(
    "text",
    [
        "At the top of the saw my shoulders are hunched by my ears. What's the correction?",
        "En el criss-cross se me balancea la cadera a cada lado. ¿Cómo lo arreglo?",
    ],
)
def test_a_correction_asked_of_a_fault_told_is_the_mistakes(
    engine: AnswerEngine, text: str
) -> None:
    lang = "es" if "¿" in text else "en"
    assert engine.answer(text, lang).section is Section.MISTAKES


def test_more_load_asked_is_the_harder_version(engine: AnswerEngine) -> None:
    answer = engine.answer("clams feel easy with no band, how do I add load?")
    assert answer.exercise is not None and answer.exercise.id == "clam-shell"
    assert answer.level is Level.HARDER


def test_a_longer_name_holds_the_exact_one_only_with_words_of_its_own(
    engine: AnswerEngine,
) -> None:
    # "hold" is a word of Plank's names too ("plank hold"): Side Plank's "side plank hold"
    # says nothing more of the message than Plank does
    answer = engine.answer("a harder version of the plank please, I can hold it for ages now")
    assert answer.exercise is not None and answer.exercise.id == "plank"
    assert answer.level is Level.HARDER
    # ...while "reverse" is no word of Plank's, so "reverse plank" is Leg Pull Back
    reverse = engine.answer("reverse plank steps")
    assert reverse.exercise is not None and reverse.exercise.id == "leg-pull-back"


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("the teaser is getting easy", "en", Level.HARDER),
        (
            "give me a harder variation of the glute bridge, the basic one feels easy now",
            "en",
            Level.HARDER,
        ),
        ("el puente de glúteos ya me resulta fácil, ¿qué hago?", "es", Level.HARDER),
        (
            "Quiero una versión más difícil del puente de glúteos, ahora me sale fácil",
            "es",
            Level.HARDER,
        ),
        (
            "is there an easier version of the teaser? I'd like to work up to the harder one",
            "en",
            Level.EASIER,
        ),
    ],
)
def test_an_exercise_told_to_have_become_easy_asks_for_the_harder_version(
    engine: AnswerEngine, text: str, lang: str, level: Level
) -> None:
    # "fácil" alone is no request for the easier version: it tells how the exercise feels
    assert engine.answer(text, lang).level is level


@pytest.mark.parametrize(
    ("text", "lang", "filters"),
    [
        ("pick me one, I don't mind which", "en", RandomFilters()),
        ("choose something for me for my obliques", "en", RandomFilters(muscle="oblique")),
        (
            "an advanced level one that lasts under a minute",
            "en",
            RandomFilters(Difficulty.ADVANCED, max_seconds=60),
        ),
        (
            "elígeme uno de nivel avanzado que dure menos de un minuto",
            "es",
            RandomFilters(Difficulty.ADVANCED, max_seconds=60),
        ),
    ],
)
def test_a_pick_handed_over_or_left_to_the_bot_is_a_random_exercise(
    engine: AnswerEngine, text: str, lang: str, filters: RandomFilters
) -> None:
    # the level's own word ("level", "nivel") and the verb of how long ("lasts", "dure") are
    # part of what was asked, not words of another thing
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.RANDOM
    assert engine.filters_from(text, lang) == filters


def test_a_table_of_exercises_is_a_session_in_spanish(engine: AnswerEngine) -> None:
    answer = engine.answer("hazme una tabla de ejercicios de 15 minutos", "es")
    assert answer.kind is AnswerKind.SESSION


@pytest.mark.parametrize(
    ("text", "lang", "exercise"),
    [
        ("how hard is the teaser?", "en", "teaser"),
        ("is the boomerang advanced?", "en", "boomerang"),
        ("¿es difícil el boomerang?", "es", "boomerang"),
        ("¿qué nivel es el teaser?", "es", "teaser"),
    ],
)
def test_the_level_asked_of_an_exercise_is_its_card(
    engine: AnswerEngine, text: str, lang: str, exercise: str
) -> None:
    # the card shows the level; the word of level is asked of it, not a pick's filter
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.OVERVIEW
    assert answer.exercise is not None and answer.exercise.id == exercise


@pytest.mark.parametrize(("text", "lang"), [("is it hard?", "en"), ("¿es difícil?", "es")])
def test_the_level_asked_after_a_card_is_that_cards(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang, about="corkscrew")
    assert answer.exercise is not None and answer.exercise.id == "corkscrew"
    assert answer.section is Section.OVERVIEW


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "on my back, one leg points at the ceiling and draws circles, the other stays down",
            "en",
        ),
        (
            "boca arriba con una pierna estirada hacia el techo haciendo círculos, ¿cómo se llama?",
            "es",
        ),
    ],
)
def test_a_description_of_one_leg_is_not_of_the_page_that_only_moves_both(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # the Corkscrew circles "both legs" and never one: Single Leg Circles is described
    answer = engine.answer(text, lang)
    assert answer.exercise is not None and answer.exercise.id == "single-leg-circles"


def test_how_it_goes_said_of_an_exercise_asks_its_steps(engine: AnswerEngine) -> None:
    assert engine.answer("the teaser, I forgot how it goes").section is Section.STEPS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("is the side bend only the mermaid under a fancier name?", "en"),
        ("¿la side bend es la sirena con otro nombre?", "es"),
    ],
)
def test_one_exercise_under_two_names_asks_whether_they_are_the_same(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.faq is not None and answer.exercise is not None
    assert answer.exercise.id == "side-bend"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what's the right way to do fire hydrants for my glutes?", "en"),
        ("how do I land a front kick without tweaking my knee", "en"),
        ("¿cómo hago bien la patada de burro?", "es"),
    ],
)
def test_an_exercise_of_the_gym_or_a_martial_art_gets_an_honest_no(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.NONE


def test_what_is_going_on_after_a_fault_asks_what_is_wrong(engine: AnswerEngine) -> None:
    answer = engine.answer("in the swan prep my shoulders creep up to my ears, what's going on?")
    assert answer.exercise is not None and answer.exercise.id == "swan-prep"
    assert answer.kind is AnswerKind.FAQ or answer.section is Section.MISTAKES


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the teaser is way beyond me for now, where do I start?", "en"),
        ("can't get anywhere near the boomerang yet, is there a stepping stone?", "en"),
        ("el boomerang me queda grande todavía, ¿por dónde empiezo?", "es"),
    ],
)
def test_an_exercise_out_of_reach_asks_for_the_easier_version(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.section is Section.MODIFICATIONS and answer.level is Level.EASIER


def test_what_is_that_after_a_problem_asks_about_the_problem_not_the_exercise(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("swan prep: my shoulders creep up toward my ears. what's that about?")
    assert answer.kind is AnswerKind.FAQ or answer.section is Section.MISTAKES
    assert engine.answer("what's the swan prep?").section is Section.OVERVIEW


def test_an_entry_comparing_two_exercises_does_not_answer_a_problem_told(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer(
        "in the scissors with my hips held up, my knees keep bending as the legs switch"
    )
    assert answer.faq is None or "same as" not in answer.faq.question


def test_a_condition_told_of_a_name_that_is_also_a_thing_is_of_the_exercise(
    engine: AnswerEngine,
) -> None:
    # "hundred" is a number too; "30 weeks pregnant" tells a body, not a count
    answer = engine.answer("30 weeks pregnant here, is the hundred still ok for me?")
    assert answer.faq is not None and answer.exercise is not None
    assert answer.exercise.id == "the-hundred"


@pytest.mark.parametrize(
    ("text", "lang"), [("can't decide, you choose one", "en"), ("no me decido, ¿cuál hago?", "es")]
)
def test_a_writer_who_cannot_decide_asks_for_a_pick(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is AnswerKind.RANDOM


def test_returning_a_foot_in_spanish_asks_for_no_easier_version(engine: AnswerEngine) -> None:
    text = "boca arriba, rodillas en mesa, bajo un pie al suelo y a regresarlo, ¿cómo se llama?"
    answer = engine.answer(text, "es")
    assert answer.level is None


@pytest.mark.parametrize(
    "text", ["the chest lift, how should I be doing it?", "how am I meant to do the saw"]
)
def test_how_one_should_be_doing_it_asks_the_steps(engine: AnswerEngine, text: str) -> None:
    assert engine.answer(text).section is Section.STEPS


def test_asking_whether_two_are_separate_asks_whether_they_are_the_same(
    engine: AnswerEngine,
) -> None:
    answer = engine.answer("side bend and mermaid, one exercise or are they separate?")
    assert answer.faq is not None and "same" in answer.faq.question


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("any exercise is fine", "en"),
        ("hit me with an exercise", "en"),
        ("show me something new", "en"),
        ("lo que quieras, un ejercicio", "es"),
        ("quiero probar algo nuevo", "es"),
    ],
)
def test_a_pick_asked_in_everyday_words_is_a_random_exercise(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # ("fine" is small talk only when nothing is asked)
    assert engine.answer(text, lang).kind is AnswerKind.RANDOM


def test_the_bones_one_sits_on_are_no_thin_bones(engine: AnswerEngine) -> None:
    answer = engine.answer("in the saw I can't keep both sit bones down as I twist")
    assert answer.faq is None or "osteoporosis" not in answer.faq.question
    thin = engine.answer("I have thin bones, is the saw ok?")
    assert thin.faq is not None and "osteoporosis" in thin.faq.question


@pytest.mark.parametrize(
    ("text", "lang"),
    [("my neck hurts in the teaser", "en"), ("me duele el cuello en el teaser", "es")],
)
def test_a_pain_of_a_place_no_entry_speaks_of_gets_the_mistakes(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # the Teaser has no entry on the neck: what goes wrong in it, not a "did you mean"
    answer = engine.answer(text, lang)
    assert answer.exercise is not None and answer.exercise.id == "teaser"
    assert answer.section is Section.MISTAKES
