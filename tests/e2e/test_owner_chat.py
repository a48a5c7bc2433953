"""The shopkeeper runs the shop by chat in their own language; customers hear of it in theirs."""
import itertools

from sqlalchemy import select

from tests.e2e.conftest import OWNER_PHONE
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import Conversation, Order, OrderStatusEvent, OutboxMessage, Product, Store

_ids = itertools.count(1)


async def customer(client, text, session="owner-chat-cust-1"):
    resp = await client.post("/api/chat/SHOP1", json={"session": session, "text": text})
    assert resp.status == 200, await resp.text()
    return "\n".join(r["text"] for r in (await resp.json())["replies"])


async def owner(services, text) -> str:
    """The owner writes from their phone (the terminal chat's channel here) and reads the replies."""
    async with services.sessions() as s, s.begin():
        store_id = await s.scalar(select(Store.id).where(Store.code == "SHOP1"))
        inbound_id = await record_inbound(s, InboundMessage(
            channel="terminal", provider_message_id=f"owner-{next(_ids)}", sender=OWNER_PHONE, text=text,
            store_code="SHOP1", sender_phone=OWNER_PHONE), store_id)
    return "\n".join(r.text for r in await services.bot.process(inbound_id))


async def place_order(client, session="owner-chat-cust-1", item="1 kg sugar"):
    await customer(client, item, session)
    for text in ["order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
        await customer(client, text, session)


async def customer_notices(client, session="owner-chat-cust-1") -> list[str]:
    resp = await client.get("/api/chat/SHOP1/updates", params={"session": session})
    return [r["text"] for r in (await resp.json())["replies"]]


async def customer_speaks(services, lang, session="owner-chat-cust-1"):
    """The customer's chat is in `lang` (as if they had written in it all along)."""
    async with services.sessions() as s, s.begin():
        for conv in await s.scalars(select(Conversation).where(Conversation.recipient == session)):
            conv.language = lang


async def order_1001(services) -> Order:
    async with services.sessions() as s:
        return await s.scalar(select(Order).where(Order.number == 1001))


async def test_hindi_accept_and_packed_move_the_order_and_the_owner_hears_hindi(client, services):
    await place_order(client)
    accepted = await owner(services, "ऑर्डर 1001 मंज़ूर करो")
    assert (await order_1001(services)).status == "confirmed"
    assert "1001" in accepted and "ग्राहक" in accepted  # "the customer has been told", in Hindi
    packed = await owner(services, "1001 पैक हो गया")
    assert (await order_1001(services)).status == "processing"
    assert "पैक" in packed and "स्टॉक" not in packed


async def test_delivered_right_after_packed_goes_through_out_for_delivery(client, services):
    await place_order(client)
    await owner(services, "accept 1001")
    await owner(services, "1001 packed")
    await customer_notices(client)
    reply = await owner(services, "1001 delivered")
    order = await order_1001(services)
    assert order.status == "delivered"
    async with services.sessions() as s:
        steps = (await s.scalars(select(OrderStatusEvent.to_status).where(OrderStatusEvent.order_id == order.id)
                                 .order_by(OrderStatusEvent.id))).all()
    assert steps[-2:] == ["out_for_delivery", "delivered"]
    assert "out for delivery" in reply and "delivered" in reply
    assert any("#1001" in n and "delivered" in n for n in await customer_notices(client))


async def test_a_bare_cancel_tells_the_customer_in_their_language_with_no_reason(client, services):
    await place_order(client)
    await customer_speaks(services, "hi")
    await customer_notices(client)
    await owner(services, "1001 cancel karo")
    assert (await order_1001(services)).status == "cancelled"
    [notice] = await customer_notices(client)
    assert "#1001" in notice and "karo" not in notice and "वजह" not in notice
    assert "माफ़" in notice  # the Hindi sentence for a refused order


async def test_a_reason_reaches_a_tamil_customer_quoted_as_typed(client, services):
    await place_order(client)
    await customer_speaks(services, "ta")
    await customer_notices(client)
    await owner(services, "reject 1001 Cheeni Khatam hai bhai")
    [notice] = await customer_notices(client)
    assert "ஆர்டர்" in notice and "“Cheeni Khatam hai bhai”" in notice


async def test_stock_by_chat_sets_shows_and_lists_low_stock(client, services):
    reply = await owner(services, "maggi ka stock 40 kar do")
    async with services.sessions() as s:
        assert await s.scalar(select(Product.stock_milli).where(Product.sku == "MAGGI-70")) == 40_000
    assert "Maggi" in reply and "40" in reply
    await owner(services, "tata salt khatam")
    low = await owner(services, "kam stock wale")
    assert "Tata Salt 1kg" in low and "Maggi" not in low
    assert "40" in await owner(services, "maggi ka stock kitna hai")


async def test_unknown_text_gets_a_short_help_in_the_owners_language(client, services):
    await owner(services, "आज का हिसाब")
    reply = await owner(services, "गाड़ी कब आएगी भाई")
    assert "समझ नहीं आया" in reply and len(reply) < 250
    assert "Commands:" not in reply


async def test_the_owner_chooses_a_language_and_new_orders_arrive_in_it(client, services):
    set_reply = await owner(services, "reply in Tamil")
    assert "தமிழ" in set_reply
    assert "இன்று" in await owner(services, "today's sales report")  # English words, Tamil answer kept
    await place_order(client)
    async with services.sessions() as s:
        alerts = [m.payload["text"] for m in await s.scalars(
            select(OutboxMessage).where(OutboxMessage.channel == "whatsapp"))]
    assert any("#1001" in a and "ஆர்டர்" in a for a in alerts), alerts


async def test_a_refused_move_says_what_the_order_can_do_next(client, services):
    await place_order(client)
    await owner(services, "accept 1001")
    await owner(services, "packed")  # no number: the one order that can be packed
    assert (await order_1001(services)).status == "processing"
    await owner(services, "1001 out")
    refused = await owner(services, "reject 1001")
    assert (await order_1001(services)).status == "out_for_delivery"
    assert "can't" in refused and "Next step for #1001: delivered" in refused
    assert "already" in await owner(services, "1001 out")
