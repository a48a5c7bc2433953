"""Two name words run together in another script ("പുട്ടുപൊടി" for PUTTU PODI, "रेडलेबल" for Red Label): the
word is no known word, it sounds like the two name words typed as one, so it is those two words."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("PUTTU-1", "NIRAPARA PUTTU PODI 1KG", "kg", 1000, 78, "NIRAPARA", "BREAKFAST"),
    packed("APPAM-1", "NIRAPARA APPAM PODI 1KG", "kg", 1000, 84, "NIRAPARA", "BREAKFAST"),
    packed("RED-LABEL", "BROOKE BOND RED LABEL TEA 250GM", "g", 250, 140, "BROOKE BOND", "BEVERAGES"),
    packed("TAJ", "BROOKE BOND TAJ MAHAL TEA 250GM", "g", 250, 180, "BROOKE BOND", "BEVERAGES"),
    packed("SUGAR", "MADHUR SUGAR 1KG", "kg", 1000, 60, "MADHUR", "STAPLES"),
    packed("MIRCH", "MDH DEGGI MIRCH 100GM", "g", 100, 80, "MDH", "MASALA"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("പുട്ടുപൊടി 1 കിലോ", "PUTTU-1"),
    ("അപ്പംപൊടി ഒന്ന്", "APPAM-1"),
    ("புட்டுபொடி 1 கிலோ", "PUTTU-1"),
    ("रेडलेबल चाय एक", "RED-LABEL"),
    ("ரெட்லேபிள் டீ 1", "RED-LABEL"),
    ("puttupodi 1 kg", "PUTTU-1"),
])
def test_two_name_words_run_together_in_any_script_are_those_words(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])


@pytest.mark.parametrize("text", ["thakurganj 3", "ठाकुरगंज 3"])
def test_a_word_whose_consonants_only_roughly_match_two_name_words_is_not_them(text):
    m = match(text)
    assert m.decision == "not_found", (text, m.decision, m.candidates[:3])
