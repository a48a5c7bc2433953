"""Delivery receipts in bulk: a webhook's "delivered" and "read" statuses recorded with one UPDATE each."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncConnection

from vyaparai.db.models import OutboxMessage
from vyaparai.workers.delivery_status import MAY_FOLLOW
from vyaparai.workers.outbox_claim import constants

# Applied in this order, so a batch saying both "delivered" and "read" of one message ends at "read".
IN_BULK = ("delivered", "read")


def _receipt_statement(status: str):
    """Built once per status (its parameters: channel, ids): building it cost more CPU than running it."""
    outbox = OutboxMessage.__table__
    return (update(outbox)
            .where(outbox.c.channel == bindparam("on_channel"),
                   outbox.c.provider_message_id.in_(bindparam("ids", expanding=True)),
                   outbox.c.status.in_(constants(*MAY_FOLLOW[status])))
            .values(status=status))


_RECEIPTS = {status: _receipt_statement(status) for status in IN_BULK}


async def record_receipts(conn: AsyncConnection, channel: str, receipts: Iterable[tuple[str, str]]) -> None:
    """Move each (provider message id, status) forward; each status is one statement that stands alone.

    "failed" is not taken here: it carries an error and may send a template, one message at a time
    (workers/delivery_status.py); any other status ("sent") is what we recorded ourselves.
    """
    by_status: dict[str, set[str]] = {status: set() for status in IN_BULK}
    for provider_id, status in receipts:
        if status in by_status:
            by_status[status].add(provider_id)
    for status in IN_BULK:
        if by_status[status]:
            await conn.execute(_RECEIPTS[status], {"on_channel": channel, "ids": sorted(by_status[status])})
