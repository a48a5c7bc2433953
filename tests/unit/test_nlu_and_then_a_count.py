""""<amount> and two <product>": the number after "and" counts the next product; it is no "give more"."""
import pytest

from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Size


@pytest.mark.parametrize("text", [
    "एक डव 100 ग्राम और दो पारले बिस्कुट",
    "ek dove 100 gram aur do parle biscuit",
    "1 kg प्याज़ और दो नींबू",
])
def test_a_count_after_and_is_the_next_items(text):
    u = understand(text)
    assert u.intent == "add_items"
    assert len(u.items) == 2
    assert u.items[1].qty == 2.0 and u.items[1].mode == "set"


def test_the_first_items_size_is_kept():
    first = understand("एक डव 100 ग्राम और दो पारले बिस्कुट").items[0]
    assert (first.qty, first.size) == (1.0, Size(100.0, "g"))


def test_and_after_an_amount_with_a_verb_is_still_more():
    u = understand("chai patti ek aur")
    assert u.intent == "change_quantity" and u.items[0].mode == "delta"
