"""Producers for what is not about one exercise's content: a random pick with its filters,
small talk, and well-known exercises from outside the library."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.engine.answer import AnswerKind, NoAnswer
from bot.engine.candidates import Candidate
from bot.engine.descriptions import portrayed
from bot.engine.index import LanguageIndex
from bot.engine.message import PORTRAIT_TERMS, Message, body_words, says_other_words
from bot.engine.names import SUGGEST_FLOOR

RANDOM = 0.88  # "random beginner exercise", "surprise me", "something for my glutes, 2 min"
WEAK_RANDOM = 0.62  # "another one", "something": a FAQ entry the message asks goes first
SMALL_TALK = 1.0  # the whole message is a greeting, thanks or chit-chat
NOTHING_FITS = 0.5  # a request whose filters no exercise meets, unless plainly asked
CHATTY = 2  # words a weak way of asking leaves unexplained before it asks for no pick
FOREIGN = 0.97  # "pull ups", "squats": an honest no, unless one of ours is named in full
# "does the saw burn many calories?": no page answers it, whatever entry shares a word;
# an entry whose own question the message mostly says goes first (questions.UNCOVERED_ASIDE)
UNCOVERED = 0.93


def propose(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    if message.talk is not None:
        yield Candidate(AnswerKind.NONE, SMALL_TALK, "talk", reason=NoAnswer(message.talk.value))
        return
    named = message.named
    if (
        message.foreign
        and (not named or named[0].positions <= message.foreign)
        # "sit up tall, arms out in a T, and turn": said on the way in a description that
        # one page explains, and naming none of ours, the words are the movement's, not
        # another exercise's name ("pilates bicycle or bicycle crunches?" compares them)
        and (named or not _describes_around(message))
    ):
        yield Candidate(AnswerKind.NONE, FOREIGN, "foreign", reason=NoAnswer.UNKNOWN)
    request = message.request
    plainly = (
        request.asked
        and not request.weak
        and bool(request.filters)
        and index.accepting(request.filters)
    )
    if message.uncovered and not plainly:
        # ("random beginner one, under a minute, I have a toddler on me": a pick asked
        # outright, with what it should be; the rest is the writer's day)
        yield Candidate(AnswerKind.NONE, UNCOVERED, "uncovered", reason=NoAnswer.UNCOVERED)
    yield from _random(message, index)


def _asked_in_story(message: Message, index: LanguageIndex) -> bool:
    """Whether every word that asks for a pick ("exercise for", "surprise") is said in the
    story before the question sentence, none in that sentence."""
    cues = {p for _, span in index.lexicon.random_cues.find_all(message.analysis) for p in span}
    return bool(cues) and not message.said_in_question(cues)


def _equipment_asked_for(message: Message, index: LanguageIndex) -> bool:
    """Whether a weak way of asking ("recommend", "suggest") asks for the equipment it names,
    not for an exercise done with it: no word of exercises is said, no filter but the
    equipment, and nothing says it is done on or with it ("something with the ball")."""
    a = message.analysis
    lexicon = index.lexicon
    filters = message.request.filters
    if filters.equipment in (None, "none") or filters.count != 1:
        return False  # "something without a mat" asks for an exercise
    spans = [span for _, span in lexicon.equipment.find_all(a)]
    named = {p for span in spans for p in span}
    if any(w in lexicon.domain_words for p, w in enumerate(a.words) if p not in named):
        return False  # "a mat exercise", "a move with the ring": an exercise asked for
    return not any(
        a.words[p] in lexicon.done_with
        for span in spans
        for p in range(max(0, span[0] - 2), span[0])
    )


def _tells_trouble(message: Message, index: LanguageIndex, cues: frozenset[int]) -> bool:
    """Whether the message tells a problem (a pain, something that keeps going wrong) in words
    besides those that ask for a pick."""
    a = message.analysis
    return any(not a.stop[p] and p not in cues for p in a.positions_of(index.lexicon.trouble))


def _place_alone(message: Message, index: LanguageIndex) -> bool:
    """Whether the message says nothing but places of the body: no word of exercises ("upper
    back exercise", "ejercicio de cuádriceps" ask for one), nothing else."""
    a = message.analysis
    domain = index.lexicon.domain_words
    return a.said <= body_words(a, index) and not any(word in domain for word in a.words)


def _describes_around(message: Message) -> bool:
    """Whether the words besides a well-known exercise's name describe a movement (as many
    as the pages' portraits need) that one exercise's page explains, standing out."""
    besides = set(message.content_terms(message.foreign))
    return len(besides) >= PORTRAIT_TERMS and portrayed(message) is not None


def _random(message: Message, index: LanguageIndex) -> Iterator[Candidate]:
    request = message.request
    if request.asked and _asked_in_story(message, index):
        # "...been walking for exercise for years. ... So how far do I open it?": the way of
        # asking for a pick is the story's; its question asks for none
        request = replace(request, asked=False, weak=False)
    if not (request.filters or request.asked) or message.asks_which:
        return  # "what's the exercise where you lie face down...": a description, not a pick
    if request.weak and not request.filters and message.lookup.words & message.analysis.said:
        return  # "that twisting exercise": a name half said, not "give me something"
    cues = (message.part.positions if message.part else frozenset()) | request.positions
    unexplained = message.content_terms(cues)
    names = message.names
    weak_name = not names or max(m.title_score for m in names) < SUGGEST_FLOOR
    only_filters = not unexplained and request.filters.count >= 2
    if request.asked or only_filters or (weak_name and len(unexplained) <= 1):
        score = WEAK_RANDOM if request.weak else RANDOM
        chatty = CHATTY + 1 if request.filters else CHATTY  # "something short, 45 s max"
        if request.weak and len(unexplained) >= chatty:
            # "the saw gives me a twinge in my shoulder", "recommend a cheap travel mat": words
            # the pick does not explain say what the message is about, and "give me",
            # "recommend" were only a way of saying it
            score = min(score, NOTHING_FITS)
        if any(m.title_score >= 1.0 for m in message.named) and not only_filters:
            # "anything for wrist pain during plank?": about the exercise it names
            score = min(score, WEAK_RANDOM)
        plainly = request.asked and not request.weak  # "random", "surprise me"
        if not plainly and request.filters and not index.accepting(request.filters):
            # "pilates reformer or mat?": no exercise has it, so it was hardly a request for one
            score = min(score, NOTHING_FITS)
        if request.weak and _equipment_asked_for(message, index):
            # "can you suggest a good mat?": the thing asked for is the equipment itself
            score = min(score, NOTHING_FITS)
        if (
            not (request.filters and request.asked)
            and not message.named
            and _tells_trouble(message, index, cues)
        ):
            # "my wrist aches after typing, what can I do?": a problem told asks for advice on
            # it, not for any exercise; and a muscle said with no way of asking for a pick
            # ("my calves cramp", "me cruje la cadera") is where it is felt, not a filter
            score = min(score, NOTHING_FITS)
        if not request.asked and _place_alone(message, index):
            # "cadera", "hamstrings?": a place of the body said alone is a subject to ask of
            # (what hurts there, what works it), not a request
            score = min(score, NOTHING_FITS)
        part = message.part
        if not request.asked and part is not None and request.positions <= part.positions:
            # "is it hard?", "¿qué nivel es?": the level is what is asked of an exercise, not
            # what a pick should be
            score = min(score, NOTHING_FITS)
        if not request.asked and part is not None and not part.tentative and unexplained:
            # "the hundrd modifications for beginners": a part asked of an exercise, with a
            # word the pick does not explain (a name mistyped), is no request for a pick
            score = min(score, NOTHING_FITS)
        if not request.filters and says_other_words(message, index, cues):
            # "recommend a physiotherapist near me", "what should I drink before class": the thing
            # asked for is in words no page uses, so it is not an exercise
            score = min(score, NOTHING_FITS)
        if request.weak and _level_of_another_thing(message, index):
            # "suggest a beginner ukulele": the level is of a thing no page speaks of
            score = min(score, NOTHING_FITS)
        yield Candidate(AnswerKind.RANDOM, score, "random", filters=request.filters)


def _level_of_another_thing(message: Message, index: LanguageIndex) -> bool:
    """Whether a word of level stands right beside a real word no page uses ("a beginner
    ukulele", "una tabla principiante"): the level qualifies that thing, not an exercise."""
    a = message.analysis
    levels = [p for p, w in enumerate(a.words) if w in index.lexicon.difficulty]
    return any(
        0 <= q < len(a.words) and not a.stop[q] and index.speller.is_other_word(a.words[q])
        for p in levels
        for q in (p - 1, p + 1)
    )
