"""Goods in one clause and a question about the service's fee in another: the goods are ordered, not priced."""
import pytest

from tests.unit.demo_store import understand_in_demo


@pytest.mark.parametrize("text", [
    "மூணு சர்ஃப் எக்செல், டெலிவரி சார்ஜ் எவ்வளவு?",
    "3 surf excel, delivery charge kitna lagega?",
    "तीन सर्फ एक्सेल, डिलीवरी चार्ज कितना लगेगा?",
    "3 surf excel, how much is the delivery charge?",
    "మూడు సర్ఫ్ ఎక్సెల్, డెలివరీ చార్జ్ ఎంత?",
    "ಮೂರು ಸರ್ಫ್ ಎಕ್ಸೆಲ್, ಡೆಲಿವರಿ ಚಾರ್ಜ್ ಎಷ್ಟು?",
    "তিনটে সার্ফ এক্সেল, ডেলিভারি চার্জ কত?",
])
def test_the_goods_clause_orders_when_the_how_much_asks_the_fee(text):
    u = understand_in_demo(text)
    assert u.intent == "add_items" and [m.qty for m in u.items] == [3]


@pytest.mark.parametrize("text,intent", [
    ("3 surf excel kitne ka hai?", "ask_price"),  # the how-much is about the goods themselves
    ("delivery charge kitna hai?", "unknown"),  # the fee alone: no product
    ("டெலிவரி சார்ஜ் எவ்வளவு?", "unknown"),
])
def test_a_how_much_about_the_goods_or_the_fee_alone_is_still_a_question(text, intent):
    assert understand_in_demo(text).intent == intent
