"""Brand and variant words written in any Indian script reach the product, and never take over a generic word."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import word_key


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


CATALOG = [
    product("PARLEG-70", "Parle-G Original Glucose Biscuits 70g", "g", 70, 5, "Parle", "snacks"),
    product("MONACO", "Parle Monaco Salted Biscuits 75g", "g", 75, 10, "Parle", "snacks"),
    product("SURF-1KG", "Surf Excel Easy Wash Detergent Powder 1kg", "kg", 1000, 140, "Surf Excel", "household"),
    product("SURF-BAR", "Surf Excel Detergent Bar 200g", "g", 200, 30, "Surf Excel", "household"),
    product("RIN-1KG", "Rin Detergent Powder 1kg", "kg", 1000, 110, "Rin", "household"),
    product("DETTOL-LIQ", "Dettol Antiseptic Liquid 125ml", "ml", 125, 70, "Dettol", "personal_care"),
    product("SAVLON", "Savlon Antiseptic Liquid 100ml", "ml", 100, 55, "Savlon", "personal_care"),
    product("COLGATE-PASTE", "Colgate Strong Teeth Toothpaste 150g", "g", 150, 90, "Colgate", "personal_care"),
    product("PEPSODENT", "Pepsodent Germicheck Toothpaste 150g", "g", 150, 85, "Pepsodent", "personal_care"),
    product("MAGGI-70", "Maggi 2-Minute Masala Noodles 70g", "g", 70, 14, "Maggi", "snacks"),
    product("YIPPEE", "Sunfeast Yippee Magic Masala Noodles 70g", "g", 70, 15, "Sunfeast", "snacks"),
    product("TATA-SALT", "Tata Salt 1kg", "kg", 1000, 28, "Tata", "staples"),
    product("TATA-LITE", "Tata Salt Lite 1kg", "kg", 1000, 45, "Tata", "staples"),
    product("AMUL-GOLD", "Amul Gold Full Cream Milk 500ml", "ml", 500, 34, "Amul", "dairy"),
    product("AMUL-TAAZA", "Amul Taaza Toned Milk 500ml", "ml", 500, 28, "Amul", "dairy"),
    product("VIM-BAR", "Vim Dishwash Bar 150g", "g", 150, 12, "Vim", "household"),
    product("PRIL", "Pril Dishwash Liquid 225ml", "ml", 225, 50, "Pril", "household"),
    product("MTR-IDLI", "MTR Rava Idli Mix 500g", "g", 500, 120, "MTR", "packaged_food"),
    product("EASTERN-CHICKEN", "Eastern Chicken Masala 100g", "g", 100, 48, "Eastern", "spices"),
    product("EVEREST-CHICKEN", "Everest Chicken Masala 100g", "g", 100, 52, "Everest", "spices"),
    product("SEVENUP", "7 Up Lemon Drink 750ml", "ml", 750, 40, "7 Up", "beverages"),
    product("SALT-LOOSE", "Salt (loose, per kg)", "kg", 1000, 20, "", "staples", loose=True),
]
INDEX = ProductIndex.build(CATALOG)


def top(text: str) -> str:
    u = understand(text, INDEX.vocabulary())
    assert u.items, f"no item understood in {text!r}"
    m = INDEX.match(u.items[0])
    assert m.candidates, f"nothing found for {text!r}"
    return (m.product or m.candidates[0][0]).sku


@pytest.mark.parametrize(("text", "sku"), [
    ("একটা পার্লে জি দিন", "PARLEG-70"),             # bn: G said as its letter name
    ("parleji ek packet", "PARLEG-70"),              # the whole name run together
    ("சர்ஃப் எக்ஸெல் ஒரு கிலோ", "SURF-1KG"),          # ta: f written ஃப, x as க்ஸ
    ("ಡೆಟಾಲ್ ಬೇಕು", "DETTOL-LIQ"),                    # kn
    ("ਕੋਲਗੇਟ ਦੇ ਦਿਓ", "COLGATE-PASTE"),                # pa
    ("മാഗി വേണം", "MAGGI-70"),                        # ml
    ("टाटा साल्ट लाइट भेजो", "TATA-LITE"),             # hi: "lite" written लाइट, not lighter
    ("அமுல் கோல்ட் பால் வேணும்", "AMUL-GOLD"),         # ta: no voiced stops, Gold is கோல்ட்
    ("ভিম বার একটা", "VIM-BAR"),                       # bn: v written ভ/ব
    ("எம்டிஆர் ரவா இட்லி மிக்ஸ்", "MTR-IDLI"),           # ta: initials said as letters
    ("ഈസ്റ്റേൺ ചിക്കൻ മസാല", "EASTERN-CHICKEN"),         # ml: Eastern written without its r
    ("ઈસ્ટર્ન ચિકન મસાલા", "EASTERN-CHICKEN"),          # gu
    ("கோல்கேட்டுக்கு பதிலா இல்ல, கோல்கேட் தான்", "COLGATE-PASTE"),
])
def test_a_brand_written_in_an_indian_script_reaches_its_product(text, sku):
    assert top(text) == sku, text


def test_a_generic_word_is_never_taken_by_a_brand_that_sounds_like_it():
    # Malayalam ഉപ്പ് (salt) and the drink 7 Up share a sound; salt is asked for.
    assert top("ഉപ്പ് ഒരു കിലോ") in ("SALT-LOOSE", "TATA-SALT")
    assert top("uppu oru kilo") in ("SALT-LOOSE", "TATA-SALT")


def test_the_sound_key_merges_what_scripts_trade_and_keeps_the_consonant_frame():
    assert sound_key(word_key("கோல்ட்")) == sound_key("gold")
    assert sound_key(word_key("এক্সেল")) == sound_key(word_key("Excel"))
    assert sound_key(word_key("ভ্যানিশ")) == sound_key("vanish")
    assert sound_key("gold") != sound_key("gel")


SIBLINGS = ProductIndex.build([
    product("MALT-H", "Horlicks Classic Malt 500g", "g", 500, 250, "Horlicks", "beverages"),
    product("MALT-B", "Cadbury Bournvita 500g", "g", 500, 240, "Cadbury", "beverages"),
])


@pytest.mark.parametrize("text", ["बॉर्नविटा का एक डिब्बा देना", "போர்ன்விட்டா ஒன்னு வேணும்", "bournvita ek"])
def test_a_product_word_in_any_script_is_not_its_sibling_of_the_same_kind(text):
    # the lexicon knows Bournvita and Horlicks as one kind (malt drink): said by name, the one named
    u = understand(text, SIBLINGS.vocabulary())
    m = SIBLINGS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "MALT-B", text


SOAPS = ProductIndex.build([
    product("LIFEBUOY", "Lifebuoy Total 10 Soap 100g", "g", 100, 32, "Lifebuoy", "personal_care"),
    product("LUX", "Lux Soft Touch Soap 100g", "g", 100, 40, "Lux", "personal_care"),
    product("BAYLEAF", "Bay Leaf (loose, per kg)", "kg", 1000, 300, "", "spices", loose=True),
])


@pytest.mark.parametrize("text", ["లైఫ్ బాయ్ సబ్బు రెండు కావాలి", "लाइफ बॉय साबुन दो"])
def test_a_brand_written_as_two_words_is_not_a_phrase_read_backwards(text):
    # "life boy" turned around is no "bay leaf": only a known noun said first may take a word after it
    u = understand(text, SOAPS.vocabulary())
    m = SOAPS.match(u.items[0])
    assert (m.product or m.candidates[0][0]).sku == "LIFEBUOY", text


WASH = ProductIndex.build([
    product("TIDE", "Tide Plus Detergent Powder 1kg", "kg", 1000, 120, "Tide", "household"),
    product("WHEEL", "Wheel Active Detergent Powder 1kg", "kg", 1000, 80, "Wheel", "household"),
    product("BREAD-WHITE", "Harvest Gold White Bread 400g", "g", 400, 45, "Harvest Gold", "bakery"),
    product("BREAD-WW", "Harvest Gold Whole Wheat Bread 400g", "g", 400, 55, "Harvest Gold", "bakery"),
    product("TEA", "Tata Tea Premium 250g", "g", 250, 130, "Tata", "beverages"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("టైడ్ ఒక కిలో కావాలి", "TIDE"),        # a one-consonant brand said in Telugu letters
    ("டைட் பவுடர் ஒன்னு", "TIDE"),
    ("व्हील पाउडर एक", "WHEEL"),            # w written as व
])
def test_short_brands_in_indian_letters(text, sku):
    u = understand(text, WASH.vocabulary())
    m = WASH.match(u.items[0])
    assert (m.product or m.candidates[0][0]).sku == sku, text


def test_a_refused_variant_in_punjabi_letters_rules_out_that_variant():
    # ਵ੍ਹਾਈਟ is the White of the white bread, not "wheat" (a lexicon word spelled a little like it)
    u = understand("ਵ੍ਹਾਈਟ ਨਹੀਂ, ਹਾਰਵੈਸਟ ਗੋਲਡ ਬ੍ਰੈੱਡ ਦਿਓ", WASH.vocabulary())
    m = WASH.match(u.items[-1])
    assert (m.product or m.candidates[0][0]).sku == "BREAD-WW"


OILS = ProductIndex.build([
    product("GOLDWINNER", "Gold Winner Refined Sunflower Oil 1L", "l", 1000, 150, "Gold Winner", "oils"),
    product("SAFFOLA-GOLD", "Saffola Gold Refined Oil 1L", "l", 1000, 190, "Saffola", "oils"),
])


@pytest.mark.parametrize("text", ["ഗോൾഡ് വിന്നർ എണ്ണ ഒന്ന്", "গোল্ড উইনার তেল একটা"])
def test_a_name_word_that_sounds_80_percent_alike_is_that_word(text):
    # വിന്നർ (vinar) is Winner by sound, not a near spelling of some lexicon word
    u = understand(text, OILS.vocabulary())
    m = OILS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "GOLDWINNER", text


SALTS = ProductIndex.build([
    product("THUMS", "Thums Up 750ml", "ml", 750, 40, "Thums Up", "beverages"),
    product("TATA-SALT", "Tata Salt 1kg", "kg", 1000, 28, "Tata", "staples"),
    product("OTHER-SALT", "Annapurna Salt 1kg", "kg", 1000, 25, "Annapurna", "staples"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("ടാറ്റ ഉപ്പ് രണ്ട് കിലോ", "TATA-SALT"),   # ഉപ്പ് is salt, though "up" is a word of Thums Up
    ("ഉപ്പ് അര കിലോ വേണം", "TATA-SALT"),       # any salt will do: the first listed, not a question
    ("2 thums up", "THUMS"),
])
def test_a_word_that_is_only_part_of_a_brand_keeps_its_generic_sense(text, sku):
    u = understand(text, SALTS.vocabulary())
    m = SALTS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


SOUNDS = ProductIndex.build([
    product("SANTOOR", "Santoor Sandal Turmeric Soap 100g", "g", 100, 38, "Santoor", "personal_care"),
    product("LUX-SOAP", "Lux Soft Touch Soap 100g", "g", 100, 40, "Lux", "personal_care"),
    product("KNIGHT", "Good Knight Gold Flash Refill 45ml", "ml", 45, 85, "Good Knight", "household"),
    product("MEDIMIX", "Medimix Classic Ayurvedic Handmade Soap 125g", "g", 125, 45, "Medimix", "personal_care"),
    product("GEL", "Vim Lemon Dishwash Gel 250ml", "ml", 250, 55, "Vim", "household"),
    product("VIM-BAR", "Vim Dishwash Bar 155g", "g", 155, 10, "Vim", "household"),
    product("PARLEG", "Parle-G Glucose Biscuits 70g", "g", 70, 5, "Parle", "snacks"),
    product("BALAJI", "Balaji Simply Salted Wafers 45g", "g", 45, 10, "Balaji", "snacks"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("சந்தூர் சோப்பு மூணு", "SANTOOR"),   # a lexicon word (sindoor) this store sells none of yields to the brand
    ("குட்நைட் ரீஃபில் ஒன்னு", "KNIGHT"),   # two brand words written as one
    ("மெடிமிக்ஸ் ரெண்டு", "MEDIMIX"),       # a bare brand with a long name is still that product
    ("விம் ஜெல் ஒன்னு", "GEL"),             # a soft g: Gel is "jel"
    ("ek parleji", "PARLEG"),              # the brand and its letter run together, nearer than Balaji
])
def test_brand_sounds_hold_against_lexicon_words_and_lookalikes(text, sku):
    u = understand(text, SOUNDS.vocabulary())
    m = SOUNDS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


def test_a_brand_of_two_words_keeps_its_english_kind_word():
    # the "tea" of the brand "Tata Tea" is tea, so ਚਾਹ (tea) finds it, and not another brand's premium tea
    teas = ProductIndex.build([
        product("TATA-PREMIUM", "Tata Tea Premium 250g", "g", 250, 140, "Tata Tea", "beverages"),
        product("OTHER-PREMIUM", "Wagh Bakri Premium Leaf Tea 250g", "g", 250, 140, "Wagh Bakri", "beverages"),
    ])
    u = understand("ਟਾਟਾ ਚਾਹ ਪ੍ਰੀਮੀਅਮ ਇੱਕ", teas.vocabulary())
    m = teas.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "TATA-PREMIUM"


SPICES = ProductIndex.build([
    product("EASTERN", "Eastern Sambar Powder 100g", "g", 100, 45, "Eastern", "spices"),
    product("AACHI", "Aachi Sambar Powder 200g", "g", 200, 80, "Aachi", "spices"),
    product("CHIPS-MAGIC", "Lay's India's Magic Masala Chips 52g", "g", 52, 20, "Lay's", "snacks"),
    product("CHIPS-SALTED", "Lay's Classic Salted Chips 52g", "g", 52, 20, "Lay's", "snacks"),
    product("TEA-PREMIUM", "Tata Tea Premium 250g", "g", 250, 140, "Tata Tea", "beverages"),
    product("TEA-GOLD", "Tata Tea Gold 250g", "g", 250, 160, "Tata Tea", "beverages"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("ஈஸ்டர்ன் சாம்பார் பொடி ஒரு பாக்கெட்", "EASTERN"),  # a sound beats a lexicon stem of its first letters
    ("লেস ম্যাজিক মসলা একটা", "CHIPS-MAGIC"),           # the g of Magic is soft
    ("ടാറ്റ ടീ പ്രീമിയം ഒന്ന്", "TEA-PREMIUM"),          # "premium", a word every tea has, still tells them apart
])
def test_name_words_of_every_kind_are_heard_in_other_scripts(text, sku):
    u = understand(text, SPICES.vocabulary())
    m = SPICES.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


def test_a_brand_heard_in_other_letters_is_not_swapped_for_another_brand_of_the_kind():
    # the store's Heritage sells milk, not curd: "Heritage curd" in Telugu is not found, not Nandini curd
    dairy = ProductIndex.build([
        product("HERITAGE-MILK", "Heritage Toned Milk 500ml", "ml", 500, 27, "Heritage", "dairy"),
        product("NANDINI-CURD", "Nandini Curd 500g", "g", 500, 30, "Nandini", "dairy"),
    ])
    u = understand("హెరిటేజ్ పెరుగు రెండు", dairy.vocabulary())
    assert dairy.match(u.items[0]).decision == "not_found"
    u = understand("హెరిటేజ్ పాలు రెండు", dairy.vocabulary())
    assert dairy.match(u.items[0]).product.sku == "HERITAGE-MILK"
