"""Corrections as customers make them: a new amount, a refused amount, everything out."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat


@pytest.mark.parametrize("correction", ["maggi 2 nahi 3", "nahi maggi 3 kar do", "maggi 3 kar do", "not 2, 3 maggi"])
async def test_a_corrected_amount_replaces_the_old_one(client, correction):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send(correction)
    cart = await chat.send("cart")
    assert "Maggi Masala Noodles 70g × 3" in cart, f"{correction!r}: {cart}"


async def test_a_corrected_weight_replaces_the_old_one(client):
    chat = Chat(client)
    await chat.send("2 kilo atta")
    await chat.send("atta 2 nahi 3 kilo")
    assert "× 3 kg" in await chat.send("cart")


@pytest.mark.parametrize("clear", ["sab hata do", "सब हटा दो", "remove everything", "எல்லாத்தையும் நீக்குங்க",
                                   "সব বাদ দিন"])
async def test_everything_out_empties_the_cart(client, clear):
    chat = Chat(client)
    await chat.send("2 maggi aur 1 kilo cheeni")
    reply = await chat.send(clear)
    assert "Maggi" not in await chat.send("cart"), f"{clear!r}: {reply}"


async def test_cash_before_the_checkout_starts_it_and_is_not_asked_again(client):
    chat = Chat(client)
    await chat.send("1 tata salt")
    await chat.send("cash on delivery")
    assert chat.button_ids() == ["yes", "no"]
    await chat.send("yes")
    placed = await chat.send("House 9, Gandhi Nagar, Jaipur 302001")
    assert "#1001" in placed


async def test_the_malayalam_label_of_place_order_typed_starts_the_checkout(client):
    chat = Chat(client)
    await chat.send("രണ്ട് കിലോ പഞ്ചസാര")
    label = next(b["title"] for b in chat.buttons if b["id"] == "checkout")
    await chat.send(label)
    assert chat.button_ids() == ["yes", "no"]
