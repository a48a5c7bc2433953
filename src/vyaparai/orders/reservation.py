"""Taking stock for an order and giving it back: row locks in one fixed order, then conditional updates.

An order's stock is taken in two statements, whatever its number of lines (one for a one-line order: its guarded
UPDATE alone needs no lock order): the products' rows are
locked in ascending id (`SELECT ... ORDER BY id FOR UPDATE`; on SQLite the transaction's
BEGIN IMMEDIATE already holds the write lock), which says whether every line can be had; then one
`UPDATE products SET stock_milli = stock_milli - CASE id WHEN ... END WHERE ... AND stock_milli >= CASE ...`
takes them all. Stock is never written back as an absolute value, and the UPDATE keeps its own
condition. The CHECK (stock_milli >= 0) on the table is the last line of defence should anyone
ever write a blind decrement.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import BigInteger, bindparam, case, literal, select, update
from sqlalchemy.engine import Row
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

    A shortage is found before anything is written, so it leaves the caller's transaction as it
    was and usable. Does not touch ORM objects; call `remember_stock` once the caller's own
    savepoint (if any) has been released.
    """
    wanted = _merge(requests)
    if not wanted:
        return {}
    if len(wanted) == 1:
        # One row: the guarded UPDATE alone takes it or finds it short, and with a single row lock there is
        # no order to keep. Only a shortage costs a second statement, to say what is missing.
        [(product_id, qty)] = wanted.items()
        if taken := await _take_one(session, store_id, product_id, qty):
            return taken
        # Short, or restocked in between: look again under the row lock, where the answer stays true.
        short = _shortage((await _lock(session, wanted)).get(product_id), store_id, product_id, qty)
        if short is not None:
            raise InsufficientStock([short])
        if taken := await _take_one(session, store_id, product_id, qty):
            return taken
        raise RuntimeError(f"stock changed under a row lock: {product_id}")
    # Rows are always locked in ascending product id. On PostgreSQL a row lock is held until
    # commit; two carts holding the same products in different orders (sugar then atta, atta then
    # sugar) would each wait for the other forever if they locked in cart order, and PostgreSQL
    # would kill one with a deadlock error. One global order makes that cycle impossible.
    # (Checkout then locks the store row, cancellation the order row first; neither takes a
    # product lock before another product lock out of order.)
    locked = await _lock(session, wanted)
    # Reported in the order the customer put things in the cart, not in lock order.
    short = [s for pid, qty in wanted.items() if (s := _shortage(locked.get(pid), store_id, pid, qty)) is not None]
    if short:
        raise InsufficientStock(short)
    reserved = await _take(session, store_id, wanted)
    if len(reserved) != len(wanted):  # cannot happen under the locks; never return half an order
        raise RuntimeError(f"stock changed under a row lock: {sorted(set(wanted) - set(reserved))}")
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


async def _lock(session: AsyncSession, wanted: Mapping[int, int]) -> dict[int, Row]:
    stmt = (select(Product.id, Product.sku, Product.name, Product.stock_milli, Product.active, Product.store_id)
            .where(Product.id.in_(wanted)).order_by(Product.id).with_for_update())
    return {row.id: row for row in (await session.execute(stmt)).all()}


def _shortage(row: Row | None, store_id: int, product_id: int, qty: int) -> Shortage | None:
    """What is missing for this line, or None when it can be had."""
    if row is None:
        return Shortage(str(product_id), "", qty, 0)
    sellable = row.active and row.store_id == store_id
    if sellable and row.stock_milli >= qty:
        return None
    return Shortage(row.sku, row.name, qty, row.stock_milli if sellable else 0)


# Named unlike the columns: an UPDATE reserves the column names for its own SET parameters.
_ONE_QTY = bindparam("take_qty", type_=BigInteger)
_TAKE_ONE = (  # built once: a one-line order is the most common reservation
    update(Product)
    .where(Product.id == bindparam("take_product_id"), Product.store_id == bindparam("take_store_id"), Product.active,
           Product.stock_milli >= _ONE_QTY)
    .values(stock_milli=Product.stock_milli - _ONE_QTY)
    .returning(Product.id, Product.sku, Product.name, Product.unit, Product.pack_base, Product.loose,
               Product.price_paise, Product.stock_milli)
    .execution_options(synchronize_session=False)
)


async def _take_one(session: AsyncSession, store_id: int, product_id: int, qty: int) -> dict[int, ReservedProduct]:
    rows = (await session.execute(
        _TAKE_ONE, {"take_product_id": product_id, "take_store_id": store_id, "take_qty": qty})).all()
    return {product_id: ReservedProduct(*rows[0])} if rows else {}


async def _take(session: AsyncSession, store_id: int, wanted: Mapping[int, int]) -> dict[int, ReservedProduct]:
    # Typed literals: asyncpg must know the CASE yields a bigint, not text.
    qty = case({pid: literal(q, BigInteger) for pid, q in wanted.items()}, value=Product.id)
    stmt = (
        update(Product)
        .where(
            Product.id.in_(wanted),
            Product.store_id == store_id,
            Product.active,
            Product.stock_milli >= qty,
        )
        .values(stock_milli=Product.stock_milli - qty)
        .returning(
            Product.id, Product.sku, Product.name, Product.unit, Product.pack_base, Product.loose,
            Product.price_paise, Product.stock_milli,
        )
        .execution_options(synchronize_session=False)
    )
    return {row[0]: ReservedProduct(*row) for row in (await session.execute(stmt)).all()}
