"""Turning a cart into an order under the store's terms: reserve the stock, number the order, copy the lines,
add the delivery charge, empty the cart."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.catalog.hours import is_open_now, next_opening
from vyaparai.catalog.quantity import line_total_paise
from vyaparai.catalog.terms_of_sale import delivery_fee_paise, short_of_minimum_paise, takes_orders
from vyaparai.db import driver
from vyaparai.db.models import Cart, CartItem, Customer, Order, OrderItem, OrderStatusEvent, Store
from vyaparai.orders.cart import cart_total_paise
from vyaparai.orders.errors import EmptyCart, OrderError
from vyaparai.orders.order_rows import insert_order
from vyaparai.orders.reservation import (
    ReservedProduct, StockRequest, quantities_by_product, release_stock, remember_stock, reserve_stock,
)
from vyaparai.orders.states import PENDING, check_payment_method


class StoreNotTakingOrders(OrderError):
    """The store is paused, or not verified yet: no order, whatever is in the cart."""

    code = "store_not_taking_orders"

    def __init__(self, store_code: str, status: str):
        self.store_code, self.status = store_code, status
        super().__init__(f"store {store_code} is {status} and takes no orders")


class StoreClosed(OrderError):
    """Outside opening hours, and the owner takes no orders for later. `opens_at` (India time) or None."""

    code = "store_closed"

    def __init__(self, opens_at: datetime | None):
        self.opens_at = opens_at
        super().__init__(f"the store is closed; it opens {opens_at.isoformat() if opens_at else 'at no set time'}")


class BelowMinimumOrder(OrderError):
    """The cart is worth less than the store's minimum order; `short_paise` more would do."""

    code = "below_minimum_order"

    def __init__(self, minimum_paise: int, short_paise: int):
        self.minimum_paise, self.short_paise = minimum_paise, short_paise
        super().__init__(f"the minimum order is {minimum_paise} paise; {short_paise} paise more needed")


async def place_order(
    session: AsyncSession,
    *,
    store: Store,
    customer: Customer,
    cart: Cart,
    address: str | None,
    payment_method: str,
    channel: str,
    language: str,
    lat: float | None = None,
    lon: float | None = None,
    now: datetime,
) -> Order:
    """Place the cart as a pending order, or change nothing.

    Raises EmptyCart, UnknownPaymentMethod, StoreNotTakingOrders, StoreClosed, BelowMinimumOrder, or
    InsufficientStock (every short line, with what is left). On any of these the stock, the order
    numbers and the cart are as they were, and the caller's transaction is still usable for writing
    its reply. The caller commits.
    """
    check_payment_method(payment_method)
    if cart.store_id != store.id or cart.customer_id != customer.id:
        raise ValueError("the cart belongs to another store or customer")
    if not cart.items:
        raise EmptyCart()
    check_terms(store, cart, now)
    requests = [StockRequest(item.product_id, item.qty_milli) for item in cart.items]
    # No savepoint: a shortage writes nothing, and a pause found below gives the stock back itself.
    reserved = await reserve_stock(session, store.id, requests)
    # Numbered after the stock is taken: a short cart burns no number, and the store row
    # (every checkout of the store queues on it) is held for the shortest time.
    number = await allocate_order_number(session, store.id)
    if number is None:  # paused since the check above
        await release_stock(session, quantities_by_product(requests))
        raise StoreNotTakingOrders(store.code, "paused")
    lines = [_order_line(reserved[r.product_id], r.qty_milli) for r in requests]
    subtotal = sum(line["line_total_paise"] for line in lines)
    fee = delivery_fee_paise(store, subtotal)
    values = {"store_id": store.id, "customer_id": customer.id, "number": number, "status": PENDING,
              "payment_status": "pending", "payment_method": payment_method, "subtotal_paise": subtotal,
              "delivery_fee_paise": fee, "total_paise": subtotal + fee, "delivery_address": address,
              "delivery_lat": lat, "delivery_lon": lon, "channel": channel, "language": language,
              "cancel_reason": None, "placed_at": now, "updated_at": now}
    first = {"from_status": None, "to_status": PENDING, "actor": "customer", "note": None, "at": now}
    remember_stock(session, {pid: r.stock_left_milli for pid, r in reserved.items()})
    set_committed_value(store, "order_seq", number)
    if session.get_bind().dialect.name == "postgresql":  # one statement, the cart's lines deleted by it too
        order = await insert_order(session, customer, values, lines, first, cart.id)
        _forget_lines(session, cart)
        return order
    order = Order(**values, customer=customer, items=[OrderItem(**line) for line in lines],
                  history=[OrderStatusEvent(**first)])
    session.add(order)
    await session.flush()
    await _empty(session, cart)
    return order


_EMPTY_CART = delete(CartItem.__table__).where(CartItem.__table__.c.cart_id == bindparam("emptied_cart_id"))


async def _empty(session: AsyncSession, cart: Cart) -> None:
    """The cart's lines deleted by one statement built once (not a flush of each line's removal); the session
    forgets them, as it would have after the flush."""
    await driver.execute(session, _EMPTY_CART, {"emptied_cart_id": cart.id})
    _forget_lines(session, cart)


def _forget_lines(session: AsyncSession, cart: Cart) -> None:
    for item in cart.items:
        session.expunge(item)
    set_committed_value(cart, "items", [])


def check_terms(store: Store, cart: Cart, now: datetime) -> None:
    """The store's terms that decide whether this cart may become an order now (the bot asks first, and says
    why in the customer's words; this is the rule itself, for every way an order is placed)."""
    if not takes_orders(store):
        raise StoreNotTakingOrders(store.code, store.status)
    if not store.orders_when_closed and not is_open_now(store, now):
        raise StoreClosed(next_opening(store, now))
    # Priced as the customer sees the cart; the order's lines are priced as reserved, a moment later.
    short = short_of_minimum_paise(store, cart_total_paise(cart))
    if short:
        raise BelowMinimumOrder(store.min_order_paise, short)


async def allocate_order_number(session: AsyncSession, store_id: int) -> int | None:
    """The store's next short order number (1001, 1002, ...), atomically, with no gaps on success; None when
    the store is not taking orders any more (paused by another transaction since it was read)."""
    return (await driver.execute(session, _NEXT_NUMBER, {"numbered_store_id": store_id})).scalar_one_or_none()


_STORES = Store.__table__
# One statement reads and bumps the counter under the row lock: two checkouts can never get the same number,
# and a pause committed meanwhile is seen. RETURNING needs SQLite >= 3.35. Core and built once, so it
# takes the short way on PostgreSQL (db/driver.py); the Store object in the session is told by the caller.
_NEXT_NUMBER = (
    update(_STORES)
    .where(_STORES.c.id == bindparam("numbered_store_id"), _STORES.c.status == "active")
    .values(order_seq=_STORES.c.order_seq + 1)
    .returning(_STORES.c.order_seq)
)


def _order_line(product: ReservedProduct, qty_milli: int) -> dict:
    # Copied from the row as it was locked, so the price charged is the price at reservation.
    return {"product_id": product.product_id, "sku": product.sku, "name": product.name, "unit": product.unit,
            "pack_base": product.pack_base, "loose": product.loose, "qty_milli": qty_milli,
            "unit_price_paise": product.price_paise,
            "line_total_paise": line_total_paise(product.price_paise, qty_milli)}
