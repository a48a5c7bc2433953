"""Checkout: stock is taken for every line or for none, totals are right to the paisa, no oversell."""
import asyncio

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.models import Cart, Customer, Order, Product, Store
from vyaparai.orders.cart import open_cart
from vyaparai.orders.checkout import place_order
from vyaparai.orders.errors import EmptyCart, InsufficientStock, Shortage


async def _checkout(s, store, customer, cart, **kw):
    return await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                             payment_method=kw.pop("payment_method", "cod"), channel="whatsapp",
                             language="hi", now=NOW, **kw)


async def _stock(sessions, *products) -> list[int]:
    async with sessions() as s:
        return [await s.scalar(select(Product.stock_milli).where(Product.id == p.id)) for p in products]


async def _order_count(sessions) -> int:
    async with sessions() as s:
        return await s.scalar(select(func.count()).select_from(Order))


async def test_checkout_reserves_every_line_and_totals_are_in_paise(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        sugar = await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg",
                                   pack_base=1000, loose=True, price_paise=4600, stock_packs=5)
        atta = await make_product(s, store, "ATTA-5KG", name="Aashirvaad Atta 5 kg", unit="kg",
                                  pack_base=5000, price_paise=24500, stock_packs=4)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(sugar, 250), (atta, 2000)])
        order = await _checkout(s, store, customer, cart, lat=18.52, lon=73.85)
    assert order.number == 1001
    assert order.status == "pending" and order.payment_status == "pending" and order.payment_method == "cod"
    assert [(i.sku, i.qty_milli, i.unit_price_paise, i.line_total_paise) for i in order.items] == [
        ("SUGAR-LOOSE", 250, 4600, 1150), ("ATTA-5KG", 2000, 24500, 49000)]
    assert (order.subtotal_paise, order.total_paise) == (50150, 50150)
    assert [(e.from_status, e.to_status) for e in order.history] == [(None, "pending")]
    assert await _stock(sessions, sugar, atta) == [4750, 2000]
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=30)
        assert cart.items == []  # the cart was emptied in the same transaction


async def test_when_one_line_is_short_nothing_is_taken_and_every_short_line_is_named(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        rice = await make_product(s, store, "RICE-1KG", name="Rice 1 kg", stock_packs=10)
        dal = await make_product(s, store, "DAL-1KG", name="Toor Dal 1 kg", stock_packs=1)
        ghee = await make_product(s, store, "GHEE-1L", name="Ghee 1 l", stock_packs=0)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(rice, 3000), (dal, 2000), (ghee, 1000)])
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=30)
        with pytest.raises(InsufficientStock) as caught:
            await _checkout(s, await s.get(Store, store.id), await s.get(Customer, customer.id), cart)
        # The caller's transaction survives the failed checkout: it can still write its reply.
        assert await s.scalar(select(func.count()).select_from(Cart)) == 1
    assert caught.value.shortages == [Shortage("DAL-1KG", "Toor Dal 1 kg", 2000, 1000),
                                      Shortage("GHEE-1L", "Ghee 1 l", 1000, 0)]
    assert await _stock(sessions, rice, dal, ghee) == [10000, 1000, 0]
    assert await _order_count(sessions) == 0
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=30)
        assert [(i.product.sku, i.qty_milli) for i in cart.items] == [
            ("RICE-1KG", 3000), ("DAL-1KG", 2000), ("GHEE-1L", 1000)]
        store = await s.get(Store, store.id)
        assert store.order_seq == 1000  # a failed checkout burns no order number


async def test_a_switched_off_product_counts_as_none_left(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        oil = await make_product(s, store, "OIL-1L", stock_packs=10)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(oil, 1000)])
        oil.active = False
        with pytest.raises(InsufficientStock) as caught:
            await _checkout(s, store, customer, cart)
    assert caught.value.shortages[0].available_milli == 0


async def test_an_empty_cart_cannot_be_checked_out(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [])
        with pytest.raises(EmptyCart):
            await _checkout(s, store, customer, cart)


async def test_order_numbers_are_short_increasing_and_per_store(sessions):
    async with sessions() as s, s.begin():
        shops = [await make_store(s, code=code) for code in ("A", "B")]
        products = [await make_product(s, shop, "TEA", stock_packs=10) for shop in shops]
        customer = await make_customer(s)
        numbers = []
        for shop, product in [(shops[0], products[0]), (shops[0], products[0]), (shops[1], products[1]),
                              (shops[0], products[0])]:
            cart = await fill_cart(s, shop, customer, [(product, 1000)])
            numbers.append((shop.code, (await _checkout(s, shop, customer, cart)).number))
    assert numbers == [("A", 1001), ("A", 1002), ("B", 1001), ("A", 1003)]


async def test_the_check_constraint_refuses_a_blind_negative_update(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        product = await make_product(s, store, "SALT", stock_packs=1)
    with pytest.raises(IntegrityError):
        async with sessions() as s, s.begin():
            await s.execute(update(Product).where(Product.id == product.id)
                            .values(stock_milli=Product.stock_milli - 5000))
    assert await _stock(sessions, product) == [1000]


async def _customers_with_carts(sessions, store, count, lines_for):
    """`count` customers, each with a cart committed; lines_for(i) gives (product, qty_milli) pairs."""
    async with sessions() as s, s.begin():
        ids = []
        for i in range(count):
            customer = await make_customer(s, external_id=f"9190000{i:05d}")
            await fill_cart(s, store, customer, lines_for(i))
            ids.append(customer.id)
    return ids


async def _checkout_alone(sessions, store_id, customer_id):
    """One customer's checkout in its own session and transaction, as a separate worker would do it."""
    async with sessions() as s, s.begin():
        store = await s.get(Store, store_id)
        customer = await s.get(Customer, customer_id)
        cart, _ = await open_cart(s, store_id, customer_id, now=NOW, ttl_minutes=30)
        try:
            return (await _checkout(s, store, customer, cart)).number
        except InsufficientStock as e:
            return e


async def test_fifty_buyers_for_the_last_ten_units_exactly_ten_win(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        onions = await make_product(s, store, "ONION-1KG", stock_packs=10)
    customers = await _customers_with_carts(sessions, store, 50, lambda i: [(onions, 1000)])
    results = await asyncio.gather(*(_checkout_alone(sessions, store.id, c) for c in customers))
    won = sorted(r for r in results if isinstance(r, int))
    lost = [r for r in results if isinstance(r, InsufficientStock)]
    assert won == list(range(1001, 1011))
    assert len(lost) == 40
    assert all(r.shortages[0].available_milli == 0 for r in lost)
    assert await _stock(sessions, onions) == [0]
    assert await _order_count(sessions) == 10


async def test_carts_with_the_same_products_in_opposite_orders_do_not_deadlock(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        goods = [await make_product(s, store, f"P{i}", stock_packs=1000) for i in range(4)]

    def lines(i):  # half the carts go P0..P3, the other half P3..P0
        ordered = goods if i % 2 == 0 else goods[::-1]
        return [(p, 1000) for p in ordered]

    customers = await _customers_with_carts(sessions, store, 30, lines)
    results = await asyncio.gather(*(_checkout_alone(sessions, store.id, c) for c in customers))
    assert sorted(results) == list(range(1001, 1031))
    assert await _stock(sessions, *goods) == [970_000] * 4
