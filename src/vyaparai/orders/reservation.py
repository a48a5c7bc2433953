"""Taking stock for an order and giving it back: guarded decrements on the connection, rows locked in one order.

An order's stock is taken in one statement, whatever its number of lines, run on the caller's connection in the
caller's transaction (Core: no ORM objects, no flush, no savepoint). A one-line order is
`UPDATE products SET stock_milli = stock_milli - :q WHERE id = :id AND ... AND stock_milli >= :q RETURNING ...`,
built once. An order of several lines locks its products in ascending id inside the same statement (a
`WITH locked AS MATERIALIZED (SELECT ... ORDER BY id FOR UPDATE)`; on SQLite the transaction's BEGIN IMMEDIATE
already holds the write lock) and takes them all only when every line can be had. A shortage writes nothing:
a second statement, under the row locks, says what is missing. Stock is never written back as an absolute
value; the CHECK (stock_milli >= 0) on the table is the last line of defence should anyone ever write a blind
decrement.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import BigInteger, Integer, and_, bindparam, case, func, literal, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from vyaparai.db import driver
from vyaparai.db.models import Product
from vyaparai.db.types import utcnow
from vyaparai.orders.errors import InsufficientStock, Shortage

_products = Product.__table__


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
    db: AsyncConnection | AsyncSession, store_id: int, requests: Iterable[StockRequest]
) -> dict[int, ReservedProduct]:
    """Take every requested quantity, or nothing: raises InsufficientStock naming every short line.

    Runs in the caller's transaction (a session's is flushed first, so the products' rows are as it left them).
    A shortage is found before anything is written, so it leaves the caller's transaction as it was and
    usable. Does not touch ORM objects; call `remember_stock` to show the new stock on them.
    """
    wanted = quantities_by_product(requests)
    if not wanted:
        return {}
    conn = await _connection(db)
    taken = await (_take_one(conn, store_id, wanted) if len(wanted) == 1 else _take_all(conn, store_id, wanted))
    if taken:
        return taken
    # Short, or (one line) restocked in between: look again under the row locks, where the answer stays true.
    locked = {row.id: row for row in await conn.execute(_LOCK, {"lock_ids": list(wanted)})}
    # Reported in the order the customer put things in the cart, not in lock order.
    short = [s for pid, qty in wanted.items() if (s := _shortage(locked.get(pid), store_id, pid, qty)) is not None]
    if short:
        raise InsufficientStock(short)
    if len(wanted) == 1 and (taken := await _take_one(conn, store_id, wanted)):
        return taken
    raise RuntimeError(f"stock changed under a row lock: {sorted(wanted)}")


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


async def _connection(db: AsyncConnection | AsyncSession) -> AsyncConnection:
    if isinstance(db, AsyncConnection):
        return db
    await db.flush()  # e.g. a product switched off in this session: the UPDATE below must see it
    return await db.connection()


def quantities_by_product(requests: Iterable[StockRequest]) -> dict[int, int]:
    """Product id -> milli-packs asked for, lines of the same product added up, in the order first asked."""
    wanted: dict[int, int] = {}
    for r in requests:
        wanted[r.product_id] = wanted.get(r.product_id, 0) + r.qty_milli
    return wanted


def _shortage(row: Row | None, store_id: int, product_id: int, qty: int) -> Shortage | None:
    """What is missing for this line, or None when it can be had."""
    if row is None:
        return Shortage(str(product_id), "", qty, 0)
    sellable = row.active and row.store_id == store_id
    if sellable and row.stock_milli >= qty:
        return None
    return Shortage(row.sku, row.name, qty, row.stock_milli if sellable else 0)


_RESERVED = (_products.c.id, _products.c.sku, _products.c.name, _products.c.unit, _products.c.pack_base,
             _products.c.loose, _products.c.price_paise, _products.c.stock_milli)
_LOCK = (  # built once, like the one-line UPDATE: only a shortage runs it
    select(_products.c.id, _products.c.sku, _products.c.name, _products.c.stock_milli, _products.c.active,
           _products.c.store_id)
    .where(_products.c.id.in_(bindparam("lock_ids", expanding=True)))
    .order_by(_products.c.id)
    .with_for_update()
)
# Named unlike the columns: an UPDATE reserves the column names for its own SET parameters.
_ONE_QTY = bindparam("take_qty", type_=BigInteger)
_TAKE_ONE = (  # built once: a one-line order is the most common reservation
    update(_products)
    .where(_products.c.id == bindparam("take_product_id"), _products.c.store_id == bindparam("take_store_id"),
           _products.c.active, _products.c.stock_milli >= _ONE_QTY)
    .values(stock_milli=_products.c.stock_milli - _ONE_QTY)
    .returning(*_RESERVED)
)


async def _take_one(conn: AsyncConnection, store_id: int, wanted: Mapping[int, int]) -> dict[int, ReservedProduct]:
    # One row: the guarded UPDATE alone takes it or finds it short, and with a single row lock there is
    # no order to keep.
    [(product_id, qty)] = wanted.items()
    rows = (await driver.execute(
        conn, _TAKE_ONE, {"take_product_id": product_id, "take_store_id": store_id, "take_qty": qty})).all()
    return {product_id: ReservedProduct(*rows[0])} if rows else {}


# The same statement for PostgreSQL, built once: the lines come as two typed arrays (unnest), so it is one prepared
# statement for any order, on db/driver.py's short way, instead of a statement built and compiled per checkout.
_TAKE_ALL_PG = text("""
WITH wanted AS (SELECT * FROM unnest(:take_ids, :take_qtys) AS w(id, qty)),
locked AS MATERIALIZED (
    SELECT products.id,
           products.store_id = :take_store_id AND products.active AND products.stock_milli >= wanted.qty AS ok
    FROM products JOIN wanted ON wanted.id = products.id
    ORDER BY products.id
    FOR UPDATE OF products)
UPDATE products SET stock_milli = products.stock_milli - wanted.qty, updated_at = :take_now
FROM wanted
WHERE products.id = wanted.id AND products.id IN (SELECT locked.id FROM locked)
  AND (SELECT count(*) FROM locked WHERE locked.ok) = :take_lines AND products.stock_milli >= wanted.qty
RETURNING products.id, products.sku, products.name, products.unit, products.pack_base, products.loose,
          products.price_paise, products.stock_milli
""").bindparams(bindparam("take_ids", type_=ARRAY(Integer)), bindparam("take_qtys", type_=ARRAY(BigInteger)),
                bindparam("take_store_id", type_=Integer), bindparam("take_lines", type_=Integer),
                bindparam("take_now", type_=_products.c.updated_at.type)).columns(*_RESERVED)


async def _take_all(conn: AsyncConnection, store_id: int, wanted: Mapping[int, int]) -> dict[int, ReservedProduct]:
    """Every line's stock, or {} (nothing written) when any line is short."""
    if conn.dialect.name == "postgresql":
        rows = await driver.execute(conn, _TAKE_ALL_PG, {
            "take_ids": list(wanted), "take_qtys": list(wanted.values()), "take_store_id": store_id,
            "take_lines": len(wanted), "take_now": utcnow()})
        return _all_or_error({row[0]: ReservedProduct(*row) for row in rows}, wanted)
    # Typed literals: asyncpg must know the CASE yields a bigint, not text.
    qty = case({pid: literal(q, BigInteger) for pid, q in wanted.items()}, value=_products.c.id)
    # Rows are always locked in ascending product id. On PostgreSQL a row lock is held until commit; two carts
    # holding the same products in different orders (sugar then atta, atta then sugar) would each wait for the
    # other forever if they locked in cart order, and PostgreSQL would kill one with a deadlock error. One
    # global order makes that cycle impossible. The CTE is materialized and its rows are locked after the sort,
    # as the UPDATE reads them, so every row the UPDATE writes is already locked, in id order. (Checkout then
    # locks the store row, cancellation the order row first; neither takes a product lock out of order.)
    locked = (
        select(_products.c.id,
               and_(_products.c.store_id == store_id, _products.c.active, _products.c.stock_milli >= qty).label("ok"))
        .where(_products.c.id.in_(wanted))
        .order_by(_products.c.id)
        .with_for_update()
        .cte("locked")
        .prefix_with("MATERIALIZED")
    )
    # Read once the rows are locked (and the values are the committed ones, under READ COMMITTED): all or none.
    every_line_can_be_had = select(func.count()).where(locked.c.ok).scalar_subquery() == len(wanted)
    stmt = (
        update(_products)
        .where(_products.c.id.in_(select(locked.c.id)), every_line_can_be_had, _products.c.stock_milli >= qty)
        .values(stock_milli=_products.c.stock_milli - qty)
        .returning(*_RESERVED)
    )
    return _all_or_error({row[0]: ReservedProduct(*row) for row in await conn.execute(stmt)}, wanted)


def _all_or_error(reserved: dict[int, ReservedProduct], wanted: Mapping[int, int]) -> dict[int, ReservedProduct]:
    if reserved and len(reserved) != len(wanted):  # cannot happen under the locks; never return half an order
        raise RuntimeError(f"stock changed under a row lock: {sorted(set(wanted) - set(reserved))}")
    return reserved
