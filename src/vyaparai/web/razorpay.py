"""Razorpay's doors into the app: the signed webhook (payment events) and the page the customer returns to.

Webhook rules: a bad or missing signature gets 401/403 and changes nothing;
a body that is not JSON gets 400; a repeated X-Razorpay-Event-Id gets 200 and changes nothing;
a signed event whose fields have the wrong types is logged and answered 200 (Razorpay would
retry it for a day and then disable the webhook, and the same bytes can never succeed).
Razorpay counts no answer within 5 s as a failure and retries, so the work is one short
transaction with a deadline; if the deadline passes we answer 503 and Razorpay retries.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import UTC, datetime

import aiohttp
import aiohttp_jinja2
from aiohttp import web

from vyaparai import locales
from vyaparai.channels.payload import UnreadablePayload, clean_text, read_json
from vyaparai.payments.links import PaymentUpdate, apply_event, record_event
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.payments.records import order_of_link
from vyaparai.payments.webhook import (
    InvalidEvent, PaymentLinkCallback, checked_event, verify_callback, verify_webhook, webhook_secrets,
)
from vyaparai.web.keys import SERVICES
from vyaparai.workers.payment_jobs import notify_payment_update, refund_late_payment
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

PROCESS_WITHIN = 4.0  # seconds; leaves Razorpay's 5 s budget room for the network
_background: set[asyncio.Task] = set()

routes = web.RouteTableDef()


@routes.post("/webhooks/razorpay")
async def razorpay_webhook(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    body = await request.read()
    signature = request.headers.get("X-Razorpay-Signature")
    if not signature:
        raise web.HTTPUnauthorized(text="missing X-Razorpay-Signature")
    secrets = webhook_secrets(services.settings.razorpay_webhook_secret)
    if not secrets:
        logger.warning("a Razorpay webhook arrived but RAZORPAY_WEBHOOK_SECRET is not set; refused")
    if not verify_webhook(body, signature, secrets):
        raise web.HTTPForbidden(text="bad X-Razorpay-Signature")
    try:
        event = checked_event(_parse(body))
    except InvalidEvent as e:
        logger.error("a signed Razorpay event was not applied: %s", e)
        return web.json_response({"status": "ignored"})
    # The body has no event id; the header does. Without it, the body's hash is the next best key.
    event_id = (clean_text(request.headers.get("X-Razorpay-Event-Id", ""))
                or "sha256:" + hashlib.sha256(body).hexdigest())
    try:
        async with asyncio.timeout(PROCESS_WITHIN):
            update = await _apply(services, event_id, event)
    except TimeoutError:
        logger.error("razorpay event %s (%s) not applied within %ss", event_id, event["event"], PROCESS_WITHIN)
        raise web.HTTPServiceUnavailable(text="busy, retry") from None
    if update is not None and update.refund_due_paise > 0:
        _refund_later(services, update)
    return web.json_response({"status": "ok"})


def _parse(body: bytes) -> object:
    try:
        return read_json(body)
    except UnreadablePayload as e:
        raise web.HTTPBadRequest(text=f"body is not readable: {e}") from None


async def _apply(services: Services, event_id: str, event: dict) -> PaymentUpdate | None:
    now = datetime.now(UTC)
    async with services.sessions() as session, session.begin():
        if not await record_event(session, event_id=event_id, event_type=event["event"], now=now):
            logger.info("razorpay event %s seen before", event_id)
            return None
        update = await apply_event(session, event, now=now)
        await notify_payment_update(session, update, now=now, cart_ttl_minutes=services.settings.cart_ttl_minutes)
    logger.info("razorpay event %s (%s): %s", event_id, event["event"], update.kind)
    return update


def _refund_later(services: Services, update: PaymentUpdate) -> None:
    # Money captured for an order we had already cancelled (a late UPI payment). The refund is a
    # call to Razorpay, so it runs after we have answered the webhook.
    task = asyncio.create_task(_refund(services, update))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _refund(services: Services, update: PaymentUpdate) -> None:
    try:
        async with aiohttp.ClientSession() as http:
            await refund_late_payment(services, RazorpayClient.from_settings(services.settings, http), update)
    except Exception:  # a task boundary: nothing else would see it
        logger.exception("refund of cancelled order %s crashed", update.order.id)


@routes.get("/payments/razorpay/callback")
async def razorpay_callback(request: web.Request) -> web.Response:
    """Where Razorpay sends the customer's browser after paying; the webhook, not this, marks orders paid."""
    services = request.app[SERVICES]
    callback = PaymentLinkCallback.from_query(request.query)
    if callback is None or not verify_callback(callback, services.settings.razorpay_key_secret):
        return _page(request, "Payment not verified",
                     "We could not check this payment. If money left your account, message the store.", 400)
    async with services.sessions() as session:
        order = await order_of_link(session, callback.link_id)
    lang, number = (order.language, order.number) if order else ("en", "-")
    if callback.status == "paid":
        return _page(request, locales.t(lang, "page_paid_title"), locales.t(lang, "page_paid_body", number=number),
                     200, lang)
    return _page(request, locales.t(lang, "page_failed_title"), locales.t(lang, "page_failed_body", number=number),
                 200, lang)


def _page(request: web.Request, title: str, message: str, status: int, lang: str = "en") -> web.Response:
    # The customer's own language, in the customer's script; "hinglish" is Hindi in Latin letters.
    html_lang = {"hinglish": "hi-Latn"}.get(lang, lang)
    response = aiohttp_jinja2.render_template("razorpay_callback.html", request,
                                              {"title": title, "message": message, "lang": html_lang})
    response.set_status(status)
    return response
