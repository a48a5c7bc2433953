"""Deliver due outbox rows through push channels, with retries and backoff; pull channels are skipped.

A row is claimed with a lease before it is sent. If the process dies after the provider accepted
the message but before we marked it sent, the lease runs out and the row is sent again: push
delivery is at least once, never lost. (Pull channels — web chat, terminal — hand each row over
exactly once, in the same statement that marks it delivered.)
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from vyaparai.bot.inbox import storable_error
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.outbox import PULL_CHANNELS
from vyaparai.channels.base import Channel, ChannelError
from vyaparai.db.engine import Sessions
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8
BACKOFF_SECONDS = (2, 5, 15, 60, 300, 900, 1800)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1])


async def claim_due(sessions: Sessions, now: datetime, limit: int = 50) -> list[tuple[int, str, dict, int]]:
    async with sessions() as session, session.begin():
        due = (
            select(OutboxMessage.id)
            .where(OutboxMessage.channel.not_in(PULL_CHANNELS))
            .where(or_(
                (OutboxMessage.status == "pending") & (OutboxMessage.next_attempt_at <= now),
                (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now),
            ))
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        rows = await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(due.scalar_subquery()))
            .where(or_(OutboxMessage.status == "pending",
                       (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now)))
            .values(status="sending", lease_until=now + LEASE, attempts=OutboxMessage.attempts + 1)
            .returning(OutboxMessage.id, OutboxMessage.channel, OutboxMessage.payload, OutboxMessage.attempts)
            .execution_options(synchronize_session=False)
        )
        return sorted(rows.all())


async def deliver_due(sessions: Sessions, channels: Mapping[str, Channel], *, now: datetime | None = None,
                      limit: int = 50, max_attempts: int = MAX_ATTEMPTS) -> int:
    """Send what is due; returns how many were sent. After `max_attempts` tries a row is "failed" for good."""
    now = now or utcnow()
    sent = 0
    for row_id, channel_name, payload, attempts in await claim_due(sessions, now, limit):
        channel = channels.get(channel_name)
        if channel is None:
            await _finish(sessions, row_id, status="undeliverable",
                          error=f"channel {channel_name!r} is not configured", payload=_forgotten(payload))
            continue
        try:
            # The row id goes along so a channel can make a retry idempotent (RBM's messageId).
            provider_id = await channel.send(OutboundMessage.from_dict(
                {**payload, "meta": {**(payload.get("meta") or {}), "outbox_id": row_id}}))
        except ChannelError as e:
            final = not e.retryable or attempts >= max_attempts
            logger.warning("sending outbox %d on %s failed (attempt %d): %s", row_id, channel_name, attempts, e)
            await _finish(sessions, row_id, status="failed" if final else "pending", error=str(e),
                          next_attempt_at=None if final else utcnow() + backoff(attempts),
                          payload=_forgotten(payload) if final else None)
            continue
        except Exception as e:  # a bug in an adapter must not stop the other deliveries
            logger.exception("unexpected error sending outbox %d on %s", row_id, channel_name)
            final = attempts >= max_attempts  # a row that always crashes is set aside, not retried forever
            await _finish(sessions, row_id, status="failed" if final else "pending", error=storable_error(repr(e)),
                          next_attempt_at=None if final else utcnow() + backoff(attempts))
            continue
        await _finish(sessions, row_id, status="sent", provider_message_id=provider_id, sent_at=utcnow(),
                      payload=_forgotten(payload))
        sent += 1
    return sent


def _forgotten(payload: dict) -> dict | None:
    """A secret message's payload without its text (a login code), for once it will not be sent again."""
    if not (payload.get("meta") or {}).get("secret"):
        return None
    return {**payload, "text": "(secret removed after delivery)"}


async def _finish(sessions: Sessions, row_id: int, **values) -> None:
    values = {k: v for k, v in values.items() if v is not None or k == "next_attempt_at"}
    if values.get("next_attempt_at") is None:
        values.pop("next_attempt_at", None)
    async with sessions() as session, session.begin():
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.id == row_id, OutboxMessage.status == "sending")
            .values(lease_until=None, **values)
        )
