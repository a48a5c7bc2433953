"""At the address step, a message written as an address (comma-separated parts, no question mark) is the address,
even when a part sounds like a product or a price word; a list of goods with amounts still changes the cart."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders


async def to_address_step(chat: Chat, first: str = "2 maggi", confirm: str = "yes") -> None:
    for text in (first, "order", confirm):
        await chat.send(text)


@pytest.mark.parametrize("address", [
    "9, Butter Villa, Kothrud, Pune",
    "Villa 5, Maggi Meadows, Baner, Pune",
    "ঘর 3, মাখন ভিলা, সল্টলেক, কলকাতা",
    "22 MG Road, Kothrud",  # a number before a word like a product's: the road word makes it an address
])
async def test_an_address_written_as_parts_is_taken_and_the_order_placed(client, services, address):
    chat = Chat(client)
    await to_address_step(chat)
    await chat.send(address)
    assert "pay:cod" in chat.button_ids()  # the payment question: the address was taken
    await chat.send("cash")
    [order] = await orders(services)
    assert order.delivery_address == address and [i.sku for i in order.items] == ["MAGGI-70"]


async def test_goods_with_amounts_in_parts_still_change_the_cart_at_the_address_step(client, services):
    chat = Chat(client)
    await to_address_step(chat)
    reply = await chat.send("2 kg sugar, 1 kg atta, 1 salt")
    assert "Sugar" in reply and "Atta" in reply
    assert "pay:cod" not in chat.button_ids()


@pytest.mark.parametrize("wait", ["ek minute", "one sec, let me check", "2 min ruko", "এক মিনিট", "ஒரு நிமிஷம்",
                                  "ఒక్క నిమిషం"])
async def test_asking_for_a_moment_at_the_address_step_is_no_address(client, services, wait):
    chat = Chat(client)
    await to_address_step(chat)
    await chat.send(wait)
    assert "pay:cod" not in chat.button_ids()  # the address is asked again, not taken
    await chat.send("Flat 4, Shanti Niwas, MG Road, Pune")
    await chat.send("cash")
    [order] = await orders(services)
    assert order.delivery_address == "Flat 4, Shanti Niwas, MG Road, Pune"


@pytest.mark.parametrize("wish", ["kal subah tak chahiye", "deliver by 5pm pls", "main khud aake le jaunga",
                                  "নিজে এসে নিয়ে যাব", "நாளைக்கு காலையில கொடுங்க"])
async def test_a_time_wish_or_a_pickup_at_the_address_step_is_no_address(client, services, wish):
    chat = Chat(client)
    await to_address_step(chat)
    await chat.send(wish)
    assert "pay:cod" not in chat.button_ids()  # the address is asked again
    await chat.send("Flat 4, Shanti Niwas, MG Road, Pune")
    await chat.send("cash")
    [order] = await orders(services)
    assert order.delivery_address == "Flat 4, Shanti Niwas, MG Road, Pune"


@pytest.mark.parametrize("same", ["same as last time", "wahi purana address", "அதே அட்ரஸ்"])
async def test_the_same_address_as_last_time_is_the_saved_one(client, services, same):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune", "cash", "1 kg atta", "order",
                 "yes"):
        await chat.send(text)
    await chat.send(same)
    await chat.send("cash")
    first, second = await orders(services)
    assert second.delivery_address == "Flat 4, Shanti Niwas, MG Road, Pune"
