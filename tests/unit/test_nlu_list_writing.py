"""Lists as people type them: numbered lines ("1) ... 2) ..."), a full stop with no space before the next
amount, rupees written before the number ("rs 20", "₹50", "Rs.10") and "3 no" for three pieces."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


def _lines(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(m.key, m.qty, m.unit) for m in understand(text).items]


@pytest.mark.parametrize("text", ["1) 3 kg tamatar 2) 1 kg bhindi", "1. tamatar 3 kg\n2. bhindi 1 kg",
                                  "3 kg tamatar.1 kg bhindi"])
def test_list_numbers_and_glued_full_stops_are_no_amounts(text):
    assert [(q, u) for _, q, u in _lines(text)] == [(3.0, "kg"), (1.0, "kg")]


@pytest.mark.parametrize("text,qty", [("rs 30 ka pudina", 30.0), ("₹50 की मिर्ची", 50.0), ("Rs.10 ka dhaniya", 10.0),
                                      ("pudina rs.20", 20.0)])
def test_rupees_before_the_number_are_an_amount_of_money(text, qty):
    (key, q, unit), = _lines(text)
    assert (q, unit) == (qty, "inr") and "rs" not in key.split()


@pytest.mark.parametrize("text", ["4 no bourbon", "bourbon 4 no"])
def test_no_after_a_count_means_pieces(text):
    assert understand(text).intent == "add_items" and [(q, u) for _, q, u in _lines(text)] == [(4.0, "piece")]


def test_no_between_two_amounts_is_still_a_correction():
    assert [(q, u) for _, q, u in _lines("2 kilo no 3 kilo aloo")] == [(3.0, "kg")]


@pytest.mark.parametrize("text,key", [("2 kilo tamatar ekdam fresh wale", "tamatar"), ("ekkilo cheeni", "chini"),
                                      ("best quality basmati 1 kg", "basmati"), ("badhiya wale 2 kilo pyaz", "piaj")])
def test_praise_of_the_goods_and_glued_amounts_leave_the_product(text, key):
    items = understand(text).items
    assert [m.key for m in items] == [key] and items[0].qty is not None
