"""Another size of a product in the cart, with the old size taken back, changes that line to the other pack in
the same count (the shop of tests/e2e/conftest.py sells Amul Butter in 100 g and 500 g)."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat


@pytest.mark.parametrize("swap", ["amul butter 500 g wala chahiye, 100 nahi", "I wanted the 500 g amul butter, not 100",
                                  "अमूल बटर 500 ग्राम वाला, 100 नहीं"])
async def test_the_other_size_with_the_old_one_taken_back_replaces_the_line(client, swap):
    chat = Chat(client)
    await chat.send("2 amul butter 100 g")
    await chat.send(swap)
    cart = await chat.send("cart")
    assert "Amul Butter 500g × 2" in cart and "100g" not in cart, f"{swap!r}: {cart}"


async def test_the_other_size_without_taking_one_back_is_added(client):
    chat = Chat(client)
    await chat.send("2 amul butter 100 g")
    await chat.send("1 amul butter 500 g bhi")
    cart = await chat.send("cart")
    assert "Amul Butter 100g × 2" in cart and "Amul Butter 500g × 1" in cart, cart
