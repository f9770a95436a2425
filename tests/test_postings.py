"""bot/engine/postings.py against the dict walk it replaced: the same sums (same floats, same
order of additions) and the same ranking, ties included."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bot.engine.postings import UNTOUCHED, Postings, Sums, holding, ranked

SIZE = 40
term_ids = st.lists(st.integers(0, SIZE - 1), unique=True, max_size=SIZE).map(sorted)
weights = st.sampled_from([0.1, 0.25, 1 / 3, 0.7, 1.0, 2.302585092994046])
messages = st.lists(st.tuples(term_ids, weights), max_size=8)


def _dict_walk(weighted: list[tuple[list[int], float]]) -> dict[int, float]:
    total: dict[int, float] = {}
    for ids, weight in weighted:
        for i in ids:
            total[i] = total.get(i, 0.0) + weight
    return total


@given(messages)
def test_sums_are_the_dict_walks_floats(weighted: list[tuple[list[int], float]]) -> None:
    sums = Sums(SIZE, ((np.array(ids, np.int32), w) for ids, w in weighted))
    expected = _dict_walk(weighted)
    assert sums.touched.tolist() == sorted(expected)
    for i in range(SIZE):
        assert sums.total[i] == expected.get(i, 0.0)  # exactly: same additions, same order
    firsts = sums.first(np.arange(SIZE))
    for i in range(SIZE):
        holders = [n for n, (ids, _) in enumerate(weighted) if i in ids]
        assert firsts[i] == (holders[0] if holders else UNTOUCHED)


@given(messages, st.integers(1, 12))
def test_ranked_is_a_stable_sort_of_the_dict(
    weighted: list[tuple[list[int], float]], limit: int
) -> None:
    expected = _dict_walk(weighted)  # filled term by term: ties keep that order
    best = sorted(expected, key=lambda i: expected[i], reverse=True)[:limit]
    sums = Sums(SIZE, ((np.array(ids, np.int32), w) for ids, w in weighted))
    assert ranked(sums, limit) == best


@given(term_ids, st.lists(st.integers(0, SIZE - 1), max_size=20))
def test_holding(postings: list[int], ids: list[int]) -> None:
    found = holding(np.array(postings, np.int32), np.array(ids, np.int64))
    assert found.tolist() == [i in postings for i in ids]


def test_postings_round_trip() -> None:
    built = Postings.build({"leg": [1, 4, 7], "arm": [2]})
    again = Postings(*built.state())
    assert again.get("leg").tolist() == [1, 4, 7]
    assert again.get("hip").tolist() == []
    assert again.count("arm") == 1


@given(messages, st.integers(1, 12))
def test_floor_is_reached_by_the_first(weighted: list[tuple[list[int], float]], limit: int) -> None:
    sums = Sums(SIZE, ((np.array(ids, np.int32), w) for ids, w in weighted))
    best = sorted(sums.total, reverse=True)[:limit]
    floor = sums.floor(limit)
    assert floor == 0.0 or (len(best) == limit and best[-1] >= floor > 0.0)
