"""Store rules as typed by an operator or owner: amounts, switches, radius and opening hours in and out."""
from __future__ import annotations

import pytest

from vyaparai.catalog.rules_input import (
    InvalidRule,
    format_hours,
    parse_hours,
    parse_radius_km,
    parse_rule,
    parse_rules,
    parse_rupees,
    parse_switch,
    parse_week,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat")


@pytest.mark.parametrize(("text", "paise"), [
    ("200", 20000), ("199.50", 19950), ("₹200", 20000), ("Rs. 1,250", 125000), (" 0 ", 0), ("49.5", 4950),
])
def test_rupees_become_exact_paise(text, paise):
    assert parse_rupees(text, "min_order_paise") == paise


@pytest.mark.parametrize(("text", "problem"), [
    ("-5", "cannot be below zero"), ("abc", "is not an amount in rupees"), ("", "is not an amount in rupees"),
    ("1.234", "more than 2 decimals"), ("12,50", "is not an amount"), ("60000", "more than ₹50,000"),
])
def test_a_minimum_order_that_cannot_be_right_is_refused_with_a_sentence(text, problem):
    with pytest.raises(InvalidRule) as refused:
        parse_rupees(text, "min_order_paise")
    assert refused.value.field == "min_order_paise"
    assert problem in refused.value.problem


def test_a_delivery_charge_above_a_thousand_rupees_is_taken_for_a_typo():
    assert parse_rupees("1000", "delivery_charge_paise") == 100000
    with pytest.raises(InvalidRule, match="more than ₹1,000"):
        parse_rupees("2500", "delivery_charge_paise")


def test_free_delivery_can_be_switched_off_but_not_set_to_zero():
    assert parse_rupees("none", "free_delivery_above_paise") is None
    assert parse_rupees("499", "free_delivery_above_paise") == 49900
    with pytest.raises(InvalidRule, match="more than 0"):
        parse_rupees("0", "free_delivery_above_paise")


@pytest.mark.parametrize(("text", "value"), [("on", True), ("OFF", False), ("yes", True), ("No", False),
                                             ("true", True), ("false", False)])
def test_switches_read_on_off_yes_no_true_false(text, value):
    assert parse_switch(text, "cod_enabled") is value


def test_a_switch_that_is_neither_on_nor_off_is_refused():
    with pytest.raises(InvalidRule, match="on or off"):
        parse_switch("maybe", "online_enabled")


@pytest.mark.parametrize(("text", "km"), [("3", 3.0), ("2.5 km", 2.5), ("50", 50.0), ("none", None)])
def test_radius_is_kilometres_up_to_fifty_or_anywhere(text, km):
    assert parse_radius_km(text) == km


@pytest.mark.parametrize("text", ["0", "-1", "50.5", "nan", "inf", "far"])
def test_a_radius_outside_zero_to_fifty_km_is_refused(text):
    with pytest.raises(InvalidRule) as refused:
        parse_radius_km(text)
    assert refused.value.field == "delivery_radius_km"


def test_the_issue_example_gives_each_day_its_hours():
    hours = parse_hours("Mon-Sat 08:00-21:00, Sun 09:00-13:00")
    assert hours == {**{d: [["08:00", "21:00"]] for d in WEEKDAYS}, "sun": [["09:00", "13:00"]]}


def test_hours_read_closed_days_split_days_overnight_and_lower_case():
    hours = parse_hours("mon 08:00-13:00 16:00-21:00, tue-thu 8am-9pm, fri 18:00-02:00, sat closed")
    assert hours["mon"] == [["08:00", "13:00"], ["16:00", "21:00"]]
    assert hours["tue"] == hours["thu"] == [["08:00", "21:00"]]
    assert hours["fri"] == [["18:00", "02:00"]]
    assert hours["sat"] == hours["sun"] == []  # named closed, and not named at all


def test_daily_then_a_closed_day_overrides_that_day():
    hours = parse_hours("Daily 7:30-22:00; Sun closed")
    assert hours["sat"] == [["07:30", "22:00"]] and hours["sun"] == []


def test_always_open_is_no_hours_at_all():
    assert parse_hours("always") == {} == parse_hours("daily 00:00-24:00")


@pytest.mark.parametrize(("text", "problem"), [
    ("Mon", "needs times"), ("Mon 25:00-26:00", "not a time of day"), ("Funday 8-9", "is not a day"),
    ("Mon 08:00-08:00", "same time"), ("Mon 08:00-13:00 12:00-21:00", "overlap"), ("9-5", "which days"),
    ("daily closed", "closed every day"), ("Mon 8-9 closed", "closed day has no times"), ("", "is empty"),
])
def test_hours_that_cannot_be_meant_are_refused_saying_why(text, problem):
    with pytest.raises(InvalidRule) as refused:
        parse_hours(text)
    assert refused.value.field == "opening_hours"
    assert problem in refused.value.problem


@pytest.mark.parametrize("text", [
    "Mon-Sat 08:00-21:00, Sun 09:00-13:00", "daily 08:00-21:00", "Mon 08:00-13:00 16:00-21:00, Tue-Sun closed",
    "Mon-Thu closed, Fri 18:00-02:00, Sat-Sun closed", "always open",
])
def test_hours_are_shown_as_the_text_that_sets_them(text):
    assert format_hours(parse_hours(text)) == text


def test_hours_from_the_database_show_missing_days_as_closed():
    assert format_hours({"mon": [["07:00", "22:00"]]}) == "Mon 07:00-22:00, Tue-Sun closed"


def test_parse_rules_keeps_every_problem_and_every_good_value():
    values, problems = parse_rules({"min_order_paise": "150", "cod_enabled": "sometimes", "opening_hours": "x 1-2"})
    assert values == {"min_order_paise": 15000}
    assert set(problems) == {"cod_enabled", "opening_hours"}
    assert parse_rule("orders_when_closed", "yes") is True


def test_a_week_of_form_rows_skips_blank_pairs_and_marks_each_bad_day():
    hours, problems = parse_week({"mon": [("08:00", "13:00"), ("16:00", "21:00")], "tue": [("9", ""), ("", "")],
                                  "wed": [("", "")], "thu": [("10:00", "12:00"), ("11:00", "14:00")], "sun": None})
    assert hours == {} and set(problems) == {"tue", "wed", "thu"}
    assert "overlap" in problems["thu"].problem
    hours, problems = parse_week({"mon": [("08:00", "13:00"), ("", "")], "fri": [("18:00", "00:00")], "sun": None})
    assert problems == {}
    assert hours["mon"] == [["08:00", "13:00"]] and hours["fri"] == [["18:00", "24:00"]] and hours["sun"] == []


def test_a_week_closed_every_day_is_refused_and_one_open_round_the_clock_means_no_hours():
    assert set(parse_week(dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun")))[1]) == {"week"}
    always = {day: [("00:00", "00:00")] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    assert parse_week(always) == ({}, {})
