""""No" / "nothing else" after items were added answers the "anything else?" every added line implies: the
cart is shown to confirm, in the customer's language (through the web chat)."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders


@pytest.mark.parametrize("items, done, confirm", [
    ("2 maggi", "nothing else", "Shall I place"),
    ("2 maggi", "no", "Shall I place"),
    ("2 maggi", "aur kuch nahi", "place kar doon"),
    ("২টো ম্যাগি", "আর কিছু না", "অর্ডারটা করে দেব"),
    ("2 മാഗി", "വേറെ ഒന്നും വേണ്ട", "₹"),
])
async def test_nothing_else_after_items_asks_to_confirm_the_cart(client, services, items, done, confirm):
    chat = Chat(client)
    await chat.send(items)
    asked = await chat.send(done)
    assert confirm in asked, asked
    assert "Maggi" in asked, asked  # the cart's line, by the catalog's name
    await chat.send("yes")
    await chat.send("Flat 4, Shanti Niwas, MG Road, Pune 411001")
    placed = await chat.send("cash")
    assert "#1001" in placed, placed
    [order] = await orders(services)
    assert order.payment_method == "cod"


async def test_no_with_an_empty_cart_is_not_a_checkout(client, services):
    chat = Chat(client)
    reply = await chat.send("no")
    assert "place" not in reply.lower(), reply
    assert await orders(services) == []
