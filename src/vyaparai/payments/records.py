"""Finding the stored payment link an order or a Razorpay event is about."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Order, Payment


def _fresh(stmt):
    # Webhooks race each other; always read the row as the database has it now.
    return stmt.execution_options(populate_existing=True)


async def payment_of(session: AsyncSession, order_id: int) -> Payment | None:
    return await session.scalar(_fresh(select(Payment).where(Payment.order_id == order_id)))


async def payment_by_link(session: AsyncSession, link_id: str) -> Payment | None:
    return await session.scalar(_fresh(select(Payment).where(Payment.link_id == link_id)))


async def payment_by_provider_payment(session: AsyncSession, payment_id: str | None,
                                      description: str | None) -> Payment | None:
    """The link a Razorpay payment belongs to, by its payment id, or else by its description.

    `payment.*` events carry no link id; Razorpay describes a payment made through a link as
    "#<link id without the plink_ prefix>" (see tests/payloads/razorpay/payment_link_paid.json).
    """
    if payment_id:
        found = await session.scalar(_fresh(select(Payment).where(Payment.provider_payment_id == payment_id)))
        if found is not None:
            return found
    if description and description.startswith("#") and len(description) > 1:
        return await payment_by_link(session, "plink_" + description[1:])
    return None


async def order_of_link(session: AsyncSession, link_id: str) -> Order | None:
    """The order a payment link was made for (its number and language are shown on the callback page)."""
    return await session.scalar(
        select(Order).join(Payment, Payment.order_id == Order.id).where(Payment.link_id == link_id))
