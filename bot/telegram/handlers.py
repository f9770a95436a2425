"""Thin handlers: read the update, ask the domain, send what the renderer made."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.answers import Answer, AnswerEngine, AnswerKind
from bot.callback_data import InvalidCallbackData, decode, encode
from bot.content import DEFAULT_LANG, Exercise, Level, Library, Section
from bot.favourites import FULL, FavouritesFull, FavouritesStore
from bot.i18n import N_, Translator, interface_languages, translator
from bot.render import (
    example_question,
    faq_entry,
    faq_list,
    favourites_list,
    forget_confirmation,
    help_reply,
    language_choice,
    notice,
    render,
)
from bot.reply import Action, ActionKind, Button, Reply
from bot.telegram.delivery import deliver

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
DEEP_LINK_PREFIX = "ex-"
INLINE_RESULTS = 10
ABOUT = "about"  # user_data key: the exercise the conversation is on, for "make it easier"
LANG = "lang"  # user_data key: the user's language, once looked up
EXPIRED = N_("This button no longer works. Send your question again.")
# The ids Telegram sends in place of a hidden sender: an anonymous group admin
# (GroupAnonymousBot), a channel writing in its group (Channel_Bot) and a channel's automatic
# forwards. Many people share each, so nothing personal is kept for them.
ANONYMOUS_SENDERS = frozenset({1087968824, 136817688, 777000})
ONLY_MATCH = N_("That's the only exercise that matches.")
PERSONAL_ONLY = N_(
    "You're writing anonymously here, so I can't keep favourites or settings for you. "
    "Saving needs a personal chat: message me privately."
)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([[_button(b) for b in row] for row in reply.buttons])


def _button(button: Button) -> InlineKeyboardButton:
    if button.url is not None:
        return InlineKeyboardButton(button.label, url=button.url)
    assert button.action is not None
    return InlineKeyboardButton(button.label, callback_data=encode(button.action))


async def send(message: Message, reply: Reply) -> None:
    """Reply in as many messages as the text needs, the buttons under the last one."""
    pieces = reply.html_pieces()
    for number, piece in enumerate(pieces, 1):
        markup = keyboard(reply) if number == len(pieces) else None
        await deliver(partial(message.reply_text, piece, reply_markup=markup))


async def replace(message: Message, reply: Reply) -> None:
    """Show `reply` in place of a card (a button press), the overflow as new messages."""
    first, *rest = reply.html_pieces()
    markup = keyboard(reply) if not rest else None
    try:
        await deliver(partial(message.edit_text, first, reply_markup=markup))
    except BadRequest as exc:
        if "not modified" not in exc.message:  # a second tap on the same button is harmless
            raise
    for number, piece in enumerate(rest, 1):
        markup = keyboard(reply) if number == len(rest) else None
        await deliver(partial(message.reply_text, piece, reply_markup=markup))


@dataclass(frozen=True, slots=True)
class Press:
    """One button press, decoded, with what every kind of press needs."""

    query: CallbackQuery
    user_id: int
    lang: str
    action: Action
    message: Message | None
    exercise: Exercise | None
    user_data: dict[Any, Any]

    @property
    def t(self) -> Translator:
        return translator(self.lang)


def telegram_language(update: Update) -> str:
    """The user's Telegram app language, if the bot speaks it, else English."""
    user = update.effective_user
    code = (user.language_code or "").split("-")[0].lower() if user else ""
    return code if code in interface_languages() else DEFAULT_LANG


def _card_exercise(message: Message | None) -> str | None:
    """The exercise of the card a button is under, as its Save button names it."""
    markup = message.reply_markup if message is not None else None
    for row in markup.inline_keyboard if markup is not None else ():
        for button in row:
            if not isinstance(button.callback_data, str):
                continue
            try:
                action = decode(button.callback_data)
            except InvalidCallbackData:
                continue
            if action.kind is ActionKind.SAVE:
                return action.exercise_id
    return None


def anonymous(update: Update) -> bool:
    """Whether the sender is hidden behind an id many people share (or a chat)."""
    user, message = update.effective_user, update.effective_message
    if message is not None and message.sender_chat is not None:
        return True
    return user is not None and user.id in ANONYMOUS_SENDERS


def _user_data(context: Context) -> dict[Any, Any]:
    return context.user_data if context.user_data is not None else {}


class Handlers:
    """Every handler, over one engine and one favourites store."""

    def __init__(self, engine: AnswerEngine, store: FavouritesStore) -> None:
        self.engine = engine
        self.store = store

    @property
    def library(self) -> Library:
        return self.engine.library

    async def _language(self, update: Update, context: Context) -> str:
        """Chosen with /language, else Telegram's language, else English (cached per user)."""
        user_data = _user_data(context)
        cached = user_data.get(LANG)
        if isinstance(cached, str):
            return cached
        user = update.effective_user
        stored = await self.store.language(user.id) if user else None
        lang = stored if stored in interface_languages() else telegram_language(update)
        user_data[LANG] = lang
        return lang

    async def _card(self, user_id: int, answer: Answer) -> Reply:
        exercise_id = answer.exercise.id if answer.exercise else None
        saved = (
            exercise_id is not None
            and user_id not in ANONYMOUS_SENDERS
            and await self.store.contains(user_id, exercise_id)
        )
        return render(answer, saved=saved)

    def _exercise_answer(
        self, exercise: Exercise, section: Section, lang: str, level: Level | None = None
    ) -> Answer:
        return Answer(AnswerKind.EXERCISE, lang, exercise=exercise, section=section, level=level)

    # --- commands ----------------------------------------------------------------------

    async def start(self, update: Update, context: Context) -> None:
        """/start, and /start ex-<slug> from the website's "Ask in Telegram" links."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = await self._language(update, context)
        payload = context.args[0] if context.args else ""
        if payload.startswith(DEEP_LINK_PREFIX):
            exercise = self.library.get(payload.removeprefix(DEEP_LINK_PREFIX), lang)
            if exercise is not None:
                _user_data(context)[ABOUT] = exercise.id
                answer = self._exercise_answer(exercise, Section.OVERVIEW, lang)
                await send(message, await self._card(user.id, answer))
                return
        _ = translator(lang)
        greeting = _("Hi {name}! I'm your Pilates assistant.", name=user.first_name or "")
        await send(message, help_reply(greeting, lang))

    async def help(self, update: Update, context: Context) -> None:
        """/help: what the bot can do."""
        if update.effective_message:
            lang = await self._language(update, context)
            await send(
                update.effective_message,
                help_reply(translator(lang)("Here is what I can do."), lang),
            )

    async def random(self, update: Update, context: Context) -> None:
        """/random [filters], e.g. /random beginner under 2 minutes."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = await self._language(update, context)
        filters = self.engine.filters_from(" ".join(context.args or ()), lang)
        answer = self.engine.random(filters, lang)
        if answer.exercise is not None:
            _user_data(context)[ABOUT] = answer.exercise.id
        await send(message, await self._card(user.id, answer))

    async def favourites(self, update: Update, context: Context) -> None:
        """/favorites: the user's saved exercises, each with a button."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or await self._refused_anonymous(update, context):
            return
        await send(message, await self._favourites(user.id, await self._language(update, context)))

    async def _favourites(self, user_id: int, lang: str) -> Reply:
        saved = await self.store.saved(user_id)
        return favourites_list(
            [(f.exercise_id, self.library.get(f.exercise_id, lang)) for f in saved], lang
        )

    async def forget(self, update: Update, context: Context) -> None:
        """/forget: asks before deleting everything stored about the user."""
        if update.effective_message and not await self._refused_anonymous(update, context):
            lang = await self._language(update, context)
            await send(update.effective_message, forget_confirmation(lang))

    async def language(self, update: Update, context: Context) -> None:
        """/language: choose the language of answers and buttons."""
        if update.effective_message and not await self._refused_anonymous(update, context):
            lang = await self._language(update, context)
            await send(update.effective_message, language_choice(lang, interface_languages(), lang))

    async def _refused_anonymous(self, update: Update, context: Context) -> bool:
        """Tells a hidden sender that saving needs a personal chat; whether it was one."""
        if not anonymous(update) or update.effective_message is None:
            return False
        _ = translator(await self._language(update, context))
        await send(update.effective_message, notice(_(PERSONAL_ONLY)))
        return True

    # --- messages ----------------------------------------------------------------------

    async def text(self, update: Update, context: Context) -> None:
        """Free text: the engine's answer as a card."""
        message, user, chat = update.effective_message, update.effective_user, update.effective_chat
        if message is None or user is None or chat is None or not message.text:
            return
        text = message.text
        if chat.type != ChatType.PRIVATE:
            addressed = self._addressed(message, context)
            if addressed is None:
                return  # group chatter not meant for us
            text = addressed
        lang = await self._language(update, context)
        user_data = _user_data(context)
        answer = self.engine.answer(text, lang, about=user_data.get(ABOUT))
        if answer.exercise is not None:
            user_data[ABOUT] = answer.exercise.id
        await send(message, await self._card(user.id, answer))

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
        if update.effective_message and chat is not None and chat.type == ChatType.PRIVATE:
            _ = translator(await self._language(update, context))
            text = _("I can only read text. Ask me about a Pilates exercise, or send /help.")
            await send(update.effective_message, notice(text))

    # --- buttons -----------------------------------------------------------------------

    async def button(self, update: Update, context: Context) -> None:
        """A button press: decode, act, answer the query, edit the card in place."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        lang = await self._language(update, context)
        try:
            action = decode(query.data or "")
        except InvalidCallbackData:
            await query.answer(translator(lang)(EXPIRED))
            return
        press = Press(
            query=query,
            user_id=user.id,
            lang=lang,
            action=action,
            message=query.message if isinstance(query.message, Message) else None,
            exercise=self.library.get(action.exercise_id, lang) if action.exercise_id else None,
            user_data=_user_data(context),
        )
        handle = {
            ActionKind.LANGUAGE: self._choose_language,
            ActionKind.EXAMPLE: self._ask_example,
            ActionKind.FORGET: self._forget,
            ActionKind.SAVE: self._toggle_save,
        }.get(action.kind, self._show)
        reply = await handle(press)
        if reply is not None and press.message is not None:
            await replace(press.message, reply)

    async def _choose_language(self, press: Press) -> Reply | None:
        if press.action.value not in interface_languages():
            await press.query.answer(press.t(EXPIRED))
            return None
        await self.store.set_language(press.user_id, press.action.value)
        press.user_data[LANG] = press.action.value
        await deliver(press.query.answer)
        _ = translator(press.action.value)
        return notice(_("Done: I'll answer in English from now on."))

    async def _ask_example(self, press: Press) -> Reply | None:
        question = example_question(press.action.index, press.lang)
        if question is None:
            await press.query.answer(press.t(EXPIRED))
            return None
        await deliver(press.query.answer)
        return await self._reply_to(press, self.engine.answer(question, press.lang))

    async def _forget(self, press: Press) -> Reply | None:
        _ = press.t
        await deliver(press.query.answer)
        if not press.action.index:
            return notice(_("Nothing was deleted."))
        removed = await self.store.forget(press.user_id)
        press.user_data.clear()
        return notice(
            _("Done: everything stored about you is deleted ({count} favourite(s)).", count=removed)
        )

    async def _toggle_save(self, press: Press) -> Reply | None:
        _ = press.t
        if press.user_id in ANONYMOUS_SENDERS:
            await press.query.answer(_(PERSONAL_ONLY), show_alert=True)
            return None
        if press.exercise is None:
            # Not an exercise (removed from the content, or forged data): it can only be unsaved.
            if not await self.store.remove(press.user_id, press.action.exercise_id):
                await press.query.answer(_("That exercise is no longer available."))
                return None
            saved = False
        else:
            try:
                saved = await self.store.toggle(press.user_id, press.exercise.id)
            except FavouritesFull as full:
                await press.query.answer(_(FULL, limit=full.limit), show_alert=True)
                return None
        await press.query.answer(
            "★ " + _("Saved to /favorites") if saved else _("Removed from favourites")
        )
        if press.exercise is None:  # removed from the content: refresh the favourites list
            return await self._favourites(press.user_id, press.lang)
        section = press.action.section or Section.OVERVIEW
        answer = self._exercise_answer(press.exercise, section, press.lang, press.action.level)
        return render(answer, saved=saved)

    async def _show(self, press: Press) -> Reply | None:
        """Another part of a card, its questions, or another random pick."""
        action, exercise, lang = press.action, press.exercise, press.lang
        if action.kind is ActionKind.RANDOM:
            return await self._another(press)
        if exercise is None:
            _ = press.t
            await press.query.answer(_("That exercise is no longer available."))
            return None
        await deliver(press.query.answer)
        press.user_data[ABOUT] = action.exercise_id
        if action.kind is ActionKind.FAQ_LIST:
            return faq_list(exercise, action.exercise_id, lang)
        if action.kind is ActionKind.FAQ:
            entry = faq_entry(exercise, action.exercise_id, action.index, lang)
            return entry or faq_list(exercise, action.exercise_id, lang)
        section = action.section or Section.OVERVIEW
        return await self._reply_to(
            press, self._exercise_answer(exercise, section, lang, action.level)
        )

    async def _another(self, press: Press) -> Reply | None:
        """Another random pick, never the one on screen (unless it is the only match)."""
        filters, lang = press.action.filters, press.lang
        shown = _card_exercise(press.message)
        pool = [e for e in self.library.catalogue(lang) if filters.accepts(e)]
        if shown is not None and [e.id for e in pool] == [shown]:
            await press.query.answer(press.t(ONLY_MATCH))  # the same card again would be a no-op
            return None
        answer = self.engine.random(filters, lang)
        for _attempt in range(20):  # with two or more to choose from, one differs soon enough
            if answer.exercise is None or answer.exercise.id != shown:
                break
            answer = self.engine.random(filters, lang)
        await deliver(press.query.answer)
        return await self._reply_to(press, answer)

    async def _reply_to(self, press: Press, answer: Answer) -> Reply:
        if answer.exercise is not None:
            press.user_data[ABOUT] = answer.exercise.id
        return await self._card(press.user_id, answer)

    # --- inline mode -------------------------------------------------------------------

    async def inline(self, update: Update, context: Context) -> None:
        """@bot <query> in any chat: up to 10 exercise cards; popular ones for an empty query."""
        query = update.inline_query
        if query is None:
            return
        lang = await self._language(update, context)
        if query.query.strip():
            found = list(self.engine.search(query.query, lang, INLINE_RESULTS))
        else:
            most_saved = await self.store.popular(INLINE_RESULTS)
            found = list(self.engine.popular(most_saved, lang, INLINE_RESULTS))
        results = []
        for exercise in found[:INLINE_RESULTS]:
            exercise_id = exercise.id
            card = render(self._exercise_answer(exercise, Section.OVERVIEW, lang))
            open_in_bot = InlineKeyboardButton(
                translator(lang)("Ask more in the bot"),
                url=f"https://t.me/{context.bot.username}?start={DEEP_LINK_PREFIX}{exercise_id}",
            )
            results.append(
                InlineQueryResultArticle(
                    id=exercise_id,
                    title=exercise.title,
                    description=exercise.description,
                    input_message_content=InputTextMessageContent(
                        card.html_pieces()[0], parse_mode=ParseMode.HTML
                    ),
                    reply_markup=InlineKeyboardMarkup([[open_in_bot]]),
                )
            )
        await deliver(
            partial(query.answer, results, cache_time=60, is_personal=not query.query.strip())
        )
