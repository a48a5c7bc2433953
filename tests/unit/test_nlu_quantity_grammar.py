"""Amounts as a shopkeeper hears them: the Hindi "do" of "de do" is no number, sizes are no counts."""
import pytest

from vyaparai.nlu.pipeline import key, understand


def _amounts(text):
    return [(i.key, i.qty, i.unit) for i in understand(text).items]


@pytest.mark.parametrize("text, expected", [
    ("aadha kilo paneer de do", [(key("paneer"), 0.5, "kg")]),
    ("4 kilo chawal bhej do", [(key("chawal"), 4, "kg")]),
    ("sooji dedh kilo daal do", [(key("sooji"), 1.5, "kg")]),
    ("ek packet namak la do", [(key("namak"), 1, "pack")]),
    ("पाव किलो अदरक दे दो", [(key("अदरक"), 0.25, "kg")]),
    ("do kilo pyaaz dijiye", [(key("pyaaz"), 2, "kg")]),
])
def test_the_give_verb_do_is_never_the_number_two(text, expected):
    assert _amounts(text) == expected


def test_dhai_is_two_and_a_half_but_de_is_give():
    assert _amounts("dhai kilo aloo de do") == [(key("aloo"), 2.5, "kg")]


@pytest.mark.parametrize("text, qty", [
    ("three and a half kg onions", 3.5), ("1 and a half litre oil", 1.5), ("two and half kilo rice", 2.5),
])
def test_and_a_half_joins_the_number(text, qty):
    (item,) = understand(text).items
    assert (item.qty, item.unit) == (qty, item.unit) and item.unit in ("kg", "l")


@pytest.mark.parametrize("text, qty, unit", [
    ("മൂന്നെണ്ണം സോപ്പ്", 3, None), ("চারটে ডিম", 4, None), ("পাঁচটা পেঁয়াজ", 5, None),
    ("3കിലോ അരി", 3, "kg"), ("३किलो आलू", 3, "kg"), ("750ग्राम चना", 750, "g"), ("மூணு கிலோ அரிசி", 3, "kg"),
    ("ಮೂರು ಕೆಜಿ ಅಕ್ಕಿ", 3, "kg"), ("तीन किलो तांदूळ", 3, "kg"), ("ਤਿੰਨ ਕਿਲੋ ਆਟਾ", 3, "kg"),
    ("ત્રણ કિલો ખાંડ", 3, "kg"), ("మూడు కిలోలు బియ్యం", 3, "kg"),
])
def test_counting_endings_and_glued_native_amounts(text, qty, unit):
    (item,) = understand(text).items
    assert (item.qty, item.unit) == (qty, unit)


def test_a_number_before_wala_picks_the_pack_and_the_count_stays():
    (item,) = understand("3 packet bourbon 150 wala").items
    assert (item.qty, item.unit, item.size, item.size_number) == (3, "pack", None, 150)
    (item,) = understand("2 kurkure 20 wala").items
    assert (item.qty, item.size.value, item.size.unit) == (2, 20, "inr")
    (item,) = understand("ghee 500 ml wala ek").items
    assert (item.qty, item.size.value, item.size.unit) == (1, 500, "ml")


def test_a_bare_large_number_after_the_product_names_its_pack():
    (item,) = understand("sprite 600").items
    assert (item.qty, item.size_number) == (None, 600)


@pytest.mark.parametrize("text", ["toothbrush pack of 4", "toothbrush 4-pack", "ek toothbrush 4-pack"])
def test_pack_of_n_is_a_multipack_not_four_packs(text):
    (item,) = understand(text).items
    assert item.qty in (None, 1) and (item.size.value, item.size.unit) == (4, "piece")


@pytest.mark.parametrize("text", [
    "3 each bread and butter", "bread and butter, 3 each", "bread aur butter teen teen packet",
    "har ek bread aur butter 3 packet", "ബ്രെഡ്, ബട്ടർ മൂന്ന് വീതം", "ரொட்டி, வெண்ணெய் தலா 3",
])
def test_each_gives_the_amount_to_every_item(text):
    items = understand(text).items
    assert len(items) == 2 and all(i.qty == 3 for i in items)


def test_function_words_keep_their_own_script():
    # दाल (lentil) is a product even though डाल (put) is a verb; घड़ी is a brand, गड्डी a bunch
    assert _amounts("एक किलो दाल डाल दो") == [(key("दाल"), 1, "kg")]
    assert [i.key for i in understand("घड़ी पाउडर एक पैकेट").items] == [key("घड़ी पाउडर")]
    assert _amounts("पालक दो गड्डी") == [(key("पालक"), 2, "piece")]
    # Kannada ಸಾಂಬಾರ್ (sambar) folds like Marathi शंभर (hundred) and stays a product word
    (item,) = understand("ಎರಡು ಸಾಂಬಾರ್ ಪುಡಿ").items
    assert (item.qty, item.key) == (2, key("ಸಾಂಬಾರ್ ಪುಡಿ"))


def test_bengali_noy_is_nine_only_before_a_unit():
    assert _amounts("নয় কেজি আলু") == [(key("আলু"), 9, "kg")]
    u = understand("মুগ ডাল নয়, মসুর ডাল")
    assert [i.qty for i in u.items] == [None] and u.items[0].key == key("মসুর ডাল")
