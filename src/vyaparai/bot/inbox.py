"""Record each inbound message exactly once, and find the store it is for."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
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
