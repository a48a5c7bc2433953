"""Changes of mind as customers type them: one product in the place of another, a 'no' before a new
amount, a size word with nothing to size (through the web chat)."""
import pytest

from tests.e2e.shops import make_shop
from tests.e2e.test_chat_checkout_dialogue import Chat, orders

SHOP_CSV = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
LUX-100,Lux Soft Touch Soap 100 g,Lux,soap,g,100,40,,50
SANTOOR-100,Santoor Sandal Soap 100 g,Santoor,soap,g,100,38,,50
ONION-LOOSE,"Onion (loose, per kg)",,veg,kg,1,40,,50
EGGS-LOOSE,"Eggs (loose, per piece)",,eggs,piece,1,7,,90
BADAM-LOOSE,"Badam / Almonds (loose, per kg)",,dry_fruits,kg,1,880,,20
SOYA-1,Fortune Soyabean Oil 1 L Pouch,Fortune,oil,l,1,138,,50
SUNFLOWER-1,Saffola Sunflower Oil 1 L,Saffola,oil,l,1,160,,50
GEMINI-1,Gemini Sunflower Oil 1 L,Gemini,oil,l,1,150,,50
FREEDOM-1,Freedom Sunflower Oil 1 L,Freedom,oil,l,1,152,,50
DHARA-1,Dhara Groundnut Oil 1 L,Dhara,oil,l,1,190,,50
SUNDROP-1,Sundrop Heart Oil 1 L,Sundrop,oil,l,1,175,,50
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,,90
LAYS-CLASSIC-50,Lay's Classic Salted 50 g,Lay's,snacks,g,50,20,,50
MEDIMIX-75,Medimix Ayurvedic Soap 75 g,Medimix,soap,g,75,35,,50
MEDIMIX-TEA-100,Medimix Herbal Tea 100 g,Medimix,beverages,g,100,60,,50
LAYS-CREAM-50,Lay's American Style Cream & Onion 50 g,Lay's,snacks,g,50,20,,50
LAYS-MAGIC-50,Lay's India's Magic Masala 50 g,Lay's,snacks,g,50,20,,50
"""


@pytest.fixture
async def shop(sessions, tmp_path):
    return await make_shop(sessions, tmp_path, SHOP_CSV, name="Kona Stores")


@pytest.mark.parametrize("swap", ["make the lux a santoor", "santoor instead of lux", "not lux, give santoor",
                                  "lux nahi, santoor do", "लक्स नको, संतूर द्या", "লাক্স নয়, সন্তুর দিন",
                                  "લક્સ નહીં, સંતૂર આપો"])
async def test_one_soap_in_the_place_of_another_keeps_the_count(client, swap):
    chat = Chat(client)
    await chat.send("3 lux soap")
    await chat.send(swap)
    cart = await chat.send("cart")
    assert "Santoor Sandal Soap 100 g × 3" in cart, f"{swap!r}: {cart}"
    assert "Lux" not in cart, f"{swap!r}: {cart}"


async def test_a_swap_with_a_count_of_its_own_takes_that_count(client):
    chat = Chat(client)
    await chat.send("3 lux soap")
    await chat.send("change the lux to santoor, 2")
    cart = await chat.send("cart")
    assert "Santoor Sandal Soap 100 g × 2" in cart and "Lux" not in cart, cart


@pytest.mark.parametrize("first, correction, line", [
    ("4 eggs", "no, 6 eggs", "× 6"),
    ("1 kilo pyaaz", "nahi, 3 kilo pyaaz", "× 3 kg"),
    ("1 கிலோ வெங்காயம்", "இல்ல, 2 கிலோ வெங்காயம்", "× 2 kg"),
    ("১ কেজি পেঁয়াজ", "না, ৩ কেজি পেঁয়াজ", "× 3 kg"),
])
async def test_a_no_then_an_amount_sets_the_line_instead_of_adding(client, first, correction, line):
    chat = Chat(client)
    await chat.send(first)
    await chat.send(correction)
    cart = await chat.send("cart")
    assert line in cart, f"{correction!r}: {cart}"


async def test_a_correction_of_one_line_still_adds_a_new_one_said_with_it(client):
    chat = Chat(client)
    await chat.send("4 eggs")
    await chat.send("no, 6 eggs and 2 kg sugar")
    cart = await chat.send("cart")
    assert "× 6" in cart and "Sugar" in cart, cart


@pytest.mark.parametrize("size", ["bada", "big one", "chota wala", "பெரியது"])
async def test_a_size_word_that_fits_no_option_asks_again_and_adds_no_almonds(client, size):
    chat = Chat(client)
    await chat.send("oil")  # two oils of one size: a size word picks neither
    reply = await chat.send(size)
    assert "Badam" not in reply, f"{size!r}: {reply}"
    assert chat.button_ids()[:1] == ["pick:1"], f"{size!r}: {reply}"
    await chat.send("1")
    cart = await chat.send("cart")
    assert "Badam" not in cart and "Oil" in cart, f"{size!r}: {cart}"


@pytest.mark.parametrize("size", ["bada", "big one"])
async def test_a_size_word_at_the_address_question_keeps_the_checkout(client, size):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("order")
    await chat.send("yes")
    reply = await chat.send(size)
    assert "Badam" not in reply, reply
    placed = await chat.send("House 21, Lotus Colony, Nashik")
    assert "Badam" not in placed, placed


@pytest.mark.parametrize("change, line", [("change the lux to santoor", "Santoor Sandal Soap 100 g × 2"),
                                          ("ek aur lux soap add karo", "Lux Soft Touch Soap 100 g × 3"),
                                          ("1 kg sugar bhi", "Sugar (loose, per kg) × 1 kg")])
async def test_a_cart_change_at_the_address_question_is_made_not_taken_for_the_address(client, services, change,
                                                                                      line):
    chat = Chat(client)
    await chat.send("2 lux soap")
    await chat.send("order")
    await chat.send("yes")
    reply = await chat.send(change)
    assert chat.button_ids() == ["yes", "no"], f"{change!r}: {reply}"  # the new total is confirmed
    await chat.send("yes")
    await chat.send("Plot 14, Anand Vihar, Bhopal")
    await chat.send("cash")
    placed = (await orders(services))[-1]
    assert "Anand Vihar" in placed.delivery_address, placed.delivery_address
    bought = {i.name: i.qty_milli // 1000 for i in placed.items}
    name, _, qty = line.rpartition(" × ")
    assert bought.get(name) == int(qty.split()[0]), f"{change!r}: {bought}"


async def test_naming_the_same_product_after_refusing_its_generic_word_sets_it(client):
    chat = Chat(client)
    await chat.send("3 sabun")  # the shop's soaps: whichever the bot picks
    first = await chat.send("cart")
    picked = next(n for n in ("Lux Soft Touch Soap 100 g", "Santoor Sandal Soap 100 g") if n in first)
    brand = picked.split()[0].lower()
    await chat.send(f"sabun nahi, {brand} soap 1 do")
    cart = await chat.send("cart")
    assert f"{picked} × 1" in cart, cart


async def test_a_flavour_with_and_in_it_answers_which_one(client):
    chat = Chat(client)
    asked = await chat.send("2 lays")
    assert chat.button_ids()[:1] == ["pick:1"], asked
    await chat.send("cream and onion")
    cart = await chat.send("cart")
    assert "Cream & Onion 50 g × 2" in cart and "Sugar" not in cart, cart


@pytest.mark.parametrize("instead", ["3 eggs", "order"])
async def test_items_said_after_an_unanswered_which_one_are_not_lost(client, instead):
    chat = Chat(client)
    asked = await chat.send("1 litre oil aur 2 kilo sugar")
    assert chat.button_ids()[:1] == ["pick:1"], asked
    reply = await chat.send(instead)  # not an answer: something new instead
    cart = reply if instead == "order" else await chat.send("cart")
    assert "Sugar (loose, per kg) × 2 kg" in cart, f"{instead!r}: {cart}"


async def test_items_after_the_address_where_it_is_asked_go_in_and_the_address_is_kept(client, services):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("order")
    await chat.send("yes")
    reply = await chat.send("14 Tilak Road, Pune 411030 and add 6 eggs also")
    assert chat.button_ids() == ["yes", "no"], reply  # the new total is confirmed
    await chat.send("yes")
    await chat.send("cash")
    placed = (await orders(services))[-1]
    assert "Tilak Road" in placed.delivery_address and "eggs" not in placed.delivery_address
    assert {i.sku for i in placed.items} == {"SUGAR-LOOSE", "EGGS-LOOSE"}


async def test_only_an_amount_sets_the_line(client):
    chat = Chat(client)
    await chat.send("3 kg sugar")
    await chat.send("only 1 kg sugar")
    assert "Sugar (loose, per kg) × 1 kg" in await chat.send("cart")


@pytest.mark.parametrize("address", ["H.No 4-5-61, Ameerpet, Hyderabad", "No 9, Church Street, Ooty"])
async def test_a_house_number_written_with_no_is_the_address_not_a_refusal(client, services, address):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("order")
    await chat.send("yes")
    asked = await chat.send(address)
    assert "pay:cod" in chat.button_ids(), f"{address!r}: {asked}"
    await chat.send("cash")
    assert (await orders(services))[-1].delivery_address == address


async def test_an_answer_naming_an_oil_not_offered_adds_that_oil(client):
    chat = Chat(client)
    await chat.send("2 litre oil")
    offered = {b["title"] for b in chat.buttons}
    not_offered = [n for n in ("Gemini Sunflower Oil 1 L", "Freedom Sunflower Oil 1 L", "Dhara Groundnut Oil 1 L",
                               "Sundrop Heart Oil 1 L", "Saffola Sunflower Oil 1 L") if n not in offered]
    assert not_offered, offered  # five options at most: one of the six oils is left out
    brand = not_offered[0].split()[0].lower()
    await chat.send(f"{brand} wala")
    cart = await chat.send("cart")
    assert f"{not_offered[0]} × 2" in cart, cart


async def test_a_guessed_word_at_which_one_asks_again_and_adds_nothing(client):
    chat = Chat(client)
    await chat.send("2 lays")
    again = await chat.send("sonions")  # no product word known for sure, no amount: no answer
    assert chat.button_ids()[:1] == ["pick:1"], again
    await chat.send("2")
    cart = await chat.send("cart")
    assert "Onion (loose" not in cart and "Lay's" in cart, cart


@pytest.mark.parametrize("swap", ["lux nahi, medimix do", "not lux, medimix", "லக்ஸ் வேண்டாம், மெடிமிக்ஸ் குடுங்க"])
async def test_a_replacement_whose_name_fits_two_kinds_is_the_refused_lines_kind(client, swap):
    chat = Chat(client)
    await chat.send("2 lux soap")
    await chat.send(swap)
    cart = await chat.send("cart")
    assert "Medimix Ayurvedic Soap 75 g × 2" in cart and "Tea" not in cart, f"{swap!r}: {cart}"


@pytest.mark.parametrize("question, order", [("medimix soap kitne ka hai", "theek hai 2 de do"),
                                             ("price of medimix soap?", "ok give 2"),
                                             ("मेडिमिक्स साबुन कितने का है?", "ठीक है, दो दे दो"),
                                             ("how much is medimix soap", "2")])
async def test_an_amount_right_after_a_price_question_orders_that_product(client, question, order):
    chat = Chat(client)
    await chat.send("1 kg sugar")
    await chat.send(question)
    await chat.send(order)
    cart = await chat.send("cart")
    assert "Medimix Ayurvedic Soap 75 g × 2" in cart and "× 1 kg" in cart, f"{order!r}: {cart}"


@pytest.mark.parametrize("swap", ["लक्स नहीं, संतूर दो", "லக்ஸ் வேண்டாம், சந்தூர் குடுங்க", "lux nahi santoor"])
async def test_a_swap_at_the_confirm_question_is_made_and_the_total_confirmed_again(client, swap):
    chat = Chat(client)
    await chat.send("2 lux soap")
    await chat.send("order")
    reply = await chat.send(swap)
    assert chat.button_ids() == ["yes", "no"], f"{swap!r}: {reply}"
    cart = await chat.send("cart")
    assert "Santoor Sandal Soap 100 g × 2" in cart and "Lux" not in cart, f"{swap!r}: {cart}"


@pytest.mark.parametrize("change, line", [("make it 3 kg", "× 3 kg"), ("3 kilo kar do", "× 3 kg"),
                                          ("500 gram kar do", "× 500 g"), ("3 किलो कर दो", "× 3 kg")])
async def test_a_new_weight_with_no_product_sets_the_line_just_added(client, change, line):
    chat = Chat(client)
    await chat.send("1 lux soap")
    await chat.send("2 kg onion")
    await chat.send(change)
    cart = await chat.send("cart")
    assert line in cart and "Lux Soft Touch Soap 100 g × 1" in cart, f"{change!r}: {cart}"


@pytest.mark.parametrize("change, line", [("one more", "× 4"), ("ek aur", "× 4"), ("ek kam", "× 2"),
                                          ("one less", "× 2")])
async def test_one_more_or_one_less_with_no_product_changes_the_line_just_added(client, change, line):
    chat = Chat(client)
    await chat.send("2 kg sugar")
    await chat.send("3 lux soap")
    await chat.send(change)
    cart = await chat.send("cart")
    assert f"Lux Soft Touch Soap 100 g {line}" in cart and "× 2 kg" in cart, f"{change!r}: {cart}"
