"""Spelling help across the whole vocabulary: part cues, page words, words run together."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.engine.spelling import MAX_LOOKUPS, Speller, name_variants, real_words
from bot.languages.text import stem


@pytest.fixture(scope="module")
def speller() -> Speller:
    vocabulary = Counter(
        "benefits modifications tips mistakes breathe shoulders piking pelvis mats neck".split()
    )
    names = "teaser swan dive neck pull roll up".split()
    cues = "tips benefits modifications mistakes steps".split()
    return Speller(vocabulary, names, cues, ["hey", "squats"], stem)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("benfits", ("benefits",)),
        ("modifcations", ("modifications",)),
        ("tps", ("tips",)),
        ("tipz", ("tips",)),
        ("benifts", ("benefits",)),  # two slips from a cue word
        ("mistaeks", ("mistakes",)),
        ("swandive", ("swan", "dive")),
        ("neckpull", ("neck", "pull")),
        ("tipsss", ("tips",)),  # a letter held down
        ("neckkk", ("neck",)),
    ],
)
def test_misspelt_cues_and_run_together_words_are_read_as_meant(
    speller: Speller, typed: str, meant: tuple[str, ...]
) -> None:
    assert speller.correct(typed) == meant


@pytest.mark.parametrize(
    "word", ["mate", "pike", "hey", "squats", "teasr", "x" * 40, "2000", "stepsister"]
)
def test_words_that_mean_something_else_are_left_alone(speller: Speller, word: str) -> None:
    """ "mate" is no "mats"; "pike" is a form of "piking"; names are the name index's job."""
    assert speller.correct(word) == (word,)


def test_a_message_costs_at_most_a_bounded_number_of_lookups(speller: Speller) -> None:
    typed = ["benfits"] * (MAX_LOOKUPS + 10)
    corrected = speller.correct_all(typed)
    assert corrected.count("benefits") == MAX_LOOKUPS


def test_an_accented_real_word_is_real_as_a_message_reads_it() -> None:
    # messages are read folded: "música" arrives as "musica", which must still be a word of
    # Spanish, not a misspelling to correct into a Pilates word
    assert "musica" in real_words("es") and "cancion" in real_words("es")


def test_misspellings_listed_among_names_are_read_as_the_word_they_stand_for() -> None:
    vocabulary = Counter("sea lion seal floats bridge hips lift arms".split())
    counts = {w: 100 for w in "sea lion seal floats bridge hips lift arms".split()}
    own = "sea lion seel brigde hips lifts lion".split()
    groups = [(own, [*own, "seal", "bridge", "lift"])]
    variants = name_variants(groups, vocabulary, counts, stem)
    # "seel" and "brigde" are slips of words of the same exercise's names; "lifts" is "lift"
    # and an ending, no slip
    assert variants == {"seel": "seal", "brigde": "bridge"}
    speller = Speller(vocabulary, own, [], [], stem, variants=variants)
    assert speller.correct_all(["seel", "floats"]) == ["seal", "floats"]
    assert speller.correct("brigde") == ("bridge",)


def test_a_misspelling_with_two_readings_is_left_alone() -> None:
    vocabulary = Counter("cane cone".split())
    groups = [(["cine", "cane", "cone"], ["cine", "cane", "cone"])]
    assert name_variants(groups, vocabulary, {}, stem) == {}


def test_a_letter_typed_once_for_two_or_twice_for_one_is_read_first() -> None:
    vocabulary = Counter("flaring arms mistakes sitting".split())
    real = frozenset({"flapping", "arms", "flaring", "sitting"})
    speller = Speller(vocabulary, [], ["mistakes"], [], stem, real=real)
    # one edit from "flaring" too, but a doubled letter dropped is the likelier slip: a real
    # word no page uses, not a page's word
    assert speller.correct("flaping") == ("flapping",)
    assert speller.correct("mistakess") == ("mistakes",)
    assert speller.correct("siting") == ("sitting",)


def test_a_form_the_language_list_lacks_is_no_slip_unless_of_a_cue_word() -> None:
    """Spanish lists "año" and "jugar", not "años" or "jugaba": those are forms of real
    words, not slips of the pages' "paños" or "jugada"; "consejoz" stays a slip of a cue."""
    from bot.engine.lexicon import lexicon

    vocabulary = Counter("panos jugada cuerpo rodilla sentar consejos".split())
    real = frozenset({"ano", "jugar", "cuerpo", "rodilla", "sentar", "consejo"})
    spanish = lexicon("es")
    speller = Speller(
        vocabulary,
        [],
        ["consejos"],
        [],
        spanish.stem,
        real=real,
        inflections=spanish.inflections,
    )
    assert speller.correct("anos") == ("anos",)  # one letter from "panos"
    assert speller.correct("jugaba") == ("jugaba",)  # one from "jugada"
    assert speller.correct("cuerpoz") == ("cuerpo",)  # no form of anything: a slip
    assert speller.correct("consejoz") == ("consejos",)  # a cue word first


def test_forms_are_read_back_to_the_listed_word() -> None:
    from bot.engine.lexicon import lexicon

    inflections = lexicon("es").inflections
    real = frozenset(
        {"mes", "vez", "bueno", "hablar", "entender", "empezar", "sujetar", "coger", "pelota"}
    )
    for form, base in [
        ("meses", "mes"),
        ("veces", "vez"),
        ("buenas", "bueno"),
        ("hablabamos", "hablar"),
        ("entiendo", "entender"),
        ("empece", "empezar"),
        ("sujetandote", "sujetar"),
        ("cojo", "coger"),
        ("pelotitas", "pelota"),  # a diminutive's plural
    ]:
        assert base in inflections.bases(form, real), form
    assert inflections.bases("mesas", real) == []
    # English: the list is American, and lists "walked" itself
    english = lexicon("en").inflections
    assert english.bases("walked", frozenset({"walk"})) == []
    assert english.bases("colours", frozenset({"colors"})) == ["colors"]
    assert english.bases("organised", frozenset({"organized"})) == ["organized"]
    # a British "ou" on a stem of one letter ("mould", "mouldy")
    assert english.bases("mouldy", frozenset({"moldy"})) == ["moldy"]
    assert english.bases("smouldering", frozenset({"smoldering"})) == ["smoldering"]


def test_a_slip_from_a_name_word_is_left_to_the_names_before_two_from_a_cue() -> None:
    """ "buelta" is one letter from the name word "vuelta" and two from the cue "puesta":
    left as typed, for the name index to read as the name; a word no name is near still
    takes the cue ("pusta")."""
    vocabulary = Counter("puesta beneficios".split())
    speller = Speller(vocabulary, ["vuelta"], ["puesta", "beneficios"], [], stem)
    assert speller.correct("buelta") == ("buelta",)
    assert speller.correct("pusta") == ("puesta",)


def test_two_forms_of_one_word_equally_near_are_one_reading() -> None:
    # "mistakez" is one slip from "mistake" and from "mistakes": either says the mistakes
    speller = Speller(Counter(["mistake", "mistakes"]), [], ["mistake", "mistakes"], [], stem)
    assert speller.correct("mistakez")[0] in {"mistake", "mistakes"}


def test_a_short_slip_of_a_place_of_the_body_is_read_as_the_place() -> None:
    """Where it hurts is typed in a hurry ("lowr bak", "nck"): short words are read towards
    the places of the body as towards cue words, which stay unknown words themselves ("jaw",
    which no page says, is still another word)."""
    speller = Speller(
        Counter("lower back neck shoulders".split()),
        [],
        ["tips"],
        [],
        stem,
        real=frozenset({"jaw", "lower", "back", "neck"}),
        places=["lower", "back", "neck", "jaw", "wrist"],
    )
    assert speller.correct_all(["lowr", "bak", "nck", "wrst", "jaw"]) == [
        "lower",
        "back",
        "neck",
        "wrist",
        "jaw",
    ]
    assert speller.is_other_word("jaw")


def test_a_cue_word_with_a_letter_doubled_is_no_two_words() -> None:
    """ "misstakes" could be split into two page words, "miss" and "takes"; a cue word with a
    letter typed twice is the likelier reading."""
    speller = Speller(Counter("miss takes mistakes".split()), [], ["mistakes"], [], stem)
    assert speller.correct("misstakes") == ("mistakes",)


def test_a_letter_typed_once_for_two_is_read_before_a_form_of_another_word() -> None:
    """ "beginer" stems like "beginning", but is "beginner" with one letter typed once;
    a page's own form ("piking") stays as it is."""
    speller = Speller(Counter("beginning beginner piking pike".split()), [], [], [], stem)
    assert speller.correct("beginer") == ("beginner",)
    assert speller.correct("piking") == ("piking",)
