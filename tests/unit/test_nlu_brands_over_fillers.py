"""A store's brand that spells like a filler word of the chat's language ("Maaza" and Marathi majha, my)
is the brand when counted or said alone, and the filler in a sentence."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=4000,
                         brand=brand, category=category, stock_milli=50_000)


SHOP = ProductIndex.build([
    product("MANGO-DRINK", "Maaza Mango Drink 600ml", "ml", 600, "Maaza", "beverages"),
    product("SUGAR", "Madhur Sugar 1kg", "kg", 1000, "Madhur", "staples"),
])


@pytest.mark.parametrize("text,qty", [
    ("3 maaza", 3.0),
    ("maaza 4", 4.0),
    ("maaza", None),
    ("दोन माझा", 2.0),
])
def test_a_brand_counted_or_said_alone_is_the_product(text, qty):
    u = understand(text, SHOP.vocabulary())
    assert u.intent == "add_items"
    assert [(SHOP.match(m).product.sku, m.qty) for m in u.items] == [("MANGO-DRINK", qty)]


def test_the_filler_in_a_sentence_stays_a_filler():
    u = understand("majha 2 kilo sakhar pathva", SHOP.vocabulary())
    assert [m.qty for m in u.items] == [2.0]
    assert "maj" not in u.items[0].key
    assert understand("majha order kuthe aahe", SHOP.vocabulary()).intent == "track_order"
