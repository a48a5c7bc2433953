"""A customer chooses "pay online" in the chat: one link, shown in the chat; Razorpay's word marks it paid."""
from sqlalchemy import select

from tests.e2e.test_razorpay_webhook import client, link_id_of, post_event, services  # noqa: F401  (fixtures)
from tests.fakes import razorpay_events as ev
from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)
from vyaparai.db.models import Order, OutboxMessage, Product

SESSION = "pay-online-0001"


async def say(client, text, *, button=None):
    body = {"session": SESSION, "text": text}
    if button:
        body["button"] = button
    resp = await client.post("/api/chat/SHOP1", json=body)
    assert resp.status == 200, await resp.text()
    return (await resp.json())["replies"]


async def test_pay_online_sends_one_link_and_the_paid_event_tells_customer_and_shopkeeper(
        client, services, razorpay_fake):
    for text in ["2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune"]:
        await say(client, text)
    replies = await say(client, "Online (UPI/card)", button="pay:online")
    [with_link] = [r for r in replies if r.get("link")]
    assert with_link["link"]["url"].startswith("https://rzp.io/i/")
    assert "#1001" in with_link["text"] and "₹28" in with_link["text"]

    [created] = razorpay_fake.calls("POST", "/v1/payment_links")
    assert created.json["amount"] == 2800 and created.json["currency"] == "INR"
    assert created.json["reference_id"].startswith("VY")
    async with services.sessions() as s:
        order = await s.scalar(select(Order))
    assert (order.status, order.payment_status, order.payment_method) == ("pending", "pending", "upi")

    assert (await post_event(client, ev.link_paid(link_id_of(razorpay_fake), "pay_Chat0001", 2800))).status == 200
    async with services.sessions() as s:
        order = await s.scalar(select(Order))
        owner_alerts = (await s.scalars(select(OutboxMessage).where(OutboxMessage.channel == "whatsapp"))).all()
    assert order.payment_status == "paid"
    assert any("#1001" in a.payload["text"] and "₹28" in a.payload["text"] and "online" in a.payload["text"]
               for a in owner_alerts)
    updates = await (await client.get("/api/chat/SHOP1/updates", params={"session": SESSION})).json()
    assert any("₹28" in r["text"] and "#1001" in r["text"] for r in updates["replies"])
    assert len(razorpay_fake.calls("POST", "/v1/payment_links")) == 1


async def test_an_order_that_takes_stock_below_its_level_alerts_the_shopkeeper_once(client, services):
    async with services.sessions() as s, s.begin():
        butter = await s.scalar(select(Product).where(Product.sku == "AMUL-BUTTER-500"))
        butter.low_stock_milli = 8000  # 10 on the shelf, alert below 8
    for text in ["3 amul butter 500 gram", "order", "yes", "House 9, Gandhi Nagar, Jaipur"]:
        await say(client, text)
    await say(client, "Cash on delivery", button="pay:cod")
    async with services.sessions() as s:
        alerts = [m.payload["text"] for m in await s.scalars(
            select(OutboxMessage).where(OutboxMessage.channel == "whatsapp"))]
    low = [a for a in alerts if "Amul Butter 500g" in a and "7" in a and "#" not in a]
    assert len(low) == 1, alerts


async def test_an_expired_link_cancels_and_one_word_reorders_with_cash_on_delivery(client, services, razorpay_fake):
    for text in ["2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune"]:
        await say(client, text)
    await say(client, "Online (UPI/card)", button="pay:online")
    link_id = link_id_of(razorpay_fake)
    razorpay_fake.expire(link_id)
    assert (await post_event(client, ev.link_closed(link_id, "expired"), event_id="evt_exp")).status == 200

    updates = await (await client.get("/api/chat/SHOP1/updates", params={"session": SESSION})).json()
    assert any("#1001" in r["text"] and "cod" in r["text"] for r in updates["replies"]), updates
    async with services.sessions() as s:
        first = await s.scalar(select(Order).where(Order.number == 1001))
        maggi_stock = await s.scalar(select(Product.stock_milli).where(Product.sku == "MAGGI-70"))
    assert first.status == "cancelled" and maggi_stock == 100_000  # the stock came back

    await say(client, "cod")
    # Yes to the cart as it was; the address given a few minutes ago is used without asking again.
    placed = "\n".join(r["text"] for r in await say(client, "yes"))
    assert "#1002" in placed and "Shanti Niwas" in placed
    async with services.sessions() as s:
        second = await s.scalar(select(Order).where(Order.number == 1002))
    assert (second.payment_method, second.total_paise) == ("cod", 2800)
