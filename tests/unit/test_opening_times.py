"""When a closed shop opens next (catalog/hours.py next_opening), and how the bot says it, in India time."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from vyaparai.bot.store_rules import opening_sentence
from vyaparai.catalog.hours import IST, next_opening

MON_SAT_8_TO_21 = {d: [["08:00", "21:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}


@dataclass
class FakeStore:
    opening_hours: dict = field(default_factory=dict)
    is_open: bool = True


def ist(day: int, hh: int, mm: int = 0) -> datetime:
    """A UTC time for hh:mm India time on 2026-06-`day`; 2026-06-01 is a Monday."""
    return datetime(2026, 6, day, tzinfo=UTC) + timedelta(minutes=hh * 60 + mm - 330)


def local(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 6, day, hh, mm, tzinfo=IST)


def test_closed_in_the_evening_opens_the_next_morning():
    assert next_opening(FakeStore(MON_SAT_8_TO_21), ist(1, 22, 15)) == local(2, 8)


def test_before_opening_time_it_opens_later_the_same_day():
    assert next_opening(FakeStore(MON_SAT_8_TO_21), ist(2, 6, 30)) == local(2, 8)


def test_a_missing_day_is_skipped():
    # Saturday night: Sunday is not in the hours, so Monday 08:00.
    assert next_opening(FakeStore(MON_SAT_8_TO_21), ist(6, 21, 30)) == local(8, 8)


def test_a_lunch_break_opens_at_the_afternoon_interval():
    store = FakeStore({"mon": [["16:00", "21:00"], ["09:00", "13:00"]]})  # out of order on purpose
    assert next_opening(store, ist(1, 14)) == local(1, 16)
    assert next_opening(store, ist(1, 8)) == local(1, 9)


def test_an_overnight_interval_is_open_after_midnight_and_opens_again_in_the_evening():
    store = FakeStore({"fri": [["18:00", "02:00"]], "sat": [["18:00", "02:00"]]})
    assert next_opening(store, ist(6, 1, 30)) == local(6, 1, 30)  # early Saturday: still Friday's night
    assert next_opening(store, ist(6, 3)) == local(6, 18)  # Saturday after closing: Saturday evening
    assert next_opening(store, ist(7, 3)) == local(12, 18)  # Sunday after Saturday's night: next Friday


def test_open_now_and_always_open_give_now():
    now = ist(3, 11)
    assert next_opening(FakeStore(MON_SAT_8_TO_21), now) == now
    assert next_opening(FakeStore({}), now) == now


def test_a_store_switched_off_or_with_no_day_open_has_no_next_opening():
    assert next_opening(FakeStore(MON_SAT_8_TO_21, is_open=False), ist(3, 11)) is None
    assert next_opening(FakeStore({"mon": []}), ist(3, 11)) is None


def test_the_bot_says_today_tomorrow_or_the_weekday_in_the_customers_language():
    now = ist(6, 21, 30)  # Saturday night
    assert opening_sentence("en", local(6, 22, 5), now) == ("closed_opens_today", {"time": "22:05"})
    assert opening_sentence("en", local(7, 9), now) == ("closed_opens_tomorrow", {"time": "9:00"})
    assert opening_sentence("en", local(8, 8), now) == ("closed_opens_on", {"time": "8:00", "day": "Monday"})
    assert opening_sentence("hi", local(8, 8), now)[1]["day"] == "सोमवार"
    assert opening_sentence("ta", None, now) == ("closed_for_now", {})


def test_tomorrow_is_counted_in_india_time_not_utc():
    # 20:00 UTC on Monday is already 01:30 Tuesday in India: 08:00 Tuesday is "today", not "tomorrow".
    now = datetime(2026, 6, 1, 20, 0, tzinfo=UTC)
    opens = next_opening(FakeStore(MON_SAT_8_TO_21), now)
    assert opens == local(2, 8)
    assert opening_sentence("en", opens, now)[0] == "closed_opens_today"
