"""Questions about the shop's terms (delivery charge, minimum order, where and when it delivers, its hours) are
answered from what the store set, in the customer's language, and never cost the cart or the checkout step."""
from __future__ import annotations

import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders
from tests.e2e.test_chat_store_rules import MON_SAT_8_TO_21, Clock, cart_lines, set_rules

DIDNT = "didn't understand"


async def test_the_delivery_charge_is_the_one_the_store_set_with_its_free_above_amount(client, services):
    await set_rules(services, delivery_charge_paise=2500, free_delivery_above_paise=50000)
    reply = await Chat(client).send("delivery charge kitna hai?")
    assert "25" in reply and "500" in reply
    assert "Delivery charge" in reply and DIDNT not in reply


async def test_a_store_without_a_delivery_charge_says_delivery_is_free(client, services):
    chat = Chat(client)
    assert "Delivery is free at this shop." in await chat.send("is delivery free?")
    assert await cart_lines(services) == 0  # "free" is no product added


async def test_the_minimum_order_is_said_in_the_customers_script(client, services):
    await set_rules(services, min_order_paise=15000)
    reply = await Chat(client).send("कम से कम कितने का ऑर्डर करना पड़ेगा?")
    assert "150" in reply and "कम से कम" in reply


async def test_no_minimum_set_says_there_is_none_and_invents_no_figure(client, services):
    reply = await Chat(client).send("ন্যূনতম অর্ডার কত?")
    assert "কোনো ন্যূনতম অর্ডার নেই" in reply and "₹" not in reply


async def test_do_you_deliver_to_a_place_gives_the_radius_the_store_set(client, services):
    await set_rules(services, delivery_radius_km=3.0)
    reply = await Chat(client).send("do you deliver to Kothrud?")
    assert "within 3 km" in reply
    assert await cart_lines(services) == 0  # the place is no product


async def test_home_delivery_asked_in_tamil_is_answered_in_tamil(client, services):
    reply = await Chat(client).send("வீட்டுக்கு டெலிவரி உண்டா?")
    assert "வீட்டுக்கே டெலிவரி" in reply


async def test_delivery_time_promises_no_time_the_store_did_not_set(client, services):
    reply = await Chat(client).send("ಡೆಲಿವರಿ ಯಾವಾಗ ಆಗುತ್ತೆ?")
    assert "ನಿಗದಿತ ಸಮಯ ಇಟ್ಟಿಲ್ಲ" in reply


async def test_a_time_word_that_sounds_like_a_product_adds_nothing_to_a_delivery_question(client, services):
    reply = await Chat(client).send("డెలివరీ ఎంత సేపట్లో వస్తుంది?")
    assert "నిర్ణీత సమయం పెట్టలేదు" in reply
    assert await cart_lines(services) == 0


async def test_delivery_time_after_an_order_is_placed_tracks_that_order(client, services):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune", "cash"):
        await chat.send(text)
    number = (await orders(services))[0].number
    assert f"#{number}" in await chat.send("kab tak deliver karoge?")


async def test_hours_asked_give_todays_hours_while_open_and_the_opening_while_closed(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21)
    services.bot.clock = Clock(1, 11)  # Monday morning
    assert "08:00-21:00" in await Chat(client).send("shop kab khulti hai?")
    services.bot.clock = Clock(1, 22, 30)
    assert "opens tomorrow at 8:00" in await Chat(client).send("what time do you open?")


async def test_a_terms_question_at_the_payment_step_keeps_the_checkout(client, services):
    await set_rules(services, delivery_charge_paise=2000)
    chat = Chat(client)
    for text in ("3 maggi", "order", "haan", "Flat 4, Shanti Niwas, MG Road, Pune"):
        await chat.send(text)
    reply = await chat.send("delivery ka charge kitna lagega?")
    assert "20" in reply and "pay:cod" in chat.button_ids()  # answered, and the payment asked again
    await chat.send("cash")
    [order] = await orders(services)
    assert order.payment_method == "cod" and [i.sku for i in order.items] == ["MAGGI-70"]


async def test_a_terms_question_at_the_confirm_step_asks_to_confirm_again(client, services):
    chat = Chat(client)
    await chat.send("2 kg atta")
    await chat.send("order")
    reply = await chat.send("ఇంటికి డెలివరీ చేస్తారా?")
    assert "ఇంటికే డెలివరీ" in reply and "yes" in chat.button_ids()
    assert await cart_lines(services) == 1


async def test_an_order_with_a_delivery_word_is_still_an_order(client, services):
    chat = Chat(client)
    await chat.send("2 kg atta deliver kar do")
    assert await cart_lines(services) == 1


@pytest.mark.parametrize("pay", ["cash on delivery hai?", "cash on delivery milega?", "கேஷ் ஆன் டெலிவரி உண்டா?"])
async def test_asking_for_cash_on_delivery_at_the_payment_step_pays_cash(client, services, pay):
    chat = Chat(client)
    for text in ("3 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune"):
        await chat.send(text)
    await chat.send(pay)
    [order] = await orders(services)
    assert order.payment_method == "cod"


@pytest.mark.parametrize("message, answer", [
    ("do you deliver to Kothrud? I need 2 maggi", "we deliver to your home"),
    ("2 maggi bhej do, delivery charge kitna hai?", "Is dukaan se delivery free hai."),
    ("ரெண்டு மேகி போடுங்க, டெலிவரி சார்ஜ் எவ்வளவு?", "டெலிவரி இலவசம்"),
    ("দুটো ম্যাগি দিন, ডেলিভারি চার্জ কত?", "ডেলিভারি ফ্রি"),
])
async def test_a_terms_question_said_with_goods_is_answered_and_the_goods_go_in(client, services, message, answer):
    reply = await Chat(client).send(message)
    assert answer in reply
    assert await cart_lines(services) == 1
