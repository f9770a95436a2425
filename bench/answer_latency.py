"""One size and variant, in its own process: start-up (load, index, and from the index cache
in a fresh process), peak memory, and answer latency side by side with a bare rapidfuzz
extractOne over the same choice strings.

    python -m bench.answer_latency SIZE [varied|copies]
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bench import ROOT
from bench.cached_start import peak_mib
from bench.synthetic import build_tree
from bot.content import load_library
from bot.engine import AnswerEngine
from bot.engine.cache import write_cache

REPEATS = 3


def messages() -> list[str]:
    cases = yaml.safe_load((ROOT / "tests" / "answer_set" / "en.yaml").read_text("utf-8"))
    return [case["text"] for case in cases]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cached_start(tree: Path, cache: Path) -> dict[str, float]:
    """Start-up from the cache just written, in a fresh process (no warm module caches)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.cached_start", str(tree), str(cache)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, float] = json.loads(out)
    if not found["from_cache"]:
        raise RuntimeError("the index cache was not used")
    return found


def measure(size: int, variant: str = "varied") -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        tree = build_tree(Path(folder) / "content", size, variant)
        started = time.perf_counter()
        result = load_library(tree)
        library = result.library
        loaded = time.perf_counter()
        engine = AnswerEngine(library, rng=random.Random(1))
        indexed = time.perf_counter()
        cache = Path(folder) / "cache"
        write_cache(tree, cache, result, engine)
        cached = cached_start(tree, cache)
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
        "variant": variant,
        "choices": len(choices),
        "load_s": loaded - started,
        "index_s": indexed - loaded,
        **cached,
        "peak_mib": peak_mib(),
        "ours_p50_ms": percentile(ours, 0.5) * 1000,
        "ours_p99_ms": percentile(ours, 0.99) * 1000,
        "ours_mean_ms": statistics.fmean(ours) * 1000,
        "bare_p50_ms": percentile(bare, 0.5) * 1000,
        "bare_p99_ms": percentile(bare, 0.99) * 1000,
        "bare_mean_ms": statistics.fmean(bare) * 1000,
    }


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]), *sys.argv[2:3])))
