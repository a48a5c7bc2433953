"""A store's past orders: the owner's filters, newest-first pages, and batches for an export.

Newest first means highest order number first. Numbers are handed out one by one at checkout, so
they follow the order of placing, and (store_id, number) is already a unique index: paging with
"number below the last one seen" (keyset) costs the same on page 1 and on page 2,000 of a big
store, where OFFSET would read and throw away every row before the page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from vyaparai.catalog.quantity import describe_qty
from vyaparai.db.models import Order
from vyaparai.orders.india_time import day_start_utc
from vyaparai.orders.states import ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES

PAGE_SIZE = 25
EXPORT_BATCH = 500
COD = "cod"
ONLINE = "online"
PAYMENT_KINDS = (COD, ONLINE)
ONLINE_METHODS = tuple(m for m in PAYMENT_METHODS if m != COD)


@dataclass(frozen=True)
class HistoryFilters:
    """What the owner asked for; empty fields do not filter. Dates are IST calendar days, both included."""

    statuses: tuple[str, ...] = ()
    placed_from: date | None = None
    placed_to: date | None = None
    payment_kind: str | None = None  # "cod" or "online" (any link method)
    payment_status: str | None = None

    def __post_init__(self):
        unknown = set(self.statuses) - set(ORDER_STATUSES)
        if unknown:
            raise ValueError(f"unknown order status {sorted(unknown)}")
        if self.payment_kind not in (None, *PAYMENT_KINDS):
            raise ValueError(f"unknown payment kind {self.payment_kind!r}")
        if self.payment_status not in (None, *PAYMENT_STATUSES):
            raise ValueError(f"unknown payment status {self.payment_status!r}")


@dataclass(frozen=True)
class HistoryPage:
    """One page of orders (newest first, with items and customer) and whether there are more either side."""

    orders: list[Order]
    has_newer: bool
    has_older: bool

    @property
    def newest_number(self) -> int | None:
        return self.orders[0].number if self.orders else None

    @property
    def oldest_number(self) -> int | None:
        return self.orders[-1].number if self.orders else None


async def history_page(
    session: AsyncSession, store_id: int, filters: HistoryFilters, *,
    older_than: int | None = None, newer_than: int | None = None, size: int = PAGE_SIZE,
) -> HistoryPage:
    """The page after order `older_than` (next), before `newer_than` (previous), or the newest page."""
    if newer_than is not None:
        rows = await _fetch(session, filtered_orders(store_id, filters)
                            .where(Order.number > newer_than).order_by(Order.number.asc()).limit(size + 1))
        if len(rows) < size:
            # Back at the top: show a full first page rather than a short one.
            return await history_page(session, store_id, filters, size=size)
        page = list(reversed(rows[:size]))
        return HistoryPage(page, has_newer=len(rows) > size,
                           has_older=await _any(session, store_id, filters, Order.number < page[-1].number))
    stmt = filtered_orders(store_id, filters).order_by(Order.number.desc()).limit(size + 1)
    if older_than is not None:
        stmt = stmt.where(Order.number < older_than)
    rows = await _fetch(session, stmt)
    page = rows[:size]
    has_newer = older_than is not None and await _any(
        session, store_id, filters, Order.number > (page[0].number if page else older_than - 1))
    return HistoryPage(page, has_newer=has_newer, has_older=len(rows) > size)


async def history_batch(
    session: AsyncSession, store_id: int, filters: HistoryFilters, *, older_than: int | None,
    size: int = EXPORT_BATCH,
) -> list[Order]:
    """Up to `size` filtered orders below `older_than`, newest first: an export reads these until one is short."""
    stmt = filtered_orders(store_id, filters).order_by(Order.number.desc()).limit(size)
    if older_than is not None:
        stmt = stmt.where(Order.number < older_than)
    return await _fetch(session, stmt)


def filtered_orders(store_id: int, filters: HistoryFilters) -> Select:
    """SELECT of the store's orders matching `filters` (always one store: the owner's)."""
    stmt = select(Order).where(Order.store_id == store_id)
    if filters.statuses:
        stmt = stmt.where(Order.status.in_(filters.statuses))
    if filters.placed_from:
        stmt = stmt.where(Order.placed_at >= day_start_utc(filters.placed_from))
    if filters.placed_to:
        stmt = stmt.where(Order.placed_at < day_start_utc(filters.placed_to + timedelta(days=1)))
    if filters.payment_kind == COD:
        stmt = stmt.where(Order.payment_method == COD)
    elif filters.payment_kind == ONLINE:
        stmt = stmt.where(Order.payment_method.in_(ONLINE_METHODS))
    if filters.payment_status:
        stmt = stmt.where(Order.payment_status == filters.payment_status)
    return stmt


async def _fetch(session: AsyncSession, stmt: Select) -> list[Order]:
    stmt = stmt.options(selectinload(Order.items), selectinload(Order.customer))
    return list((await session.scalars(stmt)).all())


async def _any(session: AsyncSession, store_id: int, filters: HistoryFilters, condition) -> bool:
    stmt = filtered_orders(store_id, filters).where(condition).with_only_columns(Order.id).limit(1)
    return await session.scalar(stmt) is not None


def items_summary(order: Order) -> str:
    """The order's lines in one cell: "Sugar (loose, per kg) 1.5 kg; Maggi Masala Noodles 70g × 2"."""
    parts = []
    for item in order.items:
        qty, unit = describe_qty(item.unit, item.pack_base, item.loose, item.qty_milli)
        parts.append(f"{item.name} × {qty}" if unit == "pack" else f"{item.name} {qty} {unit}")
    return "; ".join(parts)
