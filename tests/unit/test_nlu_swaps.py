"""English swaps ("replace X with Y", "swap X for Y", "change X to Y", "instead of X give Y") are read as
"X ki jagah Y" is: Y is the item, X what it replaces; a new count after "change X to" stays a count."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,qty", [
    ("replace the bourbon with good day", None), ("swap bourbon for good day", None),
    ("change bourbon to good day", None), ("instead of bourbon give good day", None),
    ("instead of bourbon send 2 good day", 2.0), ("pls replace bourbon with 3 good day", 3.0),
])
def test_an_english_swap_refuses_the_first_and_asks_for_the_second(text, qty):
    u = understand(text)
    assert [(m.key, m.qty, m.exclude) for m in u.items] == [("gud de", qty, ("borbon",))]


@pytest.mark.parametrize("text,intent", [("change bourbon to 3", "change_quantity"),
                                         ("switch to english", "change_language"),
                                         ("change my address to 5 MG road", "provide_address")])
def test_change_to_a_count_a_language_or_an_address_is_no_swap(text, intent):
    u = understand(text)
    assert u.intent == intent and all(not m.exclude for m in u.items)
