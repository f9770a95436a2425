"""Inverted indexes as arrays: each term's ids in one int32 array, and the sums over them.

A common word ("leg", "back") is in thousands of names or FAQ entries of a large library.
Adding its weight to each of them one Python step at a time was most of an answer's cost;
here it is one numpy operation per term. The results are the same floats, added in the same
order, and ties keep the order in which a dict filled term by term would have them (the term
that touched an id first, then the id), so answers do not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

Ids = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
UNTOUCHED = np.iinfo(np.int32).max
# What a binary search of one id in one term's postings costs, in writes of one id into an
# array (about 45 ns against 4 ns), and what filling the array costs per id (a quarter).
_SEARCH_STEPS = 10
# Ids gathered from the heaviest terms to find a sum that the first `limit` reach, per one
# of them: enough that the `limit`-th best of them is near the `limit`-th best of all.
_FLOOR_IDS = 4


class Postings:
    """Term -> the ascending ids that hold it, stored as one array and offsets."""

    __slots__ = ("_ids", "_offsets", "_terms")

    def __init__(self, terms: dict[str, int], offsets: Ids, ids: Ids) -> None:
        self._terms = terms  # term -> its row
        self._offsets = offsets
        self._ids = ids

    @classmethod
    def build(cls, lists: Mapping[str, Sequence[int]]) -> Postings:
        terms = {term: row for row, term in enumerate(lists)}
        sizes = np.fromiter(map(len, lists.values()), np.int64, len(lists))
        offsets = np.zeros(len(lists) + 1, np.int32)
        np.cumsum(sizes, out=offsets[1:])
        # Iterated in C (no generator frame per id): half a million ids at 1 000 pages.
        flat = np.fromiter(
            chain.from_iterable(lists.values()), np.int32, int(offsets[-1]) if terms else 0
        )
        return cls(terms, offsets, flat)

    def state(self) -> tuple[dict[str, int], Ids, Ids]:
        """What `Postings(*state)` rebuilds it from (for the index cache)."""
        return self._terms, self._offsets, self._ids

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    def __len__(self) -> int:
        return len(self._terms)

    def terms(self) -> Iterable[str]:
        return self._terms.keys()

    def get(self, term: str) -> Ids:
        """The ids holding `term` (empty when none do)."""
        row = self._terms.get(term)
        if row is None:
            return self._ids[:0]
        return self._ids[self._offsets[row] : self._offsets[row + 1]]

    def span(self, term: str) -> slice | None:
        """Where `term`'s ids lie in the flat array, for weights kept beside them."""
        row = self._terms.get(term)
        if row is None:
            return None
        return slice(int(self._offsets[row]), int(self._offsets[row + 1]))

    def count(self, term: str) -> int:
        row = self._terms.get(term)
        return 0 if row is None else int(self._offsets[row + 1] - self._offsets[row])

    def pairs(self, number: Mapping[str, int]) -> tuple[Ids, Ids]:
        """Every posting as (id, the number `number` gives its term)."""
        rows = np.fromiter(map(number.__getitem__, self._terms), np.int32, len(self._terms))
        return self._ids, np.repeat(rows, np.diff(self._offsets))


class Forward:
    """Id -> the terms it holds (as numbers), each with bits saying where it holds them: the
    postings turned around, to find which of a few hundred ids hold which of a message's
    terms in a dozen array operations, instead of a dozen per term."""

    __slots__ = ("_codes", "_offsets", "_state", "_terms")

    def __init__(self, offsets: Ids, terms: Ids, codes: npt.NDArray[np.uint8]) -> None:
        self._state = offsets, terms, codes
        # Indexes as wide as numpy's own: an int32 index array is converted on every use,
        # which doubled the cost of reading a few thousand items by it.
        self._offsets = offsets.astype(np.intp)
        self._terms = terms.astype(np.intp)
        self._codes = codes

    @classmethod
    def build(cls, size: int, terms: int, parts: Iterable[tuple[Ids, Ids, int]]) -> Forward:
        """`parts`: (ids, their terms' numbers, a bit) of postings; an id holding a term in
        several parts gets their bits (below 8) together. `size` ids, `terms` term numbers."""
        ids, numbers, codes = [], [], []
        for part_ids, part_numbers, code in parts:
            ids.append(part_ids.astype(np.int64))
            numbers.append(part_numbers)
            codes.append(np.full(len(part_ids), code, np.uint8))
        # (id, term, bit) as one number, sorted: a plain sort, no permutation to gather by.
        coded = np.concatenate(ids) * max(terms, 1) + np.concatenate(numbers)
        coded = np.sort(coded * 8 + np.concatenate(codes))
        key = coded >> 3
        starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
        merged = np.bitwise_or.reduceat(coded & 7, starts) if len(key) else key
        key = key[starts]
        offsets = np.zeros(size + 1, np.int32)
        np.cumsum(np.bincount(key // max(terms, 1), minlength=size), out=offsets[1:])
        return cls(offsets, (key % max(terms, 1)).astype(np.int32), merged.astype(np.uint8))

    def state(self) -> tuple[Ids, Ids, npt.NDArray[np.uint8]]:
        """What `Forward(*state)` rebuilds it from (for the index cache)."""
        return self._state

    def held(
        self, ids: npt.NDArray[np.intp], said: npt.NDArray[np.intp], count: int
    ) -> npt.NDArray[np.uint8]:
        """A `count` x len(ids) array: for each message term (said[number] is its place in
        the message, -1 for a term number the message does not say) and each of `ids`, the
        bits of the parts that hold it there, 0 where none does."""
        starts = self._offsets.take(ids)
        lengths = self._offsets.take(ids + 1) - starts
        ends = np.cumsum(lengths)
        # Each id's terms, one after another: their places in the flat array.
        at = np.repeat(starts - (ends - lengths), lengths)
        at += np.arange(len(at))
        place = said.take(self._terms.take(at))
        found = np.flatnonzero(place >= 0)
        held = np.zeros((count, len(ids)), np.uint8)
        owner = np.searchsorted(ends, found, side="right")
        held[place.take(found), owner] = self._codes.take(at.take(found))
        return held


class Sums:
    """Each id's sum of the weights of the postings that hold it, added in the order given.

    Which term touched an id first (the tie-break a dict filled term by term gives) is worked
    out only for the ids asked about: the few that can rank, not every id of the library.
    """

    __slots__ = ("_every", "_lists", "_positive", "_touched", "_weights", "total")

    def __init__(self, size: int, weighted: Iterable[tuple[Ids, float]]) -> None:
        self._lists: list[Ids] = []
        weights: list[float] = []
        self._weights = weights
        for ids, weight in weighted:
            self._lists.append(ids)
            weights.append(weight)
        held = [ids for ids in self._lists if len(ids)]
        self._touched: Ids | None = None
        # Every weight above zero: an id is touched exactly when its sum is above zero.
        self._positive = all(weight > 0.0 for weight in weights)
        if not held:
            self.total: Floats = np.zeros(size)
            self._every: Ids = np.zeros(0, np.int32)
            return
        every = np.concatenate(held)
        lengths = [len(ids) for ids in self._lists]
        # bincount adds each id's weights in the order they come, from 0.0: term after term,
        # the same floats as adding one term's weight to all its postings at a time.
        repeated = np.repeat(np.array(weights), lengths)
        self.total = np.bincount(every, repeated, minlength=size).astype(np.float64, copy=False)
        self._every = every

    @property
    def touched(self) -> Ids:
        """The ids some term holds, ascending: worked out when asked (the name look-up never
        asks, and marking ids among a hundred thousand names was half its sums' cost)."""
        if self._touched is None:
            if self._positive:  # a third of the cost of marking the ids one by one
                self._touched = np.flatnonzero(self.total > 0.0).astype(np.int32, copy=False)
            else:
                hit = np.zeros(len(self.total), np.bool_)
                hit[self._every] = True
                self._touched = np.flatnonzero(hit).astype(np.int32, copy=False)
        return self._touched

    def first(self, ids: npt.NDArray[np.integer[Any]]) -> Ids:
        """For each of `ids` (each held by some term), the index of the first term holding it;
        UNTOUCHED for one that none holds."""
        if len(ids) * len(self._lists) * _SEARCH_STEPS > len(self._every) + len(self.total) // 4:
            # Hundreds of ids (the name look-up's contenders): a binary search per id and term
            # costs far more than writing every term's ids into an array as long as all ids,
            # the last term first so that the first holding an id is what stays.
            dense = np.full(len(self.total), UNTOUCHED, np.int32)
            for order in range(len(self._lists) - 1, -1, -1):
                dense[self._lists[order]] = order
            in_order: Ids = dense[ids]
            return in_order
        first = np.full(len(ids), UNTOUCHED, np.int32)
        left = np.arange(len(ids))
        for order, held in enumerate(self._lists):
            if not len(left):
                break
            if not len(held):
                continue
            found = holding(held, ids[left])
            first[left[found]] = order
            left = left[~found]
        return first

    def floor(self, limit: int) -> float:
        """A sum that at least `limit` ids reach, 0.0 when none is known to: the `limit`-th
        highest sum of the ids holding the heaviest terms (those most likely to rank), which
        every id of the first `limit` reaches. Every weight must be above zero."""
        heaviest = sorted(
            (i for i, ids in enumerate(self._lists) if len(ids)), key=lambda i: -self._weights[i]
        )
        picked: list[Ids] = []
        count = 0
        for i in heaviest:
            picked.append(self._lists[i])
            count += len(self._lists[i])
            if count >= _FLOOR_IDS * limit:
                break
        if count < limit:
            return 0.0
        # Ids of several terms counted once each (an id held twice is one id).
        ids = picked[0] if len(picked) == 1 else distinct(np.concatenate(picked))
        if len(ids) < limit:
            return 0.0
        sums = self.total[ids]
        return float(np.partition(sums, len(sums) - limit)[len(sums) - limit])


def saturated_counts(
    counts: Mapping[str, list[int]],
    postings: Mapping[str, list[int]],
    lengths: Sequence[int],
    k1: float,
    b: float,
) -> Floats:
    """BM25's term-frequency part for every posting, term by term in `postings`' order: a word
    said often on a short page is more that page's than a word said once on a long one.
    `counts[term]` holds the term's count on each page of `postings[term]`; `lengths` each
    page's length in terms. The same float operations, in the same order, as one posting at a
    time: `count * (k1 + 1) / (count + k1 * (1 - b + b * length / average))`."""
    average = sum(lengths) / len(lengths) if lengths else 1.0
    held = np.fromiter(chain.from_iterable(counts.values()), np.float64)
    length = np.array(lengths, np.float64)[
        np.fromiter(chain.from_iterable(postings.values()), np.intp, len(held))
    ]
    result: Floats = held * (k1 + 1) / (held + k1 * ((1 - b) + (b * length) / average))
    return result


def ranked(sums: Sums, limit: int) -> list[int]:
    """The touched ids, best first, at most `limit`: by sum, then as a dict filled term by
    term would list them (first touching term, then id), as Python's stable sort of it did."""
    floor = sums.floor(limit) if sums._positive and limit > 0 else 0.0
    # Only the ids at or above a sum `limit` ids reach can rank: those of a FAQ message's
    # rarest word set it, and the thousands a common word touches are never gathered.
    touched: npt.NDArray[np.integer[Any]] = (
        np.flatnonzero(sums.total >= floor) if floor > 0.0 else sums.touched
    )
    if not len(touched):
        return []
    scores = sums.total[touched]
    if len(touched) > limit:
        cut = len(touched) - limit
        kth = np.partition(scores, cut)[cut]
        keep = scores >= kth
        touched, scores = touched[keep], scores[keep]
    order = np.lexsort((touched, -scores))
    # The first term holding an id only breaks ties: it is looked up for the tied ids alone
    # (a binary search per term each, a few dozen array calls for hundreds of ids).
    ordered = scores[order]
    same = ordered[1:] == ordered[:-1]
    if same.any():
        tied = order[np.concatenate(([False], same)) | np.concatenate((same, [False]))]
        first = np.zeros(len(touched), np.int32)
        first[tied] = sums.first(touched[tied])
        order = np.lexsort((touched, first, -scores))
    found: list[int] = touched[order[:limit]].tolist()
    return found


def distinct(ids: Ids) -> Ids:
    """`np.unique(ids)`: the same ascending ids, by a sort. numpy 2.3 and later find plain
    unique values with a hash table, 8-12x slower than sorting for the few thousand ids
    here (1.3 ms against 0.1 ms for 10 000)."""
    ordered = np.sort(ids)
    if not len(ordered):
        return ordered
    kept: Ids = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return kept


def holding(postings: Ids, ids: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.bool_]:
    """Which of `ids` are in one term's `postings`: a binary search each (postings ascend),
    so a few ids cost nothing however common the term is."""
    if not len(postings):
        return np.zeros(len(ids), np.bool_)
    at = np.minimum(np.searchsorted(postings, ids), len(postings) - 1)
    found: npt.NDArray[np.bool_] = postings[at] == ids
    return found
