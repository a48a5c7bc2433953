"""What no commit hook of this process saw (the terminal chat, a CLI in another process) still reaches its panels."""
import asyncio

import pytest

from tests.integration.factories import fill_cart, make_customer, make_product, make_store
from vyaparai.db.engine import create_sessions
from vyaparai.db.models import Store
from vyaparai.db.order_changes import OrderChange
from vyaparai.db.types import utcnow
from vyaparai.orders.checkout import place_order
from vyaparai.orders.lifecycle import change_status, find_order
from vyaparai.workers.order_feed import OrderFeed


@pytest.fixture
def feed():
    return OrderFeed()


@pytest.fixture
async def store(sessions):
    async with sessions() as s, s.begin():
        return await make_store(s)


async def test_an_order_placed_by_another_process_is_caught_up_once(feed, sessions, store):
    async with feed.subscribe(store.id) as changes:
        store_id, number = await _place_in(sessions, store.id)  # `sessions` tells nobody: another process
        await feed.catch_up(sessions)
        assert changes.get_nowait() == OrderChange(store_id, number, placed=True)
        await feed.catch_up(sessions)
        assert changes.empty()


async def test_what_this_process_announced_is_not_handed_out_again(feed, engine, sessions, store):
    announcing = create_sessions(engine, on_order_changes=feed.publish)
    async with feed.subscribe(store.id) as changes:
        _, number = await _place_in(announcing, store.id)
        assert changes.get_nowait().number == number
        await feed.catch_up(sessions)
        assert changes.empty()


async def test_a_later_move_made_elsewhere_is_caught_up_as_a_change(feed, engine, sessions, store):
    announcing = create_sessions(engine, on_order_changes=feed.publish)
    async with feed.subscribe(store.id) as changes:
        _, number = await _place_in(announcing, store.id)
        changes.get_nowait()
        await asyncio.sleep(0.01)  # the move is stamped after the announcement, as it would be
        async with sessions() as s, s.begin():  # the shopkeeper's `accept` from a CLI elsewhere
            await change_status(s, await find_order(s, store.id, number), "confirmed", actor="shopkeeper",
                                now=utcnow())
        await feed.catch_up(sessions)
        assert changes.get_nowait() == OrderChange(store.id, number, placed=False)


async def test_a_web_process_catches_up_by_itself_while_a_panel_is_open(feed, sessions, store):
    await feed.start(sessions, catch_up_every=0.05)
    try:
        async with feed.subscribe(store.id) as changes:
            _, number = await _place_in(sessions, store.id)
            assert (await asyncio.wait_for(changes.get(), 5)).number == number
    finally:
        await feed.close()


async def _place_in(sessions, store_id: int):
    async with sessions() as s, s.begin():
        store = await s.get(Store, store_id)
        product = await make_product(s, store, f"DAL-{utcnow().timestamp()}", price_paise=16000, stock_packs=5)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(product, 1000)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                                  payment_method="cod", channel="whatsapp", language="en", now=utcnow())
    return store.id, order.number
