"""Moving an order along its statuses, cancelling it (stock back exactly once), and finding orders."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.db.models import Order, OrderItem, OrderStatusEvent
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.reservation import release_stock
from vyaparai.orders.states import CANCELLED, OPEN_STATUSES, ORDER_STATUSES, check_transition


@dataclass(frozen=True)
class Cancellation:
    """What cancelling did. `refund_due_paise` > 0 means the customer had paid online and the
    payments layer must refund that much; this module moves no money."""

    order: Order
    restocked: dict[int, int] = field(default_factory=dict)  # product id -> stock now
    refund_due_paise: int = 0


async def change_status(
    session: AsyncSession, order: Order, new_status: str, *, actor: str, note: str | None = None, now: datetime
) -> Order:
    """Move the order to `new_status` or raise InvalidTransition; a move to cancelled restocks."""
    if new_status == CANCELLED:
        return (await cancel_order(session, order, actor=actor, reason=note, now=now)).order
    await _move(session, order, new_status, actor=actor, note=note, now=now)
    return order


async def cancel_order(
    session: AsyncSession, order: Order, *, actor: str, reason: str | None, now: datetime
) -> Cancellation:
    """Cancel and put the stock back. Only the caller whose status update won restocks, so two
    cancels at once give the stock back once; the other gets InvalidTransition(cancelled -> cancelled)."""
    await _move(session, order, CANCELLED, actor=actor, note=reason, now=now, cancel_reason=reason)
    restocked = await release_stock(session, await _ordered_quantities(session, order.id))
    refund = order.total_paise if order.payment_status == "paid" else 0
    return Cancellation(order, restocked, refund)


async def _move(
    session: AsyncSession, order: Order, new: str, *, actor: str, note: str | None, now: datetime, **values
) -> None:
    # Compare-and-set on the status: `WHERE status = <what we believe it is>`. When two changes
    # race, the database lets exactly one through; the other matches no row, re-reads the status
    # it lost to and checks its move again from there. A shopkeeper confirming while the customer
    # cancels ends either pending -> confirmed -> cancelled, or cancelled with the confirm refused.
    # Statuses only move forward, so the loop ends within len(ORDER_STATUSES) rounds.
    current = order.status
    for _ in ORDER_STATUSES:
        check_transition(current, new, order_number=order.number)
        stmt = (
            update(Order)
            .where(Order.id == order.id, Order.status == current)
            .values(status=new, updated_at=now, **values)
            .returning(Order.payment_status)
            .execution_options(synchronize_session=False)
        )
        payment_status = (await session.execute(stmt)).scalar_one_or_none()
        if payment_status is not None:
            for name, value in {"status": new, "updated_at": now, "payment_status": payment_status, **values}.items():
                set_committed_value(order, name, value)
            session.add(OrderStatusEvent(order_id=order.id, from_status=current, to_status=new,
                                         actor=actor, note=note, at=now))
            await session.flush()
            return
        found = await session.scalar(select(Order.status).where(Order.id == order.id))
        if found is None:
            raise OrderNotFound(order.number)
        current = found
    raise InvalidTransition(order.number, current, new)


async def _ordered_quantities(session: AsyncSession, order_id: int) -> dict[int, int]:
    stmt = (
        select(OrderItem.product_id, func.sum(OrderItem.qty_milli))
        .where(OrderItem.order_id == order_id)
        .group_by(OrderItem.product_id)
    )
    return {pid: int(qty) for pid, qty in (await session.execute(stmt)).all()}


def _with_lines():
    # Everything a caller reads off an order, loaded now: async sessions cannot lazy-load later.
    return (selectinload(Order.items), selectinload(Order.history), selectinload(Order.customer))


async def find_order(session: AsyncSession, store_id: int, number: int) -> Order:
    """The store's order with this short number, with items, history and customer; else OrderNotFound."""
    stmt = (
        select(Order)
        .where(Order.store_id == store_id, Order.number == number)
        .options(*_with_lines())
        .execution_options(populate_existing=True)
    )
    order = (await session.execute(stmt)).scalar_one_or_none()
    if order is None:
        raise OrderNotFound(number)
    return order


async def latest_order(session: AsyncSession, store_id: int, customer_id: int) -> Order | None:
    stmt = (
        select(Order)
        .where(Order.store_id == store_id, Order.customer_id == customer_id)
        .order_by(Order.number.desc())
        .limit(1)
        .options(*_with_lines())
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def open_orders(session: AsyncSession, store_id: int, customer_id: int) -> list[Order]:
    """The customer's orders at this store that are not yet delivered or cancelled, newest first."""
    stmt = (
        select(Order)
        .where(Order.store_id == store_id, Order.customer_id == customer_id, Order.status.in_(OPEN_STATUSES))
        .order_by(Order.number.desc())
        .options(*_with_lines())
        .execution_options(populate_existing=True)
    )
    return list((await session.execute(stmt)).scalars().all())
