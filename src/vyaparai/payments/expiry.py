"""Giving up on unpaid online orders: past their link's expiry they are cancelled and the stock goes back."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Order, Payment
from vyaparai.orders.lifecycle import Cancellation
from vyaparai.payments.events import UNPAID, cancel_unpaid

# Razorpay stops taking money at expire_by, but a payment made in the last second can reach us
# a little later; waiting this long first saves cancelling an order that was in fact paid.
GRACE = timedelta(minutes=2)


async def expire_unpaid(session: AsyncSession, *, now: datetime, grace: timedelta = GRACE) -> list[Cancellation]:
    """Cancel every open order whose payment link expired unpaid; returns them so the customers can be told."""
    stmt = (
        select(Payment.id, Payment.order_id)
        .join(Order, Order.id == Payment.order_id)
        .where(Payment.status == "created", Payment.expires_at <= now - grace, Order.payment_status.in_(UNPAID))
        .order_by(Payment.id)
    )
    cancelled = []
    for payment_id, order_id in (await session.execute(stmt)).all():
        await session.execute(update(Payment).where(Payment.id == payment_id, Payment.status == "created")
                              .values(status="expired", updated_at=now))
        order = await session.get(Order, order_id, populate_existing=True)
        cancellation = await cancel_unpaid(session, order, reason="payment link expired", now=now)
        if cancellation is not None:
            cancelled.append(cancellation)
    return cancelled
