"""A refusal said first: a correction to a new amount, or the refusal of the product named right after it."""
import pytest

from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import key


@pytest.mark.parametrize("text,qty", [("no, 5 eggs", 5), ("nahi, 6 ande", 6), ("illa, 3 kilo vengayam", 3),
                                      ("না, ৪টে ডিম", 4), ("नहीं, 3 किलो चीनी", 3), ("nako, 2 kilo sakhar", 2)])
def test_a_leading_no_then_an_amount_is_a_correction_to_that_amount(text, qty):
    u = understand(text)
    assert u.corrects, text
    assert [m.qty for m in u.items] == [qty], text


@pytest.mark.parametrize("text,refused", [("not sugar, give me jaggery", "sugar"), ("no namak, cheeni dena", "namak"),
                                          ("nahi chawal, atta do 2", "chawal")])
def test_a_leading_no_before_a_product_and_a_pause_refuses_that_product(text, refused):
    u = understand(text)
    assert len(u.items) == 1, text
    assert key(refused) in u.items[0].exclude, (text, u.items)


def test_a_leading_no_before_one_instruction_is_still_an_interjection():
    u = understand("nahi poha 4 kar do")
    assert [m.qty for m in u.items] == [4] and not u.items[0].exclude


def test_a_plain_order_after_a_no_to_something_else_is_no_correction():
    assert not understand("2 kilo poha aur ek sabun").corrects
