"""Kin words for the shopkeeper name nothing; size words are whole words and Bengali বড় is no bar; a bare
hundreds amount with goods sold by weight is grams; Punjabi ਗੰਢੇ is onion and "ਕਿੱਲੋ ਦੇ ਕਿੰਨੇ" asks a price."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, product", [
    ("అక్కా రెండు సబ్బులు", "సబ్బు"), ("அக்கா ரெண்டு சோப்பு", "சோப்பு"), ("দিদি দুটো সাবান", "সাবান"),
    ("બેન બે સાબુ", "સાબુ"), ("ਭਾਜੀ ਦੋ ਸਾਬਣ", "ਸਾਬਣ"),
])
def test_a_kin_word_for_the_shopkeeper_is_no_part_of_the_product(text, product):
    assert [m.text for m in understand(text).items] == [product]


@pytest.mark.parametrize("text", ["ఒక పెద్ద సర్ఫ్ ప్యాకెట్", "সার্ফ বড় প্যাকেট একটা", "सर्फ मोठा पॅक एक"])
def test_a_big_word_asks_the_large_pack(text):
    items = understand(text).items
    assert len(items) == 1 and items[0].size_hint == "large" and items[0].unit == "pack"


def test_a_bengali_bar_is_still_a_bar():
    assert understand("২টা লাক্স বার").items[0].unit == "pack"


@pytest.mark.parametrize("text, grams", [
    ("दो सौ धनिया", 200), ("আড়াইশো কাঁচা লঙ্কা", 250), ("இருநூறு வெங்காயம்", 200), ("300 gajar", 300),
])
def test_a_bare_hundreds_amount_of_weighed_goods_is_grams(text, grams):
    m = understand(text).items[0]
    assert (m.qty, m.unit) == (grams, "g")


@pytest.mark.parametrize("text", ["coke 750", "parle g 250", "250 maggi"])
def test_a_bare_number_with_packed_goods_still_names_the_pack(text):
    m = understand(text).items[0]
    assert m.qty is None and m.size_number is not None


def test_punjabi_onion_and_the_price_of_a_kilo():
    u = understand("ਗੰਢੇ ਕਿੱਲੋ ਦੇ ਕਿੰਨੇ?")
    assert u.intent == "ask_price" and "onion" in lexicon.load().concepts(u.items[0].key)
    assert understand("ਦੋ ਕਿੱਲੋ ਗੰਢੇ ਦੇ ਦਿਓ").intent == "add_items"
