"""Endings stacked on a unit word (Bengali genitive + classifier) keep it a unit; a Punjabi oblique plural
is the word it inflects; ਘਿਓ is ghee however the vowel is written."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,qty,unit", [
    ("ডাল ২ কেজিরটা দিন", 2.0, "kg"),
    ("সাবান ১২৫ গ্রামেরটার দাম কত", 125.0, "g"),
    ("তেল ২ লিটারেরটা", 2.0, "l"),
    ("মুড়ি এক কেজির-টা", 1.0, "kg"),
])
def test_a_unit_with_endings_is_still_the_unit(text, qty, unit):
    items = understand(text).items
    assert len(items) == 1
    assert (items[0].qty, items[0].unit) == (qty, unit)
    assert "টা" not in items[0].text


@pytest.mark.parametrize("text,concept", [
    ("ਛੋਲਿਆਂ ਦੋ ਕਿਲੋ", "kala_chana"),
    ("ਕੇਲਿਆਂ ਇੱਕ ਦਰਜਨ", "banana"),
    ("ਦੇਸੀ ਘਿਓ ਇੱਕ ਕਿਲੋ", "ghee"),
    ("ਘਿਓ ਅੱਧਾ ਕਿਲੋ", "ghee"),
])
def test_punjabi_forms_are_the_grocery_word(text, concept):
    items = understand(text).items
    assert len(items) == 1
    assert concept in lexicon.load().concepts(items[0].key)
