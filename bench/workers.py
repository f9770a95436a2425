"""Several webhook workers on PostgreSQL behind nginx, against one process on SQLite.

`python -m bench.workers [--users 100] [--rounds 6] [--workers 1 2 4] [--no-kill]`

Each worker is `pilates-bot run --webhook-url ...` as deployed, in its own process. nginx
(Debian's package: `apt-get install nginx`) balances the posts over them, round robin. The
fake Bot API posts updates to nginx as Telegram posts to a webhook: at most `max_connections`
(40) at once, one chat at a time and in order, again when not answered with a 2xx.

Every simulated user, in each round, sends three questions at once (three different
exercises), waits for the three cards, then presses Save on the last one and waits for the
answer. Measured per configuration:
* updates per second, and the reply time of each message and press (p50, p99);
* order violations: a chat whose cards came back in another order than asked;
* duplicates: a message answered twice, or a press answered twice;
* favourites lost: a save or unsave the user was told of that the database does not hold.

With `--kill` (the default) a last run on two PostgreSQL workers kills one with SIGKILL halfway
through: the balancer sends its chats to the other, and an update it had in hand is taken over
once its claim goes stale (60 s), so some chats wait that long.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import ROOT
from bot.content import load_library
from bot.engine import AnswerEngine
from bot.store import store_at
from tests.fake_telegram import FakeTelegram, RecordedRequest
from tests.postgres_server import Cluster, _binaries

PUBLIC_URL = "https://bench.invalid/telegram"
BURST = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def titles() -> list[str]:
    """Exercise titles that each answer with their own card."""
    engine = AnswerEngine(load_library(ROOT / "content").library)
    own = []
    for exercise in engine.library.catalogue("en"):
        answer = engine.answer(exercise.title, "en")
        if answer.exercise is not None and answer.exercise.title == exercise.title:
            own.append(exercise.title)
    return sorted(own)


@dataclass
class Run:
    name: str
    steps: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    order_violations: int = 0
    duplicates: int = 0
    lost: int = 0
    told: dict[tuple[int, str], bool] = field(default_factory=dict)  # last ack per (user, id)
    killed_at: float | None = None

    def row(self) -> str:
        ms = sorted(self.latencies)
        p50 = statistics.median(ms) * 1000 if ms else 0.0
        p99 = ms[int(len(ms) * 0.99) - 1] * 1000 if ms else 0.0
        rate = self.steps / self.seconds if self.seconds else 0.0
        return (
            f"| {self.name} | {rate:,.0f} | {p50:,.0f} ms | {p99:,.0f} ms | "
            f"{self.order_violations} | {self.duplicates} | {self.lost} |"
        )


class Nginx:
    def __init__(self, ports: list[int]) -> None:
        self.prefix = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        self.port = free_port()
        upstreams = "\n".join(f"    server 127.0.0.1:{p};" for p in ports)
        user = "user root;" if os.geteuid() == 0 else ""
        (self.prefix / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
daemon off;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {self.prefix}/body;
  proxy_temp_path {self.prefix}/proxy;
  upstream bots {{
{upstreams}
    keepalive 64;
  }}
  server {{
    listen 127.0.0.1:{self.port};
    location /telegram {{
      proxy_pass http://bots;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout 120s;
    }}
  }}
}}
"""
        )
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(
            [binary, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.prefix, ignore_errors=True)


def start_worker(fake: FakeTelegram, db: str, port: int) -> subprocess.Popen[bytes]:
    command = [
        str(Path(sys.executable).with_name("pilates-bot")),
        "run",
        "--base-url",
        fake.base_url,
        "--webhook-url",
        PUBLIC_URL,
        "--port",
        str(port),
        "--db",
        db,
        "--log-level",
        "WARNING",
    ]
    environment = {**os.environ, "TELEGRAM_BOT_TOKEN": fake.token}
    return subprocess.Popen(command, env=environment, stderr=subprocess.DEVNULL)


async def listening(port: int, timeout: float = 60.0) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise RuntimeError(f"no worker on port {port}")


def title(card: dict[str, Any]) -> str:
    return str(card["text"]).split("\n")[0]


async def user_rounds(
    fake: FakeTelegram,
    run: Run,
    user: int,
    rounds: int,
    names: list[str],
    offset: int,
    asked: list[str],
) -> None:
    for number in range(rounds):
        burst = [names[(offset + number * BURST + k) % len(names)] for k in range(BURST)]
        asked.extend(burst)
        seen = len(fake.messages(user))
        started = time.perf_counter()
        for name in burst:
            fake.send_text(user, name)
        waiting = set(burst)
        while waiting:  # a card answered twice (after a kill) must not count as another's
            await fake.wait_for(
                "sendMessage",
                lambda r: r.status == 200 and r.params["chat_id"] == user,
                timeout=300,
            )
            for card in fake.messages(user)[seen:]:
                if title(card) in waiting:
                    waiting.discard(title(card))
                    run.latencies.append(time.perf_counter() - started)
        card = next(c for c in reversed(fake.messages(user)) if title(c) == burst[-1])
        markup = (card.get("reply_markup") or {}).get("inline_keyboard", [])
        save = next(b["callback_data"] for row in markup for b in row if "Save" in b["text"])
        started = time.perf_counter()
        query = fake.press_button(user, card, save)

        def answered(request: RecordedRequest, query: str = query) -> bool:
            return request.status == 200 and request.params["callback_query_id"] == query

        answer = await fake.wait_for("answerCallbackQuery", answered, timeout=300)
        run.latencies.append(time.perf_counter() - started)
        run.told[(user, save[2:].split(":")[0])] = "Saved" in str(answer.params.get("text"))
        run.steps += BURST + 1


async def measure(
    name: str,
    db: str,
    workers: int,
    users: int,
    rounds: int,
    names: list[str],
    kill: bool = False,
) -> Run:
    run = Run(name)
    async with FakeTelegram() as fake:
        ports = [free_port() for _ in range(workers)]
        processes = [start_worker(fake, db, port) for port in ports]
        nginx = Nginx(ports)
        try:
            for port in ports:
                await listening(port)
            ids = [fake.make_user(900_000 + n)["id"] for n in range(users)]
            async with fake.webhook_delivery(nginx.url, request_timeout=120) as delivery:
                started = time.perf_counter()
                asked: dict[int, list[str]] = {user: [] for user in ids}
                sessions = [
                    asyncio.create_task(
                        user_rounds(fake, run, user, rounds, names, n * 7, asked[user])
                    )
                    for n, user in enumerate(ids)
                ]
                if kill:
                    total = users * rounds * (BURST + 1)
                    while run.steps < total // 2:  # noqa: ASYNC110 (a count, no event)
                        await asyncio.sleep(0.05)
                    processes[0].send_signal(signal.SIGKILL)
                    run.killed_at = time.perf_counter() - started
                await asyncio.gather(*sessions)
                run.seconds = time.perf_counter() - started
                while delivery.pending:  # noqa: ASYNC110
                    await asyncio.sleep(0.1)
            await fake.wait_idle(quiet=0.5, timeout=30)
            for user in ids:
                sent = [r for r in fake.requests_for("sendMessage") if r.params["chat_id"] == user]
                run.duplicates += max(0, len(sent) - rounds * BURST)
                # The cards in the order they came, a repeat of the one before counted above.
                shown = [title(card) for card in fake.messages(user)]
                distinct = [t for n, t in enumerate(shown) if n == 0 or shown[n - 1] != t]
                run.order_violations += distinct != asked[user]
            answered: dict[str, int] = {}
            for request in fake.requests_for("answerCallbackQuery"):
                key = str(request.params["callback_query_id"])
                answered[key] = answered.get(key, 0) + 1
            run.duplicates += sum(count - 1 for count in answered.values())
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                process.wait(60)
            nginx.stop()
    async with store_at(db) as store:
        for (user, exercise_id), saved in run.told.items():
            if await store.contains(user, exercise_id) != saved:
                run.lost += 1
    return run


async def main_async(args: argparse.Namespace) -> None:
    names = titles()
    bindir = _binaries()
    assert bindir is not None  # checked in main()
    cluster = Cluster(bindir, fsync=True)  # as a real server: commits reach the disk
    cluster.start()
    work = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    runs: list[Run] = []
    try:
        import asyncpg

        async def database(name: str) -> str:
            admin = await asyncpg.connect(cluster.url)
            await admin.execute(f'CREATE DATABASE "{name}"')
            await admin.close()
            return cluster.url.rsplit("/", 1)[0] + f"/{name}"

        runs.append(
            await measure(
                "1 process, SQLite", str(work / "bot.sqlite3"), 1, args.users, args.rounds, names
            )
        )
        print(runs[-1].row(), flush=True)
        for count in args.workers:
            url = await database(f"bench_{count}")
            label = f"{count} worker{'s' if count > 1 else ''}, PostgreSQL"
            runs.append(await measure(label, url, count, args.users, args.rounds, names))
            print(runs[-1].row(), flush=True)
        if args.kill:
            url = await database("bench_kill")
            run = await measure(
                "2 workers, PostgreSQL, one killed halfway",
                url,
                2,
                args.users,
                args.rounds,
                names,
                kill=True,
            )
            runs.append(run)
            print(run.row(), f"(killed at {run.killed_at:.1f} s)", flush=True)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.users} users x {args.rounds} rounds "
        f"({BURST} questions at once, then a Save press)"
    )
    print(
        "| configuration | updates/s | reply p50 | reply p99 | order violations | duplicates "
        "| favourites lost |"
    )
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        print(run.row())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--no-kill", dest="kill", action="store_false")
    if _binaries() is None:
        raise SystemExit("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        raise SystemExit("nginx is not installed (Debian: apt-get install nginx)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
