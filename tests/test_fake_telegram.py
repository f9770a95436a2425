"""The fake Telegram server, driven by the real python-telegram-bot over HTTP.

These tests pin down that the fake behaves like Telegram where a bot's mistakes would otherwise
only show up in front of users: HTML parse mode, message limits, buttons, edits, long polling.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fake_telegram import FakeTelegram, HtmlParseError, parse_html, utf16_len

TOKEN = "123456789:TEST-token_for-the-fake"
USER_ID = 1001


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


def build_app(fake: FakeTelegram) -> Application[Any, Any, Any, Any, Any, Any]:
    return (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )


@asynccontextmanager
async def polling(
    app: Application[Any, Any, Any, Any, Any, Any],
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """Run the application in polling mode with short timeouts, and stop it cleanly."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button] for button in buttons])


# --------------------------------------------------------------------------------------------
# The real Application against the fake
# --------------------------------------------------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await message.reply_text(f"<i>echo:</i> {html.escape(message.text)}", parse_mode=ParseMode.HTML)


async def test_echo_bot_replies_to_every_text(fake: FakeTelegram) -> None:
    app = build_app(fake)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    user = fake.make_user(USER_ID)
    texts = ["hello", "a < b & c > d", "emoji 😀 <b>not bold</b>"]

    async with polling(app):
        for text in texts:
            fake.send_text(user, text)
        for _ in texts:
            await fake.wait_for("sendMessage")
        await fake.wait_idle()

    sent = fake.messages(USER_ID)
    assert [message["text"] for message in sent] == [f"echo: {text}" for text in texts]
    assert sent[1]["html"] == "<i>echo:</i> a &lt; b &amp; c &gt; d"
    assert sent[0]["entities"] == [{"type": "italic", "offset": 0, "length": 5}]
    assert all(request.ok for request in fake.requests_for("sendMessage"))
    # What PTB calls at start-up in polling mode is imitated, not 404.
    assert {"getMe", "deleteWebhook", "getUpdates"} <= {r.method for r in fake.requests}


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    exercise = " ".join(context.args or [])
    await message.reply_text(
        f"Exercise <b>{html.escape(exercise)}</b>",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(
            InlineKeyboardButton("Show steps", callback_data=f"steps:{exercise}"),
            InlineKeyboardButton("Website", url="https://example.org/pilates"),
        ),
    )


async def show_steps(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer("Loading steps")
    exercise = query.data.removeprefix("steps:")
    await query.edit_message_text(f"Steps for <b>{html.escape(exercise)}</b>", parse_mode="HTML")


async def test_button_press_round_trip(fake: FakeTelegram, bot: Bot) -> None:
    app = build_app(fake)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(show_steps, pattern=r"^steps:"))
    user = fake.make_user(USER_ID, username="ana")

    async with polling(app):
        fake.send_command(user, "/start ex-the-hundred")
        await fake.wait_for("sendMessage")
        shown = fake.last_message(USER_ID)
        assert shown is not None
        assert shown["text"] == "Exercise ex-the-hundred"
        assert shown["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == (
            "steps:ex-the-hundred"
        )

        query_id = fake.press_button(user, shown, "steps:ex-the-hundred")
        answer = await fake.wait_for("answerCallbackQuery")
        edit = await fake.wait_for("editMessageText")
        await fake.wait_idle()

    assert answer.ok and answer.params["callback_query_id"] == query_id
    assert fake.callback_answers[0]["text"] == "Loading steps"
    assert edit.ok and edit.params["message_id"] == shown["message_id"]
    [current] = fake.messages(USER_ID)
    assert current["text"] == "Steps for ex-the-hundred"
    assert current["html"] == "Steps for <b>ex-the-hundred</b>"
    assert current["entities"] == [{"type": "bold", "offset": 10, "length": 14}]
    # Telegram drops the keyboard when an edit does not send it again.
    assert current["reply_markup"] is None
    assert "edit_date" in current
    # A query is answered once; the button is gone, so the user cannot press it again.
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(ValueError, match="no button"):
        fake.press_button(user, current, "steps:ex-the-hundred")


# --------------------------------------------------------------------------------------------
# HTML parse mode
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text", "entities"),
    [
        (
            "<b>bold</b> <i>it</i> <u>u</u> <s>s</s>",
            "bold it u s",
            [
                {"type": "bold", "offset": 0, "length": 4},
                {"type": "italic", "offset": 5, "length": 2},
                {"type": "underline", "offset": 8, "length": 1},
                {"type": "strikethrough", "offset": 10, "length": 1},
            ],
        ),
        (
            "<strong>a</strong><em>b</em><ins>c</ins><strike>d</strike><del>e</del>",
            "abcde",
            [
                {"type": "bold", "offset": 0, "length": 1},
                {"type": "italic", "offset": 1, "length": 1},
                {"type": "underline", "offset": 2, "length": 1},
                {"type": "strikethrough", "offset": 3, "length": 1},
                {"type": "strikethrough", "offset": 4, "length": 1},
            ],
        ),
        (
            '<a href="https://example.org/?a=1&amp;b=2">link</a>',
            "link",
            [
                {
                    "type": "text_link",
                    "offset": 0,
                    "length": 4,
                    "url": "https://example.org/?a=1&b=2",
                }
            ],
        ),
        (
            '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>',
            "st",
            [
                {"type": "spoiler", "offset": 0, "length": 1},
                {"type": "spoiler", "offset": 1, "length": 1},
            ],
        ),
        (
            '<pre><code class="language-python">x = 1</code></pre>',
            "x = 1",
            [{"type": "pre", "offset": 0, "length": 5, "language": "python"}],
        ),
        (
            '<code class="language-python">x</code>',
            "x",
            [{"type": "code", "offset": 0, "length": 1}],
        ),
        (
            "<blockquote>q</blockquote><blockquote expandable>r</blockquote>",
            "qr",
            [
                {"type": "blockquote", "offset": 0, "length": 1},
                {"type": "expandable_blockquote", "offset": 1, "length": 1},
            ],
        ),
        ("&lt;&gt;&amp;&quot;&#39;&#x27;&#128512;", "<>&\"''😀", []),
        ("😀 <b>x</b>", "😀 x", [{"type": "bold", "offset": 3, "length": 1}]),
        (
            '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
            "👍",
            [
                {
                    "type": "custom_emoji",
                    "offset": 0,
                    "length": 2,
                    "custom_emoji_id": "5368324170671202286",
                }
            ],
        ),
        ("<B>upper</B> <i>closed by</>", "upper closed by", None),
        ("a > b", "a > b", []),
    ],
)
def test_html_parser_accepts_telegram_html(
    source: str, text: str, entities: list[dict[str, Any]] | None
) -> None:
    parsed = parse_html(source)
    assert parsed.text == text
    if entities is not None:
        assert parsed.entities == entities


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("Hello world <foo>", 'Unsupported start tag "foo" at byte offset 12'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("😀<foo>", 'Unsupported start tag "foo" at byte offset 4'),
        ("Hello <b>world", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ('<a href="x"', "Unclosed start tag at byte offset 0"),
        ("<a =x>y</a>", 'Empty attribute name in the tag "a" at byte offset 0'),
        ("<a href=x/>y</a>", "Unexpected end of name token at byte offset 8"),
        ("fish & chips", 'Character "&" at byte offset 5 must be escaped as "&amp;"'),
        ("AT&T", 'Character "&" at byte offset 2 must be escaped as "&amp;"'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;" at byte offset 0'),
        ("&lt", 'HTML entity at byte offset 0 must end with ";"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a>x</a>", 'Tag "a" must have attribute "href" at byte offset 0'),
        ('<a href="javascript:alert(1)">x</a>', "Invalid URL"),
        ('<tg-emoji emoji-id="x">y</tg-emoji>', "Invalid custom emoji identifier specified"),
        ("&#xD800;", "Text contains invalid Unicode characters"),
    ],
)
def test_html_parser_refuses_what_telegram_refuses(source: str, error: str) -> None:
    with pytest.raises(HtmlParseError) as refused:
        parse_html(source)
    assert str(refused.value).startswith(error)


def test_html_parser_lenient_mode_is_telegram_exactly() -> None:
    parsed = parse_html("fish & chips &nbsp; &lt <a>telegram.org</a>", strict=False)
    assert parsed.text == "fish & chips &nbsp; < telegram.org"
    assert parsed.entities == [
        {"type": "text_link", "offset": 22, "length": 12, "url": "http://telegram.org"}
    ]


async def test_bad_html_is_a_bad_request(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    with pytest.raises(BadRequest, match='unsupported start tag "foo" at byte offset 12'):
        await bot.send_message(USER_ID, "Hello world <foo>", parse_mode=ParseMode.HTML)
    [refused] = fake.requests_for("sendMessage")
    assert refused.status == 400
    assert refused.description == (
        'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 12'
    )
    assert fake.messages(USER_ID) == []


async def test_length_counts_visible_utf16_code_units(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    # Long markup is fine while the visible text fits.
    await bot.send_message(USER_ID, "<b>" + "a" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    await bot.send_message(USER_ID, "&lt;" * 4096, parse_mode=ParseMode.HTML)
    # Without a parse mode the same characters are visible, and too many.
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER_ID, "&lt;" * 4096)
    # 2049 emoji are 2049 Python characters but 4098 UTF-16 code units.
    await bot.send_message(USER_ID, "😀" * 2048)
    assert utf16_len("😀" * 2049) == 4098
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER_ID, "<b>" + "😀" * 2049 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(USER_ID, "<b> </b>\n", parse_mode=ParseMode.HTML)
    assert len(fake.messages(USER_ID)) == 3


# --------------------------------------------------------------------------------------------
# Buttons, edits, queries, commands
# --------------------------------------------------------------------------------------------


async def test_callback_data_is_limited_to_64_bytes(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    await bot.send_message(
        USER_ID, "ok", reply_markup=keyboard(InlineKeyboardButton("é", callback_data="é" * 32))
    )
    for data in ("x" * 65, "é" * 33, ""):
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(
                USER_ID, "no", reply_markup=keyboard(InlineKeyboardButton("b", callback_data=data))
            )
    with pytest.raises(BadRequest, match=r"(?i)button_url_invalid"):
        await bot.send_message(
            USER_ID, "no", reply_markup=keyboard(InlineKeyboardButton("b", url="not a link"))
        )
    with pytest.raises(BadRequest, match=r"(?i)text buttons are unallowed"):
        await bot.send_message(USER_ID, "no", reply_markup=keyboard(InlineKeyboardButton("b")))
    assert [message["text"] for message in fake.messages(USER_ID)] == ["ok"]


async def test_edits_and_deletes_follow_telegram(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    markup = keyboard(InlineKeyboardButton("Next", callback_data="next"))
    sent = await bot.send_message(USER_ID, "<b>one</b>", parse_mode="HTML", reply_markup=markup)

    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "<b>one</b>", USER_ID, sent.message_id, parse_mode="HTML", reply_markup=markup
        )
    # The same visible text without the bold entity is a change.
    await bot.edit_message_text("one", USER_ID, sent.message_id, reply_markup=markup)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=markup)
    await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=None)
    assert fake.last_message(USER_ID) == {
        **fake.messages(USER_ID)[0],
        "text": "one",
        "reply_markup": None,
    }
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", USER_ID, sent.message_id + 100)

    assert await bot.delete_message(USER_ID, sent.message_id)
    assert fake.messages(USER_ID) == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "nobody here")
    fake.block_bot(USER_ID)
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(USER_ID, "hello?")


async def test_inline_query_answers_are_checked(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.make_user(USER_ID)

    def article(
        result_id: str, text: str, parse_mode: str | None = None
    ) -> InlineQueryResultArticle:
        return InlineQueryResultArticle(
            result_id, "title", InputTextMessageContent(text, parse_mode=parse_mode)
        )

    query_id = fake.send_inline_query(user, "hundred")
    too_many = [article(str(n), "x") for n in range(51)]
    with pytest.raises(BadRequest, match=r"(?i)results_too_much"):
        await bot.answer_inline_query(query_id, too_many)
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(query_id, [article("a", "x"), article("a", "y")])
    with pytest.raises(BadRequest, match=r"(?i)result_id_invalid"):
        await bot.answer_inline_query(query_id, [article("a" * 65, "x")])
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.answer_inline_query(query_id, [article("a", "<b>x", ParseMode.HTML)])
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await bot.answer_inline_query(query_id, [article("a", "x" * 4097)])

    await bot.answer_inline_query(
        query_id, [article(str(n), f"<b>{n}</b>", "HTML") for n in range(50)]
    )
    assert len(fake.inline_answers[0]["results"]) == 50
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query_id, [])


async def test_commands_are_stored_per_scope_and_language(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    english = [BotCommand("start", "Start"), BotCommand("help_me", "Help")]
    spanish = [BotCommand("start", "Empezar")]
    scope = BotCommandScopeChat(USER_ID)
    assert await bot.set_my_commands(english)
    assert await bot.set_my_commands(spanish, scope=scope, language_code="es")

    assert fake.commands() == [c.to_dict() for c in english]
    assert fake.commands(scope, "es") == [c.to_dict() for c in spanish]
    assert fake.commands(scope) == []
    assert [c.command for c in await bot.get_my_commands(scope=scope, language_code="es")] == [
        "start"
    ]

    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "capital letter")])
    with pytest.raises(BadRequest, match=r"(?i)bot_command_description_invalid"):
        await bot.set_my_commands([BotCommand("start", "x" * 257)])
    with pytest.raises(BadRequest, match=r"(?i)bot_commands_too_much"):
        await bot.set_my_commands([BotCommand(f"c{n}", "d") for n in range(101)])
    assert await bot.delete_my_commands()
    assert fake.commands() == []


# --------------------------------------------------------------------------------------------
# Long polling
# --------------------------------------------------------------------------------------------


async def test_get_updates_offset_limit_timeout(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.make_user(USER_ID)
    ids = [fake.send_text(user, f"m{n}") for n in range(3)]
    assert ids == sorted(ids)

    first = await bot.get_updates(limit=2)
    assert [u.update_id for u in first] == ids[:2]
    # Not confirmed yet: asked again, the same updates come back.
    assert [u.update_id for u in await bot.get_updates()] == ids
    rest = await bot.get_updates(offset=ids[1] + 1)
    assert [u.update_id for u in rest] == ids[2:]

    began = time.monotonic()
    assert await bot.get_updates(offset=ids[2] + 1, timeout=dtm.timedelta(seconds=0.3)) == ()
    assert time.monotonic() - began >= 0.25

    # A waiting long poll returns as soon as an update arrives.
    waiting = asyncio.create_task(bot.get_updates(offset=ids[2] + 1, timeout=5))
    await fake.wait_until_polling()
    new_id = fake.send_text(user, "wake up")
    updates = await asyncio.wait_for(waiting, 2)
    assert [u.update_id for u in updates] == [new_id]


async def test_allowed_updates_and_group_privacy(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.make_user(USER_ID)
    sent = await bot.send_message(
        USER_ID, "pick", reply_markup=keyboard(InlineKeyboardButton("a", callback_data="a"))
    )
    await bot.get_updates(allowed_updates=["callback_query"])
    fake.send_text(user, "filtered out")
    fake.press_button(user, sent.message_id, "a")
    [update] = await bot.get_updates()
    assert update.callback_query is not None and update.callback_query.data == "a"

    await bot.get_updates(offset=update.update_id + 1, allowed_updates=[])
    fake.send_group_text(user, -100, "just chatting")
    command_id = fake.send_group_text(user, -100, "/help@fake_test_bot")
    delivered = await bot.get_updates(offset=update.update_id + 1)
    assert [u.update_id for u in delivered] == [command_id]
    assert delivered[0].effective_chat is not None and delivered[0].effective_chat.type == "group"
    assert [u["message"]["text"] for u in fake.undelivered_updates] == [
        "filtered out",
        "just chatting",
    ]


async def test_second_poller_makes_the_first_one_conflict(fake: FakeTelegram, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await fake.wait_until_polling()
    assert fake.polling
    async with Bot(TOKEN, base_url=fake.base_url) as other:
        assert await other.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first
    assert [r.status for r in fake.requests_for("getUpdates")] == [200, 409]


# --------------------------------------------------------------------------------------------
# Faults, protocol, observation helpers
# --------------------------------------------------------------------------------------------


async def test_429_surfaces_as_retry_after(
    fake: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as timedelta, no warning
    fake.make_user(USER_ID)
    fake.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(USER_ID, "hi")
    assert flood.value.retry_after == dtm.timedelta(seconds=3)
    await bot.send_message(USER_ID, "hi")

    failed, passed = fake.requests_for("sendMessage")
    assert (failed.status, failed.fault) == (429, "fail 429")
    assert failed.description == "Too Many Requests: retry after 3"
    assert passed.ok
    assert len(fake.messages(USER_ID)) == 1


async def test_server_errors_delays_and_drops(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    fake.fail_next("sendMessage", 500)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(USER_ID, "a")

    fake.delay_next("sendMessage", 0.3)
    began = time.monotonic()
    await bot.send_message(USER_ID, "b")
    assert time.monotonic() - began >= 0.3

    fake.drop_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(USER_ID, "c")
    # The answer is lost but the message went out: a blind retry would send it twice.
    fake.drop_next("sendMessage", processed=True)
    with pytest.raises(NetworkError):
        await bot.send_message(USER_ID, "d")

    assert [m["text"] for m in fake.messages(USER_ID)] == ["b", "d"]
    assert [(r.status, r.fault) for r in fake.requests_for("sendMessage")] == [
        (500, "fail 500"),
        (200, "delay 0.3s"),
        (None, "drop"),
        (None, "drop after processing"),
    ]


async def test_wire_protocol(fake: FakeTelegram) -> None:
    fake.make_user(USER_ID)
    stranger = Bot("987:wrong", base_url=fake.base_url)
    with pytest.raises(InvalidToken):
        await stranger.initialize()
    await stranger.shutdown()
    assert fake.requests[-1].status == 401
    async with aiohttp.ClientSession() as http:
        url = f"{fake.base_url}{TOKEN}"
        async with http.post(f"{url}/noSuchMethod") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        async with http.post(f"{url}/getme") as response:  # method names ignore case
            assert (await response.json())["result"]["is_bot"] is True
        markup = {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}
        body = {"chat_id": USER_ID, "text": "json", "reply_markup": markup}
        async with http.post(f"{url}/sendMessage", json=body) as response:
            assert (await response.json())["result"]["reply_markup"] == markup
        async with http.post(f"{url}/sendVideo", data={"chat_id": str(USER_ID)}) as response:
            assert response.status == 501
    assert fake.last_message(USER_ID) is not None
    assert fake.requests_for("sendMessage")[0].params["chat_id"] == USER_ID


async def test_wait_for_hands_out_each_request_once(fake: FakeTelegram, bot: Bot) -> None:
    fake.make_user(USER_ID)
    for text in ("one", "two", "three"):
        await bot.send_message(USER_ID, text)
    third = await fake.wait_for("sendMessage", lambda r: r.params["text"] == "three")
    first = await fake.wait_for("sendMessage")
    second = await fake.wait_for("sendMessage")
    assert [first.params["text"], second.params["text"], third.params["text"]] == [
        "one",
        "two",
        "three",
    ]
    later = asyncio.create_task(fake.wait_for("sendChatAction"))
    await bot.send_chat_action(USER_ID, "typing")
    assert (await later).params["action"] == "typing"
    with pytest.raises(
        TimeoutError, match=r"(?s)no sendMessage request within 0.1s.*sendChatAction"
    ):
        await fake.wait_for("sendMessage", timeout=0.1)


async def test_forged_updates_and_decoded_form_params(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.make_user(USER_ID)
    await bot.send_message(
        USER_ID, "menu", reply_markup=keyboard(InlineKeyboardButton("a", callback_data="a"))
    )
    # PTB posts forms with nested objects as JSON strings; the record holds them decoded.
    [sent] = fake.requests_for("sendMessage")
    assert sent.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "a", "callback_data": "a"}]]
    }

    forged = {
        "callback_query": {
            "id": "forged-1",
            "from": user,
            "chat_instance": "1",
            "data": "../../etc/passwd",
        }
    }
    first = fake.push_update(forged)
    second = fake.push_update({"update_id": 1, **forged})  # the fake assigns the ids
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [first, second] and second > first
    assert updates[0].callback_query is not None
    assert updates[0].callback_query.data == "../../etc/passwd"
    assert await bot.answer_callback_query("forged-1", text="Unknown button")
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("forged-1")
