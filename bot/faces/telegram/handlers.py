"""Thin handlers: who and what from the update, in to the conversation, its reply out."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes, ExtBot

from bot.content import DEFAULT_LANG
from bot.conversation.actions import ActionTooLong, encode
from bot.conversation.conversation import Conversation, Outcome, Person
from bot.conversation.i18n import interface_languages, translator
from bot.conversation.reply import Button, Reply
from bot.faces.telegram.delivery import deliver
from bot.faces.telegram.pacing import BOT_INITIATED
from bot.faces.telegram.pictures import Pictures

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
DEEP_LINK_PREFIX = "ex-"
INLINE_RESULTS = 10
# The ids Telegram sends in place of a hidden sender: an anonymous group admin
# (GroupAnonymousBot), a channel writing in its group (Channel_Bot) and a channel's automatic
# forwards. Many people share each, so nothing personal is kept for them.
ANONYMOUS_SENDERS = frozenset({1087968824, 136817688, 777000})
# Keyboards remembered: every card of an exercise in a language comes with the same few, and
# building one (and its dict form for the request) was about a tenth of the bot's CPU.
KEYBOARDS_KEPT = 4096
Buttons = tuple[tuple[Button, ...], ...]


def telegram_language(update: Update) -> str:
    """The user's Telegram app language, if the bot speaks it, else English."""
    user = update.effective_user
    code = (user.language_code or "").split("-")[0].lower() if user else ""
    return code if code in interface_languages() else DEFAULT_LANG


def anonymous(update: Update) -> bool:
    """Whether the sender is hidden behind an id many people share (or a chat)."""
    user, message = update.effective_user, update.effective_message
    if message is not None and message.sender_chat is not None:
        return True
    return user is not None and user.id in ANONYMOUS_SENDERS


def person(update: Update) -> Person | None:
    """Who is talking, as the conversation knows people."""
    user = update.effective_user
    if user is None:
        return None
    return Person(user.id, telegram_language(update), not anonymous(update), user.first_name or "")


def _same_page(message: Message, reply: Reply) -> bool:
    """Whether `message` shows the page `reply` is about: a web link of its buttons is one of
    the reply's (the page on the website)."""
    markup = message.reply_markup
    shown = {b.url for row in markup.inline_keyboard for b in row} if markup else set()
    return any(link.url in shown for link in reply.links)


def _callback_data(message: Message | None) -> list[str]:
    """The data of every button under a message (the card a button was pressed on)."""
    markup = message.reply_markup if message is not None else None
    rows = markup.inline_keyboard if markup is not None else ()
    return [b.callback_data for row in rows for b in row if isinstance(b.callback_data, str)]


class SentKeyboard(InlineKeyboardMarkup):
    """A keyboard that is sent again and again: frozen, so its dict form is made once."""

    __slots__ = ("_as_dict",)

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if not recursive:
            return super().to_dict(recursive=False)
        try:
            return self._as_dict  # read only: a request's parameters are only serialised
        except AttributeError:
            self._as_dict: dict[str, Any] = super().to_dict()
            return self._as_dict


class Handlers:
    """Every handler: each reads its update, asks the conversation, and shows the reply."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.pictures = Pictures()
        # The same buttons make the same keyboard for anyone: labels and data name exercises,
        # parts and languages, never a user. Most recently used last.
        self._keyboards: OrderedDict[Buttons, SentKeyboard] = OrderedDict()

    # --- showing replies -----------------------------------------------------------------

    async def keyboard(self, reply: Reply) -> InlineKeyboardMarkup | None:
        if not reply.buttons:
            return None
        markup = self._keyboards.get(reply.buttons)
        if markup is not None:
            self._keyboards.move_to_end(reply.buttons)
            return markup
        rows = []
        lasting = True  # no button's data is kept server-side (that expires)
        for row in reply.buttons:
            buttons = []
            for button in row:
                if button.url is not None:
                    buttons.append(InlineKeyboardButton(button.label, url=button.url))
                elif button.action is not None:
                    try:
                        data = encode(button.action)
                    except ActionTooLong:
                        data = await self.conversation.button_data(button.action)
                        lasting = False
                    buttons.append(InlineKeyboardButton(button.label, callback_data=data))
            rows.append(buttons)
        markup = SentKeyboard(rows)
        if lasting:
            self._keyboards[reply.buttons] = markup
            if len(self._keyboards) > KEYBOARDS_KEPT:
                self._keyboards.popitem(last=False)
        return markup

    async def send(self, message: Message, reply: Reply) -> None:
        """Reply in as many messages as the text needs, the buttons under the last one; a
        reply with a picture as a photo card (pictures.py)."""
        markup = await self.keyboard(reply)
        if await self.pictures.send(message, reply, markup):
            return
        pieces = reply.html_pieces()
        for number, piece in enumerate(pieces, 1):
            last = number == len(pieces)
            await deliver(partial(message.reply_text, piece, reply_markup=markup if last else None))

    async def replace(self, message: Message, reply: Reply) -> None:
        """Show `reply` in place of a card (a button press), the overflow as new messages."""
        if message.photo:
            if await self.pictures.replace(message, reply, await self.keyboard(reply)):
                return
            # A photo cannot be taken away (the reply has none, or Telegram could not fetch
            # it): the reply comes as a new message, the photo card stays as it was.
            await self.send(message, reply)
            return
        if self.pictures.showable(reply) and not _same_page(message, reply):
            # A text message cannot become a photo: the card of a page picked from a list (or
            # from a card of another page) comes as a new photo card below, and the list stays
            # to pick from again. A text card of the same page (sent while its picture could
            # not be fetched) is edited in place instead, so its presses do not pile up cards.
            await self.send(message, reply)
            return
        first, *rest = reply.html_pieces()
        markup = await self.keyboard(reply) if not rest else None
        try:
            await deliver(partial(message.edit_text, first, reply_markup=markup))
        except BadRequest as exc:
            if "not modified" not in exc.message:  # a second tap on the same button is harmless
                raise
        for number, piece in enumerate(rest, 1):
            markup = await self.keyboard(reply) if number == len(rest) else None
            await deliver(partial(message.reply_text, piece, reply_markup=markup))

    async def _reply(self, update: Update, make: Callable[[Person], Awaitable[Reply]]) -> None:
        """Send the reply `make` gives for the sender, if there is a sender and a message."""
        who, message = person(update), update.effective_message
        if who is not None and message is not None:
            await self.send(message, await make(who))

    # --- commands ------------------------------------------------------------------------

    async def start(self, update: Update, context: Context) -> None:
        """/start, and /start ex-<slug> from the website's "Ask in Telegram" links."""
        payload = context.args[0] if context.args else ""

        async def reply(who: Person) -> Reply:
            card = None
            if payload.startswith(DEEP_LINK_PREFIX):
                card = await self.conversation.open(who, payload.removeprefix(DEEP_LINK_PREFIX))
            return card or await self.conversation.greet(who)

        await self._reply(update, reply)

    async def help(self, update: Update, context: Context) -> None:
        """/help: what the bot can do."""
        await self._reply(update, self.conversation.help)

    async def random(self, update: Update, context: Context) -> None:
        """/random [filters], e.g. /random beginner under 2 minutes."""
        filters = " ".join(context.args or ())
        await self._reply(update, lambda who: self.conversation.random(who, filters))

    async def session(self, update: Update, context: Context) -> None:
        """/session [length level focus], e.g. /session 20 intermediate core."""
        text = " ".join(context.args or ())
        await self._reply(update, lambda who: self.conversation.session(who, text))

    async def progress(self, update: Update, context: Context) -> None:
        """/progress: the figures, then the picture of the last 8 weeks."""
        who, message = person(update), update.effective_message
        if who is None or message is None:
            return
        reply, picture = await self.conversation.progress(who)
        await self.send(message, reply)
        if picture is not None:
            await deliver(partial(message.reply_photo, picture))

    async def remind(self, update: Update, context: Context) -> None:
        """/remind 07:30 [city], /remind off, /remind."""
        text = " ".join(context.args or ())
        await self._reply(update, lambda who: self.conversation.remind(who, text))

    async def send_reminders(self, bot: ExtBot[Any]) -> None:
        """Send the reminders that are due (run by the scheduler: on one worker at a time)."""
        for reminder, reply in await self.conversation.due_reminders():
            try:
                for piece in reply.html_pieces():
                    await deliver(
                        partial(
                            bot.send_message,
                            reminder.chat_id,
                            piece,
                            reply_markup=await self.keyboard(reply),
                            rate_limit_args=BOT_INITIATED,  # Telegram's ~30 a second in bulk
                        )
                    )
            except Forbidden:  # the user blocked the bot: stop reminding them
                await self.conversation.store.remove_reminder(reminder.user_id)
            except TelegramError as exc:
                log.warning("reminder to %d not sent: %s", reminder.user_id, exc)

    async def sessions(self, update: Update, context: Context) -> None:
        """/sessions: the sessions the user saved."""
        await self._reply(update, self.conversation.sessions)

    async def favourites(self, update: Update, context: Context) -> None:
        """/favorites: the user's saved exercises, each with a button."""
        await self._reply(update, self.conversation.favourites)

    async def forget(self, update: Update, context: Context) -> None:
        """/forget: asks before deleting everything stored about the user."""
        await self._reply(update, self.conversation.ask_forget)

    async def language(self, update: Update, context: Context) -> None:
        """/language: choose the language of answers and buttons."""
        await self._reply(update, self.conversation.ask_language)

    # --- messages ------------------------------------------------------------------------

    async def text(self, update: Update, context: Context) -> None:
        """Free text: the conversation's reply."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not message.text:
            return
        text = message.text
        if chat.type != ChatType.PRIVATE:
            addressed = self._addressed(message, context)
            if addressed is None:
                return  # group chatter not meant for us
            text = addressed
        await self._reply(update, lambda who: self.conversation.say(who, text))

    def _addressed(self, message: Message, context: Context) -> str | None:
        """The text of a group message meant for the bot (mention removed), else None."""
        mention = f"@{context.bot.username}".lower()
        text = message.text or ""
        # Telegram marks each @username as an entity: the whole name must be ours, so
        # "@fake_test_bot_helper" does not wake @fake_test_bot.
        for entity, said in message.parse_entities([MessageEntity.MENTION]).items():
            if said.lower() == mention:
                # Offsets are in UTF-16 code units, as are those of `said`.
                encoded = text.encode("utf-16-le")
                start, end = entity.offset * 2, (entity.offset + entity.length) * 2
                return (encoded[:start] + encoded[end:]).decode("utf-16-le").strip()
        replied = message.reply_to_message
        if (
            replied is not None
            and replied.from_user is not None
            and replied.from_user.id == context.bot.id
        ):
            return text
        return None

    async def unsupported(self, update: Update, context: Context) -> None:
        """Stickers, photos, voice, locations...: say what the bot reads."""
        chat = update.effective_chat
        if chat is not None and chat.type == ChatType.PRIVATE:
            await self._reply(update, self.conversation.unsupported)

    # --- buttons -------------------------------------------------------------------------

    async def button(self, update: Update, context: Context) -> None:
        """A button press: the conversation acts, the query is answered, the card edited."""
        query, who = update.callback_query, person(update)
        if query is None or who is None:
            return
        message = query.message if isinstance(query.message, Message) else None
        place = f"{message.chat_id}:{message.message_id}" if message is not None else None
        outcome: Outcome = await self.conversation.press_data(
            who, query.data or "", _callback_data(message), place
        )
        await deliver(partial(query.answer, outcome.note, show_alert=outcome.alert or None))
        if outcome.reply is not None and message is not None:
            await self.replace(message, outcome.reply)
        if outcome.follow_up is not None and message is not None:
            await self.send(message, outcome.follow_up)

    # --- the countdown of sessions in progress --------------------------------------------

    async def practice_clock(self, bot: ExtBot[Any]) -> None:
        """Redraw the countdown of every session in progress that is due, and move on to the
        next exercise when the time is up (run by the scheduler: on one worker at a time)."""
        for run in await self.conversation.store.running():
            shown = await self.conversation.practice.tick(run)
            if shown is None or shown.place is None:
                continue
            chat_id, message_id = (int(part) for part in shown.place.split(":"))
            first, *_rest = shown.reply.html_pieces()
            markup = await self.keyboard(shown.reply)
            try:
                # A message the bot starts itself: it also counts against the global limit.
                await deliver(
                    partial(
                        bot.edit_message_text,
                        first,
                        chat_id=chat_id,
                        message_id=message_id,
                        reply_markup=markup,
                        rate_limit_args=BOT_INITIATED,
                    )
                )
            except BadRequest as exc:  # deleted by the user, or the same text again
                log.info("practice clock: card of user %d not redrawn: %s", run.user_id, exc)
            except TelegramError as exc:
                log.warning("practice clock: card of user %d: %s", run.user_id, exc)

    # --- inline mode ---------------------------------------------------------------------

    async def inline(self, update: Update, context: Context) -> None:
        """@bot <query> in any chat: up to 10 exercise cards; popular ones for an empty query."""
        query, who = update.inline_query, person(update)
        if query is None or who is None:
            return
        lang = await self.conversation.language(who)
        found = await self.conversation.search(who, query.query, INLINE_RESULTS)
        results = []
        for exercise, card in found:
            open_in_bot = InlineKeyboardButton(
                translator(lang)("Ask more in the bot"),
                url=f"https://t.me/{context.bot.username}?start={DEEP_LINK_PREFIX}{exercise.id}",
            )
            links = (
                [[InlineKeyboardButton(link.label, url=link.url)] for link in card.links]
                if self.conversation.site is not None  # without a site, the message as before
                else []
            )
            # Articles, not photo results: people pick an exercise by its name, which a grid of
            # photos hides. The picture is the article's thumbnail, and the message it sends
            # shows it as a large preview above the card (Telegram fetches it like a photo).
            picture = card.picture.url if card.picture else None
            preview = (
                LinkPreviewOptions(url=picture, prefer_large_media=True, show_above_text=True)
                if picture
                else None
            )
            results.append(
                InlineQueryResultArticle(
                    id=exercise.id,
                    title=exercise.title,
                    description=exercise.description,
                    input_message_content=InputTextMessageContent(
                        card.html_pieces()[0],
                        parse_mode=ParseMode.HTML,
                        link_preview_options=preview,
                    ),
                    reply_markup=InlineKeyboardMarkup([[open_in_bot], *links]),
                    thumbnail_url=picture,
                )
            )
        await deliver(
            partial(query.answer, results, cache_time=60, is_personal=not query.query.strip())
        )
