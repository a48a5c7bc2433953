"""A question naming no product right after one about a product asks about that product; the size said picks its
pack, and an amount then orders it (through the web chat, the shop of tests/e2e/conftest.py)."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat


@pytest.mark.parametrize("first, price_q", [
    ("do you have amul butter?", "how much is the 500g one?"),
    ("amul butter hai kya?", "500 gram wala kitne ka hai?"),
    ("अमूल बटर है?", "500 ग्राम वाला कितने का है?"),
])
async def test_the_size_asked_about_after_a_stock_answer_gets_its_price(client, first, price_q):
    chat = Chat(client)
    await chat.send(first)
    answer = await chat.send(price_q)
    assert "₹285" in answer and "cart" not in answer.lower(), f"{price_q!r}: {answer}"


@pytest.mark.parametrize("first, price_q", [
    ("is amul butter there?", "how much?"),
    ("amul butter hai?", "kitne ka hai?"),
    ("அமுல் பட்டர் இருக்கா?", "விலை?"),
])
async def test_a_bare_price_question_after_a_stock_question_prices_that_product(client, first, price_q):
    chat = Chat(client)
    await chat.send(first)
    answer = await chat.send(price_q)
    assert "₹60" in answer and "₹285" in answer, f"{price_q!r}: {answer}"


@pytest.mark.parametrize("first, order", [
    ("do you have amul butter?", "give me 2 of the 500g"),
    ("amul butter hai kya?", "500 gram wala 2 de do"),
])
async def test_an_amount_with_a_size_after_the_answer_orders_that_pack(client, first, order):
    chat = Chat(client)
    await chat.send(first)
    await chat.send(order)
    cart = await chat.send("cart")
    assert "Amul Butter 500g × 2" in cart, f"{order!r}: {cart}"


@pytest.mark.parametrize("asked, yes, line", [
    ("ரெண்டு மேகி கிடைக்குமா?", "சரி, போடுங்க", "Maggi Masala Noodles 70g × 2"),
    ("రెండు మ్యాగీ దొరుకుతాయా?", "సరే", "Maggi Masala Noodles 70g × 2"),
    ("দুটো ম্যাগি পাওয়া যাবে?", "হ্যাঁ দিন", "Maggi Masala Noodles 70g × 2"),
    ("tata salt hai?", "ok de do", "Tata Salt 1kg × 1"),
    ("2 kg cheeni kitne ki hai?", "theek hai", "Sugar (loose, per kg) × 2 kg"),
])
async def test_a_yes_after_a_stock_answer_takes_the_product_asked_about(client, asked, yes, line):
    chat = Chat(client)
    await chat.send(asked)
    await chat.send(yes)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 1, f"{asked!r} / {yes!r}: {cart}"


async def test_a_yes_after_a_bare_price_answer_adds_nothing(client, services):
    chat = Chat(client)
    await chat.send("maggi kitne ki hai?")
    await chat.send("ok")
    assert "×" not in await chat.send("cart")


async def test_a_yes_at_the_confirm_step_after_a_stock_question_confirms_the_order(client, services):
    chat = Chat(client)
    for text in ("2 kg atta", "order", "tata salt hai?"):
        await chat.send(text)
    reply = await chat.send("yes")
    assert "Where should we deliver?" in reply and "Tata Salt" not in reply


@pytest.mark.parametrize("message", ["2 maggi de do, aur atta kitne ka hai?", "how much is atta? also add 2 maggi"])
async def test_goods_and_a_price_question_in_one_message_add_the_goods_and_give_the_price(client, services, message):
    chat = Chat(client)
    reply = await chat.send(message)
    assert "₹42" in reply, reply  # the loose atta's price per kg
    cart = await chat.send("cart")
    assert "Maggi Masala Noodles 70g × 2" in cart and cart.count(" × ") == 1, cart
