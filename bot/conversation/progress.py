"""Progress: the streak in days, minutes this week, sessions this month, and the last 8 weeks.

Days and weeks are the user's own (their time zone, UTC until they give one for reminders);
weeks start on Monday. The picture is a small bar chart drawn with matplotlib when the
optional `charts` extra is installed (`pip install '.[charts]'`); without it the same figures
come as text bars, so the default install stays light.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.conversation.i18n import translator
from bot.conversation.reply import Part, Reply, Span, Style
from bot.store import Activity, Store

WEEKS = 8
CHART_SIZE = (640, 320)  # pixels of the PNG


@dataclass(frozen=True, slots=True)
class Progress:
    streak: int  # days in a row with practice, up to today (or yesterday: today is not over)
    minutes_this_week: int
    sessions_this_month: int
    weeks: tuple[tuple[dt.date, int], ...]  # the last WEEKS Mondays and the minutes of each


def figures(activity: list[Activity], now: float, zone: str | None) -> Progress:
    tz = ZoneInfo(zone) if zone else dt.UTC
    today = dt.datetime.fromtimestamp(now, tz).date()
    days = {dt.datetime.fromtimestamp(a.finished_at, tz).date() for a in activity}
    day = today if today in days else today - dt.timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= dt.timedelta(days=1)
    monday = today - dt.timedelta(days=today.weekday())
    mondays = [monday - dt.timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    seconds = dict.fromkeys(mondays, 0)
    sessions = 0
    for item in activity:
        date = dt.datetime.fromtimestamp(item.finished_at, tz).date()
        if item.kind == "session":
            sessions += date.year == today.year and date.month == today.month
            continue
        week = date - dt.timedelta(days=date.weekday())
        if week in seconds:
            seconds[week] += item.seconds
    weeks = tuple((week, round(total / 60)) for week, total in seconds.items())
    return Progress(streak, weeks[-1][1], sessions, weeks)


async def progress(store: Store, user_id: int, now: float) -> Progress:
    since = now - (WEEKS * 7 + 40) * 24 * 3600  # the weeks shown and the month so far
    state = await store.user_state(user_id)
    return figures(await store.activity(user_id, since), now, state.zone)


def progress_reply(figures: Progress, lang: str) -> Reply:
    _ = translator(lang)
    lines = [
        (Span(_("Your progress"), Style.BOLD),),
        (Span(_("🔥 Streak: {days} day(s) in a row", days=figures.streak)),),
        (Span(_("⏱ This week: {minutes} min", minutes=figures.minutes_this_week)),),
        (Span(_("✓ Sessions this month: {count}", count=figures.sessions_this_month)),),
        (Span(""),),
        (Span(_("Minutes per week, last 8 weeks:"), Style.ITALIC),),
    ]
    top = max((m for _week, m in figures.weeks), default=0) or 1
    for week, minutes in figures.weeks:
        bar = "█" * round(12 * minutes / top) if minutes else "·"
        lines.append((Span(f"{week:%d.%m} {bar} {minutes}"),))
    return Reply((Part(tuple(lines)),))


def chart_png(figures: Progress, lang: str) -> bytes | None:
    """The last 8 weeks as a bar chart (PNG); None without the `charts` extra."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display: draw into memory
        from matplotlib import pyplot
    except ImportError:
        return None
    _ = translator(lang)
    width, height = CHART_SIZE
    figure = pyplot.figure(figsize=(width / 100, height / 100), dpi=100)
    try:
        axes = figure.add_subplot()
        labels = [f"{week:%d.%m}" for week, _minutes in figures.weeks]
        values = [minutes for _week, minutes in figures.weeks]
        axes.bar(labels, values, color="#4a90a4")
        axes.set_title(_("Minutes per week"))
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()
    finally:
        pyplot.close(figure)
