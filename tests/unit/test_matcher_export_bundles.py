"""A supermarket's export marks a bundle in its own shorthand: "(4 PKT)", "4 PKTS", "PKT OF 3". A bare name
is still the single packet; the bundle is handed over when its size is asked for."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("MAGGI-70", "MAGGI MASALA NOODLES 70GM", "g", 70, 14, "MAGGI", "PACKAGED FOOD"),
    packed("MAGGI-280", "MAGGI MASALA NOODLES 280GM (4 PKT)", "g", 280, 56, "MAGGI", "PACKAGED FOOD"),
    packed("SOAP-100", "CINTHOL LIME SOAP 100GM", "g", 100, 40, "CINTHOL", "PERSONAL CARE"),
    packed("SOAP-300", "CINTHOL LIME SOAP 100GM PKT OF 3", "g", 300, 115, "CINTHOL", "PERSONAL CARE"),
    packed("BISCUIT-1", "PARLE G BISCUIT 100GM", "g", 100, 10, "PARLE", "BISCUITS"),
    packed("BISCUIT-6", "PARLE G BISCUIT 6 PKTS", "g", 600, 60, "PARLE", "BISCUITS"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("maggi 2", "MAGGI-70"),
    ("दो मैगी", "MAGGI-70"),
    ("മാഗി 3", "MAGGI-70"),
    ("cinthol soap 2", "SOAP-100"),
    ("சிந்தால் சோப் 2", "SOAP-100"),
    ("parle g 5", "BISCUIT-1"),
])
def test_a_bare_name_is_the_single_packet_not_the_bundle_in_shorthand(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])


@pytest.mark.parametrize("text", ["maggi 280 gm", "maggi bada packet"])
def test_the_bundle_asked_for_by_its_size_is_the_bundle(text):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == "MAGGI-280", (text, m.decision, m.candidates[:3])
