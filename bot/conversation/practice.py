"""Doing a session: one exercise at a time, its countdown, Pause · Skip · Done, a summary.

The state of each user's session in progress lives in the store (`PracticeRun`), so a restart
in the middle resumes where the user was, and with several workers any of them can take the
next press or tick. Time is wall-clock: the time left is computed from when the clock started,
never counted down in memory.

A face shows the cards. The Telegram face also redraws the countdown (`tick`, called every few
seconds by the scheduled clock on one worker): every `REDRAW` seconds, far under Telegram's one
edit per second per chat; when the time is up, the exercise counts as done and the next one
starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.content import Library
from bot.conversation.actions import Practise, Step
from bot.conversation.reply import Reply
from bot.conversation.session_cards import practice_card, summary
from bot.engine.sessions import duration
from bot.store import PracticeRun, Store

REDRAW = 10  # seconds between countdown redraws


@dataclass(frozen=True, slots=True)
class Shown:
    """A card to show for a run: the reply, and the place it belongs (None: a new message)."""

    reply: Reply
    place: str | None
    finished: bool = False


class Practice:
    def __init__(
        self, store: Store, library: Callable[[], Library], clock: Callable[[], float] = time.time
    ) -> None:
        self.store = store
        self._library = library
        self.clock = clock

    @property
    def library(self) -> Library:
        return self._library()

    async def start(
        self, user_id: int, lang: str, ids: tuple[str, ...], place: str | None
    ) -> Reply | None:
        """Start a session of `ids` (those still in the library); None when none is left."""
        exercises = [e for e in (self.library.get(i, lang) for i in ids) if e is not None]
        if not exercises:
            return None
        now = self.clock()
        run = PracticeRun(
            user_id=user_id,
            run_id=int(now * 1000),
            lang=lang,
            exercises=tuple(e.id for e in exercises),
            position=0,
            remaining=duration(exercises[0]),
            clock_started=now,
            shown_at=now,
            place=place,
            started_at=now,
        )
        await self.store.start_run(run)
        return self.card(run, now)

    def card(self, run: PracticeRun, now: float) -> Reply:
        exercises = [self.library.get(i, run.lang) for i in run.exercises]
        exercise = exercises[run.position]
        if exercise is None:  # removed from the content meanwhile
            return summary(run.finished, run.skipped, run.seconds, run.lang, stopped=True)
        following = exercises[run.position + 1] if run.position + 1 < len(exercises) else None
        return practice_card(
            exercise,
            run.position,
            len(exercises),
            run.left(now),
            run.run_id,
            run.lang,
            paused=run.clock_started is None,
            next_up=following,
        )

    async def press(self, user_id: int, action: Practise) -> Reply | None:
        """A button of the session in progress; None when the card is of a run that is over."""
        run = await self.store.run(user_id)
        if run is None or run.run_id != action.run:
            return None
        now = self.clock()
        if action.step is Step.PAUSE and run.clock_started is not None:
            run = replace(run, remaining=run.left(now), clock_started=None, shown_at=now)
        elif action.step is Step.RESUME and run.clock_started is None:
            run = replace(run, clock_started=now, shown_at=now)
        elif action.step in (Step.DONE, Step.SKIP):
            return (await self._advance(run, now, done=action.step is Step.DONE)).reply
        elif action.step is Step.STOP:
            return await self._finish(run, stopped=True)
        if not await self.store.update_run(run):
            return None
        return self.card(run, now)

    async def tick(self, run: PracticeRun) -> Shown | None:
        """The countdown: the card to redraw for a running session, if it is time to."""
        if run.clock_started is None:
            return None
        now = self.clock()
        if run.left(now) <= 0:
            return await self._advance(run, now, done=True)
        if now - run.shown_at < REDRAW:
            return None
        current = await self.store.run(run.user_id)
        if current != run:
            return None  # a press changed it meanwhile; its own reply redrew the card
        run = replace(run, shown_at=now)
        if not await self.store.update_run(run):
            return None
        return Shown(self.card(run, now), run.place)

    async def _advance(self, run: PracticeRun, now: float, *, done: bool) -> Shown:
        exercise_id = run.exercises[run.position]
        practised = 0
        if done:
            # "Done" is the user's word that they did it (people often finish early, or did the
            # set before tapping): the exercise's time counts in full, as when the time is up.
            exercise = self.library.get(exercise_id, run.lang)
            practised = duration(exercise) if exercise is not None else run.remaining
            await self.store.record(run.user_id, "exercise", exercise_id, practised)
        run = replace(
            run,
            finished=run.finished + done,
            skipped=run.skipped + (not done),
            seconds=run.seconds + practised,
        )
        if run.position + 1 >= len(run.exercises):
            return Shown(await self._finish(run, stopped=False), run.place, finished=True)
        following = self.library.get(run.exercises[run.position + 1], run.lang)
        run = replace(
            run,
            position=run.position + 1,
            remaining=duration(following) if following is not None else 0,
            clock_started=now,
            shown_at=now,
        )
        await self.store.update_run(run)
        return Shown(self.card(run, now), run.place)

    async def _finish(self, run: PracticeRun, *, stopped: bool) -> Reply:
        if await self.store.end_run(run.user_id, run.run_id) and not stopped:
            await self.store.record(run.user_id, "session", None, run.seconds)
        return summary(run.finished, run.skipped, run.seconds, run.lang, stopped=stopped)
