"""Doing a session, progress and daily reminders (issue 14, points 2, 4, 5), in the
conversation and through the real Application and the fake Bot API."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import itertools
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.content import Library
from bot.conversation.actions import ChooseZone, Practise, StartSession, Step
from bot.conversation.conversation import Conversation, Person
from bot.conversation.progress import CHART_SIZE, chart_png, figures
from bot.conversation.reminders import next_time, parse, zone_for
from bot.engine import AnswerEngine
from bot.faces.telegram.handlers import Handlers
from bot.store import Activity, store_at
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, press, running_bot, say, until

pytestmark = pytest.mark.timeout(240)
ANA = Person(1, "en", name="Ana")
NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC).timestamp()


class Clock:
    def __init__(self, now: float = NOON) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def practising(
    library: Library, store_location: Path | str
) -> AsyncIterator[tuple[Conversation, Clock]]:
    clock = Clock()
    async with store_at(store_location) as store:
        store.clock = clock
        yield Conversation(AnswerEngine(library, rng=random.Random(4)), store), clock


async def test_a_session_is_done_one_exercise_at_a_time_and_counted(
    practising: tuple[Conversation, Clock],
) -> None:
    conversation, clock = practising
    card = await conversation.say(ANA, "10 minute beginner session")
    start = card.actions[0]
    assert isinstance(start, StartSession)
    count = len(start.exercises)
    first = (await conversation.press(ANA, start, card.actions, place="1:9")).reply
    assert first is not None and f"Exercise 1 of {count}" in first.text
    assert "⏱ 1:00 left" in first.text or "left" in first.text
    before = await conversation.store.run(ANA.id)
    assert before is not None
    pause, skip, done, stop = first.actions
    assert isinstance(pause, Practise) and pause.step is Step.PAUSE
    clock.now += 20
    paused = (await conversation.press(ANA, pause)).reply
    assert paused is not None and "Paused" in paused.text
    clock.now += 300  # a paused clock does not run
    paused_run = await conversation.store.run(ANA.id)
    assert paused_run is not None and paused_run.left(clock.now) == before.left(NOON) - 20
    resume = paused.actions[0]
    assert isinstance(resume, Practise) and resume.step is Step.RESUME
    await conversation.press(ANA, resume)
    second = (await conversation.press(ANA, done)).reply
    assert second is not None and f"Exercise 2 of {count}" in second.text
    third = (await conversation.press(ANA, skip)).reply
    assert third is not None and f"Exercise 3 of {count}" in third.text
    # The rest by the clock alone: each exercise counts as done when its time is up.
    for _ in range(count):
        run_now = await conversation.store.run(ANA.id)
        if run_now is None:
            break
        clock.now += 200
        shown = await conversation.practice.tick(run_now)
        assert shown is not None and shown.place == "1:9"
    assert shown.finished and "Session complete" in shown.reply.text
    assert f"{count - 1} exercises done" in shown.reply.text and "1 skipped" in shown.reply.text
    # An old card's button does nothing now.
    assert (await conversation.press(ANA, stop)).note is not None
    progress, picture = await conversation.progress(ANA)
    assert "Streak: 1 day(s)" in progress.text and "Sessions this month: 1" in progress.text
    assert picture is not None
    await conversation.store.forget(ANA.id)
    progress, _picture = await conversation.progress(ANA)
    assert "Streak: 0 day(s)" in progress.text


async def test_a_stopped_session_is_not_a_finished_one(
    practising: tuple[Conversation, Clock],
) -> None:
    conversation, _clock = practising
    card = await conversation.say(ANA, "15 minute workout")
    first = (await conversation.press(ANA, card.actions[0], card.actions)).reply
    assert first is not None
    stopped = (await conversation.press(ANA, first.actions[3])).reply
    assert stopped is not None and "Session stopped" in stopped.text
    assert "Sessions this month: 0" in (await conversation.progress(ANA))[0].text


async def test_sessions_are_saved_listed_and_started_again(
    practising: tuple[Conversation, Clock],
) -> None:
    conversation, _clock = practising
    card = await conversation.say(
        ANA,
        "sesión de 10 minutos",
    )
    save = card.actions[1]
    outcome = await conversation.press(ANA, save, card.actions)
    assert outcome.note == "★ Saved to /sessions"
    mine = await conversation.sessions(ANA)
    assert "1. " in mine.text
    again = (await conversation.press(ANA, mine.actions[0], mine.actions)).reply
    assert again is not None and "Exercise 1 of" in again.text


def test_progress_counts_days_in_the_users_zone() -> None:
    tz = ZoneInfo("America/Mexico_City")
    today = dt.datetime(2026, 12, 3, 20, 0, tzinfo=tz)
    days = [today - dt.timedelta(days=n) for n in (0, 1, 2, 4)]
    activity = [Activity(d.timestamp(), "exercise", 300) for d in days]
    activity.append(Activity(today.timestamp(), "session", 900))
    shown = figures(activity, today.timestamp(), "America/Mexico_City")
    assert shown.streak == 3  # today, yesterday, the day before; not the gap
    assert shown.sessions_this_month == 1
    assert shown.minutes_this_week == 15  # Mon 30 Nov to Thu 3 Dec: three of the four days
    assert len(shown.weeks) == 8 and shown.weeks[-1][0].weekday() == 0


def test_the_progress_picture_is_a_png_of_the_expected_size() -> None:
    from PIL import Image

    shown = figures([Activity(NOON, "exercise", 600)], NOON, None)
    png = chart_png(shown, "es")
    assert png is not None and png.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        assert image.size == CHART_SIZE


def test_reminder_times_and_cities() -> None:
    assert parse("07:30").minute == 7 * 60 + 30
    assert parse("7:30pm").minute == 19 * 60 + 30
    assert parse("7 pm").minute == 19 * 60
    assert parse("07:30 Buenos Aires").city == "Buenos Aires"
    assert parse("off").off and parse("25:00").bad and parse("12:75").bad
    assert zone_for("madrid") == "Europe/Madrid"
    assert zone_for("buenos aires") == "America/Argentina/Buenos_Aires"
    assert zone_for("Nueva York") is None or zone_for("new york") == "America/New_York"
    assert zone_for("atlantis") is None
    # Daylight saving moves it with the user's clock: 07:30 in Madrid is 05:30 UTC in summer,
    # 06:30 UTC in winter.
    summer = dt.datetime(2026, 7, 1, 0, 0, tzinfo=dt.UTC).timestamp()
    winter = dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC).timestamp()
    assert dt.datetime.fromtimestamp(next_time(450, "Europe/Madrid", summer), dt.UTC).hour == 5
    assert dt.datetime.fromtimestamp(next_time(450, "Europe/Madrid", winter), dt.UTC).hour == 6


async def test_remind_asks_the_zone_once_then_keeps_it(
    practising: tuple[Conversation, Clock],
) -> None:
    conversation, _clock = practising
    asked = await conversation.remind(ANA, "07:30")
    assert "time zone" in asked.text
    choice = next(a for a in asked.actions if isinstance(a, ChooseZone) and "Madrid" in a.zone)
    done = (await conversation.press(ANA, choice)).reply
    assert done is not None and "07:30 (Europe/Madrid)" in done.text
    assert "07:30 (Europe/Madrid)" in (await conversation.remind(ANA, "")).text
    assert "20:00 (Europe/Madrid)" in (await conversation.remind(ANA, "20:00")).text
    assert "Bogota" in (await conversation.remind(ANA, "8:00 bogota")).text
    assert "Reminders are off" in (await conversation.remind(ANA, "off")).text
    assert await conversation.store.reminder(ANA.id) is None


# --- through Telegram ----------------------------------------------------------------------


def _handlers(application: object) -> Handlers:
    for group in application.handlers.values():  # type: ignore[attr-defined]
        for handler in group:
            owner = getattr(handler.callback, "__self__", None)
            if isinstance(owner, Handlers):
                return owner
    raise AssertionError("no Handlers registered")


async def test_a_session_in_telegram_resumes_after_a_restart(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    user = fake.make_user(5100)["id"]
    clock = Clock(time.time())
    store = store_at(db)
    store.clock = clock
    async with running_bot(fake, library, db, store=store):
        card = await say(fake, "10 minute beginner session", user=user)
        assert "Your session" in card["text"]
        first = await press(fake, card, "▶ Start", user=user)
        assert "Exercise 1 of" in first["text"] and "⏸ Pause" in buttons(first)
        clock.now += 15
    # The bot restarts; the session is where it was, on the same message.
    store = store_at(db)
    store.clock = clock
    async with running_bot(fake, library, db, store=store) as application:
        clock.now += 15
        edits = len(fake.requests_for("editMessageText"))
        await _handlers(application).practice_clock(application.bot)
        await until(lambda: len(fake.requests_for("editMessageText")) > edits)
        current = next(m for m in fake.messages(user) if m["message_id"] == first["message_id"])
        assert "Exercise 1 of" in current["text"] and "0:30 left" in current["text"]
        clock.now += 60  # time is up: the next exercise, on the same card
        await _handlers(application).practice_clock(application.bot)
        await until(lambda: "Exercise 2 of" in fake.messages(user)[-1]["text"])
        card = fake.messages(user)[-1]
        while "Session complete" not in card["text"]:
            card = await press(fake, card, "✓ Done", user=user)
    assert "See your streak" in card["text"]


async def test_countdown_edits_stay_under_one_a_second_per_chat(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    users = [fake.make_user(5200 + n)["id"] for n in range(3)]
    async with running_bot(fake, library, db):
        for user in users:
            card = await say(fake, "10 minute beginner session", user=user)
            await press(fake, card, "▶ Start", user=user)
        started = len(fake.requests_for("editMessageText"))
        await asyncio.sleep(12)  # the scheduler's clock redraws every 10 s
        edits = fake.requests_for("editMessageText")[started:]
    assert edits, "the countdown was never redrawn"
    for user in users:
        times = sorted(r.started for r in edits if r.params.get("chat_id") == user)
        assert all(b - a >= 1.0 for a, b in itertools.pairwise(times)), times


async def test_reminders_go_out_once_a_day_in_each_zone_within_the_bulk_limit(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    zones = ("Asia/Kolkata", "Europe/Madrid", "America/Bogota")  # in the order 07:30 comes
    per_zone = 100
    clock = Clock(dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC).timestamp())
    store = store_at(db)
    store.clock = clock
    users = {
        zone: [fake.make_user(6000 + z * 1000 + n)["id"] for n in range(per_zone)]
        for z, zone in enumerate(zones)
    }
    async with running_bot(fake, library, db, store=store) as application:
        conversation = _handlers(application).conversation
        for zone, ids in users.items():
            for user in ids:
                await conversation._set_reminder(Person(user, "en"), zone, 7 * 60 + 30, "en")
        handlers = _handlers(application)

        def sent_to(ids: list[int], since: int = 0) -> int:
            return sum(r.params["chat_id"] in ids for r in fake.requests_for("sendMessage")[since:])

        for zone, ids in users.items():
            local = dt.datetime(2026, 12, 1, 7, 30, tzinfo=ZoneInfo(zone)).timestamp()
            clock.now = local + 20
            started = time.monotonic()
            # The scheduler's own duty may be sending them too: only one of the two does.
            await handlers.send_reminders(application.bot)
            await until(lambda ids=ids: sent_to(ids) >= per_zone)  # type: ignore[misc]
            took = time.monotonic() - started
            await handlers.send_reminders(application.bot)  # again: nothing twice
            await fake.wait_idle()
            assert sent_to(ids) == per_zone, zone
            assert took < 60, took  # within a minute of their time
            REMINDER_FIGURES.append((zone, per_zone, took))
            print(f"reminders: {zone}: {per_zone} users at 07:30, the last out {took:.2f} s later")
        assert "Time for today" in fake.requests_for("sendMessage")[-1].params["text"]
    # A restart the same day sends nothing again; the next morning, one each.
    store = store_at(db)
    store.clock = clock
    async with running_bot(fake, library, db, store=store) as application:
        before = len(fake.requests_for("sendMessage"))
        await _handlers(application).send_reminders(application.bot)
        await asyncio.sleep(0.5)
        assert len(fake.requests_for("sendMessage")) == before
        for zone, ids in users.items():  # the next morning, one each, zone by zone
            local = dt.datetime(2026, 12, 2, 7, 30, 20, tzinfo=ZoneInfo(zone))
            clock.now = local.timestamp()
            await _handlers(application).send_reminders(application.bot)
            await until(lambda ids=ids: sent_to(ids, before) >= per_zone)  # type: ignore[misc]
        await fake.wait_idle()
        assert len(fake.requests_for("sendMessage")) == before + per_zone * len(zones)


REMINDER_FIGURES: list[tuple[str, int, float]] = []


async def test_progress_in_telegram_comes_with_its_picture(
    fake: FakeTelegram, library: Library, db: Path
) -> None:
    from PIL import Image

    from tests.fake_telegram import UploadedFile

    user = fake.make_user(5300)["id"]
    async with running_bot(fake, library, db):
        fake.send_command(user, "/progress")
        photo = await fake.wait_for("sendPhoto", lambda r: r.params["chat_id"] == user)
        await fake.wait_idle()
    assert "Your progress" in fake.messages(user)[0]["text"]
    upload = photo.params["photo"]
    assert isinstance(upload, UploadedFile)
    with Image.open(io.BytesIO(upload.data)) as image:
        assert image.format == "PNG" and image.size == CHART_SIZE


async def test_a_session_in_spanish(practising: tuple[Conversation, Clock]) -> None:
    conversation, _clock = practising
    bea = Person(2, "es")
    card = await conversation.say(bea, "rutina de 10 minutos para principiantes")
    assert card.text.startswith("Tu sesión") and "Principiante" in card.text
    first = (await conversation.press(bea, card.actions[0], card.actions)).reply
    assert first is not None and first.text.startswith("Ejercicio 1 de")
    assert [c.label for c in first.choices] == ["⏸ Pausa", "⏭ Saltar", "✓ Hecho", "■ Parar"]
