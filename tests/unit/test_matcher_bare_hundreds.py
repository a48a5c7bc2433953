"""A bare hundreds number with a kind the shop sells loose and also packed ("250 पनीर" where Amul paneer comes
in 200 g): no pack of that size, so it is grams of the loose good weighed out - not one kilo, not 250 packs."""
import pytest

from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="dairy", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("PANEER", "Paneer (loose, per kg)", "kg", 1000, 400, loose=True),
    product("AMUL-PANEER", "Amul Malai Paneer 200g", "g", 200, 90, brand="Amul"),
    product("SUGAR", "Sugar (loose, per kg)", "kg", 1000, 46, category="staples", loose=True),
    product("MADHUR", "Madhur Pure Sugar 1kg", "kg", 1000, 60, brand="Madhur", category="staples"),
    product("COKE", "Coca-Cola 750ml", "ml", 750, 40, brand="Coca-Cola", category="beverages"),
])


def line(text: str):
    item = understand(text, INDEX.vocabulary()).items[0]
    m = INDEX.match(item)
    assert m.product is not None, (text, m.decision)
    found = order_line(item, m.product)
    return found.sku, found.qty, found.unit


@pytest.mark.parametrize(("text", "expected"), [
    ("250 पनीर", ("PANEER", 250, "g")),
    ("ढाई सौ पनीर", ("PANEER", 250, "g")),
    ("২৫০ পনির", ("PANEER", 250, "g")),
    ("500 paneer", ("PANEER", 500, "g")),
    ("पाँच सौ चीनी", ("SUGAR", 500, "g")),
    ("coke 750", ("COKE", 1, "pack")),          # a packed good: the pack of that size
])
def test_a_bare_hundreds_number_weighs_out_the_loose_good(text, expected):
    assert line(text) == expected, text
