"""Matching what customers say to a store's products, on a small hand-made catalog."""
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False, stock=10_000, **kw):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=stock, **kw)


CATALOG = [
    product("SUGAR", "Sugar (loose, per kg)", "kg", 1000, 46, loose=True),
    product("MADHUR-1", "Madhur Pure Sugar 1kg", "kg", 1000, 60, brand="Madhur"),
    product("ATTA", "Wheat Atta (loose, per kg)", "kg", 1000, 42, loose=True),
    product("MAGGI-70", "Maggi Masala Noodles 70g", "g", 70, 14, brand="Maggi", category="snacks"),
    product("MAGGI-280", "Maggi Masala Noodles 280g", "g", 280, 56, brand="Maggi", category="snacks"),
    product("MAGGI-ATTA", "Maggi Atta Noodles 75g", "g", 75, 25, brand="Maggi", category="snacks"),
    product("TATA-SALT", "Tata Salt 1kg", "kg", 1000, 28, brand="Tata"),
    product("TATA-LITE", "Tata Salt Lite 1kg", "kg", 1000, 52, brand="Tata"),
    product("GOLD-500", "Amul Gold Full Cream Milk 500ml", "ml", 500, 34, brand="Amul", category="dairy"),
    product("GOLD-1L", "Amul Gold Full Cream Milk 1L", "l", 1000, 68, brand="Amul", category="dairy"),
    product("TAAZA-500", "Amul Taaza Toned Milk 500ml", "ml", 500, 28, brand="Amul", category="dairy"),
    product("COKE", "Coca-Cola 750ml", "ml", 750, 40, brand="Coca-Cola", category="beverages", stock=0),
    product("THUMSUP", "Thums Up 750ml", "ml", 750, 40, brand="Thums Up", category="beverages"),
]
INDEX = ProductIndex.build(CATALOG)


def match(text):
    u = understand(text, INDEX.vocabulary())
    assert u.items, f"no item understood in {text!r}"
    return INDEX.match(u.items[0])


def test_sugar_in_three_scripts_reaches_loose_sugar():
    for text in ("do kilo cheeni", "दो किलो चीनी", "ரெண்டு கிலோ சர்க்கரை", "2 kg sugar"):
        m = match(text)
        assert (m.decision, m.product.sku) == ("matched", "SUGAR"), text


def test_plain_maggi_with_two_sizes_asks_which():
    m = match("maggi")
    assert m.decision == "ambiguous"
    assert {p.sku for p, _ in m.candidates[:2]} == {"MAGGI-70", "MAGGI-280"}


def test_not_the_masala_one_picks_atta_noodles():
    assert match("maggi atta wala, masala nahi").product.sku == "MAGGI-ATTA"


def test_variant_words_and_sizes_pick_the_product():
    assert match("tata salt lite").product.sku == "TATA-LITE"
    assert match("tata namak 1 packet").product.sku == "TATA-SALT"
    assert match("Amul Gold 1 litre wala do").product.sku == "GOLD-1L"


def test_unknown_product_is_not_found_with_alternatives_in_stock():
    m = match("2 pizza")
    assert m.decision == "not_found"
    assert m.product is None
    assert all(p.in_stock for p in m.alternatives)


def test_out_of_stock_ranks_after_in_stock():
    index = ProductIndex.build([
        product("SUGAR-OUT", "Sugar (loose, per kg)", "kg", 1000, 46, loose=True, stock=0),
        product("MADHUR-1", "Madhur Pure Sugar 1kg", "kg", 1000, 60, brand="Madhur"),
    ])
    m = index.match(understand("2 kilo cheeni", index.vocabulary()).items[0])
    assert [p.sku for p, _ in m.candidates] == ["MADHUR-1", "SUGAR-OUT"]


def test_generic_sugar_with_an_amount_takes_the_loose_one_without_asking():
    m = match("2 kilo cheeni")
    assert (m.decision, m.product.sku) == ("matched", "SUGAR")


def test_small_and_big_pick_the_pack_size():
    assert match("maggi chota wala").product.sku == "MAGGI-70"
    assert match("maggi bada packet").product.sku == "MAGGI-280"


def test_amount_that_fits_only_one_pack_decides_the_size():
    assert match("amul gold aadha litre").product.sku == "GOLD-500"


def test_brand_written_in_another_script_still_matches():
    assert match("दो अमूल गोल्ड 1 लीटर वाला").product.sku == "GOLD-1L"
    tamil = match("ரெண்டு மேகி மசாலா")
    assert {p.sku for p, _ in tamil.candidates[:2]} == {"MAGGI-70", "MAGGI-280"}


def test_refusing_the_first_choice_keeps_the_second():
    u = understand("thums up nahi, coca cola do bottle", INDEX.vocabulary())
    assert [INDEX.match(i).candidates[0][0].sku for i in u.items] == ["COKE"]


def test_not_found_suggests_products_of_the_same_kind():
    m = match("2 kg amul paneer")
    assert m.decision == "not_found"
    assert m.alternatives and all(p.category == "dairy" and p.in_stock for p in m.alternatives)


def test_generic_word_of_one_kind_takes_the_usual_product_but_two_kinds_or_two_sizes_ask():
    assert match("namak").decision == "matched"
    assert match("2 packet doodh").decision == "ambiguous"  # full cream or toned: the customer must say
    assert match("amul gold").decision == "ambiguous"  # 500 ml or 1 L: the customer must say


def test_ruling_out_one_variant_picks_its_sibling():
    index = ProductIndex.build([
        product("LAYS-BLUE", "Lays Magic Masala Chips 52g", "g", 52, 20, brand="Lays", aliases=("blue lays",)),
        product("AAVIN-BLUE", "Aavin Toned Milk (Blue) 500ml", "ml", 500, 22, brand="Aavin"),
        product("AAVIN-GREEN", "Aavin Standardised Milk (Green) 500ml", "ml", 500, 23, brand="Aavin"),
    ])
    u = understand("aavin green nahi, blue do packet", index.vocabulary())
    assert [index.match(i).candidates[0][0].sku for i in u.items] == ["AAVIN-BLUE"]
