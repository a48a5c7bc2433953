"""Write replies to the outbox (in the caller's transaction) and hand pull-channel replies to their reader."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.messages import OutboundMessage
from vyaparai.db import driver
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.orders.privacy import finished_goodbye

# Channels whose replies are fetched by the client (the web chat page, the terminal) rather than pushed.
PULL_CHANNELS = frozenset({"web", "terminal"})


_HELD = "vyaparai.outbox_held"  # session.info key: replies queued in a session that writes them itself


def queue_replies(session: AsyncSession, store_id: int | None, replies: list[OutboundMessage]) -> list[OutboxMessage]:
    """Add replies to the session; they are written with its next flush, in the order they were added.
    In a session that holds them (hold_replies: a chat turn) they wait for its last statement instead."""
    rows = [
        OutboxMessage(store_id=store_id, channel=r.channel, recipient=r.recipient, payload=r.to_dict(),
                      status="pending", next_attempt_at=utcnow())
        for r in replies
    ]
    held = session.info.get(_HELD)
    if held is None:
        session.add_all(rows)
    else:
        held.extend(rows)
    return rows


def hold_replies(session: AsyncSession) -> None:
    """Keep what queue_replies is given out of the session's flushes, for reply_rows to hand over."""
    session.info[_HELD] = []


def reply_rows(session: AsyncSession, store_id: int | None, replies: list[OutboundMessage]) -> list[dict]:
    """The outbox rows a turn writes as it ends, oldest first: what it queued and held, then its replies.
    Ids, and with them the delivery order to each recipient, stay the order things were said in (the
    owner's new-order alert before the customer's reply)."""
    held = session.info.pop(_HELD, None) or []
    return ([{"store_id": h.store_id, "channel": h.channel, "recipient": h.recipient, "payload": h.payload}
             for h in held]
            + [{"store_id": store_id, "channel": r.channel, "recipient": r.recipient, "payload": r.to_dict()}
               for r in replies])


_INSERT_REPLY = insert(OutboxMessage.__table__)  # built once; Core, so no ORM object per reply


async def insert_rows(session: AsyncSession, rows: list[dict]) -> None:
    """Write reply_rows in one round trip (on PostgreSQL asyncpg pipelines the rows' INSERTs)."""
    if not rows:
        return
    now = utcnow()
    await driver.execute(session, _INSERT_REPLY, [{**row, "status": "pending", "attempts": 0, "next_attempt_at": now,
                                           "created_at": now} for row in rows])


async def take_pulled(session: AsyncSession, channel: str, recipient: str) -> list[OutboundMessage]:
    """Hand over every pending reply for one pull-channel recipient, oldest first, exactly once.

    The conditional UPDATE ... RETURNING claims the rows atomically, so two readers polling at
    the same moment never both get the same reply.
    """
    now = utcnow()
    pending = select(OutboxMessage.id).where(
        OutboxMessage.channel == channel, OutboxMessage.recipient == recipient, OutboxMessage.status == "pending"
    )
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(pending.scalar_subquery()), OutboxMessage.status == "pending")
        .values(status="delivered", sent_at=now, attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id, OutboxMessage.payload)
        .execution_options(synchronize_session=False)
    )
    rows = sorted(result.all())
    for row_id, payload in rows:
        # Handed over is finished on a pull channel: the goodbye after an erasure forgets where it went.
        if forget := finished_goodbye(payload):
            await session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**forget)
                                  .execution_options(synchronize_session=False))
    return [OutboundMessage.from_dict(payload) for _id, payload in rows]


async def handed_over(session: AsyncSession, channel: str, recipient: str, store_id: int,
                      limit: int) -> list[tuple[datetime, int, OutboundMessage]]:
    """The newest `limit` replies one store already handed to a pull-channel recipient, oldest first.

    Pending ones are left out: the reader takes them with take_pulled, so none is shown twice.
    """
    result = await session.execute(
        select(OutboxMessage.created_at, OutboxMessage.id, OutboxMessage.payload)
        .where(OutboxMessage.channel == channel, OutboxMessage.recipient == recipient,
               OutboxMessage.status != "pending",
               or_(OutboxMessage.store_id == store_id, OutboxMessage.store_id.is_(None)))
        .order_by(OutboxMessage.id.desc()).limit(limit)
    )
    return [(at, id_, OutboundMessage.from_dict(payload)) for at, id_, payload in reversed(result.all())
            if not (payload.get("meta") or {}).get("secret")]


async def failed_replies(session: AsyncSession, store_id: int | None = None, limit: int = 100) -> list[OutboxMessage]:
    """Replies given up on (after the last attempt, or refused by the provider), newest first."""
    query = select(OutboxMessage).where(OutboxMessage.status == "failed").order_by(OutboxMessage.id.desc()).limit(limit)
    if store_id is not None:
        query = query.where(OutboxMessage.store_id == store_id)
    return list((await session.scalars(query)).all())


async def count_failed_replies(session: AsyncSession, store_id: int) -> int:
    return await session.scalar(select(func.count()).select_from(OutboxMessage)
                                .where(OutboxMessage.status == "failed", OutboxMessage.store_id == store_id)) or 0


async def retry_failed_replies(session: AsyncSession, ids: list[int] | None = None) -> list[int]:
    """Send failed replies (these ids, or all) again, with a fresh count of attempts; returns their ids."""
    query = update(OutboxMessage).where(OutboxMessage.status == "failed")
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(ids))
    result = await session.execute(query.values(status="pending", attempts=0, next_attempt_at=utcnow())
                                   .returning(OutboxMessage.id).execution_options(synchronize_session=False))
    return sorted(result.scalars().all())
