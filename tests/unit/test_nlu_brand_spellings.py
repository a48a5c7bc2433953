"""Brand names as the Indian scripts spell them: "मारी" is how Hindi writes Marie (the biscuit), so with
"गोल्ड" or "बिस्कुट" it is Marie Gold, while Gujarati મરી alone stays black pepper."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

import pytest

from vyaparai.catalog.csvrecords import read_records
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand


@lru_cache(maxsize=1)
def _index() -> ProductIndex:
    with resources.as_file(resources.files("vyaparai.catalog").joinpath("data/demo_catalog.csv")) as path:
        records = read_records(path)
    return ProductIndex.build([replace(r, aliases=()) for r in records])


def _sku(text: str) -> str | None:
    u = understand(text, _index().vocabulary())
    match = _index().match(u.items[0])
    return match.product.sku if match.product else None


@pytest.mark.parametrize("text", ["तीन पैकेट मारी गोल्ड", "मारी बिस्कुट एक पैकेट", "marie gold 2 packet"])
def test_marie_as_hindi_writes_it_is_the_biscuit(text):
    assert _sku(text) == "MARIE-GOLD-250"


@pytest.mark.parametrize("text", ["મરી 100 ગ્રામ", "काली मिर्च 50 ग्राम"])
def test_pepper_stays_pepper(text):
    assert _sku(text) == "KALIMIRCH-LOOSE"


@pytest.mark.parametrize("text", ["இந்தியா கேட் பாஸ்மதி", "ఇండియా గేట్ క్లాసిక్", "इंडिया गेट बासमती एक किलो"])
def test_a_country_name_that_begins_a_brand_is_no_language_switch(text):
    u = understand(text, _index().vocabulary())
    assert u.intent == "add_items" and _sku(text).startswith("INDIAGATE")


@pytest.mark.parametrize("text", ["tamil mein baat karo", "english please", "தமிழ்ல பேசுங்க", "हिंदी में बोलो"])
def test_a_language_name_with_chat_words_still_switches(text):
    assert understand(text, _index().vocabulary()).intent == "change_language"
