"""The colour of a pack a shop writes in a name ("Toned Milk (Blue)") tells packs apart when said, and is no
variety of its own when not: "toned milk" is the toned milk, not the "Homogenised Toned" one."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def milk(sku, name, price):
    return ProductRecord(sku=sku, name=name, unit="ml", pack_base=500, price_paise=price * 100, brand="Nandini",
                         category="dairy", loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    milk("TONED", "Nandini Toned Milk 500ml (Blue)", 24),
    milk("HOMOGENISED", "Nandini Homogenised Toned Milk 500ml", 26),
    milk("SHUBHAM", "Nandini Shubham Milk 500ml (Orange)", 29),
])


def match(text: str):
    return INDEX.match(understand(text, INDEX.vocabulary()).items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("nandini toned milk 2", "TONED"),
    ("ನಂದಿನಿ ಟೋನ್ಡ್ ಹಾಲು ಎರಡು ಪ್ಯಾಕೆಟ್", "TONED"),
    ("नंदिनी टोंड दूध 1 पैकेट", "TONED"),
    ("nandini homogenised toned milk 1", "HOMOGENISED"),
    ("orange wala nandini 2", "SHUBHAM"),
    ("nandini blue packet 1", "TONED"),
])
def test_a_colour_in_the_name_picks_when_said_and_costs_little_when_not(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])
