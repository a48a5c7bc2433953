"""Questions about the shop's service (how long delivery takes, opening hours, delivery fees) in every
language: never an item, and a delivery-time question is read as asking about the order."""
from __future__ import annotations

import pytest

from tests.unit.demo_store import demo_index as _index
from tests.unit.demo_store import understand_in_demo as _understand


@pytest.mark.parametrize("text", [
    "how many hours for delivery", "roughly how much time will it take to reach",
    "saamaan kitne ghante mein pahuchega", "kitna time lagega bhaiya", "कितने दिन में पहुंचेगा",
    "ఎంత సమయం పడుతుంది", "എത്ര സമയം എടുക്കും", "எவ்வளவு நேரம் ஆகும்", "ਕਿੰਨਾ ਸਮਾਂ ਲੱਗੇਗਾ",
    "ಎಷ್ಟು ಗಂಟೆಗೆ ಬರುತ್ತೆ", "কতক্ষণ লাগবে দাদা", "माल किती वेळात येईल", "સામાન કેટલા કલાકમાં આવશે",
])
def test_how_long_the_delivery_takes_asks_about_the_order(text):
    u = _understand(text)
    assert u.intent == "track_order" and u.items == ()


@pytest.mark.parametrize("text", [
    "is the shop open on sunday", "dukaan kitne baje band hoti hai", "delivery charges kitna lagta hai",
    "do you deliver on monday", "दुकान कब खुलेगी", "দোকান কখন খোলে", "તમારી દુકાન ક્યારે ખુલશે",
])
def test_a_question_about_hours_or_fees_names_no_product(text):
    u = _understand(text)
    assert u.items == () and u.intent not in ("add_items", "checkout", "yes")


@pytest.mark.parametrize("text,sku", [
    ("2 kilo aalu bhejo, kitne ghante mein aayega?", "POTATO-LOOSE"),
    ("ek good day biscuit dena", "GOODDAY-BUTTER-100"),
])
def test_an_order_said_with_a_time_word_stays_an_order(text, sku):
    u = _understand(text)
    assert u.intent == "add_items" and len(u.items) == 1
    assert _index().match(u.items[0]).candidates[0][0].sku.startswith(sku.split("-")[0])


@pytest.mark.parametrize("text", ["order band kar do", "ऑर्डर बंद करो", "आर्डर कैंसिल करो"])
def test_stopping_the_order_cancels_it_and_is_no_question_about_the_shop(text):
    assert _understand(text).intent == "cancel_order"
