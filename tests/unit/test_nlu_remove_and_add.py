"""A removal and an addition in one message are told apart clause by clause (nlu/remove_and_add.py)."""
import pytest

from vyaparai.nlu.pipeline import understand


def _lines(mentions):
    return [(m.key, m.qty, m.unit) for m in mentions]


@pytest.mark.parametrize("text, removed, added", [
    ("surf hata do, 2 kilo aata", "surf", ("ata", 2.0, "kg")),
    ("take out the surf and put 2 kg atta", "surf", ("ata", 2.0, "kg")),
    ("सर्फ निकाल दो और दो किलो आटा डाल दो", None, (None, 2.0, "kg")),
    ("ಸರ್ಫ್ ತೆಗೆಯಿರಿ, 2 ಕೆಜಿ ಹಿಟ್ಟು ಹಾಕಿ", None, (None, 2.0, "kg")),
])
def test_the_removing_clause_removes_and_the_other_adds(text, removed, added):
    u = understand(text)
    assert u.intent == "remove_item"
    assert len(u.items) == 1 and u.items[0].qty is None
    assert len(u.adds) == 1 and (u.adds[0].qty, u.adds[0].unit) == added[1:]
    if removed:
        assert u.items[0].key == removed and u.adds[0].key == added[0]


@pytest.mark.parametrize("text", ["remove 2 surf and 1 vim bar", "surf aur vim hata do", "remove surf, vim"])
def test_products_listed_after_one_remove_word_are_all_removed(text):
    u = understand(text)
    assert u.intent == "remove_item" and len(u.items) == 2 and u.adds == ()


def test_a_plain_removal_adds_nothing():
    assert understand("surf hata do").adds == ()


@pytest.mark.parametrize("text, product, qty", [
    ("take 2 surf out", "surf", 2.0), ("दो साबुन हटा दो", "साबुन", 2.0), ("remove one packet of salt", "salt", 1.0),
])
def test_a_count_said_with_a_removal_stays_so_that_many_come_out(text, product, qty):
    u = understand(text)
    assert u.intent == "remove_item" and [(m.text, m.qty) for m in u.items] == [(product, qty)]


@pytest.mark.parametrize("text", ["1 kilo pyaz hata do", "remove the soap"])
def test_a_weight_or_no_count_removes_the_line(text):
    u = understand(text)
    assert u.intent == "remove_item" and u.items[0].qty is None
