"""Inverted indexes as arrays: each term's ids in one int32 array, and the sums over them.

A common word ("leg", "back") is in thousands of names or FAQ entries of a large library.
Adding its weight to each of them one Python step at a time was most of an answer's cost;
here it is one numpy operation per term. The results are the same floats, added in the same
order, and ties keep the order in which a dict filled term by term would have them (the term
that touched an id first, then the id), so answers do not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

Ids = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
UNTOUCHED = np.iinfo(np.int32).max


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
        sizes = np.fromiter((len(ids) for ids in lists.values()), np.int64, len(lists))
        offsets = np.zeros(len(lists) + 1, np.int32)
        np.cumsum(sizes, out=offsets[1:])
        flat = np.fromiter(
            (i for ids in lists.values() for i in ids), np.int32, int(offsets[-1]) if terms else 0
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

    def count(self, term: str) -> int:
        row = self._terms.get(term)
        return 0 if row is None else int(self._offsets[row + 1] - self._offsets[row])


def add_up(size: int, weighted: Iterable[tuple[Ids, float]]) -> tuple[Floats, Ids]:
    """Each id's sum of the weights of the postings that hold it, added in the order given,
    and the index of the first of them that touched it (UNTOUCHED for none)."""
    total = np.zeros(size)
    first = np.full(size, UNTOUCHED, np.int32)
    for order, (ids, weight) in enumerate(weighted):
        if not len(ids):
            continue
        total[ids] += weight  # ids are distinct within one term: a plain gather-add-scatter
        first[ids] = np.minimum(first[ids], order)
    return total, first


def ranked(total: Floats, first: Ids, limit: int) -> list[int]:
    """The touched ids, best first, at most `limit`: by sum, then as a dict filled term by
    term would list them (first touching term, then id), as Python's stable sort of it did."""
    touched = np.flatnonzero(first != UNTOUCHED)
    if not len(touched):
        return []
    scores = total[touched]
    if len(touched) > limit:
        cut = len(touched) - limit
        kth = np.partition(scores, cut)[cut]
        keep = scores >= kth
        touched, scores = touched[keep], scores[keep]
    order = np.lexsort((touched, first[touched], -scores))
    return [int(i) for i in touched[order[:limit]]]
