"""The WhatsApp webhook: Meta's verification handshake, and signed updates recorded once and handed to a job."""
from __future__ import annotations

import logging

from aiohttp import web

from vyaparai.bot.inbox import find_store, record_inbound
from vyaparai.channels.whatsapp import (
    SignatureProblem, StatusUpdate, WebhookShapeError, check_handshake, check_signature, parse_webhook,
)
from vyaparai.channels.whatsapp.parse import CHANNEL
from vyaparai.channels.whatsapp.verify import SIGNATURE_HEADER
from vyaparai.web.bodies import read_capped
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.workers.delivery_status import WINDOW_CLOSED, record_delivery_status, resend_alert_as_template

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
    new_ids = await _record_messages(request, batch.messages)
    for inbound_id in new_ids:
        request.app[JOBS].enqueue_inbound(inbound_id)
    for status in batch.statuses:
        await _record_status(request, status)
    return web.Response(text="ok")



async def _record_messages(request: web.Request, messages) -> list[int]:
    """Log each message once (in one transaction); returns the ids of the ones not seen before."""
    new_ids = []
    async with request.app[SERVICES].sessions() as session, session.begin():
        for msg in messages:
            store = await find_store(session, msg)
            if store is None:
                logger.warning("WhatsApp message %s for unknown phone-number id %s: skipped",
                               msg.provider_message_id, msg.store_ref)
                INBOUND.labels(CHANNEL, "unknown_store").inc()
                continue
            inbound_id = await record_inbound(session, msg, store.id)
            INBOUND.labels(CHANNEL, "new" if inbound_id else "duplicate").inc()
            if inbound_id is not None:
                new_ids.append(inbound_id)
    return new_ids


async def _record_status(request: web.Request, status: StatusUpdate) -> None:
    sessions = request.app[SERVICES].sessions
    changed = await record_delivery_status(sessions, CHANNEL, status.provider_message_id, status.status,
                                           status.error)
    if status.status == "failed":
        logger.warning("WhatsApp could not deliver %s: %s", status.provider_message_id, status.error)
        # `changed` only once per message, so a repeated failure webhook re-sends nothing.
        if changed and status.error_code == WINDOW_CLOSED:
            if await resend_alert_as_template(sessions, CHANNEL, status.provider_message_id):
                request.app[JOBS].kick_delivery()
    elif not changed:
        logger.debug("status %s for %s changed nothing", status.status, status.provider_message_id)
