"""Answer time of two trees of the code side by side: each tree's engine in its own process,
built once, then round after round of the same messages, the two sides alternating (and
which goes first alternating too), so both see the same machine state.

    python -m bench.answer_rounds BEFORE_TREE AFTER_TREE [--size N --variant V] [--rounds 3]

A tree is a checkout of this repository (`git archive START | tar -x -C /tmp/before`); its
`bot` package is imported from there. Without --size the bundled content answers the
development sets (en, es and the retired ones), each in its language; with --size a synthetic
library (bench/synthetic.py, written once into --trees) answers tests/answer_set/en.yaml. The
engine starts through an index cache per tree in --trees, so a second run skips the indexing.

Per answer both the wall time and the thread's CPU time are taken: on a loaded machine
(other people's benchmarks on the two cores) the CPU time is the figure to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

from bench import ROOT


def _cases(size: int | None) -> list[tuple[str, str]]:
    """(text, language) of every message to answer."""
    from tests.answer_quality import load_cases, retired_sets, set_lang

    names = ["en"] if size is not None else ["en", "es", *retired_sets()]
    return [(case["text"], set_lang(name)) for name in names for case in load_cases(name)]


def worker(content: Path, cache: Path, size: int | None) -> None:
    """Start the engine, say so, then answer every message once per line read on stdin and
    print the per-answer times as JSON."""
    from bot.engine.cache import start_engine

    cases = _cases(size)
    rng = random.Random(1)
    t0 = time.perf_counter()
    started = start_engine(content, cache, rng)
    engine = started.engine
    ready = {"ready": time.perf_counter() - t0, "from_cache": started.from_cache}
    print(json.dumps(ready), flush=True)
    for _ in sys.stdin:
        wall: list[float] = []
        cpu: list[float] = []
        for text, lang in cases:
            w0, c0 = time.perf_counter(), time.thread_time()
            engine.answer(text, lang)
            c1, w1 = time.thread_time(), time.perf_counter()
            wall.append(w1 - w0)
            cpu.append(c1 - c0)
        print(json.dumps({"wall": wall, "cpu": cpu}), flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _start(
    tree: Path, content: Path, cache: Path, size: int | None, *, prepare: bool = False
) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "bench.answer_rounds", "--worker", str(content), str(cache)]
    if prepare:
        command.append("--prepare")
    if size is not None:
        command += ["--size", str(size)]
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree)}
    return subprocess.Popen(
        command, cwd=tree, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def _read(process: subprocess.Popen[str]) -> dict[str, Any]:
    stdout: IO[str] | None = process.stdout
    assert stdout is not None
    line = stdout.readline()
    if not line:
        raise RuntimeError("a worker stopped")
    found: dict[str, Any] = json.loads(line)
    return found


def compare(trees: list[Path], size: int | None, variant: str, rounds: int, work: Path) -> None:
    from bench.synthetic import build_tree

    if size is None:
        content = ROOT / "content"
    else:
        content = work / f"{variant}{size}"
        if not (content / ".built").exists():
            build_tree(content, size, variant)
            (content / ".built").touch()
    for number, tree in enumerate(trees):  # one at a time: indexing 10 000 pages takes a core
        # Both sides start from their index cache: an engine just indexed answers at another
        # speed (its objects lie elsewhere in memory, the collector has more to walk).
        _start(tree, content, work / f"cache{number}", size, prepare=True).wait()
    workers = []
    for number, tree in enumerate(trees):
        process = _start(tree, content, work / f"cache{number}", size)
        ready = _read(process)
        source = "index cache" if ready["from_cache"] else "pages"
        print(f"{tree}: engine ready in {ready['ready']:.2f} s from the {source}", flush=True)
        workers.append(process)
    wall: list[list[float]] = [[] for _ in trees]
    cpu: list[list[float]] = [[] for _ in trees]
    for round_number in range(rounds):
        order = list(range(len(trees)))
        if round_number % 2:
            order.reverse()
        for side in order:
            stdin = workers[side].stdin
            assert stdin is not None
            stdin.write("round\n")
            stdin.flush()
            times = _read(workers[side])
            wall[side] += times["wall"]
            cpu[side] += times["cpu"]
        print(f"round {round_number + 1} done, load {os.getloadavg()[0]:.2f}", flush=True)
    for process in workers:
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    label = "bundled" if size is None else f"{size} {variant}"
    print(f"{label}: {len(wall[0])} answers per side, load {os.getloadavg()}")
    for side, tree in enumerate(trees):
        print(
            f"  {tree}: wall p50 {percentile(wall[side], 0.5) * 1e3:.2f} ms"
            f" p99 {percentile(wall[side], 0.99) * 1e3:.2f} ms"
            f" mean {statistics.fmean(wall[side]) * 1e3:.3f} ms | cpu"
            f" p50 {percentile(cpu[side], 0.5) * 1e3:.2f} ms"
            f" p99 {percentile(cpu[side], 0.99) * 1e3:.2f} ms"
            f" mean {statistics.fmean(cpu[side]) * 1e3:.3f} ms"
        )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.answer_rounds")
    parser.add_argument("trees", type=Path, nargs="+")
    parser.add_argument("--size", type=int, default=None)
    parser.add_argument("--variant", default="varied")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--trees-dir", dest="work", type=Path, default=Path("/tmp/answer_rounds"))
    parser.add_argument("--worker", action="store_true")
    parser.add_argument("--prepare", action="store_true", help="worker: write the cache, exit")
    args = parser.parse_args(argv)
    if args.worker:
        content, cache = args.trees
        if args.prepare:
            from bot.engine.cache import start_engine

            start_engine(content, cache)
            return
        worker(content, cache, args.size)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    compare([t.resolve() for t in args.trees], args.size, args.variant, args.rounds, args.work)


if __name__ == "__main__":
    main(sys.argv[1:])
