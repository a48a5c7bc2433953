"""Calendar days in India time (Asia/Kolkata) turned into UTC bounds, so queries stay plain comparisons.

The database keeps UTC; "today" for a shopkeeper is the IST calendar day, which starts at 18:30 UTC
the day before. Doing the date math here, not with database date functions, keeps SQLite and
PostgreSQL giving the same answer.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

IST = ZoneInfo("Asia/Kolkata")


def ist_date(when: datetime) -> date:
    """The IST calendar day `when` (an aware datetime) falls on."""
    return when.astimezone(IST).date()


def day_start_utc(day: date) -> datetime:
    """Midnight at the start of `day` in India, as an aware UTC datetime."""
    return datetime.combine(day, time(0), tzinfo=IST).astimezone(UTC)


def days_utc(first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) in UTC covering the IST days `first` to `last`, both included."""
    return day_start_utc(first), day_start_utc(last + timedelta(days=1))


def ist_text(when: datetime) -> str:
    """'2026-01-05 15:30' in IST: what a spreadsheet reads as a date and time."""
    return when.astimezone(IST).strftime("%Y-%m-%d %H:%M")
