"""A kind the shop does not sell, said alone ("kaju", "काजू", "கஜு"), is no packed product of another sort that
carries it as a flavour (Good Day *Cashew* Cookies): not found, not two packets of biscuits."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("GOODDAY", "Britannia Good Day Cashew Cookies 100g", "g", 100, 30, "Britannia", "snacks"),
    packed("MEDIMIX", "Medimix Ayurvedic Classic 18 Herbs Soap 125g", "g", 125, 45, "Medimix", "personal_care"),
])


def match(text: str):
    return INDEX.match(understand(text, INDEX.vocabulary()).items[0])


@pytest.mark.parametrize("text", ["do sau gram kaju", "kaju 200 gram", "काजू 250 ग्राम"])
def test_a_kind_carried_only_as_a_flavour_is_not_found(text):
    assert match(text).decision == "not_found", text


@pytest.mark.parametrize(("text", "sku"), [("good day kaju", "GOODDAY"), ("medimix", "MEDIMIX")])
def test_the_products_own_names_still_match(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])
