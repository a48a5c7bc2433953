"""The owner's inventory in a real database: search, low stock, edits and new products, one store at a time."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from vyaparai.catalog.editing import ProductExists, add_product, find_product, search_products, update_product
from vyaparai.catalog.product_input import ProductChange, check_new_product
from vyaparai.db.models import Store

from tests.integration.factories import make_product, make_store


@pytest.fixture
async def shop(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        other = await make_store(s, code="OTHER", name="Other Store")
        await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg", pack_base=1000,
                           loose=True, stock_packs=2)
        butter = await make_product(s, store, "AMUL-BUTTER", name="Amul Butter 100 g", stock_packs=0)
        butter.aliases = ["makhan", "मक्खन"]
        await make_product(s, store, "OLD-SOAP", name="Old Soap", stock_packs=0, active=False)
        await make_product(s, other, "OTHER-BUTTER", name="Butter elsewhere")
    return store.id, other.id


async def names(sessions, store_id, text="", **kw):
    async with sessions() as s:
        return [i.product.name for i in await search_products(s, store_id, text, **kw)]


async def version(sessions, store_id):
    async with sessions() as s:
        return await s.scalar(select(Store.catalog_version).where(Store.id == store_id))


async def test_search_matches_name_sku_and_aliases_in_one_store_only(sessions, shop):
    store_id, _ = shop
    assert await names(sessions, store_id, "butter") == ["Amul Butter 100 g"]
    assert await names(sessions, store_id, "sugar-l") == ["Sugar (loose, per kg)"]
    assert await names(sessions, store_id, "MAKHAN") == ["Amul Butter 100 g"]
    assert await names(sessions, store_id, "मक्खन") == ["Amul Butter 100 g"]
    assert await names(sessions, store_id, "100%") == []  # a LIKE wildcard is just a character
    assert await names(sessions, store_id) == ["Amul Butter 100 g", "Old Soap", "Sugar (loose, per kg)"]
    assert await names(sessions, store_id, limit=1, offset=1) == ["Old Soap"]


async def test_low_stock_is_active_products_at_or_below_their_level(sessions, shop):
    store_id, _ = shop
    assert await names(sessions, store_id, low_stock_only=True) == ["Amul Butter 100 g"]
    async with sessions() as s, s.begin():
        sugar = (await search_products(s, store_id, "sugar"))[0]
        await update_product(s, store_id, sugar.product.id,
                             ProductChange(price_paise=4600, active=True, low_stock_milli=2_000))
    assert await names(sessions, store_id, low_stock_only=True) == ["Amul Butter 100 g", "Sugar (loose, per kg)"]


async def test_an_update_changes_only_this_stores_product_and_bumps_the_catalog_version(sessions, shop):
    store_id, other_id = shop
    before = await version(sessions, store_id)
    async with sessions() as s, s.begin():
        butter = (await search_products(s, store_id, "AMUL-BUTTER"))[0]
        change = ProductChange(price_paise=5500, active=False, stock_milli=7_000)
        assert await update_product(s, other_id, butter.product.id, change) is None
        updated = await update_product(s, store_id, butter.product.id, change)
    assert (updated.product.price_paise, updated.product.stock_milli, updated.product.active) == (5500, 7000, False)
    assert await version(sessions, store_id) == before + 1
    async with sessions() as s:
        assert await find_product(s, other_id, butter.product.id) is None


async def test_a_new_product_is_added_once_per_sku(sessions, shop):
    store_id, other_id = shop
    row = check_new_product({"sku": "OTHER-BUTTER", "name": "Butter 500 g", "brand": "Amul", "unit": "g",
                             "pack_size": "500", "price": "285", "stock": "4", "low_stock": "1"})
    async with sessions() as s, s.begin():
        added = await add_product(s, store_id, row)  # the same SKU in another store is no clash
    assert (added.product.stock_milli, added.low_stock_milli, added.product.active) == (4000, 1000, True)
    with pytest.raises(ProductExists):
        async with sessions() as s, s.begin():
            await add_product(s, store_id, row)
    assert await names(sessions, store_id, "OTHER-BUTTER") == ["Butter 500 g"]
