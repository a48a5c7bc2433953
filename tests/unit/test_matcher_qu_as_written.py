"""An English "qu" is written kv in the Indian scripts (क्विक, క్విక్, க்விக் for Quick): the variant said so is the
one whose name says it, not the brand's first variant handed over without asking."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, price):
    return ProductRecord(sku=sku, name=name, unit="kg", pack_base=1000, price_paise=price * 100,
                         brand="Surf Excel", category="household", loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("EASY", "Surf Excel Easy Wash Detergent Powder 1kg", 140),
    packed("QUICK", "Surf Excel Quick Wash Detergent Powder 1kg", 180),
])


@pytest.mark.parametrize("text", ["एक सर्फ एक्सेल क्विक वाश", "సర్ఫ్ ఎక్సెల్ క్విక్ వాష్", "சர்ஃப் எக்செல் க்விக் வாஷ்",
                                  "surf excel quick wash"])
def test_quick_written_in_a_script_is_the_quick_wash(text):
    m = INDEX.match(understand(text, INDEX.vocabulary()).items[0])
    assert m.decision == "matched" and m.product.sku == "QUICK", (text, m.decision, m.candidates[:3])
