""""How" with a verb of giving or selling asks the rate ("bhindi kaise lagayi?"); it orders nothing."""
import pytest

from vyaparai.nlu.pipeline import key, understand


@pytest.mark.parametrize("text, product", [
    ("bhindi kaise lagaye bhaiya", "bhindi"),
    ("kela kaise diya aaj", "kela"),
    ("भिंडी कैसे दिए", "भिंडी"),
    ("केळी कशी दिली?", "केळी"),
    ("ਭਿੰਡੀ ਕਿਵੇਂ ਦਿੱਤੀ", "ਭਿੰਡੀ"),
    ("ભીંડા કેમ આપ્યા?", "ભીંડા"),
])
def test_how_given_asks_the_price_of_the_product(text, product):
    u = understand(text)
    assert u.intent == "ask_price"
    assert [i.key for i in u.items] == [key(product)]


@pytest.mark.parametrize("text", ["bhindi de do", "ek kilo bhindi dijiye", "भिंडी दे दो"])
def test_the_request_form_of_give_still_orders(text):
    assert understand(text).intent == "add_items"
