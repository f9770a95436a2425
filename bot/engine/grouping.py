"""Messages grouped by what they ask: the unanswered questions of the answer log, for authors.

Each message is read as the engine reads words (folded, shorthand expanded, stop words and the
domain's own words dropped, synonyms to one concept, Snowball stems). Two messages are alike by
the words they share, each weighted by how rare it is among the messages grouped (IDF), over the
weight of the shorter message's words: "pregnant" shared counts for much, "better" for little,
and a paraphrase that adds words still scores high. Words match when rapidfuzz's `ratio` says
they are one word misspelt ("osteoporosis", "osteoporisis"). Groups are made by average-linkage
agglomerative clustering: two groups join while their messages are, on average, at least
`THRESHOLD` alike, so one message sharing a word with two groups cannot chain them together
(single linkage would).

Chosen on tests/grouping_set/dev.yaml over rapidfuzz's `token_set_ratio` on the same words
(pairwise F1 0.80 against 0.73 at its best threshold; measured again on test.yaml, never tuned
on, by tests/test_grouping.py, whose figures the README gives).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.languages import language
from bot.languages.text import stem, words

THRESHOLD = 0.3
SAME_WORD = 85  # rapidfuzz ratio at which two stems are one word misspelt
# The work is quadratic: past this many different messages per language, the rarest are left
# out of the grouping (each is still counted, as a group of its own).
MAX_GROUPED = 1000
Similarity = Callable[[str, str], float]
SimilarityFor = Callable[[Sequence[str]], Similarity]


class WordOverlap:
    """IDF-weighted overlap of two messages' words (see the module's docstring), for one batch
    of messages: the weights are those words' rarity in the batch."""

    def __init__(self, keys: Sequence[str]) -> None:
        bags = [frozenset(key.split()) for key in keys]
        seen = Counter(word for bag in bags for word in bag)
        vocabulary = sorted(seen)
        total = len(bags)
        self.weight = {w: math.log((total + 1) / (seen[w] + 1)) + 1 for w in vocabulary}
        self.near: dict[str, frozenset[str]] = {}
        for word in vocabulary:
            found = process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=SAME_WORD, limit=None
            )
            self.near[word] = frozenset(match for match, _, _ in found)

    def __call__(self, a: str, b: str) -> float:
        mine, theirs = frozenset(a.split()), frozenset(b.split())
        if not mine or not theirs:
            return 0.0
        shared = sum(self.weight[w] for w in mine if not self.near[w].isdisjoint(theirs))
        smaller = min(sum(self.weight[w] for w in mine), sum(self.weight[w] for w in theirs))
        return min(1.0, shared / smaller)


def token_set(keys: Sequence[str]) -> Similarity:
    """The alternative measured: rapidfuzz's token_set_ratio on the same words."""
    return lambda a, b: fuzz.token_set_ratio(a, b) / 100


def key_words(text: str, lang: str) -> str:
    """What a message asks, as comparable stems: "Is pilates safe when pregnant?" -> "safe
    pregnant" stemmed."""
    spoken = language(lang)
    found = []
    for word in words(text):
        word = spoken.shorthand.get(word, word)
        if word in spoken.stop_words or word in spoken.domain_words:
            continue
        word = spoken.synonyms.get(word, word)
        found.append(spoken.stems.get(word) or stem(word, lang))
    return " ".join(found)


@dataclass(frozen=True, slots=True)
class Group:
    """Messages that ask one thing, most asked first; `count` counts every time each was asked."""

    messages: tuple[tuple[str, int], ...]  # (text as first written, times asked)

    @property
    def count(self) -> int:
        return sum(n for _, n in self.messages)

    @property
    def example(self) -> str:
        return self.messages[0][0]


def group_messages(
    texts: Sequence[str],
    lang: str,
    *,
    threshold: float = THRESHOLD,
    similarity: SimilarityFor = WordOverlap,
) -> list[Group]:
    """The messages of one language grouped by what they ask; the most asked group first."""
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for text in texts:
        key = key_words(text, lang) or " ".join(words(text))
        counts[key] += 1
        written.setdefault(key, Counter())[text.strip()] += 1
    keys = [k for k, _ in counts.most_common()]
    grouped, rest = keys[:MAX_GROUPED], keys[MAX_GROUPED:]
    clusters = agglomerate(grouped, threshold, similarity(grouped)) + [[k] for k in rest]
    groups = []
    for cluster in clusters:
        asked: Counter[str] = Counter()
        for key in cluster:
            asked.update(written[key])
        groups.append(Group(tuple(sorted(asked.items(), key=lambda m: (-m[1], m[0])))))
    return sorted(groups, key=lambda g: (-g.count, g.example))


def agglomerate(items: Sequence[str], threshold: float, similarity: Similarity) -> list[list[str]]:
    """Average-linkage clustering: join the two most alike groups while they are at least
    `threshold` alike on average. A heap of candidate joins; stale entries are skipped."""
    n = len(items)
    alike = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            alike[i][j] = alike[j][i] = similarity(items[i], items[j])
    members = {i: [i] for i in range(n)}
    heap = [(-alike[i][j], i, j) for i in range(n) for j in range(i + 1, n)]
    heap = [entry for entry in heap if -entry[0] >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members or alike[i][j] != -negative:
            continue  # one side was joined since, or the pair's likeness changed
        size_i, size_j = len(members[i]), len(members[j])
        for k in members:
            if k in (i, j):
                continue
            joined = (size_i * alike[i][k] + size_j * alike[j][k]) / (size_i + size_j)
            alike[i][k] = alike[k][i] = joined
            if joined >= threshold:
                heapq.heappush(heap, (-joined, min(i, k), max(i, k)))
        members[i].extend(members.pop(j))
    return [[items[m] for m in cluster] for cluster in members.values()]


def pairwise_scores(
    predicted: Sequence[Sequence[str]], labelled: Sequence[Sequence[str]]
) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against labelled groups: of the pairs put
    together, how many belong together; of those that belong together, how many were put so."""

    def pairs(groups: Sequence[Sequence[str]]) -> set[frozenset[str]]:
        return {
            frozenset((a, b)) for g in groups for x, a in enumerate(g) for b in g[x + 1 :] if a != b
        }

    made, wanted = pairs(predicted), pairs(labelled)
    precision = len(made & wanted) / len(made) if made else 1.0
    recall = len(made & wanted) / len(wanted) if wanted else 1.0
    return precision, recall
