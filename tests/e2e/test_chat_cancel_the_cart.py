""""Cancel" with nothing placed to cancel means the cart: it is emptied, so its lines never reach a later order.
A placed order that can still be cancelled is asked about, as before."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders
from tests.e2e.test_chat_store_rules import cart_lines

ADDRESS = "Flat 4, Shanti Niwas, MG Road, Pune"


@pytest.mark.parametrize("cancel", ["cancel everything", "sab cancel kar do", "सब कैंसिल कर दो",
                                    "எல்லாம் கேன்சல் பண்ணுங்க", "ಎಲ್ಲಾ ಕ್ಯಾನ್ಸಲ್ ಮಾಡಿ"])
async def test_cancel_with_a_cart_and_no_order_empties_the_cart(client, services, cancel):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("1 kg atta")
    reply = await chat.send(cancel)
    assert await cart_lines(services) == 0
    assert "#" not in reply  # no order talked about


async def test_items_after_cancelling_the_cart_are_the_only_ones_ordered(client, services):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("cancel")
    for text in ("1 kg sugar", "order", "yes", ADDRESS, "cash"):
        await chat.send(text)
    [order] = await orders(services)
    assert [i.sku for i in order.items] == ["SUGAR-LOOSE"]


async def test_cancel_after_placing_asks_about_the_order_and_keeps_a_new_cart(client, services):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes", ADDRESS, "cash", "1 kg sugar"):
        await chat.send(text)
    number = (await orders(services))[0].number
    reply = await chat.send("cancel")
    assert f"#{number}" in reply and "yes" in chat.button_ids()
    assert await cart_lines(services) == 1
