"""Where in the body a problem is felt (bot/engine/places.py): the many names of one place
read as one, and an entry on that place answering before an entry on another."""

from __future__ import annotations

import random

import pytest

from bot.content import Level, Library, Section
from bot.engine import AnswerEngine, AnswerKind
from bot.engine.lexicon import lexicon
from bot.engine.message import read
from bot.engine.places import problem_places


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(3))


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "my lower back", "lower back"),
        ("en", "a sore low back", "lower back"),
        ("en", "lumbar spine", "lower back"),
        ("en", "my pelvis", "hips"),
        ("en", "one bum cheek", "hips"),
        ("en", "my sit bones", "hips"),
        ("en", "the back of my thighs", "hamstrings"),
        ("en", "the front of my hip", "hips/front"),
        ("en", "tight hip flexors", "hips/front"),
        ("en", "my traps", "shoulders"),
        ("en", "my rib cage", "ribs"),
        ("es", "la zona lumbar", "lower back"),
        ("es", "los riñones", "lower back"),
        ("es", "la parte baja de la espalda", "lower back"),
        ("es", "la nuca", "neck"),
        ("es", "las cervicales", "neck"),
        ("es", "los isquios", "hamstrings"),
        ("es", "detrás del muslo", "hamstrings"),
        ("es", "la ingle", "hips/front"),
        ("es", "el glúteo", "hips"),
        ("es", "las muñecas", "wrists"),
        ("es", "las costillas", "ribs"),
        ("en", "my tailbone", "lower back"),
        ("en", "my breastbone", "chest"),
        ("en", "my tummy", "abs"),
        ("en", "tight calves", "calves"),
        ("en", "my head", "neck/head"),
        ("en", "a clenched jaw", "neck/jaw"),
        ("es", "el coxis", "lower back"),
        ("es", "el pecho", "chest"),
        ("es", "la barriga", "abs"),
        ("es", "los gemelos", "calves"),
        ("es", "la cabeza", "neck/head"),
    ],
)
def test_the_names_of_one_place_are_read_as_that_place(lang: str, text: str, place: str) -> None:
    assert lexicon(lang).places_in(text) == {place}


def test_a_place_inside_a_longer_name_is_the_longer_ones() -> None:
    # "hip" in "hip flexors" is no second place
    assert lexicon("en").places_in("my hip flexors burn") == {"hips/front"}
    # "de pie" (standing) names no feet
    assert lexicon("es").places_in("de pie con los brazos arriba") == frozenset()


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        # where a limb goes, not where anything is felt
        ("en", "legs over your head and back", set()),
        ("en", "hug both knees into your chest", {"knees"}),
        ("es", "los brazos por encima de la cabeza", set()),
        ("es", "llevo los talones hacia los glúteos", {"feet"}),
        # ...while the place itself is still one
        ("en", "my head feels heavy", {"neck/head"}),
        ("es", "se me cae la cabeza hacia atrás", {"neck/head"}),
    ],
)
def test_a_place_said_as_where_something_goes_is_no_place(
    lang: str, text: str, places: set[str]
) -> None:
    assert lexicon(lang).places_in(text) == places


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # face down, a belly that sags is a lower back that does; one that domes is the belly
        ("en", "my belly sags towards the mat", "lower back"),
        ("en", "my stomach drops in the plank", "lower back"),
        ("en", "my belly domes up", "abs"),
        ("es", "se me hunde la tripa en la plancha", "lower back"),
        ("es", "la barriga se me cae hacia el suelo", "lower back"),
        ("es", "se me abomba la tripa", "abs"),
    ],
)
def test_a_belly_that_sags_is_the_lower_back(lang: str, text: str, place: str) -> None:
    assert lexicon(lang).places_in(text) == {place}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # no exercise named: the entry on a clicking hip answers no clicking knee
        ("my knee clicks", "en"),
        ("me cruje la rodilla", "es"),
    ],
)
def test_an_entry_of_any_exercise_on_another_place_is_no_answer(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    assert engine.answer(text, lang).kind is not AnswerKind.FAQ


@pytest.mark.parametrize(
    ("text", "lang", "other"),
    [
        # a sore chest or sore calves are no sore neck, however alike the sentences
        ("my chest hurts in the hundred", "en", "neck"),
        ("my calves cramp in the hundred", "en", "neck"),
        ("me duele el pecho en el cien", "es", "cuello"),
        ("me dan calambres en los gemelos en el cien", "es", "cuello"),
    ],
)
def test_a_new_place_felt_is_not_answered_by_an_entry_on_another(
    engine: AnswerEngine, text: str, lang: str, other: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.faq is None or other not in answer.faq.question.lower()


@pytest.mark.parametrize(
    ("text", "lang", "place_word"),
    [
        # the tailbone is the bottom of the lower back
        ("my tailbone aches in swan prep", "en", "lower back"),
        ("me duele el coxis en el cisne", "es", "lumbar"),
        # a head that hurts in a curl is the neck's work
        ("my head aches in the hundred", "en", "neck"),
        ("me duele la cabeza en el cien", "es", "cuello"),
    ],
)
def test_a_part_of_a_place_is_answered_by_the_entry_on_that_place(
    engine: AnswerEngine, text: str, lang: str, place_word: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and place_word in answer.faq.question.lower()


def test_a_place_in_the_exercises_name_is_the_exercise() -> None:
    en = lexicon("en")
    names = [en.place_words("Shoulder Bridge")]
    assert en.places_in("How do I breathe in the shoulder bridge?", names) == frozenset()
    assert en.places_in("My neck hurts in the shoulder bridge", names) == {"neck"}


def test_the_place_felt_is_the_one_a_problem_is_told_of(engine: AnswerEngine) -> None:
    index = engine._index("en")
    places = problem_places(
        read("I do the saw with my hands on my hips and my knees ache after it", index),
        index.lexicon,
    )
    assert places.felt == {"knees"}
    assert places.named == {"hips", "knees"}


@pytest.mark.parametrize(
    ("text", "lang", "place_word"),
    [
        # knees, not the wrists the entry on all fours names
        ("bird dog: on all fours my knees hurt, what can I do?", "en", "knee"),
        # the lumbar spine is the lower back, not the neck of the other entry on the roll up
        ("roll up makes my lumbar sore", "en", "lower back"),
        # ...nor the mere height of the lift, an entry on no place
        ("in the swan prep my lumbar spine feels jammed when I come up", "en", "lower back"),
        ("el cisne preparatorio me carga los riñones al subir", "es", "lumbar"),
        ("noto la nuca cargada en el roll up", "es", "cuello"),
    ],
)
def test_an_entry_on_the_place_the_problem_is_felt_answers(
    engine: AnswerEngine, text: str, lang: str, place_word: str
) -> None:
    answer = engine.answer(text, lang)
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and place_word in answer.faq.question.lower()


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # figures of speech for a pain: a place that takes a beating, one left resentful
        ("my knees take a real pounding in the kneeling side kicks", "en", "knees"),
        ("in the saw my shoulder takes a beating", "en", "shoulders"),
        ("me quedan las rodillas resentidas después del puente", "es", "knees"),
        ("las muñecas me revientan en la plancha", "es", "wrists"),
    ],
)
def test_a_pain_said_in_a_figure_of_speech_is_a_pain_of_its_place(
    engine: AnswerEngine, text: str, lang: str, place: str
) -> None:
    index = engine._index(lang)
    message = read(text, index)
    assert "pain" in message.kinds
    assert problem_places(message, index.lexicon).felt == {place}


def test_a_place_felt_tells_between_the_exercises_a_name_may_be(engine: AnswerEngine) -> None:
    # "roll ups" may be several exercises; their entries on a sore neck answer no ache of the
    # lower back, however close their words
    answer = engine.answer("there's a dull ache in my lower back from roll ups")
    assert answer.faq is None or "neck" not in answer.faq.question.lower()


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("in the swan my shoulders hike up to my ears", "en", "shoulders"),
        ("my ribs flare when my arms go overhead", "en", "ribs"),
        ("en la plancha lateral se me hunde la cadera", "es", "hips"),
        # any verb of the writer's own body part moving one way: no list of faults holds
        # every one
        ("in bird dog my hip swivels up when the leg goes back", "en", "hips"),
    ],
)
def test_a_place_moving_as_it_should_not_is_where_a_fault_of_form_is(
    engine: AnswerEngine, text: str, lang: str, place: str
) -> None:
    index = engine._index(lang)
    assert problem_places(read(text, index), index.lexicon).faulted == {place}


def test_a_place_of_a_title_said_in_full_is_no_place_told(engine: AnswerEngine) -> None:
    """ "Shoulder" in "a shoulder bridge" is the exercise, even with another title said
    first ("is the glute bridge just a shoulder bridge?"): no place the message tells of."""
    index = engine._index("en")
    text = "is the glute bridge just a shoulder bridge?"
    assert not problem_places(read(text, index), index.lexicon).named


@pytest.mark.parametrize(
    ("text", "place_word"),
    [
        # elbows flaring in the push up: not the entry on how to breathe in it
        ("do my elbows flare out to the sides in the pilates push up sequence?", "elbows"),
        # pressure felt in the neck: not the entry on high blood pressure
        ("neck pressure in the scissors", "neck"),
    ],
)
def test_an_entry_on_the_place_a_fault_is_told_of_answers(
    engine: AnswerEngine, text: str, place_word: str
) -> None:
    answer = engine.answer(text)
    assert answer.kind is AnswerKind.FAQ
    assert answer.faq is not None and place_word in answer.faq.question.lower()


def test_a_fault_told_of_a_place_is_not_answered_by_an_entry_on_another(
    engine: AnswerEngine,
) -> None:
    """A fault of form told of the hips is answered by what the page says of the hips (its
    mistakes, "Hips sagging", or its entry on dropping hips), not by the entry on a sore
    shoulder that asks "what should I change?" in the message's own words."""
    answer = engine.answer("in the side plank my hips sink, what should I change?")
    if answer.kind is AnswerKind.FAQ:
        assert answer.faq is not None and "hips" in answer.faq.question.lower()
    else:
        assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MISTAKES


def test_a_fault_of_another_place_is_no_answer_of_the_entry_on_one(engine: AnswerEngine) -> None:
    # ribs popping up are no lower back lifting off the mat, though both say "lift"
    answer = engine.answer("my rib cage pops up in dead bug as my arm reaches back")
    assert answer.faq is None or "lower back" not in answer.faq.question.lower()


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a fault word in any of its forms ("hundiendo", where the table lists "hunde")
        ("mientras aguanto la plancha lateral, se me va hundiendo la cadera", "es", "hips"),
        # ...or read as its concept ("sube" is "levantar")
        ("en la almeja se me sube la cadera de arriba", "es", "hips"),
        # words that turn a part out of place tell a fault beside one
        ("side-lying, the upper hip rolls toward the front", "en", "hips"),
        ("in the swan my pelvis twists to one side", "en", "hips"),
        ("tumbada de lado se me dobla la rodilla de abajo", "es", "knees"),
    ],
)
def test_a_fault_told_in_any_form_beside_a_place_is_a_fault_of_that_place(
    engine: AnswerEngine, text: str, lang: str, place: str
) -> None:
    index = engine._index(lang)
    assert problem_places(read(text, index), index.lexicon).faulted == {place}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "roll" and "twist" name the movement when no place is beside them
        ("I roll up slowly and then twist to the side", "en"),
        ("giro el tronco y doblo las piernas", "es"),
    ],
)
def test_a_word_that_tells_a_fault_only_beside_a_place_tells_none_alone(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    index = engine._index(lang)
    assert not problem_places(read(text, index), index.lexicon).faulted


@pytest.mark.parametrize(
    "text",
    ["tengo la rodilla rota desde el verano", "con las muñecas rotas, ¿puedo hacer la plancha?"],
)
def test_a_broken_part_is_no_part_turning_out_of_place(engine: AnswerEngine, text: str) -> None:
    """Spanish "rota" is also "broken": beside a place it tells an injury, not a part that
    rotates as it should not ("se me giran las caderas", "las caderas rotan" do)."""
    index = engine._index("es")
    assert not problem_places(read(text, index), index.lexicon).faulted
    turning = read("en la sierra las caderas rotan hacia un lado", index)
    assert problem_places(turning, index.lexicon).faulted == {"hips"}


def test_a_fault_the_mistakes_name_of_another_place_goes_before_an_entry_on_one(
    engine: AnswerEngine,
) -> None:
    """Side kicks: the hip rolling back is the mistakes' "rolling the pelvis", not the entry
    on the lower back arching as the leg kicks back, however many words ("kick", "back",
    "leg") the two share."""
    answer = engine.answer(
        "side kick series: as I kick back my upper hip rolls backwards, how do I stop it?"
    )
    assert answer.kind is AnswerKind.EXERCISE and answer.section is Section.MISTAKES


def test_a_named_exercise_in_full_goes_before_a_shorter_name_inside_it(
    engine: AnswerEngine,
) -> None:
    """A longer name said in full ("la plancha de lado", Side Plank, its article aside) holds a
    shorter one ("la plancha") that is no rival name, and the fault told is answered on the
    longer name's page."""
    answer = engine.answer("aguantando la plancha de lado la cadera se me hunde poco a poco", "es")
    assert answer.exercise is not None and answer.exercise.slug == "side-plank"


def test_how_far_apart_asks_how_far_and_tells_no_fault(engine: AnswerEngine) -> None:
    # "apart" alone is a fault of coming apart ("my knees drift apart"); asked how far, none
    message = read("in the clam how far apart should my knees go?", engine._index("en"))
    assert not message.places.faulted


def test_an_entry_tells_its_problem_of_the_places_near_its_words_of_trouble() -> None:
    from bot.engine.places import told_in

    told = told_in("My lower back arches when I tap my toes down", lexicon("en"))
    pained, faulted = told.pained, told.faulted
    assert not pained and faulted == {"lower back"}  # the toes are what moves, not the fault
    pained = told_in("The kick pinches my lower back when I lift my chest", lexicon("en")).pained
    assert pained == {"lower back"}


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # a fault of the knee, in words no entry uses, against the entry on the lower back
        ("toe taps: my knee straightens out whenever the foot goes down", "My lower back arches"),
        # a sore neck against the entry on a lower back that pinches as the chest lifts
        (
            "double leg kick hurts my neck, I lift my chest high and look up at the ceiling",
            "pinches",
        ),
    ],
)
def test_an_entry_on_a_problem_of_another_place_does_not_answer_the_one_told(
    engine: AnswerEngine, text: str, question: str
) -> None:
    answer = engine.answer(text)
    assert answer.faq is None or question not in answer.faq.question


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "the saw: my back arm just drops to the mat and I forget about it, does that matter?",
            "en",
        ),
        ("en la sierra el brazo de atrás se me cae al suelo y ni me acuerdo de él", "es"),
        ("single leg circles: the bottom leg keeps floating off the mat", "en"),
    ],
)
def test_a_problem_of_no_place_and_no_pain_is_answered_by_the_mistakes(
    engine: AnswerEngine, text: str, lang: str
) -> None:
    # not by an entry on a pain ("my shoulder pinches with the back arm"), nor by an easier
    # version whose words it shares
    assert engine.answer(text, lang).section is Section.MISTAKES


@pytest.mark.parametrize(
    "text",
    [
        "my knees are bad and kneeling hurts, is there a way to do cat cow without kneeling?",
        "I'm stiff and can't fold my legs to the side for the mermaid, what else can I do?",
    ],
)
def test_a_problem_told_and_another_way_asked_is_the_easier_version(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.answer(text)
    assert answer.section is Section.MODIFICATIONS and answer.level is Level.EASIER


def test_a_fault_of_no_place_is_no_question_on_a_fault_of_a_place_it_does_not_say(
    engine: AnswerEngine,
) -> None:
    # against "my hip clicks", "my hips rock": the leg that lifts is another problem
    text = "single leg circles: the leg on the floor keeps bending and lifting up, is that bad?"
    assert engine.answer(text).section is Section.MISTAKES
    # ...but a word of the entry's place said on its own is that place ("back": lower back)
    answer = engine.answer("dead bug: my back keeps coming off the floor as the leg goes out")
    assert answer.faq is not None and "lower back" in answer.faq.question
