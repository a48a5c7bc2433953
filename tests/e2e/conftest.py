"""The whole application against a real database: a small shop imported from a CSV, the web app on port 0."""
from __future__ import annotations

import pytest

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

SHOP_CSV = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
ATTA-LOOSE,"Wheat Atta (loose, per kg)",,staples,kg,1,42,atta|aata|आटा,50
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni|chini|चीनी,40
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,maggi,100
TATA-SALT-1,Tata Salt 1kg,Tata,staples,kg,1,28,namak,30
AMUL-BUTTER-100,Amul Butter 100g,Amul,dairy,g,100,60,makhan,3
AMUL-BUTTER-500,Amul Butter 500g,Amul,dairy,g,500,285,,10
"""
OWNER_PHONE = "919876543210"


@pytest.fixture
async def shop(sessions, tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(SHOP_CSV, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="SHOP1", name="Gupta General Store", owner_phones=[OWNER_PHONE],
                                   owner_password="correct horse battery")
        report = await import_catalog(session, store.id, path)
    assert not report.errors
    return store


@pytest.fixture
async def services(database_url):
    services = Services.create(Settings(database_url=database_url))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    app = create_app(Settings(database_url=services.settings.database_url), services=services, sweep_every=3600)
    return await aiohttp_client(app)
