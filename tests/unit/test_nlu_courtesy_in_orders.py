"""Thanks, "that's all" and leave-taking said inside an order message are nothing: the order holds only
the goods named, with no extra unfound item and no price question."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, products", [
    ("3 kilo aloo, bas itna hi, bahut shukriya didi", ["aloo"]),
    ("half kg paneer, that's all, thanks a lot", ["paneer"]),
    ("1 litre milk that is it thank you so much", ["milk"]),
    ("மூணு கிலோ அரிசி, அவ்வளவுதான், ரொம்ப நன்றி அண்ணா", ["அரிசி"]),
    ("మూడు కిలోల బియ్యం, అంతే, థాంక్యూ అన్నా", ["బియ్యం"]),
    ("৩ কেজি চাল, অনেক ধন্যবাদ দাদা", ["চাল"]),
    ("ત્રણ કિલો ચોખા, બસ આટલું જ, આભાર ભાઈ", ["ચોખા"]),
    ("ಮೂರು ಕೆಜಿ ಅಕ್ಕಿ, ಥ್ಯಾಂಕ್ಯೂ ಅಣ್ಣ", ["ಅಕ್ಕಿ"]),
])
def test_thanks_and_done_words_with_the_goods_add_nothing_more(text, products):
    u = understand(text)
    assert u.intent in ("add_items", "change_quantity"), (text, u.intent)
    assert [m.text for m in u.items] == products


@pytest.mark.parametrize("text, products", [
    ("2 kilo atta, baaki kal bataunga", ["atta"]),
    ("2 kilo atta baaki baad mein bataunga", ["atta"]),
    ("2 কেজি আটা, বাকি পরে জানাব", ["আটা"]),
    ("2 கிலோ ரவை, மீதி நாளைக்கு சொல்றேன்", ["ரவை"]),
])
def test_leave_taking_after_the_goods_is_no_item(text, products):
    assert [m.text for m in understand(text).items] == products


@pytest.mark.parametrize("text", ["thank you so much", "bahut bahut dhanyavaad bhaiya", "థాంక్యూ అన్నా"])
def test_thanks_alone_still_asks_nothing(text):
    u = understand(text)
    assert u.intent == "unknown" and not u.items


def test_a_price_question_after_thanks_is_still_a_question():
    assert understand("thanks bhaiya, how much is the paneer?").intent == "ask_price"


def test_an_order_for_tomorrow_keeps_its_goods():
    assert [m.text for m in understand("kal 2 kilo aata bhejna").items] == ["aata"]


@pytest.mark.parametrize("text, products", [
    ("hope you are doing well, could you send 1 kg dal", ["dal"]),
    ("নমস্কার দাদা, কেমন আছেন? ২ কেজি আলু দিন", ["আলু"]),
    ("ఎలా ఉన్నారు? రెండు కిలోల ఉల్లిపాయలు", ["ఉల్లిపాయలు"]),
    ("ਕੀ ਹਾਲ ਹੈ ਵੀਰ ਜੀ? 2 ਕਿੱਲੋ ਆਲੂ", ["ਆਲੂ"]),
])
def test_asking_after_the_shopkeeper_before_the_order_is_no_item(text, products):
    u = understand(text)
    assert u.intent == "add_items" and [m.text for m in u.items] == products


@pytest.mark.parametrize("text", ["how are you", "কেমন আছেন", "ਕੀ ਹਾਲ ਹੈ?", "kaise ho bhaiya"])
def test_asking_after_the_shopkeeper_alone_is_a_greeting(text):
    u = understand(text)
    assert u.intent == "greet" and not u.items


@pytest.mark.parametrize("text, product", [
    ("how much is the dal per kg?", "dal"), ("bhindi ka rate per kg kya hai", "bhindi"),
    ("चीनी प्रति किलो कितने की है", "चीनी"), ("ఉల్లిపాయలు ప్రతి కిలో ధర ఎంత", "ఉల్లిపాయలు"),
])
def test_per_and_a_unit_in_a_price_question_is_no_part_of_the_product(text, product):
    u = understand(text)
    assert u.intent == "ask_price" and [m.text for m in u.items] == [product]
