"""The checkout never loses the customer: every answer at every step has a meaning (through the web chat)."""
from __future__ import annotations

import itertools

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from vyaparai.db.models import Customer, Order

_sessions = itertools.count(1)


class Chat:
    """One customer's web-chat session: send text or tap a button of the last reply, read what came back."""

    def __init__(self, client):
        self.client = client
        self.session = f"dialogue-{next(_sessions):04d}"
        self.buttons: list[dict] = []

    async def send(self, text: str = "", *, button: str | None = None) -> str:
        body = {"session": self.session, "text": text}
        if button:
            body["button"] = button
        resp = await self.client.post("/api/chat/SHOP1", json=body)
        assert resp.status == 200, await resp.text()
        replies = (await resp.json())["replies"]
        with_buttons = [r for r in replies if r["buttons"]]
        self.buttons = with_buttons[-1]["buttons"] if with_buttons else []
        return "\n".join(r["text"] for r in replies)

    async def tap(self, n: int) -> str:
        b = self.buttons[n - 1]
        return await self.send(b["title"], button=b["id"])

    def button_ids(self) -> list[str]:
        return [b["id"] for b in self.buttons]


async def orders(services) -> list[Order]:
    async with services.sessions() as s:
        return list((await s.scalars(select(Order).order_by(Order.number).options(selectinload(Order.items)))).all())


async def to_payment_step(chat: Chat) -> None:
    await chat.send("2 kg atta and 1 maggi please")
    await chat.send("order")
    await chat.send("yes")
    asked = await chat.send("Flat 4, Shanti Niwas, MG Road, Pune")
    assert "pay:cod" in chat.button_ids(), asked


async def test_a_yes_word_at_the_payment_question_never_drops_the_checkout(client, services):
    # The store takes cash only, so "ok" at "how will you pay? [Cash on delivery]" takes the one way offered.
    for word in ("ok", "haan", "हाँ", "ঠিক আছে", "હા"):
        chat = Chat(client)
        await to_payment_step(chat)
        placed = await chat.send(word)
        assert "#10" in placed, f"{word!r} lost the checkout: {placed}"
    assert [o.payment_method for o in await orders(services)] == ["cod"] * 5


async def test_an_answer_that_fits_no_payment_gets_the_payment_question_again(client, services):
    chat = Chat(client)
    await to_payment_step(chat)
    for text in ("kal subah", "🙏", "what?"):
        again = await chat.send(text)
        assert "pay:cod" in chat.button_ids(), f"{text!r} lost the checkout: {again}"
    assert "#1001" in await chat.send("cash")


async def test_a_greeting_mid_checkout_is_answered_and_the_step_asked_again(client, services):
    chat = Chat(client)
    await chat.send("3 maggi")
    await chat.send("order")
    reply = await chat.send("hi")
    assert "Gupta General Store" in reply
    assert chat.button_ids() == ["yes", "no"]  # still confirming the order
    await chat.send("yes")
    await chat.send("House 9, Gandhi Nagar, Jaipur")
    assert "#1001" in await chat.send("cod")


async def test_cancel_during_checkout_ends_the_checkout_and_keeps_the_cart(client, services):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("order")
    await chat.send("yes")
    stopped = await chat.send("cancel")
    assert "no orders" not in stopped.lower()
    assert "cart is still here" in stopped
    assert "× 2" in await chat.send("cart")
    assert await orders(services) == []


async def test_cash_at_the_confirm_step_picks_the_payment_and_skips_asking_it(client, services):
    chat = Chat(client)
    await chat.send("1 kg cheeni")
    await chat.send("order")
    await chat.send("cash on delivery")
    placed = await chat.send("12 Park Street, Kolkata 700016")
    assert "#1001" in placed and "pay:cod" not in chat.button_ids()
    [order] = await orders(services)
    assert order.payment_method == "cod" and "Park Street" in order.delivery_address


async def test_an_address_at_the_confirm_step_is_yes_and_the_address(client, services):
    chat = Chat(client)
    await chat.send("2 kg atta")
    await chat.send("order")
    asked = await chat.send("B-12, Shastri Nagar, Jaipur 302016")
    assert "pay:cod" in chat.button_ids(), asked
    await chat.send("cod")
    [order] = await orders(services)
    assert order.delivery_address.startswith("B-12")


async def test_an_address_in_an_indian_script_is_taken_as_the_address_not_products(client, services):
    chat = Chat(client)
    await chat.send("ಎರಡು ಕಿಲೋ ಸಕ್ಕರೆ")
    await chat.send("ಆರ್ಡರ್")
    await chat.tap(1)
    await chat.send("ಮನೆ ನಂ 12, 4ನೇ ಕ್ರಾಸ್, ಜಯನಗರ, ಬೆಂಗಳೂರು")
    assert "pay:cod" in chat.button_ids()
    await chat.tap(1)
    [order] = await orders(services)
    assert "ಜಯನಗರ" in order.delivery_address
    assert [i.sku for i in order.items] == ["SUGAR-LOOSE"]


async def test_typing_a_button_label_is_pressing_it_in_any_language(client, services):
    chat = Chat(client)
    await chat.send("இரண்டு கிலோ சர்க்கரை")
    await chat.send("ஆர்டர்")
    yes_label = next(b["title"] for b in chat.buttons if b["id"] == "yes")
    await chat.send(yes_label)  # typed, not tapped: the address is asked next
    await chat.send("Flat 2, Anna Nagar, Chennai 600040")
    assert "pay:cod" in chat.button_ids()
    cash_label = next(b["title"] for b in chat.buttons if b["id"] == "pay:cod")
    assert "#1001" in await chat.send(cash_label.upper())
    [order] = await orders(services)
    assert [i.sku for i in order.items] == ["SUGAR-LOOSE"]


async def test_the_reply_language_does_not_flip_on_a_short_english_word(client):
    chat = Chat(client)
    first = await chat.send("bhaiya 2 kilo cheeni bhej do")
    assert "kar diya" in first  # Hinglish
    assert "kar diya" in await chat.send("ok 1 maggi")
    assert "kar diya" in await chat.send("Tata Salt")


async def test_a_web_chat_order_asks_for_a_phone_number_and_keeps_it(client, services):
    chat = Chat(client)
    await chat.send("1 maggi")
    await chat.send("order")
    await chat.send("yes")
    await chat.send("House 9, Gandhi Nagar, Jaipur")
    placed = await chat.send("cod")
    assert "mobile number" in placed
    assert "10 digits" in await chat.send("98765")
    assert "+919876543210" in await chat.send("my number is 98765 43210")
    async with services.sessions() as s:
        phones = (await s.scalars(select(Customer.phone))).all()
    assert "919876543210" in phones


async def test_an_address_sent_before_the_checkout_is_kept_not_searched_for(client, services):
    chat = Chat(client)
    await chat.send("2 kg atta")
    reply = await chat.send("H.No 14, Sector 9, Rohini, Delhi 110085")
    assert "Noted your address" in reply and "not" not in reply.split("Noted")[0]
    assert chat.button_ids() == ["yes", "no"]  # the checkout started: confirm the cart
    asked = await chat.send("yes")
    assert "deliver to: H.No 14" in asked and chat.button_ids() == ["pay:cod"]  # not asked again
    await chat.send("cod")
    [order] = await orders(services)
    assert "Rohini" in order.delivery_address and [i.sku for i in order.items] == ["ATTA-LOOSE"]


async def test_an_address_given_with_the_items_is_used_at_the_checkout(client, services):
    chat = Chat(client)
    reply = await chat.send("address: 7 Lake Road, Udaipur. 1 kg cheeni aur 2 maggi")
    assert "7 Lake Road, Udaipur" in reply and "Maggi" in reply
    await chat.send("order")
    asked = await chat.send("yes")
    assert "yahan hogi: 7 Lake Road, Udaipur" in asked  # given a moment ago: used, and said (in Hinglish)
    await chat.send("cash")
    [order] = await orders(services)
    assert order.delivery_address == "7 Lake Road, Udaipur"
    assert sorted(i.sku for i in order.items) == ["MAGGI-70", "SUGAR-LOOSE"]


async def test_a_brand_the_shop_does_not_carry_is_said_and_offered_not_swapped(client, services):
    chat = Chat(client)
    reply = await chat.send("2 Nutralite butter")
    assert "don't have “nutralite”" in reply.lower()
    assert "Amul Butter 100g" in reply and all(i.startswith("pick:") for i in chat.button_ids())
    assert "cart is empty" in (await chat.send("cart")).lower()  # nothing went in on its own
    chat2 = Chat(client)
    await chat2.send("2 Nutralite butter")
    added = await chat2.tap(1)
    assert "Amul Butter" in added and "× 2" in await chat2.send("cart")


async def test_a_misspelt_product_of_the_shop_is_still_added_without_asking(client):
    chat = Chat(client)
    reply = await chat.send("3 magi")
    assert "Maggi Masala Noodles 70g" in reply and "don't have" not in reply


async def test_refusing_a_cart_item_and_naming_another_replaces_it(client):
    chat = Chat(client)
    await chat.send("3 amul butter 100g")
    swapped = await chat.send("amul butter nahi, tata namak do")
    assert "Removed Amul Butter 100g" in swapped or "hata" in swapped.lower()
    cart = await chat.send("cart")
    assert "Tata Salt 1kg × 3" in cart and "Amul Butter" not in cart  # the count chosen before carries over


async def test_a_replacement_with_its_own_amount_takes_that_amount(client):
    chat = Chat(client)
    await chat.send("2 maggi")
    await chat.send("maggi nahi, 1 kilo cheeni")
    cart = await chat.send("cart")
    assert "Maggi" not in cart and "Sugar (loose, per kg) × 1 kg" in cart


async def test_online_payment_is_not_offered_where_the_store_cannot_take_it_nor_swapped_silently(client, services):
    chat = Chat(client)
    await to_payment_step(chat)
    assert chat.button_ids() == ["pay:cod"]  # no gateway configured: cash is the only button
    asked = await chat.send("online")
    assert "can't take online payment" in asked and await orders(services) == []
    placed = await chat.send("ok")
    assert "#1001" in placed
    [order] = await orders(services)
    assert order.payment_method == "cod"


async def test_yes_after_the_cart_is_shown_goes_on_to_place_the_order(client, services):
    chat = Chat(client)
    await chat.send("2 maggi")
    confirm = await chat.send("yes")
    assert "Shall I place this order?" in confirm and chat.button_ids() == ["yes", "no"]


async def test_a_house_number_before_a_word_the_shop_does_not_sell_is_an_address(client, services):
    chat = Chat(client)
    await chat.send("1 kg cheeni")
    reply = await chat.send("৭ নম্বর, ঝিল রোড, কলকাতা")
    assert "don't have" not in reply and chat.button_ids() == ["yes", "no"]


async def test_money_handed_over_is_cash(client, services):
    chat = Chat(client)
    await to_payment_step(chat)
    assert "#1001" in await chat.send("paise de dunga delivery pe")
    [order] = await orders(services)
    assert order.payment_method == "cod"


async def test_a_refusal_of_something_not_in_the_cart_removes_nothing(client):
    chat = Chat(client)
    await chat.send("2 kilo atta")
    await chat.send("cheeni nahi, 2 maggi")
    cart = await chat.send("cart")
    assert "Wheat Atta" in cart and "Maggi Masala Noodles 70g × 2" in cart



async def test_instead_replaces_the_cart_line_with_the_same_count(client):
    chat = Chat(client)
    await chat.send("3 amul butter 100g")
    await chat.send("amul butter ki jagah tata namak")
    cart = await chat.send("cart")
    assert "Tata Salt 1kg × 3" in cart and "Amul Butter" not in cart


async def test_asking_how_to_pay_places_nothing_and_asks_again(client):
    chat = Chat(client)
    await chat.send("1 tata salt")
    await chat.send("order")
    await chat.send("yes")
    await chat.send("Flat 3, Shanti Apartments, Andheri West, Mumbai 400058")
    reply = await chat.send("how can I pay?")
    assert "#100" not in reply and "How will you pay?" in reply, reply
    assert "#1001" in await chat.send("cash")
