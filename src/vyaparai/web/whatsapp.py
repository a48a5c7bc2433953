"""The WhatsApp webhook: Meta's verification handshake, and signed updates recorded once and handed to a job.

The answer never waits for a turn: a batch's messages are recorded with one INSERT and its receipts
with one UPDATE per status, each a statement of its own, and the ids are queued for processing.
"""
from __future__ import annotations

import logging

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from vyaparai.bot.inbox import record_batch, store_id_for
from vyaparai.bot.messages import InboundMessage
from vyaparai.channels.whatsapp import (
    SignatureProblem, StatusUpdate, WebhookShapeError, check_handshake, check_signature, parse_webhook,
)
from vyaparai.channels.whatsapp.parse import CHANNEL, WebhookBatch
from vyaparai.channels.whatsapp.verify import SIGNATURE_HEADER
from vyaparai.db.driver import ShortWay
from vyaparai.db.engine import single_statements
from vyaparai.web.bodies import read_capped
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.workers.delivery_status import WINDOW_CLOSED, record_delivery_status, resend_alert_as_template
from vyaparai.workers.receipts import IN_BULK, record_receipts
from vyaparai.workers.sqlite_writes import writer_turn

logger = logging.getLogger(__name__)

# Meta: "webhooks payloads can be up to 3MB". Read here, not through the app's smaller client_max_size.
MAX_BODY = 3_000_000

routes = web.RouteTableDef()


@routes.get("/webhooks/whatsapp")
async def handshake(request: web.Request) -> web.Response:
    challenge = check_handshake(request.app[SERVICES].settings.whatsapp_verify_token, request.query)
    if challenge is None:
        raise web.HTTPForbidden(text="verification failed")
    return web.Response(text=challenge)


@routes.post("/webhooks/whatsapp")
async def updates(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    raw = await read_capped(request, MAX_BODY)
    try:
        check_signature(services.settings.whatsapp_app_secret, raw, request.headers.get(SIGNATURE_HEADER))
    except SignatureProblem as e:
        logger.warning("refused a WhatsApp webhook: %s", e.reason)
        return web.Response(status=e.status, text=e.reason)
    try:
        batch = parse_webhook(raw)
    except WebhookShapeError as e:
        logger.warning("unreadable WhatsApp webhook: %s", e)
        raise web.HTTPBadRequest(text=str(e)) from None
    jobs = request.app[JOBS]
    for inbound_id, msg in await _record(request, batch):
        jobs.enqueue_inbound(inbound_id, msg.sender)
    for status in batch.statuses:
        if status.status == "failed":
            await _record_failure(request, status)
    return web.Response(text="ok")


async def _record(request: web.Request, batch: WebhookBatch) -> list[tuple[int, InboundMessage]]:
    return await record_batch_once(request.app[SERVICES].engine, batch)


async def record_batch_once(engine: AsyncEngine, batch: WebhookBatch) -> list[tuple[int, InboundMessage]]:
    """Log a batch's receipts and messages (once each); returns (id, message) of the messages not seen before.

    Each statement stands alone (on PostgreSQL one round trip, no BEGIN or COMMIT). The receipts go
    first: if the messages' INSERT then fails, Meta's retry finds them new and they are queued; the
    other way round, a failed receipt would leave recorded messages that nobody queued until the sweep.
    """
    receipts = [(s.provider_message_id, s.status) for s in batch.statuses if s.status in IN_BULK]
    if not batch.messages and not receipts:
        return []
    async with writer_turn(engine), single_statements(engine) as autocommit:
        conn = ShortWay(autocommit)  # every statement here is built once: straight to asyncpg on PostgreSQL
        await record_receipts(conn, CHANNEL, receipts)
        known = []
        for msg in batch.messages:
            store_id = await store_id_for(conn, msg)
            if store_id is None:
                logger.warning("WhatsApp message %s for unknown phone-number id %s: skipped",
                               msg.provider_message_id, msg.store_ref)
                INBOUND.labels(CHANNEL, "unknown_store").inc()
            else:
                known.append((msg, store_id))
        new = await record_batch(conn, known)
    INBOUND.labels(CHANNEL, "new").inc(len(new))
    INBOUND.labels(CHANNEL, "duplicate").inc(len(known) - len(new))
    return new


async def _record_failure(request: web.Request, status: StatusUpdate) -> None:
    sessions = request.app[SERVICES].sessions
    changed = await record_delivery_status(sessions, CHANNEL, status.provider_message_id, status.status,
                                           status.error)
    logger.warning("WhatsApp could not deliver %s: %s", status.provider_message_id, status.error)
    # `changed` only once per message, so a repeated failure webhook re-sends nothing.
    if changed and status.error_code == WINDOW_CLOSED:
        if await resend_alert_as_template(sessions, CHANNEL, status.provider_message_id):
            request.app[JOBS].kick_delivery()
