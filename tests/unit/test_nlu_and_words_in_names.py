"""An and-word that is part of a store's name ("Clinic Plus", "Tide Plus") stays in the item."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, brand, unit="ml", pack=200):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack, price_paise=9000, brand=brand,
                         category="personal care", stock_milli=50_000)


SHOP = ProductIndex.build([
    product("SHAMPOO", "Clinic Plus Shampoo 175ml", "Clinic Plus", pack=175),
    product("POWDER", "Tide Plus Detergent 1kg", "Tide", unit="g", pack=1000),
    product("NOODLES", "Maggi Noodles 70g", "Maggi", unit="g", pack=70),
])


@pytest.mark.parametrize("text,sku,qty", [
    ("clinic plus shampoo", "SHAMPOO", None),
    ("3 clinic plus", "SHAMPOO", 3.0),
    ("tide plus ek packet", "POWDER", 1.0),
])
def test_the_name_keeps_its_and_word(text, sku, qty):
    items = understand(text, SHOP.vocabulary()).items
    assert [(SHOP.match(m).product.sku, m.qty) for m in items] == [(sku, qty)]


def test_an_and_word_between_two_items_still_separates_them():
    items = understand("maggi plus 2 clinic plus", SHOP.vocabulary()).items
    assert [SHOP.match(m).product.sku for m in items] == ["NOODLES", "SHAMPOO"]
