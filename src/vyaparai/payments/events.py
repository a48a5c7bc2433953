"""Applying Razorpay webhook events so the order's payment status ends right whatever their order or count.

Razorpay does not promise delivery order and redelivers on any failure, so each event moves
state only forward, by conditional updates: pending -> failed -> paid -> refunded. A late
payment.failed never undoes paid; an expiry after payment changes nothing; the same event
applied twice changes nothing the second time.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Order, Payment, PaymentEvent
from vyaparai.db.order_changes import order_changed
from vyaparai.orders.errors import InvalidTransition
from vyaparai.orders.lifecycle import Cancellation, cancel_order
from vyaparai.orders.states import can_cancel
from vyaparai.payments.records import payment_by_link, payment_by_provider_payment

logger = logging.getLogger(__name__)

ONLINE_METHODS = ("upi", "card", "wallet")
UNPAID = ("pending", "failed")


@dataclass(frozen=True)
class PaymentUpdate:
    """What one event changed, so the caller can tell people (after committing).

    kind: paid, failed, expired, cancelled, refunded, or ignored (not ours, or nothing changed).
    refund_due_paise > 0: money arrived for an order that is already cancelled; refund it.
    """

    kind: str
    order: Order | None = None
    payment_status: str | None = None
    tell_customer: bool = False
    tell_shopkeeper: bool = False
    cancellation: Cancellation | None = None
    refund_due_paise: int = 0

    @property
    def changed(self) -> bool:
        return self.kind != "ignored"


IGNORED = PaymentUpdate("ignored")


async def record_event(session: AsyncSession, *, event_id: str, event_type: str, now: datetime,
                       provider: str = "razorpay") -> bool:
    """Remember a webhook delivery; False when it was seen before (then apply nothing)."""
    try:
        async with session.begin_nested():
            session.add(PaymentEvent(provider=provider, event_id=event_id[:191], event_type=event_type[:64],
                                     received_at=now))
            await session.flush()
    except IntegrityError:
        return False
    return True


async def apply_event(session: AsyncSession, event: dict, *, now: datetime) -> PaymentUpdate:
    """Apply one Razorpay event (the parsed webhook body) inside the caller's transaction."""
    kind = event.get("event")
    payload = event.get("payload") if isinstance(event.get("payload"), dict) else {}
    link = _entity(payload, "payment_link")
    pay = _entity(payload, "payment")
    if kind == "payment_link.paid":
        return await _paid(session, await payment_by_link(session, str(link.get("id"))), pay, now=now)
    if kind == "payment.captured":
        return await _paid(session, await _payment_for(session, pay), pay, now=now)
    if kind == "payment.failed":
        return await _failed(session, await _payment_for(session, pay), now=now)
    if kind in ("payment_link.expired", "payment_link.cancelled"):
        closed = "expired" if kind.endswith("expired") else "cancelled"
        return await _closed(session, await payment_by_link(session, str(link.get("id"))), closed, now=now)
    if kind == "refund.processed":
        return await _refunded(session, _entity(payload, "refund"), pay, now=now)
    logger.info("razorpay event %s ignored", kind)
    return IGNORED


def _entity(payload: dict, name: str) -> dict:
    wrapper = payload.get(name)
    entity = wrapper.get("entity") if isinstance(wrapper, dict) else None
    return entity if isinstance(entity, dict) else {}


async def _payment_for(session: AsyncSession, pay: dict) -> Payment | None:
    return await payment_by_provider_payment(session, pay.get("id"), pay.get("description"))


async def _order(session: AsyncSession, order_id: int) -> Order:
    return await session.get(Order, order_id, populate_existing=True)


async def _set_order_payment(session: AsyncSession, order_id: int, new: str, *, when: tuple[str, ...],
                             now: datetime, **values) -> bool:
    stmt = (update(Order).where(Order.id == order_id, Order.payment_status.in_(when))
            .values(payment_status=new, updated_at=now, **values).execution_options(synchronize_session=False))
    if (await session.execute(stmt)).rowcount != 1:
        return False
    order_changed(session, await _order(session, order_id))  # the owner's live order list shows it
    return True


async def _paid(session: AsyncSession, payment: Payment | None, pay: dict, *, now: datetime) -> PaymentUpdate:
    if payment is None or not pay.get("id"):
        return IGNORED
    if int(pay.get("amount") or 0) < payment.amount_paise:
        logger.warning("payment %s for link %s is short: %s < %s paise", pay.get("id"), payment.link_id,
                       pay.get("amount"), payment.amount_paise)
        return IGNORED
    # Money that arrived is real even if the link had already expired or been cancelled here.
    await session.execute(update(Payment).where(Payment.id == payment.id, Payment.status != "paid")
                          .values(status="paid", provider_payment_id=str(pay["id"]), updated_at=now))
    method = pay.get("method")
    extra = {"payment_method": method} if method in ONLINE_METHODS else {}
    changed = await _set_order_payment(session, payment.order_id, "paid", when=UNPAID, now=now, **extra)
    order = await _order(session, payment.order_id)
    if not changed:
        return PaymentUpdate("ignored", order, order.payment_status)
    if order.status == "cancelled":
        # Paid after we gave up on it (a late UPI capture): the goods are back on the shelf.
        return PaymentUpdate("paid", order, "paid", tell_customer=True, refund_due_paise=payment.amount_paise)
    return PaymentUpdate("paid", order, "paid", tell_customer=True, tell_shopkeeper=True)


async def _failed(session: AsyncSession, payment: Payment | None, *, now: datetime) -> PaymentUpdate:
    if payment is None:
        return IGNORED
    # The link stays open after a failed attempt: the customer may try again with it.
    changed = await _set_order_payment(session, payment.order_id, "failed", when=("pending",), now=now)
    order = await _order(session, payment.order_id)
    if not changed:
        return PaymentUpdate("ignored", order, order.payment_status)
    return PaymentUpdate("failed", order, "failed", tell_customer=order.status != "cancelled")


async def _closed(session: AsyncSession, payment: Payment | None, closed: str, *, now: datetime) -> PaymentUpdate:
    if payment is None:
        return IGNORED
    await session.execute(update(Payment).where(Payment.id == payment.id, Payment.status == "created")
                          .values(status=closed, updated_at=now))
    order = await _order(session, payment.order_id)
    cancellation = await cancel_unpaid(session, order, reason=f"payment link {closed}", now=now)
    if cancellation is None:
        return PaymentUpdate("ignored", order, order.payment_status)
    return PaymentUpdate(closed, order, order.payment_status, tell_customer=True, tell_shopkeeper=True,
                         cancellation=cancellation)


async def cancel_unpaid(session: AsyncSession, order: Order, *, reason: str, now: datetime) -> Cancellation | None:
    """Cancel an open order still waiting for its online payment (stock back); None if it is paid or closed."""
    if order.payment_status not in UNPAID or order.payment_method not in ONLINE_METHODS or not can_cancel(order.status):
        return None
    try:
        return await cancel_order(session, order, actor="system", reason=reason, now=now)
    except InvalidTransition:
        return None  # the customer or the shopkeeper cancelled it in the meantime


async def _refunded(session: AsyncSession, refund: dict, pay: dict, *, now: datetime) -> PaymentUpdate:
    payment = await payment_by_provider_payment(session, refund.get("payment_id"), None)
    if payment is None:
        return IGNORED
    # The payment entity's amount_refunded is the running total, so redelivery and reordering of
    # several partial refunds all end at the same number.
    total = max(payment.refunded_paise, int(pay.get("amount_refunded") or 0), int(refund.get("amount") or 0))
    total = min(total, payment.amount_paise)
    await session.execute(update(Payment).where(Payment.id == payment.id, Payment.refunded_paise < total)
                          .values(refunded_paise=total, updated_at=now))
    changed = total >= payment.amount_paise and await _set_order_payment(
        session, payment.order_id, "refunded", when=("paid",), now=now)
    order = await _order(session, payment.order_id)
    if not changed:
        return PaymentUpdate("ignored", order, order.payment_status)
    return PaymentUpdate("refunded", order, "refunded", tell_customer=True)
