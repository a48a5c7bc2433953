"""Record each inbound message exactly once, find the store it is for, and set aside the ones that keep failing."""
from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from weakref import WeakKeyDictionary

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import InboundLog, Store, StoreChannel
from vyaparai.db.types import utcnow


async def find_store(session: AsyncSession, msg: InboundMessage) -> Store | None:
    if msg.store_code:
        return await session.scalar(select(Store).where(Store.code == msg.store_code.upper()))
    if msg.store_ref:
        return await session.scalar(
            select(Store).join(StoreChannel).where(
                StoreChannel.channel == msg.channel, StoreChannel.external_id == msg.store_ref
            )
        )
    return None


# A store's number seldom changes hands; a newly connected one is found at once (a miss is never kept).
STORE_IDS_KEPT_FOR = 30.0  # seconds
_store_ids: WeakKeyDictionary = WeakKeyDictionary()  # per database engine: {(channel, number): (store id, until)}
_STORE_BY_CODE = select(Store.id).where(Store.code == bindparam("code"))
_STORE_BY_NUMBER = select(StoreChannel.store_id).where(StoreChannel.channel == bindparam("channel"),
                                                       StoreChannel.external_id == bindparam("number"))


async def store_id_for(conn: AsyncConnection, msg: InboundMessage, *, clock=time.monotonic) -> int | None:
    """The id of the store whose number or code `msg` was sent to, from a per-process memory of 30 s."""
    key = (msg.channel, msg.store_ref, (msg.store_code or "").upper())
    found = _store_ids.setdefault(conn.sync_engine, {})
    store_id, until = found.get(key, (None, 0.0))
    if store_id is not None and until > clock():
        return store_id
    if msg.store_code:
        store_id = await conn.scalar(_STORE_BY_CODE, {"code": msg.store_code.upper()})
    elif msg.store_ref:
        store_id = await conn.scalar(_STORE_BY_NUMBER, {"channel": msg.channel, "number": msg.store_ref})
    if store_id is None:
        found.pop(key, None)
        return None
    found[key] = (store_id, clock() + STORE_IDS_KEPT_FOR)
    return store_id


def _insert_statement(insert, *returning: str):
    """The log's INSERT … ON CONFLICT DO NOTHING, built once: building it cost more CPU than running it.

    Run with one parameter set per message; SQLAlchemy's "insertmanyvalues" sends a batch as one
    multi-row INSERT, so a webhook's messages still take one statement.
    """
    table = InboundLog.__table__
    return (insert(table).on_conflict_do_nothing(index_elements=["channel", "provider_message_id"])
            .returning(*(table.c[name] for name in returning)))


_INSERT_ONE = {"postgresql": _insert_statement(postgresql.insert, "id"),
               "sqlite": _insert_statement(sqlite.insert, "id")}
_INSERT_BATCH = {"postgresql": _insert_statement(postgresql.insert, "id", "channel", "provider_message_id"),
                 "sqlite": _insert_statement(sqlite.insert, "id", "channel", "provider_message_id")}


def _row(msg: InboundMessage, store_id: int | None, now: datetime) -> dict:
    return dict(channel=msg.channel, provider_message_id=msg.provider_message_id, store_id=store_id,
                payload=msg.to_dict(), status="received", attempts=0, received_at=now)


async def record_inbound(session: AsyncSession, msg: InboundMessage, store_id: int | None) -> int | None:
    """Log the message; returns its id, or None when this (channel, provider id) was seen before.

    INSERT ... ON CONFLICT DO NOTHING rather than catching IntegrityError: the caller's transaction
    stays usable, and two webhook deliveries racing each other can't both get through.
    """
    statement = _INSERT_ONE[session.get_bind().dialect.name]
    return (await session.execute(statement, _row(msg, store_id, utcnow()))).scalar()


async def record_batch(conn: AsyncConnection,
                       messages: Sequence[tuple[InboundMessage, int | None]]) -> list[tuple[int, InboundMessage]]:
    """Log a webhook's messages (each with its store id) in one INSERT; returns (id, message) for the new ones,
    in the batch's order. A message seen before, or twice in the batch, is recorded once."""
    now = utcnow()
    unique: dict[tuple[str, str], tuple[InboundMessage, int | None]] = {}
    for msg, store_id in messages:
        unique.setdefault((msg.channel, msg.provider_message_id), (msg, store_id))
    if not unique:
        return []
    rows = [_row(msg, store_id, now) for msg, store_id in unique.values()]
    result = await conn.execute(_INSERT_BATCH[conn.dialect.name], rows)
    ids = {(channel, provider_id): id_ for id_, channel, provider_id in result.all()}
    return [(ids[key], msg) for key, (msg, _store) in unique.items() if key in ids]


async def sent_by(session: AsyncSession, store_id: int, channel: str, sender: str,
                  limit: int) -> list[tuple[datetime, int, InboundMessage]]:
    """The newest `limit` messages one sender sent one store on one channel, oldest first (a chat's history)."""
    result = await session.execute(
        select(InboundLog.received_at, InboundLog.id, InboundLog.payload)
        .where(InboundLog.store_id == store_id, InboundLog.channel == channel,
               InboundLog.payload["sender"].as_string() == sender)
        .order_by(InboundLog.id.desc()).limit(limit)
    )
    return [(at, id_, InboundMessage.from_dict(payload)) for at, id_, payload in reversed(result.all())]


def storable_error(error: str, limit: int = 2000) -> str:
    """An error text any database stores: no NUL, no lone surrogate (a poison message's error often quotes it)."""
    return error.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")[:limit]


async def count_failure(session: AsyncSession, inbound_id: int, error: str, max_attempts: int) -> bool:
    """Count one failed attempt; at `max_attempts` the message becomes "failed" and sweeps stop retrying it.

    Returns True when it was set aside now. One conditional UPDATE, so two sweepers counting
    the same crash at once still end with the right count.
    """
    attempts = InboundLog.attempts + 1
    result = await session.execute(
        update(InboundLog).where(InboundLog.id == inbound_id, InboundLog.status == "received")
        .values(attempts=attempts, error=storable_error(error),
                status=case((attempts >= max_attempts, "failed"), else_=InboundLog.status))
        .returning(InboundLog.status).execution_options(synchronize_session=False)
    )
    return result.scalar() == "failed"


async def failed_messages(session: AsyncSession, store_id: int | None = None, limit: int = 100) -> list[InboundLog]:
    """Messages set aside as failed, newest first (for the operator)."""
    query = select(InboundLog).where(InboundLog.status == "failed").order_by(InboundLog.id.desc()).limit(limit)
    if store_id is not None:
        query = query.where(InboundLog.store_id == store_id)
    return list((await session.scalars(query)).all())


async def count_failed_messages(session: AsyncSession, store_id: int) -> int:
    return await session.scalar(select(func.count()).select_from(InboundLog)
                                .where(InboundLog.status == "failed", InboundLog.store_id == store_id)) or 0


async def retry_failed_messages(session: AsyncSession, ids: list[int] | None = None) -> list[int]:
    """Put failed messages (these ids, or all) back to be processed with a fresh count; returns their ids."""
    query = update(InboundLog).where(InboundLog.status == "failed")
    if ids is not None:
        query = query.where(InboundLog.id.in_(ids))
    result = await session.execute(query.values(status="received", attempts=0).returning(InboundLog.id)
                                   .execution_options(synchronize_session=False))
    return sorted(result.scalars().all())
