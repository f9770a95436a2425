"""The bot's memory while eight clients post oversized bodies to its webhook at once.

`python -m bench.webhook_memory [--clients 8] [--megabytes 95]`. The fake Bot API runs in this
process, the bot (`pilates-bot run --webhook-url ...`) in its own; the bodies are streamed, so
this process stays small. Prints the bot's resident memory before and its peak during the posts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

from bench import ROOT
from tests.fake_telegram import FakeTelegram

SECRET = "bench-secret"
CHUNK = b"x" * 1024 * 1024


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _post(url: str, megabytes: int) -> str:
    async def body() -> AsyncIterator[bytes]:
        for _ in range(megabytes):
            yield CHUNK

    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Length": str(megabytes << 20)}
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=body(), headers=headers) as response,
        ):
            return str(response.status)
    except aiohttp.ClientError as exc:  # the server may close the connection mid-body
        return type(exc).__name__


async def run(clients: int, megabytes: int) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with FakeTelegram() as fake:
        with tempfile.TemporaryDirectory() as folder:
            process = subprocess.Popen(  # noqa: ASYNC220 (starting it does not block)
                [
                    sys.executable,
                    *("-m", "bot", "run", "--token", fake.token, "--base-url", fake.base_url),
                    *("--db", str(Path(folder) / "f.db"), "--secret-token", SECRET),
                    *("--webhook-url", "https://bot.example.com/telegram"),
                    *("--listen", "127.0.0.1", "--port", str(port)),
                ],
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
            try:
                await fake.wait_for("setWebhook", timeout=60)
                await asyncio.sleep(2)  # the server is up and the start-up settled
                idle = _rss_mb(process.pid)
                peak = idle
                posts = asyncio.gather(
                    *(_post(f"http://127.0.0.1:{port}/telegram", megabytes) for _ in range(clients))
                )
                started = time.perf_counter()
                while not posts.done():
                    peak = max(peak, _rss_mb(process.pid))
                    await asyncio.sleep(0.05)
                answers = posts.result()
                elapsed = time.perf_counter() - started
                await asyncio.sleep(1)
                after = _rss_mb(process.pid)
            finally:
                process.terminate()
                await asyncio.to_thread(process.wait, 30)
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
    print(
        f"{clients} posts of {megabytes} MB: answers {sorted(set(answers))} in {elapsed:.1f} s; "
        f"bot RSS idle {idle:.0f} MB, peak {peak:.0f} MB, after {after:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--megabytes", type=int, default=95)
    args = parser.parse_args()
    asyncio.run(run(args.clients, args.megabytes))


if __name__ == "__main__":
    main()
