"""The FAQ entries (and page passages) of every exercise, by term, weighted by how rare each
term is; and every exercise's own text, for messages that describe an exercise.

Postings are arrays (bot/engine/postings.py): a word shared by thousands of entries costs one
numpy operation, and only the CANDIDATES best entries are scored in full.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from bot.engine.lexicon import Lexicon
from bot.engine.postings import Floats, Forward, Ids, Postings, Sums, ranked, saturated_counts

# Where an entry or its page holds a term (bits of `Forward`'s codes).
HELD = 1  # the entry's question or answer
ASKED = 2  # the entry's question
CONDITION = 4  # a condition its answer names, of an entry asking whether it may be done
ON_PAGE = 1  # the page's own text
TITLE = 2  # the page's title
IN_ENTRY = 4  # one of the page's entries


@dataclass(frozen=True, slots=True)
class FaqMatch:
    entry_id: int
    exercise_id: str
    score: float
    matched: int  # message terms found in the entry
    own: float = 1.0  # share of the question's own weight (its name left out) the message says


@dataclass(frozen=True, slots=True)
class FaqSource:
    """One FAQ entry to index, with the text of its exercise for context."""

    exercise_id: str
    question: str
    answer: str
    name_terms: frozenset[str]
    context: str  # the exercise's title, keywords, description and steps
    position: str | None = None  # its body position, from bot/languages POSITIONS
    names: tuple[str, ...] = ()  # its exercise's title and other names, as written


# A runner-up page that holds more of a description than the best page, or any of a short
# description, stays within this of its own share, however far behind the ranking puts it...
SHARE_SLACK = 0.2
FEW_TERMS = 4  # ...a description of this many distinct terms or fewer being short


def runner_up_fit(fit: float, behind: float, share: float, terms: int) -> float:
    """A runner-up page's fit to a description of `terms` distinct terms, which the best page
    fits by `fit` (the share of the description's weight it holds): that fit scaled by
    `behind`, the runner-up's score over the best one's in the ranking (BM25: rare words,
    said often, on a short page), with the runner-up's own `share` less SHARE_SLACK as a
    floor where the ranking's reasons are thin.

    Two pages that both hold every word of "face down, raise the head and chest, palms by the
    shoulders" are told apart by how much each is about them: the short page on just that
    against one that says them once on the way to a kick. The floor keeps a page close when
    it holds more of the description than the best one (words the best page lacks, which the
    best one's saying the others more often cannot outweigh), and for a short description,
    whose few words every page of a kind holds ("side", "lying", "leg") and which tell pages
    apart by how often a page happens to say one of them."""
    scaled = fit * behind
    if share > fit or terms <= FEW_TERMS:
        return max(scaled, share - SHARE_SLACK)
    return scaled


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
    STORY_WEIGHT = 0.5  # a word only of the sentences before the question: context, not asked
    # The share of its question's own words a message says is read against at least this
    # share of the message's weight: "Where should I feel the clam?" asks one word, which
    # a long story says in passing ("they feel fine, but are they safe...").
    OWN_FLOOR = 0.06
    K1 = 1.2  # BM25's usual term-frequency saturation...
    B = 0.75  # ...and length normalisation, for ranking the pages a description fits
    CANDIDATES = 200  # entries scored in full, after a cheap first pass
    FEW_ENTRIES = 40  # shortlists this short are scored one entry at a time (`_score_few`)

    def __init__(
        self,
        sources: Sequence[FaqSource],
        lexicon: Lexicon,
        terms_of: dict[str, frozenset[str]] | None = None,
        counts_of: dict[str, Counter[str]] | None = None,
        *,
        asked: bool = True,
    ) -> None:
        """`terms_of`: texts already analysed (an exercise's context serves its FAQ entries
        and its passages alike); `counts_of`: contexts' term counts, likewise; `asked`: whether
        the sources are questions, whose kinds (`kinds_of`) are read (a page's passages are
        no questions, and reading them cost about 0.15 s of the build at 1 000 pages)."""
        analysed = {} if terms_of is None else terms_of
        counted = {} if counts_of is None else counts_of

        def content_terms(text: str) -> frozenset[str]:
            found = analysed.get(text)
            if found is None:
                analysis = lexicon.analyse(text)
                found = frozenset(
                    t for t, stop in zip(analysis.terms, analysis.stop, strict=True) if not stop
                )
                analysed[text] = found
            return found

        questions: list[frozenset[str]] = []
        answers: list[frozenset[str]] = []
        kinds: list[frozenset[str]] = []  # the kinds of question each asks (`kinds_of`)
        # the conditions (Lexicon.conditions) an entry asking whether it may be done names
        conditions: list[frozenset[str]] = []
        entry_exercise: list[int] = []
        name_terms: list[frozenset[str]] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        question_postings: defaultdict[str, list[int]] = defaultdict(list)
        condition_postings: defaultdict[str, list[int]] = defaultdict(list)
        title_postings: defaultdict[str, list[int]] = defaultdict(list)  # by page row
        by_exercise: dict[str, set[int]] = {}
        context: list[frozenset[str]] = []
        titles: list[frozenset[str]] = []  # each page's title terms
        row_of: dict[str, int] = {}
        context_postings: defaultdict[str, list[int]] = defaultdict(list)
        context_counts: defaultdict[str, list[int]] = defaultdict(list)  # beside its postings
        lengths: list[int] = []  # each page's own text, in terms
        # The places of the body each question names ("my wrists hurt..."): a problem felt in
        # one place is answered by an entry on that place (bot/engine/places.py).
        # (the words of a name are the exercise, not a place: "shoulder" in "shoulder bridge")
        names_of: dict[str, list[tuple[str, ...]]] = {}
        places: list[frozenset[str]] = []
        for source in sources:
            q = content_terms(source.question)
            a = content_terms(source.answer) - q
            entry_id = len(questions)
            if source.exercise_id not in row_of:
                row = row_of[source.exercise_id] = len(context)
                page = content_terms(source.context)
                if source.position is not None:
                    page |= {position_term(source.position)}
                context.append(page)
                counts = counted.get(source.context)
                if counts is None:
                    counts = counted[source.context] = lexicon.content_counts(source.context)
                # The body position counts once, as a term said once (no word has a colon).
                lengths.append(sum(counts.values()) + (source.position is not None))
                for term in page:
                    context_postings[term].append(row)
                    context_counts[term].append(counts.get(term, 1))
                for term in source.name_terms:
                    title_postings[term].append(row)
                titles.append(source.name_terms)
            questions.append(q)
            answers.append(a)
            kinds.append(lexicon.kinds_of(source.question) if asked else frozenset())
            conditions.append(
                (q | a) & lexicon.conditions if "safety" in kinds[-1] else frozenset()
            )
            said = names_of.get(source.exercise_id)
            if said is None:
                said = names_of[source.exercise_id] = [
                    n for n in map(lexicon.place_words, source.names) if n
                ]
            places.append(lexicon.places_in(source.question, said))
            entry_exercise.append(row_of[source.exercise_id])
            name_terms.append(source.name_terms)
            by_exercise.setdefault(source.exercise_id, set()).add(entry_id)
            for term in q | a:
                postings[term].append(entry_id)
            for term in q:
                question_postings[term].append(entry_id)
            for term in conditions[-1]:
                condition_postings[term].append(entry_id)
        exercise_ids = list(row_of)
        # Counted in one call, in the order one update per question would give.
        df = Counter(chain.from_iterable(questions))
        # Everything an exercise's page says, its FAQ included: how well it fits the message.
        exercise_text = [
            page.union(*(questions[e] | answers[e] for e in by_exercise[exercise_id]))
            for exercise_id, page in zip(exercise_ids, context, strict=True)
        ]
        total = len(questions) or 1
        pages = len(context) or 1
        # BM25's term frequency part, per posting ("circle" on Single Leg Circles)
        saturated = saturated_counts(context_counts, context_postings, lengths, self.K1, self.B)
        idf = {term: math.log(1 + total / count) for term, count in df.items()}
        entry_postings = Postings.build(postings)
        asked_postings = Postings.build(question_postings)
        condition_terms = Postings.build(condition_postings)  # (a few terms of entry_postings)
        page_postings = Postings.build(context_postings)
        named_postings = Postings.build(title_postings)
        # Every term an entry or a page holds, numbered once, for `_score`'s arrays.
        vocab: dict[str, int] = {}
        for terms in (entry_postings, page_postings, named_postings):
            for term in terms.terms():
                vocab.setdefault(term, len(vocab))
        entry_ids, entry_terms = entry_postings.pairs(vocab)
        entry_rows = np.array(entry_exercise, np.int32)
        self._set_state(
            lexicon,
            {
                "questions": questions,
                "answers": answers,
                "kinds": kinds,
                "conditions": conditions,
                "places": places,
                "entry_exercise": entry_exercise,
                "exercise_ids": exercise_ids,
                # Lists in the sets' own order: the entries of a page are visited as before.
                "by_exercise": {e: list(ids) for e, ids in by_exercise.items()},
                "context": context,
                "titles": titles,
                "exercise_text": exercise_text,
                "postings": entry_postings.state(),
                "context_postings": page_postings.state(),
                "vocab": vocab,
                # Per entry: its question's or answer's terms (HELD), its question's (ASKED),
                # the conditions it asks of (CONDITION).
                "entry_terms": Forward.build(
                    len(questions),
                    len(vocab),
                    [
                        (entry_ids, entry_terms, HELD),
                        (*asked_postings.pairs(vocab), ASKED),
                        (*condition_terms.pairs(vocab), CONDITION),
                    ],
                ).state(),
                # Per page: its own text's terms (ON_PAGE), its title's (TITLE), and those of
                # its entries (IN_ENTRY).
                "page_terms": Forward.build(
                    len(context),
                    len(vocab),
                    [
                        (*page_postings.pairs(vocab), ON_PAGE),
                        (*named_postings.pairs(vocab), TITLE),
                        (entry_rows[entry_ids], entry_terms, IN_ENTRY),
                    ],
                ).state(),
                "context_weights": saturated,
                "idf": idf,
                # Each question's weight without its exercise's name (see `match`).
                "own_weight": np.array(
                    [
                        sum(map(idf.__getitem__, q - names))
                        for q, names in zip(questions, name_terms, strict=True)
                    ],
                    np.float64,
                ).reshape(len(questions)),
                "unknown_idf": math.log(1 + total),
                # Words in most exercises' text say nothing about which exercise is meant.
                "context_cap": max(3, len(context) // 4),
                "context_idf": {
                    term: math.log(1 + pages / len(rows)) for term, rows in context_postings.items()
                },
                "unknown_context_idf": math.log(1 + pages),
            },
        )

    @classmethod
    def from_state(cls, state: dict[str, Any], lexicon: Lexicon) -> FaqIndex:
        """The index `state()` describes, as the index cache keeps it."""
        index = cls.__new__(cls)
        index._set_state(lexicon, state)
        return index

    def _set_state(self, lexicon: Lexicon, state: dict[str, Any]) -> None:
        self._lexicon = lexicon
        self._state = state
        self._questions: list[frozenset[str]] = state["questions"]
        self._answers: list[frozenset[str]] = state["answers"]
        self._kinds: list[frozenset[str]] = state["kinds"]
        self._conditions: list[frozenset[str]] = state["conditions"]
        self._places: list[frozenset[str]] = state["places"]
        self._entry_exercise: list[int] = state["entry_exercise"]
        # The same as an array: entries are numbered page by page, so a term's postings map to
        # ascending page rows.
        self._entry_rows = np.array(self._entry_exercise, np.intp)
        self._exercise_ids: list[str] = state["exercise_ids"]
        self._row_of = {exercise_id: row for row, exercise_id in enumerate(self._exercise_ids)}
        self._by_exercise: dict[str, list[int]] = state["by_exercise"]
        self._context: list[frozenset[str]] = state["context"]
        self._titles: list[frozenset[str]] = state["titles"]
        self._exercise_text: list[frozenset[str]] = state["exercise_text"]
        self._postings = Postings(*state["postings"])
        self._own_weight: Floats = state["own_weight"]
        self._context_postings = Postings(*state["context_postings"])
        self._vocab: dict[str, int] = state["vocab"]
        self._entry_terms = Forward(*state["entry_terms"])
        self._page_terms = Forward(*state["page_terms"])
        self._context_weights: Floats = state["context_weights"]
        self._idf: dict[str, float] = state["idf"]
        self._unknown_idf: float = state["unknown_idf"]
        self._context_cap: int = state["context_cap"]
        self._context_idf: dict[str, float] = state["context_idf"]
        self._unknown_context_idf: float = state["unknown_context_idf"]

    def state(self) -> dict[str, Any]:
        return self._state

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
        focus: frozenset[str] = frozenset(),
    ) -> list[FaqMatch]:
        """Entries sharing the most informative of `terms`, optionally only `within` some ids.

        entry = 0.65 x (share of the message's weight found in the entry)
              + 0.35 x (share of the question's own weight found in the message, that
                        weight read as at least OWN_FLOOR of the message's),
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
        if within is None:
            shared = Sums(
                len(self._questions), ((self._postings.get(t), self.idf(t)) for t in message)
            )
            shortlist = ranked(shared, self.CANDIDATES)
            if len(shortlist) < self.CANDIDATES:
                touched = set(shortlist)
                for exercise_id in self._context_leaders(message):
                    shortlist.extend(e for e in self._by_exercise[exercise_id] if e not in touched)
                del shortlist[self.CANDIDATES :]
        else:
            shortlist = self._first_pass_within(message, within)
        across = within is None if by_page is None else by_page
        plain = self._weighed(message, frozenset())
        if not focus:
            return self._score(shortlist, *plain, across, limit)
        # Which entry answers is read mostly from the question sentence; how well it answers,
        # from the whole message (the problem is often told in the story before it).
        chosen = [
            m.entry_id
            for m in self._score(shortlist, *self._weighed(message, focus), across, limit)
        ]
        fits = {m.entry_id: m for m in self._score(chosen, *plain, across, limit)}
        return [fits[entry_id] for entry_id in chosen]

    def _weighed(self, message: set[str], focus: frozenset[str]) -> tuple[dict[str, float], float]:
        weight = {
            t: self.idf(t) * (1.0 if not focus or t in focus else self.STORY_WEIGHT)
            for t in message
        }
        message_weight = sum(
            w * (1.0 if t in self._postings or t in self._context_postings else self.UNKNOWN_SHARE)
            for t, w in weight.items()
        )
        return weight, message_weight

    def _first_pass_within(self, message: set[str], within: frozenset[int]) -> list[int]:
        """The first pass over a few entries: each entry's sum over the message's terms it
        holds, in the message's order, as the postings walk added them."""
        order = list(message)
        scored: list[tuple[float, int, int]] = []
        for entry_id in within:
            if not 0 <= entry_id < len(self._questions):
                continue
            held = self._questions[entry_id] | self._answers[entry_id]
            total = 0.0
            first = -1
            for position, term in enumerate(order):
                if term in held:
                    total += self.idf(term)
                    if first < 0:
                        first = position
            if first >= 0:
                scored.append((-total, first, entry_id))
        scored.sort()
        return [entry_id for _, _, entry_id in scored[: self.CANDIDATES]]

    def own_share(
        self, entry_id: int, terms: Iterable[str], leaving: frozenset[str] = frozenset()
    ) -> float:
        """The share of the entry's question's own weight (its exercise's name left out, and
        the terms `leaving`) that `terms` hold; 1.0 for a question that has none of its own."""
        own = self._questions[entry_id] - self._titles[self._entry_exercise[entry_id]] - leaving
        total = sum(self.idf(t) for t in own)
        said = set(terms)
        return sum(self.idf(t) for t in own if t in said) / total if total else 1.0

    def asks_any(self, entry_id: int, terms: Iterable[str]) -> bool:
        """Whether the entry's question, its exercise's name left out, holds any of `terms`."""
        question = self._questions[entry_id] - self._titles[self._entry_exercise[entry_id]]
        return not question.isdisjoint(terms)

    def asks_all(self, entry_id: int, terms: Iterable[str]) -> bool:
        """Whether the entry's question says every one of `terms` (another exercise's name)."""
        return self._questions[entry_id].issuperset(terms)

    def conditions_of(self, entry_id: int) -> frozenset[str]:
        """The conditions (Lexicon.conditions) an entry asking whether it may be done names."""
        return self._conditions[entry_id]

    def kinds_of(self, entry_id: int) -> frozenset[str]:
        """The kinds of question the entry's question asks (`Lexicon.kinds`): "How low should
        my legs go?" asks how far."""
        return self._kinds[entry_id]

    def places_of(self, entry_id: int) -> frozenset[str]:
        """The places of the body the entry's question names (Language.body_places); for a
        page's passage, its text."""
        return self._places[entry_id]

    def holds(self, entry_id: int, term: str) -> bool:
        """Whether the entry's question or answer says `term`."""
        return term in self._questions[entry_id] or term in self._answers[entry_id]

    def rarest(self, terms: Iterable[str]) -> str | None:
        """The rarest of `terms` that some entry says."""
        return self._rarest({t: self.idf(t) for t in terms})

    def pages_saying(self, term: str) -> int:
        """How many exercises' own texts (title, keywords, description, steps) say `term`."""
        return len(self._context_postings.get(term))

    def commonplace(self, term: str) -> bool:
        """Whether most exercises' own texts say `term` ("keep", "back"): said alone, it
        points at no entry."""
        return 2 * self.pages_saying(term) > len(self._exercise_ids)

    def world_of(self, exercise_id: str) -> frozenset[str]:
        """Every term an exercise's page says: its own text and its entries' questions and
        answers."""
        row = self._row_of.get(exercise_id)
        return frozenset() if row is None else self._exercise_text[row]

    def context_of(self, exercise_id: str) -> frozenset[str]:
        """The terms of an exercise's own text (title, keywords, description, steps)."""
        row = self._row_of.get(exercise_id)
        return frozenset() if row is None else self._context[row]

    def describe(self, terms: Iterable[str], limit: int = 3) -> list[tuple[str, float]]:
        """The exercises whose own text (title, keywords, description, steps) explains the
        most of `terms`, by share of their weight (rare words weigh more), best first."""
        message = set(terms)
        if not message:
            return []
        weight = {t: self._context_idf.get(t, self._unknown_context_idf) for t in message}
        total = sum(weight.values())
        # Ranked as BM25 ranks pages (rare words, said often, on a short page); the fit reported
        # is the share of the message's weight the page holds, which the callers' thresholds
        # read.
        pages = len(self._exercise_ids)
        held: list[Ids] = []
        weights: list[Floats] = []
        for term in message:
            span = self._context_postings.span(term)
            if span is not None:
                rows = self._context_postings.get(term)
                # BM25's idf: a word on half the pages or more says next to nothing
                idf = math.log(1 + max(0.0, (pages - len(rows) + 0.5) / (len(rows) + 0.5)))
                held.append(rows)
                weights.append(idf * self._context_weights[span])
        if not held:
            return []
        # One count over every term's pages: each page's terms are added in the message's
        # order from 0.0, the same floats as adding one term's weights at a time.
        score = np.bincount(np.concatenate(held), np.concatenate(weights), minlength=pages)
        # The pages a term is on: each has a score above zero (a BM25 idf is above zero for
        # a word on every page, and so is a saturated count).
        touched = np.flatnonzero(score > 0.0)
        fits = score[touched]
        if len(touched) > limit:
            # Only pages at or above the limit-th score can be among the first `limit`:
            # thousands of pages share a common word, and sorting them all was most of this.
            cut = len(touched) - limit
            top = fits >= np.partition(fits, cut)[cut]
            touched, fits = touched[top], fits[top]
        order: list[int] = touched[np.lexsort((touched, -fits))[:limit]].tolist()

        def share(row: int) -> float:
            """The share of the message's weight the page's text holds: its terms' weights
            added in the message's order, as a count over every page did."""
            text = self._context[row]
            found = 0.0
            for term in message:
                if term in text:
                    found += weight[term]
            return found / total

        best = order[0]
        fit = share(best)
        top = float(score[best]) or 1.0
        # A runner-up is as far behind as the ranking puts it, unless it holds more of the
        # words, or the words are few (see `runner_up_fit`): "stand and roll down your spine"
        # is Standing Roll Down's, a short page on just that, more than Push Up's, which also
        # walks out to a plank.
        return [(self._exercise_ids[best], fit)] + [
            (
                self._exercise_ids[row],
                runner_up_fit(fit, float(score[row]) / top, share(row), len(message)),
            )
            for row in order[1:]
        ]

    def _context_leaders(self, message: set[str], count: int = 5) -> list[str]:
        cap = self._context_cap
        empty = self._context_postings.get("")[:0]
        votes = Sums(
            len(self._exercise_ids),
            (
                (rows, self.idf(t)) if len(rows) <= cap else (empty, 0.0)
                for t in message
                for rows in (self._context_postings.get(t),)
            ),
        )
        return [self._exercise_ids[row] for row in ranked(votes, count)]

    def _score(
        self,
        shortlist: list[int],
        weight: dict[str, float],
        message_weight: float,
        across: bool,
        limit: int,
    ) -> list[FaqMatch]:
        """The first `limit` of the shortlisted entries by score (see `match`), ties in
        shortlist order. `weight`: each message term's idf, in the message's order.

        All entries and terms at once: which entry and page holds which term is read from
        their terms (`Forward`), as a term-by-entry array, and each sum is added down the
        terms in the message's order, the same floats in the same order as one entry at a
        time (a term found nowhere adds 0.0, which changes no sum), except the question's
        share, whose terms were added in a set's order and now in the message's.
        """
        if not shortlist:
            return []
        if len(shortlist) <= self.FEW_ENTRIES:
            return self._score_few(shortlist, weight, message_weight, across, limit)
        entries = np.array(shortlist, np.intp)
        rows = self._entry_rows.take(entries)
        said = np.full(len(self._vocab), -1, np.intp)  # term number -> its place in `weight`
        places = [
            (n, p) for p, t in enumerate(weight) for n in (self._vocab.get(t),) if n is not None
        ]
        if places:
            numbers, where = zip(*places, strict=True)
            said[list(numbers)] = where
        count = len(weight)
        in_entry = self._entry_terms.held(entries, said, count)
        on_page = self._page_terms.held(rows, said, count)
        held = (in_entry & HELD) != 0  # in the question or the answer
        in_question = (in_entry & ASKED) != 0
        # a condition named in the answer of "who should avoid it?" is as good as asked
        credited = (in_entry & (ASKED | CONDITION)) != 0
        page_only = (on_page & ON_PAGE) != 0
        own = in_question & ((on_page & TITLE) == 0)
        w = np.fromiter(weight.values(), np.float64, count)[:, np.newaxis]
        credit = np.where(
            credited,
            w * 1.0,
            np.where(
                held, w * self.ANSWER_CREDIT, np.where(page_only, w * self.CONTEXT_CREDIT, 0.0)
            ),
        )
        # `accumulate` adds row after row, as the loop over terms did.
        mass = np.add.accumulate(credit, axis=0)[-1]
        matched = held.sum(axis=0)
        asked = np.add.accumulate(np.where(own, w, 0.0), axis=0)[-1]
        own_weight = self._own_weight[entries]
        share = np.divide(asked, own_weight, out=np.zeros(len(entries)), where=own_weight != 0)
        floor = self.OWN_FLOOR * message_weight
        score = 0.65 * (mass / message_weight) + 0.35 * (asked / np.maximum(own_weight, floor))
        # How much of its own question the message says (FaqMatch.own); an entry holding the
        # message's rarest word speaks to it whatever its question says ("can I do it when
        # pregnant": "who should avoid it?", whose answer names pregnancy).
        own_share = share
        rarest = self._rarest(weight)
        if rarest is not None:
            own_share = np.where(held[list(weight).index(rarest)], 1.0, share)
        # ...and so does an entry asking whether it may be done that names a condition the
        # message tells ("she has high blood pressure": "who should avoid it?", whose answer
        # lists it), however common the condition's word
        conditions = self._conditions
        told = [i for i, e in enumerate(shortlist) if not conditions[e].isdisjoint(weight)]
        if told:
            own_share = own_share.copy()
            own_share[told] = 1.0
        if across:
            # The page's text holds the term, or one of its entries does.
            in_text = (on_page & (ON_PAGE | IN_ENTRY)) != 0
            fit = np.add.accumulate(np.where(in_text, w, 0.0), axis=0)[-1]
            score = (1 - self.EXERCISE_SHARE) * score + self.EXERCISE_SHARE * (fit / message_weight)
        order = np.argsort(-score, kind="stable")
        return [
            FaqMatch(
                int(entries[i]),
                self._exercise_ids[int(rows[i])],
                float(score[i]),
                int(matched[i]),
                float(own_share[i]) if own_weight[i] else 1.0,
            )
            for i in order[:limit].tolist()
        ]

    def _rarest(self, weight: dict[str, float]) -> str | None:
        """The message's rarest word that some entry holds (FaqMatch.own); ties broken by the
        word itself, since a set's order differs between processes."""
        known = [t for t in weight if t in self._postings]
        return min(known, key=lambda t: (-weight[t], t)) if known else None

    def _score_few(
        self,
        shortlist: list[int],
        weight: dict[str, float],
        message_weight: float,
        across: bool,
        limit: int,
    ) -> list[FaqMatch]:
        """`_score` one entry at a time, for a few entries (those of the exercises a message
        names, the few a question sentence chose): a dozen array operations per term cost far
        more than looking each term up in a few entries' sets. The same floats, added in the
        same order (the terms not found add nothing; the arrays add 0.0, which changes no sum),
        and the same stable sort."""
        rarest = self._rarest(weight)
        answer_credit, context_credit = self.ANSWER_CREDIT, self.CONTEXT_CREDIT
        scored: list[tuple[float, FaqMatch]] = []
        for entry_id in shortlist:
            row = self._entry_exercise[entry_id]
            question, answer = self._questions[entry_id], self._answers[entry_id]
            page, title = self._context[row], self._titles[row]
            conditions = self._conditions[entry_id]
            text = self._exercise_text[row]
            mass = asked = fit = 0.0
            matched = 0
            for term, w in weight.items():
                if term in question:
                    mass += w * 1.0
                    matched += 1
                    if term not in title:
                        asked += w
                elif term in conditions:
                    mass += w * 1.0
                    matched += 1
                elif term in answer:
                    mass += w * answer_credit
                    matched += 1
                elif term in page:
                    mass += w * context_credit
                if across and term in text:
                    fit += w
            own_weight = float(self._own_weight[entry_id])
            share = asked / own_weight if own_weight != 0 else 0.0
            told = asked / max(own_weight, self.OWN_FLOOR * message_weight) if asked else 0.0
            score = 0.65 * (mass / message_weight) + 0.35 * told
            if across:
                score = (1 - self.EXERCISE_SHARE) * score + self.EXERCISE_SHARE * (
                    fit / message_weight
                )
            holds_rarest = rarest is not None and (rarest in question or rarest in answer)
            speaks = holds_rarest or not conditions.isdisjoint(weight)
            own = (1.0 if speaks else share) if own_weight else 1.0
            scored.append((score, FaqMatch(entry_id, self._exercise_ids[row], score, matched, own)))
        # Best first, ties in shortlist order (a stable sort, as the arrays' argsort).
        scored.sort(key=lambda item: -item[0])
        return [match for _, match in scored[:limit]]

    def unaskable(self) -> list[int]:
        """Entries whose question says nothing but its exercise's name and words every
        question uses ("¿Quién debe hacer el roll over?"): no message can be matched to
        them on what it asks, so their authors are told (`pilates-bot check`)."""
        return [int(e) for e in np.flatnonzero(self._own_weight == 0)]

    def entries_of(self, *exercise_ids: str) -> frozenset[int]:
        return frozenset(e for i in exercise_ids for e in self._by_exercise.get(i, ()))
