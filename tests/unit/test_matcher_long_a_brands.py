"""An English brand whose first "a" is said long (Ariel, Apis) is written with an e in the Indian scripts
(ഏരിയൽ, एरियल, ஏரியல், एपिस) and read back as "eriyal" / "epis": it is still that brand."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("ARIEL", "ARIEL MATIC TOP LOAD 1KG", "kg", 1000, 290, "ARIEL", "HOUSEHOLD"),
    packed("SURF", "SURF EXCEL EASY WASH 1KG", "kg", 1000, 145, "SURF EXCEL", "HOUSEHOLD"),
    packed("APIS", "APIS HIMALAYA HONEY 250G", "g", 250, 120, "APIS", "PACKAGED FOOD"),
    packed("AMUL", "AMUL BUTTER 100G", "g", 100, 58, "AMUL", "DAIRY"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("ഏരിയൽ 1 കിലോ", "ARIEL"),
    ("एरियल 1 किलो", "ARIEL"),
    ("ஏரியல் 1", "ARIEL"),
    ("ariel 1 kg", "ARIEL"),
    ("एपिस हनी 1", "APIS"),
    ("अमूल बटर 1", "AMUL"),
])
def test_a_brand_with_a_long_first_a_is_found_as_the_scripts_write_it(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])
