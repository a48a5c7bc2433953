"""Short answers that change what was just asked about: a size word for "which one?", a refusal and an amount."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat


@pytest.mark.parametrize("answer, kept", [("the small one", "Amul Butter 100g"), ("chota wala", "Amul Butter 100g"),
                                          ("the big one", "Amul Butter 500g")])
async def test_a_size_word_answers_which_one(client, answer, kept):
    chat = Chat(client)
    await chat.send("1 amul butter aur 1 tata salt")
    await chat.send(answer)
    cart = await chat.send("cart")
    assert f"{kept} × 1" in cart and "Tata Salt" in cart, f"{answer!r}: {cart}"


@pytest.mark.parametrize("correction", ["nahi nahi 2 kg hi", "no no, just 2 kg", "नहीं 2 किलो"])
async def test_a_refusal_and_an_amount_set_the_line_just_added(client, correction):
    chat = Chat(client)
    await chat.send("3 kilo cheeni")
    await chat.send(correction)
    cart = await chat.send("cart")
    assert "× 2 kg" in cart and "× 3 kg" not in cart and "5 kg" not in cart, f"{correction!r}: {cart}"
