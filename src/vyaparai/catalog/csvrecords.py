"""Read a catalog CSV (the import columns) straight into ProductRecords, for offline nlu runs and tests."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from vyaparai.catalog.records import UNIT_BASE, ProductRecord, pack_base_of

_IN_STOCK_MILLI = 1_000_000  # offline runs treat every product as available


def read_records(path: Path | str) -> list[ProductRecord]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(parse_rows(csv.DictReader(f)))


def _pack_base(unit: str, pack_size: float) -> int:
    """Base units of a pack; fractional grams ("72.5 g" noodles) round to the nearest gram."""
    try:
        return pack_base_of(unit, pack_size)
    except ValueError:
        if unit not in UNIT_BASE:
            raise
        return max(1, round(pack_size * UNIT_BASE[unit][1]))


def parse_rows(rows) -> Iterator[ProductRecord]:
    for row in rows:
        unit = row["unit"].strip()
        pack_size = float(row["pack_size"])
        brand = (row.get("brand") or "").strip()
        name = row["name"].strip()
        loose = not brand and ("(loose" in name.lower() or (pack_size == 1 and unit in ("kg", "l")))
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        price = int(Decimal(row["price_inr"]) * 100)
        mrp = row.get("mrp_inr")
        yield ProductRecord(
            sku=row["sku"].strip(), name=name, unit=unit, pack_base=_pack_base(unit, pack_size),
            price_paise=price, brand=brand, category=(row.get("category") or "other").strip(), loose=loose,
            aliases=aliases, stock_milli=_IN_STOCK_MILLI, mrp_paise=int(Decimal(mrp) * 100) if mrp else None,
        )
