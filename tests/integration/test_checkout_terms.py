"""The store's terms in the checkout itself (whatever channel placed the order): no order from a paused or closed
store or below the minimum, stock untouched; the delivery charge is on the order and in its total."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.models import Order, Product, Store
from vyaparai.orders.checkout import BelowMinimumOrder, StoreClosed, StoreNotTakingOrders, place_order

# NOW is Monday 2026-01-05 15:30 in India.


async def _shop(s, **terms):
    store = await make_store(s)
    for name, value in terms.items():
        setattr(store, name, value)
    maggi = await make_product(s, store, "MAGGI-70", price_paise=1400, stock_packs=10)
    customer = await make_customer(s)
    cart = await fill_cart(s, store, customer, [(maggi, 3000)])  # ₹42
    return store, customer, cart


async def _place(s, store, customer, cart):
    return await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                             payment_method="cod", channel="web", language="en", now=NOW)


async def _nothing_changed(s):
    assert await s.scalar(select(func.count()).select_from(Order)) == 0
    assert await s.scalar(select(Product.stock_milli)) == 10_000


@pytest.mark.parametrize("status", ["paused", "pending"])
async def test_a_store_not_taking_orders_places_none(sessions, status):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s, status=status)
        with pytest.raises(StoreNotTakingOrders):
            await _place(s, store, customer, cart)
        await _nothing_changed(s)
        assert len(cart.items) == 1


async def test_a_pause_committed_while_the_checkout_runs_still_stops_the_order(sessions):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s)
        # Another transaction paused the store after this one read it: the row says paused, the object active.
        await s.execute(update(Store).where(Store.id == store.id).values(status="paused")
                        .execution_options(synchronize_session=False))
        assert store.status == "active"
        with pytest.raises(StoreNotTakingOrders):
            await _place(s, store, customer, cart)
        await _nothing_changed(s)


async def test_a_closed_store_places_none_unless_it_takes_orders_for_later(sessions):
    evenings = {"mon": [["18:00", "21:00"]]}
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s, opening_hours=evenings)
        with pytest.raises(StoreClosed) as closed:
            await _place(s, store, customer, cart)
        assert (closed.value.opens_at.hour, closed.value.opens_at.day) == (18, 5)  # today at 18:00
        await _nothing_changed(s)
        store.orders_when_closed = True
        assert (await _place(s, store, customer, cart)).number == 1001


async def test_a_cart_below_the_minimum_says_how_much_is_missing(sessions):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s, min_order_paise=5000)
        with pytest.raises(BelowMinimumOrder) as low:
            await _place(s, store, customer, cart)
        assert (low.value.minimum_paise, low.value.short_paise) == (5000, 800)
        await _nothing_changed(s)


async def test_the_delivery_charge_is_stored_and_in_the_total(sessions):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s, delivery_charge_paise=2500, free_delivery_above_paise=10000)
        order = await _place(s, store, customer, cart)
    assert (order.subtotal_paise, order.delivery_fee_paise, order.total_paise) == (4200, 2500, 6700)


async def test_delivery_is_free_from_the_amount_on(sessions):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop(s, delivery_charge_paise=2500, free_delivery_above_paise=4200)
        order = await _place(s, store, customer, cart)
    assert (order.delivery_fee_paise, order.total_paise) == (0, 4200)
