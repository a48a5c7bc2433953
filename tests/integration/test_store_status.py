"""Pausing, resuming and verifying a store: the status changes once and its history says who and why."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import OperationalError

from vyaparai.catalog.store_status import (
    StatusChangeRefused,
    pause_store,
    record_event,
    resume_store,
    store_history,
    verify_store,
)
from vyaparai.catalog.stores import create_store, get_store_by_code

MORNING = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)
NOON = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


async def make_store(sessions, status: str = "active"):
    async with sessions() as s, s.begin():
        store = await create_store(s, code="GUPTA", name="Gupta Store", owner_phones=["98765 43210"])
        store.status = status
    return store


async def test_a_paused_store_keeps_the_reason_and_resuming_makes_it_active_again(sessions):
    await make_store(sessions)
    async with sessions() as s, s.begin():
        store = await get_store_by_code(s, "GUPTA")
        await pause_store(s, store, reason="  owner on leave till Monday ", actor="operator:+919812345678",
                          now=MORNING)
        assert store.status == "paused"
    async with sessions() as s, s.begin():
        store = await get_store_by_code(s, "GUPTA")
        assert store.status == "paused"
        await resume_store(s, store, actor="cli", now=NOON)
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        history = await store_history(s, store.id)
    assert store.status == "active"
    assert [(e.kind, e.actor, e.reason) for e in history] == [
        ("resumed", "cli", None), ("paused", "operator:+919812345678", "owner on leave till Monday")]
    assert history[1].detail == {"from": "active", "to": "paused"}


@pytest.mark.parametrize(("status", "change", "problem"), [
    ("active", "resume", "not_paused"), ("paused", "pause", "not_active"), ("active", "verify", "not_pending"),
    ("pending", "pause", "not_active"), ("active", "pause_silently", "no_reason"),
])
async def test_a_change_that_does_not_apply_is_refused_and_leaves_no_history(sessions, status, change, problem):
    await make_store(sessions, status)
    actions = {
        "resume": lambda s, st: resume_store(s, st, actor="cli"),
        "pause": lambda s, st: pause_store(s, st, reason="stock count", actor="cli"),
        "verify": lambda s, st: verify_store(s, st, actor="cli"),
        "pause_silently": lambda s, st: pause_store(s, st, reason="   ", actor="cli"),
    }
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        with pytest.raises(StatusChangeRefused) as refused:
            await actions[change](s, store)
        await s.commit()
    assert refused.value.problem == problem
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        assert store.status == status
        assert await store_history(s, store.id) == []


async def test_verifying_a_pending_store_makes_it_active(sessions):
    await make_store(sessions, "pending")
    async with sessions() as s, s.begin():
        store = await get_store_by_code(s, "GUPTA")
        await verify_store(s, store, actor="operator:+919812345678")
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        assert store.status == "active"
        assert [e.kind for e in await store_history(s, store.id)] == ["verified"]


async def test_two_resumes_at_once_leave_one_change_in_the_history(sessions):
    await make_store(sessions, "paused")

    async def resume() -> bool:
        async with sessions() as s:
            store = await get_store_by_code(s, "GUPTA")
            try:
                await resume_store(s, store, actor="cli")
                await s.commit()
                return True
            except (StatusChangeRefused, OperationalError):  # SQLite may refuse the second writer outright
                return False

    outcomes = await asyncio.gather(resume(), resume())
    assert outcomes.count(True) == 1
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA")
        assert [e.kind for e in await store_history(s, store.id)] == ["resumed"]


async def test_history_is_newest_first_and_limited(sessions):
    store = await make_store(sessions)
    async with sessions() as s, s.begin():
        for hour in range(5):
            await record_event(s, store.id, "rules_changed", actor="cli", detail={"n": hour},
                               now=datetime(2026, 6, 1, hour, tzinfo=UTC))
    async with sessions() as s:
        history = await store_history(s, store.id, limit=3)
    assert [e.detail["n"] for e in history] == [4, 3, 2]
