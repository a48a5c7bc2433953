"""Figures across all stores: orders and revenue per IST day, the week's best sellers, stores with problems."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from aiohttp import web
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Order, OrderItem
from vyaparai.orders.india_time import day_start_utc, days_utc, ist_date
from vyaparai.orders.reports import ProductSales
from vyaparai.orders.states import CANCELLED
from vyaparai.web.admin.auth import current_operator
from vyaparai.web.admin.overview import stores_health
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.render import render

DAYS = 14
BEST_DAYS = 7
BEST_COUNT = 10
# What "now" is; tests set a fixed clock here to check the IST day boundary. Unset: the real time.
CLOCK = web.AppKey("admin_clock", Callable[[], datetime])

routes = web.RouteTableDef()


@dataclass(frozen=True)
class Day:
    day: date
    orders: int  # placed that day, any status
    revenue_paise: int  # of the orders not cancelled


@routes.get("/figures")
async def figures(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    now = request.config_dict[CLOCK]() if CLOCK in request.config_dict else datetime.now(timezone.utc)
    async with request.config_dict[SERVICES].read() as db:
        days = await orders_per_day(db, now=now, days=DAYS)
        best = await best_sellers(db, now=now, days=BEST_DAYS, limit=BEST_COUNT)
        troubled = [h for h in await stores_health(db, now=now) if h.has_problems]
    most = max((d.revenue_paise for d in days), default=0)
    return await render(request, "admin/figures.html", {
        "operator": operator, "active": "figures", "days": days, "best": best, "troubled": troubled,
        "most_revenue": most, "best_days": BEST_DAYS})


async def orders_per_day(session: AsyncSession, *, now: datetime, days: int) -> list[Day]:
    """The last `days` IST days, today last, every store together; a day without orders shows as zeros."""
    today = ist_date(now)
    first = today - timedelta(days=days - 1)
    start, end = days_utc(first, today)
    # One grouped query: each order's IST day as its index 0..days-1, from the days' UTC starts.
    bounds = [day_start_utc(first + timedelta(days=i + 1)) for i in range(days - 1)]
    day_index = case(*[(Order.placed_at < bound, i) for i, bound in enumerate(bounds)], else_=days - 1)
    rows = (await session.execute(
        select(day_index, func.count(Order.id),
               func.coalesce(func.sum(case((Order.status == CANCELLED, 0), else_=Order.total_paise)), 0))
        .where(Order.placed_at >= start, Order.placed_at < end).group_by(day_index)
    )).all()
    found = {int(i): (int(n), int(revenue)) for i, n, revenue in rows}
    return [Day(first + timedelta(days=i), *found.get(i, (0, 0))) for i in range(days)]


async def best_sellers(session: AsyncSession, *, now: datetime, days: int, limit: int) -> list[ProductSales]:
    """What sold most across stores by revenue over the last `days` IST days, cancelled orders left out."""
    today = ist_date(now)
    start, end = days_utc(today - timedelta(days=days - 1), today)
    # Grouped by the line as sold: stores share the starter SKUs, and a pack size changes what qty_milli means.
    sold = (OrderItem.name, OrderItem.unit, OrderItem.pack_base, OrderItem.loose)
    revenue, qty = func.sum(OrderItem.line_total_paise), func.sum(OrderItem.qty_milli)
    rows = (await session.execute(
        select(*sold, qty, revenue, func.count(func.distinct(OrderItem.order_id)))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.status != CANCELLED, Order.placed_at >= start, Order.placed_at < end)
        .group_by(*sold).order_by(revenue.desc(), qty.desc(), OrderItem.name).limit(limit)
    )).all()
    return [ProductSales(name=name, unit=unit, pack_base=pack_base, loose=bool(loose), qty_milli=int(q),
                         revenue_paise=int(r), orders=int(n)) for name, unit, pack_base, loose, q, r, n in rows]
