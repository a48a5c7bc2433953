"""A pack word that is also a brand or a number word: the store's names decide which one the customer said."""
import pytest

from tests.unit.demo_store import understand_in_demo
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import key
from vyaparai.nlu.vocabulary import Vocabulary

# A store selling Ghadi detergent and bunches of methi ("ghadi" folds to the key of "gaddi", a bunch).
GHADI_STORE = Vocabulary(words=frozenset(key(w) for w in "ghadi detergent powder methi judi bunch rin bar".split()),
                         brands=frozenset({key("ghadi"), key("rin")}))


def _items(u):
    return [(m.key, m.qty, m.unit) for m in u.items]


@pytest.mark.parametrize("text,qty", [("ek ghadi powder", 1), ("2 ghadi", 2), ("ghadi powder 3", 3),
                                      ("teen ghadi de do", 3)])
def test_a_brand_of_the_store_that_folds_like_a_bunch_word_is_the_brand(text, qty):
    u = understand(text, GHADI_STORE)
    assert len(u.items) == 1 and "gadi" in u.items[0].key.split() and u.items[0].qty == qty
    assert u.items[0].unit != "piece"


@pytest.mark.parametrize("text", ["2 gaddi methi", "methi 2 gaddi"])
def test_the_bunch_word_typed_as_it_is_spelled_is_still_a_bunch(text):
    assert _items(understand(text, GHADI_STORE)) == [(key("methi"), 2, "piece")]


def test_a_store_without_the_brand_reads_the_bunch_word_as_before():
    assert _items(understand("2 ghadi methi", Vocabulary(frozenset({key("methi")})))) == [(key("methi"), 2, "piece")]


@pytest.mark.parametrize("text,qty", [("વિમ બાર 3 આપો", 3), ("વિમ બાર બે", 2), ("રિન બાર 2", 2), ("2 રિન બાર", 2)])
def test_gujarati_bar_after_a_brand_is_the_bar_not_twelve(text, qty):
    u = understand_in_demo(text)
    assert len(u.items) == 1 and u.items[0].qty == qty and "bar" in u.items[0].hints


def test_gujarati_bar_alone_after_a_brand_is_one_bar():
    u = understand_in_demo("વિમ બાર આપો")
    assert len(u.items) == 1 and u.items[0].qty in (None, 1) and "bar" in u.items[0].hints


@pytest.mark.parametrize("text,qty,unit", [("બાર ઈંડા", 12, None), ("મેગી બાર પેકેટ", 12, "pack")])
def test_gujarati_twelve_before_a_product_or_a_unit_is_still_twelve(text, qty, unit):
    u = understand_in_demo(text)
    assert [(m.qty, m.unit) for m in u.items] == [(qty, unit)]


@pytest.mark.parametrize("text,sku", [("rin bar, 2", "RIN-BAR-250"), ("not vim, give me rin bar, 2", "RIN-BAR-250"),
                                      ("vim bar... 3", "VIM-BAR-200")])
def test_a_pack_word_keeps_its_form_when_the_count_comes_after_a_comma(text, sku):
    from tests.unit.demo_store import demo_index

    u = understand_in_demo(text)
    assert [(m.qty, m.unit) for m in u.items] == [(int(text[-1]), "pack")]
    assert demo_index().match(u.items[0]).candidates[0][0].sku == sku


@pytest.mark.parametrize("text,amount", [("1 kg bottle gourd", (1, "kg")), ("2 bottle gourd", (2, None)),
                                         ("bottle gourd 1", (1, None))])
def test_a_pack_word_that_begins_a_grocery_name_is_part_of_the_name(text, amount):
    u = understand_in_demo(text)
    assert [(m.qty, m.unit) for m in u.items] == [amount] and "gord" in u.items[0].key


def test_a_pack_word_before_another_product_is_still_the_pack():
    assert [(m.qty, m.unit) for m in understand_in_demo("1 bottle coke").items] == [(1, "pack")]


@pytest.mark.parametrize("text,word", [("పంచదార ధర ఎంత", "పంచదార"), ("బియ్యం ధర ఎంత", "బియ్యం")])
def test_telugu_price_word_after_a_product_asks_its_price_though_it_spells_a_brand(text, word):
    u = understand_in_demo(text)
    assert u.intent == "ask_price" and [m.text for m in u.items] == [word]


def test_the_brand_said_alone_before_how_much_is_still_the_brand():
    assert [m.text for m in understand_in_demo("dhara oil 1 litre").items] == ["dhara oil"]
