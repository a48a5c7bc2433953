"""Changing a store's rules: `vyaparai store update` and update_store_rules, with the change kept in its history."""
from __future__ import annotations

import asyncio

import pytest

from vyaparai.catalog.rules_input import InvalidRule, update_store_rules
from vyaparai.catalog.store_status import store_history
from vyaparai.catalog.stores import create_store, get_store_by_code
from vyaparai.cli.main import main

ISSUE_HOURS = "Mon-Sat 08:00-21:00, Sun 09:00-13:00"


@pytest.fixture
async def shop(sessions):
    async with sessions() as s, s.begin():
        await create_store(s, code="GUPTA", name="Gupta Store", owner_phones=["98765 43210"])


async def _vyaparai(monkeypatch, database_url, *argv: str) -> int:
    monkeypatch.setenv("DATABASE_URL", database_url)
    return await asyncio.to_thread(main, list(argv))  # the command runs its own event loop


async def _store(sessions):
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        return store, await store_history(s, store.id)


async def test_store_update_sets_every_rule_and_prints_them(shop, sessions, database_url, monkeypatch, capsys):
    status = await _vyaparai(monkeypatch, database_url, "store", "update", "--code", "gupta",
                             "--min-order-inr", "200", "--delivery-charge-inr", "25",
                             "--free-delivery-above-inr", "₹500", "--hours", ISSUE_HOURS, "--cod", "on",
                             "--online", "off", "--radius-km", "3")
    out = capsys.readouterr().out
    assert status == 0
    assert "₹200" in out and "₹25" in out and ISSUE_HOURS in out and "3 km" in out
    store, history = await _store(sessions)
    assert (store.min_order_paise, store.delivery_charge_paise, store.free_delivery_above_paise) == (20000, 2500, 50000)
    assert store.opening_hours["sun"] == [["09:00", "13:00"]]
    assert (store.cod_enabled, store.online_enabled, store.delivery_radius_km) == (True, False, 3.0)
    [event] = history
    assert (event.kind, event.actor) == ("rules_changed", "cli")
    assert event.detail["old"]["min_order_paise"] == 0 and event.detail["new"]["min_order_paise"] == 20000
    assert "cod_enabled" not in event.detail["new"]  # it was on already


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--min-order-inr", "-50", "cannot be below zero"), ("--radius-km", "80", "at most 50 km"),
    ("--hours", "Mon 9-25", "not a time of day"), ("--cod", "maybe", "must be on or off"),
])
async def test_a_bad_value_exits_2_and_changes_nothing(shop, sessions, database_url, monkeypatch, capsys,
                                                       option, value, said):
    status = await _vyaparai(monkeypatch, database_url, "store", "update", "--code", "GUPTA",
                             "--delivery-charge-inr", "30", option, value)
    err = capsys.readouterr().err
    assert status == 2
    assert option in err and said in err and "nothing was changed" in err
    store, history = await _store(sessions)
    assert store.delivery_charge_paise == 0 and history == []


async def test_switching_off_both_cash_and_online_is_refused(shop, sessions, database_url, monkeypatch, capsys):
    assert await _vyaparai(monkeypatch, database_url, "store", "update", "--code", "GUPTA", "--online", "off") == 0
    status = await _vyaparai(monkeypatch, database_url, "store", "update", "--code", "GUPTA", "--cod", "off",
                             "--min-order-inr", "100")
    assert status == 2
    assert "cannot both be off" in capsys.readouterr().err
    store, history = await _store(sessions)
    assert (store.cod_enabled, store.online_enabled, store.min_order_paise) == (True, False, 0)
    assert len(history) == 1


async def test_an_update_that_changes_nothing_leaves_no_history(shop, sessions):
    async with sessions() as s, s.begin():
        store = await get_store_by_code(s, "GUPTA")
        assert await update_store_rules(s, store, {"cod_enabled": True, "min_order_paise": 0}, "cli") == {}
    assert (await _store(sessions))[1] == []


@pytest.mark.parametrize("changes", [
    {"min_order_paise": -1}, {"min_order_paise": 12.5}, {"delivery_radius_km": 0}, {"cod_enabled": "off"},
    {"opening_hours": {"monday": []}}, {"name": "New name"},
])
async def test_values_that_skipped_parsing_are_still_checked(shop, sessions, changes):
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        with pytest.raises(InvalidRule):
            await update_store_rules(s, store, changes, "owner:+919876543210")


async def test_pause_show_and_resume_from_the_command_line(shop, sessions, database_url, monkeypatch, capsys):
    assert await _vyaparai(monkeypatch, database_url, "store", "pause", "--code", "GUPTA",
                           "--reason", "Diwali holidays") == 0
    assert await _vyaparai(monkeypatch, database_url, "store", "pause", "--code", "GUPTA", "--reason", "again") == 2
    assert "only an active store can be paused" in capsys.readouterr().err
    assert await _vyaparai(monkeypatch, database_url, "store", "show", "--code", "GUPTA") == 0
    shown = capsys.readouterr().out
    assert "GUPTA (Gupta Store): paused" in shown and "paused by cli: Diwali holidays" in shown
    assert await _vyaparai(monkeypatch, database_url, "store", "resume", "--code", "GUPTA") == 0
    assert await _vyaparai(monkeypatch, database_url, "store", "resume", "--code", "GUPTA") == 2
    store, history = await _store(sessions)
    assert store.status == "active" and [e.kind for e in history] == ["resumed", "paused"]
