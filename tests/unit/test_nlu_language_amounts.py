"""Amounts, pack words, joiners and payment words as the 11 languages write them (session 5 chats)."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def _amounts(text):
    return [(i.qty, i.unit) for i in understand(text).items]


@pytest.mark.parametrize("text, qty", [
    ("ek paav paneer", 0.25), ("do paav dahi", 0.5), ("three quarter kg capsicum", 0.75),
    ("one half kg sugar", 0.5), ("ஒரு அரை கிலோ இஞ்சி", 0.5), ("ஒரு கால் கிலோ பூண்டு", 0.25),
])
def test_a_count_before_a_fraction_counts_fractions(text, qty):
    # "ek paav" is one quarter kilo, not one and a quarter
    assert _amounts(text) == [(qty, "kg")]


@pytest.mark.parametrize("text, qty", [
    ("adhai kilo atta", 2.5), ("अढ़ाई किलो आटा", 2.5), ("ਪੌਣਾ ਕਿਲੋ ਖੰਡ", 0.75), ("પોણો કિલો ખાંડ", 0.75),
    ("पाऊण किलो साखर", 0.75), ("ஒன்னேகால் கிலோ அரிசி", 1.25), ("ഒന്നേകാൽ കിലോ പഞ്ചസാര", 1.25),
    ("ಒಂದೂಕಾಲು ಕೆಜಿ ಸಕ್ಕರೆ", 1.25), ("அர கிலோ இஞ்சி", 0.5),
])
def test_fraction_words_of_every_language(text, qty):
    assert _amounts(text) == [(qty, "kg")]


@pytest.mark.parametrize("text, qty", [
    ("ಅರ್ಧಕೆಜಿ ಬೆಳ್ಳುಳ್ಳಿ", 0.5), ("அரைகிலோ கத்தரிக்காய்", 0.5), ("ரெண்டுகிலோ அரிசி", 2),
    ("আধাকেজি পেঁয়াজ", 0.5), ("দুকেজি চাল", 2), ("അരക്കിലോ പഞ്ചസാര", 0.5), ("అరకిలో ఉల్లిపాయలు", 0.5),
])
def test_an_amount_glued_to_its_unit_in_a_native_script(text, qty):
    assert _amounts(text) == [(qty, "kg")]


@pytest.mark.parametrize("text", ["മുട്ട 12 എണ്ണം", "ઈંડા 12 નંગ", "১২টা ডিম"])
def test_a_counting_word_after_the_number_is_no_product(text):
    (item,) = understand(text).items
    assert item.qty == 12 and len(item.text.split()) == 1


def test_gujarati_twelve_after_a_counted_product_is_the_pack_word_bar():
    assert _amounts("બે પારલે જી, એક વિમ બાર") == [(2, None), (1, "pack")]
    assert _amounts("બાર ઈંડા") == [(12, None)]  # before the noun it is still twelve


@pytest.mark.parametrize("text, n", [
    ("ಅರ್ಧ ಕೆಜಿ ಬೆಳ್ಳುಳ್ಳಿ ಮತ್ತೆ ಎರಡು ಕೆಜಿ ಆಲೂಗಡ್ಡೆ", 2), ("ஒரு கிலோ அரிசி அப்புறம் அரை கிலோ பருப்பு", 2),
    ("दो किलो चीनी एवं एक किलो आटा", 2),
])
def test_and_then_words_join_two_items(text, n):
    assert len(understand(text).items) == n


@pytest.mark.parametrize("text", ["ஜிபே", "ఫోన్‌పే", "ಫೋನ್‌ಪೇ", "ജിപേ", "ਪੇਟੀਐਮ", "জিপে", "फोनपे", "યુપીઆઈ"])
def test_upi_apps_written_in_a_native_script_pay_online(text):
    assert understand(text).intent == "pay_online"


def test_kr_typed_for_karo_is_no_qr_code():
    assert understand("order kr do").intent == "checkout"
    assert understand("qr code se").intent == "pay_online"


@pytest.mark.parametrize("text", ["hn", "hnji"])
def test_short_hinglish_yes(text):
    assert understand(text).intent == "yes"


def test_english_fraction_words_keep_a_message_english():
    assert understand("three quarter kg capsicum and a quarter kg green chilli").lang == "en"


def test_cashew_in_kannada_is_no_cash_payment():
    u = understand("ಎರಡು ಗುಡ್ ಡೇ ಕ್ಯಾಶ್ಯೂ, ಒಂದು ಹಾರ್ಪಿಕ್")
    assert u.intent == "add_items" and [i.qty for i in u.items] == [2, 1]


def _product(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, stock_milli=50_000)


SHELF = ProductIndex.build([
    _product("GOODDAY-CASHEW", "Britannia Good Day Cashew Cookies 200 g", "g", 200, 50, "Britannia", "snacks"),
    _product("GOODDAY-BUTTER", "Britannia Good Day Butter Cookies 100 g", "g", 100, 30, "Britannia", "snacks"),
    _product("GUD-LOOSE", "Gud / Jaggery (loose, per kg)", "kg", 1000, 70, "", "staples"),
    _product("SURF-EASY", "Surf Excel Easy Wash Detergent Powder 1 kg", "kg", 1000, 140, "Surf Excel", "household"),
    _product("SURF-BAR", "Surf Excel Detergent Bar 250 g", "g", 250, 38, "Surf Excel", "household"),
    _product("VIM-BAR", "Vim Dishwash Bar 200 g", "g", 200, 20, "Vim", "household"),
    _product("VIM-LIQUID", "Vim Dishwash Liquid Gel Lemon 500 ml", "ml", 500, 115, "Vim", "household"),
])


def _sku(text):
    (item,) = understand(text, SHELF.vocabulary()).items
    m = SHELF.match(item)
    return m.product.sku if m.product else None


@pytest.mark.parametrize("text, sku", [
    ("ಎರಡು ಗುಡ್ ಡೇ ಕ್ಯಾಶ್ಯೂ", "GOODDAY-CASHEW"),   # kn: "day" written ಡೇ, cashew ಕ್ಯಾಶ್ಯೂ
    ("ഗുഡ് ഡേ കാഷ്യൂ രണ്ട്", "GOODDAY-CASHEW"),      # ml
    ("2 गुड डे बटर", "GOODDAY-BUTTER"),              # hi
    ("একটা সার্ফ এক্সেল ইজি ওয়াশ", "SURF-EASY"),      # bn: w written ওয়
    ("ஒரு விம் பார்", "VIM-BAR"),                    # ta: bar written பார்
    ("ভিম বার একটা", "VIM-BAR"),                      # bn: বার (bar) is not বড় (big)
])
def test_english_brand_and_pack_words_written_in_a_native_script(text, sku):
    assert _sku(text) == sku


def test_a_pack_word_of_one_script_adds_no_product_word_to_another():
    # Tamil பார் (bar) folds to "par", which is Hindi पर (on): it is read as a pack word in Tamil only
    assert understand("पैसे घर पर दूंगा").intent == "cash_on_delivery"


@pytest.mark.parametrize("text", ["രണ്ട് കിലോ അരി തരാമോ", "ഒരു പാക്കറ്റ് പാൽ അയക്കാമോ"])
def test_malayalam_could_you_give_is_no_product(text):
    (item,) = understand(text).items
    assert len(item.text.split()) == 1


def test_malayalam_softening_one_before_a_request_counts_nothing():
    assert _amounts("ഒന്നര കിലോ അരി ഒന്ന് തരാമോ") == [(1.5, "kg")]
