"""What a turn costs: one product index per store however many turns ask at once, and guards on statements."""
from __future__ import annotations

import asyncio
from itertools import count

from sqlalchemy import event, select

from vyaparai.bot.catalog_view import IndexCache
from vyaparai.bot.engine import Engine
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.repository import bump_catalog_version
from vyaparai.db.models import InboundLog, OutboxMessage, Product, Store
from vyaparai.orders.reservation import StockRequest, reserve_stock
from tests.integration.factories import make_product, make_store

_ids = count(1)
PHONE = "919845012345"


async def _store_with_products(sessions, n: int = 3) -> int:
    async with sessions() as s, s.begin():
        store = await make_store(s)
        for i in range(n):
            await make_product(s, store, f"SKU{i}", name=f"Basmati Rice {i + 1} kg", unit="kg", pack_base=1000)
        return store.id


async def _index_for(sessions, cache: IndexCache, store_id: int):
    async with sessions() as s, s.begin():
        return await cache.get(s, await s.get(Store, store_id))


async def test_turns_asking_at_once_wait_for_one_index_build(sessions):
    store_id = await _store_with_products(sessions)
    cache = IndexCache()
    indexes = await asyncio.gather(*(_index_for(sessions, cache, store_id) for _ in range(6)))
    assert cache.builds == 1
    assert all(index is indexes[0] for index in indexes)
    assert len(indexes[0]) == 3


async def test_a_catalog_change_rebuilds_the_index_and_nothing_else_does(sessions):
    store_id = await _store_with_products(sessions)
    cache = IndexCache()
    first = await _index_for(sessions, cache, store_id)
    assert await _index_for(sessions, cache, store_id) is first
    async with sessions() as s, s.begin():
        store = await s.get(Store, store_id)
        await make_product(s, store, "DAL1", name="Toor Dal 1 kg", unit="kg", pack_base=1000)
        await bump_catalog_version(s, store_id)
    changed = await _index_for(sessions, cache, store_id)
    assert cache.builds == 2
    assert len(changed) == 4  # the new product can be ordered


async def test_a_turn_holding_an_older_store_row_keeps_the_newer_index(sessions):
    store_id = await _store_with_products(sessions)
    cache = IndexCache()
    async with sessions() as s:
        stale = await s.get(Store, store_id)  # read before the catalog changes
    async with sessions() as s, s.begin():
        await bump_catalog_version(s, store_id)
    newer = await _index_for(sessions, cache, store_id)
    async with sessions() as s, s.begin():
        assert await cache.get(s, stale) is newer
    assert cache.builds == 1


class StatementCount:
    def __init__(self, engine):
        self.n = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._count)

    def _count(self, _conn, _cursor, statement, *_):
        if not statement.lstrip().upper().startswith("BEGIN"):
            self.n += 1


async def _say(bot: Engine, sessions, store_id: int, text: str) -> list[str]:
    msg = InboundMessage(channel="whatsapp", provider_message_id=f"wamid.cost{next(_ids)}", sender=PHONE,
                         text=text, sender_phone=PHONE)
    async with sessions() as s, s.begin():
        inbound_id = await record_inbound(s, msg, store_id)
    return [r.text for r in await bot.process(inbound_id)]


async def test_a_returning_customers_turn_stays_within_a_statement_budget(engine, sessions):
    # A guard against a query creeping into every turn (a lazy load in a loop, an autoflush per line),
    # not a target: about 5 statements answer a question today, about 10 add to the cart.
    async with sessions() as s, s.begin():
        store = await make_store(s)
        await make_product(s, store, "RICE5", name="India Gate Basmati Rice 5 kg", unit="kg", pack_base=5000)
        await make_product(s, store, "SUGAR1", name="Sugar 1 kg", unit="kg", pack_base=1000)
        store_id = store.id
    bot = Engine(sessions)
    await _say(bot, sessions, store_id, "1 sugar")  # a first message also creates the customer
    counter = StatementCount(engine)
    replies = await _say(bot, sessions, store_id, "sugar ka rate kya hai")
    assert replies and counter.n <= 12
    counter.n = 0
    replies = await _say(bot, sessions, store_id, "2 basmati rice bhi")
    assert any("Basmati" in r for r in replies)
    assert counter.n <= 20


async def test_a_message_is_answered_once_and_a_failed_turn_leaves_it_to_retry(sessions):
    store_id = await _store_with_products(sessions)
    bot = Engine(sessions)
    msg = InboundMessage(channel="whatsapp", provider_message_id="wamid.once", sender=PHONE, text="hello",
                         sender_phone=PHONE)
    async with sessions() as s, s.begin():
        inbound_id = await record_inbound(s, msg, store_id)
    assert await bot.process(inbound_id)
    assert await bot.process(inbound_id) == []
    async with sessions() as s:
        assert await s.scalar(select(InboundLog.status).where(InboundLog.id == inbound_id)) == "processed"
        assert await s.scalar(select(OutboxMessage.id).where(OutboxMessage.recipient == PHONE).offset(1)) is None

    class Broken(IndexCache):
        async def get(self, session, store):
            raise RuntimeError("index unavailable")

    broken = Engine(sessions)
    broken.indexes = Broken()
    second = InboundMessage(channel="whatsapp", provider_message_id="wamid.retry", sender=PHONE, text="2 rice",
                            sender_phone=PHONE)
    async with sessions() as s, s.begin():
        retry_id = await record_inbound(s, second, store_id)
    try:
        await broken.process(retry_id)
    except RuntimeError:
        pass
    async with sessions() as s:
        assert await s.scalar(select(InboundLog.status).where(InboundLog.id == retry_id)) == "received"
    assert await bot.process(retry_id)  # the next attempt answers it


async def test_an_order_of_many_lines_takes_its_stock_in_a_few_statements(engine, sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        products = [await make_product(s, store, f"P{i}", stock_packs=5) for i in range(10)]
    counter = StatementCount(engine)
    async with sessions() as s, s.begin():
        reserved = await reserve_stock(s, store.id, [StockRequest(p.id, 2000) for p in products])
    assert counter.n <= 3
    assert {r.stock_left_milli for r in reserved.values()} == {3000}
    async with sessions() as s:
        assert set((await s.scalars(select(Product.stock_milli))).all()) == {3000}
