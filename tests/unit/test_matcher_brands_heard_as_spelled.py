"""Two brands that sound alike only when one is read another way (Maggi with a soft g, "maji"): a word said
as the other brand is spelled is that brand. மாசா / മാസ / মাজা is Maaza, மேகி / मैगी is still Maggi."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("MAGGI-70", "Maggi 2-Minute Masala Noodles 70g", "g", 70, 14, "Maggi", "packaged_food"),
    packed("MAGGI-280", "Maggi 2-Minute Masala Noodles 280g (Pack of 4)", "g", 280, 56, "Maggi", "packaged_food"),
    packed("MAAZA", "Maaza Mango Drink 600ml", "ml", 600, 42, "Maaza", "beverages"),
    packed("FROOTI", "Frooti Mango Drink 600ml", "ml", 600, 40, "Frooti", "beverages"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("மாசா 2", "MAAZA"),
    ("മാസ 2 കുപ്പി", "MAAZA"),
    ("মাজা ২টা", "MAAZA"),
    ("மேகி 2", "MAGGI-70"),
    ("मैगी 2", "MAGGI-70"),
    ("മാഗി 2", "MAGGI-70"),
])
def test_a_brand_heard_as_it_is_spelled_beats_one_heard_only_read_another_way(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])
