"""Stock reservation on its own: one statement per order, nothing taken from a short order, no oversell when
many orders of several lines race for the same products, on the caller's connection and transaction."""
import asyncio

import pytest
from sqlalchemy import event, select

from tests.integration.factories import make_product, make_store
from vyaparai.db.models import Product
from vyaparai.orders.errors import InsufficientStock, Shortage
from vyaparai.orders.reservation import StockRequest, reserve_stock


class Statements:
    """The SQL statements an engine runs (BEGIN aside), as a list of their first words."""

    def __init__(self, engine):
        self.seen: list[str] = []
        event.listen(engine.sync_engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, *_):
        if not statement.lstrip().upper().startswith("BEGIN"):
            self.seen.append(" ".join(statement.split()[:2]))


async def _shop(sessions, *stock_packs):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        products = [await make_product(s, store, f"P{i}", name=f"Product {i}", stock_packs=n)
                    for i, n in enumerate(stock_packs)]
    return store.id, [p.id for p in products]


async def _stock(sessions, ids) -> list[int]:
    async with sessions() as s:
        by_id = dict((await s.execute(select(Product.id, Product.stock_milli).where(Product.id.in_(ids)))).all())
    return [by_id[i] for i in ids]


@pytest.mark.parametrize("lines", [1, 3])
async def test_an_order_takes_its_stock_in_one_statement(engine, sessions, lines):
    store_id, ids = await _shop(sessions, *[5] * lines)
    statements = Statements(engine)
    async with engine.begin() as conn:
        reserved = await reserve_stock(conn, store_id, [StockRequest(i, 2000) for i in ids])
    assert len([s for s in statements.seen if s != "COMMIT"]) == 1
    assert [reserved[i].stock_left_milli for i in ids] == [3000] * lines
    assert [reserved[i].sku for i in ids] == [f"P{n}" for n in range(lines)]
    assert await _stock(sessions, ids) == [3000] * lines


async def test_a_short_order_takes_nothing_and_its_transaction_goes_on(engine, sessions):
    store_id, ids = await _shop(sessions, 5, 1, 3)
    async with engine.begin() as conn:
        with pytest.raises(InsufficientStock) as short:
            await reserve_stock(conn, store_id, [StockRequest(ids[0], 2000), StockRequest(ids[1], 1500),
                                                 StockRequest(ids[2], 1000)])
        # Still usable: the next order in the same transaction is served.
        await reserve_stock(conn, store_id, [StockRequest(ids[0], 1000), StockRequest(ids[2], 1000)])
    assert short.value.shortages == [Shortage("P1", "Product 1", 1500, 1000)]
    assert await _stock(sessions, ids) == [4000, 1000, 2000]


async def test_lines_of_the_same_product_are_taken_together(engine, sessions):
    store_id, ids = await _shop(sessions, 3, 3)
    async with engine.begin() as conn:
        with pytest.raises(InsufficientStock) as short:
            await reserve_stock(conn, store_id, [StockRequest(ids[0], 2000), StockRequest(ids[1], 1000),
                                                 StockRequest(ids[0], 2000)])
    assert short.value.shortages == [Shortage("P0", "Product 0", 4000, 3000)]
    assert await _stock(sessions, ids) == [3000, 3000]


async def test_another_stores_product_is_never_taken(engine, sessions):
    _, ids = await _shop(sessions, 5, 5)
    async with sessions() as s, s.begin():
        other = await make_store(s, code="OTHER")
    async with engine.begin() as conn:
        with pytest.raises(InsufficientStock) as short:
            await reserve_stock(conn, other.id, [StockRequest(ids[0], 1000), StockRequest(ids[1], 1000)])
    assert [s.available_milli for s in short.value.shortages] == [0, 0]
    assert await _stock(sessions, ids) == [5000, 5000]


async def _buy(engine, store_id, lines) -> bool:
    """One order in its own transaction, as a separate worker would place it; False when it was short."""
    async with engine.begin() as conn:
        try:
            await reserve_stock(conn, store_id, [StockRequest(pid, qty) for pid, qty in lines])
        except InsufficientStock:
            return False
    return True


async def test_orders_of_several_lines_racing_for_scarce_stock_never_oversell(engine, sessions):
    # Rice runs out after 6 orders that want it, dal after 10; carts name them in both orders, some only one.
    store_id, (rice, dal) = await _shop(sessions, 6, 10)
    carts = [[(rice, 1000), (dal, 1000)], [(dal, 1000), (rice, 1000)], [(dal, 1000)], [(rice, 1000)]] * 10
    won = await asyncio.gather(*(_buy(engine, store_id, cart) for cart in carts))
    rice_taken = sum(ok for ok, cart in zip(won, carts) if rice in dict(cart))
    dal_taken = sum(ok for ok, cart in zip(won, carts) if dal in dict(cart))
    assert (rice_taken, dal_taken) == (6, 10)
    assert await _stock(sessions, [rice, dal]) == [0, 0]
