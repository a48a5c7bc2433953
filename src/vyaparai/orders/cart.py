"""A customer's cart at one store: lines in thousandths of a pack, priced in paise, expiring when left alone.

Every conversation turn starts with `open_cart`, which pushes the expiry to now + ttl, so a cart
stays alive while the customer is talking about it and expires `ttl` after the last turn.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, inspect, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.catalog.quantity import MILLI, line_total_paise
from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Cart, CartItem, Product
from vyaparai.db import driver
from vyaparai.db.types import utcnow
from vyaparai.orders.adopted import adopt
from vyaparai.orders.cart_rows import insert_line, insert_line_if_stocked, load_cart
from vyaparai.orders.customers import created_here
from vyaparai.orders.errors import InvalidQuantity, ProductUnavailable


@dataclass(frozen=True)
class CartLine:
    product: Product
    qty_milli: int
    line_total_paise: int


async def open_cart(
    session: AsyncSession, store_id: int, customer_id: int, *, now: datetime, ttl_minutes: int
) -> tuple[Cart, bool]:
    """The customer's cart for this store, with its lines loaded; `expired` is True if it had to be emptied."""
    expires_at = now + timedelta(minutes=ttl_minutes)
    # A customer this session created has no cart anyone could have made: no need to look for one.
    cart = None if created_here(session, customer_id) else await load_cart(session, store_id, customer_id)
    if cart is None:
        return await _create_cart(session, store_id, customer_id, expires_at), False
    # `expired` tells the bot to say "your old cart was emptied"; a cart that was already empty
    # (as every cart is after checkout) has nothing to say, so it is not reported as expired.
    expired = cart.expires_at <= now and bool(cart.items)
    if expired:
        cart.items.clear()
        await session.flush()
    await _push_expiry(session, cart, expires_at)
    return cart, expired


_CARTS = Cart.__table__
# Built once; a caller deferring the push (defer_expiry) may carry it in its own last statement.
PUSH_EXPIRY = (update(_CARTS).where(_CARTS.c.id == bindparam("cart_id"))
               .values(expires_at=bindparam("cart_expires_at", type_=_CARTS.c.expires_at.type),
                       updated_at=bindparam("cart_updated_at", type_=_CARTS.c.updated_at.type)))


def _new_cart(dialect_insert):
    # Same race as a new customer: two turns may create the cart at once; the unique (store, customer)
    # keeps one, and the loser's INSERT does nothing, so it loads the winner's.
    return (dialect_insert(_CARTS)
            .values(store_id=bindparam("store_id"), customer_id=bindparam("customer_id"),
                    expires_at=bindparam("expires_at", type_=_CARTS.c.expires_at.type),
                    updated_at=bindparam("updated_at", type_=_CARTS.c.updated_at.type))
            .on_conflict_do_nothing(index_elements=["store_id", "customer_id"])
            .returning(_CARTS.c.id))


_NEW_CART = {"postgresql": _new_cart(postgresql.insert), "sqlite": _new_cart(sqlite.insert)}


async def _push_expiry(session: AsyncSession, cart: Cart, expires_at: datetime) -> None:
    """Written at once by a statement built at import, not by a flush of the whole session; or, in a session
    that defers it (a chat turn), by the turn's own write as it ends."""
    updated_at = utcnow()
    if _DEFERRED in session.info:
        session.info[_DEFERRED] = CartExpiry(cart.id, expires_at, updated_at)
    else:
        await driver.execute(session, PUSH_EXPIRY, CartExpiry(cart.id, expires_at, updated_at)._asdict())
    set_committed_value(cart, "expires_at", expires_at)
    set_committed_value(cart, "updated_at", updated_at)


class CartExpiry(NamedTuple):
    """A cart's expiry, pushed on, still to be written (named as PUSH_EXPIRY's parameters)."""

    cart_id: int
    cart_expires_at: datetime
    cart_updated_at: datetime


_DEFERRED = "vyaparai.cart_expiry"  # session.info key: the deferred push, once there is one


def defer_expiry(session: AsyncSession) -> None:
    """Let the caller write the expiry open_cart pushes (see deferred_expiry) with its own last statement."""
    session.info[_DEFERRED] = None


def deferred_expiry(session: AsyncSession) -> CartExpiry | None:
    """The expiry open_cart pushed in this session and left for the caller to write; None if it opened no cart."""
    return session.info.pop(_DEFERRED, None)


async def write_expiry(session: AsyncSession, expiry: CartExpiry) -> None:
    await driver.execute(session, PUSH_EXPIRY, expiry._asdict())


async def _create_cart(session: AsyncSession, store_id: int, customer_id: int, expires_at: datetime) -> Cart:
    values = {"store_id": store_id, "customer_id": customer_id, "expires_at": expires_at, "updated_at": utcnow()}
    cart_id = (await driver.execute(session, _NEW_CART[session.get_bind().dialect.name], values)).scalar()
    if cart_id is None:
        return await load_cart(session, store_id, customer_id)
    return adopt(session, Cart(id=cart_id, **values), items=[])


_LINES = CartItem.__table__
_LINE_QTY = (update(_LINES).where(_LINES.c.id == bindparam("line_id"))
             .values(qty_milli=bindparam("line_qty_milli", type_=_LINES.c.qty_milli.type)))


async def add_item(session: AsyncSession, cart: Cart, product: Product, qty_milli: int) -> CartItem:
    """Add qty_milli of the product; a product already in the cart gets the amount added to its line."""
    _check_sellable(cart, product, qty_milli)
    item = _line_for(cart, product.id)
    if not _written(cart, item):  # changes still to flush: the unit of work keeps them in order
        if item is None:
            cart.items.append(item := CartItem(product=product, qty_milli=qty_milli))
        else:
            item.qty_milli += qty_milli
        await session.flush()
    elif item is None:
        # The hot path (a chat turn adding a product) writes its line with a statement built once.
        item = await insert_line(session, cart, product, qty_milli)
    else:
        await driver.execute(session, _LINE_QTY, {"line_id": item.id, "line_qty_milli": item.qty_milli + qty_milli})
        set_committed_value(item, "qty_milli", item.qty_milli + qty_milli)
    return item


async def add_if_stocked(session: AsyncSession, cart: Cart, record: ProductRecord,
                         qty_milli: int | None) -> tuple[Product | None, bool]:
    """The product as the database has it now, and whether `qty_milli` of it went into the cart already.

    On PostgreSQL a product not in the cart yet is read and, when it is on sale in this store with that much
    in stock, put in by the same statement: the common add costs one round trip, not a read and a write.
    Otherwise (SQLite, a line to grow, not enough left, `qty_milli` None) nothing is written and the caller
    decides what goes in from the product returned (add_item)."""
    if (qty_milli is not None and session.get_bind().dialect.name == "postgresql"
            and _line_for(cart, record.id) is None and _written(cart, None) and _sells_in(record, qty_milli)):
        product, line = await insert_line_if_stocked(session, cart, record.id, qty_milli)
        return product, line is not None
    return await session.get(Product, record.id), False


def _written(cart: Cart, item: CartItem | None) -> bool:
    """Are the cart, its list of lines and this line as the database has them?"""
    state = inspect(cart)
    return (state.persistent and not state.attrs["items"].history.has_changes()
            and (item is None or not inspect(item).modified))


async def set_item_quantity(session: AsyncSession, cart: Cart, product_id: int, qty_milli: int) -> CartItem | None:
    """Make the line exactly qty_milli; zero or less removes it. Returns the line, or None if removed."""
    if qty_milli <= 0:
        await remove_item(session, cart, product_id)
        return None
    item = _line_for(cart, product_id)
    if item is None:
        product = await session.get(Product, product_id)
        if product is None:
            raise ProductUnavailable(str(product_id))
        return await add_item(session, cart, product, qty_milli)
    _check_whole_packs(item.product, qty_milli)
    item.qty_milli = qty_milli
    await session.flush()
    return item


async def remove_item(session: AsyncSession, cart: Cart, product_id: int) -> bool:
    """Take the product out of the cart; False if it was not there."""
    item = _line_for(cart, product_id)
    if item is None:
        return False
    cart.items.remove(item)
    # Flushed now, so removing and re-adding a product in one turn never trips the unique line.
    await session.flush()
    return True


async def clear_cart(session: AsyncSession, cart: Cart) -> None:
    cart.items.clear()
    await session.flush()


def cart_lines(cart: Cart) -> list[CartLine]:
    """The lines as the customer sees them, priced at today's price."""
    return [
        CartLine(item.product, item.qty_milli, line_total_paise(item.product.price_paise, item.qty_milli))
        for item in cart.items
    ]


def cart_total_paise(cart: Cart) -> int:
    return sum(line.line_total_paise for line in cart_lines(cart))


def _line_for(cart: Cart, product_id: int) -> CartItem | None:
    return next((item for item in cart.items if item.product_id == product_id), None)


def _check_sellable(cart: Cart, product: Product, qty_milli: int) -> None:
    if product.store_id != cart.store_id or not product.active:
        raise ProductUnavailable(product.sku)
    _check_whole_packs(product, qty_milli)


def _check_whole_packs(product: Product, qty_milli: int) -> None:
    if not _sells_in(product, qty_milli):
        raise InvalidQuantity(product.sku, qty_milli)


def _sells_in(product: Product | ProductRecord, qty_milli: int) -> bool:
    # Loose goods sell in any fraction; packets and pieces only whole (catalog/quantity.py agrees).
    fractional_ok = product.loose and product.unit != "piece"
    return qty_milli > 0 and (fractional_ok or qty_milli % MILLI == 0)
