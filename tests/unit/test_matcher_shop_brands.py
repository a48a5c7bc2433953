"""How shops write brands in a price list: "HALDIRAM" for Haldiram's, "Surf Excel Easy Wash" that says no kind,
two products whose words sound alike, a detergent "cake", and notes in brackets that are only a unit."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="household", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("SURF-1KG", "SURF EXCEL EASY WASH 1 KG", "kg", 1000, 140, "Surf Excel"),
    product("GHADI-1KG", "GHADI DETERGENT POWDER 1 KG", "kg", 1000, 65, "Ghadi"),
    product("GHADI-CAKE", "GHADI DETERGENT CAKE 150 GM", "g", 150, 10, "Ghadi"),
    product("GOODKNIGHT", "Good Knight Gold Flash Refill 45ml", "ml", 45, 90, "Good Knight"),
    product("GUD", "Gud (Loose)", "kg", 1000, 60, category="staples", loose=True),
    product("NAVRATAN", "HALDIRAM NAVRATAN MIXTURE 200 GM", "g", 200, 60, "Haldiram's", "snacks"),
    product("BHUJIA", "HALDIRAM BHUJIA SEV 400 GM", "g", 400, 110, "Haldiram's", "snacks"),
    product("NAVRATNA-OIL", "NAVRATNA TEL 200 ML", "ml", 200, 120, "Navratna", "personal_care"),
    product("PALAK", "Palak (Gaddi)", "piece", 1, 15, category="vegetables", loose=True),
    product("KELA", "Kela (Darjan)", "piece", 12, 60, category="fruits"),
    product("BREAD", "Modern White Bread 400g", "g", 400, 45, "Modern", "bakery"),
    product("DABUR-RED", "Dabur Red Toothpaste 100g", "g", 100, 58, "Dabur", "personal_care"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("surf 1 kg", "SURF-1KG"),                 # its name says no kind: "surf" is still the brand, not any powder
    ("सर्फ एक किलो", "SURF-1KG"),
    ("ghadi powder 1 kg", "GHADI-1KG"),
    ("ghadi sabun 2", "GHADI-CAKE"),           # a soap of the brand said: its detergent cake
    ("घड़ी साबुन 5", "GHADI-CAKE"),
    ("एक किलो गुड़", "GUD"),                    # the "good" of Good Knight is no gud
    ("haldiram bhujia 1", "BHUJIA"),           # HALDIRAM is the brand Haldiram's
    ("नवरतन मिक्सचर", "NAVRATAN"),              # नवरतन sounds as both; the mixture says which
    ("नवरतन तेल", "NAVRATNA-OIL"),
    ("palak 2 gaddi", "PALAK"),
    ("kela 1 darjan", "KELA"),
    ("2 ta pauruti", "BREAD"),                 # run together it sounds like "Dabur Red"; pauruti is bread
])
def test_a_shops_own_way_of_writing_names_still_finds_the_product(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])


def test_a_unit_in_brackets_is_no_name_word():
    # "Palak (Gaddi)": gaddi is how palak is sold; "ghadi" is the detergent brand, not spinach
    m = match("ghadi 2")
    assert m.product is None or m.product.sku != "PALAK"
    assert {p.sku for p, _ in m.candidates[:2]} == {"GHADI-1KG", "GHADI-CAKE"}
