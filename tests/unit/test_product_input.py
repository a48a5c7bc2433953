"""What an owner types for one product is checked with the importer's rules, field by field."""
from vyaparai.catalog.product_input import (
    ABOVE_MRP, INVALID, ProductChange, check_new_product, check_product_change, shown_amount, shown_to_milli,
)
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.rows import ProductRow

MAGGI = ProductRecord(sku="MAGGI-70", name="Maggi 70 g", unit="g", pack_base=70, price_paise=1400,
                      stock_milli=100_000)
SUGAR = ProductRecord(sku="SUGAR", name="Sugar (loose, per kg)", unit="kg", pack_base=1000, price_paise=4600,
                      loose=True, stock_milli=40_000)
RICE_500G = ProductRecord(sku="RICE", name="Rice (loose, per 500 g)", unit="g", pack_base=500, price_paise=3000,
                          loose=True, stock_milli=3_000)


def test_a_new_product_becomes_the_row_the_importer_would_make():
    row = check_new_product({"sku": "PARLE-G", "name": "Parle-G 250 g", "brand": "Parle", "unit": "gms",
                             "pack_size": "250", "price": "₹25.50", "stock": "40", "low_stock": "",
                             "aliases": "parle, biscuit|बिस्कुट"})
    assert row == ProductRow(sku="PARLE-G", name="Parle-G 250 g", brand="Parle", category="other", unit="g",
                             pack_base=250, loose=False, price_paise=2550, aliases=("parle", "biscuit", "बिस्कुट"),
                             stock_milli=40_000)


def test_each_field_the_importer_refuses_is_named():
    problems = check_new_product({"sku": "TWO WORDS", "name": "", "unit": "dozen", "pack_size": "1",
                                  "price": "12,5", "stock": "-1", "low_stock": "1.5"})
    assert problems == {"sku": INVALID, "name": INVALID, "unit": INVALID, "price": INVALID, "stock": INVALID,
                        "low_stock": INVALID}


def test_an_edit_in_rupees_and_packs():
    change = check_product_change(MAGGI, {"price": "45.50", "stock": "12", "low_stock": "3", "active": "1"})
    assert change == ProductChange(price_paise=4550, active=True, stock_milli=12_000, low_stock_milli=3_000)


def test_an_edit_that_keeps_the_shown_stock_leaves_it_alone():
    change = check_product_change(MAGGI, {"price": "14", "stock": "100", "low_stock": "0",
                                          "stock_was": "100000", "low_stock_was": "0"})
    assert change == ProductChange(price_paise=1400, active=False, stock_milli=None, low_stock_milli=None)


def test_a_bad_edit_names_every_bad_field_and_a_price_above_the_mrp():
    problems = check_product_change(MAGGI, {"price": "16", "stock": "1.5", "low_stock": ""}, mrp_paise=1500)
    assert problems == {"price": ABOVE_MRP, "stock": INVALID, "low_stock": INVALID}
    assert check_product_change(MAGGI, {"price": "0", "stock": "1", "low_stock": "0"}) == {"price": INVALID}


def test_loose_goods_are_counted_in_their_own_unit():
    assert shown_amount(SUGAR, 12_250) == ("12.25", "kg")
    assert shown_to_milli(SUGAR, "12.25") == 12_250
    assert shown_amount(RICE_500G, 3_000) == ("1500", "g")
    assert shown_to_milli(RICE_500G, "1500") == 3_000
    assert shown_amount(MAGGI, 7_000) == ("7", "pack")
