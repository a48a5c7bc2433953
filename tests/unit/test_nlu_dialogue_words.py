"""Words of a running chat: discourse words, price questions, a repeated 'no', a bare new count, 'give' after
a size, and English brand names and Tamil loanwords as the scripts spell them."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import ItemMention


@pytest.mark.parametrize("text,product", [
    ("ok phir 3 parle g", "parle"), ("फिर एक सर्फ एक्सेल", "सर्फ एक्सेल"), ("then two lux soap", "lux soap"),
    ("பிறகு ஒரு லக்ஸ் சோப்பு", "லக்ஸ் சோப்பு"), ("తర్వాత రెండు లక్స్ సబ్బులు", "లక్స్ సబ్బు"),
    ("আবার একটা লাক্স সাবান", "লাক্স সাবান"), ("ਫੇਰ ਇੱਕ ਲਕਸ ਸਾਬਣ", "ਲਕਸ ਸਾਬਣ"), ("પછી બે લક્સ સાબુ", "લક્સ સાબુ"),
    ("ಆಮೇಲೆ ಒಂದು ಲಕ್ಸ್ ಸೋಪ್", "ಲಕ್ಸ್ ಸೋಪ್"), ("വീണ്ടും ഒരു ലക്സ് സോപ്പ്", "ലക്സ് സോപ്പ്"), ("मग दोन लक्स साबण", "लक्स साबण"),
])
def test_a_discourse_word_is_never_part_of_the_product(text, product):
    u = understand(text)
    assert u.intent == "add_items" and [m.text for m in u.items] == [product]


@pytest.mark.parametrize("text", ["chalo order bana do", "चलो ऑर्डर बना दो", "chaliye order banaiye"])
def test_lets_make_the_order_is_the_checkout(text):
    assert understand(text).intent == "checkout"


@pytest.mark.parametrize("text", ["सर्फ एक्सेल किती ला आहे?", "surf excel kiti la", "সার্ফ এক্সেল কত করে?",
                                  "சர்ஃப் எக்செல் எத்தனை ரூபாய்?", "surf excel kitne ka hai", "ਸਰਫ ਐਕਸਲ ਕਿੰਨੇ ਦਾ ਹੈ",
                                  "સર્ફ એક્સેલ કેટલાનું છે", "ಸರ್ಫ್ ಎಕ್ಸೆಲ್ ಎಷ್ಟು?", "സർഫ് എക്സൽ എത്രയാ"])
def test_how_much_with_its_case_particle_asks_the_price(text):
    u = understand(text)
    assert u.intent == "ask_price" and len(u.items) == 1


def test_a_verb_after_a_product_is_still_an_order():
    assert understand("एक सर्फ एक्सेल ला").intent == "add_items"


@pytest.mark.parametrize("text,hint", [("nahi nahi chhota wala packet chahiye", "small"),
                                       ("no no, the bigger one please", "large"),
                                       ("இல்ல இல்ல பெரிய பாக்கெட் வேணும்", "large"),
                                       ("नहीं, बड़ा वाला दो", "large")])
def test_no_no_before_a_size_request_is_the_size_request(text, hint):
    u = understand(text)
    assert u.intent == "add_items" and [m.size_hint for m in u.items] == [hint]
    assert u.items[0].qty in (None, 1)  # "दो" after "बड़ा वाला" is "give", not two


def test_no_no_alone_is_still_no():
    assert understand("nahi nahi").intent == "no"


@pytest.mark.parametrize("text,count", [("make it 4", 4), ("5 kar do", 5), ("दो कर दो", 2), ("no, make it 6", 6),
                                        ("তিনটে করে দিন", 3), ("మూడు చేయండి", 3), ("ಎರಡು ಮಾಡಿ", 2),
                                        ("3 maggi", None), ("तीन करा", 3), ("3 packet kar do", 3),
                                        ("ரெண்டா பண்ணுங்க", 2), ("ત્રણ કરી દો", 3)])
def test_a_bare_new_count_changes_the_quantity(text, count):
    u = understand(text)
    if count is None:
        assert u.intent != "change_quantity"
    else:
        assert (u.intent, u.count, u.items) == ("change_quantity", count, ())


@pytest.mark.parametrize("text,hint", [("chota", "small"), ("chhota wala", "small"), ("bada wala", "large")])
def test_a_size_word_is_no_numbered_choice(text, hint):
    u = understand(text)
    assert u.choice is None and [m.size_hint for m in u.items] == [hint]


def test_an_ordinal_is_still_a_choice():
    assert understand("dusra wala").choice == 2


def _product(sku, name, brand, category, unit="g", pack=100):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack, price_paise=4000, brand=brand,
                         category=category, loose=False, stock_milli=50_000)


@pytest.fixture(scope="module")
def shop():
    return ProductIndex.build([
        _product("MARIE", "Britannia Marie Gold 250 g", "Britannia", "biscuits", pack=250),
        _product("TEA-GOLD", "Tata Tea Gold 500 g", "Tata Tea", "beverages", pack=500),
        _product("CHILLI", "Green Chilli (loose, per kg)", "", "vegetables", unit="kg", pack=1),
    ])


@pytest.mark.parametrize("text", ["मैरी गोल्ड", "মেরি গোল্ড", "மேரி கோல்ட்", "మేరీ గోల్డ్", "ಮೇರಿ ಗೋಲ್ಡ್", "മേരി ഗോൾഡ്",
                                  "ਮੈਰੀ ਗੋਲਡ", "મેરી ગોલ્ડ"])
def test_a_two_word_brand_in_an_indic_script_reaches_its_product(shop, text):
    u = understand(text, shop.vocabulary())
    assert shop.match(u.items[0]).product.sku == "MARIE"


@pytest.mark.parametrize("text", ["சில்லி ஒரு கிலோ", "அரை கிலோ க்ரீன் சில்லி"])
def test_a_tamil_loanword_with_the_other_sound_of_its_letter_is_the_lexicon_word(shop, text):
    u = understand(text, shop.vocabulary())
    assert shop.match(u.items[0]).product.sku == "CHILLI"


def test_tamil_green_is_no_cream():
    u = understand("க்ரீன் டீ")
    assert "krim" not in u.items[0].key


def test_a_malayalam_final_anusvara_is_m():
    assert understand("ക്രീം").items[0].key == "krim"


def test_a_brand_keeps_its_own_spelling(shop):
    assert shop.match(ItemMention(text="gold", key="gold")).product.sku == "TEA-GOLD"
