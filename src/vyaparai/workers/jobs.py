"""Job functions, the same whether run in-process or by an rq worker."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from datetime import timedelta
from weakref import WeakKeyDictionary

from sqlalchemy import select

from vyaparai.bot.inbox import count_failure
from vyaparai.bot.messages import OutboundMessage
from vyaparai.db.engine import single_statements
from vyaparai.db.models import InboundLog
from vyaparai.db.types import utcnow
from vyaparai.workers.delivery import deliver_due
from vyaparai.workers.payment_jobs import settle_payments
from vyaparai.workers.pipeline_settings import PipelineSettings
from vyaparai.workers.rate_limit import SendLimits
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

# A message still "received" after this long was dropped by a crashed process; pick it up again.
STUCK_AFTER = timedelta(seconds=30)
SETTLE_EVERY = timedelta(minutes=1)


async def process_inbound(services: Services, inbound_id: int, *,
                          wake_senders: Callable[[], None] | None = None) -> None:
    """Answer one message. A process running sender tasks passes `wake_senders` and they deliver the
    replies; a one-off caller gets them delivered here."""
    replies = await process_recorded(services, inbound_id)
    if replies:
        if wake_senders is not None:
            wake_senders()
        else:
            await deliver_outbox(services)
    await _settle_payments_now_and_then(services)


async def process_recorded(services: Services, inbound_id: int) -> list[OutboundMessage]:
    """Answer one recorded message; a crash is counted against it, and after max_attempts it is set aside.

    Without the count a message that can never be processed (a poison message) would be retried
    by every sweep forever, and a hundred of them would fill every sweep's batch.
    """
    try:
        return await services.bot.process(inbound_id)
    except Exception as e:  # a task boundary: the count below is what stops the retries
        logger.exception("processing inbound message %d failed", inbound_id)
        async with services.sessions() as session, session.begin():
            if await count_failure(session, inbound_id, repr(e), services.settings.max_attempts):
                logger.error("inbound message %d set aside as failed after %d attempts (vyaparai inbox failed)",
                             inbound_id, services.settings.max_attempts)
        return []


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


# One set of rate buckets per event loop, for callers without sender tasks (rq jobs, `vyaparai worker`'s sweep).
_limits: WeakKeyDictionary[asyncio.AbstractEventLoop, SendLimits] = WeakKeyDictionary()


async def deliver_outbox(services: Services) -> int:
    loop = asyncio.get_running_loop()
    limits = _limits.get(loop)
    if limits is None:
        limits = _limits[loop] = SendLimits(PipelineSettings.from_env().send_rate)
    return await deliver_due(services.sessions, services.channels, max_attempts=services.settings.max_attempts,
                             limits=limits)


async def waiting_messages(services: Services, *, untried: bool = False, older_than: timedelta | None = None,
                           skip: Collection[int] = (), limit: int = 100) -> list[tuple[int, str | None]]:
    """Recorded messages not processed yet, as (id, sender), for a catch-up pass to queue.

    `untried`: only messages no turn has failed on yet (a failed one waits for the sweep's pace);
    `older_than`: only messages waiting at least that long (left behind by a crash).

    `skip` holds the ids this process has queued already. On PostgreSQL rows another process is
    processing right now are locked and skipped, so two catch-ups rarely queue the same message
    (and when they do, the second turn finds it processed and does nothing).
    """
    query = (select(InboundLog.id, InboundLog.payload["sender"].as_string())
             .where(InboundLog.status == "received")
             .order_by(InboundLog.id).limit(limit + len(skip))
             .with_for_update(skip_locked=True, of=InboundLog))
    if untried:
        query = query.where(InboundLog.attempts == 0)
    if older_than is not None:
        # Fewest attempts first: messages that keep failing never crowd out ones not tried yet.
        query = query.where(InboundLog.received_at < utcnow() - older_than).order_by(None).order_by(
            InboundLog.attempts, InboundLog.id)
    # Alone in its transaction, so the row locks are only held while reading: the point is to skip the
    # rows other turns hold, not to keep them (on PostgreSQL one round trip instead of BEGIN, SELECT, COMMIT).
    async with single_statements(services.engine) as conn:
        rows = (await conn.execute(query)).all()
    return [(id_, sender) for id_, sender in rows if id_ not in skip][:limit]


async def sweep(services: Services) -> None:
    """Catch up after a crash or restart: unprocessed inbound messages, undelivered replies."""
    cutoff = utcnow() - STUCK_AFTER
    async with services.sessions() as session:
        # Fewest attempts first: messages that keep failing never crowd out ones not tried yet.
        stuck = (await session.scalars(
            select(InboundLog.id).where(InboundLog.status == "received", InboundLog.received_at < cutoff)
            .order_by(InboundLog.attempts, InboundLog.id).limit(100)
        )).all()
    for inbound_id in stuck:
        await process_recorded(services, inbound_id)
    await deliver_outbox(services)
