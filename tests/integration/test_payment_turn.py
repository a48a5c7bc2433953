"""The turn that places an order: what the shopkeeper is told, and how few statements it takes."""
from __future__ import annotations

from itertools import count

from sqlalchemy import event, select, update

from tests.integration.factories import make_product, make_store
from vyaparai.bot.engine import Engine
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import OutboxMessage, Product

_ids = count(1)


async def _shop(sessions, low_stock_packs: int) -> int:
    async with sessions() as s, s.begin():
        store = await make_store(s)
        store.opening_hours = {}  # open round the clock, whenever the test runs
        await make_product(s, store, "SUGAR1", name="Sugar 1 kg", unit="kg", pack_base=1000, stock_packs=6)
        await s.flush()
        await s.execute(update(Product).values(low_stock_milli=low_stock_packs * 1000))
        return store.id


async def _say(bot: Engine, sessions, store_id: int, text: str) -> list:
    msg = InboundMessage(channel="whatsapp", provider_message_id=f"wamid.pay{next(_ids)}", sender="919811112222",
                         text=text, sender_phone="919811112222", sender_name="Ravi")
    async with sessions() as s, s.begin():
        inbound_id = await record_inbound(s, msg, store_id)
    return await bot.process(inbound_id)


async def _place(bot: Engine, sessions, store_id: int) -> list:
    await _say(bot, sessions, store_id, "3 kilo sugar bhejo")
    await _say(bot, sessions, store_id, "bas, order kar do")
    await _say(bot, sessions, store_id, "Flat 12, Lake View Road, Kolkata 700029")
    return await _say(bot, sessions, store_id, "cash")


async def test_an_order_that_takes_a_product_below_its_level_tells_the_owner_once(sessions, engine):
    store_id = await _shop(sessions, low_stock_packs=4)
    bot = Engine(sessions)
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    await _place(bot, sessions, store_id)
    async with sessions() as s:
        alerts = [m for m in await _outbox(s) if m["kind"] == "alert"]
    # The new order, and sugar crossing its level (6 on the shelf, 3 taken, alert at 4).
    assert len(alerts) == 2 and "Sugar" in alerts[1]["text"]
    # What it told the owner came from the reservation itself: no product row read back after it.
    after_stock = statements[next(i for i, s in enumerate(statements) if s.startswith("UPDATE products")) + 1:]
    assert not [s for s in after_stock if s.startswith("SELECT") and "FROM products" in s]


async def test_an_order_that_leaves_enough_stock_tells_the_owner_only_of_the_order(sessions):
    store_id = await _shop(sessions, low_stock_packs=2)
    await _place(Engine(sessions), sessions, store_id)
    async with sessions() as s:
        alerts = [m for m in await _outbox(s) if m["kind"] == "alert"]
    assert len(alerts) == 1 and "Sugar" in alerts[0]["text"]


async def _outbox(session) -> list[dict]:
    return [p for p in (await session.scalars(select(OutboxMessage.payload).order_by(OutboxMessage.id))).all()]


async def test_an_address_said_again_is_kept_once_and_takes_its_new_location(sessions):
    from vyaparai.orders.customers import get_or_create_customer, last_address, save_address

    async with sessions() as s, s.begin():
        customer = await get_or_create_customer(s, "whatsapp", "919822223333")
        first = await save_address(s, customer, "Plot 7, Ring Road, Nagpur")
        again = await save_address(s, customer, " Plot 7, Ring Road, Nagpur ", 21.14, 79.08)
        other = await save_address(s, customer, "Shop 2, Station Road, Nagpur")
    assert again.id == first.id and other.id != first.id
    async with sessions() as s:
        kept = await s.get(type(first), first.id)
        assert (kept.text, kept.lat, kept.lon) == ("Plot 7, Ring Road, Nagpur", 21.14, 79.08)
        assert (await last_address(s, customer)).text == "Shop 2, Station Road, Nagpur"
