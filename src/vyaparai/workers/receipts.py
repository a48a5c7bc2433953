"""Delivery receipts in bulk: a webhook's "delivered" and "read" statuses recorded with one UPDATE each."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import OutboxMessage
from vyaparai.workers.delivery_status import MAY_FOLLOW

# Applied in this order, so a batch saying both "delivered" and "read" of one message ends at "read".
IN_BULK = ("delivered", "read")


async def record_receipts(session: AsyncSession, channel: str, receipts: Iterable[tuple[str, str]]) -> None:
    """Move each (provider message id, status) forward, in the caller's transaction.

    "failed" is not taken here: it carries an error and may send a template, one message at a time
    (workers/delivery_status.py); any other status ("sent") is what we recorded ourselves.
    """
    by_status: dict[str, set[str]] = {status: set() for status in IN_BULK}
    for provider_id, status in receipts:
        if status in by_status:
            by_status[status].add(provider_id)
    for status in IN_BULK:
        if by_status[status]:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.channel == channel, OutboxMessage.provider_message_id.in_(by_status[status]),
                       OutboxMessage.status.in_(MAY_FOLLOW[status]))
                .values(status=status).execution_options(synchronize_session=False))
