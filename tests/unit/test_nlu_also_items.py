""""Too" after a product makes it an item of its own, and Malayalam "make it" verbs are no products."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", [
    "atta 5 kilo haldi bhi",
    "rice 5 kg and turmeric too",
    "तांदूळ 5 किलो हळद पण",
    "அரிசி 5 கிலோ மஞ்சள் தூள் கூட",
    "బియ్యం 5 కిలో పసుపు కూడా",
    "ಅಕ್ಕಿ 5 ಕೆಜಿ ಅರಿಶಿನ ಕೂಡ",
])
def test_a_product_said_with_too_is_one_more_item(text):
    u = understand(text)
    assert [(m.qty, m.unit) for m in u.items] == [(5.0, "kg"), (None, None)], [m.text for m in u.items]
    assert not any(w in u.items[1].text.lower() for w in ("too", "bhi", "पण", "கூட"))


def test_words_after_an_amount_without_too_still_describe_the_item():
    u = understand("ghee 500 ml patanjali")
    assert len(u.items) == 1 and u.items[0].qty == 500


@pytest.mark.parametrize("text, intent", [("ഇനി ഓർഡർ ആക്കിക്കോളൂ", "checkout"), ("അത് 3 ആക്കണം", "change_quantity")])
def test_malayalam_make_it_is_a_request_not_a_product(text, intent):
    u = understand(text)
    assert u.intent == intent and u.items == ()
