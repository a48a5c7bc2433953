"""Regional words typed in Latin letters: kin words, "also" words and half / quarter name no product."""
import pytest

from tests.unit.demo_store import understand_in_demo


def _items(text):
    return [(m.key, m.qty, m.unit) for m in understand_in_demo(text).items]


@pytest.mark.parametrize("text", ["chetta 2 kilo onion", "veerji 2 kilo onion", "akka 2 kilo onion",
                                  "paaji 2 kilo onion", "tai 2 kilo onion"])
def test_a_kin_word_typed_in_latin_is_no_product(text):
    assert _items(text) == [("onion", 2, "kg")]


@pytest.mark.parametrize("text", ["2 kilo onion kooda", "2 kilo onion kuda"])
def test_a_southern_also_word_typed_in_latin_is_no_product(text):
    assert _items(text) == [("onion", 2, "kg")]


@pytest.mark.parametrize("text,amount", [("adh kilo onion", 0.5), ("adho kilo onion", 0.5), ("aadh kilo onion", 0.5)])
def test_latin_half_words_before_a_unit(text, amount):
    assert _items(text) == [("onion", amount, "kg")]
