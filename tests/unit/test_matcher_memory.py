"""The index remembers the mentions it matched: asked again, it answers the same; a mention that differs in
anything (the size, the amount, a word ruled out) is matched on its own."""
from dataclasses import replace

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=loose, stock_milli=10_000)


CATALOG = [
    product("GOLD-500", "Amul Gold Full Cream Milk 500ml", "ml", 500, 34, brand="Amul", category="dairy"),
    product("GOLD-1L", "Amul Gold Full Cream Milk 1L", "l", 1000, 68, brand="Amul", category="dairy"),
    product("TAAZA-500", "Amul Taaza Toned Milk 500ml", "ml", 500, 28, brand="Amul", category="dairy"),
    product("TATA-SALT", "Tata Salt 1kg", "kg", 1000, 28, brand="Tata"),
    product("TATA-LITE", "Tata Salt Lite 1kg", "kg", 1000, 52, brand="Tata"),
]


def first_item(index, text):
    u = understand(text, index.vocabulary())
    assert u.items, text
    return u.items[0]


def test_a_mention_asked_twice_gets_the_same_answer_in_three_languages():
    index = ProductIndex.build(CATALOG)
    for text in ("amul gold 1 litre", "अमूल गोल्ड 1 लीटर", "ಅಮುಲ್ ಗೋಲ್ಡ್ 1 ಲೀಟರ್"):
        mention = first_item(index, text)
        first, again = index.match(mention), index.match(mention)
        assert (first.decision, first.product.sku) == ("matched", "GOLD-1L"), text
        assert again == first, text


def test_the_remembered_answer_is_the_fresh_index_answer():
    remembering, fresh_texts = ProductIndex.build(CATALOG), ("tata namak", "tata salt lite", "amul doodh 500 ml")
    for text in fresh_texts:
        remembering.match(first_item(remembering, text))
    for text in fresh_texts:
        fresh = ProductIndex.build(CATALOG)
        assert remembering.match(first_item(remembering, text)) == fresh.match(first_item(fresh, text)), text


def test_a_mention_that_differs_only_in_its_size_is_matched_anew():
    index = ProductIndex.build(CATALOG)
    litre = first_item(index, "amul gold 1 litre")
    assert index.match(litre).product.sku == "GOLD-1L"
    half = first_item(index, "amul gold 500 ml")
    assert half.key == litre.key and index.match(half).product.sku == "GOLD-500"


def test_a_word_ruled_out_changes_the_answer_even_after_the_plain_mention_was_matched():
    index = ProductIndex.build(CATALOG)
    salt = first_item(index, "tata salt")
    index.match(salt)
    not_lite = replace(salt, exclude=("lite",))
    assert index.match(not_lite).product.sku == "TATA-SALT"
    assert index.match(replace(salt, exclude=("salt",))) != index.match(salt)


def test_a_sku_is_answered_with_its_product_even_when_no_longer_sold():
    index = ProductIndex.build([*CATALOG, replace(CATALOG[0], sku="GOLD-200", name="Amul Gold 200ml", active=False)])
    assert index.record("TATA-LITE").name == "Tata Salt Lite 1kg"
    assert index.record("GOLD-200").active is False  # a "which one?" offering it is not asked again
    assert index.record("NOPE") is None
