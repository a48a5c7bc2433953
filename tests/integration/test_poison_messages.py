"""A message that can never be processed is retried max_attempts times, then set aside; it never blocks the others."""
import argparse
import asyncio
import json
from datetime import timedelta

from sqlalchemy import select, update

from tests.integration.factories import make_store
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.cli import inbox as inbox_cli
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.workers import jobs
from vyaparai.workers.services import Services

POISONS = 100


async def _recorded(sessions, on_postgres) -> int:
    """100 poison messages, as recorded before the edges cleaned senders, then one good one; returns the store id."""
    # PostgreSQL refuses a NUL in text; SQLite cannot encode a lone surrogate. Either fails on every try.
    poison = "\x00bad" if on_postgres else "\ud800bad"
    async with sessions() as s, s.begin():
        store = await make_store(s, code="POISON")
        for i in range(POISONS):
            await record_inbound(s, InboundMessage(channel="web", provider_message_id=f"poison-{i}",
                                                   sender=poison + str(i), text="hi", store_code="POISON"), store.id)
        await record_inbound(s, InboundMessage(channel="web", provider_message_id="good", sender="good-session-1",
                                               text="hello", store_code="POISON"), store.id)
        # Left behind by a crashed process a while ago, so the sweeper is the one to pick them up.
        await s.execute(update(InboundLog).values(received_at=utcnow() - timedelta(minutes=5)))
    return store.id


async def _statuses(sessions) -> dict[str, tuple[str, int]]:
    async with sessions() as s:
        rows = (await s.execute(select(InboundLog.provider_message_id, InboundLog.status, InboundLog.attempts))).all()
    return {mid: (status, attempts) for mid, status, attempts in rows}


async def test_poison_messages_are_set_aside_and_the_good_one_behind_them_is_answered(database_url, sessions,
                                                                                      on_postgres):
    await _recorded(sessions, on_postgres)
    services = Services.create(Settings(database_url=database_url, max_attempts=3))
    try:
        # The good one is answered by the second sweep (fewest attempts first); the fourth ends the poison.
        await jobs.sweep(services)
        await jobs.sweep(services)
        assert (await _statuses(sessions))["good"] == ("processed", 0)
        await jobs.sweep(services)
        await jobs.sweep(services)
        statuses = await _statuses(sessions)
        assert statuses.pop("good") == ("processed", 0)
        assert set(statuses.values()) == {("failed", 3)}
        async with sessions() as s:
            assert await s.scalar(select(OutboxMessage.id).where(OutboxMessage.recipient == "good-session-1"))
            errors = (await s.scalars(select(InboundLog.error).where(InboundLog.status == "failed"))).all()
        assert all(errors)
        await jobs.sweep(services)  # a later sweep leaves them alone
        assert set((await _statuses(sessions)).values()) == {("failed", 3), ("processed", 0)}
    finally:
        await services.close()


def _args(*argv):
    parser = argparse.ArgumentParser(prog="vyaparai")
    inbox_cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["inbox", *argv])


async def test_the_operator_lists_failed_messages_and_retries_them(database_url, sessions, on_postgres, monkeypatch,
                                                                   capsys):
    await _recorded(sessions, on_postgres)
    services = Services.create(Settings(database_url=database_url, max_attempts=1))
    try:
        await jobs.sweep(services)
    finally:
        await services.close()
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert await asyncio.to_thread(inbox_cli.run, _args("failed", "--store", "poison", "--json", "--limit", "500")) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == POISONS and all(row["kind"] == "inbound" and row["attempts"] == 1 for row in listed)
    first = listed[-1]["id"]
    assert await asyncio.to_thread(inbox_cli.run, _args("retry", "--id", str(first))) == 0
    assert f"1 messages will be processed again: {first}" in capsys.readouterr().out
    async with sessions() as s:
        assert (await s.get(InboundLog, first)).status == "received"
