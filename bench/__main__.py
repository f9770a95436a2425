"""Answer-engine benchmark: `python -m bench [--variant varied|copies ...] [SIZE ...]`
(default: sizes 40 1000 10000, both variants: the varied library and the worst case of
renamed copies; bench/synthetic.py)."""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from typing import Any

from bench.synthetic import VARIANTS

SIZES = (40, 1000, 10000)
COLUMNS = (
    ("exercises", "{size:>9}"),
    ("variant", "{variant:>7}"),
    ("choices", "{choices:>8}"),
    ("load s", "{load_s:>7.2f}"),
    ("index s", "{index_s:>8.2f}"),
    ("cached s", "{cached_s:>8.2f}"),
    ("peak MiB", "{peak_mib:>9.0f}"),
    ("cached MiB", "{cached_peak_mib:>10.0f}"),
    ("ours p50", "{ours_p50_ms:>7.2f}ms"),
    ("ours p99", "{ours_p99_ms:>7.2f}ms"),
    ("bare p50", "{bare_p50_ms:>7.2f}ms"),
    ("bare p99", "{bare_p99_ms:>7.2f}ms"),
    ("p50 x", "{p50_ratio:>6.2f}"),
    ("p99 x", "{p99_ratio:>6.2f}"),
)


def measure(size: int, variant: str) -> dict[str, Any]:
    # One process per size and variant: peak memory is that one's alone.
    out = subprocess.run(
        [sys.executable, "-m", "bench.answer_latency", str(size), variant],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    row: dict[str, Any] = json.loads(out)
    row["p50_ratio"] = row["ours_p50_ms"] / row["bare_p50_ms"]
    row["p99_ratio"] = row["ours_p99_ms"] / row["bare_p99_ms"]
    return row


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--variant", action="append", choices=VARIANTS, dest="variants")
    args = parser.parse_args(argv)
    variants = args.variants or list(VARIANTS)
    print(f"Answer latency on {platform.machine()}, Python {platform.python_version()}")
    print("messages: tests/answer_set/en.yaml, 3 rounds; bare: extractOne(q, choices, WRatio)")
    print("load + index: cold start; cached: start_engine from the index cache, fresh process")
    rows: list[dict[str, Any]] = []
    for size in args.sizes:
        for variant in variants if size > 40 else variants[:1]:  # 40: the bundled pages only
            row = measure(size, variant)
            if not rows:
                print(" ".join(f"{title:>{len(fmt.format(**row))}}" for title, fmt in COLUMNS))
            print(" ".join(fmt.format(**row) for _, fmt in COLUMNS), flush=True)
            rows.append(row)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ours = last["ours_mean_ms"] / first["ours_mean_ms"]
        bare = last["bare_mean_ms"] / first["bare_mean_ms"]
        print(
            f"mean latency growth {first['size']:.0f} -> {last['size']:.0f} exercises "
            f"({last['variant']}): ours x{ours:.1f}, bare x{bare:.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
