"""`pilates-bot run` as an operator meets it: a real process against the fake Bot API."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp

from bot.faces.telegram.app import EXIT_TOKEN_REJECTED
from bot.faces.telegram.webhook import SECRET_HEADER
from tests.conftest import ROOT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import free_port

USER = 1001


async def run(*args: str, log: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PILATES_"))}
    with log.open("wb") as out:
        return await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "run", *args),
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
        )


async def test_at_debug_the_logs_carry_neither_token_nor_webhook_secret(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    log, port = tmp_path / "bot.log", free_port()
    process = await run(
        *("--token", fake.token, "--base-url", fake.base_url, "--db", str(tmp_path / "f.db")),
        *("--webhook-url", "https://bot.example.com/hook", "--port", str(port)),
        *("--log-level", "debug"),
        log=log,
    )
    try:
        registered = await fake.wait_for("setWebhook", timeout=60)
        secret = registered.params["secret_token"]  # none was given: generated at start-up
        assert len(secret) >= 32
        fake.make_user(USER)
        fake.send_text(USER, "plank")
        (update,) = fake.take_updates()
        hook, headers = f"http://127.0.0.1:{port}/hook", {SECRET_HEADER: secret}
        async with aiohttp.ClientSession() as session:
            for _ in range(200):
                try:
                    async with session.post(hook, json=update, headers=headers) as response:
                        assert response.status == 200
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
        await fake.wait_for("sendMessage", timeout=30)
        await fake.wait_idle()
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 60) == 0
    text = log.read_text()
    assert "DEBUG" in text and "sendMessage" in text  # it did log at DEBUG
    for secret_part in (fake.token, fake.token.split(":")[1], secret):
        assert secret_part not in text
    assert "<secret>" in text  # the setWebhook call was logged, secret masked


async def test_a_rejected_token_is_one_line_and_no_restart(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    wrong = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    log = tmp_path / "bot.log"
    process = await run(
        *("--token", wrong, "--base-url", fake.base_url, "--db", str(tmp_path / "f.db")), log=log
    )
    assert await asyncio.wait_for(process.wait(), 60) == EXIT_TOKEN_REJECTED
    text = log.read_text()
    assert "Traceback" not in text and wrong.split(":")[1] not in text
    errors = [line for line in text.splitlines() if "error" in line.lower()]
    assert errors == [
        "error: Telegram rejected the bot token (401 Unauthorized from "
        f"{fake.base_url.split('/')[2]}); check TELEGRAM_BOT_TOKEN or --token"
    ]
    unit = (ROOT / "deploy" / "pilates-bot.service").read_text()
    assert f"RestartPreventExitStatus={EXIT_TOKEN_REJECTED}" in unit.splitlines()


async def test_no_network_is_one_line(tmp_path: Path) -> None:
    log, port = tmp_path / "bot.log", free_port()  # nobody listens there
    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    process = await run(
        *("--token", token, "--base-url", f"http://127.0.0.1:{port}/bot"),
        *("--db", str(tmp_path / "f.db")),
        log=log,
    )
    assert await asyncio.wait_for(process.wait(), 60) == 1
    text = log.read_text()
    assert "Traceback" not in text and token.split(":")[1] not in text
    errors = [line for line in text.splitlines() if "error" in line.lower()]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: cannot reach the Telegram Bot API at 127.0.0.1:{port}: ")
