"""The RBM agent webhook: the verification handshake, and signed events recorded once (statuses move forward)."""
from __future__ import annotations

import logging

from aiohttp import web

from vyaparai.channels.payload import UnreadablePayload, read_json
from vyaparai.channels.rcs import (
    CHANNEL, SIGNATURE_HEADER, EventShapeError, SignatureProblem, check_signature, decode_data, handshake_answer,
    parse_event,
)
from vyaparai.web.bodies import read_capped
from vyaparai.web.keys import SERVICES
from vyaparai.web.phone_routing import record_and_enqueue
from vyaparai.workers.delivery_status import record_delivery_status

logger = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # one event; a user file arrives as a link, not its bytes

routes = web.RouteTableDef()


@routes.post("/webhooks/rcs")
async def events(request: web.Request) -> web.Response:
    settings = request.app[SERVICES].settings
    try:
        body = read_json(await read_capped(request, MAX_BODY))
    except UnreadablePayload as e:
        raise web.HTTPBadRequest(text=str(e)) from None
    secret = handshake_answer(settings.rbm_client_token, body)
    if secret is not None:
        return web.Response(text=secret, content_type="text/plain")
    if isinstance(body, dict) and "clientToken" in body:
        return web.Response(status=403, text="not our client token")
    message = body.get("message") if isinstance(body, dict) else None
    decoded = decode_data(message.get("data") if isinstance(message, dict) else None)
    if decoded is None:
        raise web.HTTPBadRequest(text="expected message.data in base64")
    try:
        check_signature(settings.rbm_client_token, decoded, request.headers.get(SIGNATURE_HEADER))
    except SignatureProblem as e:
        logger.warning("refused an RBM webhook: %s", e.reason)
        return web.Response(status=e.status, text=e.reason)
    try:
        event = parse_event(decoded)
    except EventShapeError as e:
        raise web.HTTPBadRequest(text=str(e)) from None
    if event.message is not None:
        await record_and_enqueue(request, event.message)
    elif event.status is not None:
        await record_delivery_status(request.app[SERVICES].sessions, CHANNEL, event.status.provider_message_id,
                                     event.status.status)
    return web.Response(text="ok")
