"""The fake's photos, driven by the real python-telegram-bot: captions as strict as text and
within 1024, photos by URL or file_id, and the edits Telegram refuses on the wrong kind."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from tests.fake_telegram import FakeTelegram

TOKEN = "123456789:TEST-token_for-the-fake"
USER_ID = 1001
PHOTO = "https://pilates.example.com/images/exercises/plank.jpg"
OTHER = "https://pilates.example.com/images/exercises/side-plank.jpg"
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Steps", callback_data="1s")]])


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        server.make_user(USER_ID)
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


async def test_a_photo_by_url_with_an_html_caption_and_a_keyboard(
    fake: FakeTelegram, bot: Bot
) -> None:
    sent = await bot.send_photo(
        USER_ID,
        PHOTO,
        caption="<b>Plank</b> &amp; co",
        parse_mode=ParseMode.HTML,
        reply_markup=KEYBOARD,
    )
    assert sent.caption == "Plank & co"
    assert [(e.type, e.offset, e.length) for e in sent.caption_entities] == [("bold", 0, 5)]
    assert [(p.width, p.height) for p in sent.photo] == [(320, 240), (1280, 960)]
    assert sent.reply_markup == KEYBOARD and sent.text is None
    shown = fake.last_message(USER_ID)
    assert shown is not None and shown["html"] == "<b>Plank</b> &amp; co"
    assert fake.photos.fetched == [PHOTO]


async def test_a_url_seen_before_and_a_file_id_give_the_same_photo(
    fake: FakeTelegram, bot: Bot
) -> None:
    first = await bot.send_photo(USER_ID, PHOTO)
    again = await bot.send_photo(USER_ID, PHOTO)
    by_id = await bot.send_photo(USER_ID, first.photo[-1].file_id)
    unique = {m.photo[-1].file_unique_id for m in (first, again, by_id)}
    assert len(unique) == 1 and fake.photos.fetched == [PHOTO]
    uploaded = await bot.send_photo(USER_ID, b"\xff\xd8\xff\xe0another\xff\xd9")
    assert uploaded.photo[-1].file_unique_id not in unique


async def test_a_caption_is_at_most_1024_utf16_units_after_parsing(bot: Bot) -> None:
    # Tags and entity references do not count; an emoji outside the BMP counts twice.
    fits = "<b>" + "a" * 1000 + "</b>" + "&lt;" * 20 + "🧘" * 2
    sent = await bot.send_photo(USER_ID, PHOTO, caption=fits, parse_mode=ParseMode.HTML)
    assert sent.caption is not None and len(sent.caption) == 1022
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await bot.send_photo(USER_ID, PHOTO, caption=fits + "a", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await bot.edit_message_caption(USER_ID, sent.message_id, caption="b" * 1025)


async def test_a_caption_follows_the_strict_html_rules_of_text(bot: Bot) -> None:
    for caption, error in (
        ("<b>open", "Can't parse entities: can't find end tag corresponding to start tag"),
        ("a < b", "Can't parse entities: unsupported start tag"),
        ("Fish & chips", "Can't parse entities"),
    ):
        with pytest.raises(BadRequest, match=rf"^{error}"):
            await bot.send_photo(USER_ID, PHOTO, caption=caption, parse_mode=ParseMode.HTML)
    plain = await bot.send_photo(USER_ID, PHOTO, caption="a < b & c", parse_mode=None)
    assert plain.caption == "a < b & c"


async def test_photos_telegram_cannot_have_are_refused_with_its_words(
    fake: FakeTelegram, bot: Bot
) -> None:
    fake.photos.fail_url(OTHER)
    for photo, error in (
        (OTHER, "Failed to get http url content"),
        ("AgACAgIAAxkBAAI-never-sent", "Wrong file identifier/http url specified"),
        ("https://", "Wrong http url specified"),
        ("", "There is no photo in the request"),
    ):
        with pytest.raises(BadRequest, match=rf"^{error}$"):
            await bot.send_photo(USER_ID, photo)
    fake.block_bot(USER_ID)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_photo(USER_ID, PHOTO)


async def test_a_photo_edits_its_caption_and_a_text_message_its_text(
    fake: FakeTelegram, bot: Bot
) -> None:
    photo = await bot.send_photo(USER_ID, PHOTO, caption="one", reply_markup=KEYBOARD)
    text = await bot.send_message(USER_ID, "one", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=r"^There is no text in the message to edit$"):
        await bot.edit_message_text("two", USER_ID, photo.message_id)
    with pytest.raises(BadRequest, match=r"^There is no caption in the message to edit$"):
        await bot.edit_message_caption(USER_ID, text.message_id, caption="two")
    with pytest.raises(BadRequest, match=r"^There is no media in the message to edit$"):
        await bot.edit_message_media(InputMediaPhoto(PHOTO), USER_ID, text.message_id)
    await bot.edit_message_caption(
        USER_ID,
        photo.message_id,
        caption="<i>two</i>",
        parse_mode=ParseMode.HTML,
        reply_markup=KEYBOARD,
    )
    shown = fake.messages(USER_ID)[0]
    assert shown["caption"] == "two" and shown["photo"] == photo.to_dict()["photo"]
    assert shown["reply_markup"] == KEYBOARD.to_dict()
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_caption(
            USER_ID,
            photo.message_id,
            caption="<i>two</i>",
            parse_mode=ParseMode.HTML,
            reply_markup=KEYBOARD,
        )
    await bot.edit_message_caption(USER_ID, photo.message_id, caption="")  # no keyboard: gone
    shown = fake.messages(USER_ID)[0]
    assert "caption" not in shown and shown["reply_markup"] is None


async def test_a_photo_is_replaced_with_edit_message_media(fake: FakeTelegram, bot: Bot) -> None:
    photo = await bot.send_photo(USER_ID, PHOTO, caption="Plank", reply_markup=KEYBOARD)
    media = InputMediaPhoto(OTHER, caption="<b>Side plank</b>", parse_mode=ParseMode.HTML)
    await bot.edit_message_media(media, USER_ID, photo.message_id, reply_markup=KEYBOARD)
    shown = fake.messages(USER_ID)[0]
    assert shown["caption"] == "Side plank" and shown["html"] == "<b>Side plank</b>"
    assert shown["photo"] != photo.to_dict()["photo"] and "edit_date" in shown
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await bot.edit_message_media(media, USER_ID, photo.message_id, reply_markup=KEYBOARD)
    too_long = InputMediaPhoto(PHOTO, caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await bot.edit_message_media(too_long, USER_ID, photo.message_id)
