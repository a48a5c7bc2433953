"""WhatsApp catalog orders and shared locations, end to end: signed webhooks in, replies at a fake Graph API."""
import json

import pytest

from tests.e2e.conftest import SHOP_CSV
from tests.e2e.test_whatsapp_webhook import (  # noqa: F401  (graph, services, client are fixtures)
    CUSTOMER, PAYLOADS, PHONE_NUMBER_ID, SHOPKEEPER, client, deliver, graph, services, tap, update,
)
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store

SHOP_AT = (26.9124, 75.7873)  # Jaipur
NEAR_THE_SHOP = (26.9200, 75.7873)  # ~0.85 km north of it


@pytest.fixture
async def wa_shop(sessions, tmp_path):
    """The e2e shop, reachable on the WhatsApp number of the recorded payloads, with a location."""
    path = tmp_path / "shop.csv"
    path.write_text(SHOP_CSV, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="WASHOP", name="Sharma Kirana", owner_phones=[SHOPKEEPER],
                                   whatsapp_phone_number_id=PHONE_NUMBER_ID, lat=SHOP_AT[0], lon=SHOP_AT[1])
        assert not (await import_catalog(session, store.id, path)).errors
    return store


def catalog_order(items: list[tuple[str, int, float]]) -> bytes:
    """The recorded INR catalog order, with its basket replaced by (sku, quantity, price shown) lines."""
    envelope = json.loads((PAYLOADS / "order_inr.json").read_text())
    value = envelope["entry"][0]["changes"][0]["value"]
    assert value["metadata"]["phone_number_id"] == PHONE_NUMBER_ID
    assert value["messages"][0]["from"] == CUSTOMER
    value["messages"][0]["order"]["product_items"] = [
        {"product_retailer_id": sku, "quantity": qty, "item_price": price, "currency": "INR"}
        for sku, qty, price in items]
    return json.dumps(envelope, ensure_ascii=False).encode()


def location(message_id: str, lat: float, lon: float, address: str) -> bytes:
    return update(CUSTOMER, message_id, type="location",
                  location={"latitude": lat, "longitude": lon, "name": "Home", "address": address})


async def test_a_catalog_order_fills_the_cart_at_our_prices_and_says_what_differs(client, graph):
    body = catalog_order([("SUGAR-LOOSE", 2, 45), ("MAGGI-70", 1, 14), ("AMUL-BUTTER-100", 5, 60),
                          ("AMUL-GHEE-500ML", 1, 312.5)])
    assert await deliver(client, body) == 200
    [reply] = await graph.wait_for(CUSTOMER)
    said = reply.text
    assert "Added 2 kg Sugar (loose, per kg) (₹92)" in said
    assert "Sugar (loose, per kg) is ₹46 here, not ₹45 as shown on WhatsApp" in said
    assert "Added 1 Maggi Masala Noodles 70g (₹14)" in said
    assert "Maggi Masala Noodles 70g is" not in said  # same price: nothing to explain
    assert "Only 3 of Amul Butter 100g left" in said and "Added 3 Amul Butter 100g (₹180)" in said
    assert "AMUL-GHEE-500ML from the WhatsApp catalogue is not sold here any more" in said
    assert "Total: ₹286" in said
    assert "checkout" in reply.button_ids


async def test_a_catalog_order_of_only_unknown_items_adds_nothing(client, graph):
    assert await deliver(client, catalog_order([("HAMBURGER", 3, 30)])) == 200
    [reply] = await graph.wait_for(CUSTOMER)
    assert "HAMBURGER from the WhatsApp catalogue is not sold here any more" in reply.text
    assert "Total" not in reply.text and reply.button_ids == []


async def test_a_shared_location_lists_nearby_stores_and_checkout_offers_it(client, graph):
    assert await deliver(client, location("wamid.loc1", *NEAR_THE_SHOP, "House 9, Gandhi Nagar, Jaipur")) == 200
    [reply] = await graph.wait_for(CUSTOMER)
    assert "Stores open near you:" in reply.text
    assert "1. Sharma Kirana – 0.8 km (store code WASHOP)" in reply.text
    assert "saved this location as your delivery address" in reply.text

    assert await deliver(client, catalog_order([("MAGGI-70", 2, 14)])) == 200
    assert await deliver(client, tap(CUSTOMER, "wamid.t1", "checkout", "Place order")) == 200
    assert await deliver(client, tap(CUSTOMER, "wamid.t2", "yes", "Yes")) == 200
    replies = await graph.wait_for(CUSTOMER, count=4)
    assert "House 9, Gandhi Nagar, Jaipur" in replies[-1].text


async def test_a_location_far_from_every_store_says_none_is_near(client, graph):
    assert await deliver(client, location("wamid.loc2", 19.0760, 72.8777, "Bandra, Mumbai")) == 200
    [reply] = await graph.wait_for(CUSTOMER)
    assert "no store near you is open right now" in reply.text
