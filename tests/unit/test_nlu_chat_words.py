"""Everyday chat words (yes, enough, please-order, fillers, size words) never become products."""
from __future__ import annotations

import pytest

from tests.unit.demo_store import demo_index as _index
from tests.unit.demo_store import understand_in_demo as _understand


def _lines(text: str) -> list[tuple[str | None, float | None, str | None]]:
    """(sku, qty, unit) of each item, as the cart would get it."""
    u = _understand(text)
    out = []
    for mention in u.items:
        match = _index().match(mention)
        product = match.product or (match.candidates[0][0] if match.candidates else None)
        out.append((product.sku if product else None, mention.qty, mention.unit))
    return out


@pytest.mark.parametrize("text", [
    "ਹਾਂਜੀ", "हाँजी", "అలాగే", "சரிங்க", "ಆಯ್ತು", "ഓക്കെ", "আচ্ছা", "ભલે", "चालेल", "ஆம்", "ओके",
])
def test_yes_words_of_every_script_answer_yes(text):
    u = _understand(text)
    assert (u.intent, u.items) == ("yes", ())


@pytest.mark.parametrize("text", [
    "bas", "that's it", "ব্যস", "এটুকুই", "அவ்ளோதான்", "అంతే", "ಅಷ್ಟೇ", "മതി", "ਬੱਸ", "એટલું જ", "एवढंच",
    "इतना ही", "ব্যস, এবার অর্ডার করুন", "ಅಷ್ಟೇ, ಆರ್ಡರ್ ಮಾಡಿ", "അത്ര മതി, ഓർഡർ ചെയ്യൂ", "అంతే, ఆర్డర్ పెట్టండి",
])
def test_that_is_all_places_the_order(text):
    u = _understand(text)
    assert (u.intent, u.items) == ("checkout", ())


@pytest.mark.parametrize("text", [
    "order please", "ऑर्डर करना है", "order kar dijiye", "ഓർഡർ ചെയ്യൂ", "ഓർഡർ ചെയ്യുക", "i want to order",
    "ਆਰਡਰ ਕਰ ਦਿਓ ਜੀ",
])
def test_order_with_only_polite_words_places_the_order(text):
    assert _understand(text).intent == "checkout"


@pytest.mark.parametrize("text", ["ಈರುಳ್ಳಿ ಎರಡು ಕೆಜಿ ಸಾಕು", "ఉల్లిపాయలు రెండు కిలోలు చాలు", "pyaaz 2 kilo bas"])
def test_an_amount_with_enough_sets_that_amount(text):
    u = _understand(text)
    assert u.intent == "change_quantity"
    assert [(m.qty, m.unit) for m in u.items] == [(2.0, "kg")]
    assert _lines(text)[0][0] == "ONION-LOOSE"


@pytest.mark.parametrize("text", ["tamatar cancel karo", "टमाटर कैंसल कर दो", "tomato cancel"])
def test_a_product_with_cancel_removes_it_and_keeps_the_order(text):
    u = _understand(text)
    assert u.intent == "remove_item"
    assert [line[0] for line in _lines(text)] == ["TOMATO-LOOSE"]


@pytest.mark.parametrize("text, small", [
    ("चार छोटे पैकेट मैगी भेजो", True), ("four small packets of maggi for the kids", True),
    ("চারটে ছোট প্যাকেট ম্যাগি দিন", True), ("ਚਾਰ ਛੋਟੇ ਪੈਕੇਟ ਮੈਗੀ", True), ("4 bade packet maggi", False),
    ("ચાર નાના પેકેટ મેગી", True), ("நாலு சின்ன பாக்கெட் மேகி", True), ("ನಾಲ್ಕು ಸಣ್ಣ ಪ್ಯಾಕೆಟ್ ಮ್ಯಾಗಿ", True),
    ("നാല് ചെറിയ പാക്കറ്റ് മാഗി", True), ("నాలుగు చిన్న ప్యాకెట్లు మ్యాగీ", True), ("चार लहान पाकीट मॅगी", True),
])
def test_size_words_describe_the_product_and_are_never_one(text, small):
    u = _understand(text)
    assert len(u.items) == 1
    assert u.items[0].size_hint == ("small" if small else "large")
    assert (u.items[0].qty, u.items[0].unit) == (4.0, "pack")
    assert _lines(text)[0][0].startswith("MAGGI")


@pytest.mark.parametrize("text, qty, unit", [
    ("ஒரு நிமிஷம்... மூணு மேகி பாக்கெட் சேருங்க", 3.0, "pack"),  # a wait, and an add verb
    ("ek minute, teen maggi", 3.0, None),
    ("മാഗി മൂന്ന് പാക്കറ്റ് ഇടൂ", 3.0, "pack"),
    ("maggi 5 packet, sorry, 3 of them", 3.0, None),
    ("మ్యాగీ మూడు ప్యాకెట్లు వేయండి", 3.0, "pack"),
    ("মাগি ৩টা", 3.0, None),  # a Bengali counting word after digits
    ("ಮ್ಯಾಗಿ ಮೂರೇ ಪ್ಯಾಕೆಟ್ ಕೂಡ ಹಾಕಿ, ಬೇಗ ಕಳಿಸಿ", 3.0, "pack"),  # emphasis, "also", "quickly"
    ("मॅगी तीनच पाकीट", 3.0, "pack"),
    ("maggi 3 hi", 3.0, None),
])
def test_fillers_verbs_and_particles_stay_out_of_the_product(text, qty, unit):
    lines = _lines(text)
    assert len(lines) == 1, lines
    assert lines[0][0].startswith("MAGGI") and lines[0][1:] == (qty, unit)


def test_two_minute_noodles_keep_their_minutes():
    assert _lines("2 minute maggi 3 packet")[0][1:] == (3.0, "pack")


@pytest.mark.parametrize("text, size", [("नारियल तेल 250 मि.ली. एक", 250.0), ("தேங்காய் எண்ணெய் 500 மி.லி ஒன்னு", 500.0)])
def test_dotted_unit_abbreviations_are_one_unit(text, size):
    u = _understand(text)
    assert len(u.items) == 1
    item = u.items[0]
    assert item.qty == 1.0 and ((item.size and item.size.value == size) or item.unit == "ml")


@pytest.mark.parametrize("text", [
    "एक किलो साखरेचा पुडा", "ખાંડનો એક કિલો", "এক কেজি চিনির প্যাকেট", "ಸಕ್ಕರೆಯನ್ನು ಒಂದು ಕೆಜಿ ಕೊಡಿ",
    "ஒரு கிலோ சர்க்கரையை போடுங்க",
])
def test_a_product_word_with_a_case_ending_is_still_that_product(text):
    lines = _lines(text)
    assert len(lines) == 1 and lines[0][1:] == (1.0, "kg")
    assert lines[0][0] == "SUGAR-LOOSE"


def test_an_ending_inside_a_grocery_phrase_stays():
    assert _lines("ચણાનો લોટ અડધો કિલો")[0][0] == "BESAN-LOOSE"


@pytest.mark.parametrize("text", ["do you have amul butter?", "have you got parle g", "do you have toor dal"])
def test_english_questions_stay_english(text):
    assert _understand(text).lang == "en"


@pytest.mark.parametrize("text, target", [
    ("English లో మాట్లాడండి", "en"), ("Tamil ல பேசுங்க", "ta"), ("हिंदी में बात करो", "hi"), ("ಕನ್ನಡ ದಲ್ಲಿ ಮಾತಾಡಿ", "kn"),
])
def test_a_language_name_with_a_separate_postposition_switches(text, target):
    u = _understand(text)
    assert (u.intent, u.target_lang, u.items) == ("change_language", target, ())


@pytest.mark.parametrize("text", ["how long will it take", "who won the match yesterday", "what time is it"])
def test_everyday_words_are_no_products_without_a_product_context(text):
    u = _understand(text)
    assert u.items == () and u.intent not in ("add_items", "ask_stock", "ask_price")


def test_the_same_words_name_products_beside_an_amount():
    assert _lines("2 match box") and _lines("2 match box")[0][0] == "SHIP-MATCH-10"


@pytest.mark.parametrize("text", ["पारले जी 2 पैकेट", "ਪਾਰਲੇ ਜੀ ਦੋ ਪੈਕੇਟ", "পার্লে জি ২ প্যাকেট"])
def test_ji_after_a_brand_with_a_lone_letter_is_that_letter(text):
    u = _understand(text)
    assert len(u.items) == 1 and u.items[0].qty == 2.0
    assert _index().match(u.items[0]).candidates[0][0].sku.startswith("PARLEG")


def test_polite_ji_stays_polite():
    assert _understand("हाँ जी").intent == "yes"


def test_a_replacement_naming_its_own_brand_borrows_nothing_from_the_refused_one():
    u = _understand("parle g nahi, britannia milk bread do")
    assert [m.text for m in u.items] == ["britannia milk bread"]


def test_a_brand_ending_like_a_case_ending_keeps_its_letters():
    u = _understand("ডাবর মধু একটা দিন")
    assert [m.text for m in u.items] == ["ডাবর মধু"]


@pytest.mark.parametrize("text, qty, unit, sku", [
    ("அரை கிலோ வெண்டைக்காய்", 0.5, "kg", "BHINDI-LOOSE"),  # a grocery word is no "not wanted" + ending
    ("ਦੋ ਕਿੱਲੋ ਆਲੂ ਤੇ ਪਾਈਆ ਅਦਰਕ", 0.25, "kg", "GINGER-LOOSE"),  # a paav is a quarter kilo
    ("पाव भर अदरक", 0.25, "kg", "GINGER-LOOSE"),
    ("రెండు పాల ప్యాకెట్లు", 2.0, "pack", None),  # పాల: the oblique form of పాలు (milk)
])
def test_native_grocery_words_and_weights(text, qty, unit, sku):
    lines = _lines(text)
    assert lines[-1][1:] == (qty, unit)
    if sku:
        assert lines[-1][0] == sku
    else:
        assert "MILK" in lines[-1][0] or lines[-1][0].startswith(("AMUL-TAAZA", "NANDINI", "AAVIN", "MD-"))


@pytest.mark.parametrize("text", ["നെയ്യ് 1 ലിറ്റർ ഉള്ളത് രണ്ട്", "ತುಪ್ಪ 1 ಲೀಟರ್ ಇರುವ ಎರಡು"])
def test_the_one_that_has_names_the_pack_not_the_count(text):
    u = _understand(text)
    assert len(u.items) == 1
    assert (u.items[0].qty, u.items[0].size.value, u.items[0].size.unit) == (2.0, 1.0, "l")


def test_can_is_a_pack_word_and_cancel_is_still_cancel():
    u = _understand("ಸನ್ಫ್ಲವರ್ ಎಣ್ಣೆ 5 ಲೀಟರ್ ಕ್ಯಾನ್ ಒಂದು")
    assert len(u.items) == 1 and u.items[0].qty == 1.0
    assert _understand("ಆರ್ಡರ್ ಕ್ಯಾನ್ಸಲ್ ಮಾಡಿ").intent == "cancel_order"


@pytest.mark.parametrize("text", ["কেন এত দেরি হচ্ছে", "इतनी देर क्यों लग रही है", "ஏன் இவ்வளவு லேட்"])
def test_why_so_late_asks_about_the_order(text):
    assert _understand(text).intent == "track_order"


def test_question_words_keep_their_letters():
    u = _understand("మొత్తం బిల్లు ఎంత అయింది?")
    assert (u.intent, u.items) == ("ask_total", ())


def test_a_variant_wala_after_a_refusal_keeps_the_product_name_not_the_refused_variant():
    u = _understand("good day butter nahi, cashew wala do")
    assert len(u.items) == 1 and "butter" not in u.items[0].text and "cashew" in u.items[0].text
    u = _understand("masala maggi nahi, atta wala")
    assert u.items[0].text == "atta maggi"


def test_enough_before_an_amount_does_not_change_the_amount_of_what_follows():
    u = _understand("bas, 2 maggi aur de do")
    assert u.intent == "add_items" and [(m.qty, m.unit) for m in u.items] == [(2.0, None)]


@pytest.mark.parametrize("text, sku", [
    ("एक किलो तुरीचा डाळ", "TOOR-LOOSE"),  # the genitive agrees otherwise than the lexicon's तुरीची डाळ
    ("એક કિલો મગનો દાળ", "MOONG-LOOSE"),
])
def test_a_genitive_of_another_gender_is_still_the_grocery_phrase(text, sku):
    lines = _lines(text)
    assert len(lines) == 1 and lines[0][0].startswith(sku.split("-")[0])


def test_a_signal_word_inside_a_grocery_phrase_is_that_grocery():
    u = _understand("10 rupaye ka kari patta bhi")
    assert u.intent == "add_items" and [m.text for m in u.items] == ["kari patta"]
