"""Order lifecycle: only allowed moves happen, racing changes have one winner, cancelling restocks once."""
import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.models import Order, OrderStatusEvent, Product
from vyaparai.orders.checkout import place_order
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.lifecycle import cancel_order, change_status, find_order, latest_order, open_orders
from vyaparai.orders.listing import orders_as_dicts

LATER = NOW + timedelta(minutes=5)


async def _placed(sessions, *, stock_packs=10, qty_milli=3000, payment_method="cod"):
    """A store with one product and one pending order for qty_milli of it; returns ids and the number."""
    async with sessions() as s, s.begin():
        store = await make_store(s)
        product = await make_product(s, store, "DAL-1KG", name="Toor Dal 1 kg", price_paise=16000,
                                     stock_packs=stock_packs)
        customer = await make_customer(s)
        cart = await fill_cart(s, store, customer, [(product, qty_milli)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                                  payment_method=payment_method, channel="whatsapp", language="en", now=NOW)
    return store.id, product.id, customer.id, order.number


async def _stock(sessions, product_id) -> int:
    async with sessions() as s:
        return await s.scalar(select(Product.stock_milli).where(Product.id == product_id))


async def _history(sessions, store_id, number) -> list[tuple]:
    async with sessions() as s:
        order = await find_order(s, store_id, number)
        return [(e.from_status, e.to_status, e.actor) for e in order.history]


async def test_an_order_goes_all_the_way_to_delivered_with_its_history(sessions):
    store_id, _, _, number = await _placed(sessions)
    for status in ("confirmed", "processing", "out_for_delivery", "delivered"):
        async with sessions() as s, s.begin():
            order = await change_status(s, await find_order(s, store_id, number), status,
                                        actor="shopkeeper", now=LATER)
            assert order.status == status
    assert await _history(sessions, store_id, number) == [
        (None, "pending", "customer"), ("pending", "confirmed", "shopkeeper"),
        ("confirmed", "processing", "shopkeeper"), ("processing", "out_for_delivery", "shopkeeper"),
        ("out_for_delivery", "delivered", "shopkeeper")]


@pytest.mark.parametrize("path,refused", [
    ((), "delivered"), ((), "pending"), (("confirmed",), "confirmed"), (("confirmed",), "out_for_delivery"),
    (("confirmed", "processing", "out_for_delivery"), "cancelled"),
    (("confirmed", "processing", "out_for_delivery", "delivered"), "pending"),
])
async def test_invalid_moves_are_refused_and_change_nothing(sessions, path, refused):
    store_id, _, _, number = await _placed(sessions)
    async with sessions() as s, s.begin():
        order = await find_order(s, store_id, number)
        for status in path:
            await change_status(s, order, status, actor="shopkeeper", now=LATER)
    async with sessions() as s, s.begin():
        order = await find_order(s, store_id, number)
        with pytest.raises(InvalidTransition) as caught:
            await change_status(s, order, refused, actor="shopkeeper", now=LATER)
        assert (caught.value.order_number, caught.value.requested) == (number, refused)
        assert caught.value.current == (path[-1] if path else "pending")
    assert len(await _history(sessions, store_id, number)) == 1 + len(path)


async def test_cancelling_gives_the_stock_back(sessions):
    store_id, product_id, _, number = await _placed(sessions, stock_packs=10, qty_milli=3000)
    assert await _stock(sessions, product_id) == 7000
    async with sessions() as s, s.begin():
        result = await cancel_order(s, await find_order(s, store_id, number), actor="customer",
                                    reason="ordered by mistake", now=LATER)
    assert result.order.status == "cancelled" and result.order.cancel_reason == "ordered by mistake"
    assert result.restocked == {product_id: 10000} and result.refund_due_paise == 0
    assert await _stock(sessions, product_id) == 10000


async def test_a_second_cancel_is_refused_and_restocks_nothing(sessions):
    store_id, product_id, _, number = await _placed(sessions)
    async with sessions() as s, s.begin():
        order = await find_order(s, store_id, number)
        await cancel_order(s, order, actor="customer", reason=None, now=LATER)
        with pytest.raises(InvalidTransition) as caught:
            await cancel_order(s, order, actor="shopkeeper", reason=None, now=LATER)
        assert (caught.value.current, caught.value.requested) == ("cancelled", "cancelled")
        with pytest.raises(InvalidTransition):
            await change_status(s, order, "cancelled", actor="shopkeeper", now=LATER)
    assert await _stock(sessions, product_id) == 10000


async def test_cancelling_through_change_status_also_restocks(sessions):
    store_id, product_id, _, number = await _placed(sessions)
    async with sessions() as s, s.begin():
        order = await find_order(s, store_id, number)
        await change_status(s, order, "confirmed", actor="shopkeeper", now=LATER)
        await change_status(s, order, "cancelled", actor="shopkeeper", note="no delivery boy", now=LATER)
    assert await _stock(sessions, product_id) == 10000


async def _cancel_alone(sessions, store_id, number):
    async with sessions() as s, s.begin():
        order = await find_order(s, store_id, number)
        try:
            return await cancel_order(s, order, actor="customer", reason="race", now=LATER)
        except InvalidTransition as e:
            return e


async def test_concurrent_cancels_restock_exactly_once(sessions):
    store_id, product_id, _, number = await _placed(sessions, stock_packs=10, qty_milli=3000)
    results = await asyncio.gather(*(_cancel_alone(sessions, store_id, number) for _ in range(8)))
    assert sum(not isinstance(r, InvalidTransition) for r in results) == 1
    assert all(r.current == "cancelled" for r in results if isinstance(r, InvalidTransition))
    assert await _stock(sessions, product_id) == 10000
    async with sessions() as s:
        events = await s.scalar(select(func.count()).select_from(OrderStatusEvent)
                                .where(OrderStatusEvent.to_status == "cancelled"))
    assert events == 1


async def test_a_cancel_from_a_stale_copy_restocks_nothing_after_another_cancel(sessions):
    # The race without the timing: one worker holds the order as "pending" while another cancels it.
    store_id, product_id, _, number = await _placed(sessions, stock_packs=10, qty_milli=3000)
    async with sessions() as s:
        stale = await find_order(s, store_id, number)
    assert (await _cancel_alone(sessions, store_id, number)).order.status == "cancelled"
    async with sessions() as s, s.begin():
        s.add(stale)
        assert stale.status == "pending"
        with pytest.raises(InvalidTransition) as caught:
            await cancel_order(s, stale, actor="shopkeeper", reason=None, now=LATER)
    assert caught.value.current == "cancelled"
    assert await _stock(sessions, product_id) == 10000


async def test_racing_confirms_have_one_winner(sessions):
    store_id, _, _, number = await _placed(sessions)

    async def confirm():
        async with sessions() as s, s.begin():
            try:
                await change_status(s, await find_order(s, store_id, number), "confirmed",
                                    actor="shopkeeper", now=LATER)
                return "won"
            except InvalidTransition as e:
                return e.current

    assert sorted(await asyncio.gather(*(confirm() for _ in range(6)))) == ["confirmed"] * 5 + ["won"]


async def test_a_cancel_on_a_stale_view_checks_the_status_the_order_really_has(sessions):
    store_id, product_id, _, number = await _placed(sessions)
    async with sessions() as customer_side:
        stale = await find_order(customer_side, store_id, number)  # the customer saw "pending"
    async with sessions() as s, s.begin():
        for status in ("confirmed", "processing", "out_for_delivery"):
            await change_status(s, await find_order(s, store_id, number), status, actor="shopkeeper", now=LATER)
    async with sessions() as s, s.begin():
        s.add(stale)
        with pytest.raises(InvalidTransition) as caught:
            await cancel_order(s, stale, actor="customer", reason=None, now=LATER)
    assert caught.value.current == "out_for_delivery"
    assert await _stock(sessions, product_id) == 7000


async def test_a_paid_order_reports_the_refund_it_needs(sessions):
    store_id, _, _, number = await _placed(sessions, payment_method="upi")
    async with sessions() as s, s.begin():
        await s.execute(update(Order).where(Order.number == number).values(payment_status="paid"))
    async with sessions() as s, s.begin():
        result = await cancel_order(s, await find_order(s, store_id, number), actor="customer",
                                    reason=None, now=LATER)
    assert result.refund_due_paise == 3 * 16000


async def test_orders_are_found_by_number_latest_and_open(sessions):
    store_id, _, customer_id, number = await _placed(sessions)
    async with sessions() as s, s.begin():
        assert (await latest_order(s, store_id, customer_id)).number == number
        assert [o.number for o in await open_orders(s, store_id, customer_id)] == [number]
        await cancel_order(s, await find_order(s, store_id, number), actor="customer", reason=None, now=LATER)
        assert await open_orders(s, store_id, customer_id) == []
        with pytest.raises(OrderNotFound) as caught:
            await find_order(s, store_id, 999)
        assert caught.value.number == 999


async def test_orders_list_as_dicts_with_quantities_people_read(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        sugar = await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg",
                                   pack_base=1000, loose=True, price_paise=4600, stock_packs=5)
        maggi = await make_product(s, store, "MAGGI-70", name="Maggi 70 g", unit="g", pack_base=70,
                                   price_paise=1400, stock_packs=20)
        customer = await make_customer(s, external_id="919812345678", name="Asha")
        cart = await fill_cart(s, store, customer, [(sugar, 250), (maggi, 2000)])
        await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                          payment_method="cod", channel="whatsapp", language="en", now=NOW)
    async with sessions() as s:
        [row] = await orders_as_dicts(s, store.id)
        assert await orders_as_dicts(s, store.id, status="delivered") == []
    assert row["items"] == [
        {"sku": "SUGAR-LOOSE", "name": "Sugar (loose, per kg)", "qty": 0.25, "unit": "kg",
         "unit_price_paise": 4600, "line_total_paise": 1150},
        {"sku": "MAGGI-70", "name": "Maggi 70 g", "qty": 2, "unit": "pack",
         "unit_price_paise": 1400, "line_total_paise": 2800}]
    assert (row["number"], row["status"], row["payment_status"], row["payment_method"]) == (
        1001, "pending", "pending", "cod")
    assert (row["subtotal_paise"], row["total_paise"]) == (3950, 3950)
    assert row["customer"] == {"name": "Asha", "phone": "+919812345678"}
    assert row["placed_at"] == NOW.isoformat() and row["channel"] == "whatsapp"
