"""An order and a question about another product in one message: the asked-about product is not ordered."""
import pytest

from vyaparai.nlu.pipeline import key, understand


def _items(text):
    u = understand(text)
    return u.intent, [(i.key, i.qty) for i in u.items]


@pytest.mark.parametrize("text, ordered", [
    ("3 kilo chawal bhej do, aur dal kitne ki hai?", [("chawal", 3)]),
    ("besan kitne ka hai? aur 2 kilo chini de do", [("chini", 2)]),
    ("send 2 kg rice and what is the price of ghee?", [("rice", 2)]),
    ("तीन किलो चावल भेज दो, दाल कितने की है?", [("चावल", 3)]),
    ("மூணு கிலோ அரிசி, பருப்பு விலை எவ்வளவு?", [("அரிசி", 3)]),
])
def test_the_asked_product_is_left_out_and_the_order_stays(text, ordered):
    assert _items(text) == ("add_items", [(key(w), q) for w, q in ordered])


def test_amounts_asked_about_together_are_one_price_question():
    intent, items = _items("3 kilo chawal aur 1 kilo dal kitne ka hoga")
    assert intent == "ask_price" and len(items) == 2


def test_a_question_alone_is_still_a_question():
    assert _items("dal kitne ki hai?") == ("ask_price", [(key("dal"), None)])


def test_the_asked_product_is_handed_on_for_its_price():
    u = understand("3 kilo chawal bhej do, aur dal kitne ki hai?")
    assert [i.key for i in u.asked] == [key("dal")]
    assert understand("3 kilo chawal bhej do").asked == ()
