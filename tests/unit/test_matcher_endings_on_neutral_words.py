"""A case ending is cut from a native word only to find a word that tells a product: Telugu సేపట్లో ("in a
while", sepat + -lo) sounds like the "soft" of Lux Soft Touch, a word any soap may carry, and adds no Lux."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("LUX", "Lux Soft Touch Soap 100g", "g", 100, 40, "Lux", "personal_care"),
    packed("TEA-PREM", "Tata Tea Premium 250g", "g", 250, 150, "Tata Tea", "beverages"),
    packed("TEA-GOLD", "Tata Tea Gold 250g", "g", 250, 170, "Tata Tea", "beverages"),
])


def matches(text: str) -> list[str]:
    out = []
    for item in understand(text, INDEX.vocabulary()).items:
        m = INDEX.match(item)
        if m.decision == "matched":
            out.append(m.product.sku)
    return out


@pytest.mark.parametrize("text", ["డెలివరీ ఎంత సేపట్లో వస్తుంది?", "ఎంత సేపట్లో"])
def test_a_word_with_an_ending_that_only_sounds_like_a_describing_word_is_no_product(text):
    assert "LUX" not in matches(text), text


@pytest.mark.parametrize(("text", "sku"), [
    ("లక్స్ సోప్ 1", "LUX"),
    ("லக்ஸ் சோப் 1", "LUX"),
    ("टाटा टी प्रीमियम 1", "TEA-PREM"),
    ("டாடா டீ கோல்ட் 1", "TEA-GOLD"),
])
def test_the_products_named_in_native_scripts_are_still_found(text, sku):
    assert matches(text) == [sku], text
