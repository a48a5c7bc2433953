"""Taking stock for an order and giving it back: conditional updates in one fixed row order.

Stock is never read, checked in Python and written back: each product is one
`UPDATE products SET stock_milli = stock_milli - :q WHERE id = :id AND stock_milli >= :q AND active`,
so the database decides, row by row, under its own lock. The CHECK (stock_milli >= 0) on the
table is the last line of defence should anyone ever write a blind decrement.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from vyaparai.db.models import Product
from vyaparai.orders.errors import InsufficientStock, Shortage


@dataclass(frozen=True)
class StockRequest:
    product_id: int
    qty_milli: int


@dataclass(frozen=True)
class ReservedProduct:
    """The product row as it was when its stock was taken: what the order line copies."""

    product_id: int
    sku: str
    name: str
    unit: str
    pack_base: int
    loose: bool
    price_paise: int
    stock_left_milli: int


async def reserve_stock(
    session: AsyncSession, store_id: int, requests: Iterable[StockRequest]
) -> dict[int, ReservedProduct]:
    """Take every requested quantity, or nothing: raises InsufficientStock naming every short line.

    Runs in a SAVEPOINT of its own, so a shortage undoes the lines already taken and leaves the
    caller's transaction usable. Does not touch ORM objects; call `remember_stock` once the
    caller's own savepoint (if any) has been released.
    """
    wanted = _merge(requests)
    reserved: dict[int, ReservedProduct] = {}
    short: dict[int, Shortage] = {}
    async with session.begin_nested():
        # Rows are always locked in ascending product id. On PostgreSQL each UPDATE holds its row
        # lock until commit; two carts holding the same products in different orders (sugar then
        # atta, atta then sugar) would each wait for the other forever if they locked in cart
        # order, and PostgreSQL would kill one with a deadlock error. One global order makes that
        # cycle impossible. (Checkout then locks the store row, cancellation the order row first;
        # neither takes a product lock before another product lock out of order.)
        for product_id in sorted(wanted):
            qty = wanted[product_id]
            row = await _take(session, store_id, product_id, qty)
            if row is None:
                short[product_id] = await _shortage(session, store_id, product_id, qty)
            else:
                reserved[product_id] = row
        if short:
            # Leaving the block with an exception rolls back to the savepoint: nothing was taken.
            # Reported in the order the customer put things in the cart, not in lock order.
            raise InsufficientStock([short[pid] for pid in wanted if pid in short])
    return reserved


async def release_stock(session: AsyncSession, quantities: Mapping[int, int]) -> dict[int, int]:
    """Give quantities back (product id -> milli-packs); returns the stock each product now has."""
    left: dict[int, int] = {}
    for product_id in sorted(quantities):  # same lock order as reserve_stock
        stmt = (
            update(Product)
            .where(Product.id == product_id)
            .values(stock_milli=Product.stock_milli + quantities[product_id])
            .returning(Product.stock_milli)
            .execution_options(synchronize_session=False)
        )
        stock = (await session.execute(stmt)).scalar_one_or_none()
        if stock is not None:
            left[product_id] = stock
    remember_stock(session, left)
    return left


def remember_stock(session: AsyncSession, stock_by_product: Mapping[int, int]) -> None:
    """Show the new stock on Product objects this session already holds, without marking them dirty.

    Assigning `product.stock_milli = n` instead would make the next flush write a stale
    absolute value over other transactions' reservations.
    """
    for product_id, stock in stock_by_product.items():
        product = session.identity_map.get(identity_key(Product, product_id))
        if product is not None:
            set_committed_value(product, "stock_milli", stock)


def _merge(requests: Iterable[StockRequest]) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for r in requests:
        wanted[r.product_id] = wanted.get(r.product_id, 0) + r.qty_milli
    return wanted


async def _take(session: AsyncSession, store_id: int, product_id: int, qty: int) -> ReservedProduct | None:
    stmt = (
        update(Product)
        .where(
            Product.id == product_id,
            Product.store_id == store_id,
            Product.active,
            Product.stock_milli >= qty,
        )
        .values(stock_milli=Product.stock_milli - qty)
        .returning(
            Product.sku, Product.name, Product.unit, Product.pack_base, Product.loose,
            Product.price_paise, Product.stock_milli,
        )
        .execution_options(synchronize_session=False)
    )
    row = (await session.execute(stmt)).one_or_none()
    if row is None:
        return None
    return ReservedProduct(product_id, *row)


async def _shortage(session: AsyncSession, store_id: int, product_id: int, qty: int) -> Shortage:
    stmt = select(Product.sku, Product.name, Product.stock_milli, Product.active, Product.store_id).where(
        Product.id == product_id
    )
    row = (await session.execute(stmt)).one_or_none()
    if row is None:
        return Shortage(str(product_id), "", qty, 0)
    sellable = row.active and row.store_id == store_id
    return Shortage(row.sku, row.name, qty, row.stock_milli if sellable else 0)
