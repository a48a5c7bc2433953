"""Price lists that name a product by its brand alone ("HAMAM 150G", "BRU 100G"): the kind a customer says
with the brand is what the brand is, not a word against it; a kind its name does say still counts."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("HAMAM-150", "HAMAM 150G", "g", 150, 50, "Hamam", "personal_care"),
    product("DETTOL-125", "DETTOL 125G", "g", 125, 55, "Dettol", "personal_care"),
    product("DETTOL-LIQUID", "DETTOL LIQUID 250ML", "ml", 250, 120, "Dettol", "personal_care"),
    product("BRU-100", "BRU 100G", "g", 100, 190, "Bru", "beverages"),
    product("NIRMA-1KG", "NIRMA 1KG", "kg", 1000, 60, "Nirma", "household"),
    product("VIM-500", "VIM 500ML", "ml", 500, 110, "Vim", "household"),
    product("VIM-BAR", "VIM BAR 300G", "g", 300, 30, "Vim", "household"),
    product("AMUL-BUTTER", "AMUL BUTTER 100G", "g", 100, 58, "Amul", "dairy"),
    product("SANTOOR-100", "SANTOOR SANDAL & TURMERIC 100 GM", "g", 100, 36, "Santoor", "personal_care"),
    product("HALDI-100", "Haldi Powder 100g", "g", 100, 30, "", "spices"),
])


def match(text: str):
    items = understand(text, INDEX.vocabulary()).items
    assert items, text
    return INDEX.match(items[0])


@pytest.mark.parametrize(("text", "sku"), [
    ("hamam soap 3", "HAMAM-150"),
    ("hamam sabun 3", "HAMAM-150"),
    ("ஹமாம் சோப் 2", "HAMAM-150"),
    ("dettol soap 2", "DETTOL-125"),       # not the Dettol whose name says liquid
    ("डेटॉल साबुन दो", "DETTOL-125"),
    ("bru coffee 1", "BRU-100"),
    ("ब्रू कॉफी एक", "BRU-100"),
    ("nirma powder 1 kg", "NIRMA-1KG"),
    ("vim bar 2", "VIM-BAR"),             # the pack word said picks the one that comes in it
    ("santoor sabun", "SANTOOR-100"),     # its turmeric is no kind of a soap's sort: the name says no soap
    ("संतूर साबुन 2", "SANTOOR-100"),
    ("haldi powder 100 gram", "HALDI-100"),
])
def test_the_kind_said_with_a_brand_is_what_the_brand_is(text, sku):
    m = match(text)
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, m.candidates[:3])


@pytest.mark.parametrize("text", ["amul cheese 1", "अमूल चीज़ एक"])
def test_a_kind_the_brands_name_contradicts_is_still_not_found(text):
    assert match(text).decision == "not_found", text


FORTUNE = ProductIndex.build([
    product("F-ATTA-5", "Fortune Chakki Fresh Atta 5kg", "kg", 5000, 260, "Fortune", "staples"),
    product("F-SUN-1", "Fortune Sunlite Refined Sunflower Oil 1L Pouch", "l", 1000, 150, "Fortune", "oil"),
    product("F-MUSTARD-1", "Fortune Kachi Ghani Mustard Oil 1L", "l", 1000, 175, "Fortune", "oil"),
    product("MAGGI-70", "Maggi Masala Noodles 70g", "g", 70, 14, "Maggi", "noodles"),
    product("MAGGI-SAUCE", "Maggi Hot & Sweet Sauce 500g", "g", 500, 120, "Maggi", "snacks"),
])


@pytest.mark.parametrize("text", ["fortune", "ek fortune", "ഒരു ഫോർച്യൂൺ", "फॉर्च्यून एक"])
def test_a_brand_alone_whose_products_are_of_several_kinds_is_asked_about(text):
    m = FORTUNE.match(understand(text, FORTUNE.vocabulary()).items[0])
    assert m.decision == "ambiguous" and {p.sku for p, _ in m.candidates} >= {"F-ATTA-5", "F-SUN-1"}, text


@pytest.mark.parametrize("text", ["maggi", "2 maggi", "fortune atta", "fortune sunflower oil"])
def test_a_brand_the_lexicon_knows_as_a_kind_or_said_with_a_kind_is_not_asked_about(text):
    m = FORTUNE.match(understand(text, FORTUNE.vocabulary()).items[0])
    assert m.decision == "matched", (text, m.candidates[:3])


@pytest.mark.parametrize("text, sku", [("fortune 5 kg", "F-ATTA-5"), ("फॉर्च्यून 5 किलो", "F-ATTA-5")])
def test_a_brand_with_the_weight_of_one_of_its_packs_is_that_pack(text, sku):
    m = FORTUNE.match(understand(text, FORTUNE.vocabulary()).items[0])
    assert m.product is not None and m.product.sku == sku, (text, m.decision, m.candidates[:3])



SWEETS = ProductIndex.build([
    product("DAIRYMILK", "Cadbury Dairy Milk Chocolate 23g", "g", 23, 20, "Cadbury", "snacks"),
    product("DARKFANTASY", "Sunfeast Dark Fantasy Choco Fills 75g", "g", 75, 40, "Sunfeast", "snacks"),
    product("HIDESEEK", "Parle Hide & Seek Chocolate Chip Cookies 100g", "g", 100, 30, "Parle", "snacks"),
    product("SALT", "Tata Salt 1kg", "kg", 1000, 28, "Tata", "staples"),
])


@pytest.mark.parametrize("text", ["chocolate 1", "ek chocolate", "சாக்லேட் ஒன்னு", "एक चॉकलेट"])
def test_a_kind_no_name_is_plainly_but_several_are_of_is_asked_about(text):
    m = SWEETS.match(understand(text, SWEETS.vocabulary()).items[0])
    assert m.decision == "ambiguous" and "DAIRYMILK" in {p.sku for p, _ in m.candidates}, (text, m.decision)


def test_a_kind_the_shop_has_none_of_is_still_not_found():
    m = SWEETS.match(understand("2 kilo paneer", SWEETS.vocabulary()).items[0])
    assert m.decision == "not_found"
