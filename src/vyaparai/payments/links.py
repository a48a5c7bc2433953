"""One Razorpay payment link per order: create it once (retries reuse it), refund when a paid order is cancelled.

Every function works inside the caller's transaction; the caller commits. The coordinators for
webhook events (`apply_event`) and expiry (`expire_unpaid`) live in events.py and expiry.py and are
re-exported here, so `vyaparai.payments.links` is the one import for the online-payment use cases.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.config import Settings
from vyaparai.db.models import Customer, Order, Payment, Store
from vyaparai.db.order_changes import order_changed
from vyaparai.orders.lifecycle import Cancellation
from vyaparai.payments.errors import PaymentLinkClosed, PaymentProviderError
from vyaparai.payments.events import ONLINE_METHODS, PaymentUpdate, apply_event, record_event
from vyaparai.payments.expiry import expire_unpaid
from vyaparai.payments.gateway import PaymentStart
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.payments.reconcile import reconcile_open_links
from vyaparai.payments.records import payment_of

__all__ = ["PaymentUpdate", "RazorpayGateway", "apply_event", "close_link", "expire_unpaid", "link_payload",
           "reconcile_open_links", "record_event", "reference_id_of", "refund_if_paid", "settle_cancellation",
           "start_online_payment"]

logger = logging.getLogger(__name__)

CALLBACK_PATH = "/payments/razorpay/callback"
# Razorpay refuses expire_by less than 15 minutes ahead; one more minute covers the clock skew
# between us and them and the time the request spends in flight.
MIN_EXPIRY_MINUTES = 16
# Razorpay link statuses -> ours. A partly paid link (we never allow partial payment) is still open.
LINK_STATUS = {"created": "created", "partially_paid": "created", "paid": "paid",
               "expired": "expired", "cancelled": "cancelled"}


def reference_id_of(order: Order) -> str:
    """Our unique reference for the order's link: store, order number and placing time.

    The placing time keeps two databases (a reset demo, staging) that share one Razorpay
    account from ever meeting on the same reference; Razorpay allows 40 characters.
    """
    placed = int(order.placed_at.timestamp())
    return f"VY{order.store_id}-{order.number}-{placed}"


def link_payload(order: Order, store: Store, customer: Customer | None, *, settings: Settings,
                 now: datetime) -> dict:
    minutes = max(settings.payment_link_expiry_minutes, MIN_EXPIRY_MINUTES)
    payload = {
        "amount": order.total_paise,
        "currency": "INR",
        "accept_partial": False,
        "reference_id": reference_id_of(order),
        "description": f"{store.name} order #{order.number}"[:2048],
        # We post the link in the chat ourselves; Razorpay's SMS/e-mail would be a second copy.
        "notify": {"sms": False, "email": False},
        "reminder_enable": False,
        "notes": {"store_code": store.code, "order_number": str(order.number), "order_id": str(order.id)},
        "callback_url": settings.public_base_url.rstrip("/") + CALLBACK_PATH,
        "callback_method": "get",
        "expire_by": int((now + timedelta(minutes=minutes)).timestamp()),
    }
    contact = _contact(customer.phone if customer else None)
    if contact:
        payload["customer"] = {"contact": contact, **({"name": customer.name} if customer.name else {})}
    return payload


def _contact(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if len(digits) == 10:
        return "+91" + digits
    return "+" + digits if len(digits) > 10 else None


async def start_online_payment(session: AsyncSession, client: RazorpayClient, order: Order, *,
                               settings: Settings, now: datetime) -> PaymentStart:
    """The order's payment link: the one it already has, or a new one. Never two links for one order.

    Safe to call again after any failure, a timeout included: Razorpay keeps our reference_id
    unique, so a link created by an attempt whose answer was lost is found and reused.
    Raises PaymentProviderError (see `.retryable`) or PaymentLinkClosed (expired or cancelled).
    """
    existing = await payment_of(session, order.id)
    if existing is None:
        store = await session.get(Store, order.store_id)
        customer = await session.get(Customer, order.customer_id)
        payload = link_payload(order, store, customer, settings=settings, now=now)
        link = await _create_or_find(client, payload)
        existing = await _remember(session, order, link, payload, now=now)
    if order.payment_method not in ONLINE_METHODS:
        order.payment_method = "upi"
    return _start_of(order, existing, now)


async def _create_or_find(client: RazorpayClient, payload: dict) -> dict:
    reference = payload["reference_id"]
    # Look first: an earlier attempt may have created the link and timed out before we heard back.
    found = await client.find_payment_links(reference)
    if found:
        return found[0]
    try:
        return await client.create_payment_link(payload)
    except PaymentProviderError as e:
        if e.status != 400:
            raise
        # "reference_id already exists": another attempt won the race between our look and our create.
        found = await client.find_payment_links(reference)
        if found:
            return found[0]
        raise


async def _remember(session: AsyncSession, order: Order, link: dict, payload: dict, *, now: datetime) -> Payment:
    if int(link.get("amount") or 0) != order.total_paise:
        raise PaymentProviderError(status=None, error_code="LINK_MISMATCH", retryable=False,
                                   description=f"link {link.get('id')} is for {link.get('amount')} paise")
    expire_by = int(link.get("expire_by") or payload["expire_by"])
    payment = Payment(
        order_id=order.id, provider="razorpay", link_id=str(link["id"]), reference_id=payload["reference_id"],
        short_url=str(link["short_url"]), amount_paise=order.total_paise,
        status=LINK_STATUS.get(str(link.get("status")), "created"),
        expires_at=datetime.fromtimestamp(expire_by, UTC), created_at=now, updated_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(payment)
            await session.flush()
    except IntegrityError:
        # A concurrent call for the same order stored the (same) link first.
        stored = await payment_of(session, order.id)
        if stored is None:
            raise
        return stored
    return payment


def _start_of(order: Order, payment: Payment, now: datetime) -> PaymentStart:
    if payment.status == "created" and payment.expires_at <= now:
        raise PaymentLinkClosed(order.number, "expired")
    if payment.status not in ("created", "paid"):
        raise PaymentLinkClosed(order.number, payment.status)
    return PaymentStart(method=order.payment_method or "upi", link_url=payment.short_url,
                        expires_at_unix=int(payment.expires_at.timestamp()))


async def refund_if_paid(session: AsyncSession, client: RazorpayClient, cancellation: Cancellation) -> int:
    """Refund what a cancelled order had paid online; returns the paise asked back (0 if nothing was due).

    Never refunds more than was captured and not yet refunded, so calling it again is harmless.
    The order's payment_status becomes "refunded" when Razorpay reports the refund processed.
    """
    if cancellation.refund_due_paise <= 0:
        return 0
    order = cancellation.order
    payment = await payment_of(session, order.id)
    if payment is None or payment.status != "paid" or not payment.provider_payment_id:
        logger.warning("order %s is due a refund but has no captured online payment", order.id)
        return 0
    due = min(cancellation.refund_due_paise, payment.amount_paise - payment.refunded_paise)
    if due <= 0:
        return 0
    refund = await client.refund_payment(payment.provider_payment_id, due, receipt=f"cancel-{order.id}")
    payment.refunded_paise += due
    payment.updated_at = now = datetime.now(UTC)
    await session.flush()
    if refund.get("status") == "processed" and payment.refunded_paise >= payment.amount_paise:
        # By id, not through `order`: the cancellation may come from another (finished) session.
        await session.execute(update(Order).where(Order.id == order.id, Order.payment_status == "paid")
                              .values(payment_status="refunded", updated_at=now)
                              .execution_options(synchronize_session=False))
        set_committed_value(order, "payment_status", "refunded")
        order_changed(session, order)
    logger.info("refund %s of %s paise asked for order %s", refund.get("id"), due, order.id)
    return due


async def close_link(session: AsyncSession, client: RazorpayClient, order: Order, *, now: datetime) -> bool:
    """Cancel the open link of an order nobody will pay any more (it was cancelled unpaid)."""
    payment = await payment_of(session, order.id)
    if payment is None or payment.status != "created":
        return False
    try:
        await client.cancel_payment_link(payment.link_id)
    except PaymentProviderError as e:
        if e.status != 400:
            raise
        # Razorpay refuses to cancel a link that is already paid or expired; its webhook will tell us which.
        logger.info("payment link %s could not be cancelled: %s", payment.link_id, e.description)
        return False
    payment.status = "cancelled"
    payment.updated_at = now
    await session.flush()
    return True


async def settle_cancellation(session: AsyncSession, client: RazorpayClient, cancellation: Cancellation, *,
                              now: datetime) -> int:
    """After any cancellation: refund what was paid online, or close the link so nobody pays a dead order.

    Returns the paise asked back. Call it after `orders.cancel_order`, in the same transaction.
    """
    if cancellation.refund_due_paise > 0:
        return await refund_if_paid(session, client, cancellation)
    await close_link(session, client, cancellation.order, now=now)
    return 0


class RazorpayGateway:
    """The PaymentGateway for "pay online", bound to one transaction and one moment."""

    name = "razorpay"

    def __init__(self, session: AsyncSession, client: RazorpayClient, *, settings: Settings, now: datetime):
        self._session, self._client, self._settings, self._now = session, client, settings, now

    async def start(self, order: Order) -> PaymentStart:
        return await start_online_payment(self._session, self._client, order, settings=self._settings,
                                          now=self._now)
