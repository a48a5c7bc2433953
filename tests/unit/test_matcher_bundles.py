"""A bundle of packs ("Soap 3 x 100 g") is handed over only when asked for, however the shop counts it."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100, brand=brand,
                         category="personal_care", loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("LUX-100", "Lux Soft Touch Soap 100 g", "g", 100, 40, "Lux"),
    product("LUX-3X100", "Lux Soft Touch Soap 3 x 100 g", "piece", 3, 115, "Lux"),  # counted in pieces
    product("LIFEBUOY-4X", "Lifebuoy Total Soap 4x125gm", "g", 500, 150, "Lifebuoy"),
    product("LIFEBUOY-125", "Lifebuoy Total Soap 125gm", "g", 125, 40, "Lifebuoy"),
    product("EGGS-6", "Farm Eggs (pack of 6)", "piece", 6, 42, ""),
])


def first(text: str):
    mention = understand(text, INDEX.vocabulary()).items[0]
    return INDEX.match(mention)


@pytest.mark.parametrize("text,sku", [
    ("2 lux soap", "LUX-100"), ("రెండు లక్స్ సబ్బులు", "LUX-100"), ("lux sabun do", "LUX-100"),
    ("3 lifebuoy", "LIFEBUOY-125"), ("லைஃப்பாய் சோப்பு ஒன்னு", "LIFEBUOY-125"),
])
def test_a_plain_count_of_a_brand_is_the_single_pack_not_the_bundle(text, sku):
    found = first(text)
    assert found.decision == "matched" and found.product.sku == sku


def test_eggs_that_come_six_to_a_tray_are_still_just_eggs():
    found = first("6 eggs")
    assert found.decision == "matched" and found.product.sku == "EGGS-6"
