"""A count of a leafy good the shop prices per kilo is bunches weighed out (100 g each), not kilos: a bunch
of coriander is no ₹160 kilo. Packed goods, other loose goods and amounts said by weight stay as they were."""
import pytest

from vyaparai.catalog.lines import order_line, said_amount
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def loose(sku, name, price):
    return ProductRecord(sku=sku, name=name, unit="kg", pack_base=1000, price_paise=price * 100, brand="",
                         category="vegetables", loose=True, stock_milli=50_000)


INDEX = ProductIndex.build([
    loose("CORIANDER", "Coriander Leaves (loose, per kg)", 160),
    loose("CURRY", "Curry Leaves (loose, per kg)", 120),
    loose("ONION", "Onion (loose, per kg)", 40),
    ProductRecord(sku="METHI", name="Fenugreek Leaves / Methi (bunch)", unit="piece", pack_base=1, price_paise=1500,
                  brand="", category="vegetables", loose=True, stock_milli=50_000),
])


def _amount(text):
    mention = understand(text, INDEX.vocabulary()).items[0]
    m = INDEX.match(mention)
    assert m.decision == "matched", (text, m.decision)
    return m.product.sku, said_amount(mention, m.product)


@pytest.mark.parametrize("text", ["2 gaddi dhaniya", "2 bunch coriander", "do judi kothimbir", "ரெண்டு கட்டு கொத்தமல்லி",
                                  "రెండు కట్టలు కొత్తిమీర", "2 dhaniya"])
def test_two_bunches_of_coriander_are_two_hundred_grams(text):
    assert _amount(text) == ("CORIANDER", (200, "g"))


@pytest.mark.parametrize("text", ["1 bunch curry leaves", "ek gaddi kadi patta"])
def test_a_bunch_of_curry_leaves_is_a_hundred_grams(text):
    assert _amount(text) == ("CURRY", (100, "g"))


@pytest.mark.parametrize("text, expected", [("250 gram dhaniya", ("CORIANDER", (250, "g"))),
                                            ("1 kilo dhaniya", ("CORIANDER", (1, "kg"))),
                                            ("2 kilo pyaz", ("ONION", (2, "kg"))),
                                            ("2 gaddi methi", ("METHI", (2, "piece")))])
def test_weights_other_goods_and_goods_sold_by_the_bunch_stay_as_said(text, expected):
    assert _amount(text) == expected


def test_the_order_line_weighs_the_bunches_out():
    mention = understand("3 gaddi dhaniya", INDEX.vocabulary()).items[0]
    line = order_line(mention, INDEX.match(mention).product)
    assert (line.sku, line.qty, line.unit) == ("CORIANDER", 300, "g")
