"""The shopkeeper's order moves, shared by every owner surface (WhatsApp, terminal, web panel)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.notify import notify_customer_status, settle_cancellation
from vyaparai.db.models import Order, Store
from vyaparai.orders.lifecycle import cancel_order, change_status, find_order
from vyaparai.orders.states import CANCELLED, TRANSITIONS
from vyaparai.payments.online import OnlinePayments

DEFAULT_REJECT_REASON = "rejected by the store"


async def set_order_status(session: AsyncSession, store: Store, order_number: int, status: str, *,
                           reason: str | None, now: datetime, payments: OnlinePayments | None) -> Order:
    """Move the store's order to `status` and tell the customer; a cancel restocks and refunds or closes the link.

    Raises OrderNotFound (not this store's order) or InvalidTransition (the state machine says no).
    """
    order = await find_order(session, store.id, order_number)
    was = order.status
    if status == CANCELLED:
        cancellation = await cancel_order(session, order, actor="shopkeeper",
                                          reason=reason or DEFAULT_REJECT_REASON, now=now)
        await settle_cancellation(session, payments, cancellation, now=now)
    else:
        await change_status(session, order, status, actor="shopkeeper", now=now)
    await notify_customer_status(session, order, reason=reason, was=was)
    return order


async def advance_order(session: AsyncSession, store: Store, order_number: int, status: str, *,
                        reason: str | None, now: datetime, payments: OnlinePayments | None) -> list[str]:
    """Like set_order_status, but a forward move that skips steps ("delivered" right after "packed")
    records each step in between; the customer hears once, of where the order ends up.

    Returns the statuses the order went through, the last one being `status`.
    """
    order = await find_order(session, store.id, order_number)
    path = forward_path(order.status, status)
    if status == CANCELLED or len(path) <= 1:
        await set_order_status(session, store, order_number, status, reason=reason, now=now, payments=payments)
        return [status]
    was = order.status
    for step in path:
        await change_status(session, order, step, actor="shopkeeper", now=now)
    await notify_customer_status(session, order, was=was)
    return path


def forward_path(current: str, target: str) -> list[str]:
    """The forward steps from `current` to `target` (["out_for_delivery", "delivered"] from processing),
    or [target] when there is no such path (the state machine then says why)."""
    path, at = [], current
    while at != target:
        at = next_step(at)
        if at is None:
            return [target]
        path.append(at)
    return path or [target]


def next_step(status: str) -> str | None:
    """The one forward move from `status` (pending -> confirmed -> ... -> delivered), or None at the end."""
    forward = sorted(TRANSITIONS.get(status, frozenset()) - {CANCELLED})
    return forward[0] if len(forward) == 1 else None

