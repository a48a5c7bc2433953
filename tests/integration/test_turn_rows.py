"""A turn's own rows: the customer and their conversation found or made once, written once, racing turns agreeing."""
from __future__ import annotations

import asyncio
from itertools import count

import pytest
from sqlalchemy import event, func, select, update

from tests.integration.factories import make_product, make_store
from vyaparai import locales
from vyaparai.bot.engine import Engine
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import Cart, Conversation, Customer, CustomerIdentity

_ids = count(1)
PHONE = "919845098765"


async def _shop(sessions) -> int:
    async with sessions() as s, s.begin():
        store = await make_store(s)
        await make_product(s, store, "SUGAR1", name="Sugar 1 kg", unit="kg", pack_base=1000, stock_packs=50)
        await make_product(s, store, "RICE5", name="India Gate Basmati Rice 5 kg", unit="kg", pack_base=5000)
        return store.id


async def _log(sessions, store_id: int, text: str, *, channel: str = "whatsapp", sender: str = PHONE) -> int:
    msg = InboundMessage(channel=channel, provider_message_id=f"{channel}.rows{next(_ids)}", sender=sender,
                         text=text, sender_phone=PHONE, sender_name="Meena")
    async with sessions() as s, s.begin():
        return await record_inbound(s, msg, store_id)


async def _say(bot: Engine, sessions, store_id: int, text: str, **who) -> list[str]:
    return [r.text for r in await bot.process(await _log(sessions, store_id, text, **who))]


async def _count(sessions, table) -> int:
    async with sessions() as s:
        return await s.scalar(select(func.count()).select_from(table))


async def test_racing_first_messages_make_one_customer_one_conversation_and_one_cart(sessions):
    store_id = await _shop(sessions)
    bot = Engine(sessions)
    first, second = await _log(sessions, store_id, "2 sugar"), await _log(sessions, store_id, "1 basmati rice")
    answered = await asyncio.gather(bot.process(first), bot.process(second))
    assert all(answered)  # both messages get their answer
    assert [await _count(sessions, t) for t in (Customer, CustomerIdentity, Conversation, Cart)] == [1, 1, 1, 1]
    replies = await _say(bot, sessions, store_id, "cart dikhao")
    assert "Sugar" in replies[0] and "Basmati" in replies[0]


async def test_a_turn_writes_its_conversation_row_once(engine, sessions):
    store_id = await _shop(sessions)
    bot = Engine(sessions)
    await _say(bot, sessions, store_id, "1 sugar")
    writes = []

    def note(_conn, _cursor, statement, *_):
        if "conversations" in statement.split("WHERE")[0] and not statement.lstrip().startswith("SELECT"):
            writes.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    try:
        replies = await _say(bot, sessions, store_id, "2 basmati rice bhi")
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", note)
    assert any("Basmati" in r for r in replies)
    assert len(writes) == 1
    # What that one write kept: the buttons just offered, so typing a label works as tapping it.
    replies = await _say(bot, sessions, store_id, "Place order")
    assert replies and "Basmati" in replies[0]


async def test_the_same_phone_on_sms_finds_the_whatsapp_cart(sessions):
    store_id = await _shop(sessions)
    bot = Engine(sessions)
    await _say(bot, sessions, store_id, "2 sugar")
    replies = await _say(bot, sessions, store_id, "show cart", channel="sms", sender="+" + PHONE)
    assert "Sugar" in replies[0]
    assert await _count(sessions, Customer) == 1 and await _count(sessions, CustomerIdentity) == 2


async def test_a_turn_waits_for_the_conversation_another_turn_holds_and_reads_it_as_left(sessions):
    store_id = await _shop(sessions)
    bot = Engine(sessions)
    await _say(bot, sessions, store_id, "1 sugar")
    hello = await _log(sessions, store_id, "hello")
    async with sessions() as s, s.begin():  # another turn, mid-way: it switched the chat to Hindi
        await s.execute(update(Conversation).values(language="hi"))
        waiting = asyncio.create_task(bot.process(hello))
        await asyncio.sleep(0.3)
        assert not waiting.done()
    replies = await waiting
    assert replies[0].text == locales.t("hi", "greet", store="Sharma Kirana")


async def test_on_postgresql_a_question_costs_two_statements_and_a_new_line_three(engine, sessions, on_postgres):
    if not on_postgres:
        pytest.skip("SQLite claims, reads and writes in separate statements")
    store_id = await _shop(sessions)
    bot = Engine(sessions)
    await _say(bot, sessions, store_id, "1 sugar")
    counted = []

    def count(_conn, _cursor, statement, *_):
        counted.append(statement)

    question, add = await _log(sessions, store_id, "sugar ka rate kya hai"), await _log(sessions, store_id, "2 rice")
    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        assert (await bot.process(question))[0].text
        asked = len(counted)
        counted.clear()
        assert any("Basmati" in r.text for r in await bot.process(add))
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    # The claim with every row the turn reads (the cart too), then its last write; adding writes the line
    # with the statement that reads the product's stock.
    assert (asked, len(counted)) == (2, 3)
