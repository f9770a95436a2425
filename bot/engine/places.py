"""Where in the body a message's problem is felt, against the places that FAQ entries and
page passages name (Language.body_places).

People name one place many ways ("lower back", "low back", "lumbar"; "hips", "pelvis",
"bum"), and a problem felt in one place is answered by the entry that names that place, not
by one on another place of the same exercise: knees that hurt on all fours are no question
for the entry on sore wrists, however many other words ("all fours", "hurt") the two share.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.engine.faq import FaqIndex, FaqMatch
from bot.engine.lexicon import Analysis, Lexicon
from bot.engine.matching import EXACT
from bot.languages.text import words

if TYPE_CHECKING:  # a Message keeps its Places (Message.places): read by message.read
    from bot.engine.message import Message

# A place is where the problem is felt when a word that tells a problem (Language.trouble:
# "hurts", "keeps", "can't", "pinch") is at most this many words from it ("a pinch in my low
# back", "arthritis in both knees"), or when the question sentence names it. Not more: the
# words are read without the sentences' ends, and the next sentence's "is it ok?" tells of
# nothing in the last words of this one.
NEAR_TROUBLE = 3
# The entries weighed for the place: more than the best few, since a place word is one word
# among many a story tells.
PLACE_CANDIDATES = 5
# An entry naming the place of the problem goes before the best entry when it is this close
# to it: when the best names another place (sore knees against the entry on wrists)...
OTHER_PLACE_SLACK = 0.25
# ...or names no place at all ("where should I feel it?" against "my lower back pinches"),
# which may still be the question asked: it needs to be closer, and the place to hurt.
NO_PLACE_SLACK = 0.1
# ...and when it states the problem told: the message says this share of its question's own
# words (FaqMatch.own), as an entry must to answer at all (questions.OWN_FLOOR); no more, for
# the place said is much of that problem, in words the entry may put otherwise ("lumbar" is
# its "lower back").
PLACE_OWN = 0.15
# An entry (or passage) that names places, none of them any the message names while it tells
# a problem felt in one, answers another problem: at most this sure, below an answer
# (policy.ANSWER) and the card of its exercise, so that "did you mean" is offered instead.
OTHER_PLACE = 0.55


@dataclass(frozen=True, slots=True)
class Places:
    """The places of the body a message names (`named`), those among them where its
    problem is felt (`felt`, said at the positions `felt_at`), those of these that its
    question sentence says hurt (`hurt`: any that hurt, in a message that is all question),
    and those it says move as they should not (`faulted`: "my hips sink"; words that may also
    describe a movement, "one foot lifts", so they weigh only in choosing an entry on that
    place, never in doubting one on another)."""

    felt: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    hurt: frozenset[str] = frozenset()
    faulted: frozenset[str] = frozenset()
    felt_at: frozenset[int] = frozenset()
    # where the words of the faults told of `faulted` are ("sink" in "my hips sink as I lift
    # my leg"; not "lift", which tells the movement)
    fault_at: frozenset[int] = frozenset()
    # the places named near a word of pain, anywhere in the message
    pained: frozenset[str] = frozenset()


def problem_places(message: Message, lexicon: Lexicon) -> Places:
    """The places of the body the message names, and where its problem is felt: a place
    named near a word that tells a problem, or in its question sentence; or a fault of
    form, near a word of one (Language.faults). A place inside a name said ("neck pull")
    or a body position ("lying on my stomach") is none."""
    analysis = message.analysis
    taken = set(message.position[1]) if message.position is not None else set()
    told = analysis.positions_of(lexicon.trouble)
    moved = analysis.positions_of(lexicon.fault_said)
    faulted: set[str] = set()
    pains = _pains(analysis, told, lexicon)
    felt: set[str] = set()
    named: set[str] = set()
    hurt: set[str] = set()
    felt_at: set[int] = set()
    fault_at: set[int] = set()
    pained: set[str] = set()
    for place, at in lexicon.places(analysis):
        if not taken.isdisjoint(at) or _in_name(at, message):
            continue
        named.add(place)
        near = _near(at, told)
        in_question = message.said_in_question(at)
        if near or (message.focus and in_question):
            felt.add(place)
            felt_at.update(at)
        if _near(at, moved):
            faulted.add(place)
            fault_at.update(_nearby(at, moved))
        elif (verb := _moves_on_its_own(at, analysis, lexicon)) is not None:
            faulted.add(place)
            fault_at.add(verb)
        if _near(at, pains):
            pained.add(place)
            if in_question:
                hurt.add(place)
    return Places(
        frozenset(felt),
        frozenset(named),
        frozenset(hurt),
        frozenset(faulted),
        frozenset(felt_at),
        frozenset(fault_at),
        frozenset(pained),
    )


def _pains(analysis: Analysis, told: list[int], lexicon: Lexicon) -> list[int]:
    """Those of the words of trouble at `told` that tell a pain, in any form ("pinches", whose
    stem the synonyms read as a pain)."""
    pain = lexicon.pain
    return [p for p in told if analysis.terms[p] == pain or lexicon.term(analysis.stems[p]) == pain]


@dataclass(frozen=True, slots=True)
class Told:
    """What a short text, a FAQ entry's question, tells of a problem: the places (whole, see
    `whole`) it tells a pain of, near a word of pain; those it tells a fault of form of, near
    a word of a fault or of trouble and no pain; the terms of its words of fault; and the
    words that name its places ("lower", "back")."""

    pained: frozenset[str]
    faulted: frozenset[str]
    fault_terms: frozenset[str]
    place_words: frozenset[str]


def told_in(text: str, lexicon: Lexicon) -> Told:
    """What `text` tells of a problem (`Told`), read once."""
    analysis = lexicon.analyse(text)
    told = analysis.positions_of(lexicon.trouble)
    pains = _pains(analysis, told, lexicon)
    faults = sorted(
        {*analysis.positions_of(lexicon.fault_said), *(p for p in told if p not in pains)}
    )
    pained: set[str] = set()
    faulted: set[str] = set()
    place_words: set[str] = set()
    for place, at in lexicon.places(analysis):
        place_words.update(analysis.words[p] for p in at if not analysis.stop[p])
        if _near(at, pains):
            pained.add(place)
        elif _near(at, faults):
            faulted.add(place)
    fault_terms = {analysis.terms[p] for p in analysis.positions_of(lexicon.fault_said)}
    return Told(
        whole(frozenset(pained)),
        whole(frozenset(faulted)),
        frozenset(fault_terms),
        frozenset(place_words),
    )


def _moves_on_its_own(at: tuple[int, ...], analysis: Analysis, lexicon: Lexicon) -> int | None:
    """The position of the verb that tells a place of the writer's own body moving, said
    right after it with a word of direction ("my knee rolls in", "my heel slides out"): a fault
    of form told in words no list of faults holds."""
    verb = max(at) + 1
    if verb + 1 >= len(analysis) or analysis.stop[verb]:
        return None
    if analysis.words[verb + 1] not in lexicon.language.motion_particles:
        return None
    before = range(max(0, min(at) - 2), min(at))
    return verb if any(analysis.words[p] in lexicon.speaker for p in before) else None


def _in_name(at: tuple[int, ...], message: Message) -> bool:
    """Whether the place's words are those of a name said in full, said in one go with a
    word of it beside them ("shoulder bridge"): the name matcher may take a place's word said
    apart for a name's ("my neck hurts in the neck pull"), or a name said in part ("roll up
    con manos en la nuca") for words of a story."""
    for name in message.named:
        said = name.positions | name.title_positions
        if name.score >= EXACT and set(at) <= said and (min(at) - 1 in said or max(at) + 1 in said):
            return True
    # (or a title said in full, word after word, though unsettled: "is the glute bridge
    # just a shoulder bridge?")
    a = message.analysis
    for name in message.names:
        if name.title_score < 1.0 or not set(at) <= name.title_positions:
            continue
        own = set(words(name.name))
        beside = (min(at) - 1, max(at) + 1)
        if any(0 <= p < len(a) and p not in at and a.words[p] in own for p in beside):
            return True
    return False


def _near(at: tuple[int, ...], positions: list[int]) -> bool:
    """Whether one of `positions` (ascending) is at most NEAR_TROUBLE words from `at`: found
    by bisection, for a long story may say hundreds of places and of words of trouble."""
    first = bisect_left(positions, min(at) - NEAR_TROUBLE)
    return first < len(positions) and positions[first] <= max(at) + NEAR_TROUBLE


def _nearby(at: tuple[int, ...], positions: list[int]) -> list[int]:
    """Those of `positions` (ascending) at most NEAR_TROUBLE words from `at`."""
    first = bisect_left(positions, min(at) - NEAR_TROUBLE)
    last = bisect_right(positions, max(at) + NEAR_TROUBLE)
    return positions[first:last]


def elsewhere(index: FaqIndex, entry_id: int, places: Places) -> bool:
    """Whether the entry names places of the body, and the message tells a problem felt in
    a place but names none of the entry's anywhere (a story may name the place of the
    problem far from the word that tells it: "my wrists, after an hour of it, are killing me")."""
    return bool(places.felt) and apart(index, entry_id, places)


def apart(index: FaqIndex, entry_id: int, places: Places) -> bool:
    """Whether the entry names places of the body and the message names others, none of
    the entry's: what it asks is asked of another place ("my hips sink, what should I
    change?" against "my shoulder hurts, what should I change?")."""
    named = index.places_of(entry_id)
    return bool(named) and bool(places.named) and whole(named).isdisjoint(whole(places.named))


def within(index: FaqIndex, entry_id: int, places: frozenset[str]) -> bool:
    """Whether the entry names one of `places` (or the place one is in)."""
    return not whole(index.places_of(entry_id)).isdisjoint(whole(places))


def whole(places: frozenset[str]) -> frozenset[str]:
    """The places `places` are in: "hips" for "hips/front" (Language.body_places)."""
    return frozenset(place.split("/", 1)[0] for place in places)


def in_place(
    index: FaqIndex,
    best: FaqMatch,
    terms: list[str],
    within: frozenset[int],
    focus: frozenset[str],
    places: Places,
) -> FaqMatch:
    """The `best` entry for `terms`; or, when it names no place the message names, a close
    one (OTHER_PLACE_SLACK, NO_PLACE_SLACK) that names a place where the problem is felt
    (or a fault of form is) and states that problem (PLACE_OWN)."""
    named = index.places_of(best.entry_id)
    if not whole(named).isdisjoint(whole(places.named)):
        return best  # (a place the message names, if not where it says the problem is)
    # An entry on no place may answer what is asked of a place told ("my wrists ache on
    # all fours... Since I'm pregnant, is it still safe?", "a disc issue in my lower back:
    # can I keep doing it?"): it gives way only to a place that the question says hurts.
    felt = places.felt | places.faulted if named else places.hurt
    if not felt and named:
        # "should my pelvis move when I twist?": a place the message names, where the
        # best entry names only others, is what it asks about
        felt = places.named
    if not felt:
        return best
    slack = OTHER_PLACE_SLACK if named else NO_PLACE_SLACK
    found = index.match(
        terms, within=within, limit=PLACE_CANDIDATES, known_only=True, by_page=False, focus=focus
    )
    return next(
        (
            m
            for m in found
            if not index.places_of(m.entry_id).isdisjoint(felt)
            and m.score >= best.score - slack
            and m.own >= PLACE_OWN
            and not _pain_of_a_fault(index, m.entry_id, places)
        ),
        best,
    )


def _pain_of_a_fault(index: FaqIndex, entry_id: int, places: Places) -> bool:
    """Whether the entry asks of a pain in places where the message tells only a fault of
    form: "my top hip rolls forward" is no question on whether it may be done with a sore
    hip, however many of its words it says."""
    if "pain" not in index.kinds_of(entry_id):
        return False
    return whole(index.places_of(entry_id)).isdisjoint(whole(places.felt))
