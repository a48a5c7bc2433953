"""Refusal words typed in Latin letters (Marathi nako, Telugu kaadu, Tamil illa) refuse or correct like nahi."""
import pytest

from tests.unit.demo_store import understand_in_demo


@pytest.mark.parametrize("text", ["surf excel nako", "surf excel nahi chahiye", "surf excel vendam"])
def test_a_product_then_dont_want_removes_it(text):
    assert understand_in_demo(text).intent == "remove_item"


@pytest.mark.parametrize("text,count", [("rendu illa moonu", 3), ("illa illa, naalu illa aaru", 6),
                                        ("rendu kaadu moodu", 3), ("do nahi teen", 3)])
def test_old_amount_not_new_amount_corrects_the_last_line(text, count):
    u = understand_in_demo(text)
    assert (u.intent, u.count, u.corrects) == ("change_quantity", count, True)


def test_bengali_noy_between_two_counts_is_not_nine():
    u = understand_in_demo("surf excel dui noy tin")
    assert [m.qty for m in u.items] == [3]


def test_bengali_noy_before_a_unit_is_still_nine():
    assert [(m.qty, m.unit) for m in understand_in_demo("noy kilo onion").items] == [(9, "kg")]
