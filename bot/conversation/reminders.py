"""Daily reminders: "/remind 07:30" in the user's time zone, "/remind off", "/remind".

The time zone is asked once (buttons for common ones, or a city written after the time:
"/remind 07:30 Madrid") and kept with the user. Each reminder keeps the Unix time of its next
sending (`next_at`), computed in the user's zone, so daylight saving moves it as it moves
the user's clock. The scheduled duty (one worker) sends the due ones: it first moves `next_at`
to the next day in one conditional update, so a reminder goes out at most once a day however
many workers look; one more than `LATE` late (the bot was down) is skipped, not sent at noon.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.store import Reminder

LATE = 2 * 60 * 60  # seconds: later than this, today's reminder is skipped
COMMON_ZONES = (
    "Europe/London",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Bogota",
    "America/Argentina/Buenos_Aires",
    "Asia/Kolkata",
    "Australia/Sydney",
)
AREAS = tuple(
    f"{area}/"
    for area in "Africa America Antarctica Asia Atlantic Australia Europe Indian Pacific".split()
)
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RemindRequest:
    """What "/remind ..." asks: off, show, or a time (minutes after midnight) and maybe a city."""

    off: bool = False
    minute: int | None = None
    city: str = ""
    bad: bool = False  # a time that is no time ("25:99")


def parse(
    text: str, off_words: frozenset[str] = frozenset({"off", "stop", "no", "apagar"})
) -> RemindRequest:
    words = text.strip().split(maxsplit=1)
    if not words:
        return RemindRequest()
    if words[0].casefold() in off_words:
        return RemindRequest(off=True)
    first, rest = words[0], words[1] if len(words) > 1 else ""
    if len(words) > 1 and words[1].casefold() in ("am", "pm"):
        first, rest = f"{first}{words[1]}", ""
    match = _TIME.match(first)
    if match is None:
        return RemindRequest(bad=True)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").casefold()
    if half:
        if not 1 <= hour <= 12:
            return RemindRequest(bad=True)
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return RemindRequest(bad=True)
    return RemindRequest(minute=hour * 60 + minute, city=rest.strip())


@cache
def _zones() -> dict[str, str]:
    """City -> zone: "buenos aires" -> "America/Argentina/Buenos_Aires"."""
    found: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.startswith(AREAS):  # cities; not legacy names like "Canada/Atlantic"
            city = zone.rsplit("/", 1)[-1].replace("_", " ").casefold()
            # The current name over an old alias: "America/Argentina/Buenos_Aires".
            if city not in found or zone.count("/") > found[city].count("/"):
                found[city] = zone
    return found


def zone_for(city: str) -> str | None:
    """The time zone of a city as written ("madrid", "Buenos Aires", "new york"), if known."""
    wanted = city.strip().casefold()
    if not wanted:
        return None
    if wanted in _zones():
        return _zones()[wanted]
    for zone in zoneinfo.available_timezones():  # "Europe/Madrid" written in full
        if zone.casefold() == wanted:
            return zone
    best = process.extractOne(wanted, list(_zones()), scorer=fuzz.ratio, score_cutoff=85)
    return _zones()[best[0]] if best else None


def valid_zone(zone: str) -> bool:
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def next_time(minute: int, zone: str, after: float) -> float:
    """The first moment after `after` when the clock in `zone` shows `minute` past midnight."""
    tz = zoneinfo.ZoneInfo(zone)
    local = dt.datetime.fromtimestamp(after, tz)
    for days in range(3):
        date = local.date() + dt.timedelta(days=days)
        wanted = dt.datetime.combine(date, dt.time(minute // 60, minute % 60), tz)
        # A time skipped by the clocks going forward falls to the hour after.
        moment = wanted.timestamp()
        if moment > after:
            return moment
    raise AssertionError("unreachable: a day always has the minute")


def due_action(reminder: Reminder, zone: str, now: float) -> tuple[bool, float]:
    """Whether to send `reminder` now (not too late), and when the next one is."""
    return now - reminder.next_at <= LATE, next_time(reminder.minute, zone, now)


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"
