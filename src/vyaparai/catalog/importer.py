"""Import a catalog file into one store: good rows are upserted by SKU, bad rows reported by line.

An empty cell in an optional column (aliases, stock, barcode, mrp_inr, low_stock) keeps what the
store already has, so a price-list file without stock never resets the shelf count.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.repository import bump_catalog_version
from vyaparai.catalog.rows import MissingColumns, ProductRow, check_rows, read_header
from vyaparai.catalog.sheets import CatalogFileError, CatalogSource, open_sheet
from vyaparai.db.models import Product
from vyaparai.db.types import utcnow

__all__ = ["CatalogFileError", "ImportReport", "import_catalog"]

logger = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]  # (data lines done, data lines in the file or None)
BATCH_SIZE = 500
OPTIONAL_FIELDS = ("mrp_paise", "aliases", "stock_milli", "low_stock_milli", "barcode")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong)
    notes: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


async def import_catalog(session: AsyncSession, store_id: int, source: CatalogSource, *,
                         progress: Progress | None = None, batch_size: int = BATCH_SIZE,
                         commit_batches: bool = False) -> ImportReport:
    """Import a CSV/XLSX path or upload; CatalogFileError when nothing can be read.

    By default everything happens in the caller's transaction. With commit_batches, the session
    commits after every batch, so a long import never holds the products (and on SQLite the
    whole database) away from checkouts for more than one batch; the good rows already written
    stay if a later batch fails, as bad lines never stopped the good ones anyway.
    """
    report = ImportReport()
    with open_sheet(source) as sheet:
        try:
            header = read_header(sheet.header)
        except MissingColumns as e:
            raise CatalogFileError(f"line {sheet.header_line}: {e}") from None
        if header.ignored:
            report.notes.append(f"ignored column(s): {', '.join(header.ignored)}")
        existing = await _existing_skus(session, store_id)
        batch: list[ProductRow] = []
        seen_rows = False
        for line, result in check_rows(header, sheet.rows):
            seen_rows = True
            if isinstance(result, str):
                report.errors.append((line, result))
            else:
                batch.append(result)
            if len(batch) >= batch_size:
                await _write(session, store_id, batch, existing, report)
                batch = []
                if commit_batches:
                    await session.commit()
                if progress:
                    progress(line - sheet.header_line, sheet.total)
        await _write(session, store_id, batch, existing, report)
        if progress:
            progress(sheet.total or 0, sheet.total)
    if not seen_rows:
        raise CatalogFileError("the file has a header but no product lines")
    if report.imported:
        await bump_catalog_version(session, store_id)
    logger.info("catalog import for store %s: %d created, %d updated, %d bad lines",
                store_id, report.created, report.updated, len(report.errors))
    return report


async def _existing_skus(session: AsyncSession, store_id: int) -> dict[str, int]:
    """SKU -> product id, read once, so the import needs no SELECT per row."""
    rows = await session.execute(select(Product.sku, Product.id).where(Product.store_id == store_id))
    return {sku: product_id for sku, product_id in rows}


async def _write(session: AsyncSession, store_id: int, rows: list[ProductRow], existing: dict[str, int],
                 report: ImportReport) -> None:
    now = utcnow()
    new = [_insert_values(store_id, r, now) for r in rows if r.sku not in existing]
    # Rows locked in ascending id order, the order checkout takes them in: an import running beside
    # checkouts on PostgreSQL must not deadlock with them (orders/reservation.py).
    changed = sorted((_update_values(existing[r.sku], r, now) for r in rows if r.sku in existing),
                     key=lambda v: v["id"])
    if new:
        await session.execute(insert(Product), new)
    if changed:
        # ORM bulk UPDATE by primary key: one executemany per set of columns, not one statement per row.
        await session.execute(update(Product), changed)
    report.created += len(new)
    report.updated += len(changed)


def _common_values(r: ProductRow, now) -> dict:
    return {"name": r.name, "brand": r.brand, "category": r.category, "unit": r.unit, "pack_base": r.pack_base,
            "loose": r.loose, "price_paise": r.price_paise, "updated_at": now}


def _insert_values(store_id: int, r: ProductRow, now) -> dict:
    # A re-import never switches back on a product the shopkeeper turned off; new products start active.
    return {**_common_values(r, now), "active": True, "store_id": store_id, "sku": r.sku, "mrp_paise": r.mrp_paise,
            "aliases": list(r.aliases or ()), "stock_milli": r.stock_milli or 0,
            "low_stock_milli": r.low_stock_milli or 0, "barcode": r.barcode}


def _update_values(product_id: int, r: ProductRow, now) -> dict:
    values = {**_common_values(r, now), "id": product_id}
    for name in OPTIONAL_FIELDS:
        value = getattr(r, name)
        if value is not None:
            values[name] = list(value) if name == "aliases" else value
    return values
