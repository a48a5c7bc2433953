"""Turn the rows of a catalog file (plain strings) into checked product values, or say what is wrong."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from vyaparai.catalog.records import pack_base_of

REQUIRED_COLUMNS = ("sku", "name", "brand", "category", "unit", "pack_size", "price_inr")
OPTIONAL_COLUMNS = ("aliases", "stock", "barcode", "mrp_inr", "low_stock")

# Spellings shopkeepers use in their spreadsheets, mapped to our five units.
UNIT_SPELLINGS = {
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme"),
    "g": ("g", "gm", "gms", "gr", "grm", "grms", "gram", "grams", "gramme", "grammes"),
    "l": ("l", "lt", "ltr", "ltrs", "litre", "litres", "liter", "liters"),
    "ml": ("ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters"),
    "piece": ("piece", "pieces", "pc", "pcs", "nos", "no", "unit", "units", "each", "ea"),
}
UNIT_OF_SPELLING = {spelling: unit for unit, spellings in UNIT_SPELLINGS.items() for spelling in spellings}

_MONEY_JUNK = re.compile(r"(₹|\brs\.?|\binr\b|/-|\s)", re.IGNORECASE)
# Thousands separators are fine ("1,234.50", Indian "1,23,456"); "12,50" is a decimal comma we refuse to guess.
_GROUPED = re.compile(r"^\d{1,3}(,\d{2,3})*,\d{3}(\.\d*)?$")
_NUMBER = re.compile(r"^\d+(\.\d*)?$|^\.\d+$")
_SKU = re.compile(r"^[^\s|]{1,64}$")
MAX_LENGTH = {"name": 300, "brand": 120, "category": 64, "barcode": 64}  # the column sizes in db/models/shop.py
# Far above anything a kirana sells; they stop a typo ("5000" kg packs, a price in paise) reaching the database.
MAX_PACK_BASE = 1_000_000
MAX_PRICE_PAISE = 10_00_000_00  # ₹10 lakh
MAX_STOCK_PACKS = 10_000_000


class MissingColumns(ValueError):
    """The header lacks required columns; nothing in the file can be imported."""

    def __init__(self, missing: Sequence[str]):
        super().__init__(f"missing required column(s): {', '.join(missing)} "
                         f"(the header must name {', '.join(REQUIRED_COLUMNS)})")
        self.missing = tuple(missing)


@dataclass(frozen=True)
class Header:
    """Where each known column sits in a row, and the columns we will not read."""

    positions: dict[str, int]
    ignored: tuple[str, ...]

    def has(self, column: str) -> bool:
        return column in self.positions


@dataclass(frozen=True)
class ProductRow:
    """One valid catalog line. None in an optional field (column absent or cell empty) means "keep what is there"."""

    sku: str
    name: str
    brand: str | None
    category: str
    unit: str
    pack_base: int
    loose: bool
    price_paise: int
    mrp_paise: int | None = None
    aliases: tuple[str, ...] | None = None
    stock_milli: int | None = None
    low_stock_milli: int | None = None
    barcode: str | None = None


def read_header(cells: Sequence[str]) -> Header:
    """Header names are matched case-insensitively; unknown columns are ignored (and reported)."""
    positions: dict[str, int] = {}
    ignored = []
    for i, cell in enumerate(cells):
        name = _text(cell).lower().replace(" ", "_")
        if name in REQUIRED_COLUMNS or name in OPTIONAL_COLUMNS:
            positions.setdefault(name, i)
        elif name:
            ignored.append(_text(cell))
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        raise MissingColumns(missing)
    return Header(positions, tuple(ignored))


def check_rows(header: Header, rows: Iterable[tuple[int, Sequence[str]]]) -> Iterator[tuple[int, ProductRow | str]]:
    """(line, ProductRow) or (line, what is wrong) for each (line, cells); blank lines are skipped."""
    first_line_of: dict[str, int] = {}
    for line, cells in rows:
        if not any(c and str(c).strip() for c in cells):
            continue
        result = parse_row(header, cells)
        if isinstance(result, ProductRow):
            if result.sku in first_line_of:
                result = f"sku: {result.sku!r} already appears on line {first_line_of[result.sku]}"
            else:
                first_line_of[result.sku] = line
        yield line, result


def parse_row(header: Header, cells: Sequence[str]) -> ProductRow | str:
    """A ProductRow, or every problem of the row in one message ("column: what is wrong")."""
    problems: list[str] = []
    texts = [_text(c) for c in cells]

    def cell(column: str) -> str:
        i = header.positions.get(column)
        return texts[i] if i is not None and i < len(texts) else ""

    def attempt(column: str, parse, *args):
        try:
            return parse(cell(column), *args)
        except ValueError as e:
            problems.append(f"{column}: {e}")
            return None

    sku = attempt("sku", parse_sku)
    name = attempt("name", _text_of_length, MAX_LENGTH["name"], True)
    for column in ("brand", "category", "barcode"):
        attempt(column, _text_of_length, MAX_LENGTH[column], False)
    unit = attempt("unit", parse_unit)
    pack_base = attempt("pack_size", parse_pack_size, unit) if unit else None
    price = attempt("price_inr", parse_price)
    mrp = attempt("mrp_inr", parse_optional_price)
    if price is not None and mrp is not None and price > mrp:
        problems.append(f"price_inr: {cell('price_inr')!r} is above the MRP {cell('mrp_inr')!r}")
    brand = cell("brand") or None
    loose = bool(name and pack_base is not None and _is_loose(name, brand, unit, pack_base))
    stock = attempt("stock", parse_packs, loose)
    low_stock = attempt("low_stock", parse_packs, loose)
    if problems:
        return "; ".join(problems)
    return ProductRow(
        sku=sku, name=name, brand=brand, category=(cell("category") or "other").lower(), unit=unit,
        pack_base=pack_base, loose=loose, price_paise=price, mrp_paise=mrp,
        aliases=parse_aliases(cell("aliases")) or None,
        stock_milli=stock, low_stock_milli=low_stock, barcode=cell("barcode") or None,
    )


def parse_sku(value: str) -> str:
    if not value:
        raise ValueError("is empty; every product needs its own code")
    if not _SKU.match(value):
        raise ValueError(f"{value!r} must be up to 64 characters with no spaces or '|'")
    return value


def parse_unit(value: str) -> str:
    if not value:
        raise ValueError("is empty")
    unit = UNIT_OF_SPELLING.get(value.lower().rstrip("."))
    if unit is None:
        raise ValueError(f"{value!r} is not one of kg, g, l, ml, piece")
    return unit


def parse_pack_size(value: str, unit: str) -> int:
    amount = _decimal(value, "a pack size")
    if amount <= 0:
        raise ValueError(f"{value!r} must be more than 0")
    if amount > MAX_PACK_BASE:  # a base is never smaller than its amount; bigger ones overflow Decimal's rounding
        raise ValueError(f"{value!r} {unit} is too large for one pack")
    base = pack_base_of(unit, amount)  # exact Decimal: 72.5 g is kept as 73 g, see pack_base_of
    if base > MAX_PACK_BASE:
        raise ValueError(f"{value!r} {unit} is too large for one pack")
    return base


def parse_price(value: str) -> int:
    """Rupees with up to two decimals -> integer paise, exactly: "₹1,234.50" -> 123450."""
    if not value:
        raise ValueError("is empty")
    cleaned = _MONEY_JUNK.sub("", value)
    if "," in cleaned:
        if not _GROUPED.match(cleaned):
            raise ValueError(f"{value!r} is not a price in rupees (use a dot before the paise)")
        cleaned = cleaned.replace(",", "")
    rupees = _decimal(cleaned, "a price in rupees", shown=value)
    paise = rupees * 100
    if paise != paise.to_integral_value():
        raise ValueError(f"{value!r} has more than 2 decimals")
    if paise <= 0:
        raise ValueError(f"{value!r} must be more than 0")
    if paise > MAX_PRICE_PAISE:
        raise ValueError(f"{value!r} is more than ₹10 lakh; is it a price in rupees?")
    return int(paise)


def parse_optional_price(value: str) -> int | None:
    return parse_price(value) if value else None


def parse_packs(value: str, loose: bool) -> int | None:
    """A number of packs -> thousandths of a pack; fractions only for loose goods. Empty -> None."""
    if not value:
        return None
    packs = _decimal(value, "a number of packs")
    if packs < 0:
        raise ValueError(f"{value!r} is below zero")
    if packs > MAX_STOCK_PACKS:
        raise ValueError(f"{value!r} packs is more than any shop holds")
    milli = packs * 1000
    if milli != milli.to_integral_value():
        raise ValueError(f"{value!r} has more than 3 decimals")
    if not loose and milli % 1000:
        raise ValueError(f"{value!r} is not a whole number of packs (only loose goods sell in fractions)")
    return int(milli)


def parse_aliases(value: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for alias in value.split("|"):
        alias = _text(alias)
        if alias and alias.lower() not in {a.lower() for a in seen}:
            seen[alias] = None
    return tuple(seen)


def _is_loose(name: str, brand: str | None, unit: str, pack_base: int) -> bool:
    if "loose" in name.lower():
        return True
    return not brand and pack_base == pack_base_of(unit, 1)


def _text_of_length(value: str, limit: int, required: bool) -> str:
    if required and not value:
        raise ValueError("is empty")
    if len(value) > limit:
        raise ValueError(f"{value[:20]!r}... is longer than {limit} characters")
    return value


def _decimal(value: str, what: str, *, shown: str | None = None) -> Decimal:
    if not value:
        raise ValueError("is empty")
    if not _NUMBER.match(value):
        raise ValueError(f"{shown if shown is not None else value!r} is not {what}")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{shown if shown is not None else value!r} is not {what}") from None


def _text(value) -> str:
    """Trimmed, NFC-normalised text with runs of spaces collapsed (Excel exports love stray spaces)."""
    if value is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(value)).split())
