"""deliver(): a passing fault retried, a timeout not, and nothing read back of what was sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, Message

from bot.faces.telegram.delivery import deliver
from bot.faces.telegram.transport import AiohttpRequest

CARD = {
    "message_id": 5,
    "date": 0,
    "chat": {"id": 7, "type": "private"},
    "text": "The Hundred",
    "entities": [{"type": "bold", "offset": 0, "length": 11}],
    "reply_markup": {"inline_keyboard": [[{"text": "Steps", "callback_data": "s"}]]},
}


@pytest.fixture
async def bot() -> AsyncIterator[tuple[Bot, list[str]]]:
    """A Bot on our transport, against a stand-in that fails the first call of each method
    with a 502."""
    calls: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        method = request.path.rsplit("/", 1)[-1]
        if method == "getMe":
            me = {"id": 1, "is_bot": True, "first_name": "Bot", "username": "a_bot"}
            return web.json_response({"ok": True, "result": me})
        calls.append(method)
        if calls.count(method) == 1:
            return web.json_response({"ok": False, "error_code": 502}, status=502)
        return web.json_response({"ok": True, "result": CARD})

    app = web.Application()
    app.router.add_post("/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/bot"
    async with Bot("1:TOKEN", base_url=url, request=AiohttpRequest()) as stand_in:
        yield stand_in, calls
    await runner.cleanup()


async def test_a_sent_message_is_not_parsed_back(
    bot: tuple[Bot, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in, calls = bot

    def parse(*args: Any) -> Message:
        raise AssertionError("deliver parsed the message it sent")

    monkeypatch.setattr(Message, "de_json", parse)
    await deliver(partial(stand_in.send_message, 7, "<b>The Hundred</b>"))
    await deliver(partial(stand_in.edit_message_text, "The Hundred", 7, 5))
    assert calls == ["sendMessage"] * 2 + ["editMessageText"] * 2  # each retried after its 502
    with pytest.raises(AssertionError, match="parsed"):  # outside deliver, parsed as ever
        await stand_in.send_message(7, "hi")
