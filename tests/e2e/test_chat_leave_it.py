""""Leave it" ("chhodo", "rehne do sab", "ಬೇಡ, ಬಿಟ್ಟುಬಿಡಿ", "forget it") at the confirm question, at a later checkout
step or after items went in: no order is placed, the cart is kept and the customer is told so."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders

LEAVE = ["chhodo", "rehne do yaar", "छोड़ दो, अभी नहीं", "ಬೇಡ, ಬಿಟ್ಟುಬಿಡಿ", "வேண்டாம், விட்டுடுங்க", "থাক, এখন না",
         "forget it", "ਰਹਿਣ ਦਿਓ", "રહેવા દો", "राहू द्या"]


@pytest.mark.parametrize("leave", LEAVE)
async def test_leave_it_at_the_confirm_question_places_nothing_and_keeps_the_cart(client, services, leave):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("order")
    await chat.send(leave)
    await chat.send("yes")  # a later yes starts the checkout again, it places nothing at once
    cart = await chat.send("cart")
    assert "× 2 kg" in cart, f"{leave!r}: {cart}"
    assert not await orders(services), f"{leave!r} placed an order"


@pytest.mark.parametrize("leave", LEAVE[:6])
async def test_leave_it_after_items_went_in_adds_nothing_and_keeps_the_cart(client, leave):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    reply = await chat.send(leave)
    assert chat.button_ids() != ["yes", "no"], f"{leave!r} asked to place: {reply}"
    cart = await chat.send("cart")
    assert "× 2 kg" in cart and cart.count(" × ") == 1, f"{leave!r}: {cart}"


async def test_leave_it_at_the_address_question_stops_the_checkout(client, services):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("order")
    await chat.send("yes")
    await chat.send("chhodo abhi")
    await chat.send("cash")
    assert not await orders(services)
    assert "× 2 kg" in await chat.send("cart")


async def test_a_product_to_leave_out_is_still_a_removal(client):
    chat = Chat(client)
    await chat.send("2 kg sugar and 1 kg atta")
    await chat.send("atta rehne do")
    cart = await chat.send("cart")
    assert cart.count(" × ") == 1 and "× 2 kg" in cart, cart


@pytest.mark.parametrize("leave", ["sugar chhodo", "चीनी रहने दो"])
async def test_a_product_then_leave_it_takes_that_product_out(client, leave):
    chat = Chat(client)
    await chat.send("1 kg atta")
    await chat.send("2 kg sugar")
    await chat.send(leave)
    cart = await chat.send("cart")
    assert cart.count(" × ") == 1 and "Atta" in cart, f"{leave!r}: {cart}"
