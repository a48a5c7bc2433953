"""A price list exported in shorthand ("CHILLY PWD", "CO OIL", "DET PWDR", "BISC"): customers say the words in
full, in any language, and reach those products; a brand of two letters stays a brand."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.name_shorthand import spelled_out
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand, category, loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("CORIANDER", "EASTERN CORIANDER PWDR 250GM", "g", 250, 62, "EASTERN", "MASALA"),
    product("CHILLI-PWD", "MELAM CHILLY PWD 250GM", "g", 250, 84, "MELAM", "MASALA"),
    product("CO-OIL", "PARACHUTE CO OIL 500ML", "ml", 500, 140, "PARACHUTE", "OIL"),
    product("SURF", "SURF EXCEL EASYWASH DET PWDR 1KG", "kg", 1000, 145, "SURF EXCEL", "HOUSEHOLD"),
    product("MARIE", "BRITANNIA MARIE GOLD BISC 250GM", "g", 250, 40, "BRITANNIA", "BISCUITS"),
    product("GREEN-CHILLI", "GREEN CHILLY LOOSE", "kg", 1000, 80, "", "VEGETABLES", loose=True),
    product("PARLE-G", "PARLE G BISC 100GM", "g", 100, 10, "PARLE", "BISCUITS"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("coriander powder 1", "CORIANDER"),
    ("dhaniya powder 1", "CORIANDER"),
    ("chilli powder 250 g", "CHILLI-PWD"),
    ("मिर्च पाउडर 1", "CHILLI-PWD"),
    ("മുളകുപൊടി 1", "CHILLI-PWD"),
    ("coconut oil 500 ml", "CO-OIL"),
    ("washing powder 1 kg", "SURF"),
    ("marie biscuit 1", "MARIE"),
    ("हरी मिर्च 250 ग्राम", "GREEN-CHILLI"),
    ("parle g 2", "PARLE-G"),
])
def test_words_said_in_full_reach_a_name_in_shorthand(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])


def test_a_letter_is_spelled_out_only_before_the_word_it_qualifies():
    assert spelled_out(["PARLE", "G", "BISC"]) == ["PARLE", "G", "biscuit"]
    assert spelled_out(["KLF", "CO", "OIL"]) == ["KLF", "coconut", "OIL"]
