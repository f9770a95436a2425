"""Practice sessions: several exercises that fit the time, level, equipment and focus asked.

"10 minute beginner session", "15 min core workout no equipment", "a short routine for my
back", "/session 20 intermediate", "rutina corta para la espalda". The producer proposes a
session when the message asks for several exercises in a row; `build` fills it:

* the time asked is a budget the session never exceeds: each exercise's duration from its
  page (one minute when the page gives none), plus a short transition between two;
* the level asked, or beginner and intermediate when none is said (a stranger's first session
  should not hold a Boomerang); a higher level is the main part, easier ones may fill it;
* the equipment asked (a mat counts as "no equipment": mat work needs nothing else);
* a focus (a muscle group or body area) when given: exercises for it come first;
* a sensible order: a warm-up first, the classical mat order in the middle (Joseph Pilates'
  sequence, with the newer exercises placed beside their relatives), a stretch to finish;
* no exercise twice.

When the library cannot fill the request, the session says what it did instead (the focus
widened, a filter dropped, fewer minutes), so the reply can tell the user.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.content import Difficulty, Exercise, Library, RandomFilters
from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate
from bot.engine.index import LanguageIndex
from bot.engine.lexicon import Analysis, Lexicon
from bot.engine.matching import NameMatch
from bot.engine.message import Message, says_other_words
from bot.engine.names import SUGGEST_FLOOR
from bot.languages.text import words

SESSION = 0.95  # above a random pick: "a 10 minute workout" wants more than one exercise
NOTHING_FITS = 0.5  # "a trapeze table class": no exercise has what it asks for
SHORTEST = 4  # minutes: "something under 2 minutes" is one exercise, not a session
SEVERAL = 8  # minutes: asked for this long with no word for a session, it is one anyway
SHORT_REQUEST = 5  # words: "beginner core workout please" asks even without a length
ASKING_WORDS = 10  # words: "can you give me a workout for today" is short enough to be asking
TRANSITION = 15  # seconds to change position between two exercises
UNTIMED = 60  # seconds for an exercise whose page gives no duration
DEFAULT_MINUTES = 15
MIN_MINUTES = 3
MAX_MINUTES = 90
MAX_STATED = 3 * 60 * 60  # "two weeks into my routine" states no session length
MAX_PLAIN_NUMBER = 120  # "/session 20": a bare number is minutes, up to two hours

# Joseph Pilates' mat order (Return to Life), the newer exercises placed beside their
# relatives (the Swan prep before the Swan, the Plank with the Leg Pull Front). Pages whose id
# is not here go in the middle, after these, by title.
FLOW: tuple[str, ...] = (
    "standing-roll-down",
    "cat-cow",
    "glute-bridge",
    "chest-lift",
    "toe-taps",
    "dead-bug",
    "the-hundred",
    "roll-up",
    "roll-over",
    "single-leg-circles",
    "rolling-like-a-ball",
    "single-leg-stretch",
    "double-leg-stretch",
    "single-straight-leg-stretch",
    "double-straight-leg-stretch",
    "criss-cross",
    "spine-stretch-forward",
    "open-leg-rocker",
    "corkscrew",
    "the-saw",
    "swan-prep",
    "swan-dive",
    "single-leg-kick",
    "double-leg-kick",
    "neck-pull",
    "scissors",
    "bicycle",
    "shoulder-bridge",
    "spine-twist",
    "jackknife",
    "side-kick-series",
    "clam-shell",
    "inner-thigh-lifts",
    "teaser",
    "hip-twist",
    "bird-dog",
    "swimming",
    "plank",
    "leg-pull-front",
    "leg-pull-back",
    "kneeling-side-kicks",
    "side-plank",
    "side-bend",
    "mermaid",
    "boomerang",
    "seal",
    "control-balance",
    "push-up",
)
# Gentle openers that wake up the breath, spine and deep abdominals.
WARM_UPS = frozenset({"standing-roll-down", "cat-cow", "glute-bridge", "chest-lift", "toe-taps"})
# Stretches that let the body come down at the end.
COOL_DOWNS = frozenset({"spine-stretch-forward", "mermaid", "the-saw", "spine-twist", "cat-cow"})
_PLACE = {exercise_id: place for place, exercise_id in enumerate(FLOW)}
# The levels a session at each level draws from, main level first.
LEVELS: dict[Difficulty | None, tuple[Difficulty, ...]] = {
    None: (Difficulty.BEGINNER, Difficulty.INTERMEDIATE),
    Difficulty.BEGINNER: (Difficulty.BEGINNER,),
    Difficulty.INTERMEDIATE: (Difficulty.INTERMEDIATE, Difficulty.BEGINNER),
    Difficulty.ADVANCED: (Difficulty.ADVANCED, Difficulty.INTERMEDIATE, Difficulty.BEGINNER),
}


class Change(StrEnum):
    """What the session did differently from what was asked, for the reply to say."""

    FOCUS_WIDENED = "focus_widened"  # too few exercises for the focus: others fill the time
    FOCUS_DROPPED = "focus_dropped"  # none for the focus at all
    EQUIPMENT_DROPPED = "equipment_dropped"  # none with that equipment: mat work instead
    SHORTER = "shorter"  # the library runs out before the time asked
    CAPPED = "capped"  # longer than MAX_MINUTES was asked


@dataclass(frozen=True, slots=True)
class SessionRequest:
    minutes: int = DEFAULT_MINUTES
    filters: RandomFilters = field(default_factory=RandomFilters)  # level, equipment, focus
    timed: bool = False  # the length was said ("10 minute", "short"), not the default


@dataclass(frozen=True, slots=True)
class Session:
    request: SessionRequest
    exercises: tuple[Exercise, ...]
    changes: tuple[Change, ...] = ()

    @property
    def seconds(self) -> int:
        """Exercise time plus the transitions between them."""
        if not self.exercises:
            return 0
        return sum(duration(e) for e in self.exercises) + TRANSITION * (len(self.exercises) - 1)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.exercises)


def duration(exercise: Exercise) -> int:
    return exercise.duration or UNTIMED


# --- reading the request ---------------------------------------------------------------------


def find_session(
    analysis: Analysis, lexicon: Lexicon, filters: RandomFilters
) -> SessionRequest | None:
    """The session a message asks for, or None when it asks for none. `filters`: what the
    message states (read as for a random pick); its time bound is the session's length."""
    if not lexicon.session_cues.find_all(analysis):
        return None
    return request_from(analysis, lexicon, filters, command=False)


def request_from(
    analysis: Analysis, lexicon: Lexicon, filters: RandomFilters, *, command: bool = True
) -> SessionRequest:
    """The length and filters a session request states (no cue word needed: `/session`). In a
    command a bare number is minutes ("/session 20"); in a message it may be anything ("I was
    there 3 times")."""
    minutes = _minutes(analysis, lexicon, filters, command)
    kept = RandomFilters(filters.difficulty, filters.equipment, filters.muscle)
    return SessionRequest(minutes or DEFAULT_MINUTES, kept, timed=minutes is not None)


LIMIT_SEVERAL = 15  # minutes: a bound this long ("half an hour or less") is a session's


def _minutes(
    analysis: Analysis, lexicon: Lexicon, filters: RandomFilters, command: bool
) -> int | None:
    if filters.max_seconds is not None and filters.max_seconds <= MAX_STATED:
        return round(filters.max_seconds / 60)
    for word in analysis.words if command else ():
        if word.isdigit() and len(word) <= 3 and 0 < int(word) <= MAX_PLAIN_NUMBER:
            return max(MIN_MINUTES, int(word))  # "/session 20"
    for word in analysis.words:
        if word in lexicon.session_lengths:
            return lexicon.session_lengths[word]
    return None


def _everyday_slip(match: NameMatch, message: Message, index: LanguageIndex) -> bool:
    """Whether a name is matched only by everyday words that are none of its own ("plan" for
    "plank"): a slip of the keyboard as likely as a word meant."""
    own = set(words(match.name))
    said = [message.analysis.words[p] for p in match.positions]
    return bool(said) and all(w in index.common_words and w not in own for w in said)


def propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    request = find_session(message.analysis, index.lexicon, message.request.filters)
    filters = message.request.filters
    stated = filters.max_seconds
    lexicon = index.lexicon
    if (
        request is None
        # "give me", "something", or no way of asking at all but more than a length ("25
        # minutes of intermediate stuff"); not "random", "surprise me", which ask for one
        # exercise
        and (
            message.request.weak
            or (not message.request.asked and filters.count >= 2 and not _own(message, lexicon))
        )
        and stated
        and stated >= SEVERAL * 60
        and (not message.request.limit or stated >= LIMIT_SEVERAL * 60)
    ):
        # "could I get forty minutes of pilates tonight", "dame veinte minutos de algo suave":
        # no word for a session, but a length (not a limit: "something under 10 minutes")
        # longer than any one exercise takes is several
        request = request_from(message.analysis, lexicon, message.request.filters, command=False)
    if request is None or message.asks_which or request.minutes < SHORTEST:
        return
    analysis = message.analysis
    # (the words for a session, found once: what follows reads them again)
    cue_spans = [span for _, span in lexicon.session_cues.find_all(analysis)]
    cue = {p for span in cue_spans for p in span}
    strong = any(
        strength == "strong" and cue.isdisjoint(span)
        for strength, span in lexicon.random_cues.find_all(analysis)
    )
    if strong and _own_cues(cue_spans, analysis, lexicon):
        # "sick of my class, pick one random exercise for my arms": one exercise asked, the
        # writer's own routine or class only what they do
        return
    names = message.names
    # "how do I fit the teaser into my routine?": a question about the Teaser. With a length
    # said, only a title said in full is: "plan me a 20 minute glute session" half says Plank
    # and Glute Bridge.
    # (not an everyday word one letter from a title: "plan me a session" says no Plank)
    floor = 1.0 if request.timed else SUGGEST_FLOOR
    if any(m.title_score >= floor and not _everyday_slip(m, message, index) for m in names):
        return
    # "after class my neck aches...": a word for a session, said in passing. A
    # request says what it wants (a length, a level, a focus), asks ("give me", "something"),
    # or is hardly more than the word ("workout please", "una rutina").
    # A question about something ("how many calories does a 45 minute class burn", "what
    # should I eat before class") is not one either, unless it asks for something.
    said = analysis.words
    question = bool(said) and said[0] in lexicon.question_words
    short = len(said) <= SHORT_REQUEST
    length = {p for p, w in enumerate(analysis.words) if w in lexicon.session_lengths}
    stated = filters.max_seconds is not None  # "20 minutes": read from the whole message
    if not stated and not message.said_in_question(cue | length):
        # "I'm 22 weeks pregnant and still go to class twice a week. ... we alternate arms
        # and legs quickly... Can I keep doing it or should I swap it for something else?":
        # the class and the "quickly" are the story's; its question asks for no session
        return
    # "random", "surprise me"; and in a short message also "give me", "something" (in a story
    # "another angle for my wrist" or "otra postura" asks nothing of the kind).
    asked = any(
        not cue & set(span) and (strength == "strong" or len(said) <= ASKING_WORDS)
        for strength, span in lexicon.random_cues.find_all(analysis)
    )
    # (a level says what is wanted, unless something else is asked: "the advanced sequence
    # that links the roll over into the teaser: how do I breathe in it?")
    level = request.filters.difficulty is not None and not message.kinds
    if not (asked or ((request.timed or short or level) and not question)):
        return
    equipment = request.filters.equipment
    fits = equipment is None or any(_has(page, equipment) for page in index.pages)
    if (
        not request.timed
        and not request.filters
        and says_other_words(message, index, frozenset(cue))
    ):
        # "can I book a private session with Anna?", "tengo fiebre, ¿puedo ir a clase?": a
        # session or a class said, and what is asked of it in words no page uses (with a
        # length said, those words are mostly the writer's day: "10 mins before the school
        # run, routine pls")
        fits = False
    yield Candidate(
        AnswerKind.SESSION,
        SESSION if fits else NOTHING_FITS,
        "session",
        filters=request.filters,
        minutes=request.minutes,
        evidence=f"{request.minutes} min",
    )


def _own_cues(cues: list[tuple[int, ...]], analysis: Analysis, lexicon: Lexicon) -> bool:
    """Whether every word for a session (`cues`) is said as the writer's own ("my usual
    routine")."""
    return bool(cues) and all(
        any(analysis.words[p] in lexicon.speaker for p in range(max(0, span[0] - 2), span[0]))
        for span in cues
    )


def _own(message: Message, lexicon: Lexicon) -> bool:
    """Whether the writer speaks of themselves ("I've done 30 mins of intermediate for a
    month"): a length and a level then tell a story, not ask for a session."""
    return any(w in lexicon.speaker for w in message.analysis.words)


# --- building it -----------------------------------------------------------------------------


def build(library: Library, lang: str, request: SessionRequest, rng: random.Random) -> Session:
    """The session for `request` from `library` in `lang`; see the module's docstring."""
    changes: list[Change] = []
    minutes = max(MIN_MINUTES, request.minutes)
    if minutes > MAX_MINUTES:
        minutes = MAX_MINUTES
        changes.append(Change.CAPPED)
    budget = minutes * 60
    filters = request.filters
    catalogue = library.catalogue(lang)
    levels = LEVELS[filters.difficulty]
    pool = [e for e in catalogue if e.difficulty in levels and _has(e, filters.equipment)]
    if not pool and filters.equipment is not None:
        pool = [e for e in catalogue if e.difficulty in levels]
        changes.append(Change.EQUIPMENT_DROPPED)
    focus = filters.muscle
    focused = [e for e in pool if focus is not None and _works(e, focus)]
    if focus is not None and not focused:
        changes.append(Change.FOCUS_DROPPED)
        focus = None
    chosen = _fill(pool, focused, levels, budget, rng)
    if focus is not None and any(e not in focused for e in chosen):
        changes.append(Change.FOCUS_WIDENED)
    session = Session(request, tuple(chosen), tuple(changes))
    if session.seconds < budget - max(120, budget // 5):
        session = Session(request, session.exercises, (*session.changes, Change.SHORTER))
    return session


def _fill(
    pool: Sequence[Exercise],
    focused: Sequence[Exercise],
    levels: tuple[Difficulty, ...],
    budget: int,
    rng: random.Random,
) -> list[Exercise]:
    """Warm-up, middle and stretch, within `budget` seconds."""
    focus = set(focused)

    def ranked(exercises: Sequence[Exercise]) -> list[Exercise]:
        """The focus first, then the main level, then easier ones; shuffled within, so two
        sessions for the same request differ."""
        found = list(exercises)
        rng.shuffle(found)
        found.sort(key=lambda e: (e not in focus, levels.index(e.difficulty)))
        return found

    taken: list[Exercise] = []
    used = 0

    def cost(exercise: Exercise) -> int:
        return duration(exercise) + (TRANSITION if taken else 0)

    cool_down = next((e for e in ranked(pool) if e.id in COOL_DOWNS), None)
    reserve = duration(cool_down) + TRANSITION if cool_down is not None else 0
    opening: list[Exercise] = []
    for warm_up in [e for e in ranked(pool) if e.id in WARM_UPS and e is not cool_down]:
        if len(opening) == (2 if budget >= 25 * 60 else 1):
            break
        if used + cost(warm_up) + reserve <= budget:
            used += cost(warm_up)
            taken.append(warm_up)
            opening.append(warm_up)
    # The middle: exercises of no set role first; warm-ups and stretches fill what is left.
    rest = [e for e in ranked(pool) if e not in taken and e is not cool_down]
    roles = WARM_UPS | COOL_DOWNS
    middle: list[Exercise] = []
    for exercise in sorted(rest, key=lambda e: e.id in roles and e not in focus):
        if used + cost(exercise) + reserve <= budget:
            used += cost(exercise)
            taken.append(exercise)
            middle.append(exercise)
    closing = [cool_down] if cool_down is not None and used + cost(cool_down) <= budget else []
    middle.sort(key=lambda e: (_PLACE.get(e.id, len(FLOW)), e.title))
    return [*opening, *middle, *closing]


def _has(exercise: Exercise, equipment: str | None) -> bool:
    if equipment is None:
        return True
    kit = {k.casefold() for k in exercise.equipment} or {"none"}
    if equipment == "none":
        return kit <= {"none", "mat"}  # a mat is no equipment to speak of
    return any(equipment in k for k in kit)


def _works(exercise: Exercise, focus: str) -> bool:
    return RandomFilters(muscle=focus).accepts(exercise)
