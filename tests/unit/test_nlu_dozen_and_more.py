"""A dozen and a part of one said together: "a dozen and a half" is 18, "2 dozen and 6" is 30."""
import pytest

from tests.unit.demo_store import understand_in_demo


def _amounts(text):
    return [(m.qty, m.unit) for m in understand_in_demo(text).items]


@pytest.mark.parametrize("text,pieces", [
    ("a dozen and a half bananas", 18), ("dozen and half bananas", 18), ("2 dozen and 6 bananas", 30),
    ("ek darjan aur aadha kela", 18), ("do darjan aur chaar kele", 28), ("एक दर्जन और आधा केला", 18),
    ("এক ডজন আর আধা কলা", 18), ("bananas 1 dozen and half", 18),
])
def test_the_part_after_and_adds_to_the_dozens(text, pieces):
    assert _amounts(text) == [(pieces, None)]


@pytest.mark.parametrize("text,amounts", [
    ("kele 1 dozen aur 2 maggi", [(1, "dozen"), (2, None)]),  # the 2 is the maggi's
    ("1 dozen bananas and half kg sugar", [(1, "dozen"), (0.5, "kg")]),
])
def test_an_amount_of_another_product_stays_its_own(text, amounts):
    assert _amounts(text) == amounts
