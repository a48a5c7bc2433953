"""Amounts as people really type them: misspelt fraction and counting words, and rough amounts of two
neighbouring counts ("do teen kilo", "2-3 kg", "দুই থেকে তিন"), of which the larger is handed over."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,qty,unit", [
    ("derh kilo chawal", 1.5, "kg"), ("ded kilo chini bhejo", 1.5, "kg"), ("pona kilo bhindi", 0.75, "kg"),
    ("chhe ande", 6, None), ("pandra ande bhejna", 15, None), ("chaubis ande", 24, None), ("solah kele", 16, None),
    ("aik kilo atta", 1, "kg"), ("छे अंडे", 6, None), ("છ ઈંડા", 6, None), ("tinte dim", 3, None),
    ("nalu kilo thakkali", 4, "kg"), ("yeradu kilo sakkare", 2, "kg"), ("mudu kilo tamata", 3, "kg"),
])
def test_misspelt_number_and_fraction_words_are_amounts(text, qty, unit):
    item = understand(text).items[0]
    assert (item.qty, item.unit) == (qty, unit)


@pytest.mark.parametrize("text,qty,unit", [
    ("do teen kilo pyaaz", 3, "kg"), ("2-3 kg tamatar", 3, "kg"), ("2 se 3 kilo aloo", 3, "kg"),
    ("ek-do packet biscuit", 2, "pack"), ("two or three kg onions", 3, "kg"), ("দুই থেকে তিন কেজি আলু", 3, "kg"),
    ("तीन चार किलो आलू", 4, "kg"), ("ரெண்டு மூணு கிலோ வெங்காயம்", 3, "kg"),
])
def test_two_neighbouring_counts_are_a_rough_amount_of_the_larger(text, qty, unit):
    items = understand(text).items
    assert len(items) == 1 and (items[0].qty, items[0].unit) == (qty, unit) and items[0].size is None


@pytest.mark.parametrize("text,qty,size", [("2 5kg atta", 2, 5.0), ("3 1 litre oil", 3, 1.0)])
def test_counts_that_are_no_neighbours_are_a_count_and_a_size(text, qty, size):
    item = understand(text).items[0]
    assert item.qty == qty and item.size is not None and item.size.value == size


@pytest.mark.parametrize("text,unit", [
    ("aalu aur pyaz do do kilo", "kg"), ("બટાકા ને ડુંગળી એક એક કિલો", "kg"), ("maggi aur bourbon do do packet", "pack"),
    ("ఉల్లిపాయలు, టమాటాలు రెండు రెండు కిలోలు", "kg"),
])
def test_a_repeated_count_with_its_unit_goes_to_every_item(text, unit):
    items = understand(text).items
    assert len(items) == 2 and all(m.unit == unit and m.qty in (1.0, 2.0) for m in items)
    assert items[0].qty == items[1].qty


def test_gujarati_ne_joins_two_items():
    items = understand("એક કિલો ખાંડ ને અડધો કિલો આદુ").items
    assert [(m.qty, m.unit) for m in items] == [(1.0, "kg"), (0.5, "kg")]


@pytest.mark.parametrize("text,qty,unit", [
    ("2 klo aloo", 2.0, "kg"), ("3 kelo pyaz", 3.0, "kg"), ("1 lit amul taaza", 1.0, "l"), ("1 dzn kele", 1.0, "dozen"),
    ("2 dajan ande", 2.0, "dozen"), ("to kg onions", 2.0, "kg"), ("too litre milk please", 2.0, "l"),
])
def test_unit_words_as_typed_or_dictated(text, qty, unit):
    item = understand(text).items[0]
    assert (item.qty, item.unit) == (qty, unit)


@pytest.mark.parametrize("text", ["send it to me", "go to checkout"])
def test_to_without_a_unit_is_no_number(text):
    assert all(m.qty != 2.0 for m in understand(text).items)


@pytest.mark.parametrize("text,qty,unit", [
    ("രണ്ടു കിലോ പഞ്ചസാര", 2.0, "kg"), ("മൂന്നു കിലോ ഉള്ളി", 3.0, "kg"), ("അഞ്ചു മുട്ട", 5.0, None),
    ("പത്തു മുട്ട", 10.0, None), ("இரெண்டு கிலோ தக்காளி", 2.0, "kg"), ("அரைக் கிலோ பூண்டு", 0.5, "kg"),
    ("ஒன்றரைக் கிலோ சர்க்கரை", 1.5, "kg"), ("ரெண்டுப் பாக்கெட் பால்", 2.0, "pack"),
    ("రెండ్ కిలో టమాటాలు", 2.0, "kg"), ("ఒక్క కిలో చక్కెర", 1.0, "kg"), ("ಎರಡ್ ಕೆಜಿ ಟೊಮೆಟೊ", 2.0, "kg"),
])
def test_number_words_as_each_script_is_commonly_spelt(text, qty, unit):
    item = understand(text).items[0]
    assert (item.qty, item.unit) == (qty, unit)


@pytest.mark.parametrize("text,qty", [("પોણા બે કિલો બટાકા", 1.75), ("pauna do kilo aloo", 1.75), ("પોણો કિલો બટાકા", 0.75),
                                      ("पौना किलो आलू", 0.75)])
def test_three_quarters_before_a_number_is_a_quarter_short_of_it(text, qty):
    assert [(m.qty, m.unit) for m in understand(text).items] == [(qty, "kg")]
