"""Stores, products, customers and filled carts made straight with the ORM, for the orders tests."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Customer, Product, Store
from vyaparai.orders.cart import add_item, open_cart
from vyaparai.orders.customers import get_or_create_customer

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
TTL = 30


async def make_store(session: AsyncSession, code: str = "KIRANA1", name: str = "Sharma Kirana") -> Store:
    store = Store(code=code, name=name, owner_phones=["+919800000001"])
    session.add(store)
    await session.flush()
    return store


async def make_product(
    session: AsyncSession,
    store: Store,
    sku: str,
    *,
    name: str | None = None,
    price_paise: int = 1000,
    stock_packs: float = 10,
    unit: str = "g",
    pack_base: int = 100,
    loose: bool = False,
    active: bool = True,
) -> Product:
    product = Product(
        store_id=store.id, sku=sku, name=name or sku.title(), unit=unit, pack_base=pack_base, loose=loose,
        price_paise=price_paise, stock_milli=round(stock_packs * 1000), active=active,
    )
    session.add(product)
    await session.flush()
    return product


async def make_customer(session: AsyncSession, external_id: str = "9198000", name: str = "Asha") -> Customer:
    return await get_or_create_customer(session, "whatsapp", external_id, name=name, phone="+" + external_id)


async def fill_cart(session: AsyncSession, store: Store, customer: Customer, lines: list[tuple[Product, int]]):
    cart, _ = await open_cart(session, store.id, customer.id, now=NOW, ttl_minutes=TTL)
    for product, qty_milli in lines:
        await add_item(session, cart, product, qty_milli)
    return cart
