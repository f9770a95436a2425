"""Producer: the exercise a message names, shown as a card of the part it asks; or the
exercises it may mean ("swan", "kneeling on all fours, which one") as suggestions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from bot.content import Level, Section
from bot.engine.answer import AnswerKind
from bot.engine.candidates import Candidate
from bot.engine.descriptions import implied
from bot.engine.index import LanguageIndex
from bot.engine.matching import NameMatch
from bot.engine.message import (
    NAME_SURE,
    OTHER_POSITION,
    Message,
    adjusted,
    body_words,
    done_elsewhere,
    only_the_body,
)
from bot.engine.places import within

CARD = 0.9  # a clearly named exercise, and nothing asked but it or one of its parts
# An exercise's card for a writer unsure which exercise it was (Message.unsure): below an
# answer (policy.ANSWER), above a "did you mean" of names sharing a word, so it is offered
# first (the engine caps every card of such a message here), beside its kin
UNSURE = 0.56
MAX_UNSURE_OPTIONS = 3  # the exercise named and the pages whose names hold its words
CARD_MORE_ASKED = 0.7  # its overview when the message says something more of it
CARD_UNANSWERED = 0.58  # ...or asks something more: below an answer, so only offered
CARD_FAULT = 0.62  # its mistakes, for a problem told and the right way asked: just an answer
CARD_OFF_TOPIC = 0.4  # its overview for a question in words no page uses: not an answer
PART_AND_MORE = 0.8  # a part asked with more said ("I follow a video ... can I keep doing
PART_AND_MORE_TERMS = 3  # it with osteoporosis?"): an entry that answers the rest goes first
VERSION = 0.96  # a version named by its own name ("teaser 2"): above the passages about it
CARD_LOOSE = 0.66  # a name only implied by a word or two ("the feet" of Toe Taps)
SEVERAL_NAMED = 0.9  # "side bend or mermaid?": both offered
DESCRIBED = 0.9  # "which one is done on my stomach": the exercises done that way
SHARED_WORDS = 0.55  # words several names share ("roll"), and nothing else fits: suggestions
SUGGEST_FLOOR = 0.5  # below this a partial name is not even a suggestion
OTHER_WORDS = 2  # words no page uses that, with FEW_KNOWN or fewer that pages do, make a
FEW_KNOWN = 2  # one-sentence message about another thing of the same name
MAX_SUGGESTIONS = 3
# Kinds of question (Message.kinds) asked of a movement and hardly of a thing: how to breathe,
# where to feel it
EXERCISE_KINDS = frozenset({"breath", "feel"})
DESCRIBED_AS_WELL = 0.1  # another exercise described within this share of the named one's fit
SHARED_MAX = 5  # exercises offered whose titles all hold the words said
FAMILY = 0.57  # a word of a family said ("the rolling one"): its pages, before descriptions
KIN_FIT = 0.15  # ...kin of the page whose title says it as written, by this much of its fit
# A name said with a body position its page is not done in: it and its kin done there
# offered, just above its doubted card (CARD * OTHER_POSITION)
MOVED = 0.64
MOVED_KIN = 0.3  # kin whose portraits explain this much of the named page's description


def unsure(message: Message) -> Iterator[Candidate]:
    """For a writer unsure which exercise it was (Message.unsure), the exercise named and the
    pages whose names hold the words it was named by ("scissors": the straight leg scissors
    too), whatever else they share, offered; nothing when no other page holds them. (Read
    after every producer: the engine caps their cards for such a message.)"""
    if not message.unsure or not message.named:
        return
    top = message.named[0]
    kin = [
        m.exercise_id
        for m in message.names
        if m.exercise_id != top.exercise_id and not m.positions.isdisjoint(top.positions)
    ]
    if kin:
        options = (top.exercise_id, *dict.fromkeys(kin))[:MAX_UNSURE_OPTIONS]
        yield Candidate(AnswerKind.SUGGESTIONS, UNSURE, "unsure", options=options)


def propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    named = message.named
    if not named or named[0].score < NAME_SURE:
        described = _described(message, index)
        if described:
            yield Candidate(AnswerKind.SUGGESTIONS, DESCRIBED, "described", options=described)
    off_topic = False
    if named and not _only_filter_words(named[0], message):
        card, off_topic = _card(message, index)
        yield card
        moved = _moved(message, index)
        if moved and not off_topic:
            yield Candidate(AnswerKind.SUGGESTIONS, MOVED, "names", options=moved)
    family = _family(message, index)
    if family:
        yield Candidate(AnswerKind.SUGGESTIONS, FAMILY, "names", options=family)
    options = _suggestions(message, index)
    if options and not off_topic:  # "what music is good for the roll up?": no "did you mean"
        yield Candidate(AnswerKind.SUGGESTIONS, SHARED_WORDS, "names", options=options)


def _card(message: Message, index: LanguageIndex) -> tuple[Candidate, bool]:
    """The named exercise's card (or the exercises named in full, to choose from), and whether
    the message is about something else than the exercise it names."""
    part = message.part
    named = message.subjects
    if len(named) > 1 and part is None:
        ids = tuple(m.exercise_id for m in named)
        return Candidate(AnswerKind.SUGGESTIONS, SEVERAL_NAMED, "names", options=ids), False
    top = named[0]
    other = _version_of_another(top, message, index) if top.title_score < 1.0 else None
    if other is not None:
        ids = (top.exercise_id, other)
        return Candidate(AnswerKind.SUGGESTIONS, SEVERAL_NAMED, "names", options=ids), False
    loose = top.title_score < 1.0 and top.score < 1.0
    used = message.name_positions | message.cue_positions
    more = [t for t in message.content_terms(used) if t in index.faq]
    off_topic = asks_about_something_else(top, message, index)
    if not off_topic and (part is None or part.section in (Section.OVERVIEW, Section.STEPS)):
        other = _called_so_too(top, more, message, index)
        if other is not None:
            ids = (top.exercise_id, other)
            return Candidate(AnswerKind.SUGGESTIONS, SEVERAL_NAMED, "names", options=ids), False
    off_topic = asks_about_something_else(top, message, index)
    if off_topic:
        score = CARD_OFF_TOPIC
    elif loose:
        score = CARD_LOOSE
    elif part is not None and part.tentative:
        score = CARD_MORE_ASKED  # "where is the saw meant to burn?": an entry on it goes first
    elif part is None and more:
        # A named exercise plus a question is a question about it: the overview answers only
        # when nothing better does, and is no answer at all to a question nothing answers
        # ("is the saw good before a long flight?"): then it is offered, not asserted.
        score = CARD_UNANSWERED if message.asks else CARD_MORE_ASKED
    elif part is not None and message.asks and len(more) >= PART_AND_MORE_TERMS:
        score = PART_AND_MORE
    elif part is not None and _kind_an_entry_asks(top.exercise_id, message, index):
        # "is it safe with a disc problem, or should I modify it?": an entry asking whether
        # it may be done answers before its easier versions
        score = PART_AND_MORE
    else:
        score = CARD
    if done_elsewhere(message.position, top.exercise_id, index):
        score *= OTHER_POSITION
    if score < CARD and _described_as_well(top, message):
        score = min(score, CARD_UNANSWERED)
    section, level = (part.section, part.level) if part else (Section.OVERVIEW, None)
    if asks_right_way_of_problem(message, index) or _problem_alone(message, index):
        # what goes wrong and how to put it right is an answer, if only just (any entry
        # that answers goes first): no "did you mean" of the exercise named
        section, score = Section.MISTAKES, max(score, CARD_FAULT)
    if section in (Section.OVERVIEW, Section.STEPS):
        # "teaser 3 please", "how do I do the bent knee teaser": a version of it named, the
        # card of that version (its words are a name, not more asked)
        version = _version_named(top, message, index)
        if version is not None:
            version_level, version_terms = version
            section, level = Section.MODIFICATIONS, version_level
            if not set(more) - version_terms:  # nothing asked of it but the version
                score = max(score, VERSION)
    card = Candidate(
        AnswerKind.EXERCISE,
        score,
        "names",
        exercise_id=top.exercise_id,
        section=section,
        level=level,
        evidence=top.name,
    )
    return card, off_topic


def asks_right_way_of_problem(message: Message, index: LanguageIndex) -> bool:
    """Whether the message tells a problem of a place of the body and asks how to do the
    exercise right, or how to fix it ("my knees splay in the bridge, how do I do it
    properly?"): the page's mistakes say what goes wrong and how to put it right; its steps
    say only how it goes."""
    part = message.part
    asks = (part is not None and part.section is Section.STEPS) or (
        # (a fix asked as "what is the ...?" says the overview's "what is" too)
        (part is None or part.section is Section.OVERVIEW) and "fix" in message.kinds
    )
    if not asks or not message.places.named:
        return False
    if message.analysis.positions_of(index.lexicon.trouble - index.lexicon.faults):
        return True  # "my neck hurts", "keeps": a problem whatever else is said
    told = tells_problem(message, index, places=False) or own_body_told(message, index)
    return told and not _describes_named(message)


def _problem_alone(message: Message, index: LanguageIndex) -> bool:
    """Whether the message tells a problem of a place of the writer's own body and asks
    nothing else: no part, no kind of question ("neck pull: my elbows fold in as I come up")."""
    places = message.places.named
    if (message.part is not None and not _what_alone(message, index)) or message.kinds - {"pain"}:
        return False
    if not places:
        return False
    told = tells_problem(message, index, places=False) or own_body_told(message, index)
    if not told or _describes_named(message):
        return False
    # (an entry of the page on a place the message names may be its answer in other words:
    # "my wrist feels weak" may be an entry on sore wrists in other words; it is
    # offered, not passed over for the mistakes)
    # (an entry on a pain there answers no fault of form told with no pain: "my knees go
    # wide apart as I kick" is not "my knees hurt as I kick")
    # (unless they share its word of trouble: "the shoulder I lean on wobbles" asks the entry on a
    # wobbly or sore shoulder)
    lexicon = index.lexicon
    painless = not tells_pain(message, index)
    a = message.analysis
    trouble = lexicon.trouble
    troubles = [t for w, t in zip(a.words, a.terms, strict=True) if w in trouble or t in trouble]
    entries = index.faq.entries_of(message.subjects[0].exercise_id)
    return not any(
        within(index.faq, e, places)
        and not (
            painless and "pain" in index.faq.kinds_of(e) and not index.faq.asks_any(e, troubles)
        )
        for e in entries
    )


def _what_alone(message: Message, index: LanguageIndex) -> bool:
    """Whether the part asked is the overview, asked in question words alone ("my ribs pop
    up, what's that about?"): after a problem told, what it is about, not what the exercise
    is."""
    part = message.part
    if part is None or part.section is not Section.OVERVIEW or not part.chosen_at:
        return False
    a = message.analysis
    asking = index.lexicon.language.question_words
    return all(a.stop[p] or a.words[p] in asking or a.terms[p] in asking for p in part.chosen_at)


def _describes_named(message: Message) -> bool:
    """Whether the message's words are the named exercise's own description ("the standing
    roll down, rolling down through my spine bone by bone"): a body told doing the movement."""
    return bool(message.portrayed and message.subjects) and (
        message.portrayed[0][0] == message.subjects[0].exercise_id
        and message.portrayed[0][1] >= OWN_WORDS_FIT
    )


# A message its named exercise's own text explains this much of says the movement
OWN_WORDS_FIT = 0.8
# How far before a place of the body a word of the writer's ("my", "me") makes it theirs
OWN_BODY_REACH = 3


def own_body_told(message: Message, index: LanguageIndex) -> bool:
    """Whether the message tells what a place of the writer's own body does ("my left hip
    turns out", "se me tuerce la muñeca"): asked beside how to do it right, that
    is a problem, whatever the verb."""
    a = message.analysis
    speaker = index.lexicon.speaker
    # (before it, "my left hip"; or after it, where Spanish says whose it is: "el pie
    # de apoyo se me va")
    return any(
        any(a.words[p] in speaker for p in range(max(0, min(at) - OWN_BODY_REACH), min(at)))
        or any(
            a.words[p] in speaker
            for p in range(max(at) + 1, min(len(a.words), max(at) + 1 + OWN_BODY_REACH))
        )
        for _, at in index.lexicon.places(a)
    )


# The kinds of question a message asks, not tells (how to breathe, how far, how long, where
# to feel it, may I, how two differ: Message.kinds)
ONLY_ASKED = frozenset({"breath", "extent", "duration", "feel", "safety", "compare"})


def _moved(message: Message, index: LanguageIndex) -> tuple[str, ...]:
    """The exercise named, and its kin done in the body position stated, when its own page
    does it in another ("the saw lying on my front": the face-down pages most like the saw):
    the name and the position point at different pages, so both are offered."""
    top = message.subjects[0]
    if message.position is None or not done_elsewhere(message.position, top.exercise_id, index):
        return ()
    there = frozenset(index.done_in(message.position[0]))
    kin = [
        e
        for e, fit in index.kin(top.exercise_id)
        if e != top.exercise_id and e in there and fit >= MOVED_KIN
    ]
    if not kin:
        return ()
    return (top.exercise_id, *kin[: MAX_SUGGESTIONS - 1])


def _kind_an_entry_asks(exercise_id: str, message: Message, index: LanguageIndex) -> bool:
    """Whether the message asks a kind of question (ONLY_ASKED) that an entry of the
    exercise asks too."""
    asked = message.kinds & ONLY_ASKED
    return bool(asked) and any(
        not index.faq.kinds_of(e).isdisjoint(asked) for e in index.faq.entries_of(exercise_id)
    )


def _described_as_well(top: NameMatch, message: Message) -> bool:
    """Whether a name only half said (most of a keyword, none of the title) comes with words
    that another exercise's own text explains at least about as well as the named one's
    ("lifting an arm and the other leg": Bird Dog's keyword, or Dead Bug's movement): then
    the name chose nothing, and its card is only offered."""
    if top.title_score >= 1.0 or top.score >= 1.0 or not message.portrayed:
        return False
    fits = dict(message.portrayed)
    own = fits.get(top.exercise_id, 0.0)
    other = max((f for e, f in message.portrayed if e != top.exercise_id), default=0.0)
    return other >= own - DESCRIBED_AS_WELL * max(own, other)


def asks_about_something_else(top: NameMatch, message: Message, index: LanguageIndex) -> bool:
    """Whether a message naming `top` asks about something no page covers: "what music is
    good for the roll up?", "what year did the teaser appear?"."""
    part = message.part
    if with_equipment_no_page_uses(message, index) or in_other_words(message, index):
        return True  # "can I do the teaser on a reformer?", "an oak plank for a bookcase"
    if everyday_thing(top, message, index):
        return True
    used = message.name_positions | message.cue_positions
    more = [t for t in message.content_terms(used) if t in index.faq]
    a = message.analysis
    other = [
        w
        for p, w in enumerate(a.words)
        if p not in used and not a.stop[p] and index.speller.is_other_word(w)
    ]
    # a part only guessed at ("which bit should be burning?") asks no more than the name alone
    general = part is None or part.tentative or part.section in (Section.OVERVIEW, Section.STEPS)
    # Before the name is what the question is about ("what music is good for the roll up?",
    # "how do I clean my mat after side plank?"); after it, often an aside ("how do I do the
    # corkscrew? asking for my grandma", "tell me the steps of the swan dive please mate").
    head = range(min(top.positions))
    other_set, more_set = set(other), set(more)
    other_head = [a.words[p] for p in head if p not in used and a.words[p] in other_set]
    more_head = [a.terms[p] for p in head if p not in used and a.terms[p] in more_set]
    # as many words no page uses as words pages do; or "what year did the teaser appear?"
    # with nothing else asked: the card is no answer
    return bool(general and other_head and len(other_head) >= len(more_head)) or bool(
        part is None and other and not more
    )


def in_other_words(message: Message, index: LanguageIndex) -> bool:
    """Whether a one-sentence message says mostly words of the language that no page uses,
    and few that pages do, asking for no part of an exercise: the name is another thing of the
    same name ("an oak plank for a bookcase", "oiling the chain of my bicycle")."""
    part = message.part
    general = part is None or part.tentative or part.section in (Section.OVERVIEW, Section.STEPS)
    if message.focus or not general:
        return False  # "tips for the teaser" asks for a part of the exercise
    a = message.analysis
    used = message.name_positions | message.cue_positions
    said = [p for p in range(len(a.words)) if p not in used and not a.stop[p]]
    other = sum(index.speller.is_other_word(a.words[p]) for p in said)
    known = sum(a.terms[p] in index.faq for p in said)
    return other >= OTHER_WORDS and other > known and known <= FEW_KNOWN


def with_equipment_no_page_uses(message: Message, index: LanguageIndex) -> bool:
    """Whether the question asks about doing it on or with equipment no page says a word of
    ("can I do the teaser on a reformer?", "a plank with dumbbells on my back"); a chair, a
    wall or a ball that the pages' versions use are theirs to answer."""
    a = message.analysis
    used = message.name_positions | message.cue_positions
    lexicon = index.lexicon
    for _, span in lexicon.equipment.find_all(a):
        # said in the question, not in its story ("I've been doing chair exercises... how is
        # the dead bug done?"), and not a name's own word (the ball of Rolling Like a Ball)
        asked = not message.focus or any(a.terms[p] in message.focus for p in span)
        # done on it or with it ("on a reformer", an article between), not "my reformer
        # teacher"
        on_it = any(a.words[p] in lexicon.done_with for p in range(max(0, span[0] - 2), span[0]))
        unknown = not any(a.terms[p] in index.faq for p in span)
        if asked and on_it and unknown and used.isdisjoint(span):
            return True
    return False


# Another page's name that holds a title's word said alone this well is called so too
CALLED_SO_TOO = 0.5


def _called_so_too(
    top: NameMatch, more: list[str], message: Message, index: LanguageIndex
) -> str | None:
    """Another exercise that a title said alone is also a name of, and that nothing else the
    message says (`more`) describes clearly worse than it: "the bicycle, please" may be
    the Bicycle or the Criss-Cross, whose keyword "bicycle crunch" holds the word. Not a page
    whose title holds it ("side plank" is a kind of plank: "plank" alone is the Plank)."""
    a, fillers = message.analysis, index.lexicon.name_fillers
    said = {p for p in top.positions if a.stems[p] not in fillers}
    if top.title_score < 1.0 or len(top.title_positions) != 1 or said != top.title_positions:
        # (the title's one word and nothing more: "the pilates bicycle" is the Bicycle; a
        # title of two words is hardly another page's name as well)
        return None
    others = [
        m
        for m in message.names
        if m.exercise_id != top.exercise_id
        and m.title_score == 0.0
        and m.score >= CALLED_SO_TOO
        and m.positions == top.title_positions
    ]
    if len(others) != 1:
        return None
    other = others[0].exercise_id
    if more:
        fits = dict(index.faq.describe(more, limit=len(index.pages)))
        if fits.get(top.exercise_id, 0.0) - fits.get(other, 0.0) >= DESCRIBED_AS_WELL:
            return None  # "bicycle with my hips up on my hands": its own movement told
    return other


def _version_named(
    top: NameMatch, message: Message, index: LanguageIndex
) -> tuple[Level, frozenset[str]] | None:
    """The level and words of the exercise's modification whose name the message says: the
    words of it that are not the exercise's own, right before or right after the exercise's
    name ("teaser 2", "bent knee teaser"), as one name."""
    found = _version_said(top, message, index)
    return None if found is None else (found[0], found[1])


def _version_said(
    top: NameMatch, message: Message, index: LanguageIndex
) -> tuple[Level, frozenset[str], frozenset[int]] | None:
    """`_version_named`, with the positions of the version's words ("natación a cuatro patas":
    the little words between the name and them stepped over)."""
    a = message.analysis
    solid = [p for p in range(len(a)) if not a.stop[p] or a.terms[p].isdigit()]
    first, last = min(top.positions), max(top.positions)
    before = [p for p in solid if p < first]
    after = [p for p in solid if p > last]
    for version_level, terms in index.versions(top.exercise_id):
        width = len(terms)
        if width < 2 and not any(t.isdigit() for t in terms):
            continue  # "Boomerang in Parts": one everyday word beside a name names nothing
        for span in (before[len(before) - width :] if width <= len(before) else [], after[:width]):
            if span and frozenset(a.terms[p] for p in span) == terms:
                return version_level, terms, frozenset(span)
    return None


def _version_of_another(top: NameMatch, message: Message, index: LanguageIndex) -> str | None:
    """Another exercise whose title the message says in full, with the name of one of its
    versions, in the words that name `top` ("plank with a leg lift": Leg Pull Front's keyword,
    and Plank's harder version "Plank with Leg Lift")."""
    for match in message.names:
        if (
            match.exercise_id == top.exercise_id
            or match.title_score < 1.0
            or not match.positions <= top.positions
        ):
            continue
        found = _version_said(match, message, index)
        if found is not None and found[2] <= top.positions:
            return match.exercise_id
    return None


def _only_filter_words(named: NameMatch, message: Message) -> bool:
    """A name matched only through filter words: "random adductor exercise" is a random
    pick, not the page whose keyword is "adductor exercise"."""
    core = named.positions & message.analysis.said
    request = message.request
    return core <= request.positions and (named.score < 1.0 or request.asked)


def _described(message: Message, index: LanguageIndex) -> tuple[str, ...]:
    """Exercises a message points at by body position, and maybe a word of their names:
    "kneeling on all fours, which one", "la de boca abajo". Empty unless that is all it says."""
    if message.position is None:
        return ()
    clear = implied(message)
    if clear is not None and clear[0] in index.done_in(message.position[0]):
        return ()  # the rest describes one of them clearly: the description producer's
    position, span = message.position
    rest = message.analysis.said - set(span)
    if not rest <= message.lookup.words:
        return ()  # more than a reference: a question, say
    done_there = index.done_in(position)
    there = list(done_there)
    # "the kick lying face down": among the exercises there, those whose titles hold
    # the rest; when that leaves one ("standing roll"), naming it is the name stage's job.
    # At most one more than could be offered: more than that is as good as too many. Every
    # exercise there is ranked, however many a common word touches.
    named = [
        m.exercise_id
        for m in index.names.lookup(
            message.analysis,
            None,
            among=done_there,  # the index's own sequence: its rows are remembered
            covering=frozenset(rest),
            enough=MAX_SUGGESTIONS + 1,
        ).matches
    ]
    if rest and len(named) == 1:
        return ()
    if 2 <= len(named) < MAX_SUGGESTIONS:
        # ...and those another of whose names holds the rest ("seated saw twist" of a page
        # whose title says no twist), after them, as long as all can be offered
        holding = [
            m.exercise_id
            for m in message.names
            if m.exercise_id in done_there and m.exercise_id not in named and m.positions >= rest
        ]
        if len(named) + len(holding) <= MAX_SUGGESTIONS:
            named += holding
    if len(there) > MAX_SUGGESTIONS:
        there = named
    if not 2 <= len(there) <= MAX_SUGGESTIONS:
        return ()
    return tuple(there)


def _suggestions(message: Message, index: LanguageIndex) -> tuple[str, ...]:
    names = message.names
    said = message.analysis.said
    if not names:
        return ()
    sharing = [m for m in names if said and m.title_positions >= said]
    if len(sharing) >= 2:
        # Nothing but words several titles share ("roll", "double leg"): those exercises.
        # All of them, up to SHARED_MAX: "single leg" is any of four, and leaving one out
        # offers a choice that may not hold the one meant.
        sharing.sort(key=lambda m: m.title_score, reverse=True)
        # When fewer titles share them than a choice offers, the exercises another of whose
        # names holds those words come after them ("press": two titles with it, and a "leg
        # press" keyword of a third): the word is the family's, and the one meant may be
        # called by it though its title does not say it.
        holding = [m for m in names if m not in sharing and m.positions >= said]
        if len(sharing) >= MAX_SUGGESTIONS:
            holding = []
        return tuple(m.exercise_id for m in [*sharing, *holding][:SHARED_MAX])
    # A phrase of several words that each of several names holds whole, though none of their
    # titles ("series of five", said in a keyword of each exercise of that series)
    phrase = [m for m in names if len(said) >= 2 and m.positions >= said]
    if len(phrase) >= 2:
        return tuple(m.exercise_id for m in phrase[:SHARED_MAX])
    # "did you mean Shoulder Bridge?" is no question to ask of "my shoulders ache"
    body = body_words(message.analysis, index)
    names = [m for m in names if not only_the_body(m, message.analysis, body)]
    names = _in_position(names, message, index)
    if not names:
        return ()
    scores = [(m.exercise_id, adjusted(m, message.analysis, index, frozenset())) for m in names]
    top = scores[0][1]
    if top < SUGGEST_FLOOR:
        return ()
    picked = [
        exercise_id for exercise_id, score in scores if score >= max(SUGGEST_FLOOR * 0.7, top - 0.5)
    ]
    return tuple(picked[:MAX_SUGGESTIONS])


def _in_position(names: list[NameMatch], message: Message, index: LanguageIndex) -> list[NameMatch]:
    """With a body position stated ("the kicks lying on my front"), the names of exercises
    done there first, those whose pages say nothing of it after, and none done elsewhere."""
    if message.position is None:
        return names
    there = frozenset(index.done_in(message.position[0]))
    kept = [m for m in names if not done_elsewhere(message.position, m.exercise_id, index)]
    return sorted(kept, key=lambda m: m.exercise_id not in there)  # stable: score order kept


def _family(message: Message, index: LanguageIndex) -> tuple[str, ...]:
    """The pages of a family named by the word they share ("the rolling one", "el de
    rodar"): several names hold the word, but one title says it as written ("Rolling Like a
    Ball", not Roll Up's "roll"): that page and its kin (`LanguageIndex.kin`: the pages whose
    portraits explain its description) that say the word too, none done in another body
    position than the one stated. Nothing when a name is said outright."""
    if any(m.score >= NAME_SURE or m.title_score >= 1.0 for m in message.named):
        return ()
    a = message.analysis
    faq = index.faq
    if not a.said or any(a.terms[p] not in faq for p in a.said):
        return ()  # a word no page says is about something else ("a hip thrust")
    names = message.names
    # the words several names hold, one title at least
    held = Counter(p for m in names for p in m.positions)
    titled = frozenset().union(*(m.title_positions for m in names))
    shared = frozenset(p for p, count in held.items() if count >= 2 and p in titled and p in a.said)
    body = body_words(a, index)
    if not shared or shared & body:
        return ()  # a place of the body is what a problem is told of ("my hips")
    if not all(index.speller.is_typical(a.words[p]) for p in shared):
        return ()  # a word the pages use no more than the language does ("a series to watch")
    if sum(m.positions >= a.said for m in names) >= 2 and len(a.said) >= 2:
        return ()  # a phrase several names hold whole is theirs ("series of five")
    own = [
        m
        for m in names
        if m.title_positions >= shared
        and _as_written(frozenset(a.words[p] for p in shared), index.title_words(m.exercise_id))
    ]
    if len(own) != 1:
        return ()  # none, or several titles say it ("bridge"): the names' own choice
    anchor = own[0].exercise_id
    if done_elsewhere(message.position, anchor, index):
        return ()
    terms = frozenset(a.terms[p] for p in shared)
    # A title holding the word in another form ("Roll Up" for "rolling") is no kin by it
    other_form = {m.exercise_id for m in names if m.title_positions & shared} - {anchor}
    kin = index.kin(anchor)
    best = kin[0][1] if kin and kin[0][0] == anchor else 1.0
    # each page's claim: how much its portrait explains the anchor's description, and how
    # much of a name of its own holding the word is said ("hip circles", "rolling seal")
    claim = {e: fit for e, fit in kin if e != anchor and fit >= KIN_FIT * best}
    for m in names:
        if m.exercise_id != anchor and m.positions >= shared:
            claim[m.exercise_id] = claim.get(m.exercise_id, 0.0) + m.score
    found = sorted(
        (
            e
            for e in claim
            if e not in other_form
            and terms <= index.faq.context_of(e)
            and not done_elsewhere(message.position, e, index)
        ),
        key=lambda e: -claim[e],
    )
    if not found:
        return ()
    return (anchor, *found[: MAX_SUGGESTIONS - 1])


def _as_written(said: frozenset[str], title: frozenset[str]) -> bool:
    """Whether a title holds the words said as written, but for a plural's "s" ("kicks" is
    "Kick", while "rolling" is not "Roll")."""
    own = {w.removesuffix("s") for w in title}
    return all(w.removesuffix("s") in own for w in said)


def everyday_thing(top: NameMatch, message: Message, index: LanguageIndex) -> bool:
    """Whether a message naming `top` by a name that is also an everyday thing ("seal",
    "saw", "corkscrew", see `LanguageIndex.plain_name`) is about that thing: it says words
    no page uses ("sharpen", "bath", "cornwall") and no sign of Pilates. A sign is a word the
    pages use far more than the language does ("neck", "exhale"), a muscle, a body position,
    "pilates" or "exercise", or a part asked in its own words ("tips", "mistakes"). A part
    asked in words of any subject counts for one: "why bother with..." asks its benefits,
    but "how do I" and "see" ask as much of a hand saw or of seals as of an exercise."""
    a = message.analysis
    lex = index.lexicon
    speller = index.speller
    if message.position is not None or any(w in lex.domain_words for w in a.words):
        return False
    if message.kinds & EXERCISE_KINDS:
        return False  # "when do I breathe out in the saw?": asked of a movement, not a thing
    if not lex.conditions.isdisjoint(a.terms):
        return False  # "30 weeks along and pregnant: is the hundred still ok?": a body's condition
    used = message.name_positions | message.cue_positions
    rest = [p for p in range(len(a.words)) if p not in used and not a.stop[p]]
    if not rest or not index.plain_name(top.exercise_id, top.name):
        return False  # "the saw please", "saw tips": nothing said but the name and a part
    signs = 0
    part = message.part
    if part is not None and not part.tentative:
        if not all(speller.is_plain(a.words[p]) for p in part.positions):
            return False
        if part.section not in (Section.STEPS, Section.VIDEO):
            signs += 1
            between = range(max(part.positions) + 1, min(top.positions))
            if between and all(a.stop[p] for p in between):
                signs += 1  # asked of it outright: "what is the teaser, my friend said it"
    first = min(top.positions)
    if first <= min(a.said, default=0) and (first == 0 or a.words[first - 1] not in lex.speaker):
        # said first, the topic ("the saw, walk me through it"), not one's own ("my saw")
        signs += 1
    # After a story, its question tells what was asked ("how do I do the corkscrew? for my
    # gran"), unless the name is the story's: its words then tell what thing it is ("my saw
    # sticks in the log. how do i fix it").
    asked = message.focus if message.focus and message.said_in_question(top.positions) else None
    # "a seal" is one of many seals: a word of the body or of the pages then only weighs
    # against it, for it may be the thing's ("a dead bug with long legs on the floor")
    thing = said_as_a_thing(top, message, index)
    other = int(thing)
    # what its page says, and its entries: a rare word none of them says ("replace", "oil")
    # is the thing's, whatever other pages say
    world = index.faq.world_of(top.exercise_id)
    for p in rest:
        word = a.words[p]
        body = word in lex.muscles or a.stems[p] in index.muscle_words
        if speller.is_typical(word) or body:
            if not thing:
                return False
            # ...and a word of the body, only when it is one's own ("on my back"): "it comes
            # back", "a saw with a long back" say it of the thing
            if not body or (p > 0 and a.words[p - 1] in lex.speaker):
                signs += 1
            continue
        if asked is not None and a.terms[p] not in asked:
            continue
        if speller.is_other_word(word) or (
            # known to a table or by a form of it, but hardly said by a page ("sharpen")
            speller.is_scarce(word) and word not in lex.table_words and a.terms[p] not in world
        ):
            other += 1
    return other > signs


def said_as_a_thing(top: NameMatch, message: Message, index: LanguageIndex) -> bool:
    """Whether a name is said after an indefinite article, as one thing among many ("there's a
    seal on the rocks", "sharpen a saw", "una foca en la playa"): people call an exercise by
    its name or "the ...". Not after a word of doing it, going into it or likening it ("do a
    jackknife", "up into a teaser", "like a seal"); a possessive tells nothing ("my saw")."""
    a = message.analysis
    lex = index.lexicon
    first = min(top.positions)
    if first == 0 or a.words[first - 1] not in lex.indefinite:
        return False
    return first == 1 or a.words[first - 2] not in lex.exercise_leads


def tells_pain(message: Message, index: LanguageIndex) -> bool:
    """Whether the message, read whole, tells a pain ("hurts", "a pinch", "me duele"): a fault
    of form told without one is no question on an entry about a pain."""
    return "pain" in index.lexicon.kinds(message.analysis)


def tells_problem(message: Message, index: LanguageIndex, *, places: bool = True) -> bool:
    """Whether the message names a place of the body (unless `places` is false), or says a
    word that tells a problem or a fault of form ("hurts", "keeps", "sinks")."""
    lexicon = index.lexicon
    a = message.analysis
    words = lexicon.trouble | lexicon.faults
    # (not the words asking for a part: "what do people get wrong?")
    cues = message.cue_positions
    return (places and bool(message.places.named)) or any(
        w in words or t in words
        for p, (w, t) in enumerate(zip(a.words, a.terms, strict=True))
        if p not in cues
    )
