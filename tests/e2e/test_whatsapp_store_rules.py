"""The store's rules on WhatsApp, end to end: the delivery radius for a shared location, and a paused store that
still answers its owner (signed webhooks in, replies at a fake Graph API)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.e2e.conftest import SHOP_CSV
from tests.e2e.test_chat_store_rules import set_rules
from tests.e2e.test_whatsapp_catalog_order import NEAR_THE_SHOP, SHOP_AT, location
from tests.e2e.test_whatsapp_webhook import (  # noqa: F401  (graph, services, client are fixtures)
    CUSTOMER, PHONE_NUMBER_ID, SHOPKEEPER, client, deliver, graph, services, tap, text,
)
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Order, Store

FIVE_KM_NORTH = (26.9592, 75.7873)  # 5.2 km from the shop


@pytest.fixture
async def wa_shop(sessions, tmp_path):
    """The e2e shop on the recorded payloads' WhatsApp number, in Jaipur, delivering within 3 km."""
    path = tmp_path / "shop.csv"
    path.write_text(SHOP_CSV, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="SHOP1", name="Sharma Kirana", owner_phones=[SHOPKEEPER],
                                   whatsapp_phone_number_id=PHONE_NUMBER_ID, lat=SHOP_AT[0], lon=SHOP_AT[1])
        store.delivery_radius_km = 3.0
        assert not (await import_catalog(session, store.id, path)).errors
    return store


async def placed_orders(services) -> list[Order]:
    async with services.sessions() as s:
        return list(await s.scalars(select(Order)))


async def test_a_shared_location_beyond_the_radius_is_not_taken_as_the_address(client, graph, services):
    assert await deliver(client, text(CUSTOMER, "wamid.r1", "3 maggi")) == 200
    assert await deliver(client, text(CUSTOMER, "wamid.r2", "order")) == 200
    assert await deliver(client, tap(CUSTOMER, "wamid.r3", "yes", "Yes")) == 200
    assert await deliver(client, location("wamid.r4", *FIVE_KM_NORTH, "Plot 12, Vidhyadhar Nagar, Jaipur")) == 200
    replies = await graph.wait_for(CUSTOMER, count=4)
    assert "we deliver within 3 km; you are 5.2 km away" in replies[-1].text
    assert await placed_orders(services) == []

    assert await deliver(client, location("wamid.r5", *NEAR_THE_SHOP, "House 9, Gandhi Nagar, Jaipur")) == 200
    assert await deliver(client, tap(CUSTOMER, "wamid.r6", "pay:cod", "Cash on delivery")) == 200
    replies = await graph.wait_for(CUSTOMER, count=6)
    assert "#1001" in replies[-1].text
    [order] = await placed_orders(services)
    assert order.delivery_address == "House 9, Gandhi Nagar, Jaipur"


async def test_a_typed_address_has_no_distance_and_is_taken(client, graph, services):
    for n, body in enumerate(("3 maggi", "order", "yes", "Plot 12, Vidhyadhar Nagar, Jaipur 302039", "cash")):
        assert await deliver(client, text(CUSTOMER, f"wamid.t{n}", body)) == 200
    replies = await graph.wait_for(CUSTOMER, count=5)
    assert "#1001" in replies[-1].text


async def test_a_paused_store_turns_customers_away_but_answers_its_owner(client, graph, services):
    await set_rules(services, status="paused")
    assert await deliver(client, text(CUSTOMER, "wamid.p1", "2 kilo cheeni bhejo")) == 200
    [reply] = await graph.wait_for(CUSTOMER)
    assert "Sharma Kirana abhi kuch samay ke liye band hai" in reply.text
    assert await deliver(client, text(SHOPKEEPER, "wamid.p2", "today")) == 200
    [owner_reply] = await graph.wait_for(SHOPKEEPER)
    assert "band hai" not in owner_reply.text and "closed for now" not in owner_reply.text
    async with services.sessions() as s:
        assert (await s.scalar(select(Store.status))) == "paused"
