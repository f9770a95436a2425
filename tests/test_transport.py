"""The aiohttp transport keeps python-telegram-bot's contract: bodies, timeouts and errors.

Every conversation test already runs over it; these cover what the bot itself never sends
(files) and the failures, each against a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import socket
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.faces.telegram.transport import AiohttpRequest, _describe, reading

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SENT = {"message_id": 1, "date": 0, "chat": {"id": 7, "type": "private"}, "text": "hi"}


@pytest.fixture
async def server() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    """Starts a Bot API stand-in on 127.0.0.1 with the given handler; returns its base URL."""
    runners: list[web.AppRunner] = []

    async def start(handler: Handler) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handler)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}/bot"

    yield start
    for runner in runners:
        await runner.cleanup()


def _bot(base_url: str, transport: AiohttpRequest) -> Bot:
    return Bot("1:TOKEN", base_url=base_url, request=transport)


async def test_parameters_go_as_a_json_body_with_the_user_agent(server: Any) -> None:
    seen: dict[str, Any] = {}

    async def handler(request: web.Request) -> web.Response:
        seen.update(await request.json())
        seen["type"] = request.content_type
        seen["agent"] = request.headers["User-Agent"]
        return web.json_response({"ok": True, "result": SENT})

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Steps · ☆", callback_data="s")]])
    async with AiohttpRequest() as transport:
        sent = await _bot(await server(handler), transport).send_message(
            7, "<b>hí</b>", reply_markup=markup
        )
    assert sent.message_id == 1 and sent.text == "hi"  # the whole result, outside reading()
    assert seen["type"] == "application/json"
    assert seen["chat_id"] == 7 and seen["text"] == "<b>hí</b>"
    assert seen["reply_markup"] == markup.to_dict()
    assert seen["agent"].startswith("python-telegram-bot")


async def test_reading_selects_what_is_parsed_of_a_result(server: Any) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "result": SENT})

    def identity(result: dict[str, Any]) -> dict[str, Any]:
        return {key: result[key] for key in ("message_id", "date", "chat")}

    async with AiohttpRequest() as transport:
        bot = _bot(await server(handler), transport)
        with reading(identity):
            sent = await bot.send_message(7, "hi")
        again = await bot.send_message(7, "hi")
    assert (sent.message_id, sent.chat.id, sent.text) == (1, 7, None)
    assert again.text == "hi"  # only within reading()


async def test_reading_leaves_errors_alone(server: Any) -> None:
    async def handler(request: web.Request) -> web.Response:
        body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
        return web.json_response(body, status=400)

    async with AiohttpRequest() as transport:
        bot = _bot(await server(handler), transport)
        with (
            reading(lambda result: pytest.fail("an error has no result")),
            pytest.raises(BadRequest, match="Chat not found"),
        ):
            await bot.send_message(7, "hi")


async def test_files_go_as_multipart(server: Any) -> None:
    seen: dict[str, Any] = {}

    async def handler(request: web.Request) -> web.Response:
        form = await request.post()
        upload = form["document"]
        assert isinstance(upload, web.FileField)
        seen.update(chat=form["chat_id"], name=upload.filename, body=upload.file.read())
        return web.json_response({"ok": True, "result": SENT})

    async with AiohttpRequest() as transport:
        await _bot(await server(handler), transport).send_document(
            7, b"plank notes", filename="notes.txt"
        )
    assert seen == {"chat": "7", "name": "notes.txt", "body": b"plank notes"}


async def test_a_slow_server_is_a_timeout(server: Any) -> None:
    async def handler(request: web.Request) -> web.Response:
        await asyncio.sleep(1.0)
        return web.json_response({"ok": True, "result": SENT})

    async with AiohttpRequest(read_timeout=0.1, write_timeout=0.1) as transport:
        bot = _bot(await server(handler), transport)
        with pytest.raises(TimedOut):
            await bot.send_message(7, "hi")
        # a timeout given for one call overrides the default
        assert (await bot.send_message(7, "hi", read_timeout=3.0)).message_id == 1


async def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with AiohttpRequest() as transport:
        with pytest.raises(NetworkError):
            await _bot(f"http://127.0.0.1:{port}/bot", transport).send_message(7, "hi")


async def test_flood_control_keeps_its_retry_after(server: Any) -> None:
    async def handler(request: web.Request) -> web.Response:
        body = {"ok": False, "error_code": 429, "description": "Too Many Requests"}
        return web.json_response({**body, "parameters": {"retry_after": 3}}, status=429)

    async with AiohttpRequest() as transport:
        with pytest.raises(RetryAfter, match="Retry in 3"):
            await _bot(await server(handler), transport).send_message(7, "hi")


TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


async def _garbage_server(reply: bytes) -> tuple[asyncio.Server, int]:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(reply)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.parametrize(
    "reply",
    [b"this is not HTTP\r\n\r\n", b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{", b""],
    ids=["malformed", "truncated", "closed"],
)
async def test_transport_errors_never_carry_the_token(reply: bytes) -> None:
    server, port = await _garbage_server(reply)
    async with server, AiohttpRequest() as transport:
        bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot", request=transport)
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(7, "hi")
    shown = "".join(traceback.format_exception(caught.value))
    assert "aiohttp." in str(caught.value)  # what went wrong is still said
    assert TOKEN not in shown
    assert TOKEN.split(":")[1] not in shown


def test_a_timeout_never_carries_the_token() -> None:
    # aiohttp's connect timeout quotes the URL; a custom Bot API server's base URL too.
    url = f"http://bot-api:8081/bot{TOKEN}/getMe"
    text = _describe(aiohttp.ConnectionTimeoutError(f"Connection timeout to host {url}"), url)
    assert text == "aiohttp.ConnectionTimeoutError: Connection timeout to host " + (
        "http://bot-api:8081/bot<token>/getMe"
    )
