"""One size, in its own process: start-up, peak memory, and answer latency side by side with a
bare rapidfuzz extractOne over the same choice strings."""

from __future__ import annotations

import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from bench import ROOT
from bench.synthetic import build_tree
from bot.content import load_library
from bot.engine import AnswerEngine

REPEATS = 3


def messages() -> list[str]:
    cases = yaml.safe_load((ROOT / "tests" / "answer_set" / "en.yaml").read_text("utf-8"))
    return [case["text"] for case in cases]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        tree = build_tree(Path(folder), size)
        started = time.perf_counter()
        library = load_library(tree).library
        loaded = time.perf_counter()
        engine = AnswerEngine(library, rng=random.Random(1))
        indexed = time.perf_counter()
    choices = [
        text
        for exercise in library.catalogue()
        for text in (exercise.title, *exercise.keywords, *(f.question for f in exercise.faq))
    ]
    queries = messages()
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(REPEATS):  # interleaved, so both see the same machine state
        for query in queries:
            t0 = time.perf_counter()
            engine.answer(query)
            t1 = time.perf_counter()
            process.extractOne(query, choices, scorer=fuzz.WRatio)
            t2 = time.perf_counter()
            ours.append(t1 - t0)
            bare.append(t2 - t1)
    return {
        "size": size,
        "choices": len(choices),
        "load_s": loaded - started,
        "index_s": indexed - loaded,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ours_p50_ms": percentile(ours, 0.5) * 1000,
        "ours_p99_ms": percentile(ours, 0.99) * 1000,
        "ours_mean_ms": statistics.fmean(ours) * 1000,
        "bare_p50_ms": percentile(bare, 0.5) * 1000,
        "bare_p99_ms": percentile(bare, 0.99) * 1000,
        "bare_mean_ms": statistics.fmean(bare) * 1000,
    }


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
