"""A size word said before a kind, where one name says that size and a narrower kind ("SMALL ONION SHALLOTS"):
the size said settles the kind - no "which one?" between it and the plain kind."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def loose(sku, name, price):
    return ProductRecord(sku=sku, name=name, unit="kg", pack_base=1000, price_paise=price * 100,
                         brand="", category="VEGETABLES", loose=True, stock_milli=50_000)


INDEX = ProductIndex.build([
    loose("ONION", "ONION LOOSE", 40),
    loose("SMALL-ONION", "SMALL ONION SHALLOTS LOOSE", 90),
    loose("TOMATO", "TOMATO LOOSE", 32),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", [
    "small onion 1 kg",
    "chhota pyaz 1 kilo",
    "छोटा प्याज एक किलो",
    "ചെറിയ ഉള്ളി 1 കിലോ",
    "சின்ன வெங்காயம் 1 கிலோ",
])
def test_the_size_said_picks_the_kind_whose_name_says_it(text):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == "SMALL-ONION", (text, m.decision, m.candidates[:3])


@pytest.mark.parametrize("text", ["onion 1 kg", "pyaz 2 kilo", "ഉള്ളി 2 കിലോ", "big onion 1 kg"])
def test_the_plain_kind_without_that_size_is_the_plain_onion(text):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == "ONION", (text, m.decision, m.candidates[:3])
