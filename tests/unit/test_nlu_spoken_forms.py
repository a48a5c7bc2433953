"""Spoken forms of the languages: "if you have it" before a count, removal verbs as said, Punjabi's future
"will I get", Marathi's -ं neuter (जिरं), Marathi numbers and ॅ telling Marathi from Hindi, Tamil தட்டு (tray)."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, product", [
    ("பூஸ்ட் இருந்தா மூணு குடுங்க", "பூஸ்ட்"),
    ("ಬೂಸ್ಟ್ ಇದ್ದರೆ ಮೂರು ಕೊಡಿ", "ಬೂಸ್ಟ್"),
    ("বুস্ট থাকলে তিনটে দিন", "বুস্ট"),
    ("बूस्ट असेल तर तीन द्या", "बूस्ट"),
    ("ബൂസ്റ്റ് ഉണ്ടെങ്കിൽ മൂന്ന് തരൂ", "ബൂസ്റ്റ്"),
])
def test_if_you_have_it_before_a_count_is_no_part_of_the_product(text, product):
    u = understand(text)
    assert u.intent == "add_items" and [(m.text, m.qty) for m in u.items] == [(product, 3.0)]


@pytest.mark.parametrize("text", ["ಈರುಳ್ಳಿ ತೆಗೆದುಬಿಡಿ", "ഉള്ളി മാറ്റിക്കോ", "ਪਿਆਜ਼ ਕੱਢ ਦਿਓ", "ਪਿਆਜ਼ ਕੱਟ ਦਿਓ"])
def test_spoken_removal_verbs_remove_the_item(text):
    u = understand(text)
    assert u.intent == "remove_item" and "onion" in lexicon.load().concepts(u.items[0].key)


@pytest.mark.parametrize("text", ["ਤਿੰਨ ਬੂਸਟ ਮਿਲ ਜਾਣਗੇ?", "ਬੂਸਟ ਮਿਲੂਗਾ?"])
def test_punjabi_will_i_get_asks_the_stock(text):
    u = understand(text)
    assert u.intent == "ask_stock" and len(u.items) == 1


@pytest.mark.parametrize("text, concept", [("शंभर ग्रॅम जिरं", "cumin"), ("पाव किलो आलं", "ginger")])
def test_marathi_neuter_in_anusvara_is_the_grocery_word(text, concept):
    assert concept in lexicon.load().concepts(understand(text).items[0].key)


@pytest.mark.parametrize("text", ["पाच किलो कांदा", "शंभर ग्रॅम हळद", "दहा अंडी"])
def test_marathi_numbers_and_candra_e_are_marathi(text):
    assert understand(text).lang == "mr"


@pytest.mark.parametrize("text", ["पांच किलो प्याज", "सौ ग्राम हल्दी"])
def test_hindi_numbers_stay_hindi(text):
    assert understand(text).lang == "hi"


def test_tamil_thattu_is_a_tray():
    assert understand("ரெண்டு தட்டு முட்டை").items[0].key.split()[0] == understand("2 tray").items[0].key


@pytest.mark.parametrize("text", ["forget the surf", "scratch the surf", "skip surf"])
def test_english_ways_of_taking_an_item_out_remove_it(text):
    u = understand(text)
    assert u.intent == "remove_item" and [m.text for m in u.items] == ["surf"]


@pytest.mark.parametrize("text", ["ਬਿੱਲ ਬਣਾ ਦਿਓ", "બિલ બનાવી દો"])
def test_make_the_bill_names_no_product(text):
    assert not understand(text).items  # ਬਣਾ (make) was a banana


@pytest.mark.parametrize("text", ["200 ka note hai", "chutta nahi, 2000 ka note dunga"])
def test_paying_with_a_note_is_cash(text):
    assert understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text, product", [("ஒரு மூணு கிலோ அரிசி", "அரிசி"), ("ഒരു മൂന്ന് കിലോ അരി", "അരി"),
                                           ("ఒక మూడు కిలోల బియ్యం", "బియ్యం"), ("ಒಂದು ಮೂರು ಕೆಜಿ ಅಕ್ಕಿ", "ಅಕ್ಕಿ")])
def test_one_before_a_number_says_about_and_counts_nothing(text, product):
    assert [(m.text, m.qty, m.unit) for m in understand(text).items] == [(product, 3.0, "kg")]
