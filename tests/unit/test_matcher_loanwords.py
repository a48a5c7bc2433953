"""An English word of a price list ("Sunflower Oil") said in an Indian script the way it sounds, whatever
vowels or letters the script gives it, is that word of the list."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import ItemMention


def product(sku, name, unit, pack_base, price, brand="", category="oil", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("SUN-1", "Freedom Refined Sunflower Oil 1 Ltr Pouch", "l", 1000, 150, "Freedom"),
    product("GROUNDNUT", "Groundnut Oil Loose", "l", 1000, 190, loose=True),
    product("GINGELLY-1", "Idhayam Gingelly Oil 1 Ltr", "l", 1000, 420, "Idhayam"),
    product("COCONUT-500", "Parachute Coconut Oil 500ml", "ml", 500, 160, "Parachute"),
    product("DETERGENT-1", "Surf Excel Detergent Powder 1kg", "kg", 1000, 140, "Surf Excel", "household"),
    product("TEA-250", "Red Label Tea 250g", "g", 250, 150, "Brooke Bond", "beverages"),
    product("CORIANDER", "Coriander Leaves (loose, per kg)", "kg", 1000, 160, category="vegetables", loose=True),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize("text", [
    "சன்பிளவர் ஆயில் 1 லிட்டர்",      # Tamil: p for f, a vowel between b and l, "oil" as ஆயில்
    "சன்பிளவர் 1 லிட்டர்",             # the kind alone
    "সানফ্লাওয়ার অয়েল ১ লিটার",        # Bengali: w as ওয়া, oil as অয়েল
    "सनफ्लावर आयल 1 लीटर",
    "ਸਨਫਲਾਵਰ ਆਇਲ 1 ਲੀਟਰ",
    "sunflowr oil 1 litre",
])
def test_sunflower_oil_said_as_it_sounds_is_the_sunflower_oil(text):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == "SUN-1", (text, m.decision, m.candidates[:2])


@pytest.mark.parametrize("text", ["கடலை எண்ணெய் 1 லிட்டர்", "தேங்காய் எண்ணெய் ஒரு பாட்டில்"])
def test_other_oils_said_in_tamil_are_not_taken_for_sunflower(text):
    m = match(text)
    assert m.product is None or m.product.sku != "SUN-1", text



@pytest.mark.parametrize(("text", "key"), [("গ্রামেরটার", "gramertar"), ("கிராமுக்கு", "kiramuku")])
def test_a_word_that_only_shares_some_sounds_with_a_generic_name_word_is_not_it(text, key):
    # "gram" with case endings has the consonants of "coriander" once its r's are dropped, but not all of them
    m = INDEX.match(ItemMention(text=text, key=key))
    assert m.product is None or m.product.sku != "CORIANDER", (text, m.candidates[:2])
