"""English name words as the Indian scripts write them: "tch" as ch and a final "ng" read back as n
(கிச்சன் கிங், किचन किंग) still reach the name, and a word heard as a name word is not respelled into a
lexicon phrase that merely sounds like it (garam masala)."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="spices"):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("MDH-KK", "MDH Kitchen King Masala 100g", "g", 100, 85, "MDH"),
    product("MDH-GARAM", "MDH Garam Masala 100g", "g", 100, 80, "MDH"),
    product("EVEREST-CHAAT", "Everest Chaat Masala 100g", "g", 100, 70, "Everest"),
    product("SURF", "Surf Excel Matic Washing Powder 1kg", "kg", 1000, 220, "Surf Excel", "household"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", ["கிச்சன் கிங் மசாலா", "கிச்சன் கிங் மசாலா ஒன்னு", "किचन किंग मसाला",
                                  "kichen king masala"])
def test_kitchen_king_in_indian_letters_is_kitchen_king(text):
    found = match(text)
    assert found.product is not None and found.product.sku == "MDH-KK"


def test_garam_masala_is_still_garam_masala():
    found = match("garam masala 1")
    assert found.product is not None and found.product.sku == "MDH-GARAM"
