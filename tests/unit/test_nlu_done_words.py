"""'That's all' in every language ends the adding and starts the checkout: it is never a product."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", [
    "এই শেষ", "শেষ", "ব্যস, এই শেষ",  # Bengali "(this is the) end"
    "இவ்வளவு தான்", "இவ்ளோதான்",  # Tamil "only this much"
    "ఇంతే",  # Telugu
    "ಇಷ್ಟೇ",  # Kannada
    "ഇത്രയേ ഉള്ളൂ",  # Malayalam
    "thats all", "bas itna hi", "अब बस", "एवढंच",
])
def test_that_is_all_starts_the_checkout(text):
    u = understand(text)
    assert u.intent == "checkout"
    assert not u.items


def test_this_much_in_a_price_question_is_still_a_question():
    assert understand("இவ்வளவு விலையா?").intent == "ask_price"


def test_malayalam_nothing_else_is_a_no_not_one_of_something():
    u = understand("വേറെ ഒന്നും വേണ്ട")  # "other" + "(not) even one" + "not needed"
    assert u.intent == "no"
    assert not u.items
