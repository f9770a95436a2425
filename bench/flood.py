"""One user's reply latency while another user's slow chat floods the bot.

`python -m bench.flood [--rounds 10] [--burst 20] [--delay 0.3]`. The fake Bot API and both
users run in this process, the bot (as deployed: 16 concurrent updates) in its own. Each round
the flooding user sends `burst` messages at once to a chat Telegram is slow to deliver to
(every sendMessage there takes `delay` s), then the other user sends 10 questions one after
another, each waiting for its answer; the round ends when the flood has drained. The same
questions are first timed with no flood, which is "normal".
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT
from bench.throughput import questions
from tests.fake_telegram import FakeTelegram

FLOODER = 100_001
OTHER = 100_002
PER_ROUND = 10


async def _ask(fake: FakeTelegram, text: str) -> float:
    started = time.perf_counter()
    fake.send_text(OTHER, text)
    await fake.wait_for(
        "sendMessage", lambda r: r.status == 200 and r.params["chat_id"] == OTHER, timeout=300
    )
    return time.perf_counter() - started


async def run(rounds: int, burst: int, delay: float) -> dict[str, list[float]]:
    texts = questions()
    async with FakeTelegram() as fake:
        with tempfile.TemporaryDirectory() as folder:
            process = subprocess.Popen(  # noqa: ASYNC220 (starting it does not block)
                [
                    sys.executable,
                    *("-m", "bench.bot_process", "ours", "--token", fake.token),
                    *("--base-url", fake.base_url, "--db", str(Path(folder) / "f.db")),
                    *("--concurrent", "16"),
                ],
                cwd=ROOT,
            )
            try:
                await fake.wait_until_polling(timeout=60)
                fake.make_user(FLOODER)
                fake.make_user(OTHER, "Bo")
                normal = [await _ask(fake, texts[n % len(texts)]) for n in range(rounds * 10)]
                flooded: list[float] = []
                for number in range(rounds):
                    fake.delay_next("sendMessage", delay, times=burst, chat_id=FLOODER)
                    for _ in range(burst):
                        fake.send_text(FLOODER, "plank")
                    for n in range(PER_ROUND):
                        flooded.append(await _ask(fake, texts[(number * PER_ROUND + n) % 97]))
                    await fake.wait_idle(quiet=2 * delay, timeout=300)
            finally:
                process.terminate()
                await asyncio.to_thread(process.wait, 30)
    return {"normal": normal, "behind a flood": flooded}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.3)
    args = parser.parse_args()
    results = asyncio.run(run(args.rounds, args.burst, args.delay))
    print(
        f"the other user's reply latency, {args.rounds * PER_ROUND} questions; the flood: "
        f"{args.burst} messages per round to a chat answering in {args.delay} s"
    )
    print(f"{'':>16} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in results.items():
        print(
            f"{name:>16} {_percentile(values, 0.5) * 1000:>8.1f} "
            f"{_percentile(values, 0.99) * 1000:>8.1f} {max(values) * 1000:>8.1f}"
        )


if __name__ == "__main__":
    main()
