"""The short way to PostgreSQL (db/driver.py): same transaction, same rows, same errors, every statement counted.

Run on SQLite by default (where the driver hands everything to SQLAlchemy, so the same assertions hold) and
on PostgreSQL with VYAPARAI_TEST_DATABASE_URL set, where the statements go straight to asyncpg.
"""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, event, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from vyaparai.db import driver
from vyaparai.db.engine import single_statements
from vyaparai.db.models import InboundLog

_LOG = InboundLog.__table__
_RECORD = insert(_LOG).returning(_LOG.c.id, _LOG.c.payload, _LOG.c.received_at)
_MARK = (update(_LOG).where(_LOG.c.id == bindparam("log_id"), _LOG.c.status == "received")
         .values(status="processed", processed_at=bindparam("at", type_=_LOG.c.processed_at.type)))
_AT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def _row(provider_id: str, text: str = "do kilo chawal") -> dict:
    return dict(channel="whatsapp", provider_message_id=provider_id, store_id=None, status="received", attempts=0,
                payload={"sender": "9190000", "text": text}, received_at=_AT)


async def _logged(engine) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.scalars(select(_LOG.c.provider_message_id).order_by(_LOG.c.id))).all())


async def test_a_statement_sent_first_is_rolled_back_with_its_transaction(engine, sessions):
    # The adapter begins lazily: sent first, the INSERT would otherwise commit on its own and survive.
    with pytest.raises(RuntimeError):
        async with sessions() as session, session.begin():
            await driver.execute(session, _RECORD, _row("wamid.first"))
            raise RuntimeError("the turn failed")
    assert await _logged(engine) == []


async def test_a_statement_after_sqlalchemys_shares_its_transaction(engine, sessions):
    async with sessions() as session, session.begin():
        await session.execute(insert(_LOG), _row("wamid.orm"))
        await driver.execute(session, _RECORD, _row("wamid.short"))
        # What the short way wrote is visible to SQLAlchemy in the same transaction, before the commit.
        assert await session.scalar(select(func.count()).select_from(_LOG)) == 2
        await session.rollback()
    assert await _logged(engine) == []


async def test_rows_come_back_typed_as_sqlalchemy_gives_them(engine, sessions):
    async with sessions() as session, session.begin():
        row = (await driver.execute(session, _RECORD, _row("wamid.typed", "ek packet namak"))).one()
        marked = await driver.execute(session, _MARK, {"log_id": row.id, "at": _AT})
    assert row.payload == {"sender": "9190000", "text": "ek packet namak"}
    assert row.received_at == _AT and row.received_at.tzinfo is not None
    assert marked.rowcount == 1
    async with engine.connect() as conn:
        assert (await conn.execute(select(_LOG.c.status, _LOG.c.processed_at))).one() == ("processed", _AT)


async def test_many_parameter_sets_return_every_row(engine):
    async with single_statements(engine) as conn:
        rows = (await driver.execute(conn, _RECORD, [_row("wamid.a"), _row("wamid.b"), _row("wamid.c")])).all()
    assert len({row.id for row in rows}) == 3
    assert await _logged(engine) == ["wamid.a", "wamid.b", "wamid.c"]


async def test_an_autocommit_statement_stands_alone(engine):
    with pytest.raises(RuntimeError):
        async with single_statements(engine) as conn:
            await driver.execute(conn, _RECORD, _row("wamid.alone"))
            if conn.dialect.name == "sqlite":  # one BEGIN IMMEDIATE transaction there: nothing to show
                raise RuntimeError("sqlite")
            raise RuntimeError("after the statement")
    assert await _logged(engine) == ([] if engine.dialect.name == "sqlite" else ["wamid.alone"])


async def test_a_broken_constraint_is_sqlalchemys_integrity_error(sessions):
    async with sessions() as session, session.begin():
        await driver.execute(session, _RECORD, _row("wamid.twice"))
        with pytest.raises(IntegrityError):
            await driver.execute(session, _RECORD, _row("wamid.twice"))
        await session.rollback()


async def test_every_statement_on_the_short_way_is_told_to_listeners(engine, sessions, on_postgres):
    heard: list[str] = []
    seen_by_sqlalchemy: list[str] = []
    driver.listen(heard.append)
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: seen_by_sqlalchemy.append(a[2]))
    try:
        async with sessions() as session, session.begin():
            await driver.execute(session, _RECORD, _row("wamid.counted"))
            await driver.execute(session, _MARK, {"log_id": 1, "at": _AT})
    finally:
        driver.stop_listening(heard.append)
    # On SQLite SQLAlchemy sends them, and its own events count them.
    assert len(heard) == (2 if on_postgres else 0)
    # Whatever counts statements with SQLAlchemy's own event sees them either way.
    assert [s.split()[0] for s in seen_by_sqlalchemy if not s.startswith("BEGIN")] == ["INSERT", "UPDATE"]


async def test_a_connection_back_from_single_statements_is_transactional_again(engine, sessions):
    for _ in range(3):  # the pool hands the same connection back
        async with single_statements(engine) as conn:
            await driver.execute(conn, _RECORD, _row(f"wamid.ac{_}"))
    with pytest.raises(RuntimeError):
        async with sessions() as session, session.begin():
            await session.execute(insert(_LOG), _row("wamid.in_a_turn"))
            raise RuntimeError("the turn failed")
    assert await _logged(engine) == ["wamid.ac0", "wamid.ac1", "wamid.ac2"]
