""""Reduce X by N" takes N away; "reduce X to N" leaves N: English says which with "by" and "to"."""
import pytest

from tests.unit.demo_store import understand_in_demo


def _amounts(text):
    u = understand_in_demo(text)
    return u.intent, [(m.qty, m.unit, m.mode) for m in u.items]


@pytest.mark.parametrize("text,qty,unit", [
    ("reduce the rice by 1 kg", -1, "kg"), ("decrease tomato by half kg", -0.5, "kg"),
    ("increase the rice by 2 kg", 2, "kg"), ("reduce surf excel by 2", -2, "pack"),
])
def test_by_changes_the_line_by_that_much(text, qty, unit):
    assert _amounts(text) == ("change_quantity", [(qty, unit, "delta")])


@pytest.mark.parametrize("text,qty", [("reduce the rice to 1 kg", 1), ("increase the rice to 3 kg", 3)])
def test_to_sets_the_line_to_that_much(text, qty):
    assert _amounts(text) == ("change_quantity", [(qty, "kg", "set")])


@pytest.mark.parametrize("text", ["chawal 1 kilo kam karo", "चावल एक किलो कम करो", "அரிசி ஒரு கிலோ கம்மி பண்ணுங்க"])
def test_the_less_words_of_other_languages_take_that_much_away_too(text):
    assert _amounts(text) == ("change_quantity", [(-1, "kg", "delta")])


def test_by_with_no_change_verb_changes_nothing():
    assert _amounts("2 kg rice by tomorrow")[1] == [(2, "kg", "set")]
