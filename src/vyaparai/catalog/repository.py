"""Reading and changing a store's products; every change bumps the store's catalog version."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Product, Store


class ProductNotFound(LookupError):
    code = "product_not_found"

    def __init__(self, store_id: int, sku: str):
        super().__init__(f"no product {sku!r} in store {store_id}")
        self.store_id, self.sku = store_id, sku


@dataclass(frozen=True)
class LowStock:
    """A product at or below the level its owner wants to be warned at (or out of stock)."""

    product: ProductRecord
    low_stock_milli: int


async def load_product_records(session: AsyncSession, store_id: int, *,
                               include_inactive: bool = False) -> list[ProductRecord]:
    query = select(Product).where(Product.store_id == store_id).order_by(Product.id)
    if not include_inactive:
        query = query.where(Product.active.is_(True))
    return [to_record(p) for p in await session.scalars(query)]


async def get_product_by_sku(session: AsyncSession, store_id: int, sku: str) -> Product | None:
    return await session.scalar(select(Product).where(Product.store_id == store_id, Product.sku == sku))


async def set_stock(session: AsyncSession, store_id: int, sku: str, stock_milli: int) -> ProductRecord:
    """Set the stock a shopkeeper counted (thousandths of a pack); raises ProductNotFound for an unknown SKU."""
    if stock_milli < 0:
        raise ValueError(f"stock cannot be below zero (got {stock_milli} milli-packs)")
    product = await session.scalar(
        update(Product)
        .where(Product.store_id == store_id, Product.sku == sku)
        .values(stock_milli=stock_milli)
        .returning(Product)
        .execution_options(synchronize_session="fetch")
    )
    if product is None:
        raise ProductNotFound(store_id, sku)
    await bump_catalog_version(session, store_id)
    return to_record(product)


async def bump_catalog_version(session: AsyncSession, store_id: int) -> None:
    """Tell cached product indexes they are stale; one atomic increment, safe beside other writers."""
    await session.execute(
        update(Store).where(Store.id == store_id).values(catalog_version=Store.catalog_version + 1)
        .execution_options(synchronize_session="fetch")
    )


async def low_stock_products(session: AsyncSession, store_id: int) -> list[LowStock]:
    """Active products at or below their low-stock level, emptiest first (out of stock always counts)."""
    rows = await session.scalars(
        select(Product)
        .where(Product.store_id == store_id, Product.active.is_(True),
               Product.stock_milli <= Product.low_stock_milli)
        .order_by(Product.stock_milli, Product.name)
    )
    return [LowStock(to_record(p), p.low_stock_milli) for p in rows]


def to_record(p: Product) -> ProductRecord:
    return ProductRecord(
        sku=p.sku, name=p.name, unit=p.unit, pack_base=p.pack_base, price_paise=p.price_paise,
        brand=p.brand or "", category=p.category, loose=p.loose, aliases=tuple(p.aliases or ()),
        stock_milli=p.stock_milli, active=p.active, id=p.id, mrp_paise=p.mrp_paise,
    )
