"""A customer asks in the chat what the shop keeps about them, and to erase it: web chat and WhatsApp, end to end."""
import asyncio
import json

import pytest
from sqlalchemy import select

from tests.e2e.test_whatsapp_webhook import APP_SECRET, PAYLOADS, PHONE_NUMBER_ID, VERIFY_TOKEN, deliver, tap
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from tests.integration.factories import NOW
from tests.integration.personal_data import rows_mentioning
from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.db.models import Order, OutboxMessage, Product
from vyaparai.orders.lifecycle import change_status
from vyaparai.orders.states import CONFIRMED, DELIVERED, OUT_FOR_DELIVERY, PROCESSING
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

SESSION = "data-rights-session-7"
ADDRESS = "House 12, Gulmohar Lane, Kothrud, Pune 411038"


async def say(client, text=None, *, button=None):
    body = {"session": SESSION, "text": text or ""}
    if button:
        body["button"] = button
    resp = await client.post("/api/chat/SHOP1", json=body)
    assert resp.status == 200, await resp.text()
    return [r for r in (await resp.json())["replies"]]


def said(replies) -> str:
    return "\n".join(r["text"] for r in replies)


async def deliver_orders(sessions, store_id: int) -> None:
    async with sessions() as session, session.begin():
        for order in (await session.scalars(select(Order).where(Order.store_id == store_id))).all():
            for status in (CONFIRMED, PROCESSING, OUT_FOR_DELIVERY, DELIVERED):
                await change_status(session, order, status, actor="shopkeeper", now=NOW)


async def test_in_the_web_chat_a_customer_sees_their_data_then_erases_it(client, services, shop):
    for text in ("2 maggi", "order", "yes", ADDRESS, "cod"):
        await say(client, text)
    await say(client, "98123 45678")  # the number the shop can call
    waiting = said(await say(client, "delete my data"))
    assert "#1001" in waiting and "still on its way" in waiting  # nothing is erased while it is being delivered
    await deliver_orders(services.sessions, shop.id)

    summary = said(await say(client, "what data do you have about me?"))
    assert "orders: 1" in summary and "saved addresses: 1" in summary and "delete my data" in summary
    asked = await say(client, "delete my data")
    assert [b["id"] for b in asked[-1]["buttons"]] == ["yes", "no"]
    assert "nothing was erased" in said(await say(client, "No", button="no"))
    await say(client, "delete my data")
    goodbye = await say(client, "Yes", button="yes")

    assert "has erased your data" in goodbye[-1]["text"]
    # The goodbye knew where to go until it was handed over; then that went too.
    assert await rows_mentioning(services.sessions, "9812345678", "Gulmohar", SESSION) == []
    history = await (await client.get("/api/chat/SHOP1/history", params={"session": SESSION})).json()
    assert "Gulmohar" not in json.dumps(history, ensure_ascii=False)
    async with services.sessions() as s:
        order = await s.scalar(select(Order))
    assert (order.status, order.total_paise, order.delivery_address) == (DELIVERED, 2800, None)
    again = said(await say(client, "2 maggi"))  # a new start: an empty cart, no old address
    assert "Added 2" in again


async def test_saying_no_or_something_else_erases_nothing(client, services):
    await say(client, "mera data delete karo")
    assert "kuch nahi mitaya" in said(await say(client, "nahi")).lower()
    await say(client, "mera data delete karo")
    added = said(await say(client, "3 maggi"))  # the question is dropped and the message read as usual
    assert "3" in added and "Maggi" in added
    assert await rows_mentioning(services.sessions, SESSION)  # the chat is all still there


# --- WhatsApp ------------------------------------------------------------------------------------------------

CUSTOMER = "919765432100"
PROFILE_NAME = "Savitribai Kulkarni"


def message(message_id: str, body: str) -> bytes:
    envelope = json.loads((PAYLOADS / "text.json").read_text())
    value = envelope["entry"][0]["changes"][0]["value"]
    value["contacts"] = [{"profile": {"name": PROFILE_NAME}, "wa_id": CUSTOMER}]
    value["messages"] = [{"from": CUSTOMER, "id": message_id, "timestamp": "1718000000", "type": "text",
                          "text": {"body": body}}]
    return json.dumps(envelope).encode()


@pytest.fixture
async def wa_client(aiohttp_client, sessions, database_url, graph):  # noqa: F811
    async with sessions() as session, session.begin():
        store = await create_store(session, code="WADR", name="Kulkarni Stores", owner_phones=["919800000001"],
                                   whatsapp_phone_number_id=PHONE_NUMBER_ID)
        session.add(Product(store_id=store.id, sku="MAGGI-70", name="Maggi Masala Noodles 70g", unit="g",
                            pack_base=70, price_paise=1400, stock_milli=50_000, aliases=["maggi"]))
    services = Services.create(Settings(
        database_url=database_url, whatsapp_token="test-token", whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN, whatsapp_api_base_url=graph.base_url))
    yield await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))
    await services.close()


async def wait_until_marked(sessions, timeout: float = 5.0) -> None:
    """Until no reply is still "sending": the provider has it, and our outcome is recorded just after."""
    for _ in range(int(timeout / 0.05)):
        async with sessions() as session:
            if "sending" not in (await session.scalars(select(OutboxMessage.status))).all():
                return
        await asyncio.sleep(0.05)
    raise AssertionError("a reply stayed 'sending'")


async def test_on_whatsapp_in_marathi_the_goodbye_arrives_after_the_erasure(wa_client, graph, sessions):  # noqa: F811
    await deliver(wa_client, message("wamid.dr1", "2 maggi"))
    await deliver(wa_client, message("wamid.dr2", "माझा सगळा डेटा पुसून टाका"))
    asked = (await graph.wait_for(CUSTOMER, count=2))[-1]
    assert asked.button_ids == ["yes", "no"] and "डेटा" in asked.text
    await deliver(wa_client, tap(CUSTOMER, "wamid.dr3", "yes", "होय"))

    goodbye = (await graph.wait_for(CUSTOMER, count=3))[-1]
    assert "{store}" not in goodbye.text and "Kulkarni Stores" in goodbye.text and "डेटा" in goodbye.text
    # Sent, so it no longer knows where it went either (marked a moment after the provider took it).
    await wait_until_marked(sessions)
    assert await rows_mentioning(sessions, "9765432100", "Savitribai") == []
    async with sessions() as session:
        statuses = (await session.scalars(select(OutboxMessage.status))).all()
    assert statuses == ["sent"]  # the goodbye, the only row left of the chat
