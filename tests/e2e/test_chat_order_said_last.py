"""Goods and "place the order" in one message: the goods go in and the checkout starts; "I want to order 2
maggi" is only goods."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders


@pytest.mark.parametrize("message", ["2 maggi aur order kar do", "2 maggi and place the order",
                                     "2 maggi. bas. order kar do", "ரெண்டு மேகி, ஆர்டர் போடுங்க",
                                     "দুটো ম্যাগি আর অর্ডার করে দিন"])
async def test_goods_then_the_order_word_start_the_checkout(client, services, message):
    chat = Chat(client)
    await chat.send(message)
    assert "yes" in chat.button_ids()  # "shall I place this order?"
    await chat.send("yes")
    await chat.send("Flat 4, Shanti Niwas, MG Road, Pune")
    await chat.send("cash")
    [order] = await orders(services)
    assert [(i.sku, i.qty_milli) for i in order.items] == [("MAGGI-70", 2000)]


async def test_wanting_to_order_goods_only_adds_them(client, services):
    chat = Chat(client)
    await chat.send("2 maggi order karna hai")
    assert "yes" not in chat.button_ids()
