"""Opening hours: {"mon": [["07:00", "22:00"]], ...} in India time; open now? when does it open next?"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

IST = ZoneInfo("Asia/Kolkata")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")


def is_open_now(store, now: datetime) -> bool:
    """Closed when the owner switched the store off; no hours means always open; a missing day means closed.

    An interval may run past midnight (["18:00", "02:00"]): the early hours belong to the day it started.
    """
    if not store.is_open:
        return False
    hours = store.opening_hours or {}
    if not hours:
        return True
    if now.tzinfo is None:
        raise ValueError("is_open_now needs a timezone-aware time")
    local = now.astimezone(IST)
    minute = local.hour * 60 + local.minute
    today = DAYS[local.weekday()]
    yesterday = DAYS[(local - timedelta(days=1)).weekday()]
    for start, end in _intervals(hours, today):
        if start <= minute < end or (end <= start and minute >= start):
            return True
    return any(end <= start and minute < end for start, end in _intervals(hours, yesterday))


def next_opening(store, now: datetime) -> datetime | None:
    """When the store next opens, in India time: `now` itself while it is open (or has no hours), None when it
    never opens by its hours (every day empty) or the owner switched it off.

    Only a week ahead is looked at: hours repeat weekly, so a store with any hours opens within seven days.
    """
    if not store.is_open:
        return None
    if now.tzinfo is None:
        raise ValueError("next_opening needs a timezone-aware time")
    local = now.astimezone(IST)
    if is_open_now(store, now):
        return local
    hours = store.opening_hours or {}
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    for ahead in range(8):
        day_start = midnight + timedelta(days=ahead)
        starts = sorted(start for start, _end in _intervals(hours, DAYS[day_start.weekday()]))
        for start in starts:
            # Built from the calendar date, not by adding minutes to an aware time, so it is the clock time
            # on that day (India has no daylight saving, but the arithmetic stays honest).
            opening = day_start.replace(hour=start // 60, minute=start % 60) if start < 24 * 60 \
                else day_start + timedelta(days=1)
            if opening > local:
                return opening
    return None


def check_opening_hours(hours: dict) -> str | None:
    """What is wrong with an opening-hours value, or None when it is usable."""
    if not isinstance(hours, dict):
        return "must map days (mon..sun) to lists of [\"HH:MM\", \"HH:MM\"]"
    for day, intervals in hours.items():
        if day not in DAYS:
            return f"{day!r} is not one of {', '.join(DAYS)}"
        if not isinstance(intervals, list):
            return f"{day}: must be a list of [\"HH:MM\", \"HH:MM\"] pairs"
        for interval in intervals:
            if not (isinstance(interval, list | tuple) and len(interval) == 2
                    and all(isinstance(t, str) and _CLOCK.match(t) for t in interval)):
                return f"{day}: {interval!r} is not a pair of times like [\"07:00\", \"22:00\"]"
    return None


def _intervals(hours: dict, day: str) -> list[tuple[int, int]]:
    return [(_minutes(start), _minutes(end)) for start, end in hours.get(day, ())]


def _minutes(clock: str) -> int:
    hh, mm = clock.split(":")
    return int(hh) * 60 + int(mm)
