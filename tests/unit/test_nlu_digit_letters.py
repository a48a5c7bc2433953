"""Digits typed for the letters they look like are read as letters; real amounts keep their digits."""
import pytest

from tests.unit.demo_store import demo_index, understand_in_demo
from vyaparai.nlu.normalize import normalize


@pytest.mark.parametrize("typed,read", [
    ("tw0 kg sugar", "two kg sugar"), ("f1ve maggi", "five maggi"), ("d0 kil0 cheeni", "do kilo cheeni"),
    ("0nion 2 kg", "onion 2 kg"), ("m1lk 2 packet", "milk 2 packet"), ("g00d day", "good day"),
    ("rendu k1lo arisi", "rendu kilo arisi"), ("c0lgate", "colgate"), ("r1n bar", "rin bar"),
])
def test_letter_like_digits_inside_words_are_letters(typed, read):
    assert normalize(typed) == read


@pytest.mark.parametrize("typed,read", [
    ("2kg", "2 kg"), ("1l milk", "1 l milk"), ("500g", "500 g"), ("10kg", "10 kg"), ("0.5kg", "0.5 kg"),
    ("dal1", "dal 1"), ("maggi10", "maggi 10"), ("atta1kg", "atta 1 kg"), ("cheeni1packet", "cheeni 1 packet"),
    ("kg1 atta", "kg 1 atta"),
])
def test_amounts_glued_to_words_keep_their_digits(typed, read):
    assert normalize(typed) == read


@pytest.mark.parametrize("text,qty,unit,sku", [
    ("tw0 kg sugar", 2, "kg", "SUGAR"), ("d0 kil0 cheeni de do", 2, "kg", "SUGAR"),
    ("f1ve maggi", 5, None, "MAGGI"), ("0ne kg 0nion", 1, "kg", "ONION"),
])
def test_an_order_with_letter_like_digits_is_read_as_typed_right(text, qty, unit, sku):
    u = understand_in_demo(text)
    assert [(m.qty, m.unit) for m in u.items] == [(qty, unit)]
    match = demo_index().match(u.items[0])
    assert match.decision in ("matched", "ambiguous") and sku in match.candidates[0][0].sku
