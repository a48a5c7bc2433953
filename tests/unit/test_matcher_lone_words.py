"""A word said alone that only looks a little like a lexicon word (pizza, keyed "pija", a letter from a spelling
of onion) is not that vegetable: the shop does not have it. Cut short or a vowel off, it still is."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def loose(sku, name, price, category="vegetables"):
    return ProductRecord(sku=sku, name=name, unit="kg", pack_base=1000, price_paise=price * 100,
                         category=category, loose=True, stock_milli=50_000)


INDEX = ProductIndex.build([
    loose("ONION", "Onion (loose, per kg)", 40),
    loose("TOMATO", "Tomato (loose, per kg)", 30),
    loose("POTATO", "Potato (loose, per kg)", 25),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", ["2 pizza", "pizza"])
def test_a_word_a_letter_from_a_lexicon_spelling_is_not_that_thing(text):
    assert match(text).decision == "not_found"


@pytest.mark.parametrize(("text", "sku"), [("tamatr 1 kg", "TOMATO"), ("2 kilo piaj", "ONION"),
                                            ("pyaz", "ONION"), ("aaloo 2 kg", "POTATO")])
def test_vegetables_spelled_loosely_are_still_found(text, sku):
    found = match(text)
    assert found.product is not None and found.product.sku == sku
