"""Throughput and reply latency: our bot vs a bare echo bot on the same fake Bot API.

`python -m bench.throughput [--users 200] [--messages 20] [--rounds 1] [--chat-pace 1]`. The
fake server and the simulated users run in this process; each bot runs in its own process. Every
user sends a realistic sequence (questions, button presses, saves, inline queries), each step
waiting for the reply, so latency is what a person would see and throughput is what the bot
sustains. With `--chat-pace 1` no user sends more than a message a second, Telegram's pace for
a private chat; without it users outrun that pace on a fast machine, and the bot as deployed,
which keeps it, is then measured against echo bots that do not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench import ROOT
from tests.fake_telegram import FakeTelegram, RecordedRequest

STEPS = ["ask"] * 10 + ["button"] * 5 + ["save"] * 3 + ["inline"] * 2
SECTIONS = ["Steps", "Tips", "Mistakes", "Easier", "Harder", "FAQ"]


def questions() -> list[str]:
    cases = yaml.safe_load((ROOT / "tests" / "answer_set" / "en.yaml").read_text("utf-8"))
    return [c["text"] for c in cases if c["kind"] == "exercise" and len(c["text"]) < 200]


async def until(
    fake: FakeTelegram, method: str, match: Callable[[RecordedRequest], bool], ok_only: bool = True
) -> None:
    await fake.wait_for(
        method, lambda r: (r.status == 200 or not ok_only) and match(r), timeout=120
    )


async def user_session(
    fake: FakeTelegram,
    kind: str,
    user: int,
    steps: list[str],
    texts: list[str],
    rng: random.Random,
    chat_pace: float = 0.0,
) -> list[float]:
    """One user's steps, each sent as soon as the last was answered; with `chat_pace`, a new
    message no sooner than that many seconds after the user's previous one (the wait is not
    part of the reply time)."""
    latencies: list[float] = []
    card: dict[str, Any] | None = None
    last_message = -chat_pace
    for number, step in enumerate(steps):
        if step == "ask" or card is None:
            await asyncio.sleep(max(0.0, last_message + chat_pace - time.perf_counter()))
            last_message = time.perf_counter()
        started = time.perf_counter()
        if step == "ask" or card is None:
            text = texts[rng.randrange(len(texts))] if kind == "ours" else f"message {number}"
            fake.send_text(user, text)
            await until(fake, "sendMessage", lambda r: r.params["chat_id"] == user)
            card = fake.last_message(user)
        elif step == "inline":
            query_id = fake.send_inline_query(user, rng.choice(["leg", "roll", "plank", ""]))
            await until(
                fake, "answerInlineQuery", lambda r, q=query_id: r.params["inline_query_id"] == q
            )
        else:
            markup = (card.get("reply_markup") or {}).get("inline_keyboard", [])
            labels = {b["text"]: b.get("callback_data") for row in markup for b in row}
            wanted = "☆ Save" if step == "save" else rng.choice(SECTIONS)
            # The part on screen is marked "· Steps ·" and goes back to the overview.
            data = (
                labels.get(wanted)
                or labels.get(f"· {wanted} ·")
                or next((d for t, d in labels.items() if "Save" in t and d), None)
            )
            message_id = card["message_id"]
            query_id = fake.press_button(user, card, data or "x", check=data is not None)
            if kind == "ours" and data:  # the reply people see: the card edited in place
                await until(  # any answer to the edit is what the person waits for
                    fake,
                    "editMessageText",
                    lambda r, m=message_id: (
                        r.params["chat_id"] == user and r.params["message_id"] == m
                    ),
                    ok_only=False,
                )
                card = next(m for m in fake.messages(user) if m["message_id"] == message_id)
            else:
                await until(
                    fake,
                    "answerCallbackQuery",
                    lambda r, q=query_id: r.params["callback_query_id"] == q,
                )
        latencies.append(time.perf_counter() - started)
    return latencies


async def run(
    kind: str,
    users: int,
    messages: int,
    concurrent: int,
    limiter: str = "none",
    chat_pace: float = 0.0,
) -> dict[str, float]:
    """One bot under the load; `limiter` is "none", "deployed" (ChatPacing) or "before"
    (python-telegram-bot's AIORateLimiter, what ours used until ChatPacing); `chat_pace`: the
    least time between one user's messages (`user_session`)."""
    texts = questions()
    async with FakeTelegram() as fake:
        with tempfile.TemporaryDirectory() as folder:
            process = subprocess.Popen(  # noqa: ASYNC220 (starting it does not block)
                [
                    sys.executable,
                    "-m",
                    "bench.bot_process",
                    kind,
                    "--token",
                    fake.token,
                    "--base-url",
                    fake.base_url,
                    "--db",
                    str(Path(folder) / "f.db"),
                    "--concurrent",
                    str(concurrent),
                    *{"none": ["--no-rate-limit"], "before": ["--aio-rate-limiter"]}.get(
                        limiter, []
                    ),
                ],
                cwd=ROOT,
            )
            try:
                await fake.wait_until_polling(timeout=60)
                rng = random.Random(7)
                plans = []
                for n in range(users):
                    steps = ["ask", *rng.sample(STEPS, len(STEPS))][:messages]
                    plans.append((fake.make_user(100_000 + n)["id"], steps, random.Random(n)))
                started = time.perf_counter()
                bot_before, driver_before = _cpu_seconds(process.pid), time.process_time()
                results = await asyncio.gather(
                    *(user_session(fake, kind, u, s, texts, r, chat_pace) for u, s, r in plans)
                )
                elapsed = time.perf_counter() - started
                bot_cpu = _cpu_seconds(process.pid) - bot_before
                driver_cpu = time.process_time() - driver_before
            finally:
                process.terminate()
                await asyncio.to_thread(process.wait, 30)  # the fake must keep answering meanwhile
    latencies = sorted(x for r in results for x in r)
    return {
        "updates": len(latencies),
        "seconds": elapsed,
        "per_second": len(latencies) / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000,
        "bot_cpu_s": bot_cpu,
        "driver_cpu_s": driver_cpu,
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--concurrent", type=int, nargs="+", default=[1, 16])
    parser.add_argument(
        "--chat-pace",
        type=float,
        default=0.0,
        help="least seconds between one user's messages: 1 keeps Telegram's pace for a private "
        "chat, so the per-chat limiter never waits and the bots compare at what they cost",
    )
    parser.add_argument(
        "--skip-before", action="store_true", help="no run with the old AIORateLimiter (slow)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure ours as deployed against the echo bot this many times, one after the "
        "other (the first pair is the table's): on a shared machine the ratio varies by run",
    )
    args = parser.parse_args()
    pace = args.chat_pace
    print(
        f"Throughput on {platform.machine()}, Python {platform.python_version()}: "
        f"{args.users} users x {args.messages} steps (questions, buttons, saves, inline)"
        + (f", a user's messages at least {pace:g} s apart" if pace else "")
    )
    print("no bot has a rate limiter in the table, so it compares their own cost")
    print("echo: python-telegram-bot as it comes (httpx); echo-aiohttp: on our transport")
    print(
        f"{'concurrent':>10} {'bot':>12} {'updates/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'CPU/upd':>8} {'vs echo':>8} {'vs echo-aiohttp':>16}"
    )
    rows = []
    for concurrent in args.concurrent:
        measured = {
            kind: asyncio.run(run(kind, args.users, args.messages, concurrent, chat_pace=pace))
            for kind in ("echo", "echo-aiohttp", "ours")
        }
        for name, row in measured.items():
            ratio = row["per_second"] / measured["echo"]["per_second"]
            same_transport = row["per_second"] / measured["echo-aiohttp"]["per_second"]
            print(
                f"{concurrent:>10} {name:>12} {row['per_second']:>10.0f} {row['p50_ms']:>8.1f} "
                f"{row['p99_ms']:>8.1f} {_cpu_ms(row):>6.2f}ms {ratio:>7.2f}x "
                f"{same_transport:>15.2f}x"
            )
        rows.append({"concurrent": concurrent, **measured})
    # As deployed: the most concurrent updates measured, with the rate limiter.
    concurrent = max(args.concurrent)
    echo = next(r for r in rows if r["concurrent"] == concurrent)["echo"]
    limited = {
        name: asyncio.run(run("ours", args.users, args.messages, concurrent, limiter, pace))
        for name, limiter in (("deployed", "deployed"), ("before", "before"))
        if name == "deployed" or not args.skip_before
    }
    labels = {
        "deployed": "ours as deployed (ChatPacing: per chat, 429 per chat)",
        "before": "ours before (AIORateLimiter: 30 calls/s overall)",
    }
    print(f"\nwith the rate limiter, concurrent {concurrent}:")
    for name, row in limited.items():
        print(
            f"{labels[name]:>56}: {row['per_second']:.0f} updates/s, "
            f"p50 {row['p50_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms, "
            f"bot CPU {row['bot_cpu_s']:.1f} s ({_cpu_ms(row):.2f} ms an update), "
            f"{row['per_second'] / echo['per_second']:.2f}x echo"
        )
    pairs = [(echo, limited["deployed"])]
    for _ in range(args.rounds - 1):
        pairs.append(
            (
                asyncio.run(run("echo", args.users, args.messages, concurrent, chat_pace=pace)),
                asyncio.run(run("ours", args.users, args.messages, concurrent, "deployed", pace)),
            )
        )
    if len(pairs) > 1:
        print(f"\nours as deployed against echo, concurrent {concurrent}, {len(pairs)} rounds:")
        for number, (echo_row, ours_row) in enumerate(pairs, 1):
            print(
                f"  round {number}: echo {echo_row['per_second']:.0f}/s "
                f"(p50 {echo_row['p50_ms']:.0f} ms, {_cpu_ms(echo_row):.2f} ms CPU an update), "
                f"ours {ours_row['per_second']:.0f}/s "
                f"(p50 {ours_row['p50_ms']:.0f} ms, {_cpu_ms(ours_row):.2f} ms): "
                f"{ours_row['per_second'] / echo_row['per_second']:.2f}x"
            )
        ratios = sorted(o["per_second"] / e["per_second"] for e, o in pairs)
        print(
            f"  ratio: median {statistics.median(ratios):.2f}x, "
            f"range {ratios[0]:.2f}x-{ratios[-1]:.2f}x"
        )
    print(json.dumps({"rows": rows, "rate_limited": limited, "pairs": pairs}), file=sys.stderr)


def _cpu_ms(row: dict[str, float]) -> float:
    """The bot's CPU time per update answered, in milliseconds."""
    return 1000 * row["bot_cpu_s"] / row["updates"]


if __name__ == "__main__":
    main()
