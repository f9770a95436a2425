"""The terminal face of the conversation: lines in, plain text out, choices by number."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.content import DEFAULT_LANG, Website
from bot.conversation.actions import Action, Forget, SetSaved, ShowSection
from bot.conversation.conversation import FULL, STORE_FAILED, Conversation, Person
from bot.conversation.feedback import AnswerLog
from bot.conversation.i18n import N_, translator
from bot.conversation.reply import Choice, Reply, plain
from bot.engine import AnswerEngine
from bot.store import FavouritesFull, Store, StoreError

LOCAL_USER = 0  # the one person at this terminal
COMMANDS = N_(
    "/random [filters]  a random exercise, e.g. /random beginner under 2 minutes\n"
    "/fav [name]  save an exercise (the one on screen without a name)   /unfav [name]  remove it\n"
    "/favs  your saved exercises   /language  choose a language   /forget  delete your data\n"
    "/session [length level focus]  a session to do now   /sessions  your saved sessions\n"
    "/progress  your streak and minutes\n"
    "/help  this text   /quit  leave (or Ctrl-D)"
)


class Console:
    """One chat session; `read` returns None at end of input."""

    def __init__(
        self,
        engine: AnswerEngine,
        store: Store,
        *,
        lang: str = DEFAULT_LANG,
        read: Callable[[], Awaitable[str | None]],
        write: Callable[[str], None],
        site: Website | None = None,
        answer_log: AnswerLog | None = None,
    ) -> None:
        self.conversation = Conversation(engine, store, site=site, answer_log=answer_log)
        self.person = Person(LOCAL_USER, lang)
        self._read = read
        self._write = write
        self._choices: tuple[Choice, ...] = ()  # what the next line may pick

    async def run(self) -> None:
        _ = translator(await self._language())
        self._write(_("Pilates assistant. Ask about an exercise, or /help.") + "\n")
        while (line := await self._read()) is not None:
            line = line.strip()
            if line in ("/quit", "/exit"):
                break
            if line:
                self._write(await self.handle(line) + "\n")

    async def _language(self) -> str:
        try:
            return await self.conversation.language(self.person)
        except StoreError:
            return self.person.lang_hint

    async def handle(self, line: str) -> str:
        """The reply to one line; a database that fails is reported and the chat goes on."""
        try:
            return await self._handle(line)
        except FavouritesFull as full:
            return translator(await self._language())(FULL, limit=full.limit)
        except StoreError as exc:
            return translator(await self._language())(STORE_FAILED) + f"\n({exc})"

    async def _handle(self, line: str) -> str:
        conversation, me = self.conversation, self.person
        command, _space, rest = line.partition(" ")
        choices, self._choices = self._choices, ()
        chosen = _chosen(line, choices)
        if chosen is None and any(isinstance(c.action, Forget) for c in choices):
            chosen = Forget(confirmed=False)  # anything but yes keeps everything
        if chosen is not None:
            outcome = await conversation.press(me, chosen)
            shown = await self._show(outcome.reply) if outcome.reply is not None else ""
            after = await self._show(outcome.follow_up) if outcome.follow_up is not None else ""
            return "\n".join(text for text in (outcome.note, shown, after) if text)
        if command == "/help":
            _ = translator(await conversation.language(me))
            return await self._show(
                await conversation.help(me, _("Commands:") + "\n" + _(COMMANDS))
            )
        if command == "/random":
            return await self._show(await conversation.random(me, rest))
        if command == "/session":
            return await self._show(await conversation.session(me, rest))
        if command == "/sessions":
            return await self._show(await conversation.sessions(me))
        if command == "/progress":
            reply, _picture = await conversation.progress(me)
            return await self._show(reply)
        if command in ("/fav", "/unfav"):
            return await self._show(await conversation.save(me, rest, keep=command == "/fav"))
        if command in ("/favs", "/favorites", "/favourites"):
            return await self._show(await conversation.favourites(me))
        if command == "/forget":
            return await self._show(await conversation.ask_forget(me))
        if command == "/language":
            return await self._show(await conversation.ask_language(me))
        return await self._show(await conversation.say(me, line))

    async def _show(self, reply: Reply) -> str:
        """The reply as text: its choices numbered, a card with a hint instead of buttons; the
        picture and the buttons that open a web page as their addresses."""
        _ = translator(await self.conversation.language(self.person))
        if reply.choices:
            self._choices = reply.choices
            listed = [f"{n}. {choice.label}" for n, choice in enumerate(reply.choices, 1)]
            return "\n".join([plain(reply.parts), *listed, _("(type a number to choose)")]).strip()
        text = reply.text + _addresses(reply)
        if _is_card(reply.actions):
            hint = _("(/fav to save · ask 'easier', 'tips', 'mistakes'... about it)")
            return text + "\n\n" + hint
        return text


def _chosen(line: str, choices: tuple[Choice, ...]) -> Action | None:
    """The choice a line picks: by number, by its label, or by the label's first word ("yes")."""
    if line.isdigit() and 0 < int(line) <= len(choices):
        return choices[int(line) - 1].action
    wanted = line.casefold().strip(" .!")
    for choice in choices:
        label = choice.label.casefold().removeprefix("✓ ")
        if wanted in (label, label.split(" ")[0].strip(",.!")):
            return choice.action
    return None


def _addresses(reply: Reply) -> str:
    """A terminal cannot show a picture or a button: their addresses, to open elsewhere."""
    lines = [f"🖼 {reply.picture.url}"] if reply.picture is not None else []
    lines += [f"{link.label}: {link.url}" for link in reply.links]
    return "\n\n" + "\n".join(lines) if lines else ""


def _is_card(actions: tuple[Action, ...]) -> bool:
    """Whether a reply is an exercise's card (its buttons save it and show its parts)."""
    return any(isinstance(a, SetSaved) for a in actions) and any(
        isinstance(a, ShowSection) for a in actions
    )


async def read_stdin() -> str | None:
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None
