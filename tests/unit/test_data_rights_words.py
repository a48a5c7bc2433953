"""Reading a customer's request about their own data: erase it, or see what is kept; shopping talk is neither."""
import pytest

from vyaparai.nlu.data_rights_words import data_request


@pytest.mark.parametrize("text", [
    "please delete my data",
    "Erase all my personal information from your shop",
    "forget me",
    "bhaiya mera data delete kar do",
    "meri saari jankari mita do",
    "कृपया मेरा डेटा हटा दीजिए",
    "என்னோட டேட்டாவை அழிச்சிடுங்க",
    "ನನ್ನ ಮಾಹಿತಿಯನ್ನು ಅಳಿಸಿಬಿಡಿ",
    "আমার সব ডেটা মুছে ফেলুন",
])
def test_asking_to_erase_is_read_in_several_languages(text):
    assert data_request(text) == "forget"


@pytest.mark.parametrize("text", [
    "which details of mine do you store?",
    "mere baare mein kya data rakha hai",
    "मेरी कौनसी जानकारी आपके पास है?",
    "என்னைப் பற்றி என்ன டேட்டா வச்சிருக்கீங்க",
    "আমার কী তথ্য আপনারা রেখেছেন?",
])
def test_asking_what_is_kept_is_read_in_several_languages(text):
    assert data_request(text) == "see"


@pytest.mark.parametrize("text", [
    "remove the maggi",
    "delete my order",  # an order, not their data: the order flow answers
    "clear my cart",
    "send me the amul butter details",  # a product's details, not theirs
    "data recharge kya hai",
    "what is my order number",
    "मेरा सामान कब आएगा",
    "",
])
def test_shopping_talk_is_no_data_request(text):
    assert data_request(text) is None
