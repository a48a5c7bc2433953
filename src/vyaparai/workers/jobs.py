"""Job functions, the same whether run in-process or by an rq worker."""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from vyaparai.db.models import InboundLog
from vyaparai.db.types import utcnow
from vyaparai.workers.delivery import deliver_due
from vyaparai.workers.payment_jobs import settle_payments
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

# A message still "received" after this long was dropped by a crashed process; pick it up again.
STUCK_AFTER = timedelta(seconds=30)
SETTLE_EVERY = timedelta(minutes=1)


async def process_inbound(services: Services, inbound_id: int) -> None:
    replies = await services.bot.process(inbound_id)
    if replies:
        await deliver_due(services.sessions, services.channels)
    await _settle_payments_now_and_then(services)


async def _settle_payments_now_and_then(services: Services) -> None:
    """Expire unpaid orders and reconcile silent payment links, at most once a minute per process."""
    now = utcnow()
    if services.payments_settled_at and now - services.payments_settled_at < SETTLE_EVERY:
        return
    services.payments_settled_at = now
    try:
        await settle_payments(services, now=now, http=services.http() if services.bot.payments else None)
    except Exception:
        logger.exception("settling payments failed")


async def deliver_outbox(services: Services) -> int:
    return await deliver_due(services.sessions, services.channels)


async def sweep(services: Services) -> None:
    """Catch up after a crash or restart: unprocessed inbound messages, undelivered replies."""
    cutoff = utcnow() - STUCK_AFTER
    async with services.sessions() as session:
        stuck = (await session.scalars(
            select(InboundLog.id).where(InboundLog.status == "received", InboundLog.received_at < cutoff)
            .order_by(InboundLog.id).limit(100)
        )).all()
    for inbound_id in stuck:
        try:
            await services.bot.process(inbound_id)
        except Exception:
            logger.exception("reprocessing inbound message %d failed", inbound_id)
    await deliver_due(services.sessions, services.channels)
