"""The language tables at work: stems, diminutives and body positions."""

from __future__ import annotations

import pytest

from bot.content.vocabulary import Section
from bot.engine.intent import find_part
from bot.engine.lexicon import Lexicon, lexicon
from bot.languages import language as tables_of


def test_stems_keep_apart_what_snowball_merges_and_join_what_it_splits() -> None:
    es = lexicon("es")
    assert es.term("patas") != es.term("patada")  # on all fours is no kick
    assert es.term("sentada") != es.term("siento")  # sitting is no feeling
    assert es.term("doble") != es.term("dobladas")  # double is no bent
    assert es.term("abre") == es.term("abrir") == es.term("abierta")
    assert es.term("balanceo") == es.term("balancearme")
    assert es.term("mesa") != es.term("mes")  # a tabletop is no month
    assert es.term("alternos") != es.term("alternativa")  # alternating asks no other version


def test_a_word_that_only_ends_like_a_gerund_is_no_verb() -> None:
    en, es = lexicon("en"), lexicon("es")
    assert en.verb_form("rolling") and en.verb_form("staying")
    for word in ("something", "nothing", "morning", "evening", "ceiling", "thing", "string"):
        assert not en.verb_form(word), word
    assert es.verb_form("girando") and es.verb_form("subiendo")
    assert not es.verb_form("cuando")


def test_instead_of_a_thing_asks_another_version_instead_of_a_movement_tells_a_fault() -> None:
    """The words "instead of" before a thing ask for another version, even a thing whose word
    ends like a gerund ("something"); before a movement they tell what goes wrong."""
    en = lexicon("en")
    asked = find_part(en.analyse("what could i try instead of something this tough"), en)
    assert asked is not None and asked.section is Section.MODIFICATIONS
    assert find_part(en.analyse("my hips sink instead of lifting"), en) is None


def test_a_part_word_moving_the_body_asks_no_part() -> None:
    """A word asking for the tips, with a way to move after it, is what a pelvis does ("tips
    over"); the same word before anything else still asks them."""
    en = lexicon("en")
    assert find_part(en.analyse("my pelvis tips over to one side"), en) is None
    asked = find_part(en.analyse("any tips for the saw"), en)
    assert asked is not None and asked.section is Section.TIPS


def test_an_image_said_as_a_part_of_what_follows_pictures_no_fault() -> None:
    """A seat pointing up "like a mountain" in a plank is the pike; "the peak of" a movement
    is its top, however near the hips it is said."""
    en = lexicon("en")
    assert "pike" in en.analyse("in plank my hips go up like a mountain").terms
    assert "pike" in en.analyse("my bum peaks up when I hold the plank").terms
    assert "pike" not in en.analyse("at the peak of the roll over my hips tip").terms


def test_an_image_word_with_another_everyday_sense_pictures_no_fault() -> None:
    """A belly like a tent (a camping tent) is the bulge the pages speak of, and ribs that
    stick out flare; a shop ("tienda"), a body tucked into a ball ("bola", as the pages
    say), ribs that stick to the mat or arms one sticks out are none."""
    en, es = lexicon("en"), lexicon("es")
    bulge = es.term("bulto")
    assert bulge in es.analyse("la tripa se me sube como una tienda de campaña").terms
    assert bulge not in es.analyse("compré la esterilla en una tienda y me tira la tripa").terms
    assert bulge not in es.analyse("ruedo hecha una bola y me tira la tripa").terms
    assert "flare" in en.analyse("my ribs stick out when I reach back").terms
    assert "flare" not in en.analyse("my ribs stick to the mat in the swan").terms
    assert "flare" not in en.analyse("I stick my arms out and my ribs feel tight").terms


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_condition_said_in_other_words_is_owned_by_the_table_that_rewords_it(lang: str) -> None:
    """A condition named in words of its own ("high blood pressure", "tensión alta") is read
    as the condition's word by the jargon or phrases: the conditions list that word only,
    and the phrase still names the condition and asks whether it may be done."""
    v = tables_of(lang)
    assert not set(v.conditions) & (set(v.jargon) | set(v.phrases))
    x = lexicon(lang)
    text = "can I do it with high blood pressure" if lang == "en" else "¿puedo con tensión alta?"
    found = x.analyse(text)
    assert set(found.terms) & x.conditions
    assert "safety" in x.kinds(found, frozenset(range(len(found))))


def test_a_diminutive_reads_as_its_base_word_only_when_the_content_uses_it() -> None:
    es = lexicon("es")
    known = {"bulto", "tripa", "cabeza", "poco", "rodillas"}
    words = es.analyse("un bultito en la tripita, cabecita, poquito, rodillitas", known).words
    assert words == ("un", "bulto", "en", "la", "tripa", "cabeza", "poco", "rodillas")
    # a word that only looks like one stays as it is
    assert es.analyse("necesito ayuda", known).words == ("necesito", "ayuda")
    assert es.analyse("un bultito").words == ("un", "bultito")  # no content to check against


def test_a_pronoun_written_onto_a_verb_leaves_the_verb() -> None:
    es = lexicon("es")
    # the stemmer knows "lo", "la", "se" after an infinitive or a gerund, but not "te"
    assert es.term("tumbarte") == es.term("tumbada") == es.term("tumbate")
    assert es.term("apoyandote") == es.term("apoyas")
    assert es.term("inclinandote") == es.term("inclinarte") == es.term("inclinas")
    assert es.term("subiendote") == es.term("subes")
    # words that only end like one keep their ending
    assert es.term("fuerte") == es.term("fuertes")
    assert es.term("convierte") == es.term("convierten")
    assert es.term("aparte") != es.term("apar")
    assert es.term("reparte") == es.term("repartir")


def test_a_little_word_made_smaller_is_still_a_little_word() -> None:
    es = lexicon("es")
    analysis = es.analyse("sube un poquito la cabeza")
    assert [w for w, stop in zip(analysis.words, analysis.stop, strict=True) if not stop] == [
        "sube",
        "cabeza",
    ]


def test_positions_are_found_in_both_languages() -> None:
    def positions(lang: str, text: str) -> list[str]:
        found = lexicon(lang)
        return [tag for tag, _ in found.positions.find_all(found.analyse(text))]

    assert positions("en", "the all fours one") == ["quadruped"]
    assert positions("en", "the kicking one on my belly") == ["prone"]
    assert positions("en", "kicks on your tummy") == ["prone"]
    assert positions("en", "side-lying leg lifts")[:1] == ["side"]
    assert positions("en", "kick one heel toward your seat") == []  # a seat is no "seated"
    assert positions("es", "el de a cuatro patas") == ["quadruped"]
    assert positions("es", "la patada boca abajo") == ["prone"]
    # a class lies down together
    assert positions("en", "then the whole group rolls on their bellies") == ["prone"]
    assert positions("en", "we were all on our back with bent knees") == ["supine"]
    assert positions("en", "you lie on your sides for this") == ["side"]


def test_standing_on_one_leg_and_kneeling_on_one_knee_are_positions() -> None:
    """A balance on one leg is done standing, whichever verb says so ("pararse" is how much of
    Latin America says "ponerse de pie"); kneeling on one knee is a position of its own, so
    that a page done on a knee is doubted for a movement done standing, and the other way."""

    def positions(lang: str, text: str) -> list[str]:
        found = lexicon(lang)
        return [tag for tag, _ in found.positions.find_all(found.analyse(text))]

    assert positions("en", "stand on one foot and hold") == ["standing"]
    assert positions("es", "te paras sobre un pie") == ["standing"]
    assert positions("es", "pararse con los pies juntos") == ["standing"]
    assert positions("en", "kneel on one knee, the other leg out") == ["kneeling"]
    assert positions("es", "de rodillas con la espalda recta") == ["kneeling"]
    # on hands and knees is all fours, not kneeling
    assert positions("en", "on hands and knees") == ["quadruped"]


def _terms_from_analysis(lang: str, text: str) -> frozenset[str]:
    analysis = lexicon(lang).analyse(text)
    return frozenset(t for t, stop in zip(analysis.terms, analysis.stop, strict=True) if not stop)


def test_content_terms_are_the_analysis_terms_in_the_same_order() -> None:
    """The index takes a text's terms from content_terms; the FaqIndex used to build them from
    an Analysis. Same set, and the same iteration order (sums over it keep their order)."""
    texts = [
        "Don't let your lower back arch off the mat; the hurting stops when you roll up slowly.",
        "the the the a an",  # stop words only
        "Roll-Up, roll up, ROLLUP and rollups: Straße, naïve, ﬁne ½",
        "",
        "¿Me duelen las muñecas en cuadrupedia en el perro de caza, qué puedo hacer?",
        # phrases, read in an indexed text as in a message: "how low" asks how far
        "How low should my legs go? Keep your weight on the elbows, lbp or not.",
        "Noto un tirón en cuanto subo; apoyando los codos, ¿no debería hacerlo?",
    ]
    texts += [" ".join(f"word{i} w{i % 7} back" for i in range(n)) for n in (1, 10, 200)]
    for lang in ("en", "es", "xx"):
        for text in texts:
            expected = _terms_from_analysis(lang, text)
            found = lexicon(lang).content_terms(text)
            assert found == expected
            assert list(found) == list(expected)


def test_a_stated_position_is_the_analysis_first_position() -> None:
    """The index reads each description's body position without a whole Analysis: the same
    tag `position(analyse(text))` gives, on every bundled page's description and some odd
    texts (fillers, shorthand, phrases at the end, nothing at all)."""
    from pathlib import Path

    import frontmatter

    content = Path(__file__).resolve().parents[1] / "content"
    texts = [
        str(frontmatter.load(str(page)).get("description", "")) for page in content.rglob("*.md")
    ]
    texts += [
        "",
        "the all fours one",
        "on all the fours",
        "lying on your side, then on your back",
        "the kicking one on my belly",
        "el de a cuatro patas",
        "la patada boca abajo, de lado",
        "seated? no: kneeling, then supine",
        "fours all on",
    ]
    for lang in ("en", "es", "xx"):
        lex = lexicon(lang)
        for text in texts:
            stated = lex.position(lex.analyse(text))
            assert lex.stated_position(text) == (stated[0] if stated else None), text


def test_a_frozenset_of_the_content_counts_is_the_content_terms_in_the_same_order() -> None:
    """The index reads an exercise's context once, for its counts and its terms: a frozenset
    made from the counts must iterate as content_terms' own."""
    texts = [
        "Roll up slowly, roll down slowly; roll, roll, roll: the back rolls and rolls.",
        "¿Me duelen las muñecas en cuadrupedia en el perro de caza, qué puedo hacer?",
        "",
    ]
    texts += [" ".join(f"word{i % n} w{i % 7} back" for i in range(3 * n)) for n in (1, 10, 300)]
    for lang in ("en", "es"):
        for text in texts:
            counts = lexicon(lang).content_counts(text)
            assert list(frozenset(counts)) == list(lexicon(lang).content_terms(text))


def test_the_stemmer_in_use_stems_as_the_python_snowball_stemmers_do() -> None:
    """PyStemmer (C) does the stemming when installed; its stems must be those of the
    pure-Python Snowball stemmers the tables were written against. Checked on every 100th word
    of each language's word list, the bundled pages' words and some odd ones."""
    from pathlib import Path

    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    from bot.engine.spelling import real_words
    from bot.languages.text import stem, words

    content = Path(__file__).resolve().parents[1] / "content"
    page_words = {w for page in content.rglob("*.md") for w in words(page.read_text("utf-8"))}
    odd = ["", "a", "ß", "straße", "naïve", "x\u0301", "ﬁne", "½", "١٢٣", "日本語", "a" * 300]
    for lang, python in (("en", EnglishStemmer()), ("es", SpanishStemmer())):
        sample = [*sorted(real_words(lang))[::100], *sorted(page_words), *odd]
        different = [w for w in sample if stem.__wrapped__(w, lang) != python.stemWord(w)]
        assert not different, (lang, different[:10])


def test_words_of_ascii_text_are_the_regex_words() -> None:
    """words() finds ASCII text's words with bytes.translate; the regex it skips must agree."""
    import string

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from bot.languages.text import _APOSTROPHES, _WORD, MAX_MESSAGE_CHARS, fold, words

    def by_regex(text: str) -> list[str]:
        folded = fold(text[:MAX_MESSAGE_CHARS])[:MAX_MESSAGE_CHARS]
        return _WORD.findall(_APOSTROPHES.sub("", folded))

    @settings(max_examples=500, deadline=None)
    @given(st.text(st.sampled_from([*string.printable, "\x00", "\x1c", "\x7f"]), max_size=60))
    def check(text: str) -> None:
        assert words(text) == by_regex(text)

    check()
    long = "Don't `roll` UP_slowly--a1b2 " * 300  # cut at MAX_MESSAGE_CHARS
    assert words(long) == by_regex(long)
    for code in range(128):  # every ASCII character, between words and at the ends
        for text in (f"ab{chr(code)}cd", f"{chr(code)}ab cd{chr(code)}"):
            assert words(text) == by_regex(text), code


def test_the_words_of_texts_read_together_are_each_text_s_words_in_turn() -> None:
    """words_of_all reads a page's ASCII texts in one pass: the words `words` finds in each
    text, in turn, whatever the texts (apostrophes and breaks at their ends, non-ASCII, one
    long enough to be cut)."""
    import string

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from bot.languages.text import MAX_MESSAGE_CHARS, words, words_of_all

    def one_by_one(texts: list[str]) -> list[str]:
        return [word for text in texts for word in words(text)]

    alphabet = st.sampled_from([*string.printable, "\x00", "'", "`", "\u2019", "é", "ß", "\u0301"])

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.text(alphabet, max_size=30), max_size=8))
    def check(texts: list[str]) -> None:
        assert words_of_all(texts) == one_by_one(texts)

    check()
    long = ["Don't roll", "up " * (MAX_MESSAGE_CHARS // 2), "slowly"]
    assert words_of_all(long) == one_by_one(long)
    for code in range(128):
        texts = [f"ab{chr(code)}", f"{chr(code)}cd", chr(code), ""]
        assert words_of_all(texts) == one_by_one(texts), code


def test_a_terminals_escape_sequences_are_not_words() -> None:
    """Colours pasted from a terminal ("\\x1b[31m") would read as "31m", thirty-one minutes."""
    from bot.languages.text import words

    assert words("\x1b[1;31mroll up\x1b[0m tips") == ["roll", "up", "tips"]
    assert words("\x1b[38;5;208mswan\x1bM") == ["swan"]


def test_a_cue_of_several_words_never_stands_on_one_everyday_word() -> None:
    """Cues are found with their filler words stepped over, so "see it" would be "see": every
    "I see" would ask for the video. A cue written in several words keeps two of them."""
    from bot.languages import language

    for lang in ("en", "es"):
        found = lexicon(lang)
        for texts in language(lang).section_cues.values():
            for text in texts:
                if len(text.split()) > 1:
                    assert len(found.phrase(text)) > 1, (lang, text)
    en = lexicon("en")
    said = en.analyse("I see a client with a stiff neck, should she avoid it?")
    assert "video" not in {tag for tag, _ in en.section_cues.find_all(said)}
    said = en.analyse("can I see the teaser")  # asking to see it is asking for the video
    assert "video" in {tag for tag, _ in en.section_cues.find_all(said)}


def test_about_and_sobre_say_how_much_or_where_not_what_it_is() -> None:
    """ "a gap of about two fingers", "apoyada sobre los codos": no part asked; "tell me
    about" and "háblame de" still ask what the exercise is."""
    from bot.engine.intent import find_part

    en, es = lexicon("en"), lexicon("es")
    assert find_part(en.analyse("a gap of about two fingers, is it ok?"), en) is None
    assert find_part(es.analyse("apoyada sobre los codos me duele"), es) is None
    told = find_part(en.analyse("tell me about it"), en)
    assert told is not None and told.section.value == "overview"
    told = find_part(es.analyse("háblame de ella"), es)
    assert told is not None and told.section.value == "overview"


def test_an_imperative_with_its_pronoun_written_on_is_the_verb() -> None:
    """Pages say "túmbate", "apóyate"; learners say "tumbada", "apoyada"."""
    es = lexicon("es")
    assert es.term("túmbate") == es.term("tumbada") == es.term("acostada")
    assert es.term("apóyate") == es.term("apoyada")
    assert es.term("colócate") == es.term("colocas")
    # words that only end like a pronoun keep it
    assert es.term("clase") != es.term("cla")
    assert es.term("suavemente") != es.term("suavemen")
    assert es.term("parte") == "part"


def test_words_said_differently_across_the_atlantic_mean_the_same() -> None:
    es = lexicon("es")
    assert es.term("piso") == es.term("suelo") == es.term("colchoneta")
    assert es.term("panza") == es.term("tripa")
    assert [tag for tag, _ in es.positions.find_all(es.analyse("parada frente al espejo"))] == [
        "standing"
    ]
    lying = es.position(es.analyse("acostada boca arriba"))
    assert lying is not None and lying[0] == "supine"


def test_over_is_a_word_of_movement_not_a_stop_word() -> None:
    """ "Legs over your head", "rock back over the heel", "knees over hips": where the
    body goes tells one exercise from another."""
    en = lexicon("en")
    said = en.analyse("legs over your head")
    assert "over" in {t for t, stop in zip(said.terms, said.stop, strict=True) if not stop}


def test_both_legs_are_what_titles_call_double() -> None:
    en = lexicon("en")
    assert en.term("both") == en.term("double")


def test_a_synonym_holds_for_every_form_of_its_verb() -> None:
    en = lexicon("en")
    assert en.term("avoided") == en.term("skipping") == en.term("avoid") == en.term("safe")
    assert en.term("concerned") == en.term("safe")
    assert en.term("herniation") == en.term("herniated") == en.term("disc")
    assert en.term("sagged") == en.term("sag")
    es = lexicon("es")
    # a pronoun written onto the infinitive: "¿quién debería evitarla?" asks who should avoid it
    assert es.term("evitarla") == es.term("evitar") == es.term("riesgo")
    assert es.term("doliendo") == es.term("duela") == es.term("dolor")
    # a verb without a synonym stems as before, pronoun or not
    assert es.term("hacerlo") == es.term("hacer")


def test_breathing_is_breathing_in_a_physio_s_words_and_every_form() -> None:
    en = lexicon("en")
    breathe = en.term("breathe")
    assert en.term("respiration") == en.term("inspiration") == en.term("expiration") == breathe
    assert en.term("exhales") == en.term("inhaled") == en.term("breathed") == breathe


def test_rotating_the_trunk_is_twisting_it() -> None:
    en = lexicon("en")
    assert en.term("rotate") == en.term("rotating") == en.term("twist")
    es = lexicon("es")
    assert es.term("rotar") == es.term("girar")
    assert es.term("rota") != es.term("girar")  # also a broken rib ("una costilla rota")


def test_changing_legs_is_switching_them_not_a_change_asked_for() -> None:
    en = lexicon("en")
    assert en.analyse("as I change legs").terms[-2:] == en.analyse("as I switch legs").terms[-2:]
    assert en.analyse("swapping sides").terms == en.analyse("switching sides").terms
    # "what should I change?" asks what to correct
    assert en.term("switch") not in en.analyse("what should I change?").terms


def test_a_pinched_nerve_root_is_what_sciatica_is() -> None:
    en, es = lexicon("en"), lexicon("es")
    assert en.term("radiculopathy") == en.term("sciatica")
    assert es.analyse("radiculopatía").terms == es.analyse("ciática").terms


def test_a_physio_s_anatomy_reads_as_the_plain_words_of_the_pages() -> None:
    en = lexicon("en")
    assert en.term("contralateral") == en.term("opposite")
    assert en.term("circumducting") == en.term("circles")
    assert en.term("adduction") == en.term("adductors")
    assert en.term("scapulae") == en.term("shoulders")
    # worn joints, however written: "knee OA" is knee pain as far as the pages go
    assert en.analyse("wrist OA").terms == en.analyse("wrist pain").terms
    assert en.term("osteoarthritis") == en.term("arthritic") == en.term("hurts")


def test_a_teacher_s_words_for_the_parts_of_a_page() -> None:
    en = lexicon("en")
    for text, part in (
        ("primary movers?", "benefits"),
        ("common compensations", "mistakes"),
        ("any teaching points", "tips"),
    ):
        assert {tag for tag, _ in en.section_cues.find_all(en.analyse(text))} == {part}, text


def test_a_physio_s_spanish_reads_as_the_plain_words_of_the_pages() -> None:
    es = lexicon("es")
    assert es.term("respiratorias") == es.term("respira")
    assert es.term("omoplatos") == es.term("escapula")
    assert es.term("contralateral") == es.term("opuesta") == es.term("contrario")
    assert es.term("artrosis") == es.term("duele")
    for text, position in (("en decubito prono", "prone"), ("paciente supina", "supine")):
        found = es.position(es.analyse(text))
        assert found is not None and found[0] == position, text
    assert {tag for tag, _ in es.section_cues.find_all(es.analyse("compensaciones"))} == {
        "mistakes"
    }


def test_one_side_or_both_and_the_pelvis_bones_in_a_physio_s_words() -> None:
    en = lexicon("en")
    assert en.term("unilateral") == en.term("single")
    assert en.term("bilaterally") == en.term("both") == en.term("double")
    assert en.analyse("keep the ASIS level").terms == en.analyse("keep the hip bones level").terms
    assert en.analyse("glute med").terms == en.analyse("gluteus medius").terms


def test_where_a_client_should_feel_it_asks_where_not_what_it_works() -> None:
    en = lexicon("en")
    for text in (
        "where should that work?",
        "where should my client feel it",
        "where should they feel the work",
    ):
        assert "feel" in {tag for tag, _ in en.section_cues.find_all(en.analyse(text))}, text
    # the longer cue is what was said: faults to look for, not a video to watch
    part = find_part(en.analyse("faults to watch for"), en)
    assert part is not None and part.section is Section.MISTAKES


def test_lateral_flexion_is_a_side_bend() -> None:
    en = lexicon("en")
    side_bend = en.analyse("a side bend").terms
    assert en.analyse("a lateral flexion").terms == en.analyse("a side flexion").terms == side_bend


def test_a_clinician_s_names_for_backs_bellies_and_positions() -> None:
    en, es = lexicon("en"), lexicon("es")
    assert en.term("lordosis") == en.term("kyphotic") == en.term("back")
    assert en.term("spondylolysis") == en.term("disc")
    assert en.analyse("LBP").terms == en.analyse("lower back pain").terms
    for text, position in (("four point kneeling", "quadruped"), ("in crook lying", "supine")):
        found = en.position(en.analyse(text))
        assert found is not None and found[0] == position, text
    assert es.term("hiperlordosis") == es.term("espalda")
    assert es.term("protrusion") == es.term("hernia") == es.term("disco")
    assert es.term("gestante") == es.term("embarazada")
    assert es.analyse("lumbalgia").terms == es.analyse("dolor lumbar").terms


def test_the_execution_and_the_starting_position_ask_for_the_steps() -> None:
    en, es = lexicon("en"), lexicon("es")
    for lex, text in (
        (en, "what is the starting position"),
        (en, "execution please"),
        (es, "posición inicial"),
        (es, "¿cómo se ejecuta?"),
    ):
        part = find_part(lex.analyse(text), lex)
        assert part is not None and part.section is Section.STEPS, text


def test_a_bone_scan_and_the_belly_s_midline_in_clinical_words() -> None:
    en, es = lexicon("en"), lexicon("es")
    assert en.analyse("my DEXA").terms == en.analyse("my osteoporosis").terms
    assert en.analyse("bone density").terms == en.analyse("osteoporosis").terms
    assert en.analyse("linea alba").terms == en.analyse("diastasis").terms
    assert es.analyse("densidad ósea").terms == es.analyse("densitometría").terms
    assert es.analyse("la línea alba").terms == es.analyse("la diástasis").terms


def test_a_word_is_not_hidden_by_a_stop_word_that_stems_alike() -> None:
    """ "nadar" stems as "nada" (nothing) and "pared" as "para": both stop words, so the
    swimming and the wall would vanish from every message and page."""
    es = lexicon("es")
    said = es.analyse("como nadando, apoyada en la pared")
    kept = {t for t, stop in zip(said.terms, said.stop, strict=True) if not stop}
    assert es.term("nadando") in kept and es.term("pared") in kept
    assert es.term("nadar") == es.term("natación")  # swimming is what Natación does
    assert es.term("pared") == es.term("paredes")
    # "estás" (you are) describes nothing
    assert es.analyse("estás tumbada").stop[0]


def test_latin_american_words_for_the_body_and_directions_are_the_pages_words() -> None:
    es = lexicon("es")
    assert es.term("cola") == es.term("nalgas") == es.term("glúteos")
    assert es.term("adelante") == es.term("alante") == es.term("delante")


def test_raising_is_one_word_in_every_form_and_coming_off_the_mat_another() -> None:
    """Pages say "eleva la pierna", learners "subes la pierna", "la levantas": all raise it.
    A back that comes off the mat ("se me despega") is not a leg raised."""
    es = lexicon("es")
    assert es.term("subes") == es.term("subiendo") == es.term("eleva") == es.term("levantas")
    assert es.term("elevada") == es.term("levantada")
    assert es.term("despega") != es.term("sube")


def test_grabbing_the_ankles_is_holding_them() -> None:
    es = lexicon("es")
    assert es.analyse("agarrándote").terms[0] == es.term("agarras") == es.term("sujeta")
    assert es.term("sujetando") == es.term("agarrando")


def test_a_noun_cue_is_not_asked_by_its_verb() -> None:
    """Cue words in `exact_cues` are matched as written or with a plural ending: a pelvis
    "tipping" asks for no tips, "filming" a session for no video, "using" a strap for no
    benefits; "pasas" los brazos is no "paso"."""
    from bot.languages import language

    en = lexicon("en")

    def parts(found: Lexicon, text: str) -> set[str]:
        return {tag for tag, _ in found.section_cues.find_all(found.analyse(text))}

    assert parts(en, "any tip for the saw") == {"tips"}
    assert parts(en, "tips for the saw") == {"tips"}
    assert parts(en, "my pelvis is tipping in the saw") == set()
    assert parts(en, "a film of the saw") == {"video"}
    assert parts(en, "we were filming the class") == set()
    assert parts(en, "is the saw useful") == {"benefits"}
    assert parts(en, "can I use a towel") == set()
    assert parts(en, "whats the saw") == {"overview"}
    assert parts(en, "what should my knees do") == set()
    es = lexicon("es")
    assert parts(es, "los pasos de la sierra") == {"steps"}
    assert parts(es, "pasas la pierna por encima") == set()
    assert "tips" in parts(es, "como mejoro en la sierra")
    assert parts(es, "que colchoneta es mejor") == set()
    assert parts(es, "clavo los talones en el suelo") == set()
    assert parts(en, "after watching my friend do it") == set()
    for lang in ("en", "es"):
        written = {
            w for texts in language(lang).section_cues.values() for t in texts for w in t.split()
        }
        assert language(lang).exact_cues <= written, lang


@pytest.mark.parametrize(
    ("lang", "typed", "read"),
    [
        ("en", "hw shud i hold it", ("how", "should", "i", "hold", "it")),
        ("en", "wen cud i add the band", ("when", "could", "i", "add", "the", "band")),
        ("es", "xk me duele dnd la nuca", ("por", "que", "me", "duele", "donde", "la", "nuca")),
    ],
)
def test_words_cut_short_on_a_phone_are_read_in_full(
    lang: str, typed: str, read: tuple[str, ...]
) -> None:
    assert lexicon(lang).analyse(typed).words == read


@pytest.mark.parametrize(
    ("lang", "text", "kinds"),
    [
        (
            "en",
            "How much time do I hold it, and is it safe if I'm pregnant?",
            {"duration", "safety"},
        ),
        ("en", "What can I do? My wrists ache.", {"fix", "pain"}),
        ("es", "¿Cuántas veces lo hago y hasta dónde bajo?", {"duration", "extent"}),
        ("es", "¿Qué puedo hacer? Me molesta la rodilla.", {"fix", "pain"}),
        # an angle, in degrees, is how far
        ("en", "What angle should my arm make with my body?", {"extent"}),
        ("es", "¿Cuántos grados giro el tronco?", {"extent"}),
        ("en", "Who isn't supposed to do it?", {"safety"}),
        ("en", "Who should give it a miss?", {"safety"}),
        ("en", "What's a good hold time, in seconds?", {"duration"}),
        ("en", "Where should the work be?", {"feel"}),
        ("en", "How far apart do my feet go?", {"extent"}),
        # what is up in the air is no breath; fit for someone with a condition asks may I
        ("es", "Con la cadera en el aire, ¿es lo mismo que el puente?", {"compare"}),
        ("es", "¿Es apto para alguien hipertenso?", {"safety"}),
    ],
)
def test_kinds_of_a_text_are_the_kinds_of_its_analysis(
    lang: str, text: str, kinds: set[str]
) -> None:
    # the index reads an entry's kinds from its words alone, as a message's are read; the
    # longest phrase wins where two start ("what can I do" asks for a fix, not permission;
    # "how much time" for a duration, not an extent)
    lex = lexicon(lang)
    assert lex.kinds_of(text) == lex.kinds(lex.analyse(text)) == kinds


def test_a_word_of_a_table_is_found_as_written_or_by_its_term() -> None:
    en = lexicon("en")
    # "cant" is in Language.trouble as written; "twinge" only by its term, that of "pain"
    said = en.analyse("a twinge in my knee and i cant kneel")
    assert said.positions_of(en.trouble) == [1, 7]
    assert en.analyse("lying on my back, knees bent").positions_of(en.trouble) == []


def test_instead_of_a_verb_sets_two_movements_apart_and_asks_no_version() -> None:
    """ "instead of lifting", "en vez de subir" tell how the movement goes wrong; "instead of
    the teaser" and "what can I do instead?" still ask for an easier version. "What's the
    fix?" asks how to fix what was told, not what the exercise is."""
    en, es = lexicon("en"), lexicon("es")
    assert find_part(en.analyse("my heels lift instead of pressing down"), en) is None
    assert find_part(es.analyse("la espalda se despega en vez de bajar despacio"), es) is None
    for said, lang in (
        (en.analyse("is there something to try instead of the teaser?"), en),
        (en.analyse("my elbows ache in it, anything to try instead?"), en),
        (es.analyse("¿hay algo para hacer en vez de la foca?"), es),
    ):
        found = find_part(said, lang)
        assert found is not None and found.section is Section.MODIFICATIONS
    assert find_part(en.analyse("my hips sink, what's the fix?"), en) is None
    assert find_part(es.analyse("se me hunde la cadera, ¿cuál es la solución?"), es) is None


def test_a_teachers_or_clinicians_words_are_read_as_the_pages_plain_words() -> None:
    """Language.jargon: read once, as `phrases` are, so positions, places, cues and terms
    all meet the plain words; a page saying the jargon reads it the same way."""

    def read(lang: str, text: str) -> tuple[str, ...]:
        return lexicon(lang).analyse(text).words

    # a leg circling from the hip is a leg circle, not the Hip Circles of a title
    assert read("en", "hip circumduction lying supine") == (
        *("leg", "circles", "from", "the", "hip"),
        *("lying", "supine"),
    )
    # anatomical sides are a body part's front or back, where body places find them
    assert read("en", "an anterior hip ache")[1:5] == ("front", "of", "the", "hip")
    en = lexicon("en")
    assert [tag for tag, _ in en.places(en.analyse("a twinge in the anterior hip"))] == [
        "hips/front"
    ]
    assert read("en", "a lateral bridge on the forearm")[1:3] == ("side", "plank")
    # a teacher's next level is the harder version; a Spanish teacher regresses it easier
    part = find_part(en.analyse("what is the next level up?"), en)
    assert part is not None and part.section is Section.MODIFICATIONS and part.level == "harder"
    part = find_part(lexicon("es").analyse("¿cómo la regreso para un alumno?"), lexicon("es"))
    assert part is not None and part.section is Section.MODIFICATIONS and part.level == "easier"
    assert read("es", "descenso y ascenso de miembros inferiores") == (
        *("bajar", "y", "subir", "de", "piernas"),
    )
    # the pages read the same words the same way
    assert en.content_terms("circumduction of the hip") == en.content_terms(
        "leg circles from the hip"
    )


def test_a_clinicians_positions_and_movements_read_as_the_pages_name_them() -> None:
    """Positions, spinal motions, shoulder-blade motions and foot positions in a clinic's
    words are read as the pages put them, and words the pages themselves use stay theirs."""

    def read(text: str) -> tuple[str, ...]:
        return lexicon("en").analyse(text).words

    # a physio's 90/90 is the pages' tabletop, and a front-facing drill that resists arching
    # is said as the pages' steady trunk says it
    assert read("legs at 90/90") == ("legs", "at", "tabletop")
    assert read("an anti-extension hold") == ("an", "resist", "arching", "hold")
    # a trunk flexed, turned or rolled bone by bone: the pages' spinal motions
    assert read("trunk flexion")[:2] == ("spinal", "flexion")
    assert read("thoracic rotation") == ("spinal", "rotation")
    assert read("segmental articulation") == ("spinal", "articulation")
    # shoulder blades drawn down, feet flexed or pointed
    assert read("scapular depression") == ("shoulder", "blades", "down", "the", "back")
    assert read("with the ankles dorsiflexed")[-2:] == ("flexed", "feet")
    assert read("ankles plantarflexed")[-2:] == ("pointed", "feet")
    # a nod of the head alone is the pages' chin nod; a bent-and-arched spine, however the
    # pair is joined, is rounding and arching it; the erectors are the pages' extensors
    assert read("craniocervical flexion") == ("chin", "nod")
    assert read("spinal flexion-extension") == ("rounding", "and", "arching", "the", "spine")
    assert read("erector spinae") == ("spinal", "extensors")
    # the pages' own "spinal flexion" and the mood word alone are left as written
    assert read("spinal flexion") == ("spinal", "flexion")
    assert read("depression") == ("depression",)
    assert read("a neutral spine") == ("a", "neutral", "spine")


def test_a_spanish_clinicians_positions_and_movements_read_as_the_pages_name_them() -> None:
    """The Spanish clinic's positions, spinal and shoulder-blade motions, feet and limb
    abbreviations read as the Spanish pages say them; the pages' own words stay."""

    def read(text: str) -> tuple[str, ...]:
        return lexicon("es").analyse(text).words

    assert read("en sedestación") == ("en", "sentado")
    # face down or face up, said with "decúbito", is the pages' "boca abajo" / "boca arriba"
    assert read("en decúbito prono") == ("en", "boca", "abajo")
    assert read("decúbito dorsal") == ("boca", "arriba")
    assert read("rotación torácica") == ("rotacion", "de", "columna")
    assert read("articulación segmentaria") == ("articulacion", "de", "la", "columna")
    assert read("columna dorsal") == ("espalda", "alta")
    assert read("retracción escapular") == ("juntar", "las", "escapulas")
    assert read("tobillos en flexión plantar") == ("pies", "en", "punta")
    assert read("elevar MMII")[-1] == "piernas"
    # "flexión dorsal" alone may be the upper back's, and "rodillas flexionadas" is the
    # pages' own: both stay as written
    assert read("flexión dorsal") == ("flexion", "dorsal")
    assert read("rodillas flexionadas") == ("rodillas", "flexionadas")


def test_no_phrase_is_both_an_everyday_phrase_and_jargon() -> None:
    from bot.languages import all_languages

    for language in all_languages():
        assert not set(language.phrases) & set(language.jargon), language.code


def test_an_image_of_a_fault_is_the_fault_only_beside_the_place_it_pictures() -> None:
    """A belly rising like a tent is the ridge the pages speak of, a seat like one in a plank
    the pike, feet that smack the mat hit it; a tent anywhere else is a tent."""
    en, es = lexicon("en"), lexicon("es")
    assert en.analyse("my belly pokes up like a little tent").terms[-1] == en.term("ridge")
    assert en.analyse("my seat sticks up like a tent").terms[-1] == en.term("piking")
    assert en.term("hit") in en.analyse("my feet smack down").terms
    assert en.term("flare") in en.analyse("my ribs pop out").terms
    assert en.analyse("we camped in a tent").terms[-1] == "tent"
    assert es.analyse("se me forma una montañita en la barriga").terms[4] == es.term("bulto")
    assert es.analyse("subo el culo como una montaña").terms[-1] == es.term("pico")
    assert es.analyse("subimos a la montaña").terms[-1] != es.term("pico")


def test_everyday_words_for_a_movement_are_read_as_the_pages_words() -> None:
    """A movement told in everyday words and images reaches the words its page uses."""
    en = lexicon("en")
    assert en.content_run("pinky toe") == en.content_run("little toe")
    assert en.term("patting") == en.term("pump")  # arms patting the air pump
    assert en.term("restacking") == en.term("stack")
    assert en.term("egg") == en.term("ball")
    assert en.term("pendulum") == en.term("swing")
    assert en.content_run("curling down") == en.content_run("roll down")
    assert en.content_run("a rocking horse") == en.content_run("a rocking chair")
    # legs going round like on a bike pedal: the movement, not the Bicycle's name
    assert en.content_run("like you're riding a bike") == en.content_run("like pedalling")
    # a bike of one's own is no likeness: no exercise in "my bike"
    assert en.term("bike") != en.term("bicycle")
    es = lexicon("es")
    for said, paged in (
        ("el dedo chiquito", "el dedo pequeño"),
        ("un huevito", "una bola"),
        ("una bolita", "una bola"),
        ("redondeles", "círculos"),
        ("meciéndote", "balancearse"),
        ("chapoteando", "nadar"),
        ("serruchando", "serrar"),
    ):
        assert es.content_run(said) == es.content_run(paged), said
    assert es.content_run("un caballito de balancín") == es.content_run("una mecedora")


@pytest.mark.parametrize(
    ("lang", "text", "counted"),
    [
        ("en", "lying on my back, one leg up, the other leg long", {"1:leg"}),
        ("en", "both arms reach back past the ears", {"2:arm"}),
        ("en", "the one where you sit tall", set()),  # "one" stands for the exercise
        ("es", "las dos piernas juntas y luego la pierna contraria", {"1:piern", "2:piern"}),
    ],
)
def test_the_limbs_a_description_counts_are_read_with_their_count(
    lang: str, text: str, counted: set[str]
) -> None:
    table = lexicon(lang)
    assert table.counted(table.analyse(text)) == counted
