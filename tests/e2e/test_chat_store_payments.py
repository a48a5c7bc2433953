"""The store's ways to pay and its delivery charge where a payment gateway is configured: the payment question
offers what the store takes, and the payment link asks for the total with the delivery charge."""
from __future__ import annotations

from tests.e2e.test_chat_checkout_dialogue import Chat, orders
from tests.e2e.test_chat_store_rules import ADDRESS, set_rules
from tests.e2e.test_razorpay_webhook import client, services  # noqa: F401  (fixtures: the app with Razorpay)
from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)


async def to_address(chat: Chat, item: str = "2 maggi") -> str:
    for text in (item, "order", "yes"):
        await chat.send(text)
    return await chat.send(ADDRESS)


async def test_the_payment_link_asks_for_the_total_with_the_delivery_charge(client, services, razorpay_fake):
    await set_rules(services, delivery_charge_paise=3000)
    chat = Chat(client)
    assert "How will you pay?" in await to_address(chat)
    assert chat.button_ids() == ["pay:cod", "pay:online"]  # both ways, as the store takes both
    placed = await chat.tap(2)
    assert "#1001" in placed and "₹58" in placed  # ₹28 of Maggi and ₹30 delivery
    [created] = razorpay_fake.calls("POST", "/v1/payment_links")
    assert created.json["amount"] == 5800
    [order] = await orders(services)
    assert (order.subtotal_paise, order.delivery_fee_paise, order.total_paise) == (2800, 3000, 5800)


async def test_an_online_only_store_sends_the_link_without_asking(client, services, razorpay_fake):
    await set_rules(services, cod_enabled=False)
    placed = await to_address(Chat(client))
    assert "This shop takes online payment (UPI/card) only." in placed and "#1001" in placed
    assert len(razorpay_fake.calls("POST", "/v1/payment_links")) == 1
    assert [o.payment_method for o in await orders(services)] == ["upi"]


async def test_asking_for_cash_at_an_online_only_store_is_told_and_offered_the_link(client, services, razorpay_fake):
    await set_rules(services, cod_enabled=False)
    chat = Chat(client)
    await chat.send(ADDRESS)  # given early: the checkout will not ask for it
    await chat.send("2 maggi")
    await chat.send("cash on delivery")
    told = await chat.send("yes")
    assert "does not take cash on delivery" in told and chat.button_ids() == ["pay:online"]
    assert await orders(services) == []
    assert "#1001" in await chat.tap(1)
    assert [o.payment_method for o in await orders(services)] == ["upi"]


async def test_a_cash_only_store_is_not_offered_online_though_a_gateway_is_there(client, services, razorpay_fake):
    await set_rules(services, online_enabled=False)
    placed = await to_address(Chat(client))
    assert "This shop takes cash on delivery only." in placed and "#1001" in placed
    assert razorpay_fake.calls("POST", "/v1/payment_links") == []
