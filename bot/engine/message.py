"""A message read once: its words, the names it says, the part it asks, a random request with
its filters, a body position, small talk, an exercise from outside the library.

Every producer reads this; none analyses the text again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bot.content import RandomFilters, Section
from bot.engine.faq import position_term
from bot.engine.index import LanguageIndex
from bot.engine.intent import (
    PartAsked,
    RandomRequest,
    SmallTalk,
    find_foreign_exercise,
    find_part,
    find_random,
    find_small_talk,
)
from bot.engine.lexicon import Analysis, Lexicon
from bot.engine.matching import EXACT, NameLookup, NameMatch
from bot.engine.places import Places, problem_places
from bot.languages.text import fold, words

# How sure a name must be (share of its weight the message holds), calibrated on the
# development sets (a name said in full: matching.EXACT).
NAME_SURE = 0.8  # share of a name's weight a message must contain to name it
NAME_MARGIN = 0.15  # and by how much it must beat the next exercise
NAME_ALONE = 0.62  # enough when no other exercise comes near (typos, half names)
RIVAL_NEAR = 0.45  # a rival this close makes a name below NAME_SURE unsure
RIVAL_TITLE = 0.4  # a rival whose own title holds this much of the message: ambiguous
FRAGMENT_FLOOR = 0.3  # a lone piece of exactly one name, see _fragment
DESCRIPTION_TERMS = 3  # words it takes to describe a movement ("lie face down, lift chest")
UNKNOWN_NEIGHBOUR = 0.85  # a name next to a word no page uses may be part of something else
NEAR = 2  # words apart that are still said together ("roll back up")
# Distinct terms a description needs before the pages' whole portraits rank it: fewer ("singel
# leg kick easier") are more often a name half said than a movement, and their pairs mislead.
PORTRAIT_TERMS = 6
DESCRIBED_READ = 6  # exercises a description is read against when a position is stated...
DESCRIBED_KEPT = 3  # ...of which the best are kept
# An exercise its page says is done in another body position than the one the message
# states, named or described, is doubted this much.
OTHER_POSITION = 0.7
# ...and one that counts what moves only otherwise ("both legs" where one leg is said)
OTHER_COUNT = 0.65
SHORT_QUESTION = 7  # words: a message this short asks with any question word in it
LONG_TITLE = 3  # words of a title that, said in full, is never said in passing
PASSING_TERMS = 6  # words besides the name it takes to describe another exercise...
PASSING_FIT = 0.65  # ...whose own text explains this share of the message...
PASSING_GAP = 0.25  # ...this much better than the named exercise's
# A name of everyday words only ("rolling back", "leg pull") is a description's own words as
# often as a name: another exercise's text that explains this share of the message, this
# much better than the named one's, says what was meant.
PLAIN_PASSING_FIT = 0.5
PLAIN_PASSING_GAP = 0.12
# Read against the pages' whole portraits, a story's own words (an age, a class, a feeling)
# weigh in the share too, and a page that portrays the movement told explains less of it: a
# name of everyday words gives way to one that explains this share, this much better.
PORTRAIT_PLAIN_FIT = 0.35
PORTRAIT_PLAIN_GAP = 0.1
# A name said as what a description is compared with or the family it belongs to
# (message._framed) gives way to an exercise whose text explains this share of the message,
# this much better than the named one's; a name done in another body position than the one
# stated, to one explaining this share, this much better.
FRAMED_FIT = 0.35
FRAMED_GAP = 0.1
FRAMED_REST = 0.4  # ...unless its own text explains this share of the words besides its name
MOVED_FIT = 0.5
MOVED_GAP = 0.2

LONG_MESSAGE_WORDS = 60  # beyond this, the question is in the last sentences
TAIL_WORDS = 25
QUESTION_WORDS = 8  # a shorter last question is read with the sentences before it
MAX_SENTENCES = 6  # sentences of a message read for the movement they describe
SENTENCE_MARGIN = 0.1
STORY_SENTENCES = 12  # the sentences before the question searched for the exercise it is about
# Words besides articles between a word that tells a name's role and the name ("antes hacía el
# puente", "used to do the roll up"): Language.name_roles
ROLE_GAP = 1
# A sentence this long, without a full stop in it, may tell a story and then ask ("im 72 and my
# knee clicks in the bridge how do i stop it"): its question starts at an opener
# (Language.question_openers) said after a few words of story, with a few words to ask.
RUN_ON_WORDS = 16
RUN_ON_STORY = 4
RUN_ON_QUESTION = 2
RUN_ON_UNMARKED = 1  # words after an opener written without its accent ("que hago mal")
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
_CLAUSE_END = re.compile(r"[.!?,;:\n]+|\s[-\u2013\u2014]+\s")
_HAS_WORD = re.compile(r"[^\W_]")
# A heading: the message's first words, then a colon or a dash ("Seal: ...", "seal - ...").
# The words end at a letter or a sign, not a space: the spaces after them are the colon's or
# the dash's, so that each run of spaces is read once (a heading ending anywhere in a run read
# the rest of the run again from each of its spaces: 4 000 spaces cost 0.17 s).
_HEADING = re.compile(r"^([^:.!?,;\n]*?[^:.!?,;\s])\s*(?::|\s[-\u2013\u2014]+\s)")


@dataclass(frozen=True, slots=True)
class Message:
    analysis: Analysis
    lookup: NameLookup  # every name the words touch, best first
    named: list[NameMatch]  # the exercises it clearly names, the main one first
    part: PartAsked | None  # the part asked, the names' words left out
    request: RandomRequest
    position: tuple[str, tuple[int, ...]] | None
    talk: SmallTalk | None
    foreign: frozenset[int]
    about: str | None  # the exercise on screen, if any
    described: list[tuple[str, float]]  # exercises whose own text explains the words, best first

    @property
    def leans_on_context(self) -> bool:
        """It refers back ("it", "this one", "lo") and names no exercise of its own."""
        return not self.named and self.refers_back

    refers_back: bool = False
    asks_which: bool = False  # "what's it called when...": the name of a described exercise
    # A question or a problem told ("?", "how...", "...hurts"): what a FAQ entry or a page's
    # mistakes answer. "on all fours, one arm and the other leg reaching away" does neither.
    asks: bool = True
    asks_outright: bool = True  # asks, or tells a problem, in words that do (not "my" alone)
    # The content terms of its question sentence, when a story comes before it ("Had my
    # baby in May. ... Is it safe?"); empty for a message that is all question.
    focus: frozenset[str] = frozenset()
    # The kinds of question it asks (Language.question_kinds), read from its question
    # sentence when a story comes before it: "...how far down should I go?" asks how far.
    kinds: frozenset[str] = frozenset()
    # Words of what it asks that no page speaks of ("calories", "brand"): see
    # Language.uncovered
    uncovered: frozenset[str] = frozenset()
    # The same description against each exercise's whole portrait (bot/engine/portraits.py):
    # what the description producer answers by. `described` reads less of each page and
    # stays what the producers that only take a description as context read.
    portrayed: list[tuple[str, float]] = field(default_factory=list)
    # Its question sentence (the whole message, when it is all question) says nothing but
    # the part asked, the names and little words ("...the dead bug. What are its mistakes?")
    # or words that make the part the general one (Language.general_words); `general_part`
    # when it says one of those ("what are the usual mistakes?")
    bare_part: bool = False
    general_part: bool = False
    # Where in the body its problem is felt (bot/engine/places.py), read once for the
    # producers that weigh the place an entry is on
    places: Places = field(default_factory=Places)
    # The writer says they are unsure which exercise it was (Language.unsure)
    unsure: bool = False

    @property
    def names(self) -> list[NameMatch]:
        return self.lookup.matches

    def content_terms(self, used: frozenset[int] = frozenset()) -> list[str]:
        """Terms of the words that carry meaning, except those at `used` positions."""
        a = self.analysis
        return [
            term
            for position, (term, stop) in enumerate(zip(a.terms, a.stop, strict=True))
            if not stop and position not in used
        ]

    def said_in_question(self, positions: Iterable[int]) -> bool:
        """Whether words at `positions` are said in the question sentence, when a story
        comes before it (a term of them is in `focus`); always, for a message of one part."""
        terms = self.analysis.terms
        return not self.focus or any(terms[p] in self.focus for p in positions)

    @property
    def subjects(self) -> list[NameMatch]:
        """The exercises the message is about: the main one named, and the others it names in
        full. Another named only in part (the sit-up alias of Roll Up, in "i skip sit ups")
        is context, not a second subject."""
        return [m for m in self.named if m is self.named[0] or m.score >= EXACT]

    @property
    def name_positions(self) -> frozenset[int]:
        """The words of the names said, the words of their titles included ("kriss kros")."""
        return frozenset().union(*(m.positions | m.title_positions for m in self.named))

    @property
    def cue_positions(self) -> frozenset[int]:
        """The words that ask for a part or a random pick (a muscle is a filter only in a
        request: "my hips pike up" is a problem, not "something for the hips")."""
        part = self.part.positions if self.part else frozenset()
        return part | (self.request.positions if self.request.asked else frozenset())


def read(text: str, index: LanguageIndex, about: str | None = None) -> Message:
    analysis = index.analyse(text)
    lexicon = index.lexicon
    request = find_random(analysis, lexicon, index.muscle_words)
    part = find_part(analysis, lexicon)
    lookup = index.names.lookup(analysis)
    cues = (part.positions if part else frozenset()) | request.positions
    named = _named(lookup.matches, analysis, index, cues | lookup.words, cues)
    compared: frozenset[str] = frozenset()
    # (both: "Neck pull: my legs shoot up whenever I try to roll up" heads the question with
    # one name and says another as what the writer does)
    asides = _headed(text, analysis, index, lookup.matches) | _asides(
        lookup.matches, analysis, lexicon
    )
    if asides:
        # "moved on from the roll up to the neck pull": the exercise asked is one not said
        # as context, if it is clearly named; the others still make a name said in the same
        # words unsure
        subject = _named(lookup.matches, analysis, index, cues | lookup.words, cues, asides)
        if (
            subject
            and subject[0].title_score >= 1.0
            and not as_named(subject[0], analysis, lexicon)
        ):
            # "my back aches after the swan dive, I lift my chest very high": the
            # only other name is said in other words, as what is done, so the one said
            # after "after" is no context for it but what the message is about
            asides = frozenset()
        elif subject:
            named = subject
        else:
            # the only names said are compared with ("like a plank but facing up"): still
            # named, unless the description fits another exercise better (_framed)
            # (not a name said as what someone does: "when I roll up my neck hurts")
            compared = asides & _asides(lookup.matches, analysis, lexicon, doers=False)
            asides = frozenset()
    said = frozenset().union(*(m.positions for m in named))
    if named:
        # The names' words are taken out first: "what does the saw do" asks "what does ... do".
        part = find_part(analysis, lexicon, ignore=said)
    sentences = _Sentences(text, index, analysis)
    focus = _focus(sentences, index)
    if (
        part is not None
        and part.section is Section.VIDEO
        and focus
        and not any(analysis.terms[p] in focus for p in part.chosen_at)
    ):
        # "I learn pilates with videos... how can I balance in the teaser?": a video of the
        # story, not one asked for
        part = find_part(analysis, lexicon, ignore=said | part.chosen_at)
    asked_at = sentences.asked_at(analysis, lexicon.question_words)
    if part is not None and asked_at and not part.positions <= asked_at:
        # "...in my video class. Is there an easier version?": what the question sentence
        # asks for goes before a part the story's words name
        # (what follows the question says more of it: "how do I take it further? after
        # progressions now" asks for the harder versions)
        story = frozenset(range(min(asked_at)))
        own = find_part(analysis, lexicon, ignore=said | story)
        if (
            own is not None
            and own.level is not None
            and not own.chosen_at <= asked_at
            and (within := _asked_within(analysis, lexicon, said, asked_at)) is not None
            and within.level is not None
        ):
            # "¿cómo lo hago más difícil? ya me sale fácil": the version the question asks,
            # not the one what follows it tells of
            own = within
        if (
            own is not None
            and not own.tentative
            and (own.section, own.level) != (part.section, part.level)
        ):
            part = own
        elif (
            own is None
            and part.section in (Section.BENEFITS, Section.VIDEO)
            and part.chosen_at <= story
            and any(lexicon.section_cues.find_all(analysis, said | story))
        ):
            # "I work long days... my calf cramps. How do I stop that?": the question
            # sentence asks in words of no part (how to stop it); the story's "work" asks no
            # benefits (a part no problem asks for)
            part = None
    plea = _plea(analysis, index, said)
    if plea and (part is None or part.positions <= plea):
        # "...my hips sink in it. Help?", "¿alguna idea?": the answer to the problem told, its
        # entry or else the page's mistakes; not what the exercise helps with, nor its tips
        part = PartAsked(Section.MISTAKES, None, plea, tentative=True)
    if part is not None and _why_after_a_problem(part, analysis, lexicon, said):
        # "my toes grip in the saw. Why?", "¿por qué?": why the problem told happens, asked as
        # the problem alone would be (its entry, or the passage that names it), not what the
        # exercise is good for
        part = None
    random_cues = [set(span) for _, span in lexicon.random_cues.find_all(analysis)]
    if plea and all(span <= plea for span in random_cues):
        # ...nor an idea of an exercise to do
        request = replace(request, asked=False, weak=False)
    if random_cues and said and all(span <= said for span in random_cues):
        # A word that asks for a pick, read as a slip of a name's word said there (a word of
        # chance typed one letter off a name's word): the name's, no request
        request = replace(request, asked=False, weak=False, positions=request.positions - said)
    if part is not None and _after_a_problem(part, analysis, index, said, asked_at):
        part = replace(part, tentative=True)
    cues = cues | (part.positions if part else frozenset())
    # The words that ask for a name ("what do you call it when") describe nothing.
    asking = frozenset(p for _, span in lexicon.name_requests.find_all(analysis) for p in span)
    # Words no page uses count against a description too: "my printer jams on page two".
    unread = cues | asking
    terms = [
        term
        for position, (term, stop) in enumerate(zip(analysis.terms, analysis.stop, strict=True))
        if not stop and position not in unread
    ]
    known = sum(term in index.faq for term in terms)
    position = lexicon.position(analysis)
    if position is not None:
        terms.append(position_term(position[0]))  # "face down": the prone exercises
    described, describing, (said_terms, said_position) = _described(
        analysis, sentences, terms, known, position, index
    )
    portrayed = described
    if described and len(set(said_terms)) >= PORTRAIT_TERMS:
        portrayed = _describe(
            said_terms, said_position, index, portraits=True, counted=lexicon.counted(describing)
        )
    # what weighing the names against the description reads, read once for them all; the
    # describing text is often the whole message, whose names were just looked up
    weighing = _Weighing(describing, analysis, index, lookup if describing is analysis else None)
    if named and described:
        names_said = frozenset().union(*(m.positions for m in named))
        others = sum(
            t in index.faq
            for p, (t, stop) in enumerate(zip(analysis.terms, analysis.stop, strict=True))
            if not stop and p not in names_said
        )
        # ...by the narrow reading, or by the whole portraits ("lying down I circle both legs
        # as one, and when they are lower my back arches" says Leg Lowers' words on the way)
        readings = [described] if portrayed is described else [described, portrayed]
        passing = {
            m.exercise_id
            for m in named
            for ranked in readings
            if _in_passing(m, ranked, others, weighing, portrait=ranked is portrayed)
            and not _said_again_in(m, analysis, asked_at)
        }
        if passing:
            # Said on the way: not named, nor an exercise whose title the message says.
            named = [m for m in named if m.exercise_id not in passing]
            lookup = replace(
                lookup, matches=[m for m in lookup.matches if m.exercise_id not in passing]
            )
    if named and described:
        framed = dict.fromkeys(compared, range(0)) | _framed(text, named, analysis, lexicon)
        readings = [described] if portrayed is described else [described, portrayed]
        weighed = {
            m.exercise_id
            for m in named
            if _described_otherwise(m, compared, framed, readings, weighing)
        }
        if weighed:
            named = [m for m in named if m.exercise_id not in weighed]
            lookup = replace(
                lookup, matches=[m for m in lookup.matches if m.exercise_id not in weighed]
            )
    if asides and named:
        # Said as context: not an exercise whose title the message says either
        lookup = replace(lookup, matches=[m for m in lookup.matches if m.exercise_id not in asides])
    foreign = find_foreign_exercise(analysis, lexicon)
    if any(m.positions < foreign for m in named):
        # "handstand push ups": one of our names inside the name of an exercise from
        # elsewhere names nothing of ours
        named = [m for m in named if not m.positions < foreign]
    outright = _asks_outright(text, analysis, index)
    question = asked_at or frozenset(range(len(analysis.words)))
    bare = _bare_part(part, analysis, lexicon, question, said)
    message = Message(
        analysis=analysis,
        lookup=lookup,
        named=named,
        part=part,
        request=request,
        position=position,
        # (a pick asked outright is no chat, whatever pleasantry comes with it: "any
        # exercise is fine")
        talk=None if request.asked and not request.weak else find_small_talk(analysis, lexicon),
        foreign=foreign,
        about=about,
        refers_back=any(w in lexicon.references for w in analysis.words),
        asks=_asks(outright, analysis, index, position),
        asks_outright=outright,
        asks_which=_asks_which(text, analysis, sentences, index, named, request.positions),
        described=described,
        focus=focus,
        kinds=_kinds(analysis, lexicon, asked_at, said),
        uncovered=_uncovered(analysis, sentences, index),
        portrayed=portrayed,
        bare_part=bare,
        general_part=bare and any(analysis.words[p] in lexicon.general_words for p in question),
        unsure=any(lexicon.unsure.find_all(analysis)),
    )
    # read from the message as read so far: its names, body position and question sentence
    return replace(message, places=problem_places(message, lexicon))


def _bare_part(
    part: PartAsked | None,
    analysis: Analysis,
    lexicon: Lexicon,
    question: frozenset[int],
    names: frozenset[int],
) -> bool:
    """Whether a part is asked outright, in a `question` sentence that says nothing else than
    its cue words, names (at `names`), little words and words that make the part the general
    one (Language.general_words): "what else do people get wrong?"."""
    if part is None or part.tentative or not part.positions & question:
        return False
    if all(analysis.words[p] in lexicon.pleas for p in part.positions & question):
        return False  # "...my teacher said fix that. Help?": a plea for the problem's answer
    general = any(analysis.words[p] in lexicon.general_words for p in question)
    if not general and _in_question_words(part.positions & question, analysis, lexicon):
        # "...my jaw clenches. Why?", "¿por qué?": a question word alone asks about what
        # the message told, as much as for the part it may also ask ("why do it?")
        return False
    return all(
        analysis.stop[p]
        or p in part.positions
        or p in names
        or analysis.words[p] in lexicon.general_words
        for p in question
    )


def _why_after_a_problem(
    part: PartAsked, analysis: Analysis, lexicon: Lexicon, names: frozenset[int]
) -> bool:
    """Whether the benefits are asked in question words alone ("why?", "¿por qué?") of a
    problem the message tells (a trouble or fault word, not a name's)."""
    if part.tentative or part.section is not Section.BENEFITS:
        return False
    if not _in_question_words(part.positions, analysis, lexicon):
        return False
    # (or in the question itself: "why can't I get over without flinging?")
    told = analysis.positions_of(lexicon.trouble | lexicon.faults)
    return any(p not in names and p not in part.positions for p in told)


def _in_question_words(positions: frozenset[int], analysis: Analysis, lexicon: Lexicon) -> bool:
    """Whether the words at `positions` (a part's cue) are all question words
    (Language.question_words: "why", "¿por qué?"; not "what does it do for you")."""
    return bool(positions) and all(analysis.words[p] in lexicon.question_words for p in positions)


def _asides(
    matches: list[NameMatch], analysis: Analysis, lexicon: Lexicon, *, doers: bool = True
) -> frozenset[str]:
    """The exercises a message names only as context (Language.name_roles): said right after
    a word that makes them a point of reference or what came before ("after the teaser",
    "like a plank") or what someone does ("when I roll back up"), or besides one said after
    a word that makes it the one now done ("moved on to the boomerang"). Without `doers`,
    not those said as what someone does."""
    found = lexicon.name_roles.find_all(analysis)
    if not found:
        return frozenset()
    # another name between the word and a name is what the word marks ("after the teaser
    # the roll up...")
    names = frozenset().union(*(m.positions for m in matches if m.score >= NAME_ALONE))
    # The words between a role's word and a name, articles left out, are counted by bisection
    # in those words: a long message may say hundreds of role words before its names, and
    # listing the words between each of them and each name cost a third of a second.
    solid = [p for p, filler in enumerate(analysis.filler) if not filler]
    # Only the role words said shortly before a name can mark it: those found (in the order
    # they are said) from `reach` words before the ROLE_GAP words before it, up to it.
    starts = [span[0] for _, span in found]
    reach = max(span[-1] - span[0] for _, span in found)

    def marked(first: int, name: frozenset[int]) -> str | None:
        high = bisect_left(solid, first)
        # a role word ending before this leaves more than ROLE_GAP words before the name
        floor = solid[high - ROLE_GAP - 1] if high > ROLE_GAP else 0
        near = found[bisect_left(starts, floor - reach) : bisect_left(starts, first)]
        for tag, span in near:
            last = max(span)
            if last >= first or not name.isdisjoint(span):
                continue  # after it, or a word of the name itself ("rolling like a ball")
            if tag == "head":
                continue  # said after a name, of that name (_framed)
            if tag == "doer":
                # right before it, or before its article ("doy la patada...")
                if doers and all(analysis.filler[q] for q in range(last + 1, first)):
                    return "doer"
                continue
            low = bisect_right(solid, last)
            if high - low <= ROLE_GAP and names.isdisjoint(solid[low:high]):
                return tag
        return None

    roles: dict[str, str] = {}
    for match in matches:
        said = sorted(p for p in match.positions if not analysis.stop[p]) or sorted(match.positions)
        # each place the name is said at ("antes hacía el puente, ahora el puente con patada")
        tags = [
            marked(p, match.positions)
            for at, p in enumerate(said)
            if at == 0 or said[at - 1] < p - 1
        ]
        if "now" in tags:
            roles[match.exercise_id] = "now"
        elif all(tag in ("aside", "doer") for tag in tags) or (
            # (said in one go as what someone does: "le doy la patada con una pierna al aire")
            tags[0] == "doer" and match.positions.issuperset(range(said[0], said[-1] + 1))
        ):
            roles.setdefault(match.exercise_id, "aside")
    if "now" in roles.values():
        return frozenset(m.exercise_id for m in matches if roles.get(m.exercise_id) != "now")
    return frozenset(e for e, tag in roles.items() if tag == "aside")


def _headed(
    text: str, analysis: Analysis, index: LanguageIndex, matches: list[NameMatch]
) -> frozenset[str]:
    """The exercises a message names, not by their titles, besides the one it opens with as
    its heading ("Seal: do I exhale as I roll back?"): the heading says what the question is
    about, and another name said after it in everyday words ("roll back") is a word of the
    question. Another's title is still said of it ("boomerang: how do I get into the teaser
    part?" may be answered on either page)."""
    heading = _HEADING.match(text.strip())
    if heading is None:
        return frozenset()
    said = index.analyse(heading.group(1)).words
    if not said or analysis.words[: len(said)] != said:
        return frozenset()
    within = frozenset(range(len(said)))
    titles = [
        m for m in matches if m.score >= EXACT and _said(m, analysis) == within & analysis.said
    ]
    if len(titles) != 1:
        return frozenset()
    top = titles[0]
    return frozenset(
        m.exercise_id
        for m in matches
        if m.exercise_id != top.exercise_id and m.positions - within and m.title_score < 1.0
    )


def _kinds(
    analysis: Analysis, lexicon: Lexicon, question: frozenset[int], names: frozenset[int]
) -> frozenset[str]:
    """The kinds of question the `question` sentence asks (the whole message, when it has
    no sentence of its own), the `names` said left out: a story before it tells what happened,
    not what is asked ("I had a baby in spring. Why does my back arch?" asks no safety)."""
    return lexicon.kinds(analysis, (question or frozenset(range(len(analysis)))) - names)


def _uncovered(analysis: Analysis, sentences: _Sentences, index: LanguageIndex) -> frozenset[str]:
    """The words of what it asks that no page speaks of: a table's phrase with a word that no
    page uses, in a sentence that asks (after a story, its question; "I cut out sugar and
    lost weight. In the saw..." asks nothing of it)."""
    asking = [analysis]
    if len(sentences) >= 2:
        asking = [sentences.analysis(n) for n in sentences.asking(index.lexicon.question_words)]
    said: set[str] = set()
    lexicon = index.lexicon
    for found in asking:
        for _, span in lexicon.uncovered.find_all(found):
            if any(found.terms[p] not in index.faq for p in span):
                said.update(found.words[p] for p in span)
        # a diagnosis asked for ("will I need an operation?"): no page gives one
        for _, span in lexicon.diagnoses.find_all(found):
            said.update(found.words[p] for p in span)
        # ...and a cause asked of that is an illness ("might it be arthritis?"), not how one
        # moves ("might it be my form?", which the pages' mistakes answer)
        for _, span in lexicon.cause_cues.find_all(found):
            if _names_illness(found, max(span) + 1, index):
                said.update(found.words[p] for p in span)
        # an apparatus no exercise is done with, in words no page uses ("the ladder barrel
        # version of the swan"): what the pages, done on a mat, do not cover; not one's own
        # ("my barrel class"), where it tells where the exercise was learnt
        for value, span in lexicon.equipment.find_all(found):
            if (
                value != "none"
                and (span[0] == 0 or found.words[span[0] - 1] not in lexicon.speaker)
                and any(found.terms[p] not in index.faq for p in span)
                and not index.accepting(RandomFilters(equipment=value))
            ):
                said.update(found.words[p] for p in span)
    return frozenset(said)


def _names_illness(found: Analysis, start: int, index: LanguageIndex) -> bool:
    """Whether the words from `start` on name an illness as the cause asked of: a condition
    (Language.conditions: "a hernia"), a word with an illness's ending (Language.illness_endings:
    "arthritis", which a synonym reads as a pain), or a rare word that no page or table uses
    ("my gallbladder"). How one moves ("my form", "tight calves", "that I arch") is none: the
    pages' words, or everyday ones."""
    lexicon = index.lexicon
    for p in range(start, len(found)):
        if p not in found.said:
            continue
        word = found.words[p]
        if (
            found.terms[p] in lexicon.conditions
            or word.endswith(lexicon.illness_endings)
            or (
                index.speller.is_other_word(word)
                and word not in index.common_words
                and found.terms[p] not in index.faq
            )
        ):
            return True
    return False


class _Weighing:
    """What weighing the names a message says against the description it gives reads of it
    (`_in_passing`, `_described_otherwise`), each read once however many names are weighed:
    the names of the sentence that describes (`describing`), the body position it states, the
    roles names are said in in the message (`whole`), and how well each page explains the
    words at some positions."""

    def __init__(
        self,
        describing: Analysis,
        whole: Analysis,
        index: LanguageIndex,
        names: NameLookup | None = None,
    ) -> None:
        """`names`: the names of `describing`, when already looked up."""
        self.describing = describing
        self.whole = whole
        self.index = index
        self._names = names
        self._position: tuple[str, tuple[int, ...]] | None = None
        self._position_read = False
        self._roles: list[tuple[str, tuple[int, ...]]] | None = None
        self._explained: dict[range, dict[str, float]] = {}

    def names(self) -> NameLookup:
        if self._names is None:
            self._names = self.index.names.lookup(self.describing)
        return self._names

    def position(self) -> tuple[str, tuple[int, ...]] | None:
        """The body position `describing` states first, and where."""
        if not self._position_read:
            self._position = self.index.lexicon.position(self.describing)
            self._position_read = True
        return self._position

    def roles(self) -> list[tuple[str, tuple[int, ...]]]:
        """The roles names are said in in `whole` (Language.name_roles)."""
        if self._roles is None:
            self._roles = self.index.lexicon.name_roles.find_all(self.whole)
        return self._roles

    def explained(self, positions: range) -> dict[str, float]:
        """How well each page's own text explains the words of `whole` at `positions`."""
        fits = self._explained.get(positions)
        if fits is None:
            whole, index = self.whole, self.index
            said = [whole.terms[p] for p in positions if not whole.stop[p]]
            fits = dict(index.faq.describe(said, limit=len(index.pages) or 1))
            self._explained[positions] = fits
        return fits


def _in_passing(
    match: NameMatch,
    described: list[tuple[str, float]],
    others: int,
    weighing: _Weighing,
    *,
    portrait: bool = False,
) -> bool:
    """A name said on the way in a long description of another exercise ("we roll up off the
    mat and balance on the sit bones in a V" is the Teaser): that exercise's own text explains
    the describing sentence far better than the named one's, and the name is said inside that
    sentence. A name said in a sentence of its own is meant ("we do the saw. I never know when
    to breathe out as I twist and reach"). `others`: the message's known words besides names;
    `weighing`: the describing sentence and the message, as read for every name weighed;
    `portrait`: `described` ranks the pages' whole portraits (Message.portrayed)."""
    whole, index = weighing.whole, weighing.index
    top, fit = described[0]
    first = min(match.positions)
    # "Lower lifts: where do my legs stop?", "my roll ups feel jerky": said first (or first
    # after "my"), in full, it is the topic; not after "I", which makes its words what I do
    # ("I roll up and balance in a V": Language.name_roles "doer")
    if (
        match.score >= EXACT
        and set(whole.words[:first]) <= index.lexicon.speaker
        and not any(tag == "doer" and max(span) == first - 1 for tag, span in weighing.roles())
        and as_named(match, whole, index.lexicon)
    ):
        return False
    if (
        match.score >= EXACT
        and _done_as_named(first, whole, index.lexicon)
        and not _leads_on(max(match.positions) + 1, weighing)
        and as_named(match, whole, index.lexicon)
    ):
        # "I do the saw after my run and reach until my little finger passes my toe":
        # the name of what is done, whatever the rest describes (not the way into another:
        # "the roll up into a balance where the legs lift")
        return False
    if match.title_score >= 1.0 and len(match.title_positions) >= LONG_TITLE:
        # "doing the kneeling side kicks my body leans forward": a title this long said whole
        # is meant; those said on the way are short ("roll up", "swan")
        return False
    plain = _plain(match, whole, index)
    least, gap = (PLAIN_PASSING_FIT, PLAIN_PASSING_GAP) if plain else (PASSING_FIT, PASSING_GAP)
    if plain and portrait:
        least, gap = PORTRAIT_PLAIN_FIT, PORTRAIT_PLAIN_GAP
    if others < PASSING_TERMS or top == match.exercise_id or fit < least:
        return False
    # (a name said in another form of its words, "roll back" for "rolling back", tells what
    # is done, not which exercise: the page the description fits best, however narrowly)
    if fit - dict(described).get(match.exercise_id, 0.0) < gap and as_named(
        match, whole, index.lexicon
    ):
        return False
    return any(m.exercise_id == match.exercise_id for m in weighing.names().matches)


def _said_again_in(match: NameMatch, message: Analysis, question: frozenset[int]) -> bool:
    """Whether the words that said the name are said again, one after the other, in the
    question sentence (`question`): "...she called it the side bend; to me it is the mermaid.
    Is the side bend the same as the mermaid?" asks of both, whatever the story describes."""
    said = [message.words[p] for p in sorted(match.positions) if not message.stop[p]]
    if not said or not question or min(question) <= min(match.positions):
        return False
    run = [message.words[p] for p in sorted(question) if not message.stop[p]]
    return any(run[i : i + len(said)] == said for i in range(len(run) - len(said) + 1))


def as_named(match: NameMatch, message: Analysis, lexicon: Lexicon) -> bool:
    """Whether the message says the name's words as the name writes them, not in another
    form of them: "rolling up off the mat to balance in a V" says the Roll Up's words as a
    verb of the movement told, "I bridge up onto my shoulders" Shoulder Bridge's in another
    order. The plural is the name ("chest lifts: ..."), and so is a slip or a run-together
    word ("hundrid", "teaserone"): only a form with the stem of a word of the name and another
    ending is another form."""
    written = set(words(match.name))
    stems = {lexicon.stem(w) for w in written}

    def other_form(p: int) -> bool:
        word = message.words[p]
        if word in written or (word.endswith("s") and word[:-1] in written):
            return False
        if word.endswith("es") and word[:-2] in written:
            return False  # "crunches", "patadas laterales"
        return message.stems[p] in stems

    said = sorted(p for p in match.positions if not message.stop[p])
    if any(other_form(p) for p in said):
        return False
    # ...nor are its words said apart in another order ("I bridge up onto my shoulders" holds
    # Shoulder Bridge's words; "lateral plancha" is still the name, in a learner's order)
    if not said or said[-1] - said[0] < len(said):
        return True
    # (anywhere in the message: a word said twice may have been matched at its other place)
    wanted = [lexicon.stem(w) for w in words(match.name)]
    wanted = [w for w in wanted if w in {message.stems[p] for p in said}]
    found = iter(message.stems)
    return all(stem in found for stem in wanted)


def _framed(
    text: str, named: list[NameMatch], message: Analysis, lexicon: Lexicon
) -> dict[str, range]:
    """The exercises named as the head of a description that follows them in the same clause
    (Language.name_roles "head"), each with the positions of that description: "the bridge
    where a leg kicks up to the ceiling" says a bridge as the family of what it describes, which
    may be another exercise; not "we did the plank. Where should I feel it?"."""
    heads = [min(span) for tag, span in lexicon.name_roles.find_all(message) if tag == "head"]
    if not heads:
        return {}
    ending = {max(m.positions) + 1: m.exercise_id for m in named if max(m.positions) + 1 in heads}
    if not ending:
        return {}
    # The first word of each clause, where the words as written are the words analysed (a
    # word the lexicon expands, "cannot", leaves the clauses unknown: no head is trusted).
    starts, at = [], 0
    for clause in _CLAUSE_END.split(text):
        starts.append(at)
        at += len(words(clause))
    if at != len(message):
        return {}
    starts.append(at)
    return {
        e: range(p, starts[bisect_right(starts, p)]) for p, e in ending.items() if p not in starts
    }


def _leads_on(at: int, weighing: _Weighing) -> bool:
    """Whether the words at `at`, said right after a name, lead on from it to a description
    of more than it (Language.name_roles "head": "into a balance where...", "where the leg
    lifts")."""
    return any(tag == "head" and span[0] == at for tag, span in weighing.roles())


def _done_as_named(first: int, message: Analysis, lexicon: Lexicon) -> bool:
    """Whether the word at `first` follows a verb of doing an exercise (Language.doing), an
    article between or not: "I do the saw", "practising roll ups", "hago el cisne"."""
    before = first - 1
    if before > 0 and message.words[before] in lexicon.name_fillers:
        before -= 1
    return before >= 0 and message.words[before] in lexicon.doing


def _described_otherwise(
    match: NameMatch,
    compared: frozenset[str],
    framed: dict[str, range],
    readings: list[list[tuple[str, float]]],
    weighing: _Weighing,
) -> bool:
    """Whether a name gives way to the exercise the message describes: it was said as what
    that exercise is compared with or the family it belongs to (`framed`: "like a plank but
    facing the ceiling"), or the sentence that describes says it with a body position, in
    other words than the name's, that is not the one its page says it is done in ("on the
    tummy, a chest lift of sorts" is no Chest Lift); and the description fits another exercise
    clearly better than it, or, compared with ("like a plank but..."), at least as well as
    it. `weighing`: the sentence that describes and the message, as read for every name."""
    if match.exercise_id not in framed and not _done_elsewhere_said(match, weighing):
        return False
    least, gap = (FRAMED_FIT, FRAMED_GAP) if match.exercise_id in framed else (MOVED_FIT, MOVED_GAP)
    if match.exercise_id in compared:
        gap = 0.0
    elif match.exercise_id in framed and _explains(
        match.exercise_id, framed[match.exercise_id], weighing
    ):
        return False  # "the roll up where my feet lift off": a problem of its own
    for ranked in readings:
        top, fit = ranked[0]
        if top == match.exercise_id or fit < least:
            continue
        if fit - dict(ranked).get(match.exercise_id, 0.0) >= gap:
            return True
    return False


def _explains(exercise_id: str, positions: range, weighing: _Weighing) -> bool:
    """Whether an exercise's own text explains the words at `positions` of the message, the
    description said after its name (the share FRAMED_REST): then it tells of that exercise
    ("the roll up where my feet lift off"), not of another."""
    return weighing.explained(positions).get(exercise_id, 0.0) >= FRAMED_REST


def _done_elsewhere_said(match: NameMatch, weighing: _Weighing) -> bool:
    """Whether the sentence that describes says a name, not its title word after word, with
    a body position in other words than the name's that its page says it is not done in."""
    title = match.title_positions
    if match.title_score >= 1.0 and max(title, default=0) - min(title, default=0) < len(title):
        return False  # a title said word after word is meant, whatever the position words say
    stated = weighing.position()
    if stated is None or not done_elsewhere(stated, match.exercise_id, weighing.index):
        return False
    if weighing.describing is weighing.whole:
        return match.positions.isdisjoint(stated[1])
    # (a sentence of its own: its names, looked up again)
    return any(
        m.exercise_id == match.exercise_id and m.positions.isdisjoint(stated[1])
        for m in weighing.names().matches
    )


def _plain(match: NameMatch, message: Analysis, index: LanguageIndex) -> bool:
    """Whether a name other than its title is said in everyday words only ("rolling back",
    "leg pull"), none of them a word only Pilates uses ("teaser", "corkscrew")."""
    if match.title_score >= 1.0:
        return False  # "shoulder bridge", "roll up": a title said whole is meant
    words = [message.words[p] for p in match.positions if not message.stop[p]]
    return bool(words) and all(w in index.common_words for w in words)


class _Sentences:
    """A message's sentences (those with a word in them), each analysed at most once: the
    description, the question and a request for a name are all looked for sentence by
    sentence."""

    def __init__(self, text: str, index: LanguageIndex, whole: Analysis) -> None:
        """`whole`: the message's analysis, which is that of a message of one sentence."""
        self.texts = _sentences(text)
        self.written = len(self.texts)  # as the writer stopped them, before a question is split off
        self._index = index
        self._analysed: dict[int, Analysis] = {}
        if self.texts == [text]:
            self._analysed[0] = whole
        # The sentences that a question opener starts, split from the story said before it
        self._opened: frozenset[int] = frozenset()
        if self.texts:
            # The sentence that asks last, else the last: "Hi. im 72 and my knee clicks in the
            # bridge how do i stop it"
            asking = self.asking(index.lexicon.question_words)
            number = asking[-1] if asking else len(self.texts) - 1
            split = _question_clause(self.texts[number], index.lexicon)
            if split is not None:
                self.texts[number : number + 1] = split
                self._analysed = {n: a for n, a in self._analysed.items() if n < number}
                self._opened = frozenset({number + 1})

    def __len__(self) -> int:
        return len(self.texts)

    def analysis(self, number: int) -> Analysis:
        found = self._analysed.get(number)
        if found is None:
            found = self._analysed[number] = self._index.analyse(self.texts[number])
        return found

    def asked_at(self, whole: Analysis, question_words: frozenset[str]) -> frozenset[int]:
        """The positions, in the whole message's analysis, of the words of its last sentence
        that asks; empty for a message of one sentence, or none that asks."""
        if len(self) < 2:
            return frozenset()
        asking = self.asking(question_words)
        if not asking:
            return frozenset()
        start = sum(len(self.analysis(n).words) for n in range(asking[-1]))
        words = self.analysis(asking[-1]).words
        if whole.words[start : start + len(words)] != words:
            return frozenset()  # the sentences were not read as the whole was
        return frozenset(range(start, start + len(words)))

    def asking(self, question_words: frozenset[str]) -> list[int]:
        """The sentences that ask: a question mark, a question word or opener first."""
        found = []
        for number, text in enumerate(self.texts):
            asks = "?" in text or number in self._opened
            words = () if asks else self.analysis(number).words
            if asks or (words and words[0] in question_words):
                found.append(number)
        return found


def _question_clause(sentence: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A long sentence as the story before its question and the question, split at the
    first question opener (with the words before it that belong to it) said after some story
    and leaving enough to ask ("my physio gave me side planks and my hips sink how do i keep
    them up"); None for a sentence without one."""
    pieces = sentence.split()
    if len(pieces) < 2:
        return None  # split between pieces only: one piece (4 000 letters) need not be read
    # each piece's words, read once for each piece written (a long sentence says the same
    # few again and again)
    known: dict[str, list[str]] = {}
    said = [
        (piece, word)
        for piece, text in enumerate(pieces)
        for word in (known.get(text) or known.setdefault(text, words(text)))
    ]
    if len(said) < RUN_ON_WORDS:
        return None
    folded = tuple(word for _, word in said)
    for at in range(RUN_ON_STORY, len(said) - RUN_ON_QUESTION + 1):
        opener = _opener(folded, at, lexicon)
        if opener is None:
            continue
        start = at
        while start > RUN_ON_STORY and folded[start - 1] in lexicon.opener_leads:
            start -= 1  # "what is it called", "no me puedo sentar"
        piece = said[start][0]
        if said[start - 1][0] == piece or folded[start - 1] in lexicon.clause_binders:
            continue  # inside a piece ("cat-cow"), or bound to the clause before ("no puedo")
        written = " ".join(pieces[said[at][0] : said[at + len(opener) - 1][0] + 1]).casefold()
        unmarked = lexicon.question_openers[opener] and fold(written) == written
        if unmarked and at + len(opener) + RUN_ON_UNMARKED < len(said):
            # "el ejercicio que hago en clase": without the accent that makes it ask, only
            # the last words ask ("...y me dan calambres que hago")
            continue
        return " ".join(pieces[:piece]), " ".join(pieces[piece:])
    return None


def _opener(folded: tuple[str, ...], at: int, lexicon: Lexicon) -> tuple[str, ...] | None:
    """The longest question opener said from `at` in a sentence's `folded` words."""
    if folded[at] not in lexicon.opener_starts:
        return None
    for length in range(min(lexicon.longest_opener, len(folded) - at), 0, -1):
        if folded[at : at + length] in lexicon.question_openers:
            return folded[at : at + length]
    return None


def _sentences(text: str) -> list[str]:
    # Only sentences with a word in them: ". . . ." is no story, and costs nothing to read.
    return [s for s in _SENTENCE_END.split(text.strip()) if _HAS_WORD.search(s)]


def _focus(sentences: _Sentences, index: LanguageIndex) -> frozenset[str]:
    """The content terms of the last sentence that asks (a question mark, or a question word
    first), in a message of several sentences; empty when it has one, or none that asks."""
    if len(sentences) < 2:
        return frozenset()
    asking = sentences.asking(index.lexicon.question_words)
    if not asking:
        return frozenset()
    last = asking[-1]
    asked = [sentences.analysis(last)]
    question_words = index.lexicon.question_words
    while (
        last - 1 in asking
        and "?" in sentences.texts[last - 1]
        and asked[0].words
        and asked[0].words[0] not in question_words
    ):
        # "where does the top foot go? in front or behind?": a question without a question
        # word of its own goes on with the one before it
        last -= 1
        asked.insert(0, sentences.analysis(last))
    return frozenset(t for a in asked for t, stop in zip(a.terms, a.stop, strict=True) if not stop)


# Parts that a question after a problem told asks no more than "what about it?": "my wrists
# hurt on all fours. What should I do?" asks what to do about the wrists, not the steps; "I
# can't get my legs over without kicking, why?" asks why that happens, not what it is good for.
_GENERAL_PARTS = frozenset({Section.STEPS, Section.BENEFITS})


def _after_a_problem(
    part: PartAsked,
    analysis: Analysis,
    index: LanguageIndex,
    names: frozenset[int],
    question: frozenset[int],
) -> bool:
    """Whether a general part (`_GENERAL_PARTS`) is asked after the message tells a problem:
    a trouble word before its cue (not a name's), in the `question` sentence that asks it, or
    anywhere before a question sentence that says nothing but the cue ("...my wrists hurt.
    What do I do?"). Then the part is only a guess, shown when no entry answers the problem."""
    if part.tentative or part.section not in _GENERAL_PARTS or not part.positions:
        return False
    first = min(part.positions)
    told = range(first)
    if question and part.positions <= question:
        bare = all(analysis.stop[p] or p in part.positions for p in question)
        if not bare:
            told = range(min(question), first)
    # (a word of trouble that also tells a movement, "drop", "fall", may be the movement
    # described: "nod your head and curl forward", "my ankles drop in when I jog" as a reason)
    lexicon = index.lexicon
    trouble = analysis.positions_of(lexicon.trouble - lexicon.faults)
    return any(p in told and p not in names for p in trouble)


def _plea(analysis: Analysis, index: LanguageIndex, names: frozenset[int]) -> frozenset[int]:
    """The words that plead (`Language.pleas`: "help?", "any ideas?", "¿algún consejo?") at
    the end of a message that tells a problem before them (a trouble or fault word, not a
    name's), saying nothing of what they would be for (`_trailing_plea`), with no word asking
    what between the problem and them ("my back aches, what does the saw help with?").
    Empty when it does not plead so."""
    lexicon = index.lexicon
    told = [p for p in analysis.positions_of(lexicon.trouble | lexicon.faults) if p not in names]
    if not told:
        return frozenset()
    for first in range(told[0] + 1, len(analysis)):
        if first in names or not _pleading(analysis, first, lexicon):
            continue
        said = _trailing_plea(analysis, first, lexicon, names)
        if said is None:
            continue
        problem = max(p for p in told if p < first)
        if any(analysis.words[p] in lexicon.asking_what for p in range(problem, first)):
            return frozenset()
        return said
    return frozenset()


def _trailing_plea(
    analysis: Analysis, first: int, lexicon: Lexicon, names: frozenset[int]
) -> frozenset[int] | None:
    """The words that plead from `first` on, when no other word than a name's, a plea's or a
    little word follows them to the end, or to a clause of what the writer wants
    (`Language.purpose_binders`: "any advice so I can keep going?"); None when one does
    ("help with my posture")."""
    said: set[int] = set()
    for p in range(first, len(analysis)):
        if analysis.words[p] in lexicon.purpose_binders:
            break
        if p not in names and _pleading(analysis, p, lexicon):
            said.add(p)
        elif not (analysis.stop[p] or p in names):
            return None
    return frozenset(said)


def _pleading(analysis: Analysis, at: int, lexicon: Lexicon) -> bool:
    return analysis.words[at] in lexicon.pleas or analysis.terms[at] in lexicon.pleas


def _asks(
    outright: bool,
    analysis: Analysis,
    index: LanguageIndex,
    position: tuple[str, tuple[int, ...]] | None,
) -> bool:
    """It asks outright (`_asks_outright`), or tells the writer's own experience when no body
    position is described."""
    return outright or (
        position is None and any(w in index.lexicon.speaker for w in analysis.words)
    )


def _asks_outright(text: str, analysis: Analysis, index: LanguageIndex) -> bool:
    """A question mark, a question word or a word that tells a problem: `_asks` without the
    writer's own experience, which a movement is often described in ("holding my ankles")."""
    lexicon = index.lexicon
    words = analysis.words
    return (
        "?" in text
        or (bool(words) and words[0] in lexicon.question_words)
        # "..., do i breathe in on the arch": a question word later on, but not a relative
        # ("the one where you...") that introduces a description
        or any(w in lexicon.question_words and w not in lexicon.relatives for w in words[1:])
        # "la sierra como se respira": too short to hold a description, so "como" asks
        # (not after a word like "exercise": "ejercicio donde abrazas las rodillas")
        or (
            len(words) <= SHORT_QUESTION
            and any(
                w in lexicon.question_words
                and (at == 0 or words[at - 1] not in lexicon.domain_words)
                for at, w in enumerate(words)
            )
        )
        or (bool(analysis.positions_of(lexicon.trouble)) and not _told_to_you(words, lexicon))
    )


def _told_to_you(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the message tells how a movement goes to someone ("you arch your back up like
    a scared cat, then let the belly drop"), never saying the writer's own: its words of
    trouble ("drop", "tight") describe the movement, no problem of the writer's."""
    return lexicon.speaker.isdisjoint(words) and not lexicon.addressee.isdisjoint(words)


def _asks_which(
    text: str,
    analysis: Analysis,
    sentences: _Sentences,
    index: LanguageIndex,
    named: list[NameMatch],
    requested: frozenset[int] = frozenset(),
) -> bool:
    """ "What's it called when you...", or a description alone ("the one where you kneel on
    one knee and swing the top leg"); not a description that sets up a question after it,
    nor one that follows the exercise's name ("mermaid: is the one with a twist harder?")."""
    lexicon = index.lexicon
    found = lexicon.name_requests.find_all(analysis)
    if any(tag == "which" for tag, _ in found):
        return True
    clauses = [c for c in _CLAUSE_END.split(text.strip()) if _HAS_WORD.search(c)]
    if len(clauses) >= 2:
        # "...roll back and balance. what is it?": a bare request for a name, after the
        # description it asks about
        tail = index.analyse(clauses[-1]).words
        asking = {w for w in tail if w in lexicon.name_words}
        # "which is it?" after an exercise's title picks between what was said of it ("with
        # cat cow, is the breath in on the rounding or the arching? which is it?"); after
        # another of its names, often a word of the description ("crossed", "sawing"), it
        # asks which exercise that is
        choosing = asking <= lexicon.choosing and any(m.title_score >= 1.0 for m in named)
        if all(w in lexicon.naming for w in tail) and asking and not choosing:
            return True
    if sentences.written >= 2:
        return False
    titles = [m.title_positions for m in named if m.title_score >= 1.0 and m.title_positions]
    # A marker inside a request's words is the request's ("el que sea": whichever).
    return any(
        tag == "marker"
        and not set(span) & requested
        and not any(max(t) < min(span) for t in titles)
        for tag, span in found
    )


# The terms a description was read from, and the body position stated with them.
_Said = tuple[list[str], tuple[str, tuple[int, ...]] | None]


def _described(
    whole_message: Analysis,
    sentences: _Sentences,
    terms: list[str],
    known: int,
    position: tuple[str, tuple[int, ...]] | None,
    index: LanguageIndex,
) -> tuple[list[tuple[str, float]], Analysis, _Said]:
    """The exercises whose own text explains the message, best first, the text that
    describes, and its terms and body position: in a message of several sentences, the
    sentence that describes one exercise most clearly ("We did the one where you hover your
    arms and legs face down") speaks for it; the rest is context or the question."""
    counted = index.lexicon.counted(whole_message)
    whole = _describe(terms, position, index, counted=counted) if known >= DESCRIPTION_TERMS else []
    said: _Said = (terms, position)
    if len(sentences) < 2:
        return whole, whole_message, said
    best, best_lead, where = whole, _lead(whole), whole_message
    for number in range(min(len(sentences), MAX_SENTENCES)):
        analysis = sentences.analysis(number)
        own = [t for t, stop in zip(analysis.terms, analysis.stop, strict=True) if not stop]
        if sum(t in index.faq for t in own) < DESCRIPTION_TERMS:
            continue
        stated = index.lexicon.position(analysis) or position
        if stated is not None:
            own.append(position_term(stated[0]))
        ranked = _describe(own, stated, index, counted=index.lexicon.counted(analysis))
        if _lead(ranked) > best_lead:
            best, best_lead, where = ranked, _lead(ranked), analysis
            said = (own, stated)
    return best, where, said


def _describe(
    terms: list[str],
    position: tuple[str, tuple[int, ...]] | None,
    index: LanguageIndex,
    *,
    portraits: bool = False,
    counted: frozenset[str] = frozenset(),
) -> list[tuple[str, float]]:
    """The exercises whose own text (or whole portrait) explains `terms`, best first; with a
    body position stated, an exercise its page says is done in another one explains less
    ("lying on my back ... opposite arm and leg" is no Bird Dog, done on all fours)."""
    describe = index.portraits.describe if portraits else index.faq.describe
    if position is None and not counted:
        return describe(terms)
    ranked = describe(terms, limit=DESCRIBED_READ)
    moved = [
        (
            exercise_id,
            fit
            * (OTHER_POSITION if done_elsewhere(position, exercise_id, index) else 1.0)
            * (OTHER_COUNT if counted_otherwise(counted, exercise_id, index) else 1.0),
        )
        for exercise_id, fit in ranked
    ]
    moved.sort(key=lambda item: -item[1])
    return moved[:DESCRIBED_KEPT]


def counted_otherwise(counted: frozenset[str], exercise_id: str, index: LanguageIndex) -> bool:
    """Whether the exercise's page counts something the description counts (Lexicon.counted:
    "one leg") only otherwise ("both legs", never "one leg"): a description of one leg
    circling is not of the page where both legs always circle together."""
    if not counted:
        return False
    its = index.counted(exercise_id)
    for said in counted:
        count, term = said.split(":", 1)
        other = f"{3 - int(count)}:{term}"
        # (a limb counted both ways, "both legs up, grab one leg", tells nothing)
        if other in its and said not in its and other not in counted:
            return True
    return False


def done_elsewhere(
    position: tuple[str, tuple[int, ...]] | None, exercise_id: str, index: LanguageIndex
) -> bool:
    """Whether the exercise's page says it is done in another body position than the one
    stated ("lie face down ... lift your head and chest" is no Chest Lift, done on the back).
    A page that states none is never doubted."""
    if position is None:
        return False
    done_in = index.position_of.get(exercise_id)
    return done_in is not None and done_in != position[0]


def _lead(ranked: list[tuple[str, float]]) -> float:
    """How clearly the best of a ranking stands out: its fit, if ahead of the next by a margin."""
    if not ranked:
        return 0.0
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][1] if ranked[0][1] - second >= SENTENCE_MARGIN else 0.0


def names_fully(
    text: str, index: LanguageIndex, analysis: Analysis | None = None
) -> list[NameMatch]:
    """The exercises a sentence names in full (for reading a story); `analysis`: the
    sentence's, when already analysed."""
    if analysis is None:
        analysis = index.analyse(text)
    lookup = index.names.lookup(analysis, in_full=True)
    named = _named(lookup.matches, analysis, index, lookup.words)
    return [m for m in named if m.score == 1.0]


def told(
    text: str, index: LanguageIndex, analysis: Analysis | None = None
) -> list[tuple[str, float]]:
    """The exercises a sentence of a story describes, best first, read as a message's own
    description is (`read`): by the pages' own text, and by their whole portraits when it
    says enough words ("we lie on our back, curl up and pump the arms for ages").
    `analysis`: the sentence's, when already analysed."""
    if analysis is None:
        analysis = index.analyse(text)
    lexicon = index.lexicon
    asking = frozenset(p for _, span in lexicon.name_requests.find_all(analysis) for p in span)
    terms = [
        term
        for at, (term, stop) in enumerate(zip(analysis.terms, analysis.stop, strict=True))
        if not stop and at not in asking
    ]
    if sum(term in index.faq for term in terms) < DESCRIPTION_TERMS:
        return []
    position = lexicon.position(analysis)
    if position is not None:
        terms.append(position_term(position[0]))
    portraits = len(set(terms)) >= PORTRAIT_TERMS
    return _describe(terms, position, index, portraits=portraits)


def _asked_within(
    analysis: Analysis, lexicon: Lexicon, said: frozenset[int], question: frozenset[int]
) -> PartAsked | None:
    """The part the `question` sentence alone asks for (the names' words left out)."""
    elsewhere = frozenset(range(len(analysis))) - question
    return find_part(analysis, lexicon, ignore=said | elsewhere)


def split_story(text: str) -> tuple[list[str], str] | None:
    """A long message as the sentences before its question, and the question (its last
    question, else its last sentences); None for a message short enough to read whole."""
    sentences = _sentences(text)
    lengths = [len(s.split()) for s in sentences]  # a word count that needs no analysis
    if sum(lengths) <= LONG_MESSAGE_WORDS:
        return None
    asks = [i for i, s in enumerate(sentences) if "?" in s]
    if asks:
        end = start = asks[-1] + 1
        taken = 0
        # "any ideas?" needs the sentences before it to mean anything
        while start > 0 and taken < QUESTION_WORDS:
            start -= 1
            taken += lengths[start]
        return sentences[:start], " ".join(sentences[start:end])
    start, taken = len(sentences), 0
    while start > 0 and taken < TAIL_WORDS:
        start -= 1
        taken += lengths[start]
    return sentences[:start], " ".join(sentences[start:])


def _named(
    names: list[NameMatch],
    message: Analysis,
    index: LanguageIndex,
    explained: frozenset[int],
    cues: frozenset[int] = frozenset(),
    asides: frozenset[str] = frozenset(),
) -> list[NameMatch]:
    """The exercise the message names, then any others it also names in other words
    ("is side bend the same as mermaid"); empty when no name is clear. `cues`: the words that
    ask for a part or a random pick, which choose no name; `asides`: exercises named only as
    context (`_asides`), which are not chosen but may still make a name unsure."""
    scored = [(m, adjusted(m, message, index, explained)) for m in names]
    body = body_words(message, index)
    strong = [
        (m, s)
        for m, s in scored
        if s >= NAME_ALONE
        and m.exercise_id not in asides
        and _distinctive(m, message, index)
        and not only_the_body(m, message, body)
        and not _a_verb_of_its_object(m, message, index.lexicon)
    ]
    if not strong:
        return _fragment([m for m in names if m.exercise_id not in asides], message)

    def said(match: NameMatch) -> frozenset[int]:
        return _said(match, message)

    # The name that accounts for more of what was said wins: "reverse plank" is Leg Pull
    # Back's alias, not Plank with a stray word.
    # A name said exactly goes before one matched loosely elsewhere in the message ("el
    # corkscrew ... bajo las piernas" names Corkscrew, not "bajada de piernas"), but not
    # before a longer one that holds it ("reverse plank" is not Plank).
    # (a name's words in another form or order, "I bridge up onto my shoulders", say no name
    # exactly)
    # (what the longer one says more must be words no name of the exact one's exercise has:
    # "a plank I can hold for ages" is Plank's "plank hold", not Side Plank's "side plank hold")
    exact = [
        (said(m), index.names.terms_of(m.exercise_id))
        for m, s in strong
        if s >= EXACT and as_named(m, message, index.lexicon)
    ]
    strong = [
        (m, s)
        for m, s in strong
        if s >= EXACT
        or not exact
        or any(
            said(m) > e and any(message.stems[p] not in own for p in said(m) - e)
            for e, own in exact
        )
    ]
    # ...and, as long, one said as it is written before one said in another form of its
    # words ("neck pull" before "rolling up" in "neck pull: is so much rolling up safe?")
    top, score = max(
        strong,
        key=lambda ms: (
            len(said(ms[0])),
            as_named(ms[0], message, index.lexicon),
            ms[1],
            ms[0].is_title,
        ),
    )
    title = top.title_positions
    in_one_go = top.title_score >= 1.0 and max(title, default=0) - min(title, default=0) < len(
        title
    )
    if score >= EXACT and not in_one_go and not _own_word(top, message, index):
        # Of names said apart, in full, one with a word only Pilates uses ("in the jackknife
        # my roll down is clean now") goes before a longer one of everyday words only, which
        # a story says on the way as often as it names ("roll down", "bend to the side"),
        # unless that one is its title said word after word ("the plank part of the push up")
        own = [
            (m, s)
            for m, s in strong
            if s >= EXACT and m.positions.isdisjoint(top.positions) and _own_word(m, message, index)
        ]
        if own:
            top, score = max(own, key=lambda ms: (len(said(ms[0])), ms[1], ms[0].is_title))
    # One word, exactly a nickname of one exercise ("cisne" of Swan Prep) and also part of
    # other exercises' names ("cisne con balanceo"): not a choice the message made; nor with
    # its article ("el cisne"), which names nothing, nor with words that ask for a part of it
    # ("explain the cisne"), which choose none.
    fillers = index.lexicon.name_fillers

    def core(match: NameMatch) -> frozenset[int]:
        return frozenset(p for p in match.positions if message.stems[p] not in fillers)

    alone = message.said - cues
    nickname = len(alone) == 1 and core(top) == alone and top.score >= 1.0
    also: list[NameMatch] = []
    for rival, rival_score in scored:
        # a name inside the top one, both said exactly, its little words aside ("la plancha"
        # in "la plancha de lado"): the top one says it
        inside = rival.positions < top.positions or (
            min(rival.score, top.score) >= EXACT and core(rival) < core(top)
        )
        if rival is top or (inside and not nickname):
            continue
        if rival.positions.isdisjoint(top.positions):
            if rival.exercise_id in asides or _a_verb_of_its_object(rival, message, index.lexicon):
                continue
            if as_named(top, message, index.lexicon) and not as_named(
                rival, message, index.lexicon
            ):
                continue  # its words in another form tell what is done: "so much rolling up"
            if rival_score >= NAME_SURE and all(
                rival.positions.isdisjoint(a.positions) for a in also
            ):
                also.append(rival)
            continue
        shared_title = rival.title_score >= RIVAL_TITLE and rival.title_positions >= top.positions
        shared_nickname = nickname and rival.score >= RIVAL_TITLE
        if top.title_score < 1.0 and (shared_title or shared_nickname):
            return []  # words in two names, said in neither way in full: "swan", "leg pull"
        if _split_by(said(rival), top):
            continue  # Plank's "forearm ... plank", said around the title "side plank"
        if (
            in_one_go
            and max(top.positions) - min(top.positions) < len(top.positions)
            and max(rival.positions) - min(rival.positions) >= len(rival.positions)
        ):
            # a title said word after word before a name whose words lie apart and share
            # one with it ("my feet down in the roll up" says no "roll down")
            continue
        if rival_score > score - NAME_MARGIN or (score < NAME_SURE and rival_score >= RIVAL_NEAR):
            return []
    return [top, *also]


def _a_verb_of_its_object(match: NameMatch, message: Analysis, lexicon: Lexicon) -> bool:
    """Whether a name of one word is said as a verb: right before a word it acts on
    (Language.objects: "saw it on a reel", "saw myself in the mirror"), with no article or
    name word before it."""
    said = [p for p in match.positions if not message.stop[p]]
    if len(said) != 1:
        return False
    at = said[0]
    before = at - 1
    if before >= 0 and message.words[before] in lexicon.name_fillers:
        return False  # "the saw it says..." names it
    after = at + 1
    return after < len(message) and message.words[after] in lexicon.objects


def _own_word(match: NameMatch, message: Analysis, index: LanguageIndex) -> bool:
    """Whether a name is said with a word that is no everyday word ("jackknife", "mermaid";
    not "roll down", "side bend")."""
    return any(
        message.words[p] not in index.common_words for p in match.positions if not message.stop[p]
    )


def _said(match: NameMatch, message: Analysis) -> frozenset[int]:
    """The positions of a name's words that say it: a little word apart from the rest says
    nothing ("en" far off is no part of "flexión lateral en plancha" when "plancha lateral" is
    said; "up" of "push up" is part of it)."""
    at = match.positions
    return frozenset(
        p for p in at if not message.stop[p] or any(abs(p - q) <= NEAR for q in at if q != p)
    )


def _split_by(rival: frozenset[int], top: NameMatch) -> bool:
    """Whether `top`'s title, said word after word, sits inside the `rival` name's words and
    holds a word the rival does not: then the rival was not said, its words belong to two
    names (Plank's "forearm plank", said around Side Plank's title, names no Plank)."""
    title = top.title_positions
    if top.title_score < 1.0 or not title or not rival or max(title) - min(title) >= len(title):
        return False
    low, high = min(rival), max(rival)
    return any(low < p < high and p not in rival for p in title)


def _distinctive(match: NameMatch, message: Analysis, index: LanguageIndex) -> bool:
    """A name said in full, or in part with at least one word that is not an everyday word
    nor a level: "lower" alone does not name Lower Lift, "mermaid" names Mermaid."""
    if match.score >= EXACT:
        return True
    at = match.positions
    if match.title_score >= NAME_SURE and len(at) >= 2 and max(at) - min(at) < len(at):
        return True  # its title said word after word, one mistyped or misheard ("role up")
    said = [message.words[p] for p in match.positions if not message.stop[p]]
    # "beginner" (a keyword "beginner pilates") says a level, which many pages share
    levels = index.lexicon.difficulty
    return any(word not in index.common_words and word not in levels for word in said)


def body_words(message: Analysis, index: LanguageIndex) -> frozenset[int]:
    """The positions of the words that name a place of the body (Language.body_places):
    "shoulders", "neck", "hip", "cadera"."""
    return frozenset(p for _, at in index.lexicon.places(message) for p in at)


def only_the_body(match: NameMatch, message: Analysis, body: frozenset[int]) -> bool:
    """Whether a name is said only in part, and only in its words of the body (`body`):
    "my shoulders ache" says a word of Shoulder Bridge, "tengo el cuello cargado" one of Neck Pull,
    but a place is what a story or a problem is told of. Weak evidence of the exercise: the
    whole name ("neck pull") or a word of its own ("bridge", "pul") still names it."""
    said = {p for p in match.positions if not message.stop[p]}
    if match.score >= EXACT:
        # said in full, but around a place of the body that one of its words belongs to ("my
        # lower back lifts" holds "lower lift"): the place is what is told of, not the name
        between = set(range(min(said, default=0), max(said, default=0))) - match.positions
        return bool(said & body) and bool(between & body)
    return bool(said) and said <= body


def _fragment(names: list[NameMatch], message: Analysis) -> list[NameMatch]:
    """A message that is nothing but a piece of one exercise's name ("bicho", "balancín"):
    every word it says is in that name and no other name holds them all."""
    if not names or names[0].score < FRAGMENT_FLOOR:
        return []
    top = names[0]
    if not message.said or not message.said <= top.positions:
        return []
    if any(rival.positions >= top.positions for rival in names[1:]):
        return []
    return [top]


def adjusted(
    match: NameMatch, message: Analysis, index: LanguageIndex, explained: frozenset[int]
) -> float:
    """A name's score, lowered when an unknown word stands right beside it ("downward dog")."""
    if not match.positions:
        return 0.0
    neighbours = {min(match.positions) - 1, max(match.positions) + 1} - match.positions - explained
    score = match.score
    for position in neighbours:
        if 0 <= position < len(message) and not message.stop[position]:
            word = message.words[position]
            if word not in index.known_words and message.terms[position] not in index.names:
                score *= (
                    UNKNOWN_NEIGHBOUR  # once per side: a name inside a phrase about something else
                )
    return score


def says_other_words(message: Message, index: LanguageIndex, ignore: frozenset[int]) -> bool:
    """Whether the message says, outside `ignore`, a real word no page uses ("physiotherapist",
    "thursday"): what it asks for is then something else than the pages hold."""
    a = message.analysis
    return any(
        index.speller.is_other_word(word)
        for position, word in enumerate(a.words)
        if position not in ignore and not a.stop[position]
    )
