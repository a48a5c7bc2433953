"""A number word that begins a grocery name the lexicon knows ("panch phoron", পাঁচ ফোড়ন, पंच फोरन) is part
of the name, not a count; digits before the same word, and number words before other words, stay counts."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,qty,unit", [
    ("panch phoron chahiye", None, None), ("2 packet panch phoron", 2.0, "pack"),
    ("পাঁচ ফোড়ন দুই প্যাকেট", 2.0, "pack"), ("पंच फोरन 100 ग्राम", 100.0, "g"),
    ("ek panch phoron aur do kilo aalu", 1.0, None),
])
def test_a_number_word_inside_a_grocery_name_is_part_of_it(text, qty, unit):
    first = understand(text).items[0]
    assert "phor" in first.key.replace("f", "ph") and first.key.startswith("panch")
    assert (first.qty, first.unit) == (qty, unit)


@pytest.mark.parametrize("text,qty", [("panch kilo aalu", 5.0), ("5 phoron", 5.0), ("पांच किलो आलू", 5.0),
                                      ("পাঁচ কেজি আলু", 5.0)])
def test_a_number_before_other_words_is_still_a_count(text, qty):
    assert understand(text).items[0].qty == qty


@pytest.mark.parametrize("text,key,qty", [
    ("2 kilo aalu ek number wala", "alu", 2.0), ("ek number maal bhejna, 3 kilo pyaz", "piaj", 3.0),
    ("first class tamatar 1 kilo", "tamatar", 1.0), ("एक नंबर का माल भेजना, 2 किलो आलू", "alu", 2.0),
])
def test_a_praise_idiom_with_a_number_is_neither_count_nor_product(text, key, qty):
    items = understand(text).items
    assert [(m.key, m.qty) for m in items] == [(key, qty)]
