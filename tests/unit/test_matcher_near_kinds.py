"""A kind asked for that the shop has only a variety of (chilli powder at a shop with only Kashmiri chilli
powder) is that variety - never the fresh vegetable of the same word; where both kinds are on the shelf, the
one asked for."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.near_kinds import near_kinds
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="spices", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


DEGGI = product("DEGGI", "MDH Deggi Mirch 100g", "g", 100, 90, "MDH")
RED = product("CATCH-RED", "Catch Red Chilli Powder 100g", "g", 100, 45, "Catch")
FRESH = product("GREEN", "Green Chilli (loose, per kg)", "kg", 1000, 80, category="vegetables", loose=True)
HALDI = product("HALDI", "Everest Haldi Powder 100g", "g", 100, 35, "Everest")


def match(index: ProductIndex, text: str):
    items = understand(text, index.vocabulary()).items
    assert items, text
    return index.match(items[0])


@pytest.mark.parametrize("text", ["chilli powder", "lal mirch powder 1", "मिर्च पाउडर", "मिर्ची पावडर द्या",
                                  "மிளகாய் தூள்", "red chilli powder 2 packet"])
def test_a_kind_the_shop_has_only_a_variety_of_is_that_variety(text):
    index = ProductIndex.build([DEGGI, FRESH, HALDI])
    found = match(index, text)
    assert (found.decision, found.product and found.product.sku) == ("matched", "DEGGI")


@pytest.mark.parametrize("text", ["chilli powder", "lal mirch powder", "मिर्च पाउडर"])
def test_the_kind_asked_for_wins_over_its_variety_when_both_are_sold(text):
    index = ProductIndex.build([DEGGI, RED, FRESH, HALDI])
    found = match(index, text)
    assert found.product is not None and found.product.sku == "CATCH-RED"


@pytest.mark.parametrize("text", ["hari mirch", "2 green chilli"])
def test_the_fresh_vegetable_is_still_what_its_words_ask_for(text):
    index = ProductIndex.build([DEGGI, FRESH, HALDI])
    found = match(index, text)
    assert found.product is not None and found.product.sku == "GREEN"


def test_varieties_share_the_last_two_words_of_their_kind_not_one_word():
    near = near_kinds(lexicon.load())
    assert "kashmiri_chilli_powder" in near["red_chilli_powder"]
    assert "dry_ginger_powder" not in near.get("dry_mango_powder", frozenset())
