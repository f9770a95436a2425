"""Producers: the FAQ entry or the passage of a page (a mistake, a tip, an easier or harder
version) that answers what the message asks, about the exercise it names, about the one on
screen, or about any exercise when it names none."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.content import Section
from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate
from bot.engine.descriptions import DESCRIBED_FIT, portrayed
from bot.engine.faq import FaqIndex, FaqMatch, position_term
from bot.engine.index import LanguageIndex
from bot.engine.intent import PartAsked, find_part
from bot.engine.lexicon import Analysis
from bot.engine.matching import EXACT, NameMatch
from bot.engine.message import OTHER_POSITION, Message, as_named, done_elsewhere, only_the_body
from bot.engine.names import (
    ONLY_ASKED,
    SUGGEST_FLOOR,
    asks_right_way_of_problem,
    everyday_thing,
    in_other_words,
    own_body_told,
    tells_pain,
    tells_problem,
    with_equipment_no_page_uses,
)
from bot.engine.places import (
    OTHER_PLACE,
    Places,
    apart,
    elsewhere,
    in_place,
    whole,
    within,
)
from bot.engine.policy import ANSWER

# A FAQ entry of the named exercise: its fit to the rest of the message (0..1, see
# FaqIndex.match) becomes a confidence that rises from FAQ_BASE to 1 as the fit reaches FULL_FIT.
FAQ_FLOOR = 0.15  # below this fit an entry is no answer to the question
FAQ_BASE = 0.75
# An entry is about the problem its question states: when the message says little of its
# question's own words, it answers another problem ("my feet slide apart" is no answer for
# "should my hips come off the mat?").
OWN_FLOOR = 0.15  # below this share of them, it is no answer at all
OWN_FULL = 0.25  # below this share, it is less sure...
OWN_PENALTY = 0.1  # ...by this much (unless it holds the message's rarest word: FaqMatch.own)
FULL_FIT = 0.5
PASSAGE_FLOOR = 0.3
PASSAGE_TERMS = 2  # words a passage must share with the question
PASSAGE_BASE = 0.7  # a page's passage answers less directly than an entry written to answer
PASSAGE_TOP = 0.95  # ...so it reaches at most this, and needs a closer fit to get there
PASSAGE_FULL_FIT = 0.8
PASSAGE_OF_KIND = 0.85  # ...below an entry asking the kind of question asked (how to breathe)
# A passage that names the fault of form told and the place it is told of (`_fault_passage`)
# goes before the best passage when it fits this nearly as well, read among this many
FAULT_SLACK = 0.15
FAULT_PASSAGES = 8
# ...and answers from a lower fit than another passage: the fault and its place are the
# problem told, the rest of a story's words spread the fit thin
FAULT_FLOOR = 0.2
UNCOVERED_OWN = 0.5  # with a word of what no page speaks of, the entry's own words said
UNCOVERED_ASIDE = 0.96  # ...and an entry that says them answers, above requests.UNCOVERED
ANSWER_ONLY = 0.75  # an entry whose question shares no word with the message, only its answer
ANSWER_UNASKED = 0.5  # ...by one word most pages say: it is not asked at all
# An entry that fits a message telling a problem this thinly, and shares none of the problem
# (`_shares_no_problem`), answers another: only offered, below the card
THIN_FIT = 0.25
THIN = 0.55
# A part asked outright of a named exercise ("an easier version of the saw", "my knees bend
# in it, is that a mistake?") is what the message wants, and the entry goes before its card
# (names.CARD, PART_AND_MORE) only when it states the problem told: the message says this
# share of its question's own words, the cue words left out ("wrong" is in many entries).
OWN_STATED = 0.35
OTHER_PROBLEM = 0.57  # ...else it answers another problem, below the card
# An entry of an exercise the message neither names nor describes, when it says another's
# name whole, even one it does not settle on: only offered
OTHER_NAMED = 0.55
# A name only implied by a few of a description's words ("face up, arms pumping" holds two
# of Dead Bug's keyword) while the whole description is another page's, standing out: the
# named page's entries are only offered
OUTDESCRIBED = 0.56
# A part asked in general ("what else do people get wrong?", "what is it actually for?",
# Message.bare_part): an entry states the problem the story before it tells only when the
# message says at least this many words of the entry's own question
GENERAL_STATED = 2
ASKED_IN_CUES = 0.9  # unless its question is the cue words themselves ("who should avoid it?")
SETTLED_FLOOR = 0.55  # an entry that tells which of several possible names was meant
SETTLED_FULL = 0.9  # ...sure only when it fits well above that floor
# Two pages the same words name, each with an entry fitting this share of the other's fit
# (`_unsettled`): both offered, as surely as the best entry was, and the entries only offered
KIN_SHARE = 0.95
UNSETTLED_ENTRY = 0.55
FAQ_ANY = 0.55  # an entry of any exercise, for a message naming none (2+ shared words)
ANY_LIFT = 0.1  # ...scored as its fit plus this
LOOSE_ANY_LIFT = 0.15  # ...when the message only implies a name: its words fit better
LEADER_TERMS = 4  # ...or, below FAQ_ANY, the best entry sharing this many words of a long message
LEADER_FLOOR = 0.4  # ...with this fit
LEADER_MARGIN = 0.12  # ...this far ahead of any other exercise's entries
FOLLOW_UP = 0.92  # "make it easier", "and the tips?" after a card
FOLLOW_UP_FAQ = 0.8  # a FAQ entry of the exercise on screen, for a question that needs it
FOLLOW_UP_FIT = 0.4  # ...that fits this well, or only FAQ_FLOOR when it says "it" or "this"
LEANING = 0.78  # "how long should I hold it?" with nothing on its page: its steps
MAX_ANYWHERE = 3
ENTRY_ASKED = 0.9  # an entry that holds nearly all a message asks, its cue words included
IMPLIED = 0.95  # an entry of an exercise described, not named
# An entry of one of the pages a description fits, chosen by the pair (`_described_and_asked`):
JOINT_PAGE_FLOOR = 0.25  # the best page explains this share of the description
JOINT_CLOSE = 0.7  # the pages it fits at least this share of the best fit are read
JOINT_OWN = 0.5  # the message says this share of the entry's own question (FaqMatch.own)...
JOINT_BEYOND = 0.2  # ...and this share of its words that its page's own text does not say
JOINT_FLOOR = 0.3  # page fit (against the best page's) times entry fit
JOINT_MARGIN = 0.3  # ...ahead of the next page's pair by this share of its own
JOINT = 0.62  # an answer, just above policy.ANSWER
DESCRIBING_TERMS = 4  # words besides a name that describe its movement, its steps asked
UNASKED_FIT = 0.75  # an entry for a name said with a few words and no question ("teasr breath")
RAREST_SLACK = 0.05  # an entry saying the message's rarest word, this close to the best, goes first
# A settled entry whose exercise another is more clearly described as, once a place where the
# problem is felt no longer names one (see _settled): offered, below an answer (policy.ANSWER).
FELT_OUTDESCRIBED = 0.55
# An entry sharing with a message that asks nothing of its own only the words its page
# describes the movement with (see `_only_portrays`): offered, below an answer
PORTRAYED_ONLY = 0.55
# An entry that asks the kind of question the message asks (how far, how long, how to
# breathe, may I, where to feel it, a pain: Message.kinds), this close to the best, goes
# first (see `_of_kind`)
KIND_SLACK = 0.2
# The kinds of question a message asks, not tells (names.ONLY_ASKED): an entry asking one of
# them answers no message that does not ask it (a pain or a fix is told as much as asked)
# ...and those of them that are asked in few enough ways to be read whenever asked: an entry
# asking one of these answers no question that does not (not may I: "is it sensible for
# her?" is asked in too many ways). Whether two are the same is asked in many ways too, but
# an entry asking it answers no message that compares nothing it can read: "the bicycle, not
# the crunch, step by step" asks the steps (on the development sets no comparison was lost)
SAID_KINDS = frozenset({"breath", "extent", "duration", "feel", "compare"})
RIVALS = 3  # entries read for the rarest word...
KIND_RIVALS = 10  # ...and for the kind asked: every entry of a page, or nearly


def propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    candidates = _unsettled(_part_before_entries(_propose(message, index), message, index), message)
    if not message.uncovered:
        yield from candidates
        return
    # "does the saw burn many calories?": what it asks no page speaks of, so an entry
    # answers only if the message says most of what the entry's own question asks ("brand new
    # to this, my neck hurts in the hundred"), not one word of it ("burn", the feeling of
    # an entry on where the saw should be felt)
    said = message.content_terms()
    for candidate in candidates:
        if candidate.faq_id is None:
            yield candidate
        elif index.faq.own_share(candidate.faq_id, said) >= UNCOVERED_OWN:
            # ...and then the topic was an aside ("I invented my own version of the saw, is it
            # ok if my hips move?"): the entry goes before the honest no
            yield replace(candidate, score=max(candidate.score, UNCOVERED_ASIDE))


def _unsettled(candidates: Iterator[Candidate], message: Message) -> Iterator[Candidate]:
    """The entries, unless the best is of a page that the same words name as another
    (`_kin`), one of whose entries fits nearly as well (KIN_SHARE: "swan: a sharp twinge
    low in the back" fits an entry of the swan dive and one of the swan prep alike): then
    the question tells no more than the name which was meant, and both pages are offered."""
    found = list(candidates)
    entries = sorted((c for c in found if c.faq_id is not None), key=lambda c: -c.score)
    top = entries[0] if entries else None
    chosen = top.exercise_id if top is not None else None
    if message.named or top is None or chosen is None or top.score < ANSWER:
        yield from found
        return
    kin = _kin(message, chosen)
    rival = next(
        (c for c in entries if c.exercise_id in kin and c.fit >= KIN_SHARE * top.fit), None
    )
    if rival is None or rival.exercise_id is None:
        yield from found
        return
    pages = (chosen, rival.exercise_id)
    for c in found:
        yield replace(c, score=min(c.score, UNSETTLED_ENTRY)) if c.exercise_id in pages else c
    # as sure as the entry was that one of them was meant
    yield Candidate(AnswerKind.SUGGESTIONS, top.score, "faq-unsettled", options=pages)


def _kin(message: Message, exercise_id: str) -> set[str]:
    """The other pages that the very words naming `exercise_id` name too ("swan": the swan
    prep and the swan dive)."""
    near = [m for m in message.names if m.score >= SUGGEST_FLOOR]
    said = {m.positions for m in near if m.exercise_id == exercise_id}
    return {m.exercise_id for m in near if m.positions in said} - {exercise_id}


def _propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    named = message.named
    if message.asks_which:
        return  # "what's it called when...": a name is asked, not an answer
    # A title said inside the longer name of another exercise ("side plank" in "side plank
    # with the arm arcing") is that name's, not a title said in full.
    titled = any(
        m.title_score >= 1.0
        and not any(
            m.title_positions < n.positions for n in named if n.exercise_id != m.exercise_id
        )
        for m in message.names
    )
    if not message.asks and not titled:
        # Nothing is asked of an exercise it names in full: a description ("kneeling on one
        # knee, swinging the top leg") shares words with questions of its page, but asks none.
        # Named by another of its names, in full ("jacknife breathin"), an entry may still
        # answer, but only one that holds nearly all the message says: such names are often
        # a description's words too ("cat camel, rounding and arching on all fours").
        if named and any(m.score >= 0.85 for m in message.names):
            yield from _about_named(message, index, strict=True)
        if message.about is not None:
            yield from _follow_up(message.about, message, index)
        return
    # "How do I do the one where you stand and peel down...": the steps of the exercise
    # described, whatever entry the describing words touch.
    steps_asked = (
        message.part is not None
        and not message.part.tentative
        and message.part.section is Section.STEPS
    )
    if named:
        yield from _about_named(message, index)
    else:
        yield from _settled(message, index)
        described = portrayed(message)
        # "holding my ankles, rolling back and clapping my feet": told in the first person,
        # a description asks nothing of the exercise it describes
        if described is not None and message.asks_outright and not steps_asked:
            # Its page describes the movement: its entries answer as if it were named, a
            # little less surely.
            exercise_id = described[0]
            # With a part asked ("how do I do the one where..."), what the page's own text
            # explains is the description and only the rest may ask something more. Without
            # one, the words that describe are also those of the problem ("my hands don't
            # meet behind my back" in Double Leg Kick, whose steps clasp them there).
            asked = message.part is not None and not message.part.tentative
            page = index.faq.context_of(exercise_id) if asked else frozenset()
            # ...and the body position said ("on all fours") is the description too, in
            # whatever words the page puts it
            placed = frozenset(message.position[1]) if asked and message.position else frozenset()
            rest = [t for t in message.content_terms(placed) if t not in page]
            question = [
                t for t in message.content_terms(message.cue_positions | placed) if t not in page
            ]
            for candidate in _about_ids(
                {exercise_id}, rest, question, message, index, implied=True
            ):
                score = candidate.score * IMPLIED
                # asked nothing, the description touches an entry or a passage in the words
                # the page describes the movement with: not an answer
                if (
                    _only_portrays(candidate.faq_id, exercise_id, message, index)
                    if candidate.faq_id is not None
                    else _asks_nothing(message, index)
                ):
                    score = min(score, PORTRAYED_ONLY)
                yield replace(candidate, score=score, producer="implied")
    if not steps_asked and not any(m.title_score >= 1.0 for m in named):
        yield from _described_and_asked(message, index)
    describing = bool(message.described) and message.described[0][1] >= DESCRIBED_FIT
    if not (steps_asked and not named and describing):
        yield from _anywhere(message, index)
    if message.about is not None:
        yield from _follow_up(message.about, message, index)


def _part_before_entries(
    candidates: Iterator[Candidate], message: Message, index: LanguageIndex
) -> Iterator[Candidate]:
    """A part asked outright of an exercise described, not named ("lying on my side, opening
    the top knee: any tips?"): an entry of its page that the message says nothing of beyond
    the words the page describes the movement with (`_states`) answers no question, and goes
    below an answer, after the part's card."""
    part = message.part
    described = portrayed(message)
    if part is None or part.tentative or described is None:
        yield from candidates
        return
    terms = message.content_terms(message.cue_positions)
    # (an entry asking a kind of question the message says anywhere, "how do I breathe", or,
    # when a word of trouble tells a problem, one not on another place than where it is
    # felt, answers more than the page's words)
    kinds = index.lexicon.kinds(message.analysis)
    told = tells_problem(message, index, places=False)
    for candidate in candidates:
        if (
            candidate.faq_id is not None
            and candidate.exercise_id == described[0]
            and candidate.score > PORTRAYED_ONLY
            and index.faq.kinds_of(candidate.faq_id).isdisjoint(kinds)
            and not (told and not elsewhere(index.faq, candidate.faq_id, message.places))
            and not _states(candidate.faq_id, terms, described[0], message, index)
        ):
            candidate = replace(candidate, score=PORTRAYED_ONLY)
        yield candidate


def _described_and_asked(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    """The entry of a page the message describes that answers what it asks, when the pair
    stands out: a description fitting two or three pages about equally ("supine, a leg
    sweeping round": two circling pages), or one page too loosely to name it, and a question
    ("...and something pops in my hip") that an entry of one of them states. Each page is
    weighed by how well the description fits it (against the best page) times how well its
    best entry fits the message (`_telling`: of the kind asked, on the place told); the best
    pair, well ahead of the next page's, is an answer just above the line (JOINT): neither
    reading alone was."""
    if message.asks_which or not message.asks_outright or message.uncovered:
        return
    if message.part is not None and not message.part.tentative:
        return  # a part asked outright ("what does it work?"): the described card's
    fits: dict[str, float] = {}
    for ranked in (message.portrayed, message.described):
        for exercise_id, fit in ranked:
            fits[exercise_id] = max(fits.get(exercise_id, 0.0), fit)
    top = max(fits.values(), default=0.0)
    if top < JOINT_PAGE_FLOOR:
        return
    terms = message.content_terms()
    places = message.places
    pairs: list[tuple[float, FaqMatch]] = []
    for exercise_id, fit in fits.items():
        if fit < JOINT_CLOSE * top:
            continue  # a page the description fits clearly worse is another exercise
        entries = index.faq.entries_of(exercise_id)
        match = _telling(index.faq, terms, entries, message.focus, message.kinds, places)
        if match is None or elsewhere(index.faq, match.entry_id, places):
            continue
        if match.own < JOINT_OWN or not _states(match.entry_id, terms, exercise_id, message, index):
            continue
        pairs.append((fit / top * match.score, match))
    pairs.sort(key=lambda pair: -pair[0])
    if not pairs:
        return
    joint, match = pairs[0]
    rival = pairs[1][0] if len(pairs) > 1 else 0.0
    if joint >= JOINT_FLOOR and joint - rival >= JOINT_MARGIN * joint:
        yield _faq(match, JOINT, "described-asked")


def _states(
    entry_id: int, terms: list[str], exercise_id: str, message: Message, index: LanguageIndex
) -> bool:
    """Whether the message states what the entry asks besides the words its page describes
    the movement with, which every entry of the page shares with a description of it: some
    of the rest of its question's own words (JOINT_BEYOND), or, when its question has none
    but those ("how high should I lift in it?"), the kind of question it asks."""
    page = index.faq.context_of(exercise_id)
    if index.faq.own_share(entry_id, (), page) == 1.0:  # no word of its own beyond the page's
        return not index.faq.kinds_of(entry_id).isdisjoint(message.kinds)
    return index.faq.own_share(entry_id, terms, page) >= JOINT_BEYOND


def _confidence(
    fit: float, floor: float, base: float, top: float = 1.0, full: float = FULL_FIT
) -> float | None:
    if fit < floor:
        return None
    return base + (top - base) * min(1.0, fit / full)


def _about_named(
    message: Message, index: LanguageIndex, *, strict: bool = False
) -> Iterator[Candidate]:
    """Entries and passages of the exercises the message is about (`Message.subjects`) that
    the rest of the message asks; the words of another named only in part stay in it."""
    named = message.subjects
    said = frozenset().union(*(_name_words(m) for m in named))
    part = message.part
    ids = {m.exercise_id for m in named}
    if part is not None and not part.tentative and not message.content_terms(said | part.positions):
        # Only a part asked ("tips for the saw"): the names producer shows it; unless an entry
        # asks just that, cue words and all: "avoid" asks for the mistakes, yet a
        # page's entry "who should avoid it?" is asked in just those words.
        # (in words that ask for that part in the entry too: "tips on the teaser" is not
        # "I keep tipping backward...")
        whole = _best(index.faq, message.content_terms(said), index.faq.entries_of(*ids))
        if whole is not None and whole.score >= ENTRY_ASKED and _cue_terms(whole, part, index):
            yield _faq(whole, 1.0, "faq")
        return
    # Exercises whose titles the message says in full join in: "is side bend the same as
    # mermaid" may be answered on either page.
    # A title inside the name said in one go ("plank" in "side plank") is not said on its
    # own; one inside words said apart may be ("mermaid, or a seated side bend?").
    in_one_go = [
        p for n in named for p in (n.positions, n.title_positions) if p and max(p) - min(p) < len(p)
    ]
    # (not one said in another form of its words: "the arm I'm pushing up with")
    # (unless a comparison is asked: "is the bicycle the same as a bicycle crunch?" compares
    # the title with the longer name that holds it)
    compares = "compare" in message.kinds
    ids.update(
        m.exercise_id
        for m in message.names
        if m.title_score >= 1.0
        and (compares or not any(m.title_positions < p for p in in_one_go))
        and as_named(m, message.analysis, index.lexicon)
    )
    rest = message.content_terms(said)
    question = message.content_terms(said | message.cue_positions)
    page = _described_steps(message, index, ids)
    if page:
        # "how do I do the side plank, up on one forearm with my hips lifted?": the words its
        # own text holds describe the movement whose steps are asked; only the rest may ask
        # something of an entry, as for an exercise described without its name
        rest = [t for t in rest if t not in page]
        question = [t for t in question if t not in page]
    # "a plank with a 10 kg plate on my back": the pages, done on a mat, answer only what
    # they say nearly word for word
    strict = (
        strict
        or with_equipment_no_page_uses(message, index)
        or in_other_words(message, index)
        or everyday_thing(named[0], message, index)
    )
    # a name only implied by the words of a description ("propped on my elbows, kicking one
    # heel") is read as the exercise described: the places those words name tell no problem
    loose = named[0].score < EXACT and named[0].title_score < 1.0
    found = list(_about_ids(ids, rest, question, message, index, strict=strict, implied=loose))
    if loose:
        described = portrayed(message)
        if described is not None and described[0] not in ids:
            found = [replace(c, score=min(c.score, OUTDESCRIBED)) for c in found]
    if page:
        # ...and an entry answers them only when they state its problem: else the card's
        # steps go first
        found = [
            replace(c, score=min(c.score, OTHER_PROBLEM))
            if c.faq_id is not None and index.faq.own_share(c.faq_id, question) < OWN_STATED
            else c
            for c in found
        ]
    if len(ids) > 1:
        # Several exercises named: each one's entries are read with the other names' words
        # left in, for an entry may be about them ("Boomerang: how do I get up into the
        # teaser?" is asked in Boomerang's "...from the roll over into the Teaser...").
        # (the exercises clearly named, at most three: a message listing a dozen titles
        # costs no dozen passes)
        terms, stop = message.analysis.terms, message.analysis.stop
        for exercise_id in dict.fromkeys(m.exercise_id for m in named[:MAX_ANYWHERE]):
            own = frozenset().union(
                *(
                    m.positions | m.title_positions
                    for m in message.names
                    if m.exercise_id == exercise_id
                )
            )
            # With nothing asked but the names ("chest lift or neck pull?"), only an entry
            # naming another of them whole is about both; a word of one ("neck") is no
            # problem told of the other
            others = [
                {terms[p] for p in m.positions | m.title_positions if not stop[p]}
                for m in message.names
                if m.exercise_id != exercise_id and (m.score >= EXACT or m.title_score >= 1.0)
            ]
            for candidate in _about_ids(
                {exercise_id}, message.content_terms(own), question, message, index, strict=strict
            ):
                if candidate.kind is AnswerKind.FAQ and (
                    question or any(index.faq.asks_all(candidate.faq_id or 0, o) for o in others)
                ):
                    found.append(candidate)
    # "lying on my back ... opposite arm and leg reach": Bird Dog's words, but Bird Dog is
    # done on all fours; its entries are doubted as its card is
    found = [
        replace(c, score=c.score * OTHER_POSITION)
        if done_elsewhere(message.position, c.exercise_id or "", index)
        else c
        for c in found
    ]
    # "in the swan my neck hurts... is it the wrong exercise?": an entry of another exercise
    # that compares it with the one the message is about answers no question that compares
    # nothing; the main exercise's own entries and card go first
    found = [
        replace(c, score=min(c.score, OTHER_PROBLEM))
        if _compares_unasked(c, named[0].exercise_id, message, index)
        else c
        for c in found
    ]
    entries = [c for c in found if c.kind is AnswerKind.FAQ]
    if entries:
        # equally sure (both past full confidence), the closer fit; then the joint reading
        yield max(entries, key=lambda c: (c.score, c.fit))
    yield from (c for c in found if c.kind is not AnswerKind.FAQ)


def _name_words(name: NameMatch) -> frozenset[int]:
    """The words that say a name: its title, when said in full apart from the other name
    matched (a name of its movement: "legs over the head" besides "roll over", which then
    tells what the message asks of it); else both."""
    if name.title_score >= 1.0 and name.title_positions.isdisjoint(name.positions):
        return name.title_positions
    return name.positions | name.title_positions


def _described_steps(message: Message, index: LanguageIndex, ids: set[str]) -> frozenset[str]:
    """The terms of its own text, when the message asks outright for the steps of a named
    exercise that it also describes (its portrait explains DESCRIBED_FIT of the words, best
    of all pages; DESCRIBING_TERMS words besides the names and cues), telling no problem and
    asking no kind of question an entry asks; else none."""
    part = message.part
    if part is None or part.tentative or part.section is not Section.STEPS:
        return frozenset()
    if not message.portrayed or message.kinds:
        return frozenset()  # how to breathe in it, how far to go: an entry's kind of question
    best, fit = message.portrayed[0]
    if best not in ids or fit < DESCRIBED_FIT:
        return frozenset()
    if message.analysis.positions_of(index.lexicon.trouble):
        return frozenset()  # a problem told: its words ask an entry
    cues = {message.analysis.terms[p] for p in message.cue_positions}
    if message.focus - cues:
        return frozenset()  # a question of its own after the story ("...how should I set up?")
    said = message.name_positions | message.cue_positions
    if len({t for t in message.content_terms(said) if t in index.faq}) < DESCRIBING_TERMS:
        return frozenset()  # a name and a word or two: a question of it, not its movement
    return index.faq.context_of(best)


def _compares_unasked(
    candidate: Candidate, main: str, message: Message, index: LanguageIndex
) -> bool:
    """Whether an entry of another exercise than the `main` one named asks how the two
    compare, while the message asks no comparison."""
    return (
        candidate.faq_id is not None
        and candidate.exercise_id != main
        and "compare" in index.faq.kinds_of(candidate.faq_id)
        and "compare" not in message.kinds
    )


def _about_ids(
    ids: set[str],
    rest: list[str],
    question: list[str],
    message: Message,
    index: LanguageIndex,
    *,
    strict: bool = False,
    implied: bool = False,
) -> Iterator[Candidate]:
    """The best entry and passage of `ids` for the `rest` of the message (the words that
    are not the name), and for its `question` (nor the cues). `implied`: `ids` is the
    exercise the message describes, not names."""
    part = message.part
    # a part asked outright of an exercise named, not guessed at ("where is it meant to burn?")
    asked = (
        part
        if part is not None
        and not part.tentative
        and (message.named or (implied and message.said_in_question(part.positions)))
        else None
    )
    if message.named and asks_right_way_of_problem(message, index):
        # "my supporting foot creeps forward as I kick... correct technique?": the mistakes are
        # asked, whatever
        # words ask for them; an entry answers first only if it states that problem
        asked = PartAsked(Section.MISTAKES, None, part.positions if part else frozenset())
    # where the problem is felt: an entry on that place of the body goes first
    places = message.places
    cues = frozenset(message.analysis.terms[p] for p in message.cue_positions)
    faq = _telling(
        index.faq, rest, index.faq.entries_of(*ids), message.focus, message.kinds, places, cues
    )
    if faq is not None:
        faq = in_place(index.faq, faq, rest, index.faq.entries_of(*ids), message.focus, places)
    if not strict and all(t in index.lexicon.kind_terms for t in rest):
        # "the saw, where is the work?", "¿en qué zona se nota la sirena?": the
        # name and a kind's words, in words of their own: the one entry asking that kind
        # (whatever entry shares a little word of them)
        faq = _only_of_kind(ids, message, index) or faq
    if (
        faq is not None
        and faq.own < OWN_FLOOR
        and not index.faq.kinds_of(faq.entry_id).isdisjoint(message.kinds)
    ):
        # "how far should I twist?" says nothing of its own but how far: asked as "how much
        # am I supposed to rotate?", its kind is its own words
        own = index.faq.own_share(faq.entry_id, rest, leaving=index.lexicon.kind_terms)
        faq = replace(faq, own=own)
    passage = part_passage = None
    floor = PASSAGE_FLOOR
    if part is None and not strict:  # with a part, its card shows every passage of it
        of_ids = index.passages.entries_of(*ids)
        found = _best(index.passages, question, of_ids)
        passage = found if found is not None and found.matched >= PASSAGE_TERMS else None
        faulted = _fault_passage(question, of_ids, message, index)
        if faulted is not None and (
            passage is None or faulted.score >= passage.score - FAULT_SLACK
        ):
            passage = faulted
            floor = FAULT_FLOOR
    elif asked is not None and not strict:
        # ...which is still read, for what the passages of that part name
        of_part = frozenset(
            e
            for e in index.passages.entries_of(*ids)
            if index.passage_refs[e].section is asked.section
        )
        found = _best(index.passages, question, of_part)
        part_passage = found if found is not None and found.matched >= PASSAGE_TERMS else None
    if faq is not None and faq.own >= OWN_FLOOR:
        score = _confidence(faq.score, UNASKED_FIT if strict else FAQ_FLOOR, FAQ_BASE)
        if score is not None and faq.own < OWN_FULL:
            score -= OWN_PENALTY
        if score is not None:
            doubts = _doubts(
                faq,
                asked,
                passage,
                part_passage,
                rest,
                question,
                message,
                index,
                strict=strict,
                described=implied,
            )
            yield _faq(faq, min([score, *doubts]), "faq")
    if passage is not None:
        score = _confidence(passage.score, floor, PASSAGE_BASE, PASSAGE_TOP, PASSAGE_FULL_FIT)
        if score is not None and elsewhere(index.passages, passage.entry_id, places):
            score = min(score, OTHER_PLACE)
        if score is not None and faq is not None and _asks_its_kind(faq.entry_id, message, index):
            # "roll up: in or out as I peel down?": how to breathe is asked, and the entry on
            # it answers, before a tip that says the breath in passing
            score = min(score, PASSAGE_OF_KIND)
        if score is not None:
            ref = index.passage_refs[passage.entry_id]
            section, level = ref.section, ref.level
            if (
                section is Section.TIPS
                or (
                    section is Section.MODIFICATIONS
                    and (
                        "fix" in message.kinds
                        or not message.asks_outright
                        or (message.part is None and not _asks_another_way(message, index))
                    )
                )
            ) and _tells_own_problem(message, index):
                # "in toe taps my knee drifts open": a problem told is answered by what goes
                # wrong and how to put it right, though a tip says it in passing; so is one
                # told and asked nothing of, or asked how to fix ("my legs sink, how do I keep
                # them up?"), though an easier version's words fit it (no version is asked:
                # "is there a way to do it without kneeling?" asks for one)
                section, level = Section.MISTAKES, None
            yield Candidate(
                AnswerKind.EXERCISE,
                score,
                "passage",
                exercise_id=ref.exercise_id,
                section=section,
                level=level,
            )


def _asks_another_way(message: Message, index: LanguageIndex) -> bool:
    """Whether the message asks whether there is a way ("is there a way to do it without
    kneeling?", "¿hay otra forma de hacerlo?"): a version of the exercise is asked for."""
    return any(index.lexicon.existence.find_all(message.analysis))


def _tells_own_problem(message: Message, index: LanguageIndex) -> bool:
    """Whether the message tells a problem: a word of trouble or a fault, or what a place of
    the writer's own body does."""
    return tells_problem(message, index, places=False) or own_body_told(message, index)


def _only_of_kind(ids: set[str], message: Message, index: LanguageIndex) -> FaqMatch | None:
    """The one entry of `ids` asking the kind of question a message asks in nothing but the
    name and the words of that kind ("who is not meant to do the seal?", "the saw, where is
    the work?"): said in words of their own, it asks that entry."""
    asked = message.kinds & (SAID_KINDS | {"safety"})
    if not asked:
        return None
    kinded = [e for e in index.faq.entries_of(*ids) if index.faq.kinds_of(e) & asked]
    if len(kinded) > 1:
        # ...the one asking nothing else ("where should I feel it working?", not "my hip
        # clicks, where should I feel it instead?")
        kinded = [e for e in kinded if index.faq.own_share(e, (), index.lexicon.kind_terms) == 1.0]
    if len(kinded) != 1:
        return None
    return FaqMatch(kinded[0], index.faq_refs[kinded[0]].exercise_id, FULL_FIT, 0)


def _doubts(
    faq: FaqMatch,
    asked: PartAsked | None,
    passage: FaqMatch | None,
    part_passage: FaqMatch | None,
    rest: list[str],
    question: list[str],
    message: Message,
    index: LanguageIndex,
    *,
    strict: bool,
    described: bool = False,
) -> Iterator[float]:
    """The ceilings on how sure an entry of a named exercise may be, each a sign that it
    answers another problem than the message tells: below the card, below a passage of the
    page, or low enough to be only offered. `asked`: a part asked outright; `passage`: the
    best passage when no part is asked; `part_passage`: the best passage of the part asked."""
    no_part = message.part is None
    places = message.places
    if asked is not None and _other_problem(
        faq, asked, part_passage, rest, question, message, index, described=described
    ):
        yield OTHER_PROBLEM
    if (
        faq.matched < 2
        and not _asks_its_kind(faq.entry_id, message, index)
        and not index.faq.asks_any(faq.entry_id, rest)
    ):
        held = [t for t in rest if index.faq.holds(faq.entry_id, t)]
        if held and all(index.faq.commonplace(t) for t in held):
            # "my coach keeps calling it the lower lift": one word most pages say, found
            # only in an entry's answer, asks nothing of it
            yield ANSWER_UNASKED
    if (
        passage is not None
        and not index.faq.asks_any(faq.entry_id, rest)
        and index.faq.kinds_of(faq.entry_id).isdisjoint(message.kinds & SAID_KINDS)
    ):
        # "my pelvis rocks in toe taps": an entry about the lower back whose answer
        # mentions the pelvis answers another problem; a passage that names it goes first
        # (not an entry asking what the message asks, how far, in other words)
        yield ANSWER_ONLY
    if no_part and not strict and _tells_other(faq.entry_id, question, places, message, index):
        # "my feet drift apart in the corkscrew": a fault told, asked of nothing, against
        # "how do I breathe in it?" or "my knees hurt in it": the page's mistakes name it,
        # or, when no passage does, the entry is only offered
        # (a fault of form told of a place: words of a problem alone, "a burn", "the
        # feeling", may still ask where to feel it)
        if passage is not None:
            yield OTHER_PROBLEM
        elif places.faulted:
            yield OTHER_PLACE
    if no_part and passage is not None and _other_fault(faq, passage, question, message, index):
        yield OTHER_PROBLEM
    if (
        no_part
        and "pain" in index.faq.kinds_of(faq.entry_id)
        and _form_elsewhere(faq.entry_id, message, index)
    ):
        # "the foot I stand on slides forward as I kick" against "my lower back hurts as I
        # kick": a fault of form of another place, nothing felt, is no question on a pain
        yield OTHER_PROBLEM if passage is not None else OTHER_PLACE
    if elsewhere(index.faq, faq.entry_id, places):
        yield OTHER_PLACE
    if (
        "compare" in index.faq.kinds_of(faq.entry_id)
        and "compare" not in message.kinds
        and tells_problem(message, index, places=False)
    ):
        # "my knees bend in the scissors with my hips up" against "is the scissors with the
        # hips up the same as the one on the mat?": two exercises compared, which a problem
        # told does not ask
        yield OTHER_PROBLEM if passage is not None else OTHER_PLACE
    if no_part and _told_elsewhere(faq.entry_id, message, index):
        # a problem of another place: the page's mistakes, or an offer, before its entry
        yield OTHER_PROBLEM if passage is not None else OTHER_PLACE
    if (
        "safety" in index.faq.kinds_of(faq.entry_id)
        and places.faulted
        and not message.kinds & {"safety", "pain"}
        and index.faq.conditions_of(faq.entry_id).isdisjoint(rest)
    ):
        # "my elbows collapse in on the way up, is that a problem?" against "is it safe with
        # a disc problem?": a fault of form told, no pain, and whether it may be done is not
        # asked, nor any condition told
        yield OTHER_PROBLEM
    if faq.score < THIN_FIT and (
        _shares_no_problem(faq.entry_id, rest, message, index)
        or _problem_untold(faq.entry_id, message, index)
    ):
        yield THIN


def _told_elsewhere(entry_id: int, message: Message, index: LanguageIndex) -> bool:
    """Whether the entry's question tells its problem of other places than the message tells
    its own of, and names none of the message's: a pain of another place than the pain told
    (an entry on a lower back that pinches as the chest lifts, against a neck that hurts, the
    chest named only as what is done), or a pain where the message tells a problem of no place
    and no pain; or, no pain told on either side, a fault of form of another place in other
    words (an entry on a lower back that arches, against "my knee locks straight as the foot
    lowers"; a message that says the entry's word of the fault is asking of it whatever place
    it names), also where the message tells its problem of no place at all ("the bottom leg
    keeps lifting", unless it says a word of the entry's place on its own: "back" of the lower
    back). Each side's places are those named near its words of pain, or of fault and trouble
    (`places.told_in`)."""
    places = message.places
    told = index.told(entry_id)
    pained, faulted = told.pained, told.faulted
    named = whole(places.named)
    said_pain = whole(places.pained)
    if pained and said_pain and pained.isdisjoint(said_pain) and pained.isdisjoint(named):
        return True
    if (
        pained
        and not places.named
        and "safety" not in index.faq.kinds_of(entry_id)
        and not tells_pain(message, index)
        and tells_problem(message, index, places=False)
    ):
        # a problem told of no place and with no pain ("my arm at the back just drops")
        # against an entry on a pain of the shoulder; an entry asking whether it may be
        # done, with a pain among its conditions, is not one
        return True
    if said_pain or pained or not faulted or not faulted.isdisjoint(named):
        return False
    if not places.faulted and (
        places.named
        or "safety" in index.faq.kinds_of(entry_id)
        or tells_pain(message, index)
        or not tells_problem(message, index, places=False)
        or not told.place_words.isdisjoint(message.analysis.words)
    ):
        return False
    return told.fault_terms.isdisjoint(message.analysis.terms)


def _asks_its_kind(entry_id: int, message: Message, index: LanguageIndex) -> bool:
    """Whether the message asks the kind of question the entry asks, of those said in words
    of their own (SAID_KINDS: how to breathe, how far, how long, where to feel it)."""
    return bool(index.faq.kinds_of(entry_id) & message.kinds & SAID_KINDS)


def _problem_untold(entry_id: int, message: Message, index: LanguageIndex) -> bool:
    """Whether the entry is about a problem (a pain, or a fault to fix) and the message tells
    none: neither a word of trouble or a fault, nor what a place of the writer's own body
    does, nor a pain asked of ("a prone extension for a kyphotic client: what have you got?"
    against "my lower back pinches in it")."""
    if not index.faq.kinds_of(entry_id) & _PROBLEM_KINDS or message.kinds & _PROBLEM_KINDS:
        return False
    return not (tells_problem(message, index, places=False) or own_body_told(message, index))


def _shares_no_problem(
    entry_id: int, rest: list[str], message: Message, index: LanguageIndex
) -> bool:
    """Whether a message telling a problem shares none of it with the entry: no condition
    or kind of question, no place of the body where the problem is (or, when the message
    says where nowhere, that it names), no word of trouble or fault ("my knees splay in the
    bridge" against "I feel the bridge in my lower back": both are problems of the bridge,
    and only the bridge is shared). An entry asking whether it may be done is another
    problem only to a message asking how to do it right (`asks_right_way_of_problem`)."""
    if not tells_problem(message, index, places=False):
        return False
    faq, lexicon, places = index.faq, index.lexicon, message.places
    kinds = faq.kinds_of(entry_id)
    if not kinds.isdisjoint(message.kinds) or not faq.conditions_of(entry_id).isdisjoint(rest):
        return False
    if "safety" in kinds and not asks_right_way_of_problem(message, index):
        return False
    if within(faq, entry_id, (places.felt | places.faulted) or places.named):
        return False
    problem = lexicon.trouble | lexicon.faults | lexicon.fault_terms

    def told(a: Analysis) -> set[str]:
        return {t for w, t in zip(a.words, a.terms, strict=True) if w in problem or t in problem}

    question = index.analyse(index.faq_refs[entry_id].entry.question)
    return not told(message.analysis) & told(question)


def _other_problem(
    faq: FaqMatch,
    part: PartAsked,
    passage: FaqMatch | None,
    rest: list[str],
    question: list[str],
    message: Message,
    index: LanguageIndex,
    *,
    described: bool = False,
) -> bool:
    """Whether an entry answers another problem than the message, which asks for a `part`
    outright: the message says little of its question's own words besides the cue words
    (a fault of form asked as "is that wrong?" against an entry on a sore lower back
    "...what am I doing wrong?"; the entry's own cue words for that part left out too), and
    either asks for another version, or tells
    something the `passage` of that part (its best) fits better than the entry does: the
    page's list of mistakes names the fault; or asks for the mistakes and shares nothing
    but those words with it. The passage fitting better is enough when the words the message
    shares with the entry's question are all words its page describes the exercise with.
    An entry asked in the cue words themselves ("who should avoid it?") answers them."""
    cues = _cue_terms(faq, part, index)
    # "on my forearms and toes, body like a board... what are the common mistakes?" against
    # the plank's entry on how long to hold it: all it shares are the words its page
    # describes the movement with, however much of the entry's question they say
    # (unless a problem is told in them: "I cannot get my fingers to meet behind my back")
    describing = (
        _asked_generally(message)
        and _only_describing(faq.entry_id, [t for t in question if t not in cues], index)
        and not any(
            p not in message.cue_positions
            for p in message.analysis.positions_of(index.lexicon.trouble)
        )
    )
    # (a cue word counts as asked in an entry that says it as written, or asks for that part
    # with it: "tips" asked of the teaser is not an entry's "I keep tipping backward")
    unsaid = _cues_unsaid(faq, cues, message, index)
    with_cues = index.faq.own_share(faq.entry_id, [t for t in rest if t not in unsaid])
    terms = message.analysis.terms
    in_cues = index.faq.own_share(faq.entry_id, [terms[p] for p in message.cue_positions]) > 0
    if with_cues >= ASKED_IN_CUES and (
        in_cues or (part.section is not Section.MODIFICATIONS and not describing)
    ):
        # (another version asked in other words than the entry's: "my arms burn... is there
        # an easier way?" says the feel of "where should I feel it?", but asks no feel)
        return False
    if describing:
        return True
    if _asks_other(faq.entry_id, message, index, described=described):
        # "what options are there, it feels shaky on my feet" against "where should I feel
        # it?"; "how do I sit for it?" against "my knees hurt sitting in it, can I sit
        # differently?": the words they share are the exercise's, the question another
        return True
    if _asks_same(faq, message, index):
        return False
    if _pain_untold(faq.entry_id, message, index) or _form_elsewhere(faq.entry_id, message, index):
        # "I stall halfway up and fall back. Easier version?" against "my lower back hurts
        # when I roll down from it": a pain of a place the message never names; "I clench my
        # butt to get higher, is that how it's done?" against "should I pull on my head to
        # get higher?": a problem of another place
        return True
    better = passage is not None and passage.score > faq.score
    if (
        better
        and _only_describing(faq.entry_id, question, index)
        and not (
            index.faq.kinds_of(faq.entry_id) & _PROBLEM_KINDS
            and tells_problem(message, index, places=False)
        )
    ):
        # "a regression of the hamstring pull for tight hamstrings" against "how do I breathe
        # in the hamstring pull?": what the two share is the exercise, not a problem (unless
        # both tell one in those words: "I can't bring my hands to meet behind me" is
        # the entry on shoulders that will not let the hands clasp there)
        return True
    general = _asked_generally(message)
    if general and (
        apart(index.faq, faq.entry_id, message.places)
        or sum(index.faq.asks_any(faq.entry_id, (t,)) for t in set(question) - cues)
        < GENERAL_STATED
    ):
        # "I swing my arms round to get further. What else do people get wrong?" against "my
        # lower back rounds": one word in common, or another place of the body, is no
        # problem stated; the story was context for the part asked
        return True
    own = index.faq.own_share(faq.entry_id, question, cues)
    if own >= OWN_STATED:
        return False
    if part.section is Section.MODIFICATIONS or general:
        # ...and shares little else with it: the part asked goes first
        return True
    if part.section is not Section.STEPS and own == 0 and with_cues < OWN_STATED:
        # "what do people get wrong in it?": the words that ask for the mistakes end most
        # entries about a problem too ("...what am I doing wrong?"), and are all it shares;
        # "tips, teaser" shares only "tips" with "I keep tipping backward..."
        # (the steps are asked in "how do I...", as most entries are: sharing nothing else
        # says nothing of whether one of them answers)
        return True
    return better


def _pain_untold(entry_id: int, message: Message, index: LanguageIndex) -> bool:
    """Whether the entry tells of a pain in places of the body, and the message tells no pain
    and names no place at all."""
    faq = index.faq
    return (
        "pain" in faq.kinds_of(entry_id)
        and bool(faq.places_of(entry_id))
        and not message.places.named
        and not tells_pain(message, index)
    )


def _form_elsewhere(entry_id: int, message: Message, index: LanguageIndex) -> bool:
    """Whether the message tells no pain, and names other places of the body than those the
    entry names: a fault of form elsewhere, not the entry's problem."""
    return not tells_pain(message, index) and apart(index.faq, entry_id, message.places)


def _asked_generally(message: Message) -> bool:
    """Whether the message asks for a part in general, not for the answer to a problem of its
    own: its question sentence says nothing but that part (Message.bare_part), and either in
    words that make it the general one ("the usual mistakes", "any general tips?"), or asks a
    part no problem asks for (benefits, a video: "I'm new to the teaser. What is it good
    for?")."""
    part = message.part
    if part is None or not message.bare_part:
        return False
    return message.general_part or part.section in _NO_PROBLEM


def _asks_other(
    entry_id: int, message: Message, index: LanguageIndex, *, described: bool = False
) -> bool:
    """Whether the entry asks how far, how long, how to breathe, where to feel it or whether
    two are the same (SAID_KINDS) and the message asks none of its kinds; or tells of a pain
    while the message tells no problem at all (no place of the body, pain, trouble or fault). (Not
    of a place alone: an entry names places as conditions, "with a stiff neck, may I...?",
    and in its exercise's name.)"""
    faq = index.faq
    its = faq.kinds_of(entry_id)
    # (read in all its words, a name's too: "hundred breathing" says how to breathe)
    if its & SAID_KINDS and its.isdisjoint(index.lexicon.kinds(message.analysis)):
        return True
    # (the places of the body a description names are the movement's: "propped on my
    # elbows, kicking one heel to my seat" tells no problem)
    return "pain" in its and not tells_problem(message, index, places=not described)


def _asks_same(faq: FaqMatch, message: Message, index: LanguageIndex) -> bool:
    """Whether the entry asks the kind of question the message's question sentence asks (may
    I, how far, how to breathe...: ONLY_ASKED), or states a problem of the place where the
    message's is felt: "can I still do it with a disc issue, or should I modify it?" is asked
    by the entry on whether it is safe, "my shoulders are too stiff to clasp my hands,
    options?" by the one on stiff shoulders, whatever part the cue words ask for."""
    its = index.faq.kinds_of(faq.entry_id)
    if not (its & ONLY_ASKED).isdisjoint(message.kinds):
        return True
    felt = message.places.felt
    return bool(felt) and faq.own >= OWN_FLOOR and within(index.faq, faq.entry_id, felt)


def _tells_other(
    entry_id: int, question: list[str], places: Places, message: Message, index: LanguageIndex
) -> bool:
    """Whether a message asking for no part meets an entry on another question than its own:
    one that only asks how far, how long, how to breathe or where to feel it (SAID_KINDS, no
    place of the body named), none of which the message asks, while it asks another kind or
    tells a problem, and says little of the entry's own words or only those its page
    describes the exercise with ("my feet drift apart as they circle" against "how do I
    breathe through the circle?"); or one telling a pain, where the message tells a fault of
    form (`places.faulted`) and no pain ("my knees drift apart" is no question on sore
    knees, however many of its words it says)."""
    faq = index.faq
    its = faq.kinds_of(entry_id)
    said = index.lexicon.kinds(message.analysis)
    if its & SAID_KINDS and not faq.places_of(entry_id):
        return (
            its.isdisjoint(said)
            and (
                faq.own_share(entry_id, question) < OWN_STATED
                or _only_describing(entry_id, question, index)
            )
            and (bool(said & SAID_KINDS) or tells_problem(message, index))
        )
    return "pain" in its and "pain" not in said and bool(places.faulted)


def _fault_passage(
    question: list[str], of_ids: frozenset[int], message: Message, index: LanguageIndex
) -> FaqMatch | None:
    """The passage that names the fault of form the message tells of a place, and that place
    ("my bum sinks": "Hips sinking"), the page's mistakes first: a passage that says both is
    about the problem told, whatever else the two share (one word may be all: the place put
    another way). Only the fault words said near the place tell its fault (Places.fault_at):
    "lift" in "my knees flop out as I lift" tells the movement."""
    terms = message.analysis.terms
    told = {terms[p] for p in message.places.fault_at}
    if not told:
        return None
    passages = index.passages
    found = passages.match(question, within=of_ids, limit=FAULT_PASSAGES, known_only=True)
    naming = [
        m
        for m in found
        if any(passages.holds(m.entry_id, t) for t in told)
        and within(passages, m.entry_id, message.places.faulted)
    ]
    mistakes = [m for m in naming if index.passage_refs[m.entry_id].section is Section.MISTAKES]
    return next(iter(mistakes or naming), None)


def _other_fault(
    faq: FaqMatch, passage: FaqMatch, question: list[str], message: Message, index: LanguageIndex
) -> bool:
    """Whether the entry states a fault of form the message does not tell, while the message
    tells one that the `passage` names: "my pelvis rocks as I switch legs" against "why does
    my back arch as I switch legs?", when the page's mistakes say "rocking side to side"; a
    word that tells a fault only beside a place tells one there ("my hip rolls back": the
    mistakes' "rolling the pelvis"). A fault word the page describes the exercise with ("lift
    the hips", "open the knee") may tell the movement, not a fault: it tells none here."""
    faults = index.lexicon.fault_terms
    page = index.faq.context_of(faq.exercise_id)
    terms = message.analysis.terms
    beside = {terms[p] for p in message.places.fault_at}
    told = [t for t in question if (t in faults or t in beside) and t not in page]
    return (
        bool(told)
        and index.faq.asks_any(faq.entry_id, faults)
        and not index.faq.asks_any(faq.entry_id, told)
        and any(index.passages.holds(passage.entry_id, t) for t in told)
    )


def _cue_terms(faq: FaqMatch, part: PartAsked, index: LanguageIndex) -> frozenset[str]:
    """The words by which the entry's question asks for the `part` the message asks ("¿algún
    consejo?" as the message's "¿algún truco?"): left out of its own words, as the message's
    cue words are left out of what it says."""
    asked = index.analyse(index.faq_refs[faq.entry_id].entry.question)
    its_part = find_part(asked, index.lexicon)
    if its_part is None or its_part.tentative or its_part.section is not part.section:
        return frozenset()
    return frozenset(asked.terms[p] for p in its_part.positions)


def _cues_unsaid(
    faq: FaqMatch, cues: frozenset[str], message: Message, index: LanguageIndex
) -> frozenset[str]:
    """The message's cue words that the entry's question holds only in another form of the
    word and not as its own cue words (`cues`): "tips" in "I keep tipping backward"."""
    analysis = message.analysis
    written = set(index.analyse(index.faq_refs[faq.entry_id].entry.question).words)
    return frozenset(
        analysis.terms[p]
        for p in message.cue_positions
        if analysis.terms[p] not in cues and analysis.words[p] not in written
    )


def _only_describing(entry_id: int, question: list[str], index: LanguageIndex) -> bool:
    """Whether every word of the entry's own question that the message says is a word its
    page's own text (title, keywords, description, steps) uses: words that describe the
    exercise ("hold" in a plank, "bend over" in the mermaid), shared by any question on it."""
    page = index.faq.context_of(index.faq_refs[entry_id].exercise_id)
    return all(t in page for t in question if index.faq.asks_any(entry_id, (t,)))


def _settled(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    """Several exercises the words could name, and a question that tells which: "side kicks
    propping my head on my hand makes my neck sore"."""
    near = [m for m in message.names if m.score >= SUGGEST_FLOOR][:3]
    # A name said only in the place where a problem is felt chooses nothing ("my shoulders
    # ache" is no question on Shoulder Bridge, "tengo el cuello cargado" none on Neck Pull):
    # its words are the problem, and tell which of the other names was meant. Unless the
    # words describe that exercise best (side-lying, raising the underneath leg, "no work in
    # the inner thigh": Inner Thigh Lifts).
    felt = message.places.felt_at
    described = message.portrayed[0][0] if message.portrayed else None
    ambiguous = [
        m
        for m in near
        if m.exercise_id == described or not only_the_body(m, message.analysis, felt)
    ]
    if not ambiguous or message.asks_which:
        return
    if message.about is not None and message.leans_on_context:
        return
    said = frozenset().union(*(m.positions for m in ambiguous))
    rest = message.content_terms(said)
    ids = {m.exercise_id for m in ambiguous}
    ids.update(m.exercise_id for m in message.names if m.title_score >= 1.0)
    faq = _best(index.faq, rest, index.faq.entries_of(*ids), by_page=True, focus=message.focus)
    if faq is not None and faq.score >= SETTLED_FLOOR:
        score = _confidence(faq.score, SETTLED_FLOOR, FAQ_BASE, full=SETTLED_FULL) or 0.0
        if message.part is not None and (
            message.part.section is Section.STEPS
            or _only_part_asked(message)
            or message.general_part
        ):
            # "how do I do the one kneeling...", "face down kicking both heels... What are its
            # benefits?", "...what are the common mistakes?": the words describe, so only the
            # words its page does not explain (below) may make it sure
            score = 0.0
        # Words its page uses to describe the movement may only describe it ("kneeling on
        # one knee, swinging the top leg"); the entry is sure when it also fits the rest.
        page = index.faq.context_of(faq.exercise_id)
        asked = _best(index.faq, [t for t in rest if t not in page], frozenset([faq.entry_id]))
        if asked is not None and asked.matched >= PASSAGE_TERMS:
            score = max(score, _confidence(asked.score, FAQ_FLOOR, FAQ_BASE) or 0.0)
        # an entry on another place than where the problem is felt answers another problem,
        # as of a name said (`_about_ids`): "my lower back aches" is no question on the neck
        if elsewhere(index.faq, faq.entry_id, message.places):
            score = min(score, OTHER_PLACE)
        if len(ambiguous) < len(near) and _outdescribed(message, faq.exercise_id):
            # A place freed of a name fits any entry on that place ("sore hamstrings"):
            # a partly named exercise that another is clearly described as better is unsure.
            score = min(score, FELT_OUTDESCRIBED)
        if _only_portrays(faq.entry_id, faq.exercise_id, message, index):
            score = min(score, PORTRAYED_ONLY)
        if faq.matched < PASSAGE_TERMS <= len(set(rest)) - faq.matched:
            # one word of it said among several it does not say ("I saw a seal by the pier,
            # is it safe to swim?"): the words chose no name, they tell of something else
            score = min(score, FELT_OUTDESCRIBED)
        yield _faq(faq, score, "faq-settled")


def _asks_nothing(message: Message, index: LanguageIndex) -> bool:
    """Whether a message asks nothing of its own: no kind of question, no word its question
    sentence stresses, no part, no problem told ("...and I keep tipping over"), no name said
    in full. Then the words it says describe a movement ("lying on my front, lifting my chest,
    then rocking?"), and its exercise is what it asks about."""
    return not (
        message.kinds
        or message.focus
        or message.part is not None
        or any(m.title_score >= 1.0 for m in message.names)
        or tells_problem(message, index, places=False)
    )


def _only_portrays(entry_id: int, exercise_id: str, message: Message, index: LanguageIndex) -> bool:
    """Whether a message that asks nothing of its own (`_asks_nothing`) shares with the entry
    only words its page describes the movement with: the exercise portrayed, not its entry on
    a sore back when lifting the chest."""
    if not _asks_nothing(message, index):
        return False
    return not _states(entry_id, message.content_terms(), exercise_id, message, index)


def _outdescribed(message: Message, exercise_id: str) -> bool:
    """Whether the message describes another exercise clearly (DESCRIBED_FIT), and better than
    `exercise_id`."""
    if not message.portrayed:
        return False
    best, fit = message.portrayed[0]
    return (
        best != exercise_id
        and fit >= DESCRIBED_FIT
        and dict(message.portrayed).get(exercise_id, 0.0) < fit
    )


# Parts of an exercise that no problem asks for ("my feet slap the floor. What am I doing
# wrong?" asks for the entry on that problem; "...What are its benefits?" asks for none).
_NO_PROBLEM = frozenset({Section.BENEFITS, Section.VIDEO})
# The kinds of an entry telling a problem to solve ("...what can I do?", "...it hurts")
_PROBLEM_KINDS = frozenset({"fix", "pain"})


def _only_part_asked(message: Message) -> bool:
    """A story or description, then a question sentence that asks nothing but a part of the
    exercise that no problem asks for ("...and lift the chest. What are the benefits?")."""
    part = message.part
    if part is None or part.section not in _NO_PROBLEM or part.tentative or not message.focus:
        return False
    return message.focus <= {message.analysis.terms[p] for p in part.positions}


def _anywhere(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    """The entries of any exercise that the whole message asks, best per exercise."""
    if message.analysis.said <= message.lookup.words:
        return  # only fragments of names ("leg pull"): not a question
    if message.asks_which and not message.named:
        return  # "what's it called when...": a name is asked, not an answer
    if message.named and message.named[0].title_score >= 1.0:
        return  # it names an exercise by its title: the question is about that one
    if message.about is not None and message.leans_on_context:
        return  # "how long should I hold it?": about the exercise on screen
    terms = message.content_terms()
    if message.position is not None:
        # "lying on my side ...": the position points at the exercises done that way.
        terms.append(position_term(message.position[0]))
    loose = bool(message.named) and message.named[0].title_score < 1.0
    lift = LOOSE_ANY_LIFT if loose else ANY_LIFT
    seen: set[str] = set()
    places = message.places
    found = index.faq.match(terms, limit=10, focus=message.focus)
    # an entry of an exercise named in full, by another of its names ("lower lifts"), that
    # fits better than another exercise's: that one is not lifted up to it, the question is
    # about the one named (a sore neck in it, against the neck pull's entry on the neck)
    named = {m.exercise_id for m in message.subjects if m.score >= EXACT}
    own = max((m.score for m in found if m.exercise_id in named), default=None)
    if named:
        # the words of a name said in full are that name, not a question for another
        # exercise's entries ("our coach calls it lower lift": not the entry on a lower back
        # that aches as the chest lifts)
        spoken = frozenset().union(*(m.positions for m in message.subjects if m.score >= EXACT))
        rest = set(message.content_terms(spoken))
        found = [
            m
            for m in found
            if m.exercise_id in named or sum(index.faq.holds(m.entry_id, t) for t in rest) >= 2
        ]
    # With no name chosen, a word several titles hold ("twist" of two twists) says which
    # exercises it may be, and is no word of a question to any entry: an entry that holds it
    # and one more word ("my hips twist. any tips?") answers what it shares with the rest only
    shared = frozenset() if message.named else _title_shared(message)
    portrayed = {exercise_id for exercise_id, _ in message.portrayed[:MAX_ANYWHERE]}
    # the names said whole, as written and in one go (not "then I roll down again" as one rolls)
    said_whole = {
        m.exercise_id
        for m in message.names
        if m.score >= EXACT
        and max(m.positions) - min(m.positions) < len(m.positions)
        and as_named(m, message.analysis, index.lexicon)
    }
    # (...or the exercise the message describes best, if only a little: "that seated forward
    # roll down with the legs long" is the spine stretch, whatever name it says on the way)
    described = {
        e for at, (e, fit) in enumerate(message.portrayed) if at == 0 or fit >= DESCRIBED_FIT
    }
    for match in found:
        # One shared word ("twist") is a name fragment, not a question.
        if match.matched < 2 or match.exercise_id in seen:
            continue
        if (
            not message.named
            and match.exercise_id not in portrayed
            and "safety" in index.faq.kinds_of(match.entry_id)
        ):
            # whether this one exercise may be done (in pregnancy, with a bad back) answers
            # nothing of a message that neither names nor describes it ("nausea in my
            # pregnancy, what can I take?")
            continue
        if shared and sum(index.faq.holds(match.entry_id, t) for t in terms if t not in shared) < 2:
            continue
        if match.score < FAQ_ANY and not (match is found[0] and _leads(found)):
            continue
        seen.add(match.exercise_id)
        outfitted = match.exercise_id not in named and own is not None and own >= match.score
        score = min(1.0, max(match.score, FAQ_ANY) + (0.0 if outfitted else lift))
        # "...how far do I go?": which of its entries answers is chosen as for a named
        # exercise (its entry on how far, when close); how sure, by this reading
        if message.kinds:
            entries = index.faq.entries_of(match.exercise_id)
            match = (
                _telling(index.faq, terms, entries, message.focus, message.kinds, message.places)
                or match
            )
        if elsewhere(index.faq, match.entry_id, places):
            # "my knee clicks" is no question for the entry on a clicking hip, however alike
            # the two are put: of any exercise, as of one named (`_about_ids`)
            score = min(score, OTHER_PLACE)
        if said_whole and match.exercise_id not in said_whole | described:
            # "in swan my shoulders ride up as I come up": a name said whole, if
            # unsettled (the swan prep or the swan dive), is what is asked about, not the
            # spine stretch whose entry says the same of the shoulders
            score = min(score, OTHER_NAMED)
        yield _faq(match, score, "faq-anywhere")
        if len(seen) >= MAX_ANYWHERE:
            break


def _title_shared(message: Message) -> frozenset[str]:
    """The words said that the titles of several exercises hold."""
    a = message.analysis
    return frozenset(
        a.terms[p] for p in a.said if sum(p in m.title_positions for m in message.names) >= 2
    )


def _leads(found: list[FaqMatch]) -> bool:
    """The best entry shares many words with a long message, whose weight those words spread
    thin, and is clearly ahead of every other exercise's entries."""
    best = found[0]
    rival = next((m.score for m in found if m.exercise_id != best.exercise_id), 0.0)
    return (
        best.matched >= LEADER_TERMS
        and best.score >= LEADER_FLOOR
        and best.score - rival >= LEADER_MARGIN
    )


def _follow_up(about: str, message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    """The exercise on screen, for a message that does not stand on its own: "make it
    easier", "más fácil", "and the tips?", or one of its FAQ questions."""
    said = message.analysis.said
    if any(m.title_positions & said for m in message.names) or message.foreign:
        return  # it says an exercise's name (perhaps another's): it is about that
    part = message.part
    own = message.content_terms(part.positions if part else frozenset())
    unknown = [t for t in own if t not in index.faq]
    # (the overview is a part asked of the card on screen when its level is: "¿es difícil?")
    lexicon = index.lexicon
    asks_part = part is not None and (
        part.section is not Section.OVERVIEW
        or any(
            message.analysis.words[p] in lexicon.difficulty
            or message.analysis.words[p] in lexicon.level_words
            for p in part.chosen_at
        )
    )
    if (asks_part and len(own) <= 1 and not unknown) or (message.leans_on_context and not own):
        section = part.section if part else Section.STEPS
        yield Candidate(
            AnswerKind.EXERCISE,
            FOLLOW_UP,
            "follow-up",
            exercise_id=about,
            section=section,
            level=part.level if part else None,
        )
    faq = _best(index.faq, own, index.faq.entries_of(about))
    floor = FAQ_FLOOR if message.leans_on_context else FOLLOW_UP_FIT
    if faq is not None and faq.score >= floor:
        yield _faq(faq, FOLLOW_UP_FAQ, "follow-up")
    elif message.leans_on_context and not unknown:
        # "how long should I hold it?": about the card on screen, even when its page does
        # not say; its steps are the nearest answer.
        yield Candidate(
            AnswerKind.EXERCISE, LEANING, "follow-up", exercise_id=about, section=Section.STEPS
        )


def _telling(
    faq: FaqIndex,
    terms: list[str],
    within: frozenset[int],
    focus: frozenset[str],
    kinds: frozenset[str],
    places: Places,
    cues: frozenset[str] = frozenset(),
) -> FaqMatch | None:
    """The best entry for `terms`; or, when it does not ask the message's kind of question
    (`kinds`), a close one that does (`_of_kind`), not of another place than the message's
    (`places`); or, when it does not say the message's rarest word ("my wrists hurt in
    plank": an entry on a sore lower back), a close one that does (hands or forearms, whose
    answer spares the wrists). The words that ask for a part (`cues`) are not that word."""
    if not terms or not within:
        return None
    found = faq.match(
        terms, within=within, limit=KIND_RIVALS, known_only=True, by_page=False, focus=focus
    )
    if not found:
        return None
    best = found[0]
    of_kind = _of_kind(faq, found, terms, focus, kinds, places)
    if of_kind is not None:
        return of_kind
    found = found[:RIVALS]
    # (a word that asks for a part, "instead", is what is asked, not the problem told)
    rarest = faq.rarest([t for t in terms if t not in cues])
    if rarest is None or faq.holds(best.entry_id, rarest):
        return best
    if rarest in faq.context_of(best.exercise_id) and best.own >= OWN_FULL:
        # A word the exercise's own text describes it with ("all fours" in Bird Dog) may be
        # the exercise, not the problem told, however rare: the best entry, which states
        # that problem, stays.
        return best
    return next(
        (
            m
            for m in found[1:]
            if faq.holds(m.entry_id, rarest) and m.score >= best.score - RAREST_SLACK
        ),
        best,
    )


def _of_kind(
    faq: FaqIndex,
    found: list[FaqMatch],
    terms: list[str],
    focus: frozenset[str],
    kinds: frozenset[str],
    places: Places,
) -> FaqMatch | None:
    """The entry that asks the message's kind of question (how far, how long, how to breathe,
    may I, where to feel it, a pain: `Message.kinds`), when the best of those `found` asks
    another or none, and it comes within KIND_SLACK of it.

    The entries of one exercise all share the words that describe it ("bend", "side" in a
    side bend), so the one sharing most of them may answer another question: "how deep do I
    bend sideways?" is asked by the entry on how far to go, not by one on breathing as you
    bend, nor by one on a hip lifting as you bend. What kind of question each asks tells them
    apart where their words hardly do. Not where the best says more of what is asked (the
    question sentence's words, after a story): "my neck aches in it" is answered by the entry
    on the neck's weight, not by one on sore wrists, although that one asks of a pain too;
    nor by an entry on another place than the message names (`places`). When the message
    asks no kind in so many words but tells a problem of a place, an entry asking what only
    a question asks (ONLY_ASKED) gives way to one on that place asking none of those."""
    best = found[0]
    if kinds and not faq.kinds_of(best.entry_id).isdisjoint(kinds):
        return None
    asked = {t for t in terms if not focus or t in focus}

    def said(match: FaqMatch) -> int:
        return sum(faq.holds(match.entry_id, t) for t in asked)

    if not kinds:
        # Nothing asked in so many words, but a problem told of a place of the body: the
        # best gives way when it asks what only a question asks (how far, how to breathe, may
        # I...), to an entry on that place asking none ("my shoulders hike up to my ears in
        # the swan" against "how high should I go?")
        told = places.felt | places.faulted
        if not told or not faq.kinds_of(best.entry_id) & ONLY_ASKED:
            return None
        return next(
            (
                m
                for m in found[1:]
                if not faq.kinds_of(m.entry_id) & ONLY_ASKED
                and m.score >= best.score - KIND_SLACK
                and m.own >= OWN_FLOOR
                and said(m) >= said(best)
                and within(faq, m.entry_id, told)
            ),
            None,
        )
    # A kind only a question asks (how to breathe, how far, how long, where to feel it),
    # which one entry of the page asks: that entry, however few words it shares ("seal: in
    # or out when I roll back?" against "I roll too far back in Seal...")
    said_kinds = kinds & SAID_KINDS
    if said_kinds:
        asking = [m for m in found if not faq.kinds_of(m.entry_id).isdisjoint(said_kinds)]
        if len(asking) == 1 and not apart(faq, asking[0].entry_id, places):
            return asking[0]
    # An entry asking no kind of question may still ask this one in other words ("how do I
    # hold them up?" for "how do I keep them up?"): it gives way only to an entry that states
    # the problem told (OWN_FLOOR), not to one that only asks alike and answers nothing.
    unkind = not faq.kinds_of(best.entry_id)

    return next(
        (
            m
            for m in found[1:]
            if not faq.kinds_of(m.entry_id).isdisjoint(kinds)
            and m.score >= best.score - KIND_SLACK
            # (or it names the condition told: "I have osteoporosis. We always start with
            # the hundred, should I?" is the entry on osteoporosis, not one saying "always")
            and (said(m) >= said(best) or not faq.conditions_of(m.entry_id).isdisjoint(terms))
            and (m.own >= OWN_FLOOR or not unkind)
            and not apart(faq, m.entry_id, places)
        ),
        None,
    )


def _best(
    faq: FaqIndex,
    terms: list[str],
    within: frozenset[int],
    *,
    by_page: bool = False,
    focus: frozenset[str] = frozenset(),
) -> FaqMatch | None:
    if not terms or not within:
        return None
    found = faq.match(terms, within=within, limit=1, known_only=True, by_page=by_page, focus=focus)
    return found[0] if found else None


def _faq(match: FaqMatch, score: float, producer: str) -> Candidate:
    return Candidate(
        AnswerKind.FAQ,
        score,
        producer,
        exercise_id=match.exercise_id,
        faq_id=match.entry_id,
        evidence=f"fit {match.score:.2f}",
        fit=match.score,
    )
