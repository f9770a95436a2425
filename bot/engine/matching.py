"""Find the exercise a message names and the FAQ entry it asks, with how sure we are.

Both indexes are built once at load. A message is scored by walking the postings of its own
terms (an inverted index), so the cost follows the message and the few names or questions it
touches, not the size of the library. rapidfuzz is used where spelling is uncertain: a word
that is in no page is compared with the words of exercise names to catch typos.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import Analysis, Lexicon
from bot.engine.nearby import NearWords
from bot.engine.postings import UNTOUCHED, Floats, Ids, Postings, Sums, holding
from bot.engine.spelling import common_words
from bot.languages.text import words

# Edits (insert, delete, substitute, swap two letters) an unknown word may be from a name word
# and still be taken for it: none up to 3 letters ("max" is not "mat"), one up to 7, two beyond.
TYPO_EDITS = ((4, 0), (8, 1))
TYPO_COST = 0.15  # similarity lost per edit
NEAR_WORDS = 6  # name words an unknown word is read as, the closest first
# A stop word inside a name ("the" in "The Saw") counts this much of a real word.
STOP_WEIGHT = 0.05
MAX_TYPO_LOOKUPS = 24
MAX_TYPO_LENGTH = 30  # longer than any name word: noise, not a typo
MAX_REMEMBERED_TYPOS = 50_000
MAX_REMEMBERED_AMONG = 64  # collections of exercises a look-up was limited to (`_wanted`)
SPREAD = 1  # other words a name's words may have between them ("roll it up")
SPREAD_COST = 0.5
# A word being typed that a name word starts with: this long inside a message ("jackkn",
# "boomer"; "che" is no half of "chest")...
PREFIX_MIN = 4
PREFIX_LAST = 2  # ...or this long as the message's last word ("teaser 2 pl", "corkscr")
PREFIX_SHORT = 3  # ...or this long with one letter left off ("bal" for "ball")
PREFIX_CREDIT = 0.75  # plus up to 0.25 for how much of the word was typed
# Words said in at most this many names (counted once per word) are scored one name at a time.
FEW_POSTINGS = 400
# A name whose NameMatch.score reaches this is said in full (the score is a sum of floats).
EXACT = 0.999
# Names left after the cut, at most this many, are ranked in Python (`_winners_few`).
FEW_ROWS = 48


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


# Scores within this of the cut may round either way (a name's score is rounded to 9 places):
# names that close are scored exactly before the cut is made.
_NEAR = 1e-7
_MASK_BITS = 52  # name terms a message may say for the spread check to group names by them
# Up to this many hit terms, each name's terms (bits from 2**_PACK up) and its weight found
# (in quanta of 2**-24 below) fit in one count: whole numbers below 2**53, exact in a float
# (a weight is below 14 up to a million exercises: 20 terms are below 2**33 quanta).
_PACKED_TERMS = 20
_PACK = 33
_QUANTUM = 2.0**24
# A share found from quanta is within 20 half-quanta over the name's weight (at least a
# filler's 0.05) of the exact one, 1.2e-5; the cut keeps every name within twice that and
# _NEAR of it, which keeps all the exact cut would (more names kept change no answer).
_PACKED_MARGIN = 1e-4


class NameIndex:
    """Exercise titles and keywords, by term.

    Names are rows of arrays (exercise, weight, title or keyword) and each term's names one
    array of row numbers, so a word shared by thousands of names costs one numpy operation;
    only the few names that can win become `NameMatch`es.
    """

    def __init__(
        self,
        names: Iterable[tuple[str, str, bool]],
        lexicon: Lexicon,
        known_words: frozenset[str],
    ) -> None:
        prepared: list[tuple[str, str, tuple[str, ...], bool]] = []
        exercises_with: defaultdict[str, set[str]] = defaultdict(set)
        surface: dict[str, str] = {}
        # Each name term's neighbours in names: the words said right after it (under "term>")
        # and right before it ("<term"), little words ("the", "de") skipped (see
        # `_beside_hits`)
        beside: defaultdict[str, set[str]] = defaultdict(set)
        for exercise_id, text, is_title in names:
            name_words = words(text)
            carried = [w for w in name_words if lexicon.stem(w) not in lexicon.name_fillers]
            for left, right in pairwise(carried):
                if len(left) >= 3 and len(right) >= 3 and not (left + right).isdigit():
                    beside[lexicon.stem(left) + ">"].add(right)
                    beside["<" + lexicon.stem(right)].add(left)
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
        weight = {
            term: STOP_WEIGHT
            if term in lexicon.name_fillers
            else math.log(1 + total / len(exercises))
            for term, exercises in exercises_with.items()
        }
        exercise_ids = list(dict.fromkeys(p[0] for p in prepared))
        row_of = {exercise_id: row for row, exercise_id in enumerate(exercise_ids)}
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for name_id, (_, _, terms, _) in enumerate(prepared):
            for term in terms:
                postings[term].append(name_id)
        # Each name under its rarest term (the one in fewest names): a name said in full
        # says that term, so these few are all a story's sentence needs to check (`lookup`).
        by_rarest: defaultdict[str, list[int]] = defaultdict(list)
        names_with = {term: len(ids) for term, ids in postings.items()}
        for name_id, (_, _, terms, _) in enumerate(prepared):
            rarest = terms[0] if len(terms) == 1 else min(terms, key=names_with.__getitem__)
            by_rarest[rarest].append(name_id)
        fillers = lexicon.name_fillers
        self._set_state(
            lexicon,
            known_words,
            {
                "exercise_ids": exercise_ids,
                "weight": weight,
                "texts": [p[1] for p in prepared],
                "terms": [p[2] for p in prepared],
                "exercise": np.array([row_of[p[0]] for p in prepared], np.int32),
                "name_weight": np.array([sum(weight[t] for t in p[2]) for p in prepared]),
                "is_title": np.array([p[3] for p in prepared], np.bool_),
                "carrying": np.array(
                    [sum(t not in fillers for t in p[2]) for p in prepared], np.int32
                ),
                "postings": Postings.build(postings).state(),
                "by_rarest": Postings.build(by_rarest).state(),
                "surface_words": sorted(surface),
                "surface_terms": [surface[w] for w in sorted(surface)],
                "beside": {term: sorted(found) for term, found in sorted(beside.items())},
            },
        )

    @classmethod
    def from_state(
        cls, state: dict[str, Any], lexicon: Lexicon, known_words: frozenset[str]
    ) -> NameIndex:
        """The index `state()` describes, as the index cache keeps it."""
        index = cls.__new__(cls)
        index._set_state(lexicon, known_words, state)
        return index

    def _set_state(
        self, lexicon: Lexicon, known_words: frozenset[str], state: dict[str, Any]
    ) -> None:
        self._lexicon = lexicon
        self._known_words = known_words
        # An everyday word of the language is typed whole, not cut short: "plan" is no Plank
        self._everyday = common_words(lexicon.language.spelling)
        self._state = state
        self._exercise_ids: list[str] = state["exercise_ids"]
        self._weight: dict[str, float] = state["weight"]
        self._texts: list[str] = state["texts"]
        self._terms: list[tuple[str, ...]] = state["terms"]
        self._exercise: Ids = state["exercise"]
        self._name_weight: Floats = state["name_weight"]
        self._is_title: npt.NDArray[np.bool_] = state["is_title"]
        self._carrying: Ids = state["carrying"]
        # A power of two above any name's count of carrying words (see `_contenders`).
        self._anchor = 1 << int(self._carrying.max(initial=0)).bit_length()
        self._postings = Postings(*state["postings"])
        self._by_rarest = Postings(*state["by_rarest"])
        self._surface_words: list[str] = state["surface_words"]
        self._surface_terms: list[str] = state["surface_terms"]
        self._near = NearWords(self._surface_words)
        self._beside: dict[str, list[str]] = state["beside"]
        self._near_cache: dict[tuple[str, int], list[tuple[str, float]]] = {}
        # For `_match_few`: plain lists index faster from Python than arrays, and each term's
        # names and each name's carrying terms are remembered (at most one entry per term or
        # name of the library).
        self._name_weight_list: list[float] = self._name_weight.tolist()
        self._is_title_list: list[bool] = self._is_title.tolist()
        self._exercise_list: list[int] = self._exercise.tolist()
        self._id_lists: dict[str, list[int]] = {}
        self._among: dict[int, tuple[Collection[str], npt.NDArray[np.bool_]]] = {}
        self._carrying_of: dict[int, tuple[str, ...]] = {}
        self._terms_of: dict[str, frozenset[str]] = {}
        self._row_of = {exercise_id: row for row, exercise_id in enumerate(self._exercise_ids)}
        # Names listed exercise by exercise (as LanguageIndex lists them): no sorting per message.
        self._grouped = bool(np.all(self._exercise[1:] >= self._exercise[:-1]))

    def state(self) -> dict[str, Any]:
        return self._state

    def terms_of(self, exercise_id: str) -> frozenset[str]:
        """Every term of every name of an exercise: Plank's "hold" of "plank hold"."""
        found = self._terms_of.get(exercise_id)
        if found is None:
            row = self._row_of.get(exercise_id)
            rows = () if row is None else np.flatnonzero(self._exercise == row).tolist()
            found = frozenset(t for name_id in rows for t in self._terms[name_id])
            if len(self._terms_of) < MAX_REMEMBERED_TYPOS:
                self._terms_of[exercise_id] = found
        return found

    def __contains__(self, term: str) -> bool:
        return term in self._postings

    def lookup(
        self,
        message: Analysis,
        limit: int | None = 6,
        among: Collection[str] | None = None,
        *,
        covering: frozenset[int] | None = None,
        enough: int | None = None,
        in_full: bool = False,
    ) -> NameLookup:
        """Name words in the message (typos included), looked up once for every later stage.
        `limit`: the first so many exercises (None: every one); `among`: only these
        exercises' matches are made (the ranking is over all of them); `covering`: only those
        whose title holds these message words, and no more than `enough` of them (a caller
        asking whether two or three qualify needs no thousands); `in_full`: no matches at all
        unless some name is said in full (a score of 1.0), for a caller that keeps only those
        (most sentences of a story name nothing in full, and are then not ranked)."""
        hits = self._hits(message)
        words_hit = frozenset(p for _, positions in hits.values() for p in positions)
        if in_full and not self._some_in_full(hits):
            return NameLookup([], words_hit)
        found = self._match(message, hits, limit, among, covering, enough)
        return NameLookup(found, words_hit)

    def _some_in_full(self, hits: dict[str, tuple[float, tuple[int, ...]]]) -> bool:
        """Whether some name has every term said as such (no typo, no prefix): the only way
        to a score of 1.0, as a typo's or a prefix's similarity is below 1 by far more than
        a score's rounding (9 places). Only the names filed under a said term as their
        rarest one can be."""
        said = {term for term, (similarity, _) in hits.items() if similarity == 1.0}
        terms = self._terms
        return any(
            all(t in said for t in terms[name_id])
            for term in said
            for name_id in self._by_rarest.get(term).tolist()
        )

    def _match(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        limit: int | None,
        among: Collection[str] | None = None,
        covering: frozenset[int] | None = None,
        enough: int | None = None,
    ) -> list[NameMatch]:
        """The exercises the message may name, best first, at most one entry per exercise.

        Every name a hit term touches gets its share of the weight found (one array operation
        per term); only names that can be an exercise's best, or its title's, and can rank
        among the first `limit` are scored exactly and made into matches.
        """
        if not hits:
            return []
        if sum(self._postings.count(t) for t in hits) <= FEW_POSTINGS:
            return self._match_few(message, hits, limit, among, covering, enough)
        size = len(self._texts)
        touched = self._touched(message, hits)
        if touched is None:
            return []
        kept = self._contenders(hits, touched, limit, among, covering)
        if kept is None:
            return []
        rows = touched.rows[kept]
        exercise = self._exercise[rows]
        mass = touched.found(kept)  # weight found, per row
        raw = mass / self._name_weight[rows]
        spread = self._spread(
            message, hits, rows, touched.several[kept], touched.said(kept), touched.terms
        )
        approx = np.where(spread, raw * SPREAD_COST, raw)
        # Where in a dict filled term by term each name came: ties keep that order.
        order = touched.first(kept).astype(np.int64) * size + rows
        # One group per exercise: its best name (roughly, for the cut), the first it was seen.
        starts = np.flatnonzero(np.concatenate(([True], exercise[1:] != exercise[:-1])))
        group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(rows))))
        best = np.maximum.reduceat(approx, starts)
        seen = np.minimum.reduceat(order, starts)
        floor = -1.0
        if limit is not None and len(starts) > limit:
            cut = len(starts) - limit
            floor = float(np.partition(best, cut)[cut]) - _NEAR
        contender = best[group] >= floor
        titled = contender & self._is_title[rows]
        best_title = np.maximum.reduceat(np.where(titled, approx, -1.0), starts)
        near = contender & (
            (approx >= best[group] - _NEAR) | (titled & (approx >= best_title[group] - _NEAR))
        )
        group = group[near]
        rows, exercise, raw, spread, order, mass = (
            rows[near],
            exercise[near],
            raw[near],
            spread[near],
            order[near],
            mass[near],
        )
        if len(rows) <= FEW_ROWS:
            named = _Named(rows, exercise, raw, spread, order, mass, seen[group])
            return self._winners_few(hits, named, limit, among, covering, enough)
        # Exact scores: `round` per distinct value, as each name was scored before.
        values, where = np.unique(raw, return_inverse=True)
        exact = np.array([round(float(v), 9) for v in values])[where.ravel()]
        score = np.where(spread, exact * SPREAD_COST, exact)
        mass_found = mass
        is_title = self._is_title[rows]
        # Each exercise's best name: highest (score, mass, title), the first found on a tie.
        pick = np.lexsort((order, ~is_title, -mass_found, -score, exercise))
        first_of = pick[np.unique(exercise[pick], return_index=True)[1]]
        # ...and its best title, the first found to reach the highest score.
        title_rows = np.flatnonzero(is_title & (score > 0))
        title_pick = title_rows[
            np.lexsort((order[title_rows], -score[title_rows], exercise[title_rows]))
        ]
        title_at = np.full(len(starts), -1)  # per exercise group: its best title's index
        title_first = title_pick[np.unique(exercise[title_pick], return_index=True)[1]]
        title_at[group[title_first]] = title_first
        # Exercises by their best name's rank, then in the order they were first touched.
        winners = first_of[
            np.lexsort(
                (
                    seen[group[first_of]],
                    ~is_title[first_of],
                    -mass_found[first_of],
                    -score[first_of],
                )
            )
        ][:limit]
        if among is not None:
            winners = winners[self._wanted(among)[exercise[winners]]]
        titles = title_at[group[winners]]
        if covering is not None:
            winners, titles = self._covering(hits, covering, rows, winners, titles)
        found: list[NameMatch] = []
        for i, title in zip(winners[:enough], titles[:enough], strict=True):
            row = int(rows[i])
            found.append(
                NameMatch(
                    exercise_id=self._exercise_ids[int(exercise[i])],
                    score=float(score[i]),
                    mass=float(mass_found[i]),
                    name=self._texts[row],
                    is_title=bool(is_title[i]),
                    positions=self._positions(row, hits),
                    title_score=0.0 if title < 0 else float(score[title]),
                    title_positions=frozenset()
                    if title < 0
                    else self._positions(int(rows[title]), hits),
                )
            )
        return found

    def _winners_few(
        self,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        named: _Named,
        limit: int | None,
        among: Collection[str] | None,
        covering: frozenset[int] | None,
        enough: int | None,
    ) -> list[NameMatch]:
        """The end of `_match` for a few names left (most look-ups keep a dozen or two): each
        exercise's best name and best title, and the exercises in rank order, in Python,
        instead of two dozen array calls. The same scores (`round`, then the spread's cost)
        and the same order: the array pass's sort keys, none of which ties (a name's place
        where it was first met is its own)."""
        rows = named.rows.tolist()
        exercise = named.exercise.tolist()
        mass = named.mass.tolist()
        order = named.order.tolist()
        seen = named.seen.tolist()
        is_title = self._is_title_list
        score = [
            round(raw, 9) * SPREAD_COST if far else round(raw, 9)
            for raw, far in zip(named.raw.tolist(), named.spread.tolist(), strict=True)
        ]
        best: dict[int, int] = {}  # exercise: its best name's index (highest score, mass...)
        title_of: dict[int, int] = {}  # exercise: its best title's index
        for i, group in enumerate(exercise):
            title = is_title[rows[i]]
            key = (-score[i], -mass[i], not title, order[i])
            current = best.get(group)
            if current is None or key < (
                -score[current],
                -mass[current],
                not is_title[rows[current]],
                order[current],
            ):
                best[group] = i
            if title and score[i] > 0:
                other = title_of.get(group)
                if other is None or (-score[i], order[i]) < (-score[other], order[other]):
                    title_of[group] = i
        winners = sorted(
            best.values(),
            key=lambda i: (-score[i], -mass[i], not is_title[rows[i]], seen[i]),
        )[:limit]
        if among is not None:
            wanted = self._wanted(among)
            winners = [i for i in winners if wanted[exercise[i]]]
        found: list[NameMatch] = []
        for i in winners:
            title = title_of.get(exercise[i], -1)
            title_positions = frozenset() if title < 0 else self._positions(rows[title], hits)
            if covering is not None and (title < 0 or not covering <= title_positions):
                continue
            if enough is not None and len(found) >= enough:
                break
            found.append(
                NameMatch(
                    exercise_id=self._exercise_ids[exercise[i]],
                    score=score[i],
                    mass=mass[i],
                    name=self._texts[rows[i]],
                    is_title=is_title[rows[i]],
                    positions=self._positions(rows[i], hits),
                    title_score=0.0 if title < 0 else score[title],
                    title_positions=title_positions,
                )
            )
        return found

    def _match_few(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        limit: int | None,
        among: Collection[str] | None,
        covering: frozenset[int] | None,
        enough: int | None,
    ) -> list[NameMatch]:
        """`_match` one name at a time, for words said in few names (a small library, or
        rare words): a dozen array passes cost more than scoring fifty names in Python. The
        same floats, added and rounded in the same order; names are met in the order a dict
        filled term by term has them, which is the order the array pass breaks ties by."""
        found: dict[int, float] = {}
        anchored: set[int] = set()
        for term, (similarity, where) in hits.items():
            weight = self._weight[term] * similarity
            ids = self._id_list(term)
            for name_id in ids:
                found[name_id] = found.get(name_id, 0.0) + weight
            if any(not message.stop[p] for p in where):
                anchored.update(ids)  # "into", "the": no reason to think of "Roll Over into..."
        apart: _Apart | None = None
        name_weight = self._name_weight_list
        is_title = self._is_title_list
        exercise = self._exercise_list
        best: dict[int, tuple[float, float, bool, int]] = {}  # exercise: (score, mass, title, row)
        titles: dict[int, tuple[float, int]] = {}  # exercise: its best title's (score, row)
        for name_id, mass in found.items():
            if name_id not in anchored:
                continue
            score = round(mass / name_weight[name_id], 9)
            carrying = self._carrying_terms(name_id)
            if sum(map(hits.__contains__, carrying)) >= 2:
                if apart is None:
                    apart = _Apart(message, hits, self._lexicon.name_fillers)
                if apart.far(carrying):
                    score *= SPREAD_COST
            title = is_title[name_id]
            group = exercise[name_id]
            if title and score > titles.get(group, (0.0, -1))[0]:
                titles[group] = (score, name_id)
            current = best.get(group)
            if current is None or (score, mass, title) > current[:3]:
                best[group] = (score, mass, title, name_id)
        # Best first; a stable sort keeps ties in the order the exercises were first met.
        ranked = sorted(best.items(), key=lambda item: item[1][:3], reverse=True)[:limit]
        if among is not None:
            wanted = self._wanted(among)
            ranked = [item for item in ranked if wanted[item[0]]]
        found_matches: list[NameMatch] = []
        for group, (score, mass, title, name_id) in ranked:
            title_score, title_row = titles.get(group, (0.0, -1))
            title_positions = frozenset() if title_row < 0 else self._positions(title_row, hits)
            if covering is not None and (title_row < 0 or not covering <= title_positions):
                continue
            found_matches.append(
                NameMatch(
                    exercise_id=self._exercise_ids[group],
                    score=score,
                    mass=mass,
                    name=self._texts[name_id],
                    is_title=title,
                    positions=self._positions(name_id, hits),
                    title_score=title_score,
                    title_positions=title_positions,
                )
            )
            if enough is not None and len(found_matches) >= enough:
                break
        return found_matches

    def _wanted(self, among: Collection[str]) -> npt.NDArray[np.bool_]:
        """Which exercises (by row) are `among` these, remembered for the same collection
        (the exercises done in a body position, thousands at 10 000 pages, come back for
        every message describing one)."""
        known = self._among.get(id(among))
        if known is not None and known[0] is among:
            return known[1]
        wanted = np.zeros(len(self._exercise_ids), np.bool_)
        wanted[[self._row_of[e] for e in among if e in self._row_of]] = True
        if len(self._among) >= MAX_REMEMBERED_AMONG:
            self._among.clear()
        self._among[id(among)] = (among, wanted)  # kept alive, so its id is not reused
        return wanted

    def _id_list(self, term: str) -> list[int]:
        """A term's names as a list, remembered (only asked for terms in few names)."""
        found = self._id_lists.get(term)
        if found is None:
            found = self._id_lists[term] = self._postings.get(term).tolist()
        return found

    def _carrying_terms(self, row: int) -> tuple[str, ...]:
        """A name's terms that are not fillers, remembered: the same names come up again."""
        found = self._carrying_of.get(row)
        if found is None:
            fillers = self._lexicon.name_fillers
            found = self._carrying_of[row] = tuple(t for t in self._terms[row] if t not in fillers)
        return found

    def _touched(
        self, message: Analysis, hits: dict[str, tuple[float, tuple[int, ...]]]
    ) -> _Touched | None:
        """The names a hit term said other than as a stop word touches ("into", "the": no
        reason to think of "Roll Over into..."), None for none.

        One count over every hit term's names, each term adding its own power of two: each
        name's sum is the set of terms it holds (exact: whole numbers below 2**53), from which
        its carrying words said, its first term and what the spread check groups names by are
        read, instead of a pass over the names for each. The terms not said as words go to
        the low bits, so that the names touched are those reaching the lowest other bit.
        """
        size = len(self._texts)
        fillers = self._lexicon.name_fillers
        terms = list(hits)
        lists = [self._postings.get(t) for t in terms]
        every = np.concatenate(lists).astype(np.intp)
        lengths = [len(ids) for ids in lists]
        # bincount adds each name's weights in the order they come, from 0.0: term after term,
        # the same floats as adding one term's weight to all its names at a time.
        weights = [self._weight[t] * s for t, (s, _) in hits.items()]
        anchoring = [any(not message.stop[p] for p in where) for _, where in hits.values()]
        if len(hits) > _MASK_BITS:  # more terms than bits: counted as before, one pass each
            total = np.bincount(every, np.repeat(weights, lengths), minlength=size).astype(
                np.float64, copy=False
            )
            return self._touched_one_by_one(hits, lists, every, lengths, total, anchoring)
        by_bit = sorted(range(len(hits)), key=anchoring.__getitem__)  # the words said last
        bit = [0] * len(hits)
        for place, term in enumerate(by_bit):
            bit[term] = place
        low = anchoring.count(False)
        if low == len(hits):
            return None
        carrying = sum(1 << bit[i] for i, t in enumerate(hits) if t not in fillers)
        quanta = [round(w * _QUANTUM) for w in weights]
        if len(hits) <= _PACKED_TERMS and sum(quanta) < 1 << _PACK:
            # The weight found, in whole quanta, below the bits: one count gives both, the
            # weight only to within a quantum per term, which is enough to cut with (see
            # _PACKED_MARGIN); the exact floats are added for the names kept (`_found`).
            packed = np.bincount(
                every,
                np.repeat(
                    [np.ldexp(1.0, _PACK + b) + q for b, q in zip(bit, quanta, strict=True)],
                    lengths,
                ),
                minlength=size,
            )
            rows = np.flatnonzero(packed >= np.ldexp(1.0, _PACK + low))
            if not len(rows):
                return None
            values = packed[rows].astype(np.int64)
            said = values >> _PACK
            near = (values & ((1 << _PACK) - 1)) / _QUANTUM / self._name_weight[rows]
            carried = said & carrying
            return _Touched(
                rows,
                near,
                _two_or_more(carried),
                carried,
                _FirstBits(said, low, by_bit),
                tuple(terms[i] for i in by_bit),
                lambda kept: _found(said[kept], weights, bit),
                _PACKED_MARGIN,
            )
        total = np.bincount(every, np.repeat(weights, lengths), minlength=size).astype(
            np.float64, copy=False
        )
        held = np.bincount(every, np.repeat(np.ldexp(1.0, bit), lengths), minlength=size)
        rows = np.flatnonzero(held >= 2.0**low)
        if not len(rows):
            return None
        said = held[rows].astype(np.int64)
        found = total[rows]
        carried = said & carrying
        return _Touched(
            rows,
            found / self._name_weight[rows],
            _two_or_more(carried),
            carried,
            _FirstBits(said, low, by_bit),
            tuple(terms[i] for i in by_bit),
            lambda kept: found[kept],
        )

    def _touched_one_by_one(
        self,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        lists: list[Ids],
        every: npt.NDArray[np.intp],
        lengths: list[int],
        total: Floats,
        anchoring: list[bool],
    ) -> _Touched | None:
        """`_touched` for a message saying more name words than there are bits (a long
        story): each name's carrying words said counted below `_anchor`, a power of two, and
        each term said as a word adding `_anchor`; first terms found by `Sums.first`."""
        size = len(self._texts)
        fillers = self._lexicon.name_fillers
        anchor = self._anchor
        codes = [
            (anchor if anchored else 0) + (term not in fillers)
            for term, anchored in zip(hits, anchoring, strict=True)
        ]
        counted = np.bincount(every, np.repeat(codes, lengths), minlength=size)
        rows = np.flatnonzero(counted >= anchor)
        if not len(rows):
            return None
        carried = counted[rows].astype(np.intp) & (anchor - 1)
        sums = Sums(size, ((ids, 1.0) for ids in lists))
        found = total[rows]
        return _Touched(
            rows,
            found / self._name_weight[rows],
            carried >= 2,
            None,
            lambda kept: sums.first(rows[kept]),
            (),
            lambda kept: found[kept],
        )

    def _contenders(
        self,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        touched: _Touched,
        limit: int | None,
        among: Collection[str] | None,
        covering: frozenset[int] | None,
    ) -> npt.NDArray[np.intp] | None:
        """Which of the names touched are worth scoring exactly, each exercise's together (as
        places in `touched`'s arrays), or None for no name.

        A common word touches thousands of names, yet only `limit` exercises are kept. An
        exercise's best score lies between its best share found, halved where a name's words
        may be said far apart, and that share itself (see `_spread`): exercises whose highest
        possible score is below the `limit`-th lowest possible one cannot be among the first
        `limit`, so their names are dropped before the costly steps. Without a limit, each
        exercise is ranked on its own: only those `among` are kept, and with `covering`, only
        those with a title holding every word asked (their best title must).
        """
        kept = np.arange(len(touched.rows))
        exercise = self._exercise[touched.rows]
        raw, several = touched.raw, touched.several
        if not self._grouped:  # each exercise's names together, so groups can be reduced
            kept = np.argsort(exercise, kind="stable")
            exercise, raw, several = exercise[kept], raw[kept], several[kept]
        if limit is not None:
            lowest = np.where(several, raw * SPREAD_COST, raw)
            floor = _kth_best(exercise, lowest, limit)
            if floor is None:
                return kept
            # The exercises with a name reaching the floor (their highest possible score),
            # with all their names.
            reaching = np.zeros(len(self._exercise_ids), np.bool_)
            reaching[exercise[raw >= floor - touched.margin]] = True
            found: npt.NDArray[np.intp] = kept[reaching[exercise]]
            return found
        if among is None and not covering:
            return kept
        if among is not None:
            chosen = self._wanted(among)[exercise]
            kept, exercise = kept[chosen], exercise[chosen]
            if not len(kept):
                return None
        if not covering:
            return kept
        rows = touched.rows[kept]
        starts = np.flatnonzero(np.concatenate(([True], exercise[1:] != exercise[:-1])))
        titled = self._is_title[rows] & self._holds(hits, covering, rows)
        keep = np.logical_or.reduceat(titled, starts)
        if not keep.any():
            return None
        covered: npt.NDArray[np.intp] = kept[np.repeat(keep, np.diff(np.append(starts, len(rows))))]
        return covered

    def _covering(
        self,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        covering: frozenset[int],
        rows: npt.NDArray[np.intp],
        winners: npt.NDArray[np.intp],
        titles: npt.NDArray[np.intp],
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """The winners whose best title holds every message position in `covering` (its
        title_positions include them)."""
        if not covering:
            return winners, titles
        titled = titles >= 0
        winners, titles = winners[titled], titles[titled]
        keep = self._holds(hits, covering, rows[titles])
        return winners[keep], titles[keep]

    def _holds(
        self,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        covering: frozenset[int],
        rows: npt.NDArray[np.intp],
    ) -> npt.NDArray[np.bool_]:
        """Which names (rows) hold every message position in `covering`, as arrays: each hit
        term is a bit, and a position is held when the name has a term said there."""
        if len(hits) > _MASK_BITS:  # too many terms for one bit each: one name at a time
            held = [covering <= self._positions(int(row), hits) for row in rows]
            return np.array(held, np.bool_).reshape(len(rows))
        bits = np.zeros(len(rows), np.int64)
        cover = dict.fromkeys(covering, 0)
        for bit, (term, (_, where)) in enumerate(hits.items()):
            if covering.isdisjoint(where):
                continue  # a term said elsewhere holds none of the positions asked
            bits[holding(self._postings.get(term), rows)] |= 1 << bit
            for position in where:
                if position in cover:
                    cover[position] |= 1 << bit
        keep = np.ones(len(rows), np.bool_)
        for needed in cover.values():
            keep &= (bits & needed) != 0
        return keep

    def _positions(
        self, row: int, hits: dict[str, tuple[float, tuple[int, ...]]]
    ) -> frozenset[int]:
        """The message words that matched a name."""
        return frozenset(p for t in self._terms[row] if t in hits for p in hits[t][1])

    def _spread(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        rows: npt.NDArray[np.intp],
        several: npt.NDArray[np.bool_],
        said: npt.NDArray[np.int64] | None,
        terms: tuple[str, ...],
    ) -> npt.NDArray[np.bool_]:
        """Which names' words the message says far apart: "my neck ... I pull" is no Neck
        Pull. Only names with two or more of their carrying words said (`several`) can be;
        how far apart depends only on which of its terms were said (`said`: as bits, the
        term of each in `terms`; None to check each name on its own), so it is worked out
        once for each set of them, then held against each name's count of carrying words."""
        spread = np.zeros(len(rows), np.bool_)
        many = np.flatnonzero(several)
        if not len(many):
            return spread
        fillers = self._lexicon.name_fillers
        apart = _Spans(message, hits, fillers)
        if said is None:  # a message saying that many name words: one at a time
            for i in many.tolist():
                carrying = tuple(t for t in self._terms[int(rows[i])] if t not in fillers)
                spread[i] = apart.span(carrying) >= len(carrying) + SPREAD
            return spread
        sets, which = np.unique(said[many], return_inverse=True)
        spans = np.array(
            [
                apart.span(t for place, t in enumerate(terms) if bits >> place & 1)
                for bits in sets.tolist()
            ]
        )
        spread[many] = spans[which.ravel()] >= self._carrying[rows[many]] + SPREAD
        return spread

    def _is_surface(self, word: str) -> bool:
        """Whether `word` is written as such in some name."""
        at = bisect.bisect_left(self._surface_words, word)
        return at < len(self._surface_words) and self._surface_words[at] == word

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
        pronouns = self._lexicon.pronouns
        # (bound once: a long message is walked word by word, several times per answer)
        posted = self._postings.terms()
        surface = self._surface_words
        said = message.words

        def beside_name(at: int) -> bool:
            """Whether a word a name says right after or before this one is said there."""
            term = message.stems[at]
            after = at + 1 <= last and said[at + 1] in self._beside.get(term + ">", ())
            return after or (at > 0 and said[at - 1] in self._beside.get("<" + term, ()))

        for position, (word, term) in enumerate(zip(said, message.stems, strict=True)):
            if (
                word in pronouns
                and position > 0
                and not message.stop[position - 1]
                and (position == last or message.stems[position + 1] not in posted)
            ):
                # "the stretch one", "the kicking one on my tummy": after a word that
                # describes, "one" stands for the exercise; it is no name's "one" (One Leg
                # Circle), which comes first
                continue
            exact = term in posted
            if exact:
                had = hits.get(term)
                if had is None or had[0] < 1.0:  # record(term, 1.0, position)
                    hits[term] = (1.0, (position,))
                elif len(had[1]) == 1 and beside_name(position) and not beside_name(had[1][0]):
                    # said twice, the place beside another name word is the name's ("neck
                    # pain in the neck pull": the second "neck")
                    hits[term] = (1.0, (position,))
            if (
                # a word no page uses; and if it is a name word, only by its stem ("role" is
                # the stem of the typo "roling" a page lists), it may still be a typo of
                # another ("role up" for "roll up")
                word not in self._known_words
                and (not exact or not self._is_surface(word))
                and lookups < MAX_TYPO_LOOKUPS
                and not word.isdigit()
                and len(word) <= MAX_TYPO_LENGTH
            ):
                lookups += 1
                # the letters a name word starting with it may still have (see PREFIX_MIN)
                if word in self._everyday:
                    missing = 0
                elif len(word) >= PREFIX_MIN or (position == last and len(word) >= PREFIX_LAST):
                    missing = MAX_TYPO_LENGTH
                else:
                    missing = 1 if len(word) >= PREFIX_SHORT else 0
                for near_term, similarity in self._near_terms(word, missing):
                    record(near_term, similarity, position)
            if position < last:
                whole = word + said[position + 1]
                # "criss cross" said for "crisscross"; not two words whose joining only
                # stems like a name word ("patas en" is no "patada"). (Whether it is written
                # in a name first, `_is_surface` inline: a look-up costs less than a stem.)
                at = bisect.bisect_left(surface, whole)
                if at < len(surface) and surface[at] == whole:
                    joined = self._lexicon.stem(whole)
                    if joined in posted:
                        record(joined, 1.0, position, position + 1)
        if hits and lookups < MAX_TYPO_LOOKUPS:
            self._beside_hits(message, hits, record, MAX_TYPO_LOOKUPS - lookups)
        return hits

    def _beside_hits(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        record: Callable[..., None],
        lookups: int,
    ) -> None:
        """Words a slip further from a name word than `_near_terms` reads, said where that
        word would be: beside another word of the same name said as such ("bird gdo",
        "bird god"). Two edits, or the same three letters in another order; the neighbour a
        word a name carries, not a little word ("the sew" is no saw)."""
        said = {
            p: term
            for term, (similarity, where) in hits.items()
            if similarity == 1.0
            for p in where
        }
        fillers = self._lexicon.name_fillers
        stems = message.stems
        for position, word in enumerate(message.words):
            if (
                lookups <= 0
                or position in said
                or message.stop[position]
                or word in self._known_words
                or not 3 <= len(word) <= MAX_TYPO_LENGTH
                or word.isdigit()
            ):
                continue
            neighbours: list[str] = []
            for step in (-1, 1):
                at = position + step
                while 0 <= at < len(stems) and stems[at] in fillers:
                    at += step
                term = said.get(at)
                if term is not None and term not in fillers:
                    # the words a name says after the word before, or before the word after
                    key = term + ">" if step < 0 else "<" + term
                    neighbours.extend(self._beside.get(key, ()))
            if not neighbours:
                continue
            lookups -= 1
            for candidate, distance, _ in process.extract(
                word, neighbours, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                if distance == 0 or (len(word) == 3 and sorted(candidate) != sorted(word)):
                    continue
                record(self._lexicon.stem(candidate), 1 - TYPO_COST * distance, position)

    def _near_terms(self, word: str, missing: int) -> list[tuple[str, float]]:
        """The name terms an unknown word may be a typo or the start of (a name word at most
        `missing` letters longer), with how likely, in the order they are recorded;
        remembered, as the same chatty words ("watched", "honestly") come back in message
        after message."""
        key = (word, missing)
        found = self._near_cache.get(key)
        if found is not None:
            return found
        found = []
        edits = next((e for size, e in TYPO_EDITS if len(word) < size), 2)
        swap_only = not edits and len(word) == 3  # "cwo" for "cow", but "max" is no "mat"
        # Six, not three: a short word is one letter from many ("faca": "face", "foca",
        # "saca", "vaca"), and the one that completes a name said beside it must be among them.
        for candidate, distance, index in self._near.extract(
            word, max(edits, swap_only), NEAR_WORDS
        ):
            if edits or sorted(candidate) == sorted(word):
                found.append((self._surface_terms[index], 1 - TYPO_COST * distance))
        if missing:
            for full, full_term in self._completions(word):
                if len(full) > len(word) + missing:
                    continue
                found.append(
                    (full_term, PREFIX_CREDIT + (1 - PREFIX_CREDIT) * len(word) / len(full))
                )
        if len(self._near_cache) >= MAX_REMEMBERED_TYPOS:
            self._near_cache.clear()  # a flood of made-up words does not pile up
        self._near_cache[key] = found
        return found


def _kth_best(exercise: Ids, value: Floats, limit: int) -> float | None:
    """The `limit`-th highest of the exercises' best values (each exercise's highest among
    its rows), or None when fewer than `limit` exercises have rows. Rows are walked from the
    highest value down, among the first few dozen only: the best names of the first exercises
    are near the top, and finding them costs a partial sort instead of a reduction over every
    exercise a common word touches."""
    count = min(len(value), 8 * limit + 32)
    while True:
        cut = len(value) - count
        threshold = np.partition(value, cut)[cut]
        above = np.flatnonzero(value > threshold)
        above = above[np.argsort(-value[above], kind="stable")]
        seen: set[int] = set()
        for row, group in zip(above.tolist(), exercise[above].tolist(), strict=True):
            seen.add(group)
            if len(seen) == limit:
                return float(value[row])
        # Rows at the threshold itself, unsorted: thousands where renamed copies tie, and any
        # exercise not seen above has its best there.
        tied = exercise[value == threshold]
        for start in range(0, len(tied), 256):
            seen.update(tied[start : start + 256].tolist())
            if len(seen) >= limit:
                return float(threshold)
        if count == len(value):
            return None
        count = min(len(value), count * 4)


def _found(said: npt.NDArray[np.int64], weights: list[float], bit: list[int]) -> Floats:
    """Each name's weight found from the terms it holds (`said`, term i at bit[i]): the
    weights added in the hits' order from 0.0, the same floats as the count over every name
    (adding nothing where a term is missing, as 0.0 adds nothing)."""
    total = np.zeros(len(said))
    for weight, place in zip(weights, bit, strict=True):
        total += np.where(said & (1 << place), weight, 0.0)
    return total


def _two_or_more(bits: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which numbers have two or more bits set (one left once the lowest is cleared)."""
    found: npt.NDArray[np.bool_] = (bits & (bits - 1)) != 0
    return found


def _lowest_bit(bits: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """The place of each number's lowest bit set, -1 for 0: the exponent of the power of two
    it isolates, which a float holds exactly."""
    exponent: npt.NDArray[np.intp] = np.frexp((bits & -bits).astype(np.float64))[1] - 1
    return exponent


class _FirstBits:
    """Each name's first hit term (in the hits' order) from the terms it holds, as bits: the
    terms said as words above the others, each part in the hits' order."""

    __slots__ = ("_high", "_low", "_said", "_split")

    def __init__(self, said: npt.NDArray[np.int64], low: int, by_bit: list[int]) -> None:
        self._said = said
        self._split = low
        # Term by bit place, UNTOUCHED last (read for a part with no bit set: place -1).
        self._low = np.array([*by_bit[:low], UNTOUCHED], np.int32)
        self._high = np.array([*by_bit[low:], UNTOUCHED], np.int32)

    def __call__(self, kept: npt.NDArray[np.intp]) -> Ids:
        said = self._said[kept]
        low = self._low[_lowest_bit(said & ((1 << self._split) - 1))]
        first: Ids = np.minimum(low, self._high[_lowest_bit(said >> self._split)])
        return first


@dataclass(frozen=True, slots=True)
class _Touched:
    """The names a message's hit terms touch, ascending, with per name: its share of the
    name's weight found (exact, or within `margin`: for the cut), whether two or more of its
    carrying words are said, those words as bits (None when there are too many), how to
    find each one's first term, and each one's weight found, exactly."""

    rows: npt.NDArray[np.intp]
    raw: Floats
    several: npt.NDArray[np.bool_]
    bits: npt.NDArray[np.int64] | None
    first: Callable[[npt.NDArray[np.intp]], Ids]
    terms: tuple[str, ...]  # the hit term of each bit
    found: Callable[[npt.NDArray[np.intp]], Floats]
    margin: float = _NEAR

    def said(self, kept: npt.NDArray[np.intp]) -> npt.NDArray[np.int64] | None:
        return None if self.bits is None else self.bits[kept]


@dataclass(frozen=True, slots=True)
class _Named:
    """The names left for exact scoring, as `_match` has them: row, exercise, share of the
    weight found, spread, where each was first met, weight found, and where its exercise
    was first met."""

    rows: npt.NDArray[np.intp]
    exercise: Ids
    raw: Floats
    spread: npt.NDArray[np.bool_]
    order: npt.NDArray[np.int64]
    mass: Floats
    seen: npt.NDArray[np.int64]


class _Spans:
    """How far apart a message says the terms of a name (`span`), worked out once per set of
    terms said: the names that share their terms said ("leg pull", "leg pull front") ask the
    same, and a long message that repeats them ("...a leg pull back a leg pull front..." forty
    times) made each ask cost a sort of hundreds of places."""

    def __init__(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        fillers: Collection[str],
    ) -> None:
        self._hits = hits
        # A word's place, not counting the little words names are made with: "patada con una
        # pierna" is a name said in full, "push your hips up" is not Push Up.
        self._rank = list(accumulate(int(stem not in fillers) for stem in message.stems))
        self._places: defaultdict[str, list[int]] = defaultdict(list)  # where each is said
        for position, stem in enumerate(message.stems):
            self._places[stem].append(position)
        self._ranks: dict[str, list[int]] = {}  # each term's places, as ranks, ascending
        self._known: dict[frozenset[str], int] = {}

    def span(self, terms: Iterable[str]) -> int:
        """How far apart, in words other than fillers, the nearest occurrences of `terms`
        (those the message says) are (a name said once in a message that repeats one of its
        words elsewhere)."""
        said = frozenset(filter(self._hits.__contains__, terms))
        found = self._known.get(said)
        if found is None:
            found = self._known[said] = _span([self._ranks_of(t) for t in said])
        return found

    def _ranks_of(self, term: str) -> list[int]:
        found = self._ranks.get(term)
        if found is None:
            rank = self._rank
            places = {*self._hits[term][1], *self._places.get(term, ())}
            found = self._ranks[term] = sorted({rank[p] for p in places})
        return found


class _Apart:
    """Whether a message says a name's words far apart, remembered for the message by the
    name's terms said (all the answer depends on, with the name's length)."""

    def __init__(
        self,
        message: Analysis,
        hits: dict[str, tuple[float, tuple[int, ...]]],
        fillers: Collection[str],
    ) -> None:
        self._spans = _Spans(message, hits, fillers)

    def far(self, carrying: tuple[str, ...]) -> bool:
        """`carrying`: a name's terms that are not fillers."""
        return self._spans.span(carrying) >= len(carrying) + SPREAD


# Places of all terms together up to which the sliding window is walked in Python; beyond,
# numpy's few passes cost less than the walk.
FEW_PLACES = 32


def _span(ranks: list[list[int]]) -> int:
    """The width of the narrowest window holding an element of each list of `ranks` (each a
    term's places, ascending, without repeats); 0 for fewer than two terms."""
    if len(ranks) <= 1:
        return 0
    if sum(map(len, ranks)) > FEW_PLACES:
        # The narrowest window starting at each place ends at the farthest of each term's
        # first place from there on; the narrowest of those, when every term has one.
        arrays = [np.array(r, np.int64) for r in ranks]
        starts = np.concatenate(arrays)
        ends = starts.copy()
        complete = np.ones(len(starts), np.bool_)
        for held in arrays:
            at = np.searchsorted(held, starts)
            complete &= at < len(held)
            np.maximum(ends, held[np.minimum(at, len(held) - 1)], out=ends)
        return int((ends - starts)[complete].min())
    found = sorted((r, term) for term, held in enumerate(ranks) for r in held)
    wanted = len(ranks)
    best: int = found[-1][0] - found[0][0]
    counts: dict[int, int] = {}
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
