"""Figures for one store's dashboard: today's orders and revenue, what waits, and what sells most."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.quantity import describe_qty
from vyaparai.db.models import Order, OrderItem
from vyaparai.orders.india_time import days_utc, ist_date
from vyaparai.orders.states import CANCELLED, OPEN_STATUSES, PENDING


@dataclass(frozen=True)
class DaySummary:
    """One IST calendar day of a store, plus what is waiting right now (whatever day it was placed)."""

    day: date
    orders: int  # placed that day, any status
    cancelled: int  # of those, cancelled
    revenue_paise: int  # totals of that day's orders that were not cancelled
    pending: int  # waiting for the shop to accept
    open: int  # not yet delivered or cancelled, pending included


@dataclass(frozen=True)
class ProductSales:
    """How much of one product (as it was sold: name and pack size) went out in the period."""

    name: str
    unit: str
    pack_base: int
    loose: bool
    qty_milli: int
    revenue_paise: int
    orders: int

    @property
    def quantity(self) -> tuple[float, str]:
        """(2, "pack") or (3.5, "kg"): as a person reads it."""
        return describe_qty(self.unit, self.pack_base, self.loose, self.qty_milli)


async def day_summary(session: AsyncSession, store_id: int, *, now: datetime) -> DaySummary:
    """Today (the IST day of `now`) for one store."""
    today = ist_date(now)
    start, end = days_utc(today, today)
    is_cancelled = Order.status == CANCELLED
    placed, cancelled, revenue = (await session.execute(
        select(func.count(Order.id),
               func.coalesce(func.sum(case((is_cancelled, 1), else_=0)), 0),
               func.coalesce(func.sum(case((is_cancelled, 0), else_=Order.total_paise)), 0))
        .where(Order.store_id == store_id, Order.placed_at >= start, Order.placed_at < end)
    )).one()
    waiting = dict((await session.execute(
        select(Order.status, func.count(Order.id))
        .where(Order.store_id == store_id, Order.status.in_(OPEN_STATUSES))
        .group_by(Order.status)
    )).all())
    # PostgreSQL sums BIGINT into NUMERIC (a Decimal): money stays integer paise.
    return DaySummary(day=today, orders=int(placed), cancelled=int(cancelled), revenue_paise=int(revenue),
                      pending=int(waiting.get(PENDING, 0)), open=int(sum(waiting.values())))


async def top_products(
    session: AsyncSession, store_id: int, *, now: datetime, days: int = 7, limit: int = 5,
) -> list[ProductSales]:
    """The best sellers by revenue over the last `days` IST days (today included), cancelled orders left out."""
    today = ist_date(now)
    start, end = days_utc(today - timedelta(days=days - 1), today)
    # Grouped by the line as sold, not only the product: a changed pack size changes what qty_milli means.
    sold = (OrderItem.product_id, OrderItem.name, OrderItem.unit, OrderItem.pack_base, OrderItem.loose)
    revenue = func.sum(OrderItem.line_total_paise)
    qty = func.sum(OrderItem.qty_milli)
    stmt = (
        select(*sold, qty, revenue, func.count(func.distinct(OrderItem.order_id)))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.store_id == store_id, Order.status != CANCELLED,
               Order.placed_at >= start, Order.placed_at < end)
        .group_by(*sold)
        .order_by(revenue.desc(), qty.desc(), OrderItem.name)
        .limit(limit)
    )
    return [ProductSales(name=name, unit=unit, pack_base=pack_base, loose=bool(loose), qty_milli=int(q),
                         revenue_paise=int(r), orders=int(n))
            for _, name, unit, pack_base, loose, q, r, n in (await session.execute(stmt)).all()]
