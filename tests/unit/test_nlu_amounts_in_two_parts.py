"""Amounts said in parts: a fraction of "a" unit, a weight in two units, hundreds and tens."""
import pytest

from tests.unit.demo_store import understand_in_demo


def _amounts(text: str) -> list[tuple[float | None, str | None]]:
    return [(m.qty, m.unit) for m in understand_in_demo(text).items]


@pytest.mark.parametrize("text,amount", [
    ("half a kg paneer", (0.5, "kg")), ("half a kilo sugar", (0.5, "kg")), ("half a litre milk", (0.5, "l")),
    ("quarter of a kilo jeera", (0.25, "kg")), ("half a dozen eggs", (0.5, "dozen")),
])
def test_a_fraction_of_a_unit_is_that_fraction_not_one_unit(text, amount):
    assert _amounts(text) == [amount]


def test_a_unit_with_only_an_article_is_one_unit():
    assert _amounts("a kg atta and half a kg sugar") == [(1, "kg"), (0.5, "kg")]


@pytest.mark.parametrize("text,amount", [("three fourth kg tomato", 0.75), ("one fourth kg jeera", 0.25),
                                         ("three quarters kg tomato", 0.75)])
def test_fourths_are_quarters(text, amount):
    assert _amounts(text) == [(amount, "kg")]


@pytest.mark.parametrize("text,amount", [
    ("1 kilo 200 gram aloo", (1.2, "kg")), ("1kg 500g onion", (1.5, "kg")), ("aloo 1 kilo 200 gram", (1.2, "kg")),
    ("1 litre 500 ml doodh", (1.5, "l")), ("1 किलो 500 ग्राम चीनी", (1.5, "kg")),
    ("ஒரு கிலோ 200 கிராம் அரிசி", (1.2, "kg")), ("2 কেজি 500 গ্রাম আলু", (2.5, "kg")),
])
def test_a_weight_in_two_units_is_one_amount(text, amount):
    assert _amounts(text) == [amount]


@pytest.mark.parametrize("text,grams", [("do sau pachas gram makhan", 250), ("dhai sau gram paneer", 250),
                                        ("teen sau gram paneer", 300)])
def test_hundreds_and_the_tens_after_them_add_up(text, grams):
    assert _amounts(text) == [(grams, "g")]


@pytest.mark.parametrize("text,amount", [("3 x 70g maggi", (3, None)), ("2 x 1kg sugar", (2, None)),
                                         ("3x70g maggi", (3, None)), ("maggi x 3", (3, "pack"))])
def test_a_count_times_a_pack_size_is_that_many_packs_of_the_size(text, amount):
    items = understand_in_demo(text).items
    assert [(m.qty, m.unit) for m in items] == [amount]
    assert "x 3" in text or items[0].size is not None


@pytest.mark.parametrize("text,qty", [("don kilo kanda", 2), ("be kilo bataka aur ek kilo pyaz", 2),
                                      ("rendu kilo tamatar de do", 2), ("tin kilo chal", 3)])
def test_a_number_word_of_another_language_before_a_unit_is_the_count(text, qty):
    assert understand_in_demo(text).items[0].qty == qty


@pytest.mark.parametrize("text,qty", [("thre kg sugar", 3), ("tow kg atta", 2), ("twoo kg rice", 2),
                                      ("fiev kg atta", 5)])
def test_an_english_number_typed_one_letter_wrong_before_a_unit_is_the_count(text, qty):
    assert [(m.qty, m.unit) for m in understand_in_demo(text).items] == [(qty, "kg")]


@pytest.mark.parametrize("text,qty", [("1 and 1/2 kg sugar", 1.5), ("2 and 1/4 kg sugar", 2.25)])
def test_a_typed_fraction_after_and_adds_to_the_number(text, qty):
    assert _amounts(text) == [(qty, "kg")]


def test_for_before_a_unit_is_no_four():
    assert [(m.qty, m.unit) for m in understand_in_demo("how much for kg of sugar").items] == [(None, None)]


@pytest.mark.parametrize("text,amount", [("2,500 g jeera", (2500, "g")), ("1,5 kg sugar", (1.5, "kg")),
                                         ("atta 1,5 kg", (1.5, "kg")), ("2 lts oil", (2, "l"))])
def test_commas_in_numbers_and_litre_abbreviations(text, amount):
    assert _amounts(text) == [amount]


def test_a_comma_between_counts_of_two_items_still_separates_them():
    assert _amounts("maggi 2,parle g 3") == [(2, None), (3, None)]
