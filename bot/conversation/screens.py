"""What the conversation remembers of each user between messages: the card on screen (for
"make it easier") and the language they chose.

One process (SQLite) keeps it in memory and reads the chosen language from the store once.
Several workers (PostgreSQL) cannot: a user's next message may reach another worker, so the
screen is read from and written to the shared store, and a language chosen on one worker is
what every other worker answers in next.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from bot.store import Store

MAX_SCREENS = 100_000  # users whose screen is remembered in memory; the longest idle go first


@dataclass(slots=True)
class Screen:
    about: str | None = None  # the exercise on screen
    lang: str | None = None  # chosen with /language; None: never chosen


class Screens(Protocol):
    async def get(self, user_id: int) -> Screen: ...

    async def show(self, user_id: int, about: str, *, personal: bool) -> None:
        """`about` is now on the user's screen. `personal`: the id is one person's alone."""

    async def chose(self, user_id: int, lang: str) -> None:
        """The user chose `lang` (already saved in the store)."""

    async def drop(self, user_id: int) -> None:
        """Forget the user (their rows in the store are already gone)."""


def screens_for(store: Store) -> Screens:
    return StoredScreens(store) if store.shared else MemoryScreens(store)


class MemoryScreens:
    """Screens of one process: the most recently active users', in memory."""

    def __init__(self, store: Store, limit: int = MAX_SCREENS) -> None:
        self.store = store
        self.limit = limit
        self._screens: OrderedDict[int, Screen] = OrderedDict()

    async def get(self, user_id: int) -> Screen:
        screen = self._screens.pop(user_id, None)
        if screen is None:
            screen = Screen(lang=await self.store.language(user_id))
        self._screens[user_id] = screen  # most recent last
        while len(self._screens) > self.limit:
            self._screens.popitem(last=False)
        return screen

    async def show(self, user_id: int, about: str, *, personal: bool) -> None:
        (await self.get(user_id)).about = about

    async def chose(self, user_id: int, lang: str) -> None:
        (await self.get(user_id)).lang = lang

    async def drop(self, user_id: int) -> None:
        self._screens.pop(user_id, None)


class StoredScreens:
    """Screens in the store that every worker shares."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def get(self, user_id: int) -> Screen:
        state = await self.store.user_state(user_id)
        return Screen(about=state.about, lang=state.lang)

    async def show(self, user_id: int, about: str, *, personal: bool) -> None:
        if personal:  # an id many people share gets no row in the store
            await self.store.set_about(user_id, about)

    async def chose(self, user_id: int, lang: str) -> None:
        pass  # the store has it

    async def drop(self, user_id: int) -> None:
        pass  # the store's rows are gone
