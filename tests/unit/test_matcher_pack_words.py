"""Words said of the pack, not the product (big, small, a colour), and brand words heard in other scripts."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=round(price * 100),
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


SHOP = ProductIndex.build([
    product("KRUNCH-SALTED", "Krunchy Classic Salted Chips 52g", "g", 52, 20, "Krunchy", "snacks"),
    product("KRUNCH-MASALA", "Krunchy Spicy Masala Chips 52g", "g", 52, 20, "Krunchy", "snacks"),
    product("KRUNCH-ONION", "Krunchy Cream & Onion Chips 52g", "g", 52, 20, "Krunchy", "snacks"),
    product("SUDHA-BLUE", "Sudha Toned Milk (Blue) 500ml", "ml", 500, 25, "Sudha", "dairy"),
    product("SUDHA-ORANGE", "Sudha Full Cream Milk (Orange) 500ml", "ml", 500, 32, "Sudha", "dairy"),
    product("GOKUL-TONED", "Gokul Toned Milk 500ml", "ml", 500, 26, "Gokul", "dairy"),
    product("BADAM-LOOSE", "Badam (loose, per kg)", "kg", 1000, 900, loose=True, category="dry_fruits"),
    product("TOMATO-LOOSE", "Tomato (loose, per kg)", "kg", 1000, 30, loose=True, category="vegetables"),
    product("PERIYAR-TEA", "Periyar Dust Tea 250g", "g", 250, 110, "Periyar", "beverages"),
    product("CHOTU-CANDLE", "Chotu Candles (pack of 6)", "piece", 6, 30, "Chotu", "household"),
    product("SEAGATE-FEAST", "Sea Gate Feast Basmati Rice 1kg", "kg", 1000, 120, "Sea Gate"),
    product("SEAGATE-CLASSIC", "Sea Gate Classic Basmati Rice 5kg", "kg", 5000, 560, "Sea Gate"),
    product("DETTOL-75", "Dettol Original Soap 75g", "g", 75, 40, "Dettol", "personal_care"),
    product("LIFEBUOY-100", "Lifebuoy Total 10 Soap 100g", "g", 100, 32, "Lifebuoy", "personal_care"),
])


def match(text: str):
    u = understand(text, SHOP.vocabulary())
    assert u.items, text
    return SHOP.match(u.items[0])


@pytest.mark.parametrize("text", ["bada", "ek bada wala", "बड़ा वाला", "periya", "mota", "chota"])
def test_a_bare_word_for_big_or_small_names_no_product(text):
    # Badam, Periyar, Tomato and Chotu are each a letter or two away: a size word is still only a size
    assert match(text).decision != "matched", text


@pytest.mark.parametrize(("text", "sku"), [
    ("badam aadha kilo", "BADAM-LOOSE"),
    ("periyar tea", "PERIYAR-TEA"),
    ("2 kilo tomato", "TOMATO-LOOSE"),
])
def test_the_product_words_those_size_words_resemble_still_match(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, text


@pytest.mark.parametrize("text", ["blue wala krunchy", "krunchy neela packet", "लाल वाला क्रंची",
                                  "நீல பாக்கெட் கிரஞ்சி"])
def test_a_colour_no_name_says_asks_which_of_the_brand(text):
    # no Krunchy name says a colour: the customer remembers the pack, and is asked which flavour
    m = match(text)
    assert m.decision == "ambiguous", text
    assert {p.sku for p, _ in m.candidates} == {"KRUNCH-SALTED", "KRUNCH-MASALA", "KRUNCH-ONION"}, text


@pytest.mark.parametrize(("text", "sku"), [
    ("blue wala doodh", "SUDHA-BLUE"),
    ("नीला वाला दूध", "SUDHA-BLUE"),
    ("sudha orange 2 packet", "SUDHA-ORANGE"),
])
def test_a_colour_a_name_says_picks_that_product(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, text


@pytest.mark.parametrize(("text", "sku"), [
    ("ಸೀ ಗೇಟ್ ಫೀಸ್ಟ್ ಅಕ್ಕಿ", "SEAGATE-FEAST"),       # Gate as the Indian scripts write it: "get"
    ("સી ગેટ બાસમતી ચોખા 5 કિલો", "SEAGATE-CLASSIC"),
    ("सी गेट फीस्ट", "SEAGATE-FEAST"),
])
def test_an_english_long_a_written_as_e_is_the_brand_word(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, text


@pytest.mark.parametrize("text", ["ரெண்டு டெட்டால் சோப்பு", "డెట్టాల్ సబ్బు", "ಡೆಟಾಲ್ ಸೋಪು 2", "डेटॉल साबुन"])
def test_a_word_heard_as_a_brand_is_that_brand_not_a_plain_word_it_sounds_less_like(text):
    # Tamil writes t and d alike: டெட்டால் sounds most like Dettol, and a little like the "Total" of Lifebuoy
    m = match(text)
    assert m.decision == "matched" and m.product.sku == "DETTOL-75", text


TEA_AND_SOAP = ProductIndex.build([
    product("SOCIETY-LEAF-250", "Society Premium Leaf Tea 250g", "g", 250, 150, "Society", "beverages"),
    product("LIFEBUOY-100", "Lifebuoy Total 10 Soap 100g", "g", 100, 35, "Lifebuoy", "personal_care"),
])


@pytest.mark.parametrize("text", ["লাইফবয় ২টা", "லைஃப்பாய் ஒன்னு", "લાઇફબૉય 2", "ಲೈಫ್‌ಬಾಯ್"])
def test_a_brand_heard_is_no_rival_to_a_plain_word_sounding_a_little_closer(text):
    # "Leaf" of Premium Leaf Tea sounds near the start of Lifebuoy; it is a word any tea may carry
    u = understand(text, TEA_AND_SOAP.vocabulary())
    assert u.items, text
    m = TEA_AND_SOAP.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "LIFEBUOY-100", text


LONE = ProductIndex.build([
    product("COCONUT", "Coconut (loose, per piece)", "piece", 1, 35, category="fruits"),
    product("SALT-1", "Annapurna Salt 1kg", "kg", 1000, 25, "Annapurna"),
    product("SUGAR-LOOSE", "Sugar (loose, per kg)", "kg", 1000, 45, loose=True),
    product("CHILLI-LOOSE", "Green Chilli (loose, per kg)", "kg", 1000, 80, loose=True, category="vegetables"),
    product("TOMATO-LOOSE", "Tomato (loose, per kg)", "kg", 1000, 30, loose=True, category="vegetables"),
])


@pytest.mark.parametrize("text", ["ariel", "ek nirma", "2 ariel"])
def test_a_lone_word_a_consonant_away_from_a_known_word_is_not_that_word(text):
    # brands this shop does not sell: "ariel" is a letter short of nariel (coconut), "nirma" near nimak (salt)
    u = understand(text, LONE.vocabulary())
    assert all(LONE.match(m).decision == "not_found" for m in u.items), text


@pytest.mark.parametrize(("text", "sku"), [
    ("sugr 1 kg", "SUGAR-LOOSE"),        # a vowel dropped: the same sound
    ("mirc 250 gram", "CHILLI-LOOSE"),   # the h of mirch dropped
    ("ટામેટાં 1 કિલો", "TOMATO-LOOSE"),      # a nasal ending on the word
])
def test_a_lone_word_spelled_a_little_off_is_still_found(text, sku):
    u = understand(text, LONE.vocabulary())
    m = LONE.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text
