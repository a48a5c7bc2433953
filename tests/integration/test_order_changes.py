"""Committed order changes are announced once, after the commit; rolled-back ones never."""
import pytest
from sqlalchemy.exc import IntegrityError

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.engine import create_sessions
from vyaparai.db.models import Order
from vyaparai.db.order_changes import OrderChange
from vyaparai.orders.checkout import place_order
from vyaparai.orders.lifecycle import change_status, find_order
from vyaparai.payments.events import _set_order_payment


@pytest.fixture
def heard():
    return []


@pytest.fixture
def watched(engine, heard):
    return create_sessions(engine, on_order_changes=heard.extend)


async def _place(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        product = await make_product(s, store, "DAL-1KG", name="Toor Dal 1 kg", price_paise=16000, stock_packs=5)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(product, 1000)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                                  payment_method="cod", channel="web", language="en", now=NOW)
    return store.id, order.number


async def test_a_placed_order_is_announced_as_new_after_the_commit(watched, heard):
    store_id, number = await _place(watched)
    assert heard == [OrderChange(store_id, number, placed=True)]


async def test_nothing_is_announced_when_a_savepoint_is_released_only_at_the_commit(watched, heard):
    # place_order works inside a SAVEPOINT; its release is not the commit another reader can see.
    async with watched() as s, s.begin():
        store = await make_store(s)
        product = await make_product(s, store, "DAL-1KG", name="Toor Dal 1 kg", price_paise=16000, stock_packs=5)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(product, 1000)])
        await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                          payment_method="cod", channel="web", language="en", now=NOW)
        assert heard == []
    assert len(heard) == 1


async def test_a_status_move_is_announced_as_a_change(watched, heard):
    store_id, number = await _place(watched)
    heard.clear()
    async with watched() as s, s.begin():
        await change_status(s, await find_order(s, store_id, number), "confirmed", actor="shopkeeper", now=NOW)
        assert heard == []  # not before the commit
    assert heard == [OrderChange(store_id, number, placed=False)]


async def test_a_payment_update_made_in_bulk_is_announced(watched, heard):
    store_id, number = await _place(watched)
    heard.clear()
    async with watched() as s, s.begin():
        order = await find_order(s, store_id, number)
        assert await _set_order_payment(s, order.id, "paid", when=("pending",), now=NOW)
    assert heard == [OrderChange(store_id, number, placed=False)]


async def test_a_rolled_back_change_is_never_announced(watched, heard):
    store_id, number = await _place(watched)
    heard.clear()
    with pytest.raises(RuntimeError):
        async with watched() as s, s.begin():
            await change_status(s, await find_order(s, store_id, number), "confirmed", actor="shopkeeper", now=NOW)
            raise RuntimeError("the request failed after the move")
    async with watched() as s, s.begin():
        assert (await find_order(s, store_id, number)).status == "pending"
    assert heard == []


async def test_a_failed_savepoint_keeps_what_the_transaction_did_before_it(watched, heard):
    store_id, number = await _place(watched)
    heard.clear()
    async with watched() as s, s.begin():
        order = await find_order(s, store_id, number)
        await change_status(s, order, "confirmed", actor="shopkeeper", now=NOW)
        with pytest.raises(IntegrityError):
            async with s.begin_nested():
                s.add(Order(store_id=store_id, customer_id=order.customer_id, number=number, subtotal_paise=0,
                            total_paise=0, channel="web"))  # the same number again
    assert heard == [OrderChange(store_id, number, placed=False)]
