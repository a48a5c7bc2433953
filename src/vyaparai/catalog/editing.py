"""The owner's inventory: search a store's products, see what runs low, change one product, add one.

Every change bumps the store's catalog version (as the importer does) so the chat matcher reloads.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import String, cast, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.product_input import ProductChange
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.repository import bump_catalog_version, get_product_by_sku, to_record
from vyaparai.catalog.rows import ProductRow
from vyaparai.db.models import Product

PAGE_SIZE = 50
MAX_QUERY = 100


class ProductExists(ValueError):
    """A new product's SKU is already used by another product of the store."""

    code = "product_exists"

    def __init__(self, store_id: int, sku: str):
        super().__init__(f"store {store_id} already has a product {sku!r}")
        self.store_id, self.sku = store_id, sku


@dataclass(frozen=True)
class InventoryItem:
    """A product as the owner manages it: the record plus the level they want to be warned at."""

    product: ProductRecord
    low_stock_milli: int

    @property
    def is_low(self) -> bool:
        return self.product.active and self.product.stock_milli <= self.low_stock_milli


async def search_products(session: AsyncSession, store_id: int, text: str = "", *, low_stock_only: bool = False,
                          limit: int = PAGE_SIZE, offset: int = 0) -> list[InventoryItem]:
    """The store's products whose name, SKU or an alias contains `text` (any case), by name.

    With low_stock_only, only active products at or below their low-stock level, emptiest first.
    """
    query = select(Product).where(Product.store_id == store_id)
    text = " ".join(text.split())[:MAX_QUERY]
    if text:
        # Aliases are a JSON list stored as text with non-ASCII letters \u-escaped (json.dumps),
        # so the alias test looks for the query written the same way.
        as_json = json.dumps(text)[1:-1]
        query = query.where(or_(Product.name.icontains(text, autoescape=True),
                                Product.sku.icontains(text, autoescape=True),
                                cast(Product.aliases, String).icontains(as_json, autoescape=True)))
    if low_stock_only:
        query = query.where(Product.active.is_(True), Product.stock_milli <= Product.low_stock_milli)
        query = query.order_by(Product.stock_milli, Product.name, Product.id)
    else:
        query = query.order_by(Product.name, Product.id)
    rows = await session.scalars(query.limit(limit).offset(offset))
    return [_item(p) for p in rows]


async def find_product(session: AsyncSession, store_id: int, product_id: int) -> InventoryItem | None:
    """One product of this store; another store's id finds nothing, exactly like an unknown one."""
    product = await session.scalar(select(Product).where(Product.store_id == store_id, Product.id == product_id))
    return _item(product) if product else None


async def update_product(session: AsyncSession, store_id: int, product_id: int,
                         change: ProductChange) -> InventoryItem | None:
    """Apply an edit in the caller's transaction; None when the store has no such product."""
    values = {"price_paise": change.price_paise, "active": change.active}
    if change.stock_milli is not None:
        values["stock_milli"] = change.stock_milli
    if change.low_stock_milli is not None:
        values["low_stock_milli"] = change.low_stock_milli
    product = await session.scalar(
        update(Product).where(Product.store_id == store_id, Product.id == product_id).values(**values)
        .returning(Product).execution_options(synchronize_session="fetch")
    )
    if product is None:
        return None
    await bump_catalog_version(session, store_id)
    return _item(product)


async def add_product(session: AsyncSession, store_id: int, row: ProductRow) -> InventoryItem:
    """Add a checked row as a new, active product; ProductExists when its SKU is taken."""
    if await get_product_by_sku(session, store_id, row.sku) is not None:
        raise ProductExists(store_id, row.sku)
    product = Product(
        store_id=store_id, sku=row.sku, name=row.name, brand=row.brand, category=row.category, unit=row.unit,
        pack_base=row.pack_base, loose=row.loose, price_paise=row.price_paise, mrp_paise=row.mrp_paise,
        aliases=list(row.aliases or ()), stock_milli=row.stock_milli or 0, low_stock_milli=row.low_stock_milli or 0,
        barcode=row.barcode, active=True,
    )
    try:
        # A savepoint: losing a race with an import of the same SKU leaves the caller's transaction usable.
        async with session.begin_nested():
            session.add(product)
    except IntegrityError:
        raise ProductExists(store_id, row.sku) from None
    await bump_catalog_version(session, store_id)
    return _item(product)


def _item(product: Product) -> InventoryItem:
    return InventoryItem(to_record(product), product.low_stock_milli)
