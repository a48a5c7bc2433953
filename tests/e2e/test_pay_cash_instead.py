"""After ordering to pay online the customer says "cash instead": the link is cancelled at Razorpay, the order is
cash on delivery, the shopkeeper is told; a paid order stays paid (through the web chat, fake Razorpay)."""
import pytest
from sqlalchemy import select

from tests.e2e.test_razorpay_webhook import client, link_id_of, post_event, services  # noqa: F401  (fixtures)
from tests.fakes import razorpay_events as ev
from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)
from vyaparai.db.models import Order, OutboxMessage

SESSION = "cash-instead-0001"


async def say(client, text, *, button=None):
    body = {"session": SESSION, "text": text, **({"button": button} if button else {})}
    resp = await client.post("/api/chat/SHOP1", json=body)
    assert resp.status == 200, await resp.text()
    return "\n".join(r["text"] for r in (await resp.json())["replies"])


async def order_online(client):
    for text in ["2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune"]:
        await say(client, text)
    assert "#1001" in await say(client, "Online (UPI/card)", button="pay:online")


async def the_order(services) -> Order:
    async with services.sessions() as s:
        return await s.scalar(select(Order))


@pytest.mark.parametrize("words", ["cash instead", "COD kar do", "नकद दूंगा", "பணமா தரேன்"])
async def test_cash_instead_cancels_the_link_and_makes_the_order_cash_on_delivery(client, services, razorpay_fake,
                                                                                  words):
    await order_online(client)
    reply = await say(client, words)
    assert "#1001" in reply, f"{words!r}: {reply}"
    order = await the_order(services)
    assert (order.status, order.payment_method, order.payment_status) == ("pending", "cod", "pending"), words
    assert len(razorpay_fake.calls("POST", f"/v1/payment_links/{link_id_of(razorpay_fake)}/cancel")) == 1
    async with services.sessions() as s:
        owner = [m.payload["text"] for m in await s.scalars(select(OutboxMessage).where(
            OutboxMessage.channel == "whatsapp"))]
    assert any("#1001" in t and "₹28" in t and "cash" in t.lower() for t in owner[1:]), owner


async def test_the_link_cancelled_webhook_after_it_leaves_the_cash_order_open(client, services, razorpay_fake):
    await order_online(client)
    await say(client, "cash instead")
    link_id = link_id_of(razorpay_fake)
    assert (await post_event(client, ev.link_closed(link_id, "cancelled"), event_id="evt_c")).status == 200
    order = await the_order(services)
    assert (order.status, order.payment_method) == ("pending", "cod")


async def test_a_paid_order_stays_paid_online_and_the_customer_is_told(client, services, razorpay_fake):
    await order_online(client)
    link_id = link_id_of(razorpay_fake)
    razorpay_fake.pay(link_id, "pay_Cash0001")
    assert (await post_event(client, ev.link_paid(link_id, "pay_Cash0001", 2800))).status == 200
    reply = await say(client, "cash on delivery please")
    assert "#1001" in reply and "paid" in reply.lower(), reply
    order = await the_order(services)
    assert (order.payment_method, order.payment_status) == ("upi", "paid")


async def test_cash_with_a_new_cart_is_how_that_cart_is_paid(client, services, razorpay_fake):
    await order_online(client)
    await say(client, "3 maggi")
    await say(client, "cash")
    async with services.sessions() as s:
        first = await s.scalar(select(Order).where(Order.number == 1001))
    assert first.payment_method == "upi"  # the first order is left as it was
