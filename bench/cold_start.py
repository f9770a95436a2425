"""A cold start without the index cache, in this fresh process: `load_library`, then
`AnswerEngine`, imports not counted; wall and CPU time (this process and its helpers), and the
collection that pausing the collector left due, as JSON.

    python -m bench.cold_start TREE [--idle | --busy]
    python -m bench.cold_start --size 1000 [--variant varied|copies] [--idle | --busy]

The helper processes are used only while the load average leaves a core free. `--idle` takes
the machine as idle whatever its load average (run it under `chrt -r 5` on a shared machine,
so that the cores are ours as on an idle one), `--busy` as busy (no helper). To compare two
versions, run each from its own checkout, alternating (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import VARIANTS, build_tree
from bot.content import load_library
from bot.engine import AnswerEngine


def cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the helpers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(tree: Path) -> dict[str, float]:
    cpu0, wall0 = cpu(), time.perf_counter()
    library = load_library(tree).library
    cpu1, wall1 = cpu(), time.perf_counter()
    AnswerEngine(library, rng=random.Random(1))
    cpu2, wall2 = cpu(), time.perf_counter()
    gc.collect()  # what a paused collector left due is paid at the next allocations anyway
    wall3 = time.perf_counter()
    return {
        "pages": len(library),
        "load_s": round(wall1 - wall0, 3),
        "index_s": round(wall2 - wall1, 3),
        "total_s": round(wall2 - wall0, 3),
        "collect_s": round(wall3 - wall2, 3),
        "load_cpu_s": round(cpu1 - cpu0, 3),
        "index_cpu_s": round(cpu2 - cpu1, 3),
        "cpu_s": round(cpu2 - cpu0, 3),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cold_start")
    parser.add_argument("tree", nargs="?", type=Path)
    parser.add_argument("--size", type=int)
    parser.add_argument("--variant", choices=VARIANTS, default="varied")
    load = parser.add_mutually_exclusive_group()
    load.add_argument("--idle", action="store_true", help="use the helpers whatever the load")
    load.add_argument("--busy", action="store_true", help="no helper process")
    args = parser.parse_args(argv)
    if args.idle or args.busy:
        average = 0.0 if args.idle else 99.0
        os.getloadavg = lambda: (average, average, average)
    with tempfile.TemporaryDirectory() as folder:
        tree = args.tree or build_tree(Path(folder) / "content", args.size or 1000, args.variant)
        print(json.dumps(measure(tree)))


if __name__ == "__main__":
    main(sys.argv[1:])
