"""A shop's own price list: words split or run together, packets that are pouches, eggs counted by the piece."""
import pytest

from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=round(price * 100),
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


SHOP = ProductIndex.build([
    product("SUNNY-1L", "Sunny Drops Refined Sunflower Oil 1 Ltr Pouch", "l", 1000, 150, "Sunny Drops", "oils"),
    product("SUNNY-5L", "Sunny Drops Refined Sunflower Oil 5 Ltr Can", "l", 5000, 720, "Sunny Drops", "oils"),
    product("NUT-OIL", "Groundnut Oil (loose) per ltr", "l", 1000, 190, loose=True, category="oils"),
    product("DAIRY-TONED", "NILGIRI TONED MILK 500ML", "ml", 500, 27, "Nilgiri", "dairy"),
    product("DAIRY-DTONED", "NILGIRI DOUBLE TONED MILK 500ML", "ml", 500, 25, "Nilgiri", "dairy"),
    product("EGGS-6", "Eggs (pack of 6)", "piece", 6, 42, category="dairy"),
    product("EGGS-30", "Eggs Tray (30 pcs)", "piece", 30, 190, category="dairy"),
])


def first(text: str):
    u = understand(text, SHOP.vocabulary())
    assert u.items, text
    mention = u.items[0]
    return mention, SHOP.match(mention)


@pytest.mark.parametrize(("text", "sku"), [
    ("sunny drops sun flower oil 1 litre", "SUNNY-1L"),   # "sun flower" is the name's sunflower
    ("ground nut oil 2 litre", "NUT-OIL"),
    ("मूंगफली तेल 1 लीटर", "NUT-OIL"),
])
def test_a_word_split_in_two_is_the_word_of_the_name(text, sku):
    _, m = first(text)
    assert m.decision == "matched" and m.product.sku == sku, text


@pytest.mark.parametrize("text", ["ek sunny drops tel ka packet", "sunny drops oil 2 packet",
                                  "సన్నీ డ్రాప్స్ నూనె ఒక ప్యాకెట్", "सनी ड्रॉप्स तेल का एक पैकेट"])
def test_a_packet_of_oil_is_the_pouch_not_the_can(text):
    _, m = first(text)
    assert m.decision == "matched" and m.product.sku == "SUNNY-1L", text


@pytest.mark.parametrize(("text", "sku"), [
    ("nilgiri toned milk 2 packet", "DAIRY-TONED"),
    ("నీలగిరి టోన్డ్ మిల్క్ 2", "DAIRY-TONED"),            # every word of the one name, none of "double"
    ("nilgiri double toned 1", "DAIRY-DTONED"),
])
def test_double_toned_is_another_milk(text, sku):
    _, m = first(text)
    assert m.decision == "matched" and m.product.sku == sku, text


@pytest.mark.parametrize(("text", "sku", "packs"), [
    ("6 eggs", "EGGS-6", 1),
    ("12 ande bhejo", "EGGS-6", 2),
    ("30 eggs", "EGGS-30", 1),
    ("ఒక ట్రే గుడ్లు", "EGGS-30", 1),
])
def test_eggs_counted_by_the_piece_come_in_whole_packs(text, sku, packs):
    mention, m = first(text)
    assert m.product is not None and m.product.sku == sku, text
    line = order_line(mention, m.product)
    assert (line.qty, line.unit) == (packs, "pack"), text


SPICES = ProductIndex.build([
    product("GREEN-CHILLI", "Kancha Lanka / Green Chilli Loose", "kg", 1000, 80, loose=True, category="vegetables"),
    product("CHILLI-POWDER", "Sunrise Chilli Powder 100g", "g", 100, 45, "Sunrise", "spices"),
    product("COCONUT", "Coconut (Thengai)", "piece", 1, 35, category="vegetables"),
    product("COCONUT-OIL", "Parachute Coconut Oil 200ml", "ml", 200, 95, "Parachute", "oils"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("কাঁচা লঙ্কা ২৫০", "GREEN-CHILLI"),   # the chilli of "chilli powder" is no green chilli
    ("hari mirch 250", "GREEN-CHILLI"),
    ("பச்சை மிளகாய் கால் கிலோ", "GREEN-CHILLI"),
    ("lanka guro ekta", "CHILLI-POWDER"),
    ("2 தேங்காய்", "COCONUT"),                      # the coconut of "coconut oil" is no coconut
    ("nariyal tel", "COCONUT-OIL"),
])
def test_a_word_inside_a_name_of_another_sort_does_not_make_it_that_thing(text, sku):
    u = understand(text, SPICES.vocabulary())
    m = SPICES.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


HERBAL = ProductIndex.build([
    product("KESH-KANTI-200", "KESH KANTI SHAMPOO 200ML", "ml", 200, 120, "PATANJALI", "personal_care"),
    product("SUNSILK-180", "Sunsilk Black Shine Shampoo 180ml", "ml", 180, 130, "Sunsilk", "personal_care"),
])


@pytest.mark.parametrize("text", ["કેશકાંતિ", "केशकांति शैम्पू", "keshkanti 2"])
def test_a_name_said_as_one_word_without_its_brand_is_found(text):
    # the price list names the brand apart (Patanjali); customers run the product's own two words together
    u = understand(text, HERBAL.vocabulary())
    assert u.items, text
    m = HERBAL.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == "KESH-KANTI-200", text


RICE = ProductIndex.build([
    product("ROYAL-5", "Royal Crown Select Basmati 5KG", "kg", 5000, 480, "Royal Crown", "rice"),
    product("BASMATI-LOOSE", "Basmati Rice Loose", "kg", 1000, 120, loose=True, category="rice"),
    product("SONA-LOOSE", "Sona Masoori Rice (loose) per kg", "kg", 1000, 62, loose=True, category="rice"),
])


@pytest.mark.parametrize("text", ["బాస్మతి బియ్యం", "basmati chawal", "বাসমতী চাল"])
def test_the_plain_kind_asked_for_is_the_loose_one_not_a_brand_the_customer_did_not_name(text):
    # the branded bag is cheaper by the kilo, yet nobody said its brand
    u = understand(text, RICE.vocabulary())
    m = RICE.match(u.items[0])
    assert (m.product or m.candidates[0][0]).sku == "BASMATI-LOOSE", text


WASH = ProductIndex.build([
    product("RIN-BAR", "Rin Detergent Bar 250g", "g", 250, 32, "Rin", "household"),
    product("RIN-POWDER", "Rin Washing Powder 1kg", "kg", 1000, 110, "Rin", "household"),
    product("LUX-SOAP", "Lux Soft Touch Soap 100g", "g", 100, 38, "Lux", "personal_care"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("rin sabun 2", "RIN-BAR"),          # a brand's bar is the soap its customers mean
    ("रिन साबुन", "RIN-BAR"),
    ("రిన్ సబ్బు", "RIN-BAR"),
    ("ek sabun", "LUX-SOAP"),            # a soap itself still comes before any bar
])
def test_soap_said_of_a_brand_that_sells_a_bar_is_the_bar(text, sku):
    u = understand(text, WASH.vocabulary())
    m = WASH.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text


RUN_TOGETHER = ProductIndex.build([
    product("GOLDLABEL-250", "Gold Label Tea 250g", "g", 250, 140, "Brooke Bond", "beverages"),
    product("SUNNYDAY-100", "Sunny Day Butter Cookies 100g", "g", 100, 30, "Parle", "snacks"),
    product("GOLD-COFFEE-50", "Bru Gold Coffee 50g", "g", 50, 170, "Bru", "beverages"),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("goldlabel chai 1", "GOLDLABEL-250"),     # two name words typed as one
    ("2 sunnyday", "SUNNYDAY-100"),
    ("ek sunnyday cookies bhejo", "SUNNYDAY-100"),
])
def test_two_name_words_typed_as_one_are_those_words(text, sku):
    u = understand(text, RUN_TOGETHER.vocabulary())
    assert u.items, text
    m = RUN_TOGETHER.match(u.items[0])
    assert m.decision == "matched" and m.product.sku == sku, text
