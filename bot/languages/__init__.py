"""The languages the bot speaks: one typed `Language` per code, registered once.

Each module (en.py, es.py) writes its word tables as data and registers one `Language`; the
engine compiles it (bot/engine/lexicon.py), the loader reads its section headings, and mypy checks
that every language fills every field. Adding a language is one module here, its gettext
catalogue and its answer set (README, "Adding a language").
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

DEFAULT = "en"
# The kinds of question a FAQ entry answers and a message asks (bot/engine/lexicon.py reads
# them from each language's `question_kinds`): how to breathe; how far, high or much (extent);
# how long or how many times (duration); whether it may be done, with a condition or none
# (safety); where it should be felt; a pain; what to do about a problem (fix); how it
# compares with another.
QuestionKind = Literal["breath", "extent", "duration", "safety", "feel", "pain", "fix", "compare"]
CODES = ("en", "es")  # the modules of this package, in the order menus list them


@dataclass(frozen=True, slots=True)
class Language:
    """Everything the bot knows about how people write in one language."""

    code: str
    name: str  # as its speakers write it ("Español")
    stemmer: str  # the Snowball stemmer's name ("spanish")
    spelling: str | None  # pyspellchecker's frequency list (real words are never "corrected")
    stop_words: frozenset[str]
    name_fillers: frozenset[str]  # "the", "of": inside names, weigh almost nothing
    shorthand: Mapping[str, str]  # "pls" -> "please"
    # Phrases that mean one word's concept, read as that word: "who should not" ->
    # "shouldnt"; a word that points back stays ("sit it out" -> "skip it"). After shorthand,
    # words as folded.
    phrases: Mapping[str, str]
    # A teacher's or a clinician's words for what the pages say plainly ("supine" -> "on your
    # back", "regress it" -> "make it easier", "hip circumduction" -> "leg circles"), read as
    # `phrases` are, once, wherever a text is read (messages and pages alike), so that every
    # table and producer after it (positions, body places, part cues, names, descriptions,
    # FAQ) meets the plain words. Kept apart from `phrases`: no phrase may be in both.
    jargon: Mapping[str, str]
    cue_fillers: frozenset[str]  # stepped over when looking for cue phrases
    stems: Mapping[str, str]  # where the stemmer is wrong ("patas" is no "patada")
    # Pronouns written onto an imperative ("túmbate" is "túmba" + "te"), and how the verb
    # before them ends: stripped before stemming, so the pages' "túmbate" and a learner's
    # "tumbada" meet. The stemmer only knows them after an infinitive or a gerund.
    attached_pronouns: tuple[str, ...]
    imperative_endings: tuple[str, ...]
    diminutives: tuple[tuple[str, str], ...]  # chat diminutives back to their base
    synonyms: Mapping[str, str]  # words that mean one concept ("hurts", "sore" -> "pain")
    section_cues: Mapping[str, tuple[str, ...]]  # phrases that ask for a part
    # The kind of question a sentence asks, whatever it asks it of (see Lexicon.kinds in
    # bot/engine/lexicon.py): each kind's words and phrases, matched on their terms, so that a
    # synonym ("sore" for "pain") or an inflection says the kind its word says.
    question_kinds: Mapping[QuestionKind, tuple[str, ...]]
    # Words of `section_cues` matched as written or with a plural ending, not on their stem:
    # nouns whose stem is also a verb of another sense ("tipping forward" asks for no tips,
    # "filming myself" for no video), a word the stemmer cuts to another ("useful" to "use").
    exact_cues: frozenset[str]
    plural_endings: tuple[str, ...]  # "tip" and "tips", "clave" and "claves": one word
    section_headings: Mapping[str, str]  # the pages' "##" headings -> mistakes, tips...
    positions: Mapping[str, tuple[str, ...]]  # body positions ("on all fours")
    # Places of the body where a problem is felt, each with every way people name it ("lower
    # back", "low back", "lumbar"): a sore place is answered by the entry that names that
    # place, not one on another. Words as folded, matched word for word (fillers stepped
    # over: "the front of my hip"); a longer name wins over one inside it ("hip flexors").
    # A place within another is tagged "whole/part" ("hips/front"): an entry on the hips
    # is not one on another place than the front of the hip, though the front goes first.
    body_places: Mapping[str, tuple[str, ...]]
    # A place's words said as where something goes, not as where anything is felt ("over
    # your head", "behind your back", "por encima de la cabeza"): the place inside is none.
    body_directions: tuple[str, ...]
    # Words that make the word before them a verb of moving ("tips up", "steps back"): a cue
    # of a part so followed tells what the body does, it asks no part.
    motion_particles: frozenset[str]
    # The word `synonyms` reads every word of pain as ("hurts", "sore", "pinch": "pain"): a
    # place that hurts is the question, whatever else the message asks.
    pain: str
    random_cues: tuple[str, ...]
    weak_random_cues: tuple[str, ...]  # "another", "something": also ask other things
    session_cues: tuple[str, ...]  # "session", "workout", "routine": several exercises
    session_lengths: Mapping[str, int]  # "short", "quick": minutes when no time is said
    question_words: frozenset[str]  # "how", "what": a message opening so asks, not requests
    # Question words that also join a description ("the one where you..."), or are a plain
    # verb inside one ("your legs are up"): a question only when they open the message.
    relatives: frozenset[str]
    # Phrases that open a question in the middle of a message without full stops ("...my hips
    # sink how do i keep them up"), written as a question is (with its accents: "qué hago";
    # one written without them only closes a message); not after one of `clause_binders`
    # ("no puedo"); `opener_leads` said just before one are part of its question ("what is
    # it called", "me puedo sentar").
    question_openers: tuple[str, ...]
    clause_binders: frozenset[str]
    opener_leads: frozenset[str]
    domain_words: frozenset[str]
    foreign_exercises: tuple[str, ...]  # other sports' exercises: an honest no
    # What an exercise library's pages never speak of (calories, diets, shopping, cures): a
    # question about it gets an honest "not covered", not the nearest card. Words as folded,
    # every form written out (stems would make Spanish "comer" a "como").
    uncovered: tuple[str, ...]
    # Ways of asking what one has, or whether it needs a doctor's treatment ("might it be
    # arthritis?", "will I need an operation?"): a diagnosis no page gives, whatever words of
    # the pages the condition is named in. Words as folded, every form written out.
    diagnoses: tuple[str, ...]
    # Ways of asking whether something is the cause ("could it be...", "a sign of..."): a
    # diagnosis asked (as `diagnoses`) only when what follows names an illness (a condition,
    # or words no page uses: "could it be arthritis?"); when it names what the pages speak
    # of ("could it be my form?", "a sign of tight calves?") it asks about the exercise.
    # Words as folded, every form written out.
    cause_cues: tuple[str, ...]
    # Endings that make a word an illness's name ("tendinitis", "artrosis"), as folded
    illness_endings: tuple[str, ...]
    difficulty_words: Mapping[str, str]
    muscle_words: Mapping[str, str]
    equipment_words: Mapping[str, str]
    # Words that say what it is done on or with ("on a reformer", "with dumbbells"), unlike
    # "my reformer teacher"
    done_with: frozenset[str]
    bound_words: frozenset[str]  # "under", "max": part of a time bound
    # Verbs of how long it goes ("one that lasts under a minute", "que dure dos minutos
    # como mucho"): part of the time said, not a word of something else asked
    lasting_words: frozenset[str]
    # Forms of "to be" that ask whether an exercise is of a level ("is the saw hard?", "¿el
    # puente es fácil?"): its card, which shows the level, answers
    being: frozenset[str]
    # The word a level is said with ("intermediate level", "de nivel avanzado"): part of the
    # level asked
    level_words: frozenset[str]
    closing_bounds: frozenset[str]  # "or less", "at most": a bound said after the time
    bound_joiners: frozenset[str]  # ...joined to it by these only ("or", "at the")
    time_units: Mapping[str, int]  # in seconds
    # Words before a decade written with an "s" ("70s") that make it an age, not seconds:
    # "in my 70s", "a class for the over-70s"
    age_leads: frozenset[str]
    number_words: Mapping[str, float]  # "half" (an hour) is 0.5
    name_requests: tuple[str, ...]  # "what's it called when..."
    description_markers: tuple[str, ...]  # "the one where...": alone, it asks which one
    # Words said just before a name (an article or one verb between) that tell its role when
    # the message names another exercise too. "aside": a point of reference or what came
    # before, not what is asked ("after the teaser", "like a plank", "instead of the roll
    # up"); "now": the one asked, the others being what came before ("moved on to the
    # boomerang", "ahora el puente con patada"); "doer": said right before it, nothing between,
    # make its words what someone does, not a name ("when I roll back up", "I push up into
    # the bridge"). Words as folded, matched word for word.
    name_roles: Mapping[str, tuple[str, ...]]
    # The writer unsure which exercise it was ("not sure if it was on my side or on my knees",
    # "no me acuerdo si era..."): an exercise's card is offered with its kin, not asserted.
    # Words as folded, matched word for word.
    unsure: tuple[str, ...]
    # Words that count what moves ("one leg", "both legs", "una pierna", "las dos piernas"),
    # as 1 or 2: a description of one leg circling is no page's that only ever moves both
    counts: Mapping[str, int]
    # ...said after what they count ("la pierna contraria", "el brazo derecho")
    counts_after: Mapping[str, int]
    # ...of these only: the limbs that move, as folded ("leg", "piernas")
    limbs: frozenset[str]
    # Questions whether something exists ("is there a way...", "¿hay alguna forma...?"): of a
    # problem told, they ask for another way of doing it (an easier version), not what goes
    # wrong. Words as folded, matched word for word.
    existence: tuple[str, ...]
    # A bare request for a name closing a description ("..., what is it?", "name?"): the
    # last clause is made only of `naming` words, one of them from `name_words`.
    naming: frozenset[str]
    name_words: frozenset[str]
    # Those of `name_words` that ask to choose ("which is it?"): after an exercise named in
    # full, between what was said of it rather than for a name.
    choosing: frozenset[str]
    references: frozenset[str]  # "it", "this": pointing at the card on screen
    # "one" after a describing word ("the kicking one") stands for an exercise: no name's word
    pronouns: frozenset[str]
    trouble: frozenset[str]  # "can't", "hurts", "keeps": a problem told, not a movement described
    # A body part moving as it should not ("my hips sink", "my ribs flare", "se me hunde la
    # cadera"): beside a place, a fault of form felt there (bot/engine/places.py), though
    # alone such a word may describe a movement ("lift your hips"), so none tells trouble.
    faults: frozenset[str]
    # ...and words that tell one only beside a place ("my hip rolls back"): said anywhere
    # else they name the movement ("roll up", "twist"), so they tell no fault of the message
    place_faults: frozenset[str]
    # Images people give a fault in their own words, read as the fault's word only beside the
    # place they picture (bot/engine/lexicon.py `Lexicon.analyse`): a belly that rises "like a
    # tent" is the ridge the pages speak of, a seat "like a mountain" in a plank is the pike;
    # said anywhere else the word is the image or the movement it names. Each place (as
    # `body_places` tags it, the whole: "hips" for "hips/front") -> its words as folded -> the
    # word of the fault, read as its term.
    place_images: Mapping[str, Mapping[str, str]]
    # ...except an image word said as a part of what follows ("the peak of the teaser", "the
    # top of the roll"): the words that follow it then (English "of"; Spanish has none, for
    # its images are named with "de": "tienda de campaña")
    image_parts: frozenset[str]
    # Words that plead for help or reassurance ("help", "any ideas?", "¿alguna idea?"), some of
    # them words that also ask for a part ("help" the benefits, "advice" the tips): said alone
    # after a problem told, they ask for the answer to that problem (bot/engine/message.py
    # `_plea`)...
    pleas: frozenset[str]
    # ...unless a word that asks what for says which part: "what does it help with?"
    asking_what: frozenset[str]
    # Words that make a part asked the general one, not the answer to a problem of one's own
    # ("what are the usual mistakes?", "what else do people get wrong?", "any general tips?"):
    # a question saying nothing else asks for the page's part, not for an entry that shares
    # only the exercise's words with the story before it (bot/engine/questions.py)
    general_words: frozenset[str]
    # Words that open a clause of what a plea is for ("any advice so I can keep going?", "¿algún
    # consejo para seguir?"): what the writer wants, not which part
    purpose_binders: frozenset[str]
    speaker: frozenset[str]  # "my", "me": a problem told, unless a body position is described
    # Words that address the reader ("you", "your"): a movement told as it goes for anyone
    addressee: frozenset[str]
    # Words for a thing or a person a verb acts on ("saw it", "saw myself"): a name of one word
    # said right before one is that verb, not the exercise
    objects: frozenset[str]
    # Articles that make a name one thing among many ("a seal", "una sierra"): an exercise is
    # called by its name or "the ...", a thing of the same name is "a ..." (see
    # bot/engine/names.py `everyday_thing`)...
    indefinite: frozenset[str]
    # ...unless said after a word that does it or likens it ("do a jackknife", "up into a
    # teaser", "rock like a seal", "hacer una sirena")
    exercise_leads: frozenset[str]
    # The verbs of doing an exercise ("do", "practise", "hacer"): a name said after one, its
    # article between or not, names what is done, not a movement told on the way
    doing: frozenset[str]
    greetings: frozenset[str]
    thanks: frozenset[str]
    small_talk: frozenset[str]
    # Pronouns written onto an infinitive ("evitarlo" is "evitar" + "lo"), and how an
    # infinitive ends: the stemmer strips them, but a synonym of the verb is written for the
    # bare infinitive and holds for it with a pronoun too ("¿quién debería evitarlo?").
    infinitive_pronouns: tuple[str, ...] = ()
    infinitive_endings: tuple[str, ...] = ()
    # How a gerund ends ("apoyando"): a pronoun written onto it is a verb's too ("apoyandote"),
    # and the stemmer does not know every such pronoun ("te").
    gerund_endings: tuple[str, ...] = ()
    # Words that end like a gerund and are none ("something", "morning", "bring", "cuando"):
    # no verb follows a cue when one of them does ("instead of something gentler").
    not_gerunds: frozenset[str] = frozenset()
    # The regular forms of a word its spelling list may hold in one form only (Spanish:
    # "mes", "hablar"; English: "color", not "colour"), so that "meses", "hablaba" or
    # "colour" is read as a real word, not as a slip: each ending of a listed word ("" for any
    # word, "ar" for a verb) with the endings of its forms, as folded.
    inflections: Mapping[str, str] | None = None
    # How a verb's stem may change in its forms, each as written in the form and in the
    # infinitive ("ie" and "e": "entiendo" is "entender"); the last one in the stem.
    stem_changes: tuple[tuple[str, str], ...] = ()
    # Conditions that may rule an exercise out ("pregnant", "osteoporosis", "glaucoma"): each
    # also asks whether it may be done (`question_kinds` "safety" lists them), and an entry
    # asking so whose answer names one speaks to a message telling it ("who should avoid
    # it?" lists them; bot/engine/faq.py).
    conditions: tuple[str, ...] = ()


_REGISTRY: dict[str, Language] = {}


def register(language: Language) -> Language:
    """Add a language; each code once."""
    if language.code in _REGISTRY:
        raise ValueError(f"language {language.code!r} registered twice")
    _REGISTRY[language.code] = language
    return language


@cache
def _load() -> Mapping[str, Language]:
    for code in CODES:
        importlib.import_module(f"{__name__}.{code}")
    return _REGISTRY


def language(code: str) -> Language:
    """The language of `code`; English for a code the bot does not speak."""
    languages = _load()
    return languages.get(code) or languages[DEFAULT]


def all_languages() -> tuple[Language, ...]:
    return tuple(_load().values())
