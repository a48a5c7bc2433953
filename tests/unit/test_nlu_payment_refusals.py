"""A way to pay that the customer refuses picks the other way, in any language."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", [
    "i do not want to pay online",
    "online pay nahi karunga",
    "ऑनलाइन नहीं चाहिए",
    "upi venda",
    "ಆನ್‌ಲೈನ್ ಬೇಡ",
    "not by gpay, at the door",
])
def test_refusing_online_means_cash(text):
    assert understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text", [
    "cash nahi hai, gpay karunga",
    "no cash with me",
    "नकद नहीं",
])
def test_refusing_cash_means_online(text):
    assert understand(text).intent == "pay_online"


@pytest.mark.parametrize("text,intent", [
    ("no, online please", "pay_online"),  # the no answers something else; the way said is chosen
    ("online", "pay_online"),
    ("cash on delivery", "cash_on_delivery"),
])
def test_a_way_said_plainly_is_kept(text, intent):
    assert understand(text).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("online nahi", "cash_on_delivery"),  # the refusal after the way refuses it
    ("upi venda", "cash_on_delivery"),
    ("don't want to pay online", "cash_on_delivery"),
    ("no online", "cash_on_delivery"),
    ("cash nahi, gpay", "pay_online"),
    ("not online, cash", "cash_on_delivery"),
    ("nahi bhai COD kar do", "cash_on_delivery"),  # "no - make it cash": the no answers the question
    ("nahi nahi cash dunga", "cash_on_delivery"),
    ("nahi online se", "pay_online"),
    ("no no, online please", "pay_online"),
    ("no, cash on delivery", "cash_on_delivery"),
])
def test_a_no_before_the_way_answers_the_question_a_no_after_it_refuses_the_way(text, intent):
    assert understand(text).intent == intent


@pytest.mark.parametrize("text,intent", [
    ("cash... nahi nahi, online se dunga", "pay_online"),
    ("COD. no wait, I'll pay by UPI", "pay_online"),
    ("online, actually cash is better", "cash_on_delivery"),
    ("ஆன்லைன்... இல்ல, கேஷ் தான்", "cash_on_delivery"),
    ("ক্যাশ... না থাক, অনলাইনে দেব", "pay_online"),
    ("नकद... नहीं रुको, ऑनलाइन", "pay_online"),
])
def test_the_way_said_after_taking_the_first_back_is_chosen(text, intent):
    assert understand(text).intent == intent, text


@pytest.mark.parametrize("text,pays", [
    ("3 kg atta, cash on delivery dunga", "cash_on_delivery"), ("1 litre milk, will pay by upi", "pay_online"),
    ("2 சோப்பு, கேஷ் தான்", "cash_on_delivery"), ("২ কেজি চাল, অনলাইনে দেব", "pay_online"),
])
def test_goods_said_with_the_way_to_pay_are_added_and_the_way_kept(text, pays):
    u = understand(text)
    assert u.intent == "add_items" and len(u.items) == 1 and u.pays == pays, (u.intent, u.items, u.pays)


@pytest.mark.parametrize("text", ["cash", "cash on delivery", "upi se dunga"])
def test_the_way_alone_is_still_the_answer(text):
    u = understand(text)
    assert u.intent in ("cash_on_delivery", "pay_online") and not u.items
