"""Checking catalog file rows without a database: what the shopkeeper is told about each line."""
from __future__ import annotations

import pytest

from vyaparai.catalog.rows import (
    MissingColumns,
    ProductRow,
    check_rows,
    parse_price,
    parse_unit,
    read_header,
)

HEADER = ["sku", "name", "brand", "category", "unit", "pack_size", "price_inr", "stock", "mrp_inr", "aliases"]


def check(*rows: list[str], header: list[str] = HEADER) -> list[tuple[int, ProductRow | str]]:
    """Rows as they would sit below the header on line 1."""
    return list(check_rows(read_header(header), enumerate(rows, start=2)))


def only_row(*cells: str) -> ProductRow | str:
    [(_, result)] = check(list(cells))
    return result


@pytest.mark.parametrize(("written", "paise"), [
    ("₹1,234.50", 123450), ("1234.5", 123450), ("45", 4500), ("Rs. 99.99", 9999), ("1,23,456", 12345600),
    ("₹ 12.05 /-", 1205), (".5", 50),
])
def test_prices_in_rupees_become_exact_paise(written, paise):
    assert parse_price(written) == paise


@pytest.mark.parametrize("written", ["12,50", "abc", "1.234", "-5", "0", "", "1e3", "45 rupees"])
def test_prices_we_cannot_read_are_refused_with_the_value(written):
    with pytest.raises(ValueError) as e:
        parse_price(written)
    assert repr(written) in str(e.value) or "is empty" in str(e.value)


@pytest.mark.parametrize(("written", "unit"), [
    ("KG", "kg"), ("Kg.", "kg"), ("gm", "g"), ("gms", "g"), ("grams", "g"), ("ltr", "l"), ("Litre", "l"),
    ("liter", "l"), ("ML", "ml"), ("pcs", "piece"), ("pc", "piece"), ("Pieces", "piece"),
])
def test_common_unit_spellings_are_understood(written, unit):
    assert parse_unit(written) == unit


def test_a_bad_unit_names_the_column_and_the_value():
    result = only_row("EGG-12", "Eggs", "", "eggs", "dozen", "1", "84", "", "", "")
    assert result == "unit: 'dozen' is not one of kg, g, l, ml, piece"


def test_a_bad_price_names_the_column_and_the_value():
    result = only_row("MAGGI-70", "Maggi 70 g", "Maggi", "noodles", "g", "70", "fourteen", "", "", "")
    assert result == "price_inr: 'fourteen' is not a price in rupees"


def test_every_problem_of_a_line_is_reported_at_once():
    result = only_row("", "Maggi", "Maggi", "noodles", "packet", "70", "x", "", "", "")
    assert result.startswith("sku: is empty")
    assert "unit: 'packet'" in result and "price_inr: 'x'" in result


def test_missing_sku_is_reported_on_its_line_and_other_lines_still_pass():
    results = check(
        ["SUGAR-1", "Sugar (loose, per kg)", "", "staples", "kg", "1", "46", "", "", ""],
        ["", "Salt", "Tata", "staples", "kg", "1", "28", "", "", ""],
        ["SALT-1", "Tata Salt 1 kg", "Tata", "staples", "kg", "1", "28", "", "", ""],
    )
    assert [line for line, r in results if isinstance(r, str)] == [3]
    assert results[1][1].startswith("sku: is empty")
    assert [r.sku for _, r in results if isinstance(r, ProductRow)] == ["SUGAR-1", "SALT-1"]


def test_a_repeated_sku_is_an_error_on_the_later_line():
    results = check(
        ["MAGGI-70", "Maggi 70 g", "Maggi", "noodles", "g", "70", "15", "", "", ""],
        ["MAGGI-280", "Maggi 280 g", "Maggi", "noodles", "g", "280", "60", "", "", ""],
        ["MAGGI-70", "Maggi Masala 70 g", "Maggi", "noodles", "g", "70", "14", "", "", ""],
    )
    assert results[2] == (4, "sku: 'MAGGI-70' already appears on line 2")
    assert results[0][1].price_paise == 1500


def test_blank_lines_are_skipped_but_keep_the_numbering():
    results = check(
        ["A", "Atta 5 kg", "Aashirvaad", "staples", "kg", "5", "275", "", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],
        ["B", "Besan", "", "staples", "kg", "1", "nope", "", "", ""],
    )
    assert [line for line, _ in results] == [2, 4]


def test_header_names_are_case_insensitive_and_extra_columns_are_noted():
    header = read_header(["SKU", "Name", "Brand", "Category", "UNIT", "Pack Size", "Price_INR", "Shelf"])
    assert header.ignored == ("Shelf",)
    assert header.has("pack_size")


def test_a_missing_required_column_is_named():
    with pytest.raises(MissingColumns) as e:
        read_header(["sku", "name", "unit", "pack_size"])
    assert e.value.missing == ("brand", "category", "price_inr")


def test_unbranded_one_unit_goods_are_loose_and_packs_are_not():
    sugar = only_row("SUGAR", "Sugar", "", "staples", "kg", "1", "46", "2.5", "", "cheeni|chini|चीनी")
    atta = only_row("ATTA-5", "Aashirvaad Atta 5 kg", "Aashirvaad", "staples", "kg", "5", "275", "3", "290", "")
    paneer = only_row("PANEER", "Paneer (loose)", "Amul", "dairy", "kg", "1", "400", "", "", "")
    assert (sugar.loose, sugar.pack_base, sugar.stock_milli) == (True, 1000, 2500)
    assert sugar.aliases == ("cheeni", "chini", "चीनी")
    assert (atta.loose, atta.pack_base, atta.mrp_paise) == (False, 5000, 29000)
    assert paneer.loose


def test_fractional_stock_of_a_packaged_product_is_refused():
    result = only_row("ATTA-5", "Aashirvaad Atta 5 kg", "Aashirvaad", "staples", "kg", "5", "275", "2.5", "", "")
    assert result == "stock: '2.5' is not a whole number of packs (only loose goods sell in fractions)"


def test_a_pack_size_that_is_not_whole_grams_is_refused():
    result = only_row("X", "Jeera 0.0005 kg", "MDH", "spices", "kg", "0.0005", "1", "", "", "")
    assert result == "pack_size: pack size 0.0005 kg is not a whole number of g"


def test_a_price_above_the_mrp_is_refused():
    result = only_row("COKE", "Coca-Cola 750 ml", "Coca-Cola", "beverages", "ml", "750", "45", "", "40", "")
    assert result == "price_inr: '45' is above the MRP '40'"


def test_empty_optional_cells_mean_keep_what_is_stored():
    row = only_row("COKE", "Coca-Cola 750 ml", "Coca-Cola", "beverages", "ml", "750", "40", "", "", "")
    assert (row.stock_milli, row.mrp_paise, row.aliases) == (None, None, None)


@pytest.mark.parametrize(("size", "unit", "base"), [("72.5", "g", 73), ("13.2", "g", 13), ("0.0725", "kg", 73),
                                                   ("1.5", "l", 1500), ("200", "ml", 200)])
def test_a_label_size_with_decimals_is_kept_to_the_nearest_gram(size, unit, base):
    result = only_row("NOODLES", f"Atta Noodles {size} {unit}", "Sunfeast", "noodles", unit, size, "25.50", "", "", "")
    assert isinstance(result, ProductRow), result
    assert (result.pack_base, result.price_paise) == (base, 2550)
