"""The SMS webhooks: Twilio's inbound messages and status callbacks (signed), Gupshup's keyword inbound (token)."""
from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import MultiDict

from vyaparai.channels.sms import (
    CHANNEL, TWILIO_SIGNATURE_HEADER, SignatureProblem, SmsShapeError, check_gupshup_token, check_twilio_signature,
    parse_gupshup, parse_twilio, parse_twilio_status,
)
from vyaparai.web.bodies import read_capped
from vyaparai.web.keys import SERVICES
from vyaparai.web.phone_routing import record_and_enqueue
from vyaparai.workers.delivery_status import record_delivery_status

logger = logging.getLogger(__name__)

MAX_BODY = 64_000  # a Twilio form is ~1 KB; even ten SMS parts are far below this
# Twilio reads the answer as TwiML: an empty <Response/> sends no auto-reply (ours go through the outbox).
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'

routes = web.RouteTableDef()


@routes.post("/webhooks/sms/twilio")
async def twilio_inbound(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    try:
        msg = parse_twilio(form)
    except SmsShapeError as e:
        raise web.HTTPBadRequest(text=str(e)) from None
    await record_and_enqueue(request, msg)
    return web.Response(text=EMPTY_TWIML, content_type="text/xml")


@routes.post("/webhooks/sms/twilio/status")
async def twilio_status(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    try:
        status = parse_twilio_status(form)
    except SmsShapeError as e:
        raise web.HTTPBadRequest(text=str(e)) from None
    if status is not None:
        await record_delivery_status(request.app[SERVICES].sessions, CHANNEL, status.provider_message_id,
                                     status.status, status.error)
    return web.Response(text="ok")


@routes.route("*", "/webhooks/sms/gupshup")
async def gupshup_inbound(request: web.Request) -> web.Response:
    if request.method not in ("GET", "POST"):
        raise web.HTTPMethodNotAllowed(request.method, ["GET", "POST"])
    params = MultiDict(request.query)
    if request.method == "POST":
        params.extend(parse_qsl((await read_capped(request, MAX_BODY)).decode("utf-8", "replace"), keep_blank_values=True))
    try:
        check_gupshup_token(request.app[SERVICES].settings.secret_key, params.get("token"))
    except SignatureProblem as e:
        logger.warning("refused a Gupshup keyword webhook: %s", e.reason)
        return web.Response(status=e.status, text=e.reason)
    try:
        msg = parse_gupshup(params)
    except SmsShapeError as e:
        raise web.HTTPBadRequest(text=str(e)) from None
    await record_and_enqueue(request, msg)
    return web.Response(text="ok")


async def _signed_form(request: web.Request) -> MultiDict:
    """The form Twilio posted, once its signature over PUBLIC_BASE_URL + the path (and query) checks out."""
    settings = request.app[SERVICES].settings
    raw = await read_capped(request, MAX_BODY)
    # keep_blank_values: Twilio signs empty parameters too (FromZip=).
    form = MultiDict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
    url = settings.public_base_url + request.rel_url.raw_path + (f"?{request.rel_url.raw_query_string}"
                                                                  if request.rel_url.raw_query_string else "")
    try:
        check_twilio_signature(settings.twilio_auth_token, url, form, request.headers.get(TWILIO_SIGNATURE_HEADER))
    except SignatureProblem as e:
        logger.warning("refused a Twilio webhook: %s", e.reason)
        raise web.HTTPForbidden(text=e.reason) if e.status == 403 else web.HTTPUnauthorized(text=e.reason) from None
    return form
