"""answer(text, lang, about) -> Answer: read the message once, let every producer propose,
let the policy choose."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from bot.content import (
    DEFAULT_LANG,
    Difficulty,
    Exercise,
    Library,
    RandomFilters,
    Section,
    collector,
)
from bot.engine import descriptions, names, questions, requests, sessions
from bot.engine.answer import Answer, AnswerKind, NoAnswer
from bot.engine.candidates import Candidate
from bot.engine.index import LanguageIndex, remembering
from bot.engine.intent import find_random
from bot.engine.lexicon import Analysis
from bot.engine.message import (
    LONG_MESSAGE_WORDS,
    STORY_SENTENCES,
    Message,
    names_fully,
    read,
    split_story,
    told,
)
from bot.engine.policy import Decision, decide

SEARCH_FLOOR = 0.3  # inline search lists looser matches than a chat answer would accept
UNSURE = names.UNSURE  # a card for a writer unsure which exercise it was (names.UNSURE)
_ABOUT_ONE = (AnswerKind.FAQ, AnswerKind.EXERCISE)  # answers about one exercise


class AnswerEngine:
    """Answers messages from one library; Telegram-free, shared by every front end."""

    def __init__(
        self,
        library: Library,
        rng: random.Random | None = None,
        states: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        """`states`: each language's index as the index cache kept it (bot/engine/cache.py)."""
        self.library = library
        self._rng = rng or random.Random()
        kept = states or {}
        with collector.paused():
            self._indexes = {
                lang: LanguageIndex(library, lang, kept.get(lang))
                for lang in sorted({DEFAULT_LANG} | library.languages)
            }

    def states(self) -> dict[str, dict[str, Any]]:
        """Each language's built index, for the index cache."""
        return {lang: index.state() for lang, index in self._indexes.items()}

    def _index(self, lang: str) -> LanguageIndex:
        return self._indexes.get(lang) or self._indexes[DEFAULT_LANG]

    def answer(self, text: str, lang: str = DEFAULT_LANG, *, about: str | None = None) -> Answer:
        """Answer one message. `about` is the exercise the conversation is on, if any."""
        index = self._index(lang)
        story = split_story(text)
        # A text is analysed once: a story's sentences and its question are read more than
        # once, a message's sentences and clauses are read besides the whole.
        with remembering():
            if story is None:
                return self._answer(read(text, index, about), lang)
            return self._answer_story(*story, index, lang, about)

    def candidates(
        self, text: str, lang: str = DEFAULT_LANG, *, about: str | None = None
    ) -> list[Candidate]:
        """Every candidate the producers propose for a (short) message, best first."""
        found = self._propose(read(text, self._index(lang), about), self._index(lang))
        return sorted(found, key=lambda c: c.score, reverse=True)

    def _answer_story(
        self, story: list[str], question: str, index: LanguageIndex, lang: str, about: str | None
    ) -> Answer:
        """A long message is a story, then the question: answer the question, about the
        exercise the story last names when the question names none."""
        message = read(question, index, about)
        if not message.named:
            # each sentence analysed once: looked at for names, then, if none names one, for
            # what it describes (`_told`)
            analysed: dict[str, Analysis] = {}
            for sentence in reversed(story[-STORY_SENTENCES:]):
                analysed[sentence] = index.analyse(sentence)
                named = names_fully(sentence, index, analysed[sentence])
                if named:
                    # The sentence naming it usually states the problem ("...the roll up: my
                    # feet lift...") that a short question ("why?") is about.
                    on_topic = self._answer(read(f"{sentence} {question}", index, about), lang)
                    if on_topic.kind is AnswerKind.FAQ:
                        return on_topic
                    # the question as read, now about that exercise (reading it again
                    # would read the same: a long question cost a third of the answer)
                    message = replace(message, about=named[-1].exercise_id)
                    break
            else:
                return self._told(
                    story[-STORY_SENTENCES:], question, message, index, lang, analysed
                )
        return _in_story(self._answer(message, lang))

    def _told(
        self,
        story: list[str],
        question: str,
        message: Message,
        index: LanguageIndex,
        lang: str,
        analysed: Mapping[str, Analysis],
    ) -> Answer:
        """The answer to a question (read as `message`) after a story that names no exercise
        but describes one ("every class starts with the one where we lie on our back, curl up
        and pump the arms... is it my legs being too low?"): the sentence whose description
        one page's portrait explains best, clear of the next (STORY_FIT: a story's passing
        words fit some page a little), read with the question and about that page; its answer
        when it is that page's, else the question's own. `analysed`: each story sentence's
        analysis."""
        answer = self._answer(message, lang)
        if len(question.split()) > LONG_MESSAGE_WORDS:
            # a question that long is a message of its own, and reading it twice costs twice
            return _in_story(answer)
        best: tuple[str, float, str] | None = None
        for sentence in story:
            described = told(sentence, index, analysed.get(sentence))
            found = descriptions.stands_out(described, floor=descriptions.STORY_FIT)
            if found is not None and (best is None or found[1] > best[1]):
                best = (*found, sentence)
        if best is None or (answer.kind in _ABOUT_ONE and _of(answer) == best[0]):
            return _in_story(answer)
        exercise_id, _, sentence = best
        together = read(f"{sentence} {question}", index, exercise_id)
        # Only the described page's candidates, and those about no exercise (a question the
        # pages do not cover, small talk), which then leave the question to itself.
        decision = decide(
            c for c in self._propose(together, index) if c.exercise_id in (None, exercise_id)
        )
        chosen = decision.chosen
        if chosen is None or chosen.kind not in _ABOUT_ONE or chosen.exercise_id != exercise_id:
            return _in_story(answer)
        return _scored(self._build(decision, index, lang), decision)

    @staticmethod
    def _propose(message: Message, index: LanguageIndex) -> list[Candidate]:
        found = [
            *requests.propose(message, index),
            *sessions.propose(message, index),
            *names.propose(message, index),
            *questions.propose(message, index),
            *descriptions.propose(message, index),
        ]
        if message.unsure:
            # "the kicks, not sure if it was on my side or on my knees": the writer
            # does not know which exercise it was; a card is offered with its kin
            found = [
                replace(c, score=min(c.score, UNSURE)) if c.kind is AnswerKind.EXERCISE else c
                for c in found
            ]
            found.extend(names.unsure(message))
        return found

    def _answer(self, message: Message, lang: str) -> Answer:
        if not message.analysis.words:
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer.EMPTY)
        index = self._index(lang)
        decision = decide(self._propose(message, index))
        return _scored(self._build(decision, index, lang), decision)

    def _build(self, decision: Decision, index: LanguageIndex, lang: str) -> Answer:
        chosen = decision.chosen
        if chosen is None or chosen.kind is AnswerKind.SUGGESTIONS:
            found = self._exercises(decision.options, lang)
            if found:
                return Answer(AnswerKind.SUGGESTIONS, lang, candidates=found)
            return Answer(AnswerKind.NONE, lang, reason=NoAnswer.UNKNOWN)
        if chosen.kind is AnswerKind.NONE:
            return Answer(AnswerKind.NONE, lang, reason=chosen.reason)
        if chosen.kind is AnswerKind.RANDOM:
            return self._random(chosen.filters, lang)
        if chosen.kind is AnswerKind.SESSION:
            request = sessions.SessionRequest(
                chosen.minutes or sessions.DEFAULT_MINUTES, chosen.filters
            )
            return self.session(request, lang)
        exercise = self.library.get(chosen.exercise_id or "", lang)
        if chosen.kind is AnswerKind.FAQ and chosen.faq_id is not None:
            entry = index.faq_refs[chosen.faq_id].entry
            return Answer(AnswerKind.FAQ, lang, exercise=exercise, faq=entry)
        return Answer(
            AnswerKind.EXERCISE,
            lang,
            exercise=exercise,
            section=chosen.section or Section.OVERVIEW,
            level=chosen.level,
        )

    def _random(self, filters: RandomFilters, lang: str) -> Answer:
        # The language's index holds the same catalogue (an unknown language's is English).
        index = self._index(lang)
        pool = index.accepting(filters)
        exercise = index.pages[self._rng.choice(pool)] if pool else None
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

    def session(self, request: sessions.SessionRequest, lang: str = DEFAULT_LANG) -> Answer:
        """A session for `request` (the /session command, and messages that ask for one)."""
        built = sessions.build(self.library, lang, request, self._rng)
        first = built.exercises[0] if built.exercises else None
        return Answer(
            AnswerKind.SESSION, lang, exercise=first, filters=request.filters, session=built
        )

    def session_request(self, text: str, lang: str = DEFAULT_LANG) -> sessions.SessionRequest:
        """What `/session TEXT` asks: "20 intermediate", "10 min core"."""
        index = self._index(lang)
        analysis = index.analyse(text)
        filters = find_random(analysis, index.lexicon, index.muscle_words).filters
        return sessions.request_from(analysis, index.lexicon, filters)

    def search(self, text: str, lang: str = DEFAULT_LANG, limit: int = 10) -> tuple[Exercise, ...]:
        """Exercises whose names a (possibly half-typed) query matches, best first."""
        index = self._index(lang)
        message = index.analyse(text)
        found = index.names.lookup(message, limit=limit).matches
        return self._exercises([m.exercise_id for m in found if m.score >= SEARCH_FLOOR], lang)

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

    def unaskable(self) -> list[tuple[Exercise, str]]:
        """FAQ questions no message can be matched to: each says nothing but its exercise's
        name and question words. For `check`, so an author can say what it asks."""
        found: list[tuple[Exercise, str]] = []
        for lang, index in self._indexes.items():
            if lang not in self.library.languages:
                continue
            for entry_id in index.faq.unaskable():
                ref = index.faq_refs[entry_id]
                page = self.library.get(ref.exercise_id, lang)
                if page is not None:
                    found.append((page, ref.entry.question))
        return found

    def filters_from(self, text: str, lang: str = DEFAULT_LANG) -> RandomFilters:
        index = self._index(lang)
        return find_random(index.analyse(text), index.lexicon, index.muscle_words).filters

    def _exercises(self, ids: Iterable[str], lang: str) -> tuple[Exercise, ...]:
        found = (self.library.get(i, lang) for i in ids)
        return tuple(e for e in found if e is not None)


def _of(answer: Answer) -> str | None:
    return answer.exercise.id if answer.exercise is not None else None


def _in_story(answer: Answer) -> Answer:
    """A story's answer: no suggestions, for a name-like word in a story is no sign of a
    question about that exercise."""
    if answer.kind is AnswerKind.SUGGESTIONS:
        return Answer(AnswerKind.NONE, answer.lang, reason=NoAnswer.UNKNOWN)
    return answer


def _scored(answer: Answer, decision: Decision) -> Answer:
    """The answer with how sure the policy was and what came second (the answer log keeps
    them, so authors see which answers were close calls)."""
    best = decision.chosen
    second = decision.runner_up
    if best is None:  # suggestions or nothing: the runner-up is the best that was not enough
        best, second = second, None
    return replace(
        answer,
        confidence=round(best.score, 3) if best is not None else None,
        runner_up=(second.exercise_id or second.kind.value) if second is not None else None,
        runner_up_score=round(second.score, 3) if second is not None else None,
    )
