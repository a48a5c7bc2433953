"""A quarter word ("pav", a quarter kilo) that is also a product of the store ("Ladi Pav") is that product
when counted on its own, and a quarter kilo when it measures a product word."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand

SHOP = ProductIndex.build([
    ProductRecord(sku="BUNS", name="Ladi Pav (6 pcs)", unit="piece", pack_base=6, price_paise=3000, brand="",
                  category="bakery", stock_milli=50_000),
    ProductRecord(sku="ONION", name="Onion (loose, per kg)", unit="kg", pack_base=1, price_paise=4000,
                  brand="", category="vegetables", loose=True, stock_milli=50_000),
])


@pytest.mark.parametrize("text", ["4 pav", "1 kg pyaaz, 3 pav"])
def test_counted_alone_it_is_the_product(text):
    items = understand(text, SHOP.vocabulary()).items
    buns = [m for m in items if SHOP.match(m).product.sku == "BUNS"]
    assert len(buns) == 1 and buns[0].qty in (3.0, 4.0)


@pytest.mark.parametrize("text", ["pyaaz 1 pav", "2 pav pyaaz"])
def test_measuring_a_product_it_is_a_quarter_kilo(text):
    items = understand(text, SHOP.vocabulary()).items
    assert [SHOP.match(m).product.sku for m in items] == ["ONION"]
    assert items[0].qty in (0.25, 0.5)
