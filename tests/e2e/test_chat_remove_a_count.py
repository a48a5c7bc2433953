"""A count said with a removal takes that many out of the line ("remove 1 maggi" of 3 leaves 2); the count of the
line or none at all removes it. A factor ("double", "aadha") scales the line."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat
from tests.e2e.test_chat_store_rules import cart_lines


@pytest.mark.parametrize("remove, left", [("remove 1 maggi", "× 2"), ("take out one maggi", "× 2"),
                                          ("एक मैगी हटा दो", "× 2"), ("remove 3 maggi", None), ("remove maggi", None)])
async def test_a_count_said_with_a_removal_takes_that_many_out(client, services, remove, left):
    chat = Chat(client)
    await chat.send("3 maggi")
    await chat.send(remove)
    cart = await chat.send("cart")
    if left is None:
        assert await cart_lines(services) == 0, cart
    else:
        assert f"Maggi Masala Noodles 70g {left}" in cart, cart


@pytest.mark.parametrize("first, scale, line", [
    ("3 kg atta", "atta double kar do", "× 6 kg"),
    ("4 maggi", "maggi aadha kar do", "Maggi Masala Noodles 70g × 2"),
    ("2 kg cheeni", "चीनी आधी कर दो", "× 1 kg"),
])
async def test_a_factor_said_for_a_line_scales_it(client, first, scale, line):
    chat = Chat(client)
    await chat.send(first)
    await chat.send(scale)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 1, f"{scale!r}: {cart}"
