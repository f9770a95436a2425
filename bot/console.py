"""The terminal front end: the same engine and favourites as the Telegram bot, as a chat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.answers import Answer, AnswerEngine, AnswerKind
from bot.content import DEFAULT_LANG
from bot.favourites import FULL, STORE_FAILED, FavouritesFull, FavouritesStore, StoreError
from bot.i18n import N_, translator
from bot.render import help_reply, render
from bot.reply import Reply

LOCAL_USER = 0  # the one person at this terminal
COMMANDS = N_(
    "/random [filters]  a random exercise, e.g. /random beginner under 2 minutes\n"
    "/fav  save the exercise on screen   /unfav  remove it   /favs  your saved exercises\n"
    "/help  this text   /quit  leave (or Ctrl-D)"
)


class Console:
    """One chat session; `read` returns None at end of input."""

    def __init__(
        self,
        engine: AnswerEngine,
        store: FavouritesStore,
        *,
        lang: str = DEFAULT_LANG,
        read: Callable[[], Awaitable[str | None]],
        write: Callable[[str], None],
    ) -> None:
        self.engine = engine
        self.store = store
        self.lang = lang
        self._read = read
        self._write = write
        self._current: str | None = None  # the exercise on screen, for /fav and follow-ups
        self._choices: list[str] = []  # the suggestions offered, for answering "2"
        self._ = translator(lang)

    async def run(self) -> None:
        self._write(self._("Pilates assistant. Ask about an exercise, or /help.") + "\n")
        while (line := await self._read()) is not None:
            line = line.strip()
            if line in ("/quit", "/exit"):
                break
            if line:
                self._write(await self.handle(line) + "\n")

    async def handle(self, line: str) -> str:
        """The reply to one line; a database that fails is reported and the chat goes on."""
        try:
            return await self._handle(line)
        except FavouritesFull as full:
            return self._(FULL, limit=full.limit)
        except StoreError as exc:
            return self._(STORE_FAILED) + f"\n({exc})"

    async def _handle(self, line: str) -> str:
        command, _, rest = line.partition(" ")
        if command == "/help":
            return help_reply(self._("Commands:") + "\n" + self._(COMMANDS), self.lang).text
        if command == "/random":
            filters = self.engine.filters_from(rest, self.lang)
            return await self._show(self.engine.random(filters, self.lang))
        if command in ("/fav", "/unfav"):
            return await self._save(command == "/fav")
        if command == "/favs":
            return await self._favourites()
        if line.isdigit() and 0 < int(line) <= len(self._choices):
            line = self._choices[int(line) - 1]
        return await self._show(self.engine.answer(line, self.lang, about=self._current))

    async def _show(self, answer: Answer) -> str:
        exercise_id = answer.exercise.id if answer.exercise else None
        saved = exercise_id is not None and await self.store.contains(LOCAL_USER, exercise_id)
        reply: Reply = render(answer, saved=saved)
        if exercise_id is not None:
            self._current = exercise_id
        self._choices = [e.title for e in answer.candidates]
        text = reply.text
        if answer.kind is AnswerKind.SUGGESTIONS:
            text += "\n" + self._("(type a number to choose)")
            text = "\n".join(
                line.replace("• ", f"{n}. ", 1) if line.startswith("• ") else line
                for n, line in _numbered(text.splitlines())
            )
        elif exercise_id is not None:
            text += "\n\n" + self._("(/fav to save · ask 'easier', 'tips', 'mistakes'... about it)")
        return text

    async def _save(self, save: bool) -> str:
        _ = self._
        if self._current is None:
            return _("Ask about an exercise first, then /fav saves it.")
        exercise = self.engine.library.get(self._current, self.lang)
        title = exercise.title if exercise else self._current
        if save:
            await self.store.add(LOCAL_USER, self._current)
            return "★ " + _("Saved {title}.", title=title)
        await self.store.remove(LOCAL_USER, self._current)
        return _("Removed {title} from your favourites.", title=title)

    async def _favourites(self) -> str:
        _ = self._
        saved = await self.store.saved(LOCAL_USER)
        if not saved:
            return _("No favourites yet. Ask about an exercise and send /fav.")
        lines = [_("Your favourites") + ":"]
        for favourite in saved:
            exercise = self.engine.library.get(favourite.exercise_id, self.lang)
            lines.append(
                f"★ {exercise.title}"
                if exercise
                else "☆ " + _("{name} (no longer available)", name=favourite.exercise_id)
            )
        return "\n".join(lines)


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    numbered: list[tuple[int, str]] = []
    n = 0
    for line in lines:
        if line.startswith("• "):
            n += 1
        numbered.append((n, line))
    return numbered


async def read_stdin() -> str | None:
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None
