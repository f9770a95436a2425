"""The one domain entry point: answer(text, lang) -> Answer.

A message is understood in stages: which exercise it names (and how sure we are), which part
it asks for, then whether the rest of it is a FAQ question (of that exercise, or of any when
none is named). When unsure it offers suggestions, and when nothing fits it says so.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from bot.content import DEFAULT_LANG, Difficulty, Exercise, FaqEntry, Level, Library
from bot.intent import (
    PartAsked,
    RandomFilters,
    RandomRequest,
    Section,
    find_foreign_exercise,
    find_part,
    find_random,
    find_small_talk,
)
from bot.lexicon import Analysis, Lexicon, lexicon
from bot.matching import (
    FaqIndex,
    FaqMatch,
    FaqSource,
    NameIndex,
    NameLookup,
    NameMatch,
    position_term,
)
from bot.text import words

# Calibrated on tests/answer_set (see README "How answers are chosen").
NAME_SURE = 0.8  # share of a name's weight a message must contain to name it
NAME_MARGIN = 0.15  # and by how much it must beat the next exercise
NAME_ALONE = 0.62  # enough when no other exercise comes near (typos, half names)
RIVAL_NEAR = 0.45  # a rival this close makes a name below NAME_SURE unsure
RIVAL_TITLE = 0.4  # a rival whose own title holds this much of the message: ambiguous
FRAGMENT_FLOOR = 0.3  # a lone piece of exactly one name, see _fragment
SUGGEST_FLOOR = 0.5  # below this a partial name is not even a suggestion
FAQ_NAMED = 0.4  # a FAQ entry of the named exercise answers the rest of the message
FAQ_ANY = 0.55  # a FAQ entry answers a message naming no exercise (2+ shared words)
FAQ_MARGIN = 0.05
MAX_SUGGESTIONS = 3
SEARCH_FLOOR = 0.3  # inline search lists looser matches than a chat answer would accept
LONG_MESSAGE_WORDS = 60  # beyond this, the question is in the last sentences
TAIL_WORDS = 25
QUESTION_WORDS = 8  # a shorter last question is read with the sentences before it
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
UNKNOWN_NEIGHBOUR = 0.85  # a name next to a word no page uses may be part of something else


class AnswerKind(StrEnum):
    EXERCISE = "exercise"
    FAQ = "faq"
    RANDOM = "random"
    SUGGESTIONS = "suggestions"
    NONE = "none"


class NoAnswer(StrEnum):
    """Why there is no answer, so the reply can say something useful."""

    EMPTY = "empty"
    GREETING = "greeting"
    THANKS = "thanks"
    CHAT = "chat"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Answer:
    kind: AnswerKind
    lang: str = DEFAULT_LANG
    exercise: Exercise | None = None
    section: Section | None = None
    level: Level | None = None  # easier or harder, when modifications were asked that way
    faq: FaqEntry | None = None
    candidates: tuple[Exercise, ...] = ()
    filters: RandomFilters = field(default_factory=RandomFilters)
    reason: NoAnswer | None = None


@dataclass(frozen=True, slots=True)
class _FaqRef:
    exercise_id: str
    entry: FaqEntry


class _LanguageIndex:
    """Everything one language needs to answer, built once."""

    def __init__(self, library: Library, lang: str) -> None:
        self.lexicon: Lexicon = lexicon(lang)
        pages = library.catalogue(lang)
        known: set[str] = set()
        names: list[tuple[str, str, bool]] = []
        faq: list[FaqSource] = []
        self.faq_refs: list[_FaqRef] = []
        muscle_words: set[str] = set()
        # Each exercise's body position, as its description states it first ("A prone...").
        self.position_of: dict[str, str] = {}
        for page in pages:
            exercise_id = library.id_of(page)
            stated = self.lexicon.position(self.lexicon.analyse(page.description))
            position = stated[0] if stated else None
            if position is not None:
                self.position_of[exercise_id] = position
            names.append((exercise_id, page.title, True))
            names.extend((exercise_id, keyword, False) for keyword in page.keywords)
            original = library.get(exercise_id, DEFAULT_LANG)
            if original is not None and original is not page:
                # People type the English name too ("teaser", "roll up") whatever their language.
                names.append((exercise_id, original.title, True))
                names.extend((exercise_id, keyword, False) for keyword in original.keywords)
            name_terms = frozenset(self.lexicon.term(w) for w in words(page.title))
            context = " ".join((page.title, *page.keywords, page.description, *page.steps))
            for entry in page.faq:
                faq.append(
                    FaqSource(
                        exercise_id, entry.question, entry.answer, name_terms, context, position
                    )
                )
                self.faq_refs.append(_FaqRef(exercise_id, entry))
            for muscle in page.muscles:
                single = words(muscle)
                if len(single) == 1 and len(single[0]) > 3:  # "oblicuos", not "parte alta de..."
                    muscle_words.add(self.lexicon.stem(single[0]))
            body = page.body.overview + page.body.benefits + page.body.mistakes + page.body.tips
            for text in (
                page.description,
                *page.steps,
                *(f"{f.question} {f.answer}" for f in page.faq),
                *(f"{m.name} {m.description}" for m in page.modifications),
                *(block.text for block in body),
            ):
                known.update(words(text))
        self.names = NameIndex(names, self.lexicon, frozenset(known))
        self.faq = FaqIndex(faq, self.lexicon)
        self.muscle_words = frozenset(muscle_words)
        self.known_words = frozenset(known)

    def analyse(self, text: str) -> Analysis:
        """A message, analysed with this language's lexicon and the content's words."""
        return self.lexicon.analyse(text, self.known_words)


class AnswerEngine:
    """Answers messages from one library; Telegram-free, shared by every front end."""

    def __init__(self, library: Library, rng: random.Random | None = None) -> None:
        self.library = library
        self._rng = rng or random.Random()
        self._indexes = {
            lang: _LanguageIndex(library, lang) for lang in {DEFAULT_LANG} | library.languages
        }

    def _index(self, lang: str) -> _LanguageIndex:
        return self._indexes.get(lang) or self._indexes[DEFAULT_LANG]

    def answer(self, text: str, lang: str = DEFAULT_LANG, *, about: str | None = None) -> Answer:
        """Answer one message. `about` is the exercise the conversation is on, if any."""
        if len(words(text)) > LONG_MESSAGE_WORDS:
            return self._answer_story(text, lang, about)
        return self._answer(text, lang, about)

    def _answer_story(self, text: str, lang: str, about: str | None) -> Answer:
        """A long message is a story, then the question: answer the question, about the
        exercise the story last names when the question names none."""
        index = self._index(lang)
        story, question = self._split_tail(text)
        if not self._named(*self._names_in(question, index)):
            for sentence in reversed(story):
                named = [m for m in self._named(*self._names_in(sentence, index)) if m.score == 1.0]
                if named:
                    # The sentence naming it usually states the problem ("...the roll up: my
                    # feet lift...") that a short question ("why?") is about.
                    on_topic = self._answer(f"{sentence} {question}", lang, about)
                    if on_topic.kind is AnswerKind.FAQ:
                        return on_topic
                    about = named[-1].exercise_id
                    break
        answer = self._answer(question, lang, about)
        if answer.kind is AnswerKind.SUGGESTIONS:
            # A name-like word in a story is no sign of a question about that exercise.
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer.UNKNOWN)
        return answer

    def _names_in(
        self, text: str, index: _LanguageIndex
    ) -> tuple[list[NameMatch], Analysis, _LanguageIndex, frozenset[int]]:
        message = index.analyse(text)
        lookup = index.names.lookup(message)
        return lookup.matches, message, index, lookup.words

    @staticmethod
    def _split_tail(text: str) -> tuple[list[str], str]:
        """The sentences of a long message before its question, and the question (its last
        question, else its last sentences)."""
        sentences = _SENTENCE_END.split(text.strip())
        asks = [i for i, s in enumerate(sentences) if "?" in s]
        if asks:
            end = start = asks[-1] + 1
            # "what can I do?" needs the sentences before it to mean anything
            while start > 0 and sum(len(words(s)) for s in sentences[start:end]) < QUESTION_WORDS:
                start -= 1
            return sentences[:start], " ".join(sentences[start:end])
        tail: list[str] = []
        while sentences and sum(len(words(s)) for s in tail) < TAIL_WORDS:
            tail.insert(0, sentences.pop())
        return sentences, " ".join(tail)

    def _answer(self, text: str, lang: str, about: str | None) -> Answer:
        index = self._index(lang)
        message = index.analyse(text)
        if not message.words:
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer.EMPTY)
        talk = find_small_talk(message, index.lexicon)
        if talk is not None:
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer(talk.value))
        part = find_part(message, index.lexicon)
        request = find_random(message, index.lexicon, index.muscle_words)
        cues = (part.positions if part else frozenset()) | request.positions
        lookup = index.names.lookup(message)
        names = lookup.matches
        named = self._named(names, message, index, cues | lookup.words)
        if not named or named[0].score < NAME_SURE:
            described = self._described(message, index, lookup)
            if described:
                return Answer(AnswerKind.SUGGESTIONS, lang, candidates=described)
        foreign = find_foreign_exercise(message, index.lexicon)
        if foreign and (not named or named[0].positions <= foreign):
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer.UNKNOWN)  # "pull up", "squats"
        if named and not self._only_filter_words(named[0], message, request):
            answer = self._about_exercise(named, message, index, lang, lookup)
            loosely_named = named[0].title_score < 1.0 and named[0].score < 1.0
            if loosely_named and answer.kind in (AnswerKind.EXERCISE, AnswerKind.FAQ):
                # A name only implied by a few words ("the feet" of Toe Taps) gives way to a
                # FAQ entry that the whole message describes better.
                faq = self._faq_anywhere(message, index, lookup, margin=False)
                if faq is not None and index.faq_refs[faq.entry_id].entry is not answer.faq:
                    return self._faq_answer(faq, index, lang)
            return answer
        if request.filters or request.asked:
            unexplained = self._content_terms(message, cues)
            weak_name = not names or max(m.title_score for m in names) < SUGGEST_FLOOR
            only_filters = not unexplained and request.filters.count >= 2
            if request.asked or only_filters or (weak_name and len(unexplained) <= 1):
                # "can I sit another way, my knees hurt" is a question, not "another one".
                faq = self._faq_anywhere(message, index, lookup) if request.weak else None
                if faq is not None:
                    return self._faq_answer(faq, index, lang)
                return self._random(request.filters, lang)
        ambiguous = [m for m in names if m.score >= SUGGEST_FLOOR][:MAX_SUGGESTIONS]
        if ambiguous:
            # "side kicks propping my head on my hand makes my neck sore": the question tells
            # which of the exercises it could mean.
            settled = self._faq_of(
                ambiguous, message, index, FAQ_NAMED + FAQ_MARGIN, lookup, by_page=True
            )
            if settled is not None:
                # unless the whole message fits another exercise's entry better
                anywhere = self._faq_anywhere(message, index, lookup, margin=False)
                if anywhere is not None and anywhere.score > settled.score:
                    settled = anywhere
                return self._faq_answer(settled, index, lang)
        if about is not None and about in self.library:
            # A follow-up on the exercise on screen: "make it easier", "tips?", or one of its
            # FAQ questions; not any message that happens to contain "what's".
            on_topic = self._about_exercise(
                [NameMatch(about, 1.0, 1.0, about, True, frozenset())], message, index, lang, lookup
            )
            follow_up = (
                part is not None
                and part.section is not Section.OVERVIEW
                and len(self._content_terms(message, part.positions)) <= 1
            )
            if follow_up or on_topic.kind is AnswerKind.FAQ:
                return on_topic
        faq = self._faq_anywhere(message, index, lookup)
        if faq is not None:
            return self._faq_answer(faq, index, lang)
        suggestions = self._suggestions(names, message, index)
        if suggestions:
            return Answer(AnswerKind.SUGGESTIONS, lang, candidates=suggestions)
        return Answer(AnswerKind.NONE, lang, reason=NoAnswer.UNKNOWN)

    # --- stage 1: the exercise named -------------------------------------------------------

    @staticmethod
    def _only_filter_words(named: NameMatch, message: Analysis, request: RandomRequest) -> bool:
        """A name matched only through filter words: "random adductor exercise" is a random
        pick, not the page whose keyword is "adductor exercise"."""
        core = named.positions & message.said
        return core <= request.positions and (named.score < 1.0 or request.asked)

    def _named(
        self,
        names: list[NameMatch],
        message: Analysis,
        index: _LanguageIndex,
        explained: frozenset[int],
    ) -> list[NameMatch]:
        """The exercise the message names, then any others it also names in other words
        ("is side bend the same as mermaid"); empty when no name is clear."""
        scored = [(m, self._adjusted(m, message, index, explained)) for m in names]
        strong = [(m, s) for m, s in scored if s >= NAME_ALONE]
        if not strong:
            return self._fragment(names, message)
        # The name that accounts for more of what was said wins: "reverse plank" is Leg Pull
        # Back's alias, not Plank with a stray word.
        top, score = max(strong, key=lambda ms: (len(ms[0].positions), ms[1], ms[0].is_title))
        # One word, exactly a nickname of one exercise ("cisne" of Swan Prep) and also part of
        # other exercises' names ("cisne con balanceo"): not a choice the message made.
        nickname = len(message.said) == 1 and top.positions == message.said and top.score >= 1.0
        also: list[NameMatch] = []
        for rival, rival_score in scored:
            if rival is top or rival.positions < top.positions:
                continue
            if rival.positions.isdisjoint(top.positions):
                if rival_score >= NAME_SURE and all(
                    rival.positions.isdisjoint(a.positions) for a in also
                ):
                    also.append(rival)
                continue
            shared_title = (
                rival.title_score >= RIVAL_TITLE and rival.title_positions >= top.positions
            )
            shared_nickname = nickname and rival.score >= RIVAL_TITLE
            if top.title_score < 1.0 and (shared_title or shared_nickname):
                return []  # words in two names, said in neither way in full: "swan", "leg pull"
            if rival_score > score - NAME_MARGIN or (
                score < NAME_SURE and rival_score >= RIVAL_NEAR
            ):
                return []
        return [top, *also]

    def _described(
        self, message: Analysis, index: _LanguageIndex, lookup: NameLookup
    ) -> tuple[Exercise, ...]:
        """Exercises a message points at by body position, and maybe a word of their names:
        "the all fours one", "la patada boca abajo". Empty unless that is all it says."""
        stated = index.lexicon.position(message)
        if stated is None:
            return ()
        position, span = stated
        rest = message.said - set(span)
        if not rest <= lookup.words:
            return ()  # more than a reference: a question, say
        there = [e for e, p in index.position_of.items() if p == position]
        # "the kicking one on my belly": among the exercises there, those whose titles hold
        # the rest; when that leaves one ("standing roll"), naming it is the name stage's job.
        every = index.names.lookup(message, limit=len(index.position_of)).matches
        named = [
            m.exercise_id for m in every if m.exercise_id in there and rest <= m.title_positions
        ]
        if rest and len(named) == 1:
            return ()
        if len(there) > MAX_SUGGESTIONS:
            there = named
        if not 2 <= len(there) <= MAX_SUGGESTIONS:
            return ()
        return self._exercises(there, message.lang)

    @staticmethod
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

    def _adjusted(
        self, match: NameMatch, message: Analysis, index: _LanguageIndex, explained: frozenset[int]
    ) -> float:
        """A name's score, lowered when an unknown word stands right beside it ("downward dog")."""
        if not match.positions:
            return 0.0
        neighbours = (
            {min(match.positions) - 1, max(match.positions) + 1} - match.positions - explained
        )
        score = match.score
        for position in neighbours:
            if 0 <= position < len(message) and not message.stop[position]:
                word = message.words[position]
                if word not in index.known_words and message.terms[position] not in index.names:
                    score *= UNKNOWN_NEIGHBOUR  # once per side: "me doy de baja del gimnasio"
        return score

    def _suggestions(
        self, names: list[NameMatch], message: Analysis, index: _LanguageIndex
    ) -> tuple[Exercise, ...]:
        if not names:
            return ()
        sharing = [m for m in names if message.said and m.title_positions >= message.said]
        if len(sharing) >= 2:
            # Nothing but words several titles share ("roll", "double leg"): those exercises.
            sharing.sort(key=lambda m: m.title_score, reverse=True)
            return self._exercises([m.exercise_id for m in sharing[:MAX_SUGGESTIONS]], message.lang)
        scores = [(m.exercise_id, self._adjusted(m, message, index, frozenset())) for m in names]
        top = scores[0][1]
        if top < SUGGEST_FLOOR:
            return ()
        picked = [
            exercise_id
            for exercise_id, score in scores
            if score >= max(SUGGEST_FLOOR * 0.7, top - 0.5)
        ]
        return self._exercises(picked[:MAX_SUGGESTIONS], message.lang)

    # --- stage 2 and 3: the part asked, or a FAQ question ----------------------------------

    def _about_exercise(
        self,
        named: list[NameMatch],
        message: Analysis,
        index: _LanguageIndex,
        lang: str,
        lookup: NameLookup,
    ) -> Answer:
        said = frozenset().union(*(m.positions for m in named))
        # The names' words are taken out first: "what does the saw do" asks "what does ... do".
        part = find_part(message, index.lexicon, ignore=said)
        cue_only = part is not None and not self._content_terms(message, said | part.positions)
        if not cue_only:
            faq = self._faq_of(named, message, index, FAQ_NAMED, lookup)
            if faq is not None:
                return self._faq_answer(faq, index, lang)
        if len(named) > 1 and part is None:
            return Answer(
                AnswerKind.SUGGESTIONS,
                lang,
                candidates=self._exercises([m.exercise_id for m in named], lang),
            )
        return self._exercise_answer(named[0].exercise_id, part, lang)

    def _faq_of(
        self,
        named: list[NameMatch],
        message: Analysis,
        index: _LanguageIndex,
        floor: float,
        lookup: NameLookup,
        *,
        by_page: bool = False,
    ) -> FaqMatch | None:
        """The FAQ entry of the named exercises that the rest of the message asks, if any.

        Exercises whose titles the message says in full join in: "is side bend the same as
        mermaid" may be answered on either page.
        """
        said = frozenset().union(*(m.positions for m in named))
        rest = self._content_terms(message, said)
        if not rest:
            return None
        ids = {m.exercise_id for m in named}
        ids.update(m.exercise_id for m in lookup.matches if m.title_score >= 1.0)
        within = index.faq.entries_of(*ids)
        matches = index.faq.match(rest, within=within, limit=1, known_only=True, by_page=by_page)
        return matches[0] if matches and matches[0].score >= floor else None

    def _faq_anywhere(
        self, message: Analysis, index: _LanguageIndex, lookup: NameLookup, *, margin: bool = True
    ) -> FaqMatch | None:
        """The FAQ entry of any exercise the message asks, if one stands out (by FAQ_MARGIN
        over other exercises' entries, unless `margin` is off)."""
        if message.said <= lookup.words:
            return None  # only fragments of names ("leg pull"): not a question
        terms = self._content_terms(message, frozenset())
        # "lying on my side ...": the position points at the exercises done that way.
        stated = index.lexicon.position(message)
        if stated is not None:
            terms.append(position_term(stated[0]))
        matches = index.faq.match(terms, limit=10)
        # One shared word ("twist") is a name fragment, not a question.
        if not matches or matches[0].score < FAQ_ANY or matches[0].matched < 2:
            return None
        top = matches[0]
        rival = next((m for m in matches[1:] if m.exercise_id != top.exercise_id), None)
        if margin and rival is not None and top.score - rival.score < FAQ_MARGIN:
            return None
        return top

    @staticmethod
    def _content_terms(message: Analysis, used: frozenset[int]) -> list[str]:
        return [
            term
            for position, (term, stop) in enumerate(zip(message.terms, message.stop, strict=True))
            if not stop and position not in used
        ]

    # --- building answers ----------------------------------------------------------------

    def _exercise_answer(self, exercise_id: str, part: PartAsked | None, lang: str) -> Answer:
        exercise = self.library.get(exercise_id, lang)
        section = part.section if part else Section.OVERVIEW
        return Answer(
            AnswerKind.EXERCISE,
            lang,
            exercise=exercise,
            section=section,
            level=part.level if part else None,
        )

    def _faq_answer(self, match: FaqMatch, index: _LanguageIndex, lang: str) -> Answer:
        ref = index.faq_refs[match.entry_id]
        return Answer(
            AnswerKind.FAQ, lang, exercise=self.library.get(ref.exercise_id, lang), faq=ref.entry
        )

    def _random(self, filters: RandomFilters, lang: str) -> Answer:
        pool = [e for e in self.library.catalogue(lang) if filters.accepts(e)]
        exercise = self._rng.choice(pool) if pool else None
        return Answer(
            AnswerKind.RANDOM,
            lang,
            exercise=exercise,
            section=Section.OVERVIEW if exercise else None,
            filters=filters,
        )

    def random(self, filters: RandomFilters, lang: str = DEFAULT_LANG) -> Answer:
        """A random exercise under `filters` (the /random command)."""
        return self._random(filters, lang)

    def search(self, text: str, lang: str = DEFAULT_LANG, limit: int = 10) -> tuple[Exercise, ...]:
        """Exercises whose names a (possibly half-typed) query matches, best first."""
        index = self._index(lang)
        message = index.analyse(text)
        names = index.names.lookup(message, limit=limit).matches
        return self._exercises([m.exercise_id for m in names if m.score >= SEARCH_FLOOR], lang)

    def popular(
        self, most_saved: Iterable[str], lang: str = DEFAULT_LANG, limit: int = 10
    ) -> tuple[Exercise, ...]:
        """What to show before anything is asked: the most saved, then beginner exercises."""
        found = list(self._exercises(most_saved, lang))
        for exercise in self.library.catalogue(lang):
            if len(found) >= limit:
                break
            if exercise not in found and exercise.difficulty is Difficulty.BEGINNER:
                found.append(exercise)
        return tuple(found[:limit])

    def filters_from(self, text: str, lang: str = DEFAULT_LANG) -> RandomFilters:
        index = self._index(lang)
        return find_random(index.analyse(text), index.lexicon, index.muscle_words).filters

    def _exercises(self, ids: Iterable[str], lang: str) -> tuple[Exercise, ...]:
        found = (self.library.get(i, lang) for i in ids)
        return tuple(e for e in found if e is not None)
