"""Record each inbound message exactly once, find the store it is for, and set aside the ones that keep failing."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

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


async def record_inbound(session: AsyncSession, msg: InboundMessage, store_id: int | None) -> int | None:
    """Log the message; returns its id, or None when this (channel, provider id) was seen before.

    INSERT ... ON CONFLICT DO NOTHING rather than catching IntegrityError: the caller's transaction
    stays usable, and two webhook deliveries racing each other can't both get through.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(InboundLog)
        .values(
            channel=msg.channel,
            provider_message_id=msg.provider_message_id,
            store_id=store_id,
            payload=msg.to_dict(),
            status="received",
            received_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["channel", "provider_message_id"])
        .returning(InboundLog.id)
    )
    return await session.scalar(stmt)


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
