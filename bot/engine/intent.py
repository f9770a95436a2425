"""What a message asks besides an exercise: the part, a random pick and its filters, small talk."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from bot.content import Difficulty, Level
from bot.content.vocabulary import FILTER_WORD, MAX_BOUND_SECONDS, RandomFilters, Section
from bot.engine.lexicon import Analysis, Lexicon

# When several cues appear, the more specific part wins: "how do I make the teaser harder"
# asks for the harder version, not the steps.
_CUE_PRIORITY = (
    "video",
    "easier",
    "harder",
    "modifications",
    "mistakes",
    "tips",
    "benefits",
    "steps",
    "overview",
)
_READ_AS = (("benefits_closing", "benefits"), ("contrast", "easier"), ("steps_alone", "steps"))
_CUE_SECTION = {
    "easier": (Section.MODIFICATIONS, Level.EASIER),
    "harder": (Section.MODIFICATIONS, Level.HARDER),
}


@dataclass(frozen=True, slots=True)
class PartAsked:
    section: Section
    level: Level | None
    positions: frozenset[int]  # the cue words of every part mentioned
    # Shown only when no entry answers: "where is it meant to burn?" asks where it should be felt
    # (an entry on many pages); the benefits say it less directly.
    tentative: bool = False
    # the cue words of the part chosen alone ("video" in "I follow videos... how do I stop
    # it?"), where `positions` holds every part's
    chosen_at: frozenset[int] = frozenset()


def find_part(
    message: Analysis, lexicon: Lexicon, ignore: frozenset[int] = frozenset()
) -> PartAsked | None:
    """The part of an exercise the message asks for, if it says (`ignore`: the name's words)."""
    # Where cues overlap, the longer one is what was said: "too easy" asks for harder, and
    # "doing it wrong" is one cue.
    found = sorted(
        (
            (tag, span)
            for tag, span in lexicon.section_cues.find_all(message, ignore)
            if (tag != "benefits_closing" or _closes(span, message))
            and not _moving(span, message, lexicon)
        ),
        key=lambda f: -len(f[1]),
    )
    kept: list[tuple[str, tuple[int, ...]]] = []
    positions: set[int] = set()
    for tag, span in found:
        if positions.isdisjoint(span):
            kept.append((tag, span))
            positions.update(span)
    # "fix" ("how do I keep that from happening?") and "feel" ("where is it meant to burn?")
    # are in no priority: no part
    said = {tag for tag, _ in kept}
    if "steps_alone" in said:
        # "corkscrew how", "how teaser": the steps, when the cue opens or closes a
        # message that says nothing but it and the name ("hundred how many", "how far up
        # should it go", "la sierra como ejercicio" ask something else)
        said.discard("steps_alone")
        cue = next(span for tag, span in kept if tag == "steps_alone")
        rest = set(range(len(message.words))) - positions - ignore
        at_an_end = cue[0] == 0 or cue[-1] == len(message.words) - 1
        if at_an_end and not any(not message.stop[p] for p in rest):
            said.add("steps")
    if "contrast" in said:
        # "instead of": another version when a thing follows ("instead of the full teaser"),
        # what goes wrong when a movement does ("my knees bend instead of staying straight")
        said.discard("contrast")
        spans = [span for tag, span in kept if tag == "contrast"]
        if any(not _before_a_verb(span, message, lexicon) for span in spans):
            said.add("easier")
    if "benefits_closing" in said:
        said.discard("benefits_closing")
        said.add("benefits")
    feel = "feel" in said
    if feel:
        # "what ought to be working in the saw?": the form, not what it is or is good for
        said -= {"benefits", "overview"}
    if {"easier", "harder"} <= said:
        # Both ways said: the later one is the request, the earlier one the story ("bird dog
        # is getting easy, how do I make it harder?")
        last = max((span[-1], tag) for tag, span in kept if tag in ("easier", "harder"))[1]
        said.discard("harder" if last == "easier" else "easier")
    level_asked = _asks_level(message, lexicon, ignore) if not said else ()
    if level_asked:
        said.add("overview")
        kept.append(("overview", level_asked))
        positions.update(level_asked)
    chosen = next((cue for cue in _CUE_PRIORITY if cue in said), None)
    if chosen is None:
        return PartAsked(Section.BENEFITS, None, frozenset(positions), True) if feel else None
    section, level = _CUE_SECTION[chosen] if chosen in _CUE_SECTION else (Section(chosen), None)
    # the tags read as the chosen part above ("contrast" as easier, "steps_alone" as steps)
    as_chosen = {chosen, *(tag for tag, part in _READ_AS if part == chosen)}
    chosen_at = frozenset(p for tag, span in kept if tag in as_chosen for p in span)
    return PartAsked(section, level, frozenset(positions), chosen_at=chosen_at)


def _asks_level(message: Analysis, lexicon: Lexicon, ignore: frozenset[int]) -> tuple[int, ...]:
    """Whether the message asks whether the exercise is of a level: a form of "to be" and a
    word of level with nothing between but little words and the name (`ignore`), the one
    opening the message or the other closing it ("is the saw hard?", "¿el puente es
    fácil?"; not "it is hard on my wrists"): the positions of the two, or none."""
    said = message.words
    last = len(said) - 1
    for p, word in enumerate(said):
        if word not in lexicon.difficulty:
            continue
        before = [q for q in range(p) if said[q] in lexicon.being]
        if not before:
            continue
        q = before[-1]
        between = all(message.stop[r] or r in ignore for r in range(q + 1, p))
        if between and (q == 0 or p == last):
            return (q, p)
    return ()


def _moving(span: tuple[int, ...], message: Analysis, lexicon: Lexicon) -> bool:
    """Whether a one-word cue is a verb of moving: a motion particle follows it ("my hip
    tips up", "the foot steps back")."""
    after = span[-1] + 1
    return (
        len(span) == 1
        and after < len(message.words)
        and message.words[after] in lexicon.language.motion_particles
    )


def _before_a_verb(span: tuple[int, ...], message: Analysis, lexicon: Lexicon) -> bool:
    """Whether a verb follows the cue (a gerund or an infinitive: "instead of turning",
    "en vez de girar")."""
    after = span[-1] + 1
    return after < len(message.words) and lexicon.verb_form(message.words[after])


def _closes(span: tuple[int, ...], message: Analysis) -> bool:
    """Whether a cue ends its question: the word after it, a name's too, is a little word or
    none ("what is the saw for?", not "what is the saw for beginners")."""
    after = span[-1] + 1
    return after == len(message.words) or message.stop[after]


@dataclass(frozen=True, slots=True)
class RandomRequest:
    filters: RandomFilters
    asked: bool  # said "random", "surprise me", "give me something"...
    weak: bool = False  # asked only in words that also ask other things ("another", "something")
    positions: frozenset[int] = field(default_factory=frozenset)
    limit: bool = False  # the time said is an upper bound ("under 10 minutes"), not a length


AFTER_BOUND = 3  # words after a time that may still bound it ("or less", "at the most")
_NUMBER_WITH_UNIT = re.compile(r"(\d+)([a-z]+)")


def find_random(message: Analysis, lexicon: Lexicon, muscle_words: frozenset[str]) -> RandomRequest:
    """A random pick the message may ask for, with the filters it states."""
    positions: set[int] = set()
    asked = False
    weak = False
    phrased = False  # a way of asking in more than one word ("what should I do")
    for strength, span in lexicon.random_cues.find_all(message):
        asked = asked or strength == "strong"
        weak = weak or strength == "weak"
        phrased = phrased or len(span) >= 2
        positions.update(span)
    difficulty: Difficulty | None = None
    muscle: str | None = None
    equipment: str | None = None
    for position, (word, word_stem) in enumerate(zip(message.words, message.stems, strict=True)):
        if difficulty is None and word in lexicon.difficulty:
            difficulty = Difficulty(lexicon.difficulty[word])
            positions.add(position)
            positions.update(_level_word_beside(message, lexicon, position))
        elif muscle is None and word in lexicon.muscles:
            muscle = lexicon.muscles[word]
            positions.add(position)
        elif muscle is None and word_stem in muscle_words and FILTER_WORD.fullmatch(word_stem):
            muscle = word_stem
            positions.add(position)
    # "without equipment, no mat either": the stricter of two is what was asked
    said = sorted(lexicon.equipment.find_all(message), key=lambda found: found[0] != "none")
    for value, span in said[:1]:
        equipment = value if FILTER_WORD.fullmatch(value) else None
        positions.update(span)
    max_seconds, time_positions = _time_bound(message, lexicon)
    positions.update(time_positions)
    limit = any(message.words[p] in lexicon.bound_words for p in time_positions)
    filters = RandomFilters(difficulty, equipment, muscle, max_seconds)
    weak = weak and not asked
    if weak:
        # (or said alone, in words of asking: "what should I do now?", "give me something";
        # not "hi, what a day today")
        asked = (
            bool(filters)
            or any(w in lexicon.domain_words for w in message.words)
            or (phrased and all(p in positions or message.stop[p] for p in range(len(message))))
        )
    return RandomRequest(filters, asked, weak and asked, frozenset(positions), limit)


def _level_word_beside(message: Analysis, lexicon: Lexicon, at: int) -> set[int]:
    """The word a level is said with, little words between ("beginner level", "de nivel
    intermedio"): part of the level asked."""
    found: set[int] = set()
    size = len(message.words)
    for step in (-1, 1):
        p = at + step
        if 0 <= p < size and message.stop[p]:
            p += step  # one little word between: "de nivel"
        if 0 <= p < size and message.words[p] in lexicon.level_words:
            found.update(range(min(p, at + step), max(p, at + step) + 1))
    return found


def _time_bound(message: Analysis, lexicon: Lexicon) -> tuple[int | None, set[int]]:
    """ "under 2 minutes", "30 sec", "90s": the time someone has, in seconds."""
    units, numbers = lexicon.time_units, lexicon.number_words
    found = message.words
    for position, word in enumerate(found):
        if word not in numbers and not word[:1].isdigit():
            continue  # a time starts with a number, in digits ("90s") or words
        amount: float | None = None
        unit: str | None = None
        used = {position}
        glued = _NUMBER_WITH_UNIT.fullmatch(word)
        # "half an hour": one word for "one" may stand between a number and its unit
        after = position + 1
        compound = _tens_and_units(message, lexicon, position)
        if compound is not None:  # "twenty five minutes", "treinta y cinco minutos"
            value, unit_at = compound
            return round(value * units[found[unit_at]]), set(range(position, unit_at + 1))
        if after + 1 < len(found) and lexicon.number_words.get(found[after]) == 1:
            after += int(found[after + 1] in units)
        if glued and glued.group(2) in units:
            amount, unit = _amount(glued.group(1)), glued.group(2)
            if _an_age(amount, unit, position, message, lexicon):
                continue
        elif (
            (word.isdigit() or word in lexicon.number_words)
            and after < len(found)
            and found[after] in units
        ):
            amount = _amount(word) if word.isdigit() else lexicon.number_words[word]
            unit = found[after]
            used.update(range(position + 1, after + 1))
        if amount is not None and unit is not None:
            before = position - 1
            while before >= 0 and (
                found[before] in lexicon.bound_words
                or found[before] in lexicon.lasting_words
                or message.stop[before]
            ):
                used.add(before)  # "no more than", "under", "lasts": part of the time bound
                before -= 1
            # "two minutes or less", "10 min max", "como mucho": a bound said after the time,
            # joined to it only by the words that join one ("more or less", "no less" and
            # "más o menos" bound nothing)
            end = max(used)
            for following in range(end + 1, min(len(found), end + 1 + AFTER_BOUND)):
                if found[following] in lexicon.closing_bounds:
                    used.update(range(end + 1, following + 1))
                    break
                if found[following] not in lexicon.bound_joiners:
                    break
            return round(amount * units[unit]), used
    return None, set()


def _an_age(amount: float, unit: str, at: int, message: Analysis, lexicon: Lexicon) -> bool:
    """Whether a decade written with an "s" ("70s") is an age: said after a word that makes
    it one (Language.age_leads: "in my 70s", "the over-70s"), not a hold of 70 seconds."""
    decade = amount % 10 == 0 and 10 <= amount <= 90
    return (
        decade
        and lexicon.time_units[unit] == 1
        and at > 0
        and message.words[at - 1] in lexicon.age_leads
    )


def _tens_and_units(message: Analysis, lexicon: Lexicon, at: int) -> tuple[float, int] | None:
    """A number said as tens then units ("twenty five", "treinta y cinco": one little word
    may join them) and followed by a time unit: its value and the unit's position."""
    numbers, found = lexicon.number_words, message.words
    tens = numbers.get(found[at])
    if tens is None or tens < 20 or tens % 10:
        return None
    ones_at = at + 1
    if ones_at < len(found) and message.stop[ones_at] and found[ones_at] not in numbers:
        ones_at += 1  # "y", "and"
    ones = numbers.get(found[ones_at]) if ones_at < len(found) else None
    unit_at = ones_at + 1
    if ones is None or not 1 <= ones <= 9 or unit_at >= len(found):
        return None
    return (tens + ones, unit_at) if found[unit_at] in lexicon.time_units else None


def _amount(digits: str) -> int:
    """A number as said, capped (RandomFilters caps the bound): no 4 000-digit conversions."""
    return int(digits) if len(digits) <= 9 else MAX_BOUND_SECONDS


class SmallTalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    CHAT = "chat"


def find_foreign_exercise(message: Analysis, lexicon: Lexicon) -> frozenset[int]:
    """Positions of a well-known exercise from outside this library ("squats", "pull up")."""
    found = lexicon.foreign_exercises.find_all(message)
    return frozenset(found[0][1]) if found else frozenset()


def find_small_talk(message: Analysis, lexicon: Lexicon) -> SmallTalk | None:
    """Greetings, thanks and chit-chat: only when the whole message is that."""
    content = [w for w, stop in zip(message.words, message.stop, strict=True) if not stop]
    pool = lexicon.greetings | lexicon.thanks | lexicon.small_talk
    if not any(w in pool for w in message.words):
        return None
    if not all(w in pool or w in lexicon.stop_words for w in message.words):
        return None
    if any(w in lexicon.thanks for w in message.words):
        return SmallTalk.THANKS
    if any(w in lexicon.greetings for w in message.words) or not content:
        return SmallTalk.GREETING
    return SmallTalk.CHAT
