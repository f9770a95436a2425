"""Producer: the exercise a message describes without naming it ("lie on your back, curl up
and pump the arms"), found by how much of the message its own page text explains."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.content import Section
from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate
from bot.engine.index import LanguageIndex
from bot.engine.message import DESCRIPTION_TERMS, Message

DESCRIBED_FIT = 0.55  # share of the message's weight the exercise's own text must explain
DESCRIBED_MARGIN = 0.2  # ...ahead of the next exercise by this share of its own fit
# A sentence of a story that names no exercise, read for the one it describes: its page explains
# this share of it (a story's passing words, "week three of the evening class", fit some page
# by a third at most; the sentence describing the movement says more than the movement).
STORY_FIT = 0.4
# A description saying this many distinct words the pages know besides its body position
# tells pages apart by more than a word or two ("on all fours, one arm reaching forward and
# the other side's leg back, holding it still"): the exercise whose portrait explains it best
# stands out by this smaller share, unless it tells a problem too.
LONG_TERMS = 7
LONG_MARGIN = 0.12
CARD_BASE = (
    0.35  # the card's confidence rises from this with the fit: a FAQ entry that fits goes first
)
CARD_SLOPE = 0.45
PART_ASKED = 0.93  # "how do I do the stretch where...": its steps
OTHER_PART_ASKED = 0.9  # another part of it: its card, unless an entry answers the problem
PART_AND_MORE = 0.8  # ...and below an implied entry when more is said (names.PART_AND_MORE)
PART_AND_MORE_TERMS = 3  # ...words its page's text does not hold
ASKED_WHICH = 0.95  # "what's it called when you...": the name is the answer
WHICH_FIT = 0.4  # ...of the exercise whose text explains this much of the description
WHICH_MARGIN = 0.1  # ...or of each within this of the best
NAME_WORDS = 0.15  # how much a partly said name adds to a description's fit
SHORT_WORDS = 4  # a description saying this many words the pages know, or fewer, is short...
SHORT_MARGIN = 0.25  # ...and the pages this close to the best fit it about as well
DESCRIBED_OPTIONS = 0.56  # several described about as well: offered, before names sharing a word


def implied(message: Message) -> tuple[str, float] | None:
    """The exercise the message describes, when one stands out, with its fit. A name said in
    full speaks for itself; a name only touched on the way ("bringing both legs down straight"
    holds two words of a keyword) is weaker evidence than a whole description."""
    return _standing_out(message, message.described)


def portrayed(message: Message) -> tuple[str, float] | None:
    """`implied`, by the pages' whole portraits (Message.portrayed)."""
    return _standing_out(message, message.portrayed)


def _standing_out(
    message: Message, ranked: list[tuple[str, float]], margin: float = DESCRIBED_MARGIN
) -> tuple[str, float] | None:
    """`implied`, in a given ranking of the exercises described."""
    if any(m.title_score >= 1.0 for m in message.named):
        return None
    return stands_out(ranked, margin)


def stands_out(
    ranked: list[tuple[str, float]],
    margin: float = DESCRIBED_MARGIN,
    floor: float = DESCRIBED_FIT,
) -> tuple[str, float] | None:
    """The best of a ranking of the exercises described, with its fit, when its page explains
    enough of the description and no other page comes near."""
    if not ranked:
        return None
    top, fit = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if fit < floor or fit - second < margin * fit:
        return None
    return top, fit


# Said with an apparatus no page is done on (Message.uncovered), a description is read below
# the honest no (requests.UNCOVERED): "the one on the cadillac where you lie back and circle
# a leg" is another exercise than the mat page it is like
APPARATUS_CAP = 0.9


def propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    apparatus = _on_apparatus(message, index)
    for candidate in _propose(message, index):
        if apparatus and candidate.score > APPARATUS_CAP:
            candidate = replace(candidate, score=APPARATUS_CAP)
        yield candidate


def _on_apparatus(message: Message, index: LanguageIndex) -> bool:
    """Whether the message says equipment that no page is done with, as what it asks about
    (its words among Message.uncovered)."""
    if not message.uncovered:
        return False
    a = message.analysis
    return any(
        all(a.words[p] in message.uncovered for p in span)
        for _, span in index.lexicon.equipment.find_all(a)
    )


def _propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    if message.asks_which:
        # "the one where you curl up like the hundred but...": names said inside a description
        # are part of it, and count towards the exercises they name (see _which).
        yield from _which(message, index)
        return
    # This producer answers by the whole portraits of the pages (the overview that says what
    # the movement looks like, the words said together); `implied` stays the narrower reading
    # that the producers taking a description as context were calibrated on.
    margin = LONG_MARGIN if _long_description(message, index) else DESCRIBED_MARGIN
    found = _standing_out(message, message.portrayed, margin)
    if found is not None and _family_word_only(message, index):
        found = None
    if found is None:
        # "the kicking one lying on your front": none stands out, but the two or three it
        # describes best are better guesses than names sharing a word with it
        yield from _close(message, DESCRIBED_OPTIONS)
        return
    exercise_id, fit = found
    part = message.part
    score = CARD_BASE + CARD_SLOPE * fit
    if part is not None and part.tentative:
        pass  # a part only guessed at ("...my wrists hurt. What do I do?"): the entry first
    elif part is not None and part.section is Section.STEPS:
        score = max(score, PART_ASKED)  # "how do I do the one where...": its steps
    elif part is not None and part.section is not Section.OVERVIEW:
        # "tips for the one where..., I keep tipping forward": an entry about that problem
        # answers better than every tip, when one fits: as for a named exercise, the part is
        # less sure when the message says more than its page's own text and the cue.
        page = index.faq.context_of(exercise_id)
        more = [
            t
            for t in message.content_terms(message.cue_positions)
            if t not in page and t in index.faq
        ]
        asked_more = message.asks and len(more) >= PART_AND_MORE_TERMS
        score = max(score, PART_AND_MORE if asked_more else OTHER_PART_ASKED)
    yield Candidate(
        AnswerKind.EXERCISE,
        max(score, ASKED_WHICH) if message.asks_which else score,
        "description",
        exercise_id=exercise_id,
        section=part.section if part else Section.OVERVIEW,
        level=part.level if part else None,
        evidence=f"page fit {fit:.2f}",
    )


def _long_description(message: Message, index: LanguageIndex) -> bool:
    """Whether the message is a description long enough to tell pages apart by a smaller
    margin (LONG_TERMS): it states a body position or asks something of the exercise it
    describes (a part, its name), says no title in full (a title speaks for itself: "are the
    side bend and the mermaid the same?") and tells no problem, whose words are the story's
    as much as the movement's ("can't reach my hands behind my back")."""
    part = message.part
    if message.position is None and not message.asks_which and (part is None or part.tentative):
        return False
    if any(m.title_score >= 1.0 for m in message.names):
        return False
    lexicon = index.lexicon
    if message.analysis.positions_of(lexicon.trouble | lexicon.faults):
        return False
    # (the words of the body position stated, which many pages share, left out)
    stated = frozenset(message.position[1]) if message.position is not None else frozenset()
    words = {t for t in message.content_terms(message.cue_positions | stated) if t in index.faq}
    return len(words) >= LONG_TERMS


def _family_word_only(message: Message, index: LanguageIndex) -> bool:
    """Whether the words a description says, besides a word several titles share, are too
    few to describe a movement ("the rolling one, any of them?"): the shared word asks which
    of its family, and a page that happens to hold it and a common word chooses none."""
    if message.named:
        return False
    meant = message.analysis.said  # a title's "a" or "the" tells nothing
    titles = [m.title_positions & meant for m in message.names if m.title_positions & meant]
    family = frozenset(p for p in frozenset().union(*titles) if sum(p in t for t in titles) >= 2)
    said = frozenset().union(*(m.positions | m.title_positions for m in message.names)) & meant
    if not family or not said <= family:
        return False  # a word of one title or name tells them apart ("the kneeling side kicks")
    rest = [t for t in message.content_terms(message.cue_positions | family) if t in index.faq]
    return len(rest) < DESCRIPTION_TERMS


def _ranked_close(
    message: Message, share: float = 0.0, margin: float = WHICH_MARGIN
) -> list[tuple[str, float]]:
    """The exercises the message describes within WHICH_MARGIN of the best, or within
    `share` of the best one's fit (then by the description alone), best first."""
    # The words of a name said on the way count too: "circling one leg in the air" is half of
    # Single Leg Circles' name as well as its description.
    # They rank a page, but lift none whose own text explains too little of the description
    # past WHICH_FIT: "the one sitting on a gym ball bouncing" shares "ball" with Rolling Like
    # a Ball, whose text says nothing of sitting on one or bouncing.
    named = {} if share else {m.exercise_id: m.score for m in message.names}
    ranked = sorted(
        ((e, fit + NAME_WORDS * named.get(e, 0.0), fit) for e, fit in message.portrayed),
        key=lambda item: item[1],
        reverse=True,
    )
    return [
        (exercise_id, fit)
        for exercise_id, fit, own in ranked
        if own >= WHICH_FIT and fit >= ranked[0][1] - max(margin, share * ranked[0][1])
    ]


def _close(message: Message, score: float) -> Iterator[Candidate]:
    """The two or three exercises described about equally well, or the one ahead, offered."""
    close = _ranked_close(message, DESCRIBED_MARGIN)
    # One page ahead of the rest, yet explaining too little of the words to be sure ("on all
    # fours, rounding the back like a cat"): still a better guess than names sharing a word,
    # unless the message says a title, which speaks for itself ("the saw on a wobble board")
    alone = len(close) == 1 and not any(m.title_score >= 1.0 for m in message.named)
    if len(close) >= 2 or alone:
        options = tuple(exercise_id for exercise_id, _ in close[:3])
        yield Candidate(AnswerKind.SUGGESTIONS, score, "description", options=options)


def _which(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    """ "What's it called when you...": the exercise described, or the two or three it could
    be when they are close."""
    # A description of a few words tells pages apart by a word or so, and a page that lacks
    # one of four words is hardly a worse fit ("the one where you sit in a ball shape"): then
    # the pages within SHORT_MARGIN are offered, unless a title said whole names the one meant.
    # Words are counted as said: "roll down ... and roll back up" says "roll" twice.
    words = [t for t in message.content_terms(message.cue_positions) if t in index.faq]
    titled = any(m.title_score >= 1.0 for m in message.named)
    short = len(words) <= SHORT_WORDS and not titled
    close = _ranked_close(message, margin=SHORT_MARGIN if short else WHICH_MARGIN)
    if len(close) == 1:
        exercise_id, fit = close[0]
        part = message.part
        yield Candidate(
            AnswerKind.EXERCISE,
            ASKED_WHICH,
            "description",
            exercise_id=exercise_id,
            section=part.section if part and part.section is not Section.OVERVIEW else None,
            level=part.level if part else None,
            evidence=f"page fit {fit:.2f}",
        )
    elif close:
        options = tuple(exercise_id for exercise_id, _ in close[:3])
        yield Candidate(AnswerKind.SUGGESTIONS, ASKED_WHICH, "description", options=options)
