"""Customers weigh ghee and oil in kilos while shops sell them by volume: "एक किलो अमूल घी" is the 1 l pack,
"அரை கிலோ அமுல் நெய்" the 500 ml one - one pack of it, not "which one?" nor "sold by the litre"."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.quantity import to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("GHEE-500", "Amul Pure Ghee 500ml", "ml", 500, 330, "Amul", "dairy"),
    packed("GHEE-1L", "Amul Pure Ghee 1L", "l", 1000, 650, "Amul", "dairy"),
    packed("BUTTER-500", "Amul Butter 500g", "g", 500, 275, "Amul", "dairy"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("एक किलो अमूल घी", "GHEE-1L"),
    ("அரை கிலோ அமுல் நெய்", "GHEE-500"),
    ("ਇੱਕ ਕਿੱਲੋ ਅਮੂਲ ਘਿਓ", "GHEE-1L"),
    ("half kg amul ghee", "GHEE-500"),
])
def test_ghee_asked_by_weight_is_the_pack_of_that_volume(text, sku):
    item = understand(text, INDEX.vocabulary()).items[0]
    m = INDEX.match(item)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])
    assert to_milli(m.product, item.qty, item.unit) == 1000  # one pack, not a unit the shop cannot sell
