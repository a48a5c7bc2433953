"""Whole-chat turns about what was just said: "which one?" answered in words, "make it 3", "the bigger one",
one drink instead of another in the same size, a bare "oil" or "dal" asked about."""
import pytest

from tests.e2e.shops import make_shop
from tests.e2e.test_chat_checkout_dialogue import Chat

SHOP_CSV = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SOYA-1,Fortune Soyabean Oil 1 L Pouch,Fortune,oil,l,1,138,,50
MUSTARD-1,Fortune Kachi Ghani Mustard Oil 1 L,Fortune,oil,l,1,182,,50
SUNFLOWER-1,Saffola Sunflower Oil 1 L,Saffola,oil,l,1,160,,50
MASOOR-LOOSE,"Masoor Dal (loose, per kg)",,dal,kg,1,105,,50
CHANA-LOOSE,"Chana Dal (loose, per kg)",,dal,kg,1,92,,50
ATTA-LOOSE,"Wheat Atta (loose, per kg)",,staples,kg,1,42,,50
AASH-ATTA-5,Aashirvaad Atta 5 kg,Aashirvaad,staples,kg,5,275,,50
COKE-750,Coca-Cola 750 ml,Coca-Cola,beverages,ml,750,40,,50
COKE-2250,Coca-Cola 2.25 L,Coca-Cola,beverages,ml,2250,100,,50
THUMSUP-750,Thums Up 750 ml,Thums Up,beverages,ml,750,40,,50
THUMSUP-2250,Thums Up 2.25 L,Thums Up,beverages,ml,2250,100,,50
PARLEG-50,Parle-G Gluco Biscuits 50 g,Parle,biscuits,g,50,5,,50
PARLEG-250,Parle-G Gluco Biscuits 250 g,Parle,biscuits,g,250,25,,50
PARLEG-800,Parle-G Gluco Biscuits 800 g,Parle,biscuits,g,800,85,,50
HIDESEEK-100,Parle Hide & Seek Chocolate Cookies 100 g,Parle,biscuits,g,100,30,,50
BOURBON-150,Britannia Bourbon 150 g,Britannia,biscuits,g,150,35,,50
"""


@pytest.fixture
async def shop(sessions, tmp_path):
    return await make_shop(sessions, tmp_path, SHOP_CSV)


@pytest.mark.parametrize("ask, answer, line", [
    ("oil chahiye", "fortune mustard", "Fortune Kachi Ghani Mustard Oil 1 L × 1"),
    ("तेल चाहिए", "सरसों वाला", "Fortune Kachi Ghani Mustard Oil 1 L × 1"),
    ("তেল", "সাফোলা", "Saffola Sunflower Oil 1 L × 1"),
    ("1 kg dal", "masoor", "Masoor Dal (loose, per kg) × 1 kg"),
    ("dal bhi", "chana, 2 kg", "Chana Dal (loose, per kg) × 2 kg"),
])
async def test_a_bare_kind_is_asked_about_and_a_worded_answer_is_understood(client, ask, answer, line):
    chat = Chat(client)
    asked = await chat.send(ask)
    assert [b["id"] for b in chat.buttons][:2] == ["pick:1", "pick:2"], asked
    await chat.send(answer)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 1, f"{ask!r} / {answer!r}: {cart}"


async def test_an_amount_only_loose_goods_make_is_no_question(client):
    chat = Chat(client)
    reply = await chat.send("2 kilo aata")
    assert "pick:1" not in chat.button_ids(), reply


@pytest.mark.parametrize("count, packs", [("make it 3", 3), ("teen kar do", 3), ("दो कर दो", 2),
                                          ("দুটো করে দিন", 2), ("2 చేయండి", 2), ("ਦੋ ਕਰ ਦਿਓ", 2)])
async def test_a_bare_count_sets_the_line_just_added(client, count, packs):
    chat = Chat(client)
    await chat.send("1 bourbon")
    await chat.send("parle g 250 g")
    await chat.send(count)
    cart = await chat.send("cart")
    assert f"Parle-G Gluco Biscuits 250 g × {packs}" in cart and "Bourbon 150 g × 1" in cart, f"{count!r}: {cart}"


async def test_a_bare_count_at_the_confirm_question_changes_the_only_line_and_asks_again(client):
    chat = Chat(client)
    await chat.send("1 bourbon")
    await chat.send("order")
    reply = await chat.send("make it 4")
    assert "× 4" in reply and chat.button_ids() == ["yes", "no"], reply


@pytest.mark.parametrize("swap", ["coke mat do, thums up chahiye", "coke ko thums up kar do", "change the coke to thums up",
                                  "கோக் வேண்டாம், தம்ஸ் அப் குடுங்க"])
async def test_a_drink_instead_of_another_comes_in_the_same_size_and_count(client, swap):
    chat = Chat(client)
    await chat.send("2 coke 750 ml")
    await chat.send(swap)
    cart = await chat.send("cart")
    assert "Thums Up 750 ml × 2" in cart and "Coca-Cola" not in cart, f"{swap!r}: {cart}"


@pytest.mark.parametrize("bigger", ["not that one, the bigger bottle", "बड़ा वाला"])
async def test_the_bigger_one_swaps_the_line_just_added_for_the_big_pack(client, bigger):
    chat = Chat(client)
    await chat.send("1 coca cola 750 ml")
    await chat.send(bigger)
    cart = await chat.send("cart")
    assert "Coca-Cola 2.25 L × 1" in cart and "750 ml" not in cart, f"{bigger!r}: {cart}"


async def test_the_big_one_answers_which_pack(client):
    chat = Chat(client)
    await chat.send("parle g ka ek packet")
    await chat.send("bada wala")
    assert "Parle-G Gluco Biscuits 800 g × 1" in await chat.send("cart")


async def test_a_name_with_and_in_it_is_one_item(client):
    chat = Chat(client)
    await chat.send("ek bourbon aur ek hide and seek")
    cart = await chat.send("cart")
    assert "Hide & Seek Chocolate Cookies 100 g × 1" in cart, cart


@pytest.mark.parametrize("number,shown", [("4", "× 4"), ("৪", "× 4"), ("३", "× 3")])
async def test_a_number_typed_alone_after_an_add_is_how_many_of_that_line(client, number, shown):
    chat = Chat(client)
    await chat.send("1 bourbon")
    await chat.send("2 hide and seek")
    await chat.send(number)
    cart = await chat.send("cart")
    assert f"Hide & Seek Chocolate Cookies 100 g {shown}" in cart and "Bourbon 150 g × 1" in cart, f"{number!r}: {cart}"


@pytest.mark.parametrize("ask, answer, line", [
    ("3 parle g", "250 g wala", "Parle-G Gluco Biscuits 250 g × 3"),
    ("दो तेल", "सरसों वाला 1 लीटर", "Fortune Kachi Ghani Mustard Oil 1 L × 2"),
    ("2 tel", "fortune mustard 1 litre", "Fortune Kachi Ghani Mustard Oil 1 L × 2"),
    ("2 oil", "saffola 1 litre", "Saffola Sunflower Oil 1 L × 2"),
])
async def test_one_packs_size_in_the_answer_to_which_one_keeps_the_count_asked(client, ask, answer, line):
    chat = Chat(client)
    await chat.send(ask)
    await chat.send(answer)
    cart = await chat.send("cart")
    assert line in cart and cart.count(" × ") == 1, f"{ask!r} / {answer!r}: {cart}"


async def test_an_amount_of_several_packs_in_the_answer_is_the_amount(client):
    chat = Chat(client)
    await chat.send("3 oil")
    await chat.send("saffola 2 litre")  # two 1 L packs, not a size
    assert "Saffola Sunflower Oil 1 L × 2" in await chat.send("cart")


@pytest.mark.parametrize("other, line", [
    ("1 kg masoor dal aur ek flurbo", "Masoor Dal (loose, per kg) × 1 kg"),
    ("एक किलो चना दाल और दो झुमरू", "चना दाल × 1 kg"),
])
async def test_an_amount_of_a_product_at_which_one_goes_in_though_a_word_is_unknown(client, other, line):
    chat = Chat(client)
    await chat.send("oil chahiye")
    reply = await chat.send(other)
    assert "pick:1" in chat.button_ids(), reply  # the oil is asked about again
    cart = await chat.send("cart")
    assert line in cart, f"{other!r}: {cart}"
