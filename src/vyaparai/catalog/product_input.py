"""Check what an owner typed for one product, field by field, with the rules the catalog importer uses.

Problems come back as {field: code} so the panel can put a sentence in the owner's language next to
each field; the codes are "invalid" (the importer would refuse the cell) and "above_mrp".
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from vyaparai.catalog.quantity import describe_qty
from vyaparai.catalog.rows import (
    OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Header, ProductRow, parse_packs, parse_price, parse_row,
)

INVALID, ABOVE_MRP = "invalid", "above_mrp"
# The form's field for each importer column (the rest are named alike).
FIELD_OF_COLUMN = {"price_inr": "price", "mrp_inr": "mrp"}
NEW_PRODUCT_COLUMNS = ("sku", "name", "brand", "category", "unit", "pack_size", "price_inr", "aliases", "stock",
                       "low_stock")
_UNIT_FACTOR = {"kg": 1000, "l": 1000, "g": 1, "ml": 1, "piece": 1}
_PROBLEM_START = re.compile(r"(?:^|; )(%s): " % "|".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS))


@dataclass(frozen=True)
class ProductChange:
    """An edit of one product. None leaves a value as it is (the stock the owner did not touch, say)."""

    price_paise: int
    active: bool
    stock_milli: int | None = None
    low_stock_milli: int | None = None


def check_new_product(fields: Mapping[str, str]) -> ProductRow | dict[str, str]:
    """A ProductRow from the add-product form, or {field: code} for each field the importer would refuse."""
    cells = [str(fields.get(FIELD_OF_COLUMN.get(c, c), "")) for c in NEW_PRODUCT_COLUMNS]
    # A phone keyboard has commas at hand; the catalog file separates aliases with "|".
    cells[NEW_PRODUCT_COLUMNS.index("aliases")] = cells[NEW_PRODUCT_COLUMNS.index("aliases")].replace(",", "|")
    header = Header({c: i for i, c in enumerate(NEW_PRODUCT_COLUMNS)}, ())
    result = parse_row(header, cells)
    if isinstance(result, ProductRow):
        return result
    # parse_row writes "column: problem; column: problem"; the column names are what we need.
    return {FIELD_OF_COLUMN.get(column, column): INVALID for column in _PROBLEM_START.findall(result)}


def check_product_change(product, fields: Mapping[str, str], *, mrp_paise: int | None = None
                         ) -> ProductChange | dict[str, str]:
    """The edit form of `product` (a ProductRecord) as a ProductChange, or {field: code}.

    Stock and low-stock level are typed in the unit the list shows them in (packs, or kg for loose
    goods). The form carries the values it was drawn with ("stock_was"): a stock the owner did not
    change is not written back, so orders that took stock meanwhile are not undone.
    """
    problems: dict[str, str] = {}
    price = _attempt(problems, "price", parse_price, fields.get("price", ""))
    if price is not None and mrp_paise is not None and price > mrp_paise:
        problems["price"] = ABOVE_MRP
    amounts = {}
    for field in ("stock", "low_stock"):
        typed = str(fields.get(field, "")).strip()
        amounts[field] = _attempt(problems, field, shown_to_milli, product, typed)
        was = str(fields.get(f"{field}_was", ""))
        # A hidden field, but sent by the browser: only plain digits of a size a stock can have ("²" is a digit too).
        was_ok = was.isascii() and was.isdigit() and len(was) <= 15
        if amounts[field] is not None and was_ok and _unchanged(product, typed, amounts[field], int(was)):
            amounts[field] = None
    if problems:
        return problems
    return ProductChange(price_paise=price, active=bool(fields.get("active")),
                         stock_milli=amounts["stock"], low_stock_milli=amounts["low_stock"])


def shown_to_milli(product, text: str) -> int:
    """Thousandths of a pack for an amount in the unit `shown_amount` uses; ValueError as the importer words it."""
    if not text:
        raise ValueError("is empty")
    if not product.loose:
        return parse_packs(text, False)
    factor = _UNIT_FACTOR[product.unit]
    amount_milli = parse_packs(text, True)
    # Loose goods are kept to a thousandth of a pack; round half up like line totals.
    return (amount_milli * factor * 2 + product.pack_base) // (2 * product.pack_base)


def shown_amount(product, milli: int) -> tuple[str, str]:
    """("25.5", "kg") or ("12", "pack"): an amount for a form field and the unit it is in."""
    amount, unit = describe_qty(product.unit, product.pack_base, product.loose, milli)
    return str(amount), unit


def _unchanged(product, typed: str, milli: int, was_milli: int) -> bool:
    return milli == was_milli or typed == shown_amount(product, was_milli)[0]


def _attempt(problems: dict[str, str], field: str, parse, *args):
    try:
        value = parse(*args)
    except ValueError:
        problems[field] = INVALID
        return None
    if value is None:  # an empty optional cell; these fields are required in the form
        problems[field] = INVALID
    return value
