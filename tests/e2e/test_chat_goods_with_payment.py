"""The way to pay said with the goods ("2 maggi, cash dunga") is kept: the checkout does not ask it again."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders

ADDRESS = "Flat 4, Shanti Niwas, MG Road, Pune"


@pytest.mark.parametrize("goods, method", [
    ("2 maggi, cash on delivery dunga", "cod"),
    ("1 kg atta, cash dunga", "cod"),
    ("ஒரு கிலோ சர்க்கரை, கேஷ் தரேன்", "cod"),
])
async def test_a_way_to_pay_said_with_the_goods_is_not_asked_again(client, services, goods, method):
    chat = Chat(client)
    await chat.send(goods)
    await chat.send("order")
    await chat.send("yes")
    reply = await chat.send(ADDRESS)
    assert "pay:cod" not in chat.button_ids(), reply
    [order] = await orders(services)
    assert order.payment_method == method


async def test_goods_without_a_way_to_pay_still_get_the_payment_question(client, services):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes", ADDRESS):
        await chat.send(text)
    assert "pay:cod" in chat.button_ids()
    assert await orders(services) == []


async def test_online_said_with_the_goods_at_a_shop_without_it_offers_cash(client, services):
    chat = Chat(client)
    for text in ("2 maggi, online pay karunga", "order", "yes"):
        await chat.send(text)
    assert "Cash on delivery kar doon?" in await chat.send(ADDRESS)
