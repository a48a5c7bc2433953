"""Words said beside the goods that name none of them: "loose" (খোলা, खुला, છૂટી), "but" (par, lekin, लेकिन),
"about", "I'd like", and the kind of building in an address ("Rose Villa"); and Telugu సగం is a half."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, product, qty", [
    ("দুই কেজি খোলা আটা", "আটা", 2.0),
    ("2 kilo khula atta", "atta", 2.0),
    ("दो किलो खुली चीनी", "चीनी", 2.0),
    ("બે કિલો છૂટો લોટ", "લોટ", 2.0),
])
def test_a_loose_word_names_no_product(text, product, qty):
    items = understand(text).items
    assert [(m.text, m.qty) for m in items] == [(product, qty)]


def test_a_banana_is_still_a_banana_beside_the_loose_word():
    assert [m.text for m in understand("ছয়টা কলা").items] == ["কলা"]


@pytest.mark.parametrize("text, product, qty", [
    ("theek hai par 3 sabun bhi", "sabun", 3.0),
    ("lekin ek surf excel bhi", "surf excel", 1.0),
    ("ठीक है लेकिन दो साबुन भी", "साबुन", 2.0),
])
def test_a_but_word_is_no_item_and_leaves_the_count_to_the_product(text, product, qty):
    items = understand(text).items
    assert [(m.text, m.qty) for m in items] == [(product, qty)]


@pytest.mark.parametrize("text, product, qty, unit", [
    ("I'd like about 200 grams of ginger", "ginger", 200.0, "g"),
    ("id like 3 kg onions", "onions", 3.0, "kg"),
    ("around 2 litres of milk", "milk", 2.0, "l"),
])
def test_i_would_and_about_are_no_product(text, product, qty, unit):
    items = understand(text).items
    assert [(m.text, m.qty, m.unit) for m in items] == [(product, qty, unit)]


def test_a_brand_spelled_id_is_still_that_brand():
    assert [m.text for m in understand("2 id batter").items] == ["id batter"]


@pytest.mark.parametrize("text", ["7, Lotus Villa, Baner, Pune", "Villa 12, Green Enclave, Sarjapur Road"])
def test_a_building_word_in_an_address_asks_no_price(text):
    assert understand(text).intent == "provide_address"


@pytest.mark.parametrize("text", ["chakkara vila", "പഞ്ചസാര വില"])
def test_the_malayalam_price_word_still_asks_the_price(text):
    assert understand(text).intent == "ask_price"


@pytest.mark.parametrize("text, qty, unit", [("సగం కిలో కందిపప్పు", 0.5, "kg"), ("సగం డజను అరటిపళ్ళు", 0.5, "dozen")])
def test_telugu_sagam_is_a_half(text, qty, unit):
    m = understand(text).items[0]
    assert (m.qty, m.unit) == (qty, unit)


@pytest.mark.parametrize("text, product", [("sabse sasta tel konsa hai", "tel"), ("सबसे सस्ता साबुन कौन सा है", "साबुन")])
def test_cheapest_words_ask_which_and_name_no_product(text, product):
    u = understand(text)
    assert u.intent == "ask_stock" and u.items[0].text.split()[0] == product
