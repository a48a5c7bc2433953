"""Store rules without a database: opening hours in India time, owner phone numbers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from vyaparai.catalog.hours import check_opening_hours
from vyaparai.catalog.stores import InvalidStoreValue, is_open_now, is_owner, normalize_phone

DAILY_7_TO_22 = {d: [["07:00", "22:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@dataclass
class FakeStore:
    opening_hours: dict = field(default_factory=dict)
    is_open: bool = True
    owner_phones: list = field(default_factory=list)


def ist(day: int, hh: int, mm: int = 0) -> datetime:
    """A UTC time for hh:mm India time on 2026-06-`day` (IST is UTC+5:30); 2026-06-01 is a Monday."""
    return datetime(2026, 6, day, tzinfo=UTC) + timedelta(minutes=hh * 60 + mm - 330)


def test_store_is_open_inside_its_hours_in_india_time():
    store = FakeStore(DAILY_7_TO_22)
    assert is_open_now(store, ist(1, 7, 0))
    assert is_open_now(store, ist(1, 21, 59))
    assert not is_open_now(store, ist(1, 22, 0))
    assert not is_open_now(store, ist(1, 6, 59))
    # 03:00 UTC is 08:30 in India: open, though a UTC clock would say "too early".
    assert is_open_now(store, datetime(2026, 6, 1, 3, 0, tzinfo=UTC))


def test_a_day_missing_from_the_hours_is_closed():
    store = FakeStore({"mon": [["09:00", "13:00"], ["16:00", "21:00"]]})
    assert is_open_now(store, ist(1, 10))
    assert not is_open_now(store, ist(1, 14))
    assert is_open_now(store, ist(1, 17))
    assert not is_open_now(store, ist(2, 10))  # Tuesday


def test_hours_past_midnight_belong_to_the_day_they_started():
    store = FakeStore({"fri": [["18:00", "02:00"]]})
    assert is_open_now(store, ist(5, 23))   # Friday night
    assert is_open_now(store, ist(6, 1, 30))  # early Saturday
    assert not is_open_now(store, ist(6, 2, 30))
    assert not is_open_now(store, ist(4, 1))  # early Thursday: Wednesday had no late hours


def test_no_hours_means_always_open_and_the_owner_switch_closes():
    assert is_open_now(FakeStore({}), ist(1, 3))
    assert not is_open_now(FakeStore({}, is_open=False), ist(1, 12))
    assert not is_open_now(FakeStore(DAILY_7_TO_22, is_open=False), ist(1, 12))


@pytest.mark.parametrize("hours", [{"monday": [["07:00", "22:00"]]}, {"mon": [["7", "22"]]}, {"mon": "07-22"},
                                   {"mon": [["07:00", "25:00"]]}])
def test_unusable_opening_hours_are_explained(hours):
    assert check_opening_hours(hours)


@pytest.mark.parametrize("written", ["9876543210", "+91 98765 43210", "098765-43210", "919876543210",
                                     "0091 9876543210", "(+91) 98765.43210"])
def test_indian_numbers_in_any_format_become_one_form(written):
    assert normalize_phone(written) == "919876543210"


@pytest.mark.parametrize("written", ["12345", "phone", "+91 98765", "0123456789"])
def test_things_that_are_not_phone_numbers_are_refused(written):
    with pytest.raises(InvalidStoreValue):
        normalize_phone(written)


def test_owner_is_recognised_however_the_number_is_written():
    store = FakeStore(owner_phones=["919876543210"])
    assert is_owner(store, "+91 98765 43210")
    assert is_owner(store, "9876543210")
    assert not is_owner(store, "9876543211")
    assert not is_owner(store, None)
