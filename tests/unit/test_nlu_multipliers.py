"""A factor word with a make verb multiplies the item's amount in the cart; it is no product word."""
import pytest

from vyaparai.nlu.pipeline import key, understand


def _scaled(text):
    u = understand(text)
    return u.intent, [(i.key, i.qty, i.unit, i.mode) for i in u.items]


@pytest.mark.parametrize("text, product, factor", [
    ("chawal double kar do", "chawal", 2),
    ("dal dugni kar dijiye", "dal", 2),
    ("make the sugar double", "sugar", 2),
    ("चावल दुगना कर दो", "चावल", 2),
    ("तांदूळ दुप्पट करा", "तांदूळ", 2),
    ("ಅಕ್ಕಿ ಡಬಲ್ ಮಾಡಿ", "ಅಕ್ಕಿ", 2),
    ("চাল দ্বিগুণ করে দিন", "চাল", 2),
    ("chawal triple kar do", "chawal", 3),
    ("chawal aadha kar do", "chawal", 0.5),
])
def test_a_factor_with_a_make_verb_scales_the_item(text, product, factor):
    assert _scaled(text) == ("change_quantity", [(key(product), factor, None, "scale")])


@pytest.mark.parametrize("text", ["2 tide double power", "tide double power bhej do"])
def test_a_name_with_double_in_it_is_still_the_name(text):
    assert [i.mode for i in understand(text).items] == ["set"]
    assert "double" in understand(text).items[0].text


def test_an_amount_said_with_the_make_verb_is_the_new_amount():
    assert _scaled("chawal 2 kilo kar do") == ("change_quantity", [(key("chawal"), 2, "kg", "set")])
