"""One message that takes a product out and puts another in: both happen, each at its own amount."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat


@pytest.mark.parametrize("change", [
    "maggi hata do, 2 kilo cheeni",
    "remove the maggi and add 2 kg sugar",
    "मैगी हटा दो और 2 किलो चीनी भेज दो",
    "ম্যাগি বাদ দিন, ২ কেজি চিনি দিন",
])
async def test_the_removed_line_goes_and_the_added_one_comes_in(client, change):
    chat = Chat(client)
    await chat.send("3 maggi aur 1 tata salt")
    await chat.send(change)
    cart = await chat.send("cart")
    assert "Maggi" not in cart, f"{change!r}: {cart}"
    assert "Tata Salt" in cart and "× 2 kg" in cart, f"{change!r}: {cart}"


async def test_amounts_said_with_every_removal_remove_them_all(client):
    chat = Chat(client)
    await chat.send("3 maggi aur 1 tata salt aur 1 parle g")
    await chat.send("remove 3 maggi and 1 parle g")
    cart = await chat.send("cart")
    assert "Maggi" not in cart and "Parle" not in cart and "Tata Salt" in cart, cart


@pytest.mark.parametrize("refusal", ["butter hata do", "remove the butter", "बटर हटा दो"])
async def test_refusing_the_product_asked_about_keeps_the_others_said_with_it(client, refusal):
    chat = Chat(client)
    asked = await chat.send("2 amul butter aur 1 tata salt")
    assert "Amul Butter 500g" in asked, asked  # which butter?
    await chat.send(refusal)
    cart = await chat.send("cart")
    assert "Tata Salt" in cart and "Butter" not in cart, f"{refusal!r}: {cart}"
