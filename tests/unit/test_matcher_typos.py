"""Brand names typed with one letter wrong, with or without the pack's size: still that brand, while a word
a letter longer than another ("ariel" / nariel) stays the word typed."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="beverages", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("HORLICKS", "Horlicks Classic Malt 500g", "g", 500, 250, "Horlicks"),
    product("BOURNVITA", "Cadbury Bournvita 500g", "g", 500, 230, "Cadbury"),
    product("ARIEL", "Ariel Matic Front Load 1kg", "kg", 1000, 300, "Ariel", "household"),
    product("NARIYAL", "Nariyal (loose, piece)", "piece", 1, 35, category="fruits", loose=True),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", ["horlics 500g", "horlics", "2 horlics", "horlicks 500 gm", "ek horlics dena"])
def test_a_brand_with_one_letter_wrong_is_still_that_brand(text):
    found = match(text)
    assert (found.decision, found.product and found.product.sku) == ("matched", "HORLICKS")


def test_a_word_one_letter_longer_than_another_is_not_that_word():
    found = match("ariel 1 kg")
    assert found.product is not None and found.product.sku == "ARIEL"
