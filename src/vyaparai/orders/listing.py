"""Orders as plain dicts: what `vyaparai orders list --json` prints and exports read."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from vyaparai.catalog.quantity import describe_qty
from vyaparai.db.models import Order, OrderItem


async def orders_as_dicts(
    session: AsyncSession, store_id: int, *, limit: int = 50, status: str | None = None,
    statuses: Iterable[str] | None = None,
) -> list[dict]:
    """The store's latest orders, newest first, each with its customer and items."""
    stmt = (
        select(Order)
        .where(Order.store_id == store_id)
        .order_by(Order.number.desc())
        .limit(limit)
        .options(selectinload(Order.items), selectinload(Order.customer))
    )
    if status is not None:
        stmt = stmt.where(Order.status == status)
    if statuses is not None:
        stmt = stmt.where(Order.status.in_(list(statuses)))
    return [order_as_dict(order) for order in (await session.execute(stmt)).scalars()]


def order_as_dict(order: Order) -> dict:
    return {
        "number": order.number,
        "status": order.status,
        "payment_status": order.payment_status,
        "payment_method": order.payment_method,
        "subtotal_paise": order.subtotal_paise,
        "delivery_charge_paise": order.delivery_fee_paise,
        "total_paise": order.total_paise,
        "placed_at": order.placed_at.isoformat(),
        "delivery_address": order.delivery_address,
        "channel": order.channel,
        "customer": {"name": order.customer.name, "phone": order.customer.phone},
        "items": [item_as_dict(item) for item in order.items],
    }


def item_as_dict(item: OrderItem) -> dict:
    qty, unit = describe_qty(item.unit, item.pack_base, item.loose, item.qty_milli)
    return {
        "sku": item.sku,
        "name": item.name,
        "qty": qty,
        "unit": unit,
        "unit_price_paise": _price_per(unit, item),
        "line_total_paise": item.line_total_paise,
    }


def _price_per(unit: str, item: OrderItem) -> int:
    """The price of one `unit` as describe_qty reports it: per pack, per kg/l/g/ml, or per piece."""
    if unit == "pack":
        return item.unit_price_paise
    base_per_unit = {"kg": 1000, "l": 1000, "g": 1, "ml": 1, "piece": 1}[unit]
    # A pack holds pack_base base units; one reported unit is base_per_unit of them.
    # Rounded half up, like line_total_paise: Rs 46 for a 1 kg pack is Rs 46/kg, Rs 0.046/g -> 5 paise.
    numerator = item.unit_price_paise * base_per_unit
    return (2 * numerator + item.pack_base) // (2 * item.pack_base)


async def order_dict(session: AsyncSession, store_id: int, number: int) -> dict | None:
    """One order of the store as a dict (the live feed's view of it), or None."""
    stmt = (select(Order).where(Order.store_id == store_id, Order.number == number)
            .options(selectinload(Order.items), selectinload(Order.customer)))
    order = (await session.execute(stmt)).scalar_one_or_none()
    return order_as_dict(order) if order is not None else None
