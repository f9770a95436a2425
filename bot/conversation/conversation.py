"""One conversation behind every face: what each user has on screen, their language and
favourites, and the reply to each message or button press.

Faces (bot/faces/telegram/handlers.py, bot/faces/console.py, the tests) only move text and
presses in and replies out: they say who is talking (`Person`), hand over a message or a
decoded `Action`, and show the `Reply` (or the `Outcome` of a press) however they can.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from bot.content import DEFAULT_LANG, Exercise, Level, Library, Section, Website
from bot.conversation.actions import (
    Action,
    ActionTooLong,
    Another,
    AnotherSession,
    AskExample,
    Choose,
    ChooseLanguage,
    ChooseZone,
    Forget,
    InvalidCallbackData,
    Kept,
    MySessions,
    Practise,
    Rate,
    SaveSession,
    SetSaved,
    ShowFaq,
    ShowFaqs,
    ShowSection,
    SkipNote,
    StartSession,
    ToggleSave,
    decode,
    encode,
)
from bot.conversation.feedback import (
    NOTE_TAKEN,
    SKIPPED,
    THANKS,
    AnswerLog,
    decorate,
    note_request,
    rated_entry,
    with_rating,
)
from bot.conversation.i18n import N_, Translator, interface_languages, translator
from bot.conversation.practice import Practice
from bot.conversation.progress import chart_png, progress, progress_reply
from bot.conversation.reminders import (
    COMMON_ZONES,
    clock_text,
    due_action,
    next_time,
    parse,
    valid_zone,
    zone_for,
)
from bot.conversation.render import (
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
from bot.conversation.reply import Button, Choice, Part, Reply, Span, Style
from bot.conversation.screens import Screen, Screens, screens_for
from bot.conversation.session_cards import my_sessions, session_card
from bot.engine import Answer, AnswerEngine, AnswerKind
from bot.engine.sessions import Session, SessionRequest
from bot.store import FavouritesFull, Reminder, Store

# What the user is told when the store refuses or fails.
FULL = N_("You have {limit} favourites, the most I keep. Remove one in /favorites first.")
STORE_FAILED = N_("I couldn't reach your favourites just now. Please try again in a minute.")

EXPIRED = N_("This button no longer works. Send your question again.")
NOT_AVAILABLE = N_("That exercise is no longer available.")
ONLY_MATCH = N_("That's the only exercise that matches.")
PERSONAL_ONLY = N_(
    "You're writing anonymously here, so I can't keep favourites or settings for you. "
    "Saving needs a personal chat: message me privately."
)
NOT_KNOWN = N_("I don't know an exercise called {name}.")
LETS_GO = N_("Let's go!")
SESSION_OVER = N_("This session is over. Ask for a new one, or see /sessions.")
SESSIONS_FULL = N_("You keep 50 sessions, the most I keep. Remove one in /sessions first.")
KEPT_FOR = 30 * 24 * 60 * 60  # seconds a long button's state is kept server-side


@dataclass(frozen=True, slots=True)
class Person:
    """Who is talking: an id, the language their app uses, and whether the id is theirs alone."""

    id: int
    lang_hint: str = DEFAULT_LANG  # used until they choose one with /language
    personal: bool = True  # False: an id many people share (anonymous admins, channels)
    name: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a button press does: a short note on the press, and the reply that replaces the card."""

    reply: Reply | None = None
    note: str | None = None
    alert: bool = False  # the note must be read (shown as a dialog where a face can)
    follow_up: Reply | None = None  # a new message after it (the card stays as it is)


@dataclass(frozen=True, slots=True)
class Press:
    """A button press: who, in which language, and the actions of the card it was under."""

    person: Person
    lang: str
    card: tuple[Action, ...] = field(default=())
    place: str | None = None  # where the card is shown (a face's own reference)

    @property
    def t(self) -> Translator:
        return translator(self.lang)


A = TypeVar("A", bound=Action)
PressHandler = Callable[["Conversation", Press, A], Awaitable[Outcome]]
_HANDLERS: dict[type[Action], PressHandler[Any]] = {}


def handles(kind: type[A]) -> Callable[[PressHandler[A]], PressHandler[A]]:
    """Registers the method below as what a press of a `kind` button does."""

    def register(handler: PressHandler[A]) -> PressHandler[A]:
        _HANDLERS[kind] = handler
        return handler

    return register


class Conversation:
    """Every user's conversation with the bot, over one engine and one store."""

    def __init__(
        self,
        engine: AnswerEngine,
        store: Store,
        screens: Screens | None = None,
        *,
        site: Website | None = None,
        answer_log: AnswerLog | None = None,
    ) -> None:
        # Replaced whole when the content is reloaded (bot/content/reload.py): an answer reads
        # `self.engine` once, so it finishes on the library it started with.
        self.engine = engine
        self.store = store
        self.screens = screens or screens_for(store)
        self.answers = answer_log or AnswerLog(store)
        # The store's clock: tests move it, and every worker agrees on wall-clock time.
        self.practice = Practice(store, lambda: self.engine.library, lambda: store.clock())
        self.site = site  # where the pages are published: pictures and links, when known

    @property
    def library(self) -> Library:
        return self.engine.library

    async def screen(self, person: Person) -> tuple[Screen, str]:
        """What the person has on screen, and the language to answer them in: the one chosen
        with /language, else their app's if spoken here, else English."""
        screen = await self.screens.get(person.id)
        spoken = interface_languages()
        if screen.lang is not None and screen.lang in spoken:
            return screen, screen.lang
        return screen, person.lang_hint if person.lang_hint in spoken else DEFAULT_LANG

    async def language(self, person: Person) -> str:
        return (await self.screen(person))[1]

    # --- messages and commands -----------------------------------------------------------

    async def say(self, person: Person, text: str) -> Reply:
        """The reply to a message; a card becomes what is on screen. Every answer is logged
        (bot/conversation/feedback.py); a message answering "what was missing?" is a note."""
        screen, lang = await self.screen(person)
        if await self.answers.take_note(person.id, text):
            return notice(translator(lang)(NOTE_TAKEN))
        answer = self.engine.answer(text, lang, about=screen.about)
        entry = await self.answers.record(person.id, text, answer)
        return decorate(await self._show(person, answer), answer, entry)

    async def open(self, person: Person, exercise_id: str) -> Reply | None:
        """An exercise's card by id (a link from the website), or None when there is none."""
        lang = await self.language(person)
        exercise = self.library.get(exercise_id, lang)
        if exercise is None:
            return None
        return await self._show(person, _card_of(exercise, lang))

    async def greet(self, person: Person) -> Reply:
        _ = translator(await self.language(person))
        greeting = _("Hi {name}! I'm your Pilates assistant.", name=person.name)
        return await self.help(person, greeting)

    async def help(self, person: Person, opening: str | None = None) -> Reply:
        lang = await self.language(person)
        return help_reply(opening or translator(lang)("Here is what I can do."), lang)

    async def random(self, person: Person, filters: str) -> Reply:
        """A random exercise under the filters written ("beginner under 2 minutes")."""
        lang = await self.language(person)
        answer = self.engine.random(self.engine.filters_from(filters, lang), lang)
        await self.answers.record(person.id, f"/random {filters}", answer)
        return await self._show(person, answer)

    async def favourites(self, person: Person) -> Reply:
        if not person.personal:
            return await self._personal_only(person)
        lang = await self.language(person)
        saved = await self.store.saved(person.id)
        return favourites_list(
            [(f.exercise_id, self.library.get(f.exercise_id, lang)) for f in saved], lang
        )

    async def save(self, person: Person, name: str, *, keep: bool = True) -> Reply:
        """/fav NAME, /unfav NAME (the name read like any message); no name: the card on screen."""
        if not person.personal:
            return await self._personal_only(person)
        screen, lang = await self.screen(person)
        _ = translator(lang)
        about = screen.about
        if not name.strip():
            if about is None:
                return notice(_("Ask about an exercise first, then /fav saves it."))
            exercise = self.library.get(about, lang)
        else:
            answer = self.engine.answer(name, lang, about=about)
            if answer.kind is AnswerKind.SUGGESTIONS:
                return render(answer)
            exercise = answer.exercise
            if exercise is None:
                return notice(_(NOT_KNOWN, name=name.strip()))
        exercise_id = exercise.id if exercise is not None else about or ""
        title = exercise.title if exercise is not None else exercise_id
        if not keep:
            await self.store.remove(person.id, exercise_id)
            return notice(_("Removed {title} from your favourites.", title=title))
        try:
            await self.store.add(person.id, exercise_id)
        except FavouritesFull as full:
            return notice(_(FULL, limit=full.limit))
        return notice("★ " + _("Saved {title}.", title=title))

    async def ask_forget(self, person: Person) -> Reply:
        """/forget: asks first (yes or no), the press of the answer deletes."""
        if not person.personal:
            return await self._personal_only(person)
        return forget_confirmation(await self.language(person))

    async def ask_language(self, person: Person) -> Reply:
        if not person.personal:
            return await self._personal_only(person)
        lang = await self.language(person)
        return language_choice(lang, interface_languages(), lang)

    async def unsupported(self, person: Person) -> Reply:
        """Stickers, photos, voice...: what the bot reads."""
        _ = translator(await self.language(person))
        return notice(_("I can only read text. Ask me about a Pilates exercise, or send /help."))

    async def search(self, person: Person, query: str, limit: int) -> list[tuple[Exercise, Reply]]:
        """Exercise cards for a search (inline mode); the most saved for an empty one."""
        lang = await self.language(person)
        if query.strip():
            found = list(self.engine.search(query, lang, limit))
        else:
            found = list(self.engine.popular(await self.store.popular(limit), lang, limit))
        return [
            (exercise, render(_card_of(exercise, lang), site=self.site))
            for exercise in found[:limit]
        ]

    async def _personal_only(self, person: Person) -> Reply:
        return notice(translator(await self.language(person))(PERSONAL_ONLY))

    async def _card(self, person: Person, answer: Answer) -> Reply:
        if answer.session is not None:
            saved = person.personal and answer.session.ids in await self._saved_sessions(person)
            return render(answer, saved=saved)
        exercise_id = answer.exercise.id if answer.exercise else None
        saved = (
            exercise_id is not None
            and person.personal
            and await self.store.contains(person.id, exercise_id)
        )
        return render(answer, saved=saved, site=self.site)

    async def _show(self, person: Person, answer: Answer) -> Reply:
        if answer.exercise is not None and answer.session is None:
            await self.screens.show(person.id, answer.exercise.id, personal=person.personal)
        return await self._card(person, answer)

    # --- sessions --------------------------------------------------------------------------

    async def session(self, person: Person, text: str) -> Reply:
        """/session 20 intermediate: a session built for what is written."""
        lang = await self.language(person)
        request = self.engine.session_request(text, lang)
        return await self._card(person, self.engine.session(request, lang))

    async def sessions(self, person: Person) -> Reply:
        """The sessions the user saved, to start again."""
        if not person.personal:
            return await self._personal_only(person)
        lang = await self.language(person)
        saved = []
        for ids in await self._saved_sessions(person):
            found = [e for e in (self.library.get(i, lang) for i in ids) if e is not None]
            saved.append((ids, found))
        return my_sessions(saved, lang)

    async def _saved_sessions(self, person: Person) -> list[tuple[str, ...]]:
        return await self.store.saved_sessions(person.id) if person.personal else []

    # --- progress and reminders -------------------------------------------------------------

    async def progress(self, person: Person) -> tuple[Reply, bytes | None]:
        """/progress: the figures as text, and the last 8 weeks as a PNG when charts are on."""
        lang = await self.language(person)
        if not person.personal:
            return await self._personal_only(person), None
        figures = await progress(self.store, person.id, self.store.clock())
        return progress_reply(figures, lang), chart_png(figures, lang)

    async def remind(self, person: Person, text: str) -> Reply:
        """/remind 07:30 [city], /remind off, /remind: a daily nudge with today's session."""
        if not person.personal:
            return await self._personal_only(person)
        lang = await self.language(person)
        _ = translator(lang)
        request = parse(text)
        if request.off:
            await self.store.remove_reminder(person.id)
            return notice(_("Reminders are off. /remind 07:30 turns them on again."))
        if request.bad:
            return notice(_("Write a time like /remind 07:30 or /remind 7:30pm."))
        state = await self.store.user_state(person.id)
        if request.minute is None:
            current = await self.store.reminder(person.id)
            if current is None:
                return notice(_("No daily reminder yet. Set one with /remind 07:30."))
            return notice(
                _(
                    "Every day at {time} ({zone}). /remind off stops it.",
                    time=clock_text(current.minute),
                    zone=state.zone or "UTC",
                )
            )
        zone = zone_for(request.city) if request.city else state.zone
        if zone is None:
            return self._ask_zone(request.minute, lang, unknown=request.city)
        return await self._set_reminder(person, zone, request.minute, lang)

    def _ask_zone(self, minute: int, lang: str, *, unknown: str = "") -> Reply:
        _ = translator(lang)
        text = (_("I don't know the city {city}.", city=unknown) + " " if unknown else "") + _(
            "Which time zone are you in? Tap one, or write /remind {time} and your city.",
            time=clock_text(minute),
        )
        choices = tuple(
            Choice(zone.rsplit("/", 1)[-1].replace("_", " "), ChooseZone(zone, minute))
            for zone in COMMON_ZONES
        )
        rows = tuple(
            tuple(Button(c.label, c.action) for c in choices[n : n + 2])
            for n in range(0, len(choices), 2)
        )
        return Reply((Part(((Span(text),),)),), rows, choices)

    async def _set_reminder(self, person: Person, zone: str, minute: int, lang: str) -> Reply:
        await self.store.set_zone(person.id, zone)
        next_at = next_time(minute, zone, self.store.clock())
        await self.store.set_reminder(Reminder(person.id, person.id, minute, lang, next_at))
        _ = translator(lang)
        return notice(
            "⏰ "
            + _(
                "Every day at {time} ({zone}) I'll send you a session to do.",
                time=clock_text(minute),
                zone=zone,
            )
        )

    async def due_reminders(self) -> list[tuple[Reminder, Reply]]:
        """The reminders to send now, each with what it says. Each is first moved to its next
        day in the store; one another worker moved first, or hours late, is left out."""
        store = self.store
        now = store.clock()
        due = []
        for reminder in await store.due_reminders(now):
            zone = (await store.user_state(reminder.user_id)).zone or "UTC"
            send, next_at = due_action(reminder, zone, now)
            if await store.claim_reminder(reminder, next_at) and send:
                due.append((reminder, self.reminder_reply(reminder)))
        return due

    def reminder_reply(self, reminder: Reminder) -> Reply:
        """What a reminder says: today's suggested session, ready to start."""
        _ = translator(reminder.lang)
        card = render(self.engine.session(SessionRequest(), reminder.lang))
        heading = Part(((Span("⏰ " + _("Time for today's Pilates!"), Style.BOLD),),))
        return Reply((heading, *card.parts), card.buttons, card.choices)

    # --- buttons -------------------------------------------------------------------------

    async def button_data(self, action: Action) -> str:
        """The data a button carries: the action itself, or the key of its state kept here."""
        try:
            return encode(action)
        except ActionTooLong:
            key = await self.store.keep(encode(action, limit=None), KEPT_FOR)
            return encode(Kept(key))

    async def action(self, data: str) -> Action | None:
        """The action of a button's data; None for data not made here, or kept and expired."""
        try:
            action = decode(data)
            if isinstance(action, Kept):
                kept = await self.store.kept(action.key)
                return None if kept is None else decode(kept, limit=None)
        except InvalidCallbackData:
            return None
        return action

    async def press(
        self,
        person: Person,
        action: Action,
        card: Sequence[Action] = (),
        place: str | None = None,
    ) -> Outcome:
        """What pressing `action` does; `card`: the actions of the card it was under; `place`:
        where that card is shown."""
        handler = _HANDLERS.get(type(action))
        press = Press(person, await self.language(person), tuple(card), place)
        if handler is None:
            return Outcome(note=press.t(EXPIRED))
        outcome: Outcome = await handler(self, press, action)
        entry = rated_entry(press.card)
        if entry is not None and isinstance(action, _KEEP_RATING) and outcome.reply is not None:
            # The card is redrawn at another part: its rating row stays under it.
            outcome = replace(outcome, reply=with_rating(outcome.reply, entry, press.lang))
        return outcome

    async def press_data(
        self, person: Person, data: str, card: Sequence[str] = (), place: str | None = None
    ) -> Outcome:
        """A press of a button known only by its data (and the data of its card's buttons)."""
        action = await self.action(data)
        if action is None:
            return Outcome(note=translator(await self.language(person))(EXPIRED))
        return await self.press(person, action, _decodable(card), place)

    def _exercise(self, exercise_id: str, lang: str) -> Exercise | None:
        return self.library.get(exercise_id, lang)

    @handles(ShowSection)
    async def _show_section(self, press: Press, action: ShowSection) -> Outcome:
        exercise = self._exercise(action.exercise_id, press.lang)
        if exercise is None:
            return Outcome(note=press.t(NOT_AVAILABLE))
        answer = _card_of(exercise, press.lang, action.section, action.level)
        return Outcome(await self._show(press.person, answer))

    @handles(ShowFaqs)
    async def _show_faqs(self, press: Press, action: ShowFaqs) -> Outcome:
        exercise = self._exercise(action.exercise_id, press.lang)
        if exercise is None:
            return Outcome(note=press.t(NOT_AVAILABLE))
        await self.screens.show(press.person.id, exercise.id, personal=press.person.personal)
        return Outcome(faq_list(exercise, action.exercise_id, press.lang, self.site))

    @handles(ShowFaq)
    async def _show_faq(self, press: Press, action: ShowFaq) -> Outcome:
        exercise = self._exercise(action.exercise_id, press.lang)
        if exercise is None:
            return Outcome(note=press.t(NOT_AVAILABLE))
        await self.screens.show(press.person.id, exercise.id, personal=press.person.personal)
        entry = faq_entry(exercise, action.exercise_id, action.index, press.lang, self.site)
        return Outcome(entry or faq_list(exercise, action.exercise_id, press.lang, self.site))

    @handles(SetSaved)
    async def _set_saved(self, press: Press, action: SetSaved) -> Outcome:
        return await self._save_press(press, action, action.saved)

    @handles(ToggleSave)
    async def _toggle_save(self, press: Press, action: ToggleSave) -> Outcome:
        return await self._save_press(press, action, None)

    async def _save_press(
        self, press: Press, action: SetSaved | ToggleSave, wanted: bool | None
    ) -> Outcome:
        """Save or unsave as `wanted` (None: the opposite of now)."""
        _, user = press.t, press.person.id
        if not press.person.personal:
            return Outcome(note=_(PERSONAL_ONLY), alert=True)
        exercise = self._exercise(action.exercise_id, press.lang)
        if exercise is None:
            # Not an exercise (removed from the content, or forged data): it can only be unsaved.
            if wanted or not await self.store.remove(user, action.exercise_id):
                return Outcome(note=_(NOT_AVAILABLE))
            note = _("Removed from favourites")
            return Outcome(await self.favourites(press.person), note)  # the list, refreshed
        try:
            if wanted is None:
                saved = await self.store.toggle(user, exercise.id)
            elif wanted:
                await self.store.add(user, exercise.id)
                saved = True
            else:
                await self.store.remove(user, exercise.id)
                saved = False
        except FavouritesFull as full:
            return Outcome(note=_(FULL, limit=full.limit), alert=True)
        note = "★ " + _("Saved to /favorites") if saved else _("Removed from favourites")
        answer = _card_of(exercise, press.lang, action.section, action.level)
        return Outcome(render(answer, saved=saved, site=self.site), note)

    @handles(Another)
    async def _another(self, press: Press, action: Another) -> Outcome:
        """Another random pick, never the one on screen (unless it is the only match)."""
        filters, lang = action.filters, press.lang
        shown = next(
            (a.exercise_id for a in press.card if isinstance(a, SetSaved | ToggleSave)), None
        )
        pool = [e for e in self.library.catalogue(lang) if filters.accepts(e)]
        if shown is not None and [e.id for e in pool] == [shown]:
            return Outcome(note=press.t(ONLY_MATCH))  # the same card again would be a no-op
        answer = self.engine.random(filters, lang)
        for _attempt in range(20):  # with two or more to choose from, one differs soon enough
            if answer.exercise is None or answer.exercise.id != shown:
                break
            answer = self.engine.random(filters, lang)
        return Outcome(await self._show(press.person, answer))

    @handles(Forget)
    async def _forget(self, press: Press, action: Forget) -> Outcome:
        _ = press.t
        if not action.confirmed:
            return Outcome(notice(_("Nothing was deleted.")))
        removed = await self.store.forget(press.person.id)
        await self.screens.drop(press.person.id)
        self.answers.forget(press.person.id)
        return Outcome(
            notice(
                _(
                    "Done: everything stored about you is deleted ({count} favourite(s)).",
                    count=removed,
                )
            )
        )

    @handles(ChooseLanguage)
    async def _choose_language(self, press: Press, action: ChooseLanguage) -> Outcome:
        if action.code not in interface_languages():
            return Outcome(note=press.t(EXPIRED))
        await self.store.set_language(press.person.id, action.code)
        await self.screens.chose(press.person.id, action.code)
        _ = translator(action.code)
        return Outcome(notice(_("Done: I'll answer in English from now on.")))

    @handles(AskExample)
    async def _ask_example(self, press: Press, action: AskExample) -> Outcome:
        question = example_question(action.index, press.lang)
        if question is None:
            return Outcome(note=press.t(EXPIRED))
        return Outcome(await self._show(press.person, self.engine.answer(question, press.lang)))

    @handles(StartSession)
    async def _start_session(self, press: Press, action: StartSession) -> Outcome:
        if not press.person.personal:
            return Outcome(note=press.t(PERSONAL_ONLY), alert=True)
        reply = await self.practice.start(
            press.person.id, press.lang, action.exercises, press.place
        )
        if reply is None:
            return Outcome(note=press.t(NOT_AVAILABLE))
        return Outcome(reply, "▶ " + press.t(LETS_GO))

    @handles(Practise)
    async def _practise(self, press: Press, action: Practise) -> Outcome:
        reply = await self.practice.press(press.person.id, action)
        if reply is None:
            return Outcome(note=press.t(SESSION_OVER))
        return Outcome(reply)

    @handles(SaveSession)
    async def _save_session(self, press: Press, action: SaveSession) -> Outcome:
        _, user = press.t, press.person.id
        if not press.person.personal:
            return Outcome(note=_(PERSONAL_ONLY), alert=True)
        if action.saved:
            added = await self.store.save_session(user, action.exercises)
            if not added and action.exercises not in await self.store.saved_sessions(user):
                return Outcome(note=_(SESSIONS_FULL), alert=True)
            note = "★ " + _("Saved to /sessions")
        else:
            await self.store.remove_session(user, action.exercises)
            note = _("Removed from your sessions")
        if any(isinstance(a, AnotherSession) for a in press.card):  # a session card: redraw it
            exercises = [self.library.get(i, press.lang) for i in action.exercises]
            session = Session(SessionRequest(), tuple(e for e in exercises if e is not None))
            return Outcome(session_card(session, press.lang, saved=action.saved), note)
        return Outcome(await self.sessions(press.person), note)  # the list, refreshed

    @handles(AnotherSession)
    async def _another_session(self, press: Press, action: AnotherSession) -> Outcome:
        answer = self.engine.session(SessionRequest(action.minutes, action.filters), press.lang)
        return Outcome(await self._card(press.person, answer))

    @handles(MySessions)
    async def _my_sessions(self, press: Press, action: MySessions) -> Outcome:
        return Outcome(await self.sessions(press.person))

    @handles(ChooseZone)
    async def _choose_zone(self, press: Press, action: ChooseZone) -> Outcome:
        if not press.person.personal:
            return Outcome(note=press.t(PERSONAL_ONLY), alert=True)
        if not valid_zone(action.zone) or not 0 <= action.minute < 24 * 60:
            return Outcome(note=press.t(EXPIRED))
        return Outcome(
            await self._set_reminder(press.person, action.zone, action.minute, press.lang)
        )

    # --- feedback on answers (bot/conversation/feedback.py) --------------------------------

    @handles(Rate)
    async def _rate(self, press: Press, action: Rate) -> Outcome:
        """👍 or 👎 under an answer: thanks, and after the first 👎 one optional question."""
        person = press.person
        ask = await self.answers.rate(
            person.id, action.entry, action.helpful, personal=person.personal
        )
        follow_up = note_request(action.entry, press.lang) if ask else None
        return Outcome(note=press.t(THANKS), follow_up=follow_up)

    @handles(SkipNote)
    async def _skip_note(self, press: Press, action: SkipNote) -> Outcome:
        await self.answers.skip_note(press.person.id)
        return Outcome(notice(press.t(SKIPPED)))

    @handles(Choose)
    async def _choose(self, press: Press, action: Choose) -> Outcome:
        """A "did you mean" picked: the message was a way of naming this exercise."""
        exercise = self._exercise(action.exercise_id, press.lang)
        if exercise is None:
            return Outcome(note=press.t(NOT_AVAILABLE))
        await self.answers.choose(action.entry, exercise.id)
        reply = await self._show(press.person, _card_of(exercise, press.lang))
        return Outcome(with_rating(reply, action.entry, press.lang))


# Presses that redraw the card they were under (its rating row goes along).
_KEEP_RATING = (ShowSection, ShowFaqs, ShowFaq, SetSaved, ToggleSave)


def _card_of(
    exercise: Exercise, lang: str, section: Section = Section.OVERVIEW, level: Level | None = None
) -> Answer:
    return Answer(AnswerKind.EXERCISE, lang, exercise=exercise, section=section, level=level)


def _decodable(data: Sequence[str]) -> tuple[Action, ...]:
    actions = []
    for item in data:
        try:
            actions.append(decode(item))
        except InvalidCallbackData:
            continue
    return tuple(actions)
