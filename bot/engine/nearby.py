"""Words within a few edits of a word, from a long sorted list, as rapidfuzz finds them.

`process.extract(word, words, scorer=OSA.distance, score_cutoff=k)` compares the word with
every word of the list. No word whose length differs by more than k can be within k edits
(an edit adds, removes or changes one letter, or swaps two), so only the words of the lengths
that can be are compared: at 10 000 exercises that is a tenth of the name words. They are
passed in their order in the whole list, so ties between equally close words come out as
they did, and indexes are given in the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

_WINDOWS = 256  # (length, edits) pairs remembered; words longer than ~30 letters are not looked up


class NearWords:
    """A word list, searched by OSA distance among the words of a possible length."""

    def __init__(self, words: Sequence[str]) -> None:
        self._words = words
        self._by_length: dict[int, list[int]] = {}
        for index, word in enumerate(words):
            self._by_length.setdefault(len(word), []).append(index)
        self._windows: dict[tuple[int, int], tuple[list[str], list[int]]] = {}

    def extract(self, word: str, edits: int, limit: int) -> list[tuple[str, int, int]]:
        """(word, distance, index in the whole list) of the closest words within `edits`,
        closest first, ties in list order: `process.extract` over the whole list."""
        key = (len(word), edits)
        window = self._windows.get(key)
        if window is None:
            lengths = range(len(word) - edits, len(word) + edits + 1)
            indexes = sorted(i for n in lengths for i in self._by_length.get(n, ()))
            window = ([self._words[i] for i in indexes], indexes)
            if len(self._windows) < _WINDOWS:
                self._windows[key] = window
        choices, indexes = window
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=limit)
        return [(choice, int(distance), indexes[i]) for choice, distance, i in found]
