"""The address and the way to pay in one message: the order is placed with both, and the address is saved
without the payment words (through the web chat)."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders


@pytest.mark.parametrize("message,street", [
    ("Flat 4, Shanti Niwas, MG Road, Pune 411001, cash", "Shanti Niwas"),
    ("COD - 8 Rash Behari Avenue, Kolkata 700026", "Rash Behari"),
    ("मकान 7, शास्त्री नगर, मेरठ, कैश", "शास्त्री नगर"),
])
async def test_an_address_with_cash_at_the_address_question_places_the_order(client, services, message, street):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes"):
        await chat.send(text)
    placed = await chat.send(message)
    assert "#10" in placed, f"{message!r}: {placed}"
    order = (await orders(services))[-1]
    assert order.payment_method == "cod" and street in order.delivery_address
    assert "cash" not in order.delivery_address.lower() and "कैश" not in order.delivery_address


async def test_an_address_with_cash_before_the_checkout_is_not_asked_again(client, services):
    chat = Chat(client)
    await chat.send("3 maggi")
    asked = await chat.send("House 12, 5th Cross, Indiranagar, Bengaluru 560038, cash on delivery")
    assert "Shall I place" in asked or "place this order" in asked, asked
    placed = await chat.send("yes")
    assert "#1001" in placed, placed
    [order] = await orders(services)
    assert order.payment_method == "cod" and order.delivery_address.endswith("560038")


@pytest.mark.parametrize("question", ["why do you need my address?", "address kyun chahiye?", "is delivery free?"])
async def test_a_question_at_the_address_step_is_not_taken_as_the_address(client, services, question):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes"):
        await chat.send(text)
    await chat.send(question)
    await chat.send("House 9, Gandhi Nagar, Jaipur")
    await chat.send("cash")
    [order] = await orders(services)
    assert order.delivery_address == "House 9, Gandhi Nagar, Jaipur", f"{question!r}: {order.delivery_address}"


@pytest.mark.parametrize("message, street", [
    ("4, மேல ரத வீதி, தஞ்சாவூர். கேஷ் தரேன்", "தஞ்சாவூர்"),
    ("৩ নং বেলেঘাটা মেন রোড, কলকাতা। ক্যাশ দেব", "বেলেঘাটা"),
    ("૨, કારેલીબાગ, વડોદરા. કેશ આપીશ", "કારેલીબાગ"),
    ("9, Koregaon Park, Pune. I'll pay cash", "Koregaon Park"),
])
async def test_an_address_without_a_street_word_then_a_payment_sentence_places_the_order(
        client, services, message, street):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes"):
        await chat.send(text)
    await chat.send(message)
    [order] = await orders(services)
    assert order.payment_method == "cod" and street in order.delivery_address
