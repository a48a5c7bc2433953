"""The starter catalog: the platform-wide product list a new store takes whole categories from.

The list is the demo catalog to begin with. A store gets the chosen categories' products with the
starter prices and no stock; the owner then sets their own prices and stock in the panel. Products
the store already has (by SKU) are left exactly as they are, so applying a category twice adds nothing.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.demo import demo_catalog_bytes
from vyaparai.catalog.repository import bump_catalog_version
from vyaparai.catalog.rows import ProductRow, check_rows, read_header
from vyaparai.catalog.sheets import open_sheet
from vyaparai.db.models import Product
from vyaparai.db.types import utcnow

__all__ = ["StarterCategory", "StarterResult", "UnknownCategory", "apply_starter", "starter_categories",
           "starter_products"]

logger = logging.getLogger(__name__)


class UnknownCategory(ValueError):
    """A category the starter catalog does not have; nothing is copied."""

    code = "unknown_category"

    def __init__(self, names: Iterable[str]):
        self.names = tuple(names)
        super().__init__(f"the starter catalog has no category {', '.join(self.names)}")


@dataclass(frozen=True)
class StarterCategory:
    name: str  # as written in the catalog ("personal_care")
    products: int
    examples: tuple[str, ...]  # a few product names, so the operator sees what the category holds


@dataclass(frozen=True)
class StarterResult:
    added: int  # products new to the store
    kept: int  # products the store already had (by SKU), left untouched


@functools.cache
def starter_products() -> tuple[ProductRow, ...]:
    """Every product of the starter list (read once; the file ships with the code, so a bad line is our bug)."""
    with open_sheet(demo_catalog_bytes()) as sheet:
        checked = list(check_rows(read_header(sheet.header), sheet.rows))
    bad = [(line, problem) for line, problem in checked if isinstance(problem, str)]
    if bad:
        raise RuntimeError(f"starter catalog has bad lines: {bad[:3]}")
    return tuple(row for _, row in checked)


def starter_categories(examples: int = 3) -> list[StarterCategory]:
    """The categories in the order of the file, each with its product count."""
    grouped: dict[str, list[ProductRow]] = {}
    for row in starter_products():
        grouped.setdefault(row.category, []).append(row)
    return [StarterCategory(name, len(rows), tuple(r.name for r in rows[:examples])) for name, rows in grouped.items()]


async def apply_starter(session: AsyncSession, store_id: int, categories: Iterable[str]) -> StarterResult:
    """Copy the categories' products into the store (starter price, zero stock) in the caller's transaction."""
    wanted = {c.strip().lower() for c in categories if c and c.strip()}
    unknown = sorted(wanted - {c.name for c in starter_categories()})
    if unknown:
        raise UnknownCategory(unknown)
    rows = [r for r in starter_products() if r.category in wanted]
    have = set((await session.scalars(select(Product.sku).where(
        Product.store_id == store_id, Product.sku.in_([r.sku for r in rows])))).all())
    new = [_values(store_id, r) for r in rows if r.sku not in have]
    if new:
        await session.execute(insert(Product), new)
        await bump_catalog_version(session, store_id)
    logger.info("starter catalog for store %s: %d added, %d already there", store_id, len(new), len(rows) - len(new))
    return StarterResult(added=len(new), kept=len(rows) - len(new))


def _values(store_id: int, r: ProductRow) -> dict:
    # No stock: the shop has not counted its shelves yet, and the bot must not sell what may not be there.
    return {"store_id": store_id, "sku": r.sku, "name": r.name, "brand": r.brand, "category": r.category,
            "unit": r.unit, "pack_base": r.pack_base, "loose": r.loose, "price_paise": r.price_paise,
            "mrp_paise": r.mrp_paise, "aliases": list(r.aliases or ()), "stock_milli": 0,
            "low_stock_milli": r.low_stock_milli or 0, "barcode": r.barcode, "active": True, "updated_at": utcnow()}
