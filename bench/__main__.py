"""Answer-engine benchmark: `python -m bench [SIZE ...]` (default 40 1000 10000)."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

SIZES = (40, 1000, 10000)
COLUMNS = (
    ("exercises", "{size:>9}"),
    ("choices", "{choices:>8}"),
    ("load s", "{load_s:>7.2f}"),
    ("index s", "{index_s:>8.2f}"),
    ("peak MiB", "{peak_mib:>9.0f}"),
    ("ours p50", "{ours_p50_ms:>7.2f}ms"),
    ("ours p99", "{ours_p99_ms:>7.2f}ms"),
    ("bare p50", "{bare_p50_ms:>7.2f}ms"),
    ("bare p99", "{bare_p99_ms:>7.2f}ms"),
    ("p50 x", "{p50_ratio:>6.2f}"),
    ("p99 x", "{p99_ratio:>6.2f}"),
)


def measure(size: int) -> dict[str, float]:
    # One process per size: peak memory is that size's alone.
    out = subprocess.run(
        [sys.executable, "-m", "bench.answer_latency", str(size)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    row: dict[str, float] = json.loads(out)
    row["p50_ratio"] = row["ours_p50_ms"] / row["bare_p50_ms"]
    row["p99_ratio"] = row["ours_p99_ms"] / row["bare_p99_ms"]
    return row


def main(sizes: list[int]) -> None:
    rows = [measure(size) for size in sizes]
    print(f"Answer latency on {platform.machine()}, Python {platform.python_version()}")
    print("messages: tests/answer_set/en.yaml, 3 rounds; bare: extractOne(q, choices, WRatio)")
    print(" ".join(f"{title:>{len(fmt.format(**rows[0]))}}" for title, fmt in COLUMNS))
    for row in rows:
        print(" ".join(fmt.format(**row) for _, fmt in COLUMNS))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ours = last["ours_mean_ms"] / first["ours_mean_ms"]
        bare = last["bare_mean_ms"] / first["bare_mean_ms"]
        print(
            f"mean latency growth {first['size']:.0f} -> {last['size']:.0f} exercises: "
            f"ours x{ours:.1f}, bare x{bare:.1f}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(SIZES))
