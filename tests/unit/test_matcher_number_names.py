"""A number that is a word of a name ("3 Roses", "7 Up") said as its English name in a script (த்ரீ ரோசஸ்,
थ्री रोज़ेज़, సెవెన్ అప్) is that name, as the digits are."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, brand, category):
    return ProductRecord(sku=sku, name=name, unit="g", pack_base=250, price_paise=13_500, brand=brand,
                         category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("ROSES", "Brooke Bond 3 Roses Tea 250g", "Brooke Bond", "beverages"),
    packed("REDLABEL", "Brooke Bond Red Label Tea 250g", "Brooke Bond", "beverages"),
    packed("SEVENUP", "7 Up Lime Soda 750ml", "7 Up", "beverages"),
    packed("AGARBATTI", "Cycle Three in One Agarbatti", "Cycle", "household"),
])


@pytest.mark.parametrize("text, sku", [("ஒரு த்ரீ ரோசஸ்", "ROSES"), ("एक थ्री रोज़ेज़", "ROSES"), ("ఒక త్రీ రోజెస్", "ROSES"),
                                       ("3 roses", "ROSES"), ("ஒரு செவன் அப்", "SEVENUP"), ("ഒരു സെവൻ അപ്പ്", "SEVENUP")])
def test_a_name_number_said_in_english_in_any_script_is_the_name(text, sku):
    m = INDEX.match(understand(text, INDEX.vocabulary()).items[0])
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, [c.product.sku for c in m.candidates])
