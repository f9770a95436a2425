"""Cards with the page's picture, through the real Application and the fake Bot API: a photo
with the card as its caption, continued below when longer, edited in place by its buttons,
and an "Open on the website" button to the page."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.content import Exercise, Library, Website
from bot.faces.telegram import pictures
from tests.fake_telegram import FakeTelegram, parse_html, utf16_len
from tests.telegram_harness import USER, buttons, continued, press, running_bot

JSON = dict[str, Any]
SITE = Website.at("https://pilates.example.com")
PLANK_PICTURE = "https://pilates.example.com/images/exercises/plank.jpg"
SENDS = ("sendMessage", "sendPhoto")


async def ask(fake: FakeTelegram, text: str, user: int = USER) -> list[JSON]:
    """Send `text` (a message or a command); the bot's new messages in the chat."""
    before, asked = {m["message_id"] for m in fake.messages(user)}, time.monotonic()
    fake.send_text(user, text)
    await fake.wait_for(
        None, lambda r: r.method in SENDS and r.params["chat_id"] == user and r.started >= asked
    )
    await fake.wait_idle()
    await continued(fake, user)
    return [m for m in fake.messages(user) if m["message_id"] not in before]


async def tap(fake: FakeTelegram, card: JSON, label: str, user: int = USER) -> JSON:
    """Press a button of `card`; the card as it is then (its continuation sent, if any)."""
    card = await press(fake, card, label, user)
    await continued(fake, user)
    return card


def caption_of(message: JSON) -> str:
    """The caption a reader sees, checked as Telegram checks it."""
    assert "photo" in message and "text" not in message
    caption = str(message.get("caption", ""))
    assert utf16_len(caption) <= 1024
    assert parse_html(message["html"]).text == caption  # strict HTML: everything escaped
    return caption


def calls(fake: FakeTelegram, method: str) -> int:
    return len(fake.requests_for(method))


def _library(library: Library, change: dict[str, dict[str, Any]]) -> Library:
    """The bundled library with some English pages changed (`{"plank": {"image": None}}`)."""
    pages: list[Exercise] = []
    for page in library.pages():
        fields = change.get(page.slug, {}) if page.lang == "en" else {}
        pages.append(replace(page, **fields))
    return Library(pages)


async def test_a_card_with_a_picture_is_a_photo_with_the_card_as_its_caption(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        [card] = await ask(fake, "/start ex-plank")
        caption = caption_of(card)
        assert caption.startswith("Plank\nBeginner · 30 s · mat\n")
        assert "How to do it" in caption and "⬇" not in caption  # all of it fits
        assert fake.photos.fetched == [PLANK_PICTURE]
        links = buttons(card)
        assert links["🌐 Open on the website"] == "https://pilates.example.com/exercises/plank/"
        assert {"Steps", "Tips", "Mistakes", "Easier", "Harder", "FAQ", "☆ Save"} < set(links)
        assert not any("Video" in label for label in links)  # the plank has no video
        assert calls(fake, "sendMessage") == 0
        # Telegram's file_id is sent the second time: the site is not fetched again.
        [again] = await ask(fake, "plank")
        assert again["photo"] == card["photo"] and fake.photos.fetched == [PLANK_PICTURE]
        assert fake.requests_for("sendPhoto")[-1].params["photo"] == card["photo"][-1]["file_id"]


async def test_a_page_with_a_video_has_the_video_button_too(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        [card] = await ask(fake, "/start ex-inner-thigh-lifts")
        links = buttons(card)
        assert links["▶ Video"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        assert links["🌐 Open on the website"] == (
            "https://pilates.example.com/exercises/inner-thigh-lifts/"
        )


async def test_a_spanish_card_links_to_the_spanish_page(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER, language_code="es")
    async with running_bot(fake, library, db, site=SITE):
        card, rest = await ask(fake, "/start ex-plank")  # longer than a caption in Spanish
        assert caption_of(card).startswith("Plancha\nPrincipiante")
        assert caption_of(card).endswith("⬇ sigue abajo")
        assert buttons(card)["🌐 Abrir en la web"] == (
            "https://pilates.example.com/es/exercises/plank/"
        )
        assert rest["reply_markup"] is None  # the buttons stay on the photo


async def test_a_long_card_keeps_the_photo_and_continues_in_a_message(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        card, rest = await ask(fake, "/start ex-the-hundred")
        caption = caption_of(card)
        assert caption.endswith("⬇ continued below") and "How to do it" in caption
        assert "text" in rest and rest["reply_markup"] is None
        exercise = library.get("the-hundred")
        assert exercise is not None
        shown = caption.removesuffix("⬇ continued below") + rest["text"]
        for step in exercise.steps:  # not a step lost between the two
            assert step in shown
        assert "Steps" in buttons(card)


async def test_buttons_edit_the_caption_of_a_photo_card_in_place(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        [card] = await ask(fake, "/start ex-plank")
        count = len(fake.messages(USER))
        for label, shown in {
            "Steps": "Steps\n1. Start on your forearms",
            "Tips": "Tips",
            "Mistakes": "Common mistakes",
            "Easier": "Easier\n• Knee Plank",
            "Harder": "Harder",
        }.items():
            card = await tap(fake, card, label)
            assert shown in caption_of(card), (label, card.get("caption"))
            assert f"· {label} ·" in buttons(card)
            assert buttons(card)["🌐 Open on the website"].endswith("/exercises/plank/")
        card = await tap(fake, card, "☆ Save")
        assert "★ Saved" in buttons(card) and "Harder" in caption_of(card)
        card = await tap(fake, card, "FAQ")
        assert "Questions people ask" in caption_of(card)
        card = await tap(fake, card, next(iter(buttons(card))))
        card = await tap(fake, card, "Plank")
        assert "How to do it" in caption_of(card)
        assert len(fake.messages(USER)) == count  # every press edited the same photo
        assert calls(fake, "editMessageText") == 0  # which Telegram would refuse on a photo
        assert calls(fake, "editMessageMedia") == 0  # the same picture: only the caption
        assert all(r.ok for r in fake.requests_for("editMessageCaption"))


async def test_a_part_longer_than_a_caption_continues_below_and_only_once(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        card, rest = await ask(fake, "/start ex-the-hundred")
        card = await tap(fake, card, "Steps")  # fits: the continuation is taken away
        assert "⬇" not in caption_of(card)
        assert [m["message_id"] for m in fake.messages(USER)] == [card["message_id"]]
        card = await tap(fake, card, "· Steps ·")  # the overview again: continued below
        assert caption_of(card).endswith("⬇ continued below")
        card, again = fake.messages(USER)
        assert again["text"] == rest["text"] and again["reply_markup"] is None
        card = await tap(fake, card, "☆ Save")  # still the overview: edited in place
        assert [m["message_id"] for m in fake.messages(USER)] == [
            card["message_id"],
            again["message_id"],
        ]
        assert calls(fake, "sendMessage") == 2  # the first continuation and the one after


async def test_another_page_replaces_the_photo_and_a_page_without_one_comes_anew(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    # Two exercises only, so "Another" shows the other one.
    pages = [p for p in library.pages() if p.slug in ("plank", "side-plank")]
    async with running_bot(fake, Library(pages), db, site=SITE):
        [card] = await ask(fake, "/random")
        first = caption_of(card).splitlines()[0]
        card = await tap(fake, card, "🎲 Another")
        assert caption_of(card).splitlines()[0] != first
        assert calls(fake, "editMessageMedia") == 1 and len(fake.messages(USER)) == 1
        assert len(fake.photos.fetched) == 2
    without = [replace(p, image=None) if p.slug == "side-plank" else p for p in pages]
    fake.make_user(USER + 1)
    async with running_bot(fake, Library(without), db, site=SITE):
        [card] = await ask(fake, "/random", USER + 1)
        await tap(fake, card, "🎲 Another", USER + 1)
        old, new = fake.messages(USER + 1)
        assert old == card  # a photo cannot be taken away, nor a text become a photo
        assert ("photo" in old) != ("photo" in new)


async def test_a_card_picked_from_a_list_comes_as_a_photo_below_it(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        [listing] = await ask(fake, "swan")
        assert "Did you mean" in listing["text"]
        choice = next(iter(buttons(listing)))
        await tap(fake, listing, choice)
        kept, card = fake.messages(USER)[:2]
        assert kept == listing  # the list stays, to pick another one
        assert caption_of(card).startswith(choice)


async def test_a_picture_telegram_cannot_fetch_leaves_the_card_as_text(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    fake.photos.fail_url(PLANK_PICTURE)
    async with running_bot(fake, library, db, site=SITE):
        [card] = await ask(fake, "/start ex-plank")
        assert card["text"].startswith("Plank\nBeginner")
        assert buttons(card)["🌐 Open on the website"].endswith("/exercises/plank/")
        [refused] = fake.requests_for("sendPhoto")
        assert refused.description == "Bad Request: failed to get HTTP URL content"
        card = await tap(fake, card, "Steps")  # the text card is edited in place
        assert card["text"].startswith("Plank") and "Steps" in card["text"]
        assert len(fake.messages(USER)) == 1
        await ask(fake, "plank")  # not tried again for a while: straight to text
        assert calls(fake, "sendPhoto") == 1


async def test_titles_with_markup_characters_reach_telegram_escaped(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    hostile = {"plank": {"title": "<Plank> & <b>co</b>", "description": "a < b & c > d"}}
    async with running_bot(fake, _library(library, hostile), db, site=SITE):
        [card] = await ask(fake, "/start ex-plank")
        assert caption_of(card).startswith("<Plank> & <b>co</b>\n")
        assert "&lt;Plank&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in card["html"]
        card = await tap(fake, card, "Steps")
        assert caption_of(card).startswith("<Plank> & <b>co</b>\n")
    assert all(r.ok for r in fake.requests if r.method != "getUpdates"), fake.describe_recent()


async def test_without_a_site_url_cards_are_text_as_before(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db):
        [card] = await ask(fake, "/start ex-inner-thigh-lifts")
        assert card["text"].startswith("Inner Thigh Lifts")
        assert not any("website" in label for label in buttons(card))
        assert buttons(card)["▶ Video"].startswith("https://www.youtube.com/")
        card = await tap(fake, card, "Steps")
        assert "Steps" in card["text"]
    assert calls(fake, "sendPhoto") == 0 and fake.photos.fetched == []


async def test_inline_results_show_the_picture_and_link_to_the_page(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER)
    async with running_bot(fake, library, db, site=SITE):
        fake.send_inline_query(USER, "plank")
        await fake.wait_for("answerInlineQuery")
        [answer] = fake.inline_answers
        plank = next(r for r in answer["results"] if r["id"] == "plank")
        assert plank["type"] == "article" and plank["thumbnail_url"] == PLANK_PICTURE
        content = plank["input_message_content"]
        assert content["link_preview_options"]["url"] == PLANK_PICTURE
        urls = [b["url"] for row in plank["reply_markup"]["inline_keyboard"] for b in row]
        assert "https://pilates.example.com/exercises/plank/" in urls
    fake.inline_answers.clear()
    async with running_bot(fake, library, db):
        fake.send_inline_query(USER, "plank")
        await fake.wait_for("answerInlineQuery")
        plank = next(r for r in fake.inline_answers[0]["results"] if r["id"] == "plank")
        assert "thumbnail_url" not in plank
        assert len(plank["reply_markup"]["inline_keyboard"]) == 1  # "Ask more in the bot"


async def test_a_continuation_the_user_deleted_is_sent_again_when_needed(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    fake.make_user(USER, language_code="es")
    async with running_bot(fake, library, db, site=SITE) as application:
        card, rest = await ask(fake, "/start ex-the-hundred")  # steps too continue in Spanish
        await application.bot.delete_message(USER, rest["message_id"])  # as the user may
        card = await tap(fake, card, "Pasos")
        assert caption_of(card).endswith("⬇ sigue abajo")
        card, again = fake.messages(USER)
        assert again["message_id"] > rest["message_id"] and again["text"].startswith("6.")
        assert all(r.ok for r in fake.requests_for("sendMessage"))


async def test_a_picture_is_tried_again_once_the_site_may_be_back(
    fake: FakeTelegram, library: Library, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.make_user(USER)
    fake.photos.fail_url(PLANK_PICTURE)
    async with running_bot(fake, library, db, site=SITE):
        [text] = await ask(fake, "/start ex-plank")
        assert "text" in text
        monkeypatch.setattr(pictures, "RETRY_FAILED", 0.0)  # the ten minutes have passed
        del fake.photos.unreachable[PLANK_PICTURE]
        [card] = await ask(fake, "/start ex-plank")
        assert caption_of(card).startswith("Plank")
        assert fake.photos.fetched == [PLANK_PICTURE]
