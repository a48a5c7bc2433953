"""A bare brand or kind gets the store's regular pack; bundles, sachets, bars and refills only when said."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=round(price * 100),
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


# Listed the "wrong" way round on purpose: the shortest or first name is never the regular one here.
CATALOG = [
    product("COLGATE-POWDER", "Colgate Tooth Powder 100g", "g", 100, 60, "Colgate", "personal_care"),
    product("COLGATE-BRUSH", "Colgate Toothbrush", "piece", 1, 40, "Colgate", "personal_care"),
    product("COLGATE-PASTE", "Colgate Active Salt Toothpaste 200g", "g", 200, 115, "Colgate", "personal_care"),
    product("SURF-BAR", "Surf Excel Bar 250g", "g", 250, 35, "Surf Excel", "household"),
    product("SURF-LIQ", "Surf Excel Matic Liquid Detergent 1L", "l", 1000, 230, "Surf Excel", "household"),
    product("SURF-1KG", "Surf Excel Easy Wash Detergent Powder 1kg", "kg", 1000, 145, "Surf Excel", "household"),
    product("SURF-REFILL", "Surf Excel Matic Liquid Refill 500ml", "ml", 500, 110, "Surf Excel", "household"),
    product("MAGGI-SACHET", "Maggi Masala-ae-Magic Sachet 6g", "g", 6, 5, "Maggi", "spices"),
    product("MAGGI-4PACK", "Maggi Masala Noodles 280g (4-pack)", "g", 280, 56, "Maggi", "snacks"),
    product("MAGGI-70", "Maggi 2-Minute Masala Noodles 70g", "g", 70, 14, "Maggi", "snacks"),
    product("MAGGI-SAUCE", "Maggi Tomato Ketchup 500g", "g", 500, 140, "Maggi", "packaged_food"),
    product("RICE-PREMIUM", "Kalanamak Rice (loose, per kg)", "kg", 1000, 180, loose=True),
    product("RICE-KOLAM", "Kolam Surti Rice (loose, per kg)", "kg", 1000, 56, loose=True),
    product("TATA-LITE", "Tata Salt Lite 1kg", "kg", 1000, 45, "Tata"),
    product("TATA-SALT", "Tata Salt 1kg", "kg", 1000, 28, "Tata"),
]
INDEX = ProductIndex.build(CATALOG)


def top(text: str) -> str:
    u = understand(text, INDEX.vocabulary())
    assert u.items, f"no item understood in {text!r}"
    m = INDEX.match(u.items[0])
    assert m.candidates, f"nothing found for {text!r}"
    return (m.product or m.candidates[0][0]).sku


@pytest.mark.parametrize(("text", "sku"), [
    ("colgate", "COLGATE-PASTE"),              # the brand stands for toothpaste: not its powder or brush
    ("ek colgate bhej do", "COLGATE-PASTE"),
    ("surf excel 1 kg", "SURF-1KG"),           # the powder, not the bar, the liquid or a refill
    ("surf excel", "SURF-1KG"),
    ("maggi", "MAGGI-70"),                     # one packet: not the 4-pack, not the masala sachet
    ("2 packet maggi", "MAGGI-70"),            # "packet" is not the "pack" of "(4-pack)"
    ("tata salt", "TATA-SALT"),                # Lite is Tata Salt plus a word nobody said
    ("2 kilo chawal", "RICE-KOLAM"),           # the everyday rice, not the one at three times the price
])
def test_a_bare_request_gets_the_regular_pack(text, sku):
    assert top(text) == sku, text


@pytest.mark.parametrize(("text", "sku"), [
    ("surf excel bar", "SURF-BAR"),
    ("surf excel ki tikki", "SURF-BAR"),       # tikki: a bar of soap or detergent, a form word
    ("surf excel refill", "SURF-REFILL"),
    ("surf excel liquid", "SURF-LIQ"),
    ("colgate tooth powder", "COLGATE-POWDER"),
    ("colgate brush", "COLGATE-BRUSH"),
    ("tata salt lite", "TATA-LITE"),
    ("maggi masala magic sachet", "MAGGI-SACHET"),
])
def test_a_form_or_variant_that_is_said_is_what_comes(text, sku):
    assert top(text) == sku, text


DAIRY = ProductIndex.build([
    product("HERITAGE-MILK", "Heritage Toned Milk 500ml", "ml", 500, 27, "Heritage", "dairy"),
    product("HERITAGE-CURD", "Heritage Curd 400g", "g", 400, 38, "Heritage", "dairy"),
    product("AROKYA-MILK", "Arokya Toned Milk 500ml", "ml", 500, 26, "Arokya", "dairy"),
    product("AROKYA-CURD", "Arokya Curd 400g", "g", 400, 36, "Arokya", "dairy"),
    product("TOPRAMEN", "Top Ramen Curry Noodles 70g", "g", 70, 15, "Top Ramen", "snacks"),
])


@pytest.mark.parametrize(("text", "second"), [
    ("heritage ka dahi 2 aur arokya ka 1", "AROKYA-CURD"),   # one of Arokya's: its curd, not its milk
    ("2 arokya milk, 1 heritage", "HERITAGE-MILK"),
    ("heritage curd aur ek top ramen", "TOPRAMEN"),           # a brand with no curd is still itself
])
def test_a_brand_said_after_an_item_is_one_of_that_kind(text, second):
    u = understand(text, DAIRY.vocabulary())
    m = DAIRY.match(u.items[1])
    assert (m.product or m.candidates[0][0]).sku == second, text


MILKS = ProductIndex.build([
    product("ROYAL-BLUE", "Royal Toned Milk (Blue) 500ml", "ml", 500, 24, "Royal", "dairy"),
    product("ROYAL-GREEN", "Royal Standardised Milk (Green) 500ml", "ml", 500, 26, "Royal", "dairy"),
    product("ROYAL-RED", "Royal Full Cream Milk (Red) 500ml", "ml", 500, 30, "Royal", "dairy"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("ராயல் பச்சை பால் ரெண்டு", "ROYAL-GREEN"),     # a colour in the customer's own words tells variants apart
    ("റോയൽ നീല പാൽ ഒന്ന്", "ROYAL-BLUE"),
    ("royal laal wala doodh", "ROYAL-RED"),
    ("రాయల్ ఎర్ర పాలు", "ROYAL-RED"),
])
def test_a_colour_word_in_any_language_picks_the_variant(text, sku):
    u = understand(text, MILKS.vocabulary())
    m = MILKS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


POWDERS = ProductIndex.build([
    product("SURF-LIQ", "Surf Excel Front Load Liquid Detergent 1L", "l", 1000, 250, "Surf Excel", "household"),
    product("SURF-POWDER", "Surf Excel Blue Detergent Powder 1kg", "kg", 1000, 130, "Surf Excel", "household"),
])


@pytest.mark.parametrize("text", ["ek surf excel", "surf excel ka bada packet"])
def test_a_bare_brand_of_powder_is_the_powder_not_its_liquid(text):
    # "detergent" is powder to the lexicon, and "liquid detergent" a narrower other kind
    u = understand(text, POWDERS.vocabulary())
    m = POWDERS.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "SURF-POWDER", text
