"""Find the exercise a message names and the FAQ entry it asks, with how sure we are.

Both indexes are built once at load. A message is scored by walking the postings of its own
terms (an inverted index), so the cost follows the message and the few names or questions it
touches, not the size of the library. rapidfuzz is used where spelling is uncertain: a word
that is in no page is compared with the words of exercise names to catch typos.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import Analysis, Lexicon
from bot.languages.text import words

# Edits (insert, delete, substitute, swap two letters) an unknown word may be from a name word
# and still be taken for it: none up to 3 letters ("max" is not "mat"), one up to 7, two beyond.
TYPO_EDITS = ((4, 0), (8, 1))
TYPO_COST = 0.15  # similarity lost per edit
# A stop word inside a name ("the" in "The Saw") counts this much of a real word.
STOP_WEIGHT = 0.05
MAX_TYPO_LOOKUPS = 24
MAX_TYPO_LENGTH = 30  # longer than any name word: noise, not a typo
SPREAD = 1  # other words a name's words may have between them ("roll it up")
SPREAD_COST = 0.5
PREFIX_MIN = 3  # "jackkn", "boomer": a name being typed ("hi" is not half of "hip")
PREFIX_CREDIT = 0.75  # plus up to 0.25 for how much of the word was typed


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How well a message names one exercise."""

    exercise_id: str
    score: float  # share of the name's weight found in the message, 0..1
    mass: float  # weight found: a longer name matched in full is more specific
    name: str
    is_title: bool
    positions: frozenset[int]  # the message words that matched
    title_score: float = 0.0  # how much of the exercise's title the message holds
    title_positions: frozenset[int] = frozenset()  # the message words in that title

    @property
    def rank(self) -> tuple[float, float, bool]:
        return (self.score, self.mass, self.is_title)


@dataclass(frozen=True, slots=True)
class NameLookup:
    matches: list[NameMatch]  # best first, one per exercise
    words: frozenset[int]  # message positions that are (possibly misspelt) name words


@dataclass(frozen=True, slots=True)
class _Name:
    exercise_id: str
    text: str
    terms: tuple[str, ...]
    weight: float
    is_title: bool


class NameIndex:
    """Exercise titles and keywords, by term."""

    def __init__(
        self,
        names: Iterable[tuple[str, str, bool]],
        lexicon: Lexicon,
        known_words: frozenset[str],
    ) -> None:
        self._lexicon = lexicon
        self._known_words = known_words
        prepared: list[tuple[str, str, tuple[str, ...], bool]] = []
        exercises_with: defaultdict[str, set[str]] = defaultdict(set)
        surface: dict[str, str] = {}
        for exercise_id, text, is_title in names:
            name_words = words(text)
            variants = [name_words]
            if len(name_words) > 1:
                variants.append(["".join(name_words)])  # "roll up" also answers to "rollup"
            for variant_index, variant in enumerate(variants):
                # Plain stems, no synonyms: "spine" in a name must not become "back".
                terms = tuple(dict.fromkeys(lexicon.stem(w) for w in variant))
                if not terms:
                    continue
                prepared.append((exercise_id, text, terms, is_title))
                for word, term in zip(variant, terms, strict=False):
                    exercises_with[term].add(exercise_id)
                    # Joined forms are spelling help for short slips ("rolup"), not for long
                    # words that are other words altogether ("deadlift" is not "headlift").
                    joined = variant_index > 0
                    if len(word) >= 3 and not word.isdigit() and not (joined and len(word) > 7):
                        surface.setdefault(word, term)
        total = len({p[0] for p in prepared}) or 1
        self._weight = {
            term: STOP_WEIGHT
            if term in lexicon.name_fillers
            else math.log(1 + total / len(exercises))
            for term, exercises in exercises_with.items()
        }
        self._names: list[_Name] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        for exercise_id, text, terms, is_title in prepared:
            weight = sum(self._weight[t] for t in terms)
            for term in terms:
                self._postings[term].append(len(self._names))
            self._names.append(_Name(exercise_id, text, terms, weight, is_title))
        self._surface_words = sorted(surface)
        self._surface_terms = [surface[w] for w in self._surface_words]

    def __contains__(self, term: str) -> bool:
        return term in self._postings

    def lookup(self, message: Analysis, limit: int = 6) -> NameLookup:
        """Name words in the message (typos included), looked up once for every later stage."""
        hits = self._hits(message)
        words_hit = frozenset(p for _, positions in hits.values() for p in positions)
        return NameLookup(self._match(message, hits, limit), words_hit)

    def _match(
        self, message: Analysis, hits: dict[str, tuple[float, tuple[int, ...]]], limit: int
    ) -> list[NameMatch]:
        """The exercises the message may name, best first, at most one entry per exercise."""
        if not hits:
            return []
        found: defaultdict[int, float] = defaultdict(float)
        anchored: set[int] = set()  # names hit by at least one word that is not a stop word
        for term, (similarity, where) in hits.items():
            real = any(not message.stop[p] for p in where)
            for name_id in self._postings[term]:
                found[name_id] += self._weight[term] * similarity
                if real:
                    anchored.add(name_id)
        best: dict[str, NameMatch] = {}
        titles: dict[str, tuple[float, frozenset[int]]] = {}
        # A word's place, not counting the little words names are made with: "patada con una
        # pierna" is a name said in full, "push your hips up" is not Push Up.
        fillers = self._lexicon.name_fillers
        rank = list(accumulate(int(stem not in fillers) for stem in message.stems))
        places: defaultdict[str, list[int]] = defaultdict(list)  # every place a term is said
        for position, stem in enumerate(message.stems):
            places[stem].append(position)
        for name_id, mass in found.items():
            name = self._names[name_id]
            if name_id not in anchored:
                continue  # "into", "the": not a reason to think of "Roll Over into Teaser"
            positions = frozenset(p for t in name.terms if t in hits for p in hits[t][1])
            score = round(mass / name.weight, 9)  # a sum of floats: "all of it" is 1.0, exactly
            # Only the words that carry the name count ("de", "la" may be left out or be
            # anywhere in the message).
            carrying = tuple(t for t in name.terms if t not in self._lexicon.name_fillers)
            if _span(carrying, hits, places, rank) >= len(carrying) + SPREAD:
                # A name's words far apart are not the name: "my neck ... I pull" is no Neck Pull.
                score *= SPREAD_COST
            candidate = NameMatch(
                exercise_id=name.exercise_id,
                score=score,
                mass=mass,
                name=name.text,
                is_title=name.is_title,
                positions=positions,
            )
            if name.is_title and candidate.score > titles.get(name.exercise_id, (0.0,))[0]:
                titles[name.exercise_id] = (candidate.score, positions)
            current = best.get(name.exercise_id)
            if current is None or candidate.rank > current.rank:
                best[name.exercise_id] = candidate
        ranked = sorted(best.values(), key=lambda m: m.rank, reverse=True)[:limit]
        untitled: tuple[float, frozenset[int]] = (0.0, frozenset())
        return [
            replace(
                m,
                title_score=titles.get(m.exercise_id, untitled)[0],
                title_positions=titles.get(m.exercise_id, untitled)[1],
            )
            for m in ranked
        ]

    def _completions(self, prefix: str, limit: int = 5) -> list[tuple[str, str]]:
        """Name words that start with `prefix`, from the sorted word list."""
        start = bisect.bisect_left(self._surface_words, prefix)
        found: list[tuple[str, str]] = []
        for index in range(start, min(start + limit, len(self._surface_words))):
            word = self._surface_words[index]
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append((word, self._surface_terms[index]))
        return found

    def _hits(self, message: Analysis) -> dict[str, tuple[float, tuple[int, ...]]]:
        """Name terms present in the message: similarity and the message positions."""
        hits: dict[str, tuple[float, tuple[int, ...]]] = {}

        def record(term: str, similarity: float, *positions: int) -> None:
            if similarity > hits.get(term, (0.0, ()))[0]:
                hits[term] = (similarity, positions)

        lookups = 0
        last = len(message.words) - 1
        for position, (word, term) in enumerate(zip(message.words, message.stems, strict=True)):
            if term in self._postings:
                record(term, 1.0, position)
            elif (
                lookups < MAX_TYPO_LOOKUPS
                and word not in self._known_words
                and not word.isdigit()
                and len(word) <= MAX_TYPO_LENGTH
            ):
                lookups += 1
                edits = next((e for size, e in TYPO_EDITS if len(word) < size), 2)
                swap_only = not edits and len(word) == 3  # "cwo" for "cow", but "max" is no "mat"
                for candidate, distance, index in process.extract(
                    word,
                    self._surface_words,
                    scorer=OSA.distance,
                    score_cutoff=max(edits, swap_only),
                    limit=3,
                ):
                    if edits or sorted(candidate) == sorted(word):
                        record(self._surface_terms[index], 1 - TYPO_COST * distance, position)
                if len(word) >= PREFIX_MIN or (position == last and len(word) == 2):
                    for full, full_term in self._completions(word):
                        typed = PREFIX_CREDIT + (1 - PREFIX_CREDIT) * len(word) / len(full)
                        record(full_term, typed, position)
            if position + 1 < len(message.words):
                joined = self._lexicon.stem(word + message.words[position + 1])
                if joined in self._postings:  # "criss cross" said for "crisscross"
                    record(joined, 1.0, position, position + 1)
        return hits


def _span(
    terms: tuple[str, ...],
    hits: dict[str, tuple[float, tuple[int, ...]]],
    places: dict[str, list[int]],
    rank: list[int],
) -> int:
    """How far apart, in words other than fillers, the nearest occurrences of a name's terms
    are (a name said once in a message that repeats one of its words elsewhere)."""
    found: list[tuple[int, str]] = sorted(
        (rank[p], t) for t in set(terms) if t in hits for p in {*hits[t][1], *places.get(t, ())}
    )
    wanted = len({t for _, t in found})
    if wanted <= 1:
        return 0
    best: int = found[-1][0] - found[0][0]
    counts: dict[str, int] = {}
    start = 0
    for position, term in found:
        counts[term] = counts.get(term, 0) + 1
        while len(counts) == wanted:
            first, first_term = found[start]
            best = min(best, position - first)
            counts[first_term] -= 1
            if not counts[first_term]:
                del counts[first_term]
            start += 1
    return best


@dataclass(frozen=True, slots=True)
class FaqMatch:
    entry_id: int
    exercise_id: str
    score: float
    matched: int  # message terms found in the entry


@dataclass(frozen=True, slots=True)
class _Entry:
    exercise_id: str
    question: frozenset[str]
    answer: frozenset[str]
    name_terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class FaqSource:
    """One FAQ entry to index, with the text of its exercise for context."""

    exercise_id: str
    question: str
    answer: str
    name_terms: frozenset[str]
    context: str  # the exercise's title, keywords, description and steps
    position: str | None = None  # its body position, from bot/languages POSITIONS


def position_term(position: str) -> str:
    """The term a body position is matched by, unlike any word."""
    return f"position:{position}"


class FaqIndex:
    """Every FAQ entry of every exercise, by term, weighted by how rare each term is.

    A learner often describes the exercise instead of naming it ("lying on my side lifting the
    bottom leg"): those words are found in the exercise's own text, which backs its entries.
    """

    ANSWER_CREDIT = 0.4  # a word found only in the answer is weaker evidence than in the question
    CONTEXT_CREDIT = 0.5  # a word found in the exercise's description or steps
    EXERCISE_SHARE = 0.2  # how much the exercise's whole text, FAQ included, fits the message
    UNKNOWN_SHARE = 1.0
    CANDIDATES = 200  # entries scored in full, after a cheap first pass

    def __init__(self, sources: Sequence[FaqSource], lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._entries: list[_Entry] = []
        df: Counter[str] = Counter()
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._by_exercise: defaultdict[str, set[int]] = defaultdict(set)
        self._context: dict[str, frozenset[str]] = {}
        context_postings: defaultdict[str, list[str]] = defaultdict(list)
        for source in sources:
            q = self._content_terms(source.question)
            a = self._content_terms(source.answer) - q
            entry_id = len(self._entries)
            self._entries.append(_Entry(source.exercise_id, q, a, source.name_terms))
            self._by_exercise[source.exercise_id].add(entry_id)
            df.update(q)
            for term in q | a:
                self._postings[term].append(entry_id)
            if source.exercise_id not in self._context:
                context = self._content_terms(source.context)
                if source.position is not None:
                    context |= {position_term(source.position)}
                self._context[source.exercise_id] = context
                for term in context:
                    context_postings[term].append(source.exercise_id)
        self._context_postings = dict(context_postings)
        # Everything an exercise's page says, its FAQ included: how well it fits the message.
        self._exercise_text: dict[str, frozenset[str]] = {}
        for exercise_id, context in self._context.items():
            faq = (
                self._entries[e].question | self._entries[e].answer
                for e in self._by_exercise[exercise_id]
            )
            self._exercise_text[exercise_id] = context.union(*faq)
        total = len(self._entries) or 1
        self._idf = {term: math.log(1 + total / count) for term, count in df.items()}
        self._unknown_idf = math.log(1 + total)
        # Words in most exercises' text say nothing about which exercise is meant.
        self._context_cap = max(3, len(self._context) // 4)
        pages = len(self._context) or 1
        self._context_idf = {
            term: math.log(1 + pages / len(exercises))
            for term, exercises in self._context_postings.items()
        }
        self._unknown_context_idf = math.log(1 + pages)

    def _content_terms(self, text: str) -> frozenset[str]:
        analysis = self._lexicon.analyse(text)
        return frozenset(
            t for t, stop in zip(analysis.terms, analysis.stop, strict=True) if not stop
        )

    def __contains__(self, term: str) -> bool:
        """Whether any entry, or any indexed page, uses `term`."""
        return term in self._postings or term in self._context_postings

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unknown_idf)

    def match(
        self,
        terms: Iterable[str],
        *,
        within: frozenset[int] | None = None,
        limit: int = 5,
        known_only: bool = False,
        by_page: bool | None = None,
    ) -> list[FaqMatch]:
        """Entries sharing the most informative of `terms`, optionally only `within` some ids.

        entry = 0.65 x (share of the message's weight found in the entry)
              + 0.35 x (share of the question's own weight found in the message),
        leaving out the exercise's name, which the message may have said or implied. Across
        exercises, score = 0.8 x entry + 0.2 x (share of the message's weight found anywhere
        on the exercise's page), so that a message describing an exercise favours its entries.
        `known_only` ignores words no FAQ entry uses ("ugh", "lol"): right when the exercise is
        already named, too lenient when hunting across every entry. `by_page` (by default,
        when not limited to some entries) adds the page fit: among the entries of exercises
        the message names, their pages tell nothing more.
        """
        message = {t for t in terms if t and (not known_only or t in self._postings)}
        if not message:
            return []
        # First pass: entries sharing words with the question or answer, and the entries of
        # the exercises whose own text shares the most words.
        found: defaultdict[int, float] = defaultdict(float)
        for term in message:
            for entry_id in self._postings.get(term, ()):
                if within is None or entry_id in within:
                    found[entry_id] += self.idf(term)
        if within is None:
            for exercise_id in self._context_leaders(message):
                for entry_id in self._by_exercise[exercise_id]:
                    found.setdefault(entry_id, 0.0)
        shortlist = sorted(found, key=found.__getitem__, reverse=True)[: self.CANDIDATES]
        message_weight = sum(
            self.idf(t)
            * (1.0 if t in self._postings or t in self._context_postings else self.UNKNOWN_SHARE)
            for t in message
        )
        across = within is None if by_page is None else by_page
        ranked = [self._score(e, message, message_weight, across) for e in shortlist]
        ranked.sort(key=lambda m: m.score, reverse=True)
        return ranked[:limit]

    def context_of(self, exercise_id: str) -> frozenset[str]:
        """The terms of an exercise's own text (title, keywords, description, steps)."""
        return self._context.get(exercise_id, frozenset())

    def describe(self, terms: Iterable[str], limit: int = 3) -> list[tuple[str, float]]:
        """The exercises whose own text (title, keywords, description, steps) explains the
        most of `terms`, by share of their weight (rare words weigh more), best first."""
        message = set(terms)
        if not message:
            return []
        weight = {t: self._context_idf.get(t, self._unknown_context_idf) for t in message}
        total = sum(weight.values())
        found: defaultdict[str, float] = defaultdict(float)
        for term in message:
            for exercise_id in self._context_postings.get(term, ()):
                found[exercise_id] += weight[term]
        ranked = sorted(found.items(), key=lambda item: item[1], reverse=True)[:limit]
        return [(exercise_id, mass / total) for exercise_id, mass in ranked]

    def _context_leaders(self, message: set[str], count: int = 5) -> list[str]:
        votes: defaultdict[str, float] = defaultdict(float)
        for term in message:
            exercises = self._context_postings.get(term, ())
            if len(exercises) <= self._context_cap:
                for exercise_id in exercises:
                    votes[exercise_id] += self.idf(term)
        return sorted(votes, key=votes.__getitem__, reverse=True)[:count]

    def _score(
        self, entry_id: int, message: set[str], message_weight: float, across: bool
    ) -> FaqMatch:
        entry = self._entries[entry_id]
        context = self._context[entry.exercise_id]
        mass = 0.0
        matched = 0
        for term in message:
            if term in entry.question:
                credit = 1.0
            elif term in entry.answer:
                credit = self.ANSWER_CREDIT
            elif term in context:
                credit = self.CONTEXT_CREDIT
            else:
                continue
            matched += credit == 1.0 or credit == self.ANSWER_CREDIT
            mass += self.idf(term) * credit
        own = entry.question - entry.name_terms
        own_weight = sum(self.idf(t) for t in own)
        question_share = sum(self.idf(t) for t in own & message) / own_weight if own_weight else 0.0
        entry_score = 0.65 * (mass / message_weight) + 0.35 * question_share
        if not across:
            return FaqMatch(entry_id, entry.exercise_id, entry_score, matched)
        text = self._exercise_text[entry.exercise_id]
        described = sum(self.idf(t) for t in message if t in text) / message_weight
        score = (1 - self.EXERCISE_SHARE) * entry_score + self.EXERCISE_SHARE * described
        return FaqMatch(entry_id, entry.exercise_id, score, matched)

    def entries_of(self, *exercise_ids: str) -> frozenset[int]:
        return frozenset(e for i in exercise_ids for e in self._by_exercise.get(i, ()))
