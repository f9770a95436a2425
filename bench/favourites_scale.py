"""Favourites store at scale: list and toggle latency with 1k, 10k and 100k users x 10 saves.

`python -m bench.favourites_scale`. Rows are bulk-loaded with sqlite3, then measured through the
real aiosqlite store (its thread hop included), on a file in a temporary folder.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.store import SqliteStore

SIZES = (1_000, 10_000, 100_000)
PER_USER = 10
SAMPLES = 1_000


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.99)] * 1000


async def measure(users: int, folder: Path) -> dict[str, float]:
    path = folder / f"favourites-{users}.sqlite3"
    async with SqliteStore(path):
        pass  # creates the schema
    started = time.perf_counter()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO favourites VALUES (?, ?, ?)",
            (
                (u, f"exercise-{(u * 7 + k) % 48}-{k}", float(k))
                for u in range(users)
                for k in range(PER_USER)
            ),
        )
    loaded = time.perf_counter() - started
    rng = random.Random(3)
    listing: list[float] = []
    toggling: list[float] = []
    async with SqliteStore(path) as store:
        for _ in range(SAMPLES):
            user = rng.randrange(users)
            t0 = time.perf_counter()
            saved = await store.saved(user)
            t1 = time.perf_counter()
            await store.toggle(user, "the-hundred")
            t2 = time.perf_counter()
            assert len(saved) >= PER_USER
            listing.append(t1 - t0)
            toggling.append(t2 - t1)
    list_p50, list_p99 = _percentiles(listing)
    toggle_p50, toggle_p99 = _percentiles(toggling)
    return {
        "users": users,
        "rows": users * PER_USER,
        "load_s": loaded,
        "size_mib": path.stat().st_size / 2**20,
        "list_p50_ms": list_p50,
        "list_p99_ms": list_p99,
        "toggle_p50_ms": toggle_p50,
        "toggle_p99_ms": toggle_p99,
    }


async def main() -> None:
    print(f"Favourites store: users x {PER_USER} saves; {SAMPLES} random users each")
    print(
        f"{'users':>8} {'rows':>9} {'MiB':>6} {'list p50':>9} {'list p99':>9} "
        f"{'toggle p50':>11} {'toggle p99':>11}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for users in SIZES:
            r = await measure(users, Path(folder))
            print(
                f"{r['users']:>8} {r['rows']:>9} {r['size_mib']:>6.1f} "
                f"{r['list_p50_ms']:>7.2f}ms {r['list_p99_ms']:>7.2f}ms "
                f"{r['toggle_p50_ms']:>9.2f}ms {r['toggle_p99_ms']:>9.2f}ms"
            )


if __name__ == "__main__":
    asyncio.run(main())
