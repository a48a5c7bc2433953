"""Carts: lines add up, quantities change and disappear, totals are in paise, idle carts expire."""
from datetime import timedelta

import pytest

from tests.integration.factories import NOW, TTL, make_customer, make_product, make_store
from vyaparai.orders.cart import (
    add_item,
    cart_lines,
    cart_total_paise,
    clear_cart,
    open_cart,
    remove_item,
    set_item_quantity,
)
from vyaparai.orders.customers import get_or_create_customer, last_address, save_address
from vyaparai.orders.errors import InvalidQuantity, ProductUnavailable


async def _shop(session):
    store = await make_store(session)
    sugar = await make_product(session, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg",
                               pack_base=1000, loose=True, price_paise=4600, stock_packs=50)
    maggi = await make_product(session, store, "MAGGI-70", name="Maggi 70 g", price_paise=1400, stock_packs=100)
    customer = await make_customer(session)
    return store, sugar, maggi, customer


async def test_adding_the_same_product_twice_grows_one_line(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, expired = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, maggi, 2000)
        await add_item(s, cart, maggi, 1000)
        await add_item(s, cart, sugar, 250)
    async with sessions() as s, s.begin():
        cart, expired = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        assert not expired
        assert [(line.product.sku, line.qty_milli) for line in cart_lines(cart)] == [
            ("MAGGI-70", 3000), ("SUGAR-LOOSE", 250)]


async def test_totals_are_in_paise_with_loose_goods_rounded(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, sugar, 250)  # 250 g at Rs 46/kg
        await add_item(s, cart, maggi, 3000)  # 3 x Rs 14
        assert [line.line_total_paise for line in cart_lines(cart)] == [1150, 4200]
        assert cart_total_paise(cart) == 5350


async def test_setting_a_quantity_replaces_it_and_zero_removes_the_line(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, maggi, 2000)
        await add_item(s, cart, sugar, 500)
        await set_item_quantity(s, cart, maggi.id, 5000)
        await set_item_quantity(s, cart, sugar.id, 0)
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        assert [(line.product.sku, line.qty_milli) for line in cart_lines(cart)] == [("MAGGI-70", 5000)]


async def test_removing_then_adding_back_in_one_turn_works(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, maggi, 1000)
        assert await remove_item(s, cart, maggi.id) is True
        assert await remove_item(s, cart, maggi.id) is False
        await add_item(s, cart, maggi, 4000)
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        assert [line.qty_milli for line in cart_lines(cart)] == [4000]


async def test_clear_cart_empties_it(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, maggi, 1000)
        await clear_cart(s, cart)
    async with sessions() as s, s.begin():
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        assert cart_lines(cart) == [] and cart_total_paise(cart) == 0


async def test_a_cart_left_alone_past_its_ttl_comes_back_empty_and_says_so(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        await add_item(s, cart, maggi, 1000)
    later = NOW + timedelta(minutes=TTL - 1)
    async with sessions() as s, s.begin():
        cart, expired = await open_cart(s, store.id, customer.id, now=later, ttl_minutes=TTL)
        assert not expired and len(cart.items) == 1  # still alive, and the expiry moved on
        assert cart.expires_at == later + timedelta(minutes=TTL)
    much_later = later + timedelta(minutes=TTL)
    async with sessions() as s, s.begin():
        cart, expired = await open_cart(s, store.id, customer.id, now=much_later, ttl_minutes=TTL)
        assert expired and cart.items == []
    async with sessions() as s, s.begin():
        cart, expired = await open_cart(s, store.id, customer.id, now=much_later + timedelta(days=1),
                                         ttl_minutes=TTL)
        assert not expired  # an empty cart going stale has nothing to report


async def test_packaged_goods_only_go_in_whole_packs(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        with pytest.raises(InvalidQuantity):
            await add_item(s, cart, maggi, 1500)
        with pytest.raises(InvalidQuantity):
            await add_item(s, cart, sugar, 0)
        assert cart.items == []


async def test_a_product_of_another_store_or_switched_off_cannot_be_added(sessions):
    async with sessions() as s, s.begin():
        store, sugar, maggi, customer = await _shop(s)
        other = await make_store(s, code="OTHER")
        theirs = await make_product(s, other, "THEIRS")
        hidden = await make_product(s, store, "HIDDEN", active=False)
        cart, _ = await open_cart(s, store.id, customer.id, now=NOW, ttl_minutes=TTL)
        for product in (theirs, hidden):
            with pytest.raises(ProductUnavailable):
                await add_item(s, cart, product, 1000)


async def test_a_customer_is_the_same_person_on_every_message(sessions):
    async with sessions() as s, s.begin():
        first = await get_or_create_customer(s, "whatsapp", "919800011111")
        again = await get_or_create_customer(s, "whatsapp", "919800011111", name="Ravi", phone="+919800011111")
        elsewhere = await get_or_create_customer(s, "telegram", "919800011111")
        assert again.id == first.id and again.name == "Ravi"
        assert elsewhere.id != first.id


async def test_concurrent_first_messages_make_one_customer(sessions):
    import asyncio

    async def first_contact():
        async with sessions() as s, s.begin():
            return (await get_or_create_customer(s, "whatsapp", "919811122233")).id

    ids = await asyncio.gather(*(first_contact() for _ in range(8)))
    assert len(set(ids)) == 1


async def test_the_last_saved_address_is_offered_and_repeats_are_not_stored_twice(sessions):
    async with sessions() as s, s.begin():
        customer = await make_customer(s)
        assert await last_address(s, customer) is None
        await save_address(s, customer, "12 MG Road, Pune")
        home = await save_address(s, customer, "4 Lake View, Pune", 18.5, 73.8)
        same = await save_address(s, customer, " 4 Lake View, Pune ")
        assert same.id == home.id
        assert (await last_address(s, customer)).text == "4 Lake View, Pune"
