"""The demo store: Sharma Kirana Store (code DEMO) with about 200 real kirana products, seeded idempotently."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store, get_store_by_code
from vyaparai.db.models import Product

logger = logging.getLogger(__name__)

DEMO_CODE = "DEMO"
DEMO_OWNER_PHONE = "919876543210"
# A demo login anyone may know; it is printed by `vyaparai demo`. Real stores get their own.
DEMO_OWNER_PASSWORD = "sharma-demo-123"
DEMO_WHATSAPP_PHONE_NUMBER_ID = "DEMO-WA-PHONE"


@dataclass(frozen=True)
class DemoInfo:
    store_code: str
    owner_phone: str
    owner_password: str
    store_id: int
    products_imported: int  # 0 when the store already had its catalog


async def seed_demo(session: AsyncSession) -> DemoInfo:
    """Create the demo store if missing and load its catalog if it has none; never resets stock on a re-run."""
    store = await get_store_by_code(session, DEMO_CODE)
    if store is None:
        store = await create_store(
            session, code=DEMO_CODE, name="Sharma Kirana Store", owner_phones=[DEMO_OWNER_PHONE],
            owner_password=DEMO_OWNER_PASSWORD, whatsapp_phone_number_id=DEMO_WHATSAPP_PHONE_NUMBER_ID,
            # No opening hours: the demo is tried at any hour, and the checkout refuses orders outside them
            # (`vyaparai store update --hours ...` shows that part).
            lat=28.5672, lon=77.2436,
            address="Shop 14, Central Market, Lajpat Nagar II, New Delhi 110024",
        )
        await session.flush()
    imported = 0
    if not await _has_products(session, store.id):
        report = await import_catalog(session, store.id, demo_catalog_bytes())
        if report.errors:  # the file ships with the code, so a bad line is our bug
            raise RuntimeError(f"demo catalog has bad lines: {report.errors[:3]}")
        imported = report.created
        logger.info("seeded demo store %s with %d products", DEMO_CODE, imported)
    return DemoInfo(DEMO_CODE, DEMO_OWNER_PHONE, DEMO_OWNER_PASSWORD, store.id, imported)


def demo_catalog_bytes() -> bytes:
    return resources.files("vyaparai.catalog").joinpath("data/demo_catalog.csv").read_bytes()


async def _has_products(session: AsyncSession, store_id: int) -> bool:
    count = await session.scalar(select(func.count()).select_from(Product).where(Product.store_id == store_id))
    return bool(count)
