"""A "which one?" left open while the customer says something else is asked again, and still answered later
(through the web chat, with the shop of tests/e2e/conftest.py: two Amul Butter packs)."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders

WHICH_BUTTER = "Amul Butter 500g"  # an option of the question: it is asked (again) when this is in the reply


@pytest.mark.parametrize("other", ["and 3 maggi", "aur 3 maggi bhi", "और 3 मैगी", "3 மேகி கூட"])
async def test_a_new_item_at_which_one_goes_in_and_the_question_comes_back(client, other):
    chat = Chat(client)
    assert WHICH_BUTTER in await chat.send("2 amul butter")
    again = await chat.send(other)
    assert "Maggi" in again and WHICH_BUTTER in again, f"{other!r}: {again}"
    await chat.send("2")
    cart = await chat.send("cart")
    assert "Maggi Masala Noodles 70g × 3" in cart and "Amul Butter 500g × 2" in cart, f"{other!r}: {cart}"


@pytest.mark.parametrize("other", ["cart", "maggi hata do", "remove the salt", "hi"])
async def test_another_request_at_which_one_is_done_and_the_question_asked_again(client, other):
    chat = Chat(client)
    await chat.send("3 maggi aur 1 tata salt")
    assert WHICH_BUTTER in await chat.send("1 amul butter")
    again = await chat.send(other)
    assert WHICH_BUTTER in again, f"{other!r}: {again}"
    await chat.send("1")
    assert "Amul Butter 100g × 1" in await chat.send("cart"), other


@pytest.mark.parametrize("word", ["ok", "haan ji", "ஆமா", "theek hai"])
async def test_a_bare_yes_at_which_one_asks_again_instead_of_going_to_the_checkout(client, word):
    chat = Chat(client)
    await chat.send("3 maggi")
    await chat.send("amul butter")
    again = await chat.send(word)
    assert "pick:2" in chat.button_ids() and "Shall I place" not in again, f"{word!r}: {again}"
    await chat.tap(2)
    assert "Amul Butter 500g × 1" in await chat.send("cart"), word


@pytest.mark.parametrize("refusal", ["no", "nahi rehne do", "नहीं", "வேண்டாம்"])
async def test_no_at_which_one_leaves_that_product_out_and_keeps_the_rest(client, refusal):
    chat = Chat(client)
    await chat.send("amul butter aur 2 tata salt")
    reply = await chat.send(refusal)
    assert "pick:1" not in chat.button_ids(), f"{refusal!r}: {reply}"
    cart = await chat.send("cart")
    assert "Tata Salt 1kg × 2" in cart and "Butter" not in cart, f"{refusal!r}: {cart}"


@pytest.mark.parametrize("question", ["kitne ka hai?", "how much?", "कितने का है?"])
async def test_a_price_question_at_which_one_prices_the_options_and_the_question_stays(client, question):
    chat = Chat(client)
    await chat.send("amul butter")
    answer = await chat.send(question)
    assert "₹60" in answer and "₹285" in answer and "pick:2" in chat.button_ids(), f"{question!r}: {answer}"
    await chat.send("2")
    assert "Amul Butter 500g × 1" in await chat.send("cart"), question


@pytest.mark.parametrize("addition", ["amul butter bhi", "and amul butter", "अमूल बटर भी"])
async def test_a_which_one_asked_mid_checkout_is_answered_then_the_new_total_confirmed(client, services, addition):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("order")
    asked = await chat.send(addition)
    assert WHICH_BUTTER in asked and "pick:1" in chat.button_ids(), f"{addition!r}: {asked}"
    confirmed = await chat.send("1")
    assert chat.button_ids() == ["yes", "no"] and "₹88" in confirmed, f"{addition!r}: {confirmed}"  # confirm again
    await chat.send("yes")
    await chat.send("House 9, Gandhi Nagar, Jaipur")
    await chat.send("cash")
    [order] = await orders(services)
    assert sorted(i.qty_milli for i in order.items) == [1000, 2000], addition


@pytest.mark.parametrize("answer,sku_name", [("koi bhi chalega", "Amul Butter 100g"), ("any one is fine", "Amul Butter 100g"),
                                             ("सबसे सस्ता वाला", "Amul Butter 100g")])
async def test_any_or_the_cheapest_at_which_one_hands_one_over(client, answer, sku_name):
    chat = Chat(client)
    await chat.send("amul butter")
    await chat.send(answer)
    assert f"{sku_name} × 1" in await chat.send("cart"), answer


@pytest.mark.parametrize("swap", ["maggi nahi, tata salt do", "tata salt instead of maggi", "मैगी नहीं, टाटा नमक दो"])
async def test_a_swap_of_a_cart_line_at_which_one_is_made_and_the_question_comes_back(client, swap):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("amul butter")
    again = await chat.send(swap)
    assert WHICH_BUTTER in again, f"{swap!r}: {again}"
    await chat.send("2")
    cart = await chat.send("cart")
    assert "Tata Salt 1kg × 2" in cart and "Maggi" not in cart and "Amul Butter 500g × 1" in cart, f"{swap!r}: {cart}"
