"""Whole-chat turns right after a line went in: the same product named again confirms it (nothing added), "one
more" / "ek aur" / "இன்னொரு" with no product adds to it, and a brand alone after a stock answer is read among
the products that answer was about."""
import pytest

from tests.e2e.shops import make_shop
from tests.e2e.test_chat_checkout_dialogue import Chat

SHOP_CSV = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SUN-1,Fortune Sunlite Refined Sunflower Oil 1 L Pouch,Fortune,oil,l,1,155,,50
SUN-5,Fortune Sunlite Refined Sunflower Oil 5 L Jar,Fortune,oil,l,5,760,,50
GW-SUN-1,Gold Winner Refined Sunflower Oil 1 L,Gold Winner,oil,l,1,150,,50
BREAD-W,Britannia White Bread 400 g,Britannia,bakery,g,400,45,,50
BREAD-B,Britannia Brown Bread 400 g,Britannia,bakery,g,400,55,,50
MAGGI-70,Maggi 2-Minute Masala Noodles 70 g,Maggi,noodles,g,70,14,,50
MAGGI-280,Maggi 2-Minute Masala Noodles 280 g (4 pack),Maggi,noodles,g,280,56,,50
AMUL-DAHI,Amul Masti Dahi 400 g,Amul,dairy,g,400,35,,50
MD-DAHI,Mother Dairy Classic Dahi 400 g,Mother Dairy,dairy,g,400,40,,50
AMUL-BUTTER,Amul Butter 100 g,Amul,dairy,g,100,58,,50
AMUL-GHEE,Amul Pure Ghee 1 L,Amul,ghee,l,1,640,,50
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,45,,50
"""


@pytest.fixture
async def shop(sessions, tmp_path):
    return await make_shop(sessions, tmp_path, SHOP_CSV)


@pytest.mark.parametrize("first, again, line", [
    ("3 britannia white bread", "britannia white", "Britannia White Bread 400 g × 3"),
    ("2 maggi 70 g", "maggi", "Maggi 2-Minute Masala Noodles 70 g × 2"),
    ("gold winner sunflower oil 1 litre", "sunflower wala 1 litre", "Gold Winner Refined Sunflower Oil 1 L × 1"),
    ("दो मैगी 70 ग्राम", "मैगी वाला", "Maggi 2-Minute Masala Noodles 70 g × 2"),
])
async def test_the_line_just_added_named_again_is_confirmed_not_added_again(client, first, again, line):
    chat = Chat(client)
    await chat.send(first)
    reply = await chat.send(again)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 1, f"{first!r} / {again!r}: {reply} / {cart}"


@pytest.mark.parametrize("more, packs", [("maggi bhi", 3), ("one more maggi", 3), ("aur ek maggi", 3),
                                         ("2 maggi", 4), ("दो मैगी और", 4), ("मैगी भी", 3)])
async def test_the_same_product_with_a_count_or_an_also_word_still_adds(client, more, packs):
    chat = Chat(client)
    await chat.send("2 maggi 70 g")
    await chat.send(more)
    cart = await chat.send("cart")
    assert f"Maggi 2-Minute Masala Noodles 70 g × {packs}" in cart, f"{more!r}: {cart}"


@pytest.mark.parametrize("more, packs", [("ek aur de do", 3), ("one more please", 3), ("aur ek", 3),
                                         ("do packet aur", 4), ("ek packet aur dena", 3), ("இன்னொரு குடுங்க", 3),
                                         ("আরেকটা দিন", 3), ("ಇನ್ನೊಂದು ಕೊಡಿ", 3), ("और एक दीजिए", 3)])
async def test_a_count_and_a_more_word_with_no_product_adds_to_the_line_just_added(client, more, packs):
    chat = Chat(client)
    await chat.send("1 britannia white bread")
    await chat.send("2 maggi 70 g")
    reply = await chat.send(more)
    assert "place" not in reply.lower() or "Maggi" in reply, f"{more!r} began the checkout: {reply}"
    cart = await chat.send("cart")
    assert f"Maggi 2-Minute Masala Noodles 70 g × {packs}" in cart and "White Bread 400 g × 1" in cart, \
        f"{more!r}: {cart}"


async def test_one_more_at_the_confirm_question_changes_the_total_and_asks_again(client):
    chat = Chat(client)
    await chat.send("2 maggi 70 g")
    await chat.send("order")
    reply = await chat.send("one more please")
    assert "× 3" in reply and chat.button_ids() == ["yes", "no"], reply


async def test_a_more_word_asking_for_nothing_adds_nothing(client):
    chat = Chat(client)
    await chat.send("2 maggi 70 g")
    await chat.send("aur batao")
    cart = await chat.send("cart")
    assert "Maggi 2-Minute Masala Noodles 70 g × 2" in cart, cart


@pytest.mark.parametrize("question, order", [("is there curd?", "give me 2 of the amul one"),
                                             ("dahi hai kya?", "amul wala do dena"),
                                             ("दही है?", "अमूल वाला दो दीजिए")])
async def test_a_brand_alone_after_a_stock_answer_is_that_brand_of_the_product_asked_about(client, question, order):
    chat = Chat(client)
    await chat.send(question)
    reply = await chat.send(order)
    cart = await chat.send("cart")
    assert "Amul Masti Dahi 400 g × 2" in cart and cart.count(" × ") == 1, f"{order!r}: {reply} / {cart}"


async def test_a_brand_alone_with_no_question_before_is_still_asked_about(client):
    chat = Chat(client)
    await chat.send("2 amul")
    assert chat.button_ids()[:2] == ["pick:1", "pick:2"]


@pytest.mark.parametrize("again", ["maggi", "मैगी"])
async def test_the_only_line_named_at_the_confirm_question_keeps_the_total_and_asks_again(client, again):
    chat = Chat(client)
    await chat.send("2 maggi 70 g")
    await chat.send("order")
    reply = await chat.send(again)
    assert "₹28" in reply and "₹42" not in reply and chat.button_ids() == ["yes", "no"], reply


@pytest.mark.parametrize("first, again, line", [
    ("2 britannia white bread and 3 maggi 70 g", "britannia white", "Britannia White Bread 400 g × 2"),
    ("ek kilo cheeni aur do maggi 70 g", "cheeni", "Sugar (loose, per kg) × 1 kg"),
])
async def test_a_line_the_last_message_added_named_again_is_confirmed_too(client, first, again, line):
    chat = Chat(client)
    await chat.send(first)
    reply = await chat.send(again)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 2, f"{first!r} / {again!r}: {reply} / {cart}"


async def test_a_line_added_by_an_earlier_message_named_again_is_added_to(client):
    chat = Chat(client)
    await chat.send("2 maggi 70 g")
    await chat.send("1 britannia white bread")
    await chat.send("maggi")
    assert "Maggi 2-Minute Masala Noodles 70 g × 3" in await chat.send("cart")
