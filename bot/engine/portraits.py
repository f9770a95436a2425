"""Each exercise's page read whole as a portrait of the movement, for messages that describe
an exercise without naming it ("on my back, legs together, drawing circles with both").

A portrait is the page's title, keywords, description, steps and the overview that opens it:
the overview is where a page says what the movement looks like ("you rock like a seal",
"the top arm sweeps over in an arc"). Pages are ranked as BM25 ranks documents, plus the pairs of
words a message says together that the page also says together ("one leg", "opposite arm",
"legs wide"): a page that holds both words far apart ("lift one arm ... both legs") is a
weaker fit than one that says them as the message does.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from bot.engine.faq import position_term, runner_up_fit
from bot.engine.lexicon import Lexicon
from bot.engine.postings import Floats, Ids, Postings, Sums, saturated_counts


@dataclass(frozen=True, slots=True)
class Portrait:
    """One exercise's own text, in the parts whose words are said together."""

    exercise_id: str
    parts: tuple[str, ...]  # title, keywords, description, steps, overview paragraphs
    position: str | None = None  # its body position, from bot/languages POSITIONS


def pair_term(first: str, second: str) -> str:
    """Two terms said together, in either order ("legs wide", "wide legs"); unlike any word."""
    return f"{first}+{second}" if first < second else f"{second}+{first}"


def _pairs(terms: Iterable[str]) -> set[str]:
    """The pairs of neighbouring terms (a body position's term is said nowhere)."""
    return _neighbours([t for t in terms if ":" not in t])


def _neighbours(run: list[str]) -> set[str]:
    # `pair_term` written out: a library of 1 000 pages has some 100 000 pairs to make
    return {a + "+" + b if a < b else b + "+" + a for a, b in pairwise(run) if a != b}


class PortraitIndex:
    """Every exercise's portrait, by term and by pair of terms said together."""

    K1 = 1.2  # BM25's usual term-frequency saturation...
    B = 0.75  # ...and length normalisation
    # A pair said together is worth this share of what its words' rarity would give: it
    # settles close calls between pages that hold the same words, without outweighing them.
    PAIR_WEIGHT = 0.5

    def __init__(self, portraits: Sequence[Portrait], lexicon: Lexicon) -> None:
        exercise_ids: list[str] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        counts_of: defaultdict[str, list[int]] = defaultdict(list)  # beside `postings`
        pair_postings: defaultdict[str, list[int]] = defaultdict(list)
        lengths: list[int] = []
        # Each part's terms and pairs, read once per text: pages share keywords and steps
        # ("knees bent, feet flat"), and a large library repeats them thousands of times.
        read: dict[str, tuple[list[str], set[str]]] = {}
        for row, portrait in enumerate(portraits):
            exercise_ids.append(portrait.exercise_id)
            counts: Counter[str] = Counter()
            pairs: set[str] = set()
            for part in portrait.parts:
                found = read.get(part)
                if found is None:
                    run = lexicon.content_run(part)
                    found = read[part] = (run, _neighbours(run))
                counts.update(found[0])
                pairs |= found[1]
            if portrait.position is not None:
                counts[position_term(portrait.position)] += 1  # said once, like a word
            lengths.append(sum(counts.values()))
            for term, count in counts.items():
                postings[term].append(row)
                counts_of[term].append(count)
            for pair in pairs:
                pair_postings[pair].append(row)
        pages = len(exercise_ids) or 1
        saturated = saturated_counts(counts_of, postings, lengths, self.K1, self.B)
        self._set_state(
            {
                "exercise_ids": exercise_ids,
                "postings": Postings.build(postings).state(),
                "weights": saturated,
                "pair_postings": Postings.build(pair_postings).state(),
                # The share of a message a page explains weighs each word by its rarity.
                "share_idf": {
                    term: math.log(1 + pages / len(rows)) for term, rows in postings.items()
                },
                "unknown_share_idf": math.log(1 + pages),
            }
        )

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> PortraitIndex:
        """The index `state()` describes, as the index cache keeps it."""
        index = cls.__new__(cls)
        index._set_state(state)
        return index

    def _set_state(self, state: dict[str, Any]) -> None:
        self._state = state
        self._exercise_ids: list[str] = state["exercise_ids"]
        self._postings = Postings(*state["postings"])
        self._weights: Floats = state["weights"]
        self._pair_postings = Postings(*state["pair_postings"])
        self._share_idf: dict[str, float] = state["share_idf"]
        self._unknown_share_idf: float = state["unknown_share_idf"]

    def state(self) -> dict[str, Any]:
        return self._state

    def _idf(self, rows: Ids) -> float:
        """BM25's idf: a word on half the pages or more says next to nothing."""
        pages = len(self._exercise_ids)
        return math.log(1 + max(0.0, (pages - len(rows) + 0.5) / (len(rows) + 0.5)))

    def describe(self, terms: Sequence[str], limit: int = 3) -> list[tuple[str, float]]:
        """The exercises whose portraits explain `terms` (in the order said) best, each with
        its fit: the share of the message's weight the best page holds (rare words weigh
        more), and for the others that fit scaled by how far behind they rank."""
        message = set(terms)
        if not message:
            return []
        weight = {t: self._share_idf.get(t, self._unknown_share_idf) for t in message}
        total = sum(weight.values())
        found = Sums(len(self._exercise_ids), ((self._postings.get(t), weight[t]) for t in message))
        if not len(found.touched):
            return []
        held: list[Ids] = []
        weights: list[Floats] = []
        for term in message:
            span = self._postings.span(term)
            if span is not None:
                rows = self._postings.get(term)
                held.append(rows)
                weights.append(self._idf(rows) * self._weights[span])
        for pair in _pairs(terms):
            rows = self._pair_postings.get(pair)
            if len(rows):
                held.append(rows)
                weights.append(np.full(len(rows), self.PAIR_WEIGHT * self._idf(rows)))
        pages = len(self._exercise_ids)
        score = np.bincount(np.concatenate(held), np.concatenate(weights), minlength=pages)
        touched = found.touched
        fits = score[touched]
        if len(touched) > limit:
            # Only pages at or above the limit-th score can be among the first `limit`.
            cut = len(touched) - limit
            top = fits >= np.partition(fits, cut)[cut]
            touched, fits = touched[top], fits[top]
        order = [int(touched[i]) for i in np.lexsort((touched, -fits))[:limit]]
        best = order[0]
        fit = float(found.total[best]) / total
        top_score = float(score[best]) or 1.0
        # A runner-up is as far behind as the ranking puts it, unless it holds more of the
        # words, or the words are few (see `faq.runner_up_fit`).
        return [(self._exercise_ids[best], fit)] + [
            (
                self._exercise_ids[row],
                runner_up_fit(
                    fit,
                    float(score[row]) / top_score,
                    float(found.total[row]) / total,
                    len(message),
                ),
            )
            for row in order[1:]
        ]
