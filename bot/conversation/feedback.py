"""Learning from what people ask: every answer logged without a user id, "Helpful? 👍 👎" under
answers, one optional note on what was missing, and "did you mean" choices as implicit feedback.

What is kept (the README's Privacy section says the same to users and operators):
- per answer: time, language, kind, the page and part given, the policy's confidence and its
  runner-up, and a hash of the asker salted per day (the salt is deleted once the day is over);
- the message text only where the bot did not know (no answer, "did you mean", or an answer
  below `LOW_CONFIDENCE`), and for an answer voted 👎 while its text is still in this process's
  memory (an hour at most; never written otherwise);
- texts and notes for `retention_days` (0: none at all).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot.conversation.actions import Action, Choose, Rate, ShowSection, SkipNote
from bot.conversation.i18n import N_, translator
from bot.conversation.render import notice
from bot.conversation.reply import Button, Choice, Reply
from bot.engine import Answer, AnswerKind, NoAnswer
from bot.store import Store, StoreError
from bot.store.answer_log import LoggedAnswer, asker_hash, new_entry_id

log = logging.getLogger(__name__)

# An answer less sure than this, or less far ahead of its runner-up, is logged with its message
# like one the bot did not know. The scores are not probabilities: on the development sets
# (tests/answer_set) this rule holds 38 % of the confidently wrong answers and 15 % of the right
# ones (tests/test_feedback.py measures it), where a score rule alone holds as many right as
# wrong below 0.8.
LOW_CONFIDENCE = 0.9
CLOSE_CALL = 0.1
RETENTION_DAYS = 30  # how long message texts and notes are kept, unless --log-retention says
NOTE_WAIT = 10 * 60  # seconds a "what was missing?" waits for its answer
MAX_TEXT = 500  # characters of a message kept: enough for any question, a bound on a flood
BATCH = 200  # rows that make a write at once, however soon
RECENT = 10_000  # answers whose text stays in memory, in case one is voted 👎
RECENT_SECONDS = 60 * 60
Clock = Callable[[], float]

HELPFUL = N_("👍 Helpful")
NOT_HELPFUL = N_("👎 Not really")
THANKS = N_("Thanks for telling me!")
ASK_NOTE = N_(
    "Sorry it didn't help. What were you looking for? Tell me in one message and the people "
    "who write the pages will read it, or tap Skip."
)
SKIP = N_("Skip")
NOTE_TAKEN = N_("Thank you! Your note goes to the people who write the pages.")
SKIPPED = N_("No problem. Ask me anything else.")
# Answers a person can rate: the ones that claim to answer the question.
RATED = frozenset({AnswerKind.EXERCISE, AnswerKind.FAQ})


def keeps_text(answer: Answer) -> bool:
    """Whether an answer's message is worth an author's reading: the bot did not know."""
    if answer.kind is AnswerKind.SUGGESTIONS:
        return True
    if answer.kind is AnswerKind.NONE:
        # not greetings, thanks or small talk
        return answer.reason in (NoAnswer.UNKNOWN, NoAnswer.UNCOVERED)
    if answer.kind in RATED and answer.confidence is not None:
        return unsure(answer.confidence, answer.runner_up_score)
    return False


def unsure(confidence: float, runner_up_score: float | None) -> bool:
    """An answer given, but barely: a low score, or a close second."""
    return confidence < LOW_CONFIDENCE or confidence - (runner_up_score or 0.0) < CLOSE_CALL


def detail_of(answer: Answer) -> str | None:
    """What of the page was given (or why nothing was), for the log."""
    if answer.kind is AnswerKind.FAQ and answer.faq is not None:
        return answer.faq.question
    if answer.kind is AnswerKind.SUGGESTIONS:
        return ",".join(e.id for e in answer.candidates)
    if answer.kind is AnswerKind.NONE:
        return (answer.reason or NoAnswer.UNKNOWN).value
    if answer.section is not None:
        section = answer.section.value
        return f"{section}:{answer.level.value}" if answer.level else section
    return None


def rating_row(entry: int, lang: str) -> tuple[Button, ...]:
    _ = translator(lang)
    return (Button(_(HELPFUL), Rate(entry, True)), Button(_(NOT_HELPFUL), Rate(entry, False)))


def decorate(reply: Reply, answer: Answer, entry: int) -> Reply:
    """The reply to a message with its feedback: a rating row under an answer; suggestions
    that, once picked, say which page the message meant."""
    if answer.kind is AnswerKind.SUGGESTIONS:
        choices = tuple(Choice(c.label, _choose(entry, c.action), c.style) for c in reply.choices)
        buttons = tuple(
            tuple(Button(b.label, _choose(entry, b.action), b.url) for b in row)
            for row in reply.buttons
        )
        return replace(reply, buttons=buttons, choices=choices)
    if answer.kind in RATED and answer.exercise is not None:
        return with_rating(reply, entry, answer.lang)
    return reply


def with_rating(reply: Reply, entry: int, lang: str) -> Reply:
    return replace(reply, buttons=(*reply.buttons, rating_row(entry, lang)))


def rated_entry(actions: tuple[Action, ...]) -> int | None:
    """The answer a card's rating row rates, if it has one."""
    return next((a.entry for a in actions if isinstance(a, Rate)), None)


def note_request(entry: int, lang: str) -> Reply:
    _ = translator(lang)
    skip = Choice(_(SKIP), SkipNote(entry))
    base = notice(_(ASK_NOTE))
    return Reply(base.parts, ((Button(skip.label, skip.action),),), (skip,))


def _choose(entry: int, action: Action | None) -> Choose:
    if isinstance(action, ShowSection):
        return Choose(entry, action.exercise_id)
    raise TypeError(f"a suggestion's action is a ShowSection, not {action!r}")


class AnswerLog:
    """Records answers in the store, in batches when `run` is flushing them (the bot), else at
    once (the terminal chat, tests); and the feedback on them."""

    def __init__(
        self,
        store: Store,
        *,
        retention_days: float = RETENTION_DAYS,
        batch_seconds: float = 0.0,
        clock: Clock = time.time,
    ) -> None:
        self.store = store
        self.retention_days = retention_days
        self.batch_seconds = batch_seconds  # 0: write each answer at once
        self.clock = clock
        self._pending: list[LoggedAnswer] = []
        self._salt: tuple[str, str] | None = None  # (day, salt)
        self._recent: OrderedDict[int, tuple[float, str]] = OrderedDict()
        # Who was asked "what was missing?" and about which answer; in this process's memory
        # when it is the only one, in the store when workers share it.
        self._awaiting: dict[int, tuple[int, float]] = {}

    @property
    def takes_notes(self) -> bool:
        return self.retention_days > 0

    # --- answers -------------------------------------------------------------------------

    async def record(self, user_id: int, text: str, answer: Answer) -> int:
        """Log one answer to `text`; the id its feedback buttons carry. Never fails: an answer
        matters more than its log line."""
        entry = new_entry_id()
        now = self.clock()
        keep = self.takes_notes and keeps_text(answer)
        if self.takes_notes and not keep and answer.kind in RATED:
            self._remember(entry, text, now)
        exercise = answer.exercise or (answer.candidates[0] if answer.candidates else None)
        row = LoggedAnswer(
            id=entry,
            at=now,
            lang=answer.lang,
            kind=answer.kind.value,
            exercise_id=exercise.id if exercise is not None else None,
            detail=detail_of(answer),
            confidence=answer.confidence,
            runner_up=answer.runner_up,
            runner_up_score=answer.runner_up_score,
            asker=await self._asker(user_id, now),
            text=text.strip()[:MAX_TEXT] if keep else None,
        )
        self._pending.append(row)
        if not self.batch_seconds or len(self._pending) >= BATCH:
            await self.flush()
        return entry

    async def _asker(self, user_id: int, now: float) -> str | None:
        day = datetime.fromtimestamp(now, UTC).date().isoformat()
        if self._salt is None or self._salt[0] != day:
            try:
                self._salt = (day, await self.store.day_salt(day))
            except StoreError as exc:
                log.warning("answer log: no salt for %s: %s", day, exc)
                return None
        return asker_hash(self._salt[1], user_id)

    def _remember(self, entry: int, text: str, now: float) -> None:
        self._recent[entry] = (now, text.strip()[:MAX_TEXT])
        while len(self._recent) > RECENT:
            self._recent.popitem(last=False)

    def _recalled(self, entry: int) -> str | None:
        remembered = self._recent.pop(entry, None)
        if remembered is None or self.clock() - remembered[0] > RECENT_SECONDS:
            return None
        return remembered[1]

    async def flush(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        try:
            await self.store.log_answers(rows)
        except StoreError as exc:
            log.warning("answer log: %d row(s) not written yet: %s", len(rows), exc)
            self._pending = (rows + self._pending)[-10 * BATCH :]  # tried again, within bounds

    async def run(self, stop: asyncio.Event) -> None:
        """Write the rows gathered every `batch_seconds` until `stop`, then the last ones."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.batch_seconds or 1.0)
            await self.flush()

    # --- feedback ------------------------------------------------------------------------

    async def rate(self, user_id: int, entry: int, helpful: bool, *, personal: bool) -> bool:
        """Record a vote; True when the asker should now be asked what was missing (the first
        👎, where notes are kept and the id is one person's)."""
        if entry in (row.id for row in self._pending):
            await self.flush()  # the vote's answer is written before it is found wanting
        before = await self.store.vote(entry, helpful)
        if helpful:
            return False
        text = self._recalled(entry)
        if text is not None:
            await self.store.attach_text(entry, text)
        if before == -1 or not self.takes_notes or not personal:
            return False
        await self._await_note(user_id, entry)
        return True

    async def choose(self, entry: int, exercise_id: str) -> None:
        await self.store.choose(entry, exercise_id)

    async def _await_note(self, user_id: int, entry: int) -> None:
        if self.store.shared:
            await self.store.await_note(user_id, entry, NOTE_WAIT)
        else:
            self._awaiting[user_id] = (entry, self.clock() + NOTE_WAIT)

    async def take_note(self, user_id: int, text: str) -> bool:
        """If the user was asked what was missing, `text` is that note: kept, True."""
        if self.store.shared:
            entry: int | None = await self.store.take_awaited_note(user_id)
        else:
            waiting = self._awaiting.pop(user_id, None)
            entry = waiting[0] if waiting and waiting[1] >= self.clock() else None
        if entry is None:
            return False
        await self.store.add_note(entry, text.strip()[:MAX_TEXT])
        return True

    async def skip_note(self, user_id: int) -> None:
        self._awaiting.pop(user_id, None)
        if self.store.shared:
            await self.store.drop_awaited_note(user_id)

    def forget(self, user_id: int) -> None:
        """/forget: the store's rows are gone; this process's memory of the user goes too."""
        self._awaiting.pop(user_id, None)
