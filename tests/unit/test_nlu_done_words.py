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


@pytest.mark.parametrize("text, products", [
    ("1 kilo aloo aur 1 kilo pyaz bhej dena, dhanyavaad", ["aloo", "pyaz"]),  # dhanyavaad ~ dhaniya
    ("1 किलो आलू और 1 किलो प्याज़, शुक्रिया", ["आलू", "प्याज़"]),  # शुक्रिया ~ shakkar
    ("2 kg onions, thank you", ["onions"]),
    ("২ কেজি পেঁয়াজ, ধন্যবাদ", ["পেঁয়াজ"]),
])
def test_thanks_said_with_the_items_is_no_item(text, products):
    assert [m.text for m in understand(text).items] == products


@pytest.mark.parametrize("text", ["dhanyavaad", "धन्यवाद", "ধন্যবাদ", "நன்றி", "thank you bhaiya", "ਧੰਨਵਾਦ ਜੀ"])
def test_thanks_alone_is_nothing_to_act_on(text):
    u = understand(text)
    assert u.intent == "unknown" and not u.items


@pytest.mark.parametrize("text, intent, products", [
    ("લીંબુ નથી જોઈતા", "remove_item", ["લીંબુ"]),  # "(I) don't want lemons": the want-form is no product
    ("મને લીંબુ નથી જોઈતું", "remove_item", ["લીંબુ"]),
    ("મને 2 કિલો ખાંડ જોઈતી હતી", "add_items", ["ખાંડ"]),  # "I wanted 2 kg sugar"
])
def test_gujarati_forms_of_want_are_no_product(text, intent, products):
    u = understand(text)
    assert u.intent == intent and [m.text for m in u.items] == products


@pytest.mark.parametrize("text", [
    "nahi, itna kaafi hai, order karo", "no, that's all, place the order", "no more items, checkout",
    "না, আর কিছু না, অর্ডার করে দিন", "नहीं और कुछ नहीं, ऑर्डर कर दो", "కాదు, ఇంకేమీ వద్దు, ఆర్డర్ చేయండి",
])
def test_no_answering_anything_else_then_done_places_the_order(text):
    assert understand(text).intent == "checkout", text


@pytest.mark.parametrize("text", ["nahi bas, order mat karo", "order nahi chahiye", "no, don't place the order"])
def test_a_refused_order_is_still_cancelled(text):
    assert understand(text).intent == "cancel_order", text
