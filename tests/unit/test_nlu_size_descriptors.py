"""A "one" / "wala" after a size or after a comma says which pack or which product, never how many."""
import pytest

from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Size


@pytest.mark.parametrize("text,qty,size", [
    ("mustard oil, 3 of the 1 litre one", 3.0, Size(1.0, "l")),
    ("toothpaste give me 2 of the 150 g one", 2.0, Size(150.0, "g")),
    ("rice, the 5 kg one", None, Size(5.0, "kg")),
    ("tel 500 ml wala 4 dena", 4.0, Size(500.0, "ml")),
])
def test_one_after_a_size_is_the_pack_not_the_count(text, qty, size):
    items = understand(text).items
    assert len(items) == 1
    assert (items[0].qty, items[0].size) == (qty, size)


@pytest.mark.parametrize("text,words", [
    ("2 packet chai, taaza wala", {"chai", "taaza"}),
    ("haldi powder, the everest one", {"haldi", "powder", "everest"}),
    ("doodh, amul wala", {"doodh", "amul"}),
])
def test_a_descriptor_after_a_comma_qualifies_the_item_before(text, words):
    items = understand(text).items
    assert len(items) == 1
    assert set(items[0].text.lower().split()) == words


@pytest.mark.parametrize("text,count", [
    ("2 kg atta, 1 kg cheeni", 2),
    ("marie biscuit 3, kurkure masala one", 2),  # a product with its kind is an item of its own
])
def test_a_new_item_after_a_comma_stays_its_own(text, count):
    assert len(understand(text).items) == count
