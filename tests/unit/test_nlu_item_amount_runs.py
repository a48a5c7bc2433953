"""Items and amounts typed one after another with no commas: a fraction word after a product is its amount."""
import pytest

from tests.unit.demo_store import understand_in_demo


def _items(text):
    return [(m.key, m.qty) for m in understand_in_demo(text).items]


@pytest.mark.parametrize("text", [
    "onion 1 potato 2 tomato half", "pyaz 1 aloo 2 tamatar aadha", "प्याज 1 आलू 2 टमाटर आधा",
])
def test_a_fraction_closes_the_last_product(text):
    assert [q for _, q in _items(text)] == [1, 2, 0.5]


@pytest.mark.parametrize("text", ["onion half potato 2", "வெங்காயம் அரை உருளைக்கிழங்கு 2", "ಈರುಳ್ಳಿ ಅರ್ಧ ಟೊಮೇಟೊ 2"])
def test_a_fraction_between_two_products_is_the_first_ones(text):
    assert [q for _, q in _items(text)] == [0.5, 2]


def test_a_fraction_before_a_unit_is_still_that_much_of_the_unit():
    u = understand_in_demo("tomato half kg onion 1 kg")
    assert [(m.qty, m.unit) for m in u.items] == [(0.5, "kg"), (1, "kg")]
