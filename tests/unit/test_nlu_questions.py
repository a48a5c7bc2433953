"""Questions about a price, the stock or the bill are understood as questions in every language, never as orders."""
from __future__ import annotations

import pytest

from tests.unit.demo_store import demo_index as _index
from tests.unit.demo_store import understand_in_demo as _understand
from vyaparai.nlu.types import INTENTS


def _skus(u) -> list[str]:
    skus = []
    for mention in u.items:
        match = _index().match(mention)
        product = match.product or (match.candidates[0][0] if match.candidates else None)
        skus.append(product.sku if product else None)
    return skus


def test_question_intents_are_part_of_the_interface():
    assert {"ask_price", "ask_stock", "ask_total"} <= set(INTENTS)


# (message, the product it asks about: a word of the SKU)
PRICE_QUESTIONS = [
    ("how much does the amul butter cost?", "BUTTER"),
    ("what's the rate of tata salt", "SALT"),
    ("colgate kitne ka hai bhaiya", "COLGATE"),
    ("parle g ka daam kya hai", "PARLE"),
    ("अमूल मक्खन कितने का है?", "BUTTER"),
    ("கோல்கேட் விலை எவ்வளவு?", "COLGATE"),
    ("అమూల్ బటర్ ధర ఎంత?", "BUTTER"),
    ("ಅಮುಲ್ ಬೆಣ್ಣೆ ಬೆಲೆ ಎಷ್ಟು?", "BUTTER"),
    ("അമുൽ ബട്ടർ വില എത്ര?", "BUTTER"),
    ("আমুল মাখন কত টাকা?", "BUTTER"),
    ("अमूल बटर किती रुपयांना आहे?", "BUTTER"),
    ("અમૂલ બટર કેટલાનું છે?", "BUTTER"),
    ("ਅਮੂਲ ਮੱਖਣ ਦੀ ਕੀਮਤ ਕੀ ਹੈ?", "BUTTER"),
]


@pytest.mark.parametrize("text,product", PRICE_QUESTIONS)
def test_a_price_question_names_its_product_and_adds_nothing(text, product):
    u = _understand(text)
    assert u.intent == "ask_price"
    assert any(product in (sku or "") for sku in _skus(u)), _skus(u)


STOCK_QUESTIONS = [
    ("do you have amul butter?", "BUTTER"),
    ("is colgate in stock", "COLGATE"),
    ("got any parle g biscuits?", "PARLE"),
    ("bhaiya amul butter hai kya", "BUTTER"),
    ("क्या आपके पास कोलगेट है?", "COLGATE"),
    ("அமுல் பட்டர் இருக்கா?", "BUTTER"),
    ("కోల్గేట్ ఉందా?", "COLGATE"),
    ("ಅಮುಲ್ ಬೆಣ್ಣೆ ಇದೆಯಾ?", "BUTTER"),
    ("കോൾഗേറ്റ് ഉണ്ടോ?", "COLGATE"),
    ("আমুল মাখন আছে কি?", "BUTTER"),
    ("कोलगेट आहे का?", "COLGATE"),
    ("અમૂલ બટર મળશે?", "BUTTER"),
    ("ਕੀ ਤੁਹਾਡੇ ਕੋਲ ਕੋਲਗੇਟ ਹੈ?", "COLGATE"),
]


@pytest.mark.parametrize("text,product", STOCK_QUESTIONS)
def test_a_stock_question_names_its_product_and_adds_nothing(text, product):
    u = _understand(text)
    assert u.intent == "ask_stock"
    assert any(product in (sku or "") for sku in _skus(u)), _skus(u)


TOTAL_QUESTIONS = [
    "how much do I owe you?", "what's my bill", "bhai mera total kitna hua", "कुल कितना हुआ?",
    "टोटल कितने बने?", "ટોટલ કેટલા થયા?", "ਕੁੱਲ ਕਿੰਨੇ ਬਣ ਗਏ?",
    "மொத்தம் எவ்வளவு ஆச்சு?", "మొత్తం బిల్లు ఎంత?", "ಒಟ್ಟು ಎಷ್ಟು ಆಯ್ತು?", "ആകെ എത്ര ആയി?",
    "মোট কত হলো?", "एकूण बिल किती झाले?", "કુલ બિલ કેટલું થયું?", "ਕੁੱਲ ਕਿੰਨੇ ਹੋਏ?",
]


@pytest.mark.parametrize("text", TOTAL_QUESTIONS)
def test_a_question_about_the_bill_asks_for_the_total(text):
    u = _understand(text)
    assert u.intent == "ask_total"
    assert u.items == ()


@pytest.mark.parametrize("text,product", [
    ("colgate?", "COLGATE"), ("aur amul butter 500 gram?", "BUTTER"), ("और कोलगेट?", "COLGATE"),
    ("আর আমুল মাখন?", "BUTTER"),
])
def test_a_product_and_a_question_mark_asks_whether_it_is_there(text, product):
    u = _understand(text)
    assert u.intent == "ask_stock"
    assert any(product in (sku or "") for sku in _skus(u)), _skus(u)


@pytest.mark.parametrize("text", ["2 colgate?", "amul butter 2 packet?", "1 kg atta?"])
def test_an_amount_and_a_question_mark_is_still_an_order(text):
    assert _understand(text).intent == "add_items"


@pytest.mark.parametrize("text", ["2 packet amul butter bhej do", "send one colgate please",
                                  "अमूल मक्खन दो पैकेट चाहिए"])
def test_an_order_stays_an_order(text):
    assert _understand(text).intent == "add_items"


@pytest.mark.parametrize("text", ["rate thoda kam karo bhai", "tamatar ka bhav kab girega"])
def test_talk_about_prices_that_asks_nothing_adds_nothing(text):
    u = _understand(text)
    assert u.intent not in ("add_items", "ask_price", "change_quantity")


@pytest.mark.parametrize("text,intent", [
    ("alright", "yes"), ("great, thanks", "yes"), ("achha theek hai", "yes"), ("ok, that's all", "checkout"),
    ("when is it coming?", "track_order"), ("confirm please", "checkout"),
])
def test_a_short_answer_is_never_a_product(text, intent):
    u = _understand(text)
    assert u.intent == intent
    assert u.items == ()


@pytest.mark.parametrize("text", [
    "kitna paisa dena hai", "कितने पैसे देने हैं", "কত টাকা দিতে হবে", "எவ்வளவு பணம் கொடுக்கணும்", "ఎంత డబ్బు ఇవ్వాలి",
    "ಎಷ್ಟು ದುಡ್ಡು ಕೊಡಬೇಕು", "എത്ര രൂപ കൊടുക്കണം", "किती पैसे द्यायचे", "કેટલા પૈસા આપવાના", "ਕਿੰਨੇ ਪੈਸੇ ਦੇਣੇ ਨੇ",
])
def test_how_much_money_to_give_asks_the_bill(text):
    u = _understand(text)
    assert u.intent == "ask_total" and u.items == ()


@pytest.mark.parametrize("text", ["ghar pe paise dunga", "घर पर पैसे दूंगा", "வீட்டுல பணம் தரேன்"])
def test_money_handed_over_at_home_is_cash_on_delivery(text):
    assert _understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text", ["is there any discount", "koi offer hai kya", "free delivery hai?"])
def test_a_question_about_offers_names_no_product(text):
    u = _understand(text)
    assert u.items == () and u.intent != "add_items"


@pytest.mark.parametrize("text", ["दोन किलो साखर घाला", "ਦੋ ਕਿਲੋ ਖੰਡ ਪਾਓ"])
def test_marathi_and_punjabi_put_in_verbs_are_no_product(text):
    u = _understand(text)
    assert u.intent == "add_items" and [(m.qty, m.unit) for m in u.items] == [(2.0, "kg")]


@pytest.mark.parametrize("text", ["kaun kaun se biscuit hai", "कौन कौन से तेल हैं", "what brands of atta", "எந்த எண்ணெய் இருக்கு",
                                  "কোন তেল আছে", "ਕਿਹੜਾ ਤੇਲ ਹੈ", "कोणते तेल आहे"])
def test_which_ones_are_there_asks_what_the_shelf_holds(text):
    u = _understand(text)
    assert u.intent == "ask_stock" and len(u.items) == 1


def test_what_all_is_sold_names_no_product():
    assert _understand("kya kya milta hai").items == ()
