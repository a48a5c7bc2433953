"""A customer's data rights at one store: the export holds what is kept, and after forget no table holds them."""
from __future__ import annotations

import json
from itertools import count

import pytest
from sqlalchemy import func, select

from vyaparai.bot.engine import Engine
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Customer, Order, OrderItem, OrderStatusEvent, Product, StoreEvent
from vyaparai.orders.lifecycle import change_status, find_order
from vyaparai.orders.privacy import (
    CustomerNotFound,
    OrdersStillOpen,
    export_customer,
    forget_customer,
)
from vyaparai.orders.states import CONFIRMED, DELIVERED, OUT_FOR_DELIVERY, PROCESSING
from tests.integration.factories import NOW
from tests.integration.personal_data import rows_mentioning

PHONE = "919812345678"
NAME = "Meenakshi Iyer"
ADDRESS = "Flat 9, Lotus Apartments, Baner Road, Pune 411045"
OWNER = "919800000001"
_ids = count(1)


async def shop(sessions, code: str):
    async with sessions() as session, session.begin():
        store = await create_store(session, code=code, name=f"{code.title()} Kirana", owner_phones=[OWNER])
        session.add(Product(store_id=store.id, sku="MAGGI-70", name="Maggi Masala Noodles 70g", unit="g",
                            pack_base=70, price_paise=1400, stock_milli=50_000, aliases=["maggi"]))
    return store


async def say(sessions, store, text: str, *, phone: str = PHONE, name: str = NAME) -> list[str]:
    msg = InboundMessage(channel="whatsapp", provider_message_id=f"wamid.test{next(_ids)}", sender=phone,
                         text=text, sender_phone=phone, sender_name=name)
    async with sessions() as session, session.begin():
        inbound_id = await record_inbound(session, msg, store.id)
    return [r.text for r in await Engine(sessions).process(inbound_id)]


async def order_and_deliver(sessions, store, *, phone: str = PHONE) -> int:
    """A chat order, delivered by the shop with a note that names the customer; returns its number."""
    for text in ("2 maggi", "order", "yes", ADDRESS, "cod"):
        await say(sessions, store, text, phone=phone)
    async with sessions() as session, session.begin():
        number = await session.scalar(select(func.max(Order.number)).where(Order.store_id == store.id))
        order = await find_order(session, store.id, number)
        for status in (CONFIRMED, PROCESSING, OUT_FOR_DELIVERY):
            await change_status(session, order, status, actor="shopkeeper", now=NOW)
        await change_status(session, order, DELIVERED, actor="shopkeeper", now=NOW,
                            note=f"handed to {NAME.split()[0]}, call +{phone} next time")
    return number


async def store_accounts(sessions, store_id: int) -> tuple:
    async with sessions() as session:
        orders = (await session.execute(select(func.count(), func.sum(Order.total_paise))
                                        .where(Order.store_id == store_id))).one()
        lines = await session.scalar(select(func.sum(OrderItem.line_total_paise)).join(Order)
                                     .where(Order.store_id == store_id))
    return tuple(orders), lines


async def test_after_forget_no_table_holds_the_phone_or_the_name(sessions):
    store = await shop(sessions, "PUNE1")
    number = await order_and_deliver(sessions, store)
    await say(sessions, store, "1 maggi")  # a cart left open
    assert await rows_mentioning(sessions, "9812345678", "Meenakshi")  # the test can see them before
    accounts = await store_accounts(sessions, store.id)

    async with sessions() as session, session.begin():
        done = await forget_customer(session, store, "+91 98123 45678", actor="cli")

    assert await rows_mentioning(sessions, "9812345678", "Meenakshi", "Iyer", "Lotus Apartments") == []
    assert await store_accounts(sessions, store.id) == accounts == ((1, 2800), 2800)
    async with sessions() as session:
        order = await find_order(session, store.id, number)
        customer = await session.get(Customer, order.customer_id)
        event = await session.scalar(select(StoreEvent).where(StoreEvent.kind == "customer_forgotten"))
    assert (order.status, order.delivery_address, customer.name, customer.phone) == (DELIVERED, None, None, None)
    assert customer.forgotten_at is not None
    assert event.actor == "cli" and event.detail["orders_anonymised"] == 1 and event.detail["carts"] == 1
    assert done.customers_anonymised == 1 and done.messages_erased >= 6


async def test_forget_at_one_store_leaves_another_stores_orders_alone(sessions):
    pune, nashik = await shop(sessions, "PUNE1"), await shop(sessions, "NASHIK1")
    await order_and_deliver(sessions, pune)
    theirs = await order_and_deliver(sessions, nashik)

    async with sessions() as session, session.begin():
        done = await forget_customer(session, pune, PHONE, actor="cli")

    assert done.customers_detached == 1 and done.customers_anonymised == 0
    assert await rows_mentioning(sessions, "9812345678", "Meenakshi", "Lotus", store_id=pune.id) == []
    async with sessions() as session:
        pune_order = await session.scalar(select(Order).where(Order.store_id == pune.id))
        anonymous = await session.get(Customer, pune_order.customer_id)
        kept = await find_order(session, nashik.id, theirs)
        kept_customer = await session.get(Customer, kept.customer_id)
        pune_notes = (await session.scalars(select(OrderStatusEvent.note).where(
            OrderStatusEvent.order_id == pune_order.id, OrderStatusEvent.note.is_not(None)))).all()
    assert pune_notes == ["handed to [erased], call +[erased] next time"]
    assert (anonymous.name, anonymous.phone, pune_order.total_paise) == (None, None, 2800)
    assert (kept_customer.name, kept_customer.phone, kept.delivery_address) == (NAME, PHONE, ADDRESS)
    assert "Added 2 Maggi" in "\n".join(await say(sessions, nashik, "2 maggi"))  # the other shop's chat goes on


async def test_the_export_holds_orders_addresses_and_chats(sessions):
    store = await shop(sessions, "PUNE1")
    number = await order_and_deliver(sessions, store)

    async with sessions() as session, session.begin():
        data = await export_customer(session, store, "098123 45678")
    json.dumps(data)  # JSON-able as it is

    (profile,) = data["customers"]
    assert (profile["name"], profile["phone"]) == (NAME, PHONE)
    assert [a["text"] for a in profile["addresses"]] == [ADDRESS]
    (order,) = data["orders"]
    assert (order["number"], order["total_paise"], order["delivery_address"]) == (number, 2800, ADDRESS)
    assert order["items"][0]["sku"] == "MAGGI-70" and order["status_history"][-1]["to"] == DELIVERED
    assert [m["text"] for m in data["messages_received"]][:2] == ["2 maggi", "order"]
    assert any(f"#{number}" in r["text"] for r in data["replies_sent"])
    async with sessions() as session:
        event = await session.scalar(select(StoreEvent).where(StoreEvent.kind == "customer_exported"))
    assert event.detail["orders"] == 1 and PHONE not in json.dumps(event.detail)


async def test_an_order_still_on_its_way_is_not_erased(sessions):
    store = await shop(sessions, "PUNE1")
    for text in ("2 maggi", "order", "yes", ADDRESS, "cod"):
        await say(sessions, store, text)

    async with sessions() as session, session.begin():
        with pytest.raises(OrdersStillOpen) as refused:
            await forget_customer(session, store, PHONE, actor="cli")
    assert refused.value.numbers == [1001]
    assert await rows_mentioning(sessions, "Lotus Apartments")  # nothing was lost


async def test_a_phone_the_store_never_dealt_with_is_unknown_there(sessions):
    pune, nashik = await shop(sessions, "PUNE1"), await shop(sessions, "NASHIK1")
    await say(sessions, nashik, "2 maggi")
    async with sessions() as session:
        with pytest.raises(CustomerNotFound):
            await export_customer(session, pune, PHONE)
        with pytest.raises(CustomerNotFound):
            await forget_customer(session, pune, "+91 90000 00000", actor="cli")

