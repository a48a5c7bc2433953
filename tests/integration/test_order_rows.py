"""Placing an order on PostgreSQL writes the order, its lines, its first event and the emptied cart in one
statement; what it returns and what a later reader finds are the same order."""
import pytest
from sqlalchemy import event, func, select

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.models import CartItem, Order, OrderItem, OrderStatusEvent
from vyaparai.orders.checkout import place_order


async def _shop_with_cart(s, lines):
    store = await make_store(s)
    products = [await make_product(s, store, sku, name=name, price_paise=price, stock_packs=10)
                for sku, name, price in lines]
    customer = await make_customer(s)
    cart = await fill_cart(s, store, customer, [(p, 2000) for p in products])
    return store, customer, cart


@pytest.mark.parametrize("lines", [
    [("RICE-1KG", "Rice 1 kg", 6000)],
    [("TEA-250", "Tata Tea 250 g", 14000), ("ATTA-5KG", "Atta 5 kg", 24500), ("SALT-1KG", "Salt 1 kg", 2800)],
])
async def test_an_order_placed_is_written_once_with_its_lines_in_the_carts_order(engine, sessions, on_postgres,
                                                                                    lines):
    sent = []
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop_with_cart(s, lines)
        event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
        order = await place_order(s, store=store, customer=customer, cart=cart, address="4 Lake Road",
                                  payment_method="cod", channel="whatsapp", language="en", now=NOW)
        placed = [(i.sku, i.qty_milli, i.line_total_paise) for i in order.items]
        assert [(e.from_status, e.to_status, e.actor) for e in order.history] == [(None, "pending", "customer")]
        assert cart.items == [] and order.customer is customer
    if on_postgres:  # the stock, the number, then the order with everything it writes
        assert len(sent) == 3, sent
    assert placed == [(sku, 2000, 2 * price) for sku, _name, price in lines]
    async with sessions() as s:
        again = (await s.scalars(select(Order))).one()
        read = (await s.execute(select(OrderItem.sku, OrderItem.qty_milli, OrderItem.line_total_paise)
                                .order_by(OrderItem.id))).all()
        assert [tuple(r) for r in read] == placed
        assert (again.id, again.number, again.total_paise) == (order.id, 1001, sum(p[2] for p in placed))
        assert await s.scalar(select(func.count()).select_from(OrderStatusEvent)) == 1
        assert await s.scalar(select(func.count()).select_from(CartItem)) == 0


async def test_an_order_placed_can_be_changed_in_the_same_transaction(sessions):
    async with sessions() as s, s.begin():
        store, customer, cart = await _shop_with_cart(s, [("DAL-1KG", "Toor Dal 1 kg", 15000)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="4 Lake Road",
                                  payment_method="cod", channel="whatsapp", language="en", now=NOW)
        order.delivery_address = "5 Lake Road"
        order.items[0].qty_milli = 1000
    async with sessions() as s:
        again = (await s.scalars(select(Order))).one()
        assert again.delivery_address == "5 Lake Road"
        assert await s.scalar(select(OrderItem.qty_milli)) == 1000
