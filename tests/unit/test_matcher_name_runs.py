"""Words said side by side as they stand in one product's name ("dairy milk") name that product, over another
whose name has the same words apart, or a pricier variant with one more word."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="snacks"):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("DM-BAR", "Cadbury Dairy Milk Chocolate 13g", "g", 13, 10, "Cadbury"),
    product("DM-SILK", "Cadbury Dairy Milk Silk 60g", "g", 60, 80, "Cadbury"),
    product("MD-MILK", "Mother Dairy Toned Milk 500ml", "ml", 500, 27, "Mother Dairy", "dairy"),
    product("AMUL-GOLD", "Amul Gold Full Cream Milk 500ml", "ml", 500, 33, "Amul", "dairy"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", ["dairy milk", "2 dairy milk", "ek dairy milk dena", "dairy milk 3"])
def test_words_side_by_side_in_a_name_are_that_product(text):
    found = match(text)
    assert (found.decision, found.product and found.product.sku) == ("matched", "DM-BAR")


def test_the_same_words_apart_in_a_name_still_find_it_when_said_with_its_other_words():
    found = match("toned milk")
    assert (found.decision, found.product and found.product.sku) == ("matched", "MD-MILK")
