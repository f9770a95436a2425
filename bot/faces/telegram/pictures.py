"""Cards with a picture: a photo whose caption is the card, edited in place by its buttons.

Telegram gives a caption 1024 characters and a message 4096, and never turns a text message
into a photo or takes a photo away. So:

- A card with a picture is sent as a photo, its buttons under it. A card longer than a caption
  fills the caption line by line, says "continued below" on its last line, and goes on in a
  plain message below (no buttons: the photo stays the card).
- A press on a photo card edits its caption (editMessageCaption), or its photo and caption
  (editMessageMedia) when the reply shows another page. A part longer than a caption is shown
  the same way as when sent: the caption up to the limit, the rest below. The message that
  continues a card is remembered, so the next press edits it in place, or deletes it when the
  part now fits: a card has one continuation at most and presses never pile up messages. The
  memory is this process's (bounded, and gone on a restart), so after a restart, or when a
  press reaches another worker, a card's old continuation is left as it was and a new one is
  sent if needed: a stale message at worst, never a failed press.
- We chose this over pages inside the caption (a "More" button): the card reads as one text, the
  bundled Spanish overviews (32 of 48 longer than a caption) need no extra tap, and it is the
  same rule for a sent card and an edited one.

Telegram fetches a picture from the site itself. The file_id it returns is kept per URL and
sent instead next time (no second download, and a photo's identity to tell "same page" edits
from "another page" ones). A picture Telegram cannot fetch (the site is down, the file is
missing) makes the card go out as text, and is not tried again for `RETRY_FAILED` seconds.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from telegram import InlineKeyboardMarkup, InputMediaPhoto, Message
from telegram.error import BadRequest, TelegramError

from bot.conversation.reply import Reply
from bot.faces.telegram.delivery import deliver, deliver_read

log = logging.getLogger(__name__)
RETRY_FAILED = 600.0  # seconds before a picture Telegram could not fetch is tried again
KEEP_CONTINUATIONS = 10_000  # cards whose continuation is remembered, newest kept
# Words of Telegram's refusals that are about the photo itself ("Wrong file identifier/http
# url specified", "Failed to get http url content", "Wrong type of the web page content",
# "Photo_invalid_dimensions", "Image_process_failed"); not about the caption or the buttons.
PHOTO_TROUBLE = ("url", "file", "photo", "image", "web page", "media")


@dataclass(frozen=True, slots=True)
class _Photo:
    """What Telegram made of a picture URL: the file_id to send again, and its identity."""

    file_id: str
    unique_id: str


class Pictures:
    """Sends and edits photo cards for one bot; safe to share between concurrent updates."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._photos: dict[str, _Photo] = {}  # picture URL -> Telegram's photo
        self._failed: dict[str, float] = {}  # picture URL -> when Telegram could not fetch it
        # (chat id, card message id) -> the ids of the messages continuing that card
        self._continuations: OrderedDict[tuple[int, int], tuple[int, ...]] = OrderedDict()

    def showable(self, reply: Reply) -> bool:
        """Whether `reply` goes out as a photo (it has a picture Telegram could fetch lately)."""
        if reply.picture is None:
            return False
        failed = self._failed.get(reply.picture.url)
        return failed is None or self._clock() - failed > RETRY_FAILED

    async def send(
        self, message: Message, reply: Reply, markup: InlineKeyboardMarkup | None
    ) -> bool:
        """Send `reply` as a photo card in `message`'s chat; False (nothing sent) when it has no
        picture Telegram can show, so the caller sends it as text."""
        if reply.picture is None or not self.showable(reply):
            return False
        caption, *rest = reply.caption_pieces() or [""]
        url = reply.picture.url
        try:
            sent = await self._send_photo(message, url, caption, markup)
        except BadRequest as exc:
            if not _about_the_photo(exc):
                raise
            self._fetch_failed(url, exc)
            return False
        self._remember(url, sent)
        await self._continue(sent, rest)
        return True

    async def replace(
        self, message: Message, reply: Reply, markup: InlineKeyboardMarkup | None
    ) -> bool:
        """Show `reply` in place of the photo card `message`: its caption edited, its photo too
        when the picture differs. False (nothing changed) when the new picture cannot be shown,
        so the caller sends the reply anew."""
        if reply.picture is None or not message.photo:
            return False
        url = reply.picture.url
        known = self._photos.get(url)
        same = known is not None and message.photo[-1].file_unique_id == known.unique_id
        if not same and not self.showable(reply):
            return False
        caption, *rest = reply.caption_pieces() or [""]
        try:
            if same:
                await deliver(partial(message.edit_caption, caption, reply_markup=markup))
            else:
                # After a restart the photo on screen is not known: it is set again from the
                # file_id or URL, which shows the right picture either way.
                media = InputMediaPhoto(known.file_id if known else url, caption=caption)
                edited = await deliver_read(partial(message.edit_media, media, reply_markup=markup))
                if isinstance(edited, Message):
                    self._remember(url, edited)
        except BadRequest as exc:
            if "not modified" in exc.message:  # a second tap on the same button is harmless
                pass
            elif not same and _about_the_photo(exc):
                self._fetch_failed(url, exc)
                return False
            else:
                raise
        await self._continue(message, rest)
        return True

    async def _send_photo(
        self, message: Message, url: str, caption: str, markup: InlineKeyboardMarkup | None
    ) -> Message:
        known = self._photos.get(url)
        if known is not None:
            try:
                return await deliver_read(
                    partial(
                        message.reply_photo,
                        known.file_id,
                        caption=caption or None,
                        reply_markup=markup,
                    )
                )
            except BadRequest as exc:
                if not _about_the_photo(exc):
                    raise
                # A file_id Telegram no longer takes: forget it and let it fetch the URL.
                del self._photos[url]
        return await deliver_read(
            partial(message.reply_photo, url, caption=caption or None, reply_markup=markup)
        )

    def _remember(self, url: str, sent: Message) -> None:
        if sent.photo:
            largest = sent.photo[-1]
            self._photos[url] = _Photo(largest.file_id, largest.file_unique_id)
        self._failed.pop(url, None)

    def _fetch_failed(self, url: str, exc: BadRequest) -> None:
        log.warning("picture not shown, the card goes out as text: %s (%s)", url, exc.message)
        self._failed[url] = self._clock()

    async def _continue(self, card: Message, pieces: list[str]) -> None:
        """The messages below `card` hold `pieces`: its last continuation edited in place (or
        deleted when no longer needed), new ones sent for what is left."""
        key = (card.chat_id, card.message_id)
        old = self._continuations.pop(key, ())
        kept: list[int] = []
        for index, piece in enumerate(pieces):
            if index < len(old) and await self._edit(card, old[index], piece):
                kept.append(old[index])
                continue
            sent = await deliver_read(partial(card.reply_text, piece))
            kept.append(sent.message_id)
        stale = list(old[len(pieces) :])
        if stale:
            try:
                await deliver(partial(card.get_bot().delete_messages, card.chat_id, stale))
            except TelegramError as exc:  # too old to delete, or deleted already
                log.info("old continuation of a card left in place: %s", exc)
        if kept:
            self._continuations[key] = tuple(kept)
            while len(self._continuations) > KEEP_CONTINUATIONS:
                self._continuations.popitem(last=False)

    async def _edit(self, card: Message, message_id: int, piece: str) -> bool:
        """Edit a continuation; False when it is gone (deleted by the user), so a new one is
        sent instead."""
        edit = card.get_bot().edit_message_text
        try:
            await deliver(partial(edit, piece, chat_id=card.chat_id, message_id=message_id))
        except BadRequest as exc:
            return "not modified" in exc.message
        return True


def _about_the_photo(exc: BadRequest) -> bool:
    words = exc.message.lower()
    return "button" not in words and any(word in words for word in PHOTO_TROUBLE)
