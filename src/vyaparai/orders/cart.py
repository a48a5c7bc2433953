"""A customer's cart at one store: lines in thousandths of a pack, priced in paise, expiring when left alone.

Every conversation turn starts with `open_cart`, which pushes the expiry to now + ttl, so a cart
stays alive while the customer is talking about it and expires `ttl` after the last turn.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from vyaparai.catalog.quantity import MILLI, line_total_paise
from vyaparai.db.models import Cart, CartItem, Product
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
    cart = await _load_cart(session, store_id, customer_id)
    if cart is None:
        return await _create_cart(session, store_id, customer_id, expires_at), False
    # `expired` tells the bot to say "your old cart was emptied"; a cart that was already empty
    # (as every cart is after checkout) has nothing to say, so it is not reported as expired.
    expired = cart.expires_at <= now and bool(cart.items)
    if expired:
        cart.items.clear()
    cart.expires_at = expires_at
    await session.flush()
    return cart, expired


# Built once, run with each turn's values: the cart, its lines and their products in one statement
# (CartItem.product is joined too). The turn may already hold this cart; read what the database has now.
_CART = (
    select(Cart)
    .where(Cart.store_id == bindparam("store_id"), Cart.customer_id == bindparam("customer_id"))
    .options(joinedload(Cart.items))
    .execution_options(populate_existing=True)
)


async def _load_cart(session: AsyncSession, store_id: int, customer_id: int) -> Cart | None:
    result = await session.execute(_CART, {"store_id": store_id, "customer_id": customer_id})
    return result.unique().scalar_one_or_none()


async def _create_cart(session: AsyncSession, store_id: int, customer_id: int, expires_at: datetime) -> Cart:
    # Same race as a new customer: two turns may create the cart at once; the unique
    # (store, customer) keeps one, and the loser rolls back its SAVEPOINT and loads it.
    try:
        async with session.begin_nested():
            cart = Cart(store_id=store_id, customer_id=customer_id, expires_at=expires_at, items=[])
            session.add(cart)
            await session.flush()
        return cart
    except IntegrityError:
        cart = await _load_cart(session, store_id, customer_id)
        if cart is None:
            raise
        return cart


async def add_item(session: AsyncSession, cart: Cart, product: Product, qty_milli: int) -> CartItem:
    """Add qty_milli of the product; a product already in the cart gets the amount added to its line."""
    _check_sellable(cart, product, qty_milli)
    item = _line_for(cart, product.id)
    if item is None:
        item = CartItem(product=product, qty_milli=qty_milli)
        cart.items.append(item)
    else:
        item.qty_milli += qty_milli
    await session.flush()
    return item


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
    # Loose goods sell in any fraction; packets and pieces only whole (catalog/quantity.py agrees).
    fractional_ok = product.loose and product.unit != "piece"
    if qty_milli <= 0 or (not fractional_ok and qty_milli % MILLI):
        raise InvalidQuantity(product.sku, qty_milli)
