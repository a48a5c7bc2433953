"""Turning an order placed to pay online into cash on delivery, when the customer changes their mind.

The open link is cancelled at the provider first, so nobody can pay online for an order the rider will collect
cash for; only then is the order marked cash, by a conditional update that loses to a payment arriving at the
same moment. A `payment_link.cancelled` webhook that follows finds a cash order and cancels nothing
(events.cancel_unpaid leaves cash orders alone), and expiry only looks at links still open.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.db.models import Order
from vyaparai.db.order_changes import order_changed
from vyaparai.payments.events import ONLINE_METHODS, UNPAID
from vyaparai.payments.links import close_link
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.payments.records import payment_of

SWITCHED = "switched"  # the order is cash on delivery now, its link cancelled
PAID = "paid"  # it was paid online already: nothing to collect
NOT_ONLINE = "not_online"  # it was cash on delivery all along
UNSETTLED = "unsettled"  # the provider would not cancel the link (paid or expired this minute): nothing changed


async def switch_to_cash(session: AsyncSession, client: RazorpayClient, order: Order, *, now: datetime) -> str:
    """Make an unpaid online order cash on delivery; one of the outcomes above. Raises PaymentProviderError
    when the provider cannot be reached (nothing changed then)."""
    if order.payment_method not in ONLINE_METHODS:
        return NOT_ONLINE
    if order.payment_status not in UNPAID:
        return PAID
    payment = await payment_of(session, order.id)
    if payment is not None and payment.status == "paid":
        return PAID
    if payment is not None and payment.status == "created" and not await close_link(session, client, order, now=now):
        return UNSETTLED
    changed = await session.execute(
        update(Order).where(Order.id == order.id, Order.payment_status.in_(UNPAID),
                            Order.payment_method.in_(ONLINE_METHODS))
        .values(payment_method="cod", payment_status="pending", updated_at=now)
        .execution_options(synchronize_session=False))
    if changed.rowcount != 1:
        return PAID  # the money arrived between our look and our update
    set_committed_value(order, "payment_method", "cod")
    set_committed_value(order, "payment_status", "pending")
    order_changed(session, order)  # the owner's live order list shows the new way of paying
    return SWITCHED
