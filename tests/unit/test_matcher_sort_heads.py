"""A name ending in a word that heads many kinds of its sort ("masala": garam, chaat, sambar masala) says a kind
of its own even when the lexicon knows no such mix: a brand's spice mix is not what that brand is when
another spice is asked for with it, while the mix asked by its own name is still found."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def spice(sku, name, brand, price):
    return ProductRecord(sku=sku, name=name, unit="g", pack_base=100, price_paise=price * 100, brand=brand,
                         category="spices", loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    spice("MDH-KK", "MDH Kitchen King Masala 100g", "MDH", 85),
    spice("MDH-GARAM", "MDH Garam Masala 100g", "MDH", 88),
    spice("EVEREST-KK", "Everest Kitchen King Masala 100g", "Everest", 80),
    spice("EVEREST-HALDI", "Everest Turmeric Powder 100g", "Everest", 38),
    spice("CATCH-MIX", "Catch Sabzi Masala 100g", "Catch", 60),
])


def _match(text):
    return INDEX.match(understand(text, INDEX.vocabulary()).items[0])


@pytest.mark.parametrize("text", ["mdh haldi", "एक एमडीएच हल्दी", "ఎండీహెచ్ పసుపు", "everest chilli powder",
                                  "catch jeera", "ক্যাচ জিরা"])
def test_a_brand_with_a_spice_it_has_no_pack_of_is_not_its_masala_mix(text):
    m = _match(text)
    assert not (m.decision == "matched" and m.product.sku in ("MDH-KK", "EVEREST-KK", "CATCH-MIX")), (text, m.decision)


@pytest.mark.parametrize("text, sku", [("mdh kitchen king", "MDH-KK"), ("everest kitchen king masala", "EVEREST-KK"),
                                       ("catch sabzi masala", "CATCH-MIX"), ("everest haldi", "EVEREST-HALDI"),
                                       ("एवरेस्ट हल्दी", "EVEREST-HALDI")])
def test_the_mix_and_the_spice_asked_by_name_are_found(text, sku):
    m = _match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, [c.product.sku for c in m.candidates])
