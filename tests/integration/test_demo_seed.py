"""The demo store: a real-looking kirana that `vyaparai demo` can seed again and again."""
from __future__ import annotations

from datetime import UTC, datetime

from vyaparai.catalog.demo import seed_demo
from vyaparai.catalog.repository import get_product_by_sku, load_product_records, low_stock_products, set_stock
from vyaparai.catalog.stores import get_store_by_channel, get_store_by_code, is_open_now, verify_owner_password


async def seed(sessions):
    async with sessions() as s, s.begin():
        return await seed_demo(s)


async def demo_products(sessions) -> dict:
    async with sessions() as s:
        store = await get_store_by_code(s, "DEMO")
        return {p.sku: p for p in await load_product_records(s, store.id)}


async def test_demo_store_has_a_full_kirana_catalog_and_an_owner_login(sessions):
    info = await seed(sessions)

    assert (info.store_code, info.owner_phone) == ("DEMO", "919876543210")
    assert info.products_imported >= 150
    async with sessions() as s:
        store = await get_store_by_code(s, "DEMO")
        assert store.name == "Sharma Kirana Store"
        assert verify_owner_password(store, info.owner_password)
        assert (await get_store_by_channel(s, "whatsapp", "DEMO-WA-PHONE")).id == store.id
        # The demo takes orders at any hour, so it can be tried at night (17:00 UTC is 22:30 in India).
        assert is_open_now(store, datetime(2026, 6, 3, 4, 30, tzinfo=UTC))
        assert is_open_now(store, datetime(2026, 6, 3, 17, 0, tzinfo=UTC))
        low = await low_stock_products(s, store.id)
    assert any(item.product.stock_milli == 0 for item in low), "some products are sold out"
    assert any(item.product.stock_milli > 0 for item in low), "some are running low"


async def test_demo_catalog_has_the_near_duplicates_customers_must_choose_between(sessions):
    await seed(sessions)
    names = [p.name for p in (await demo_products(sessions)).values()]

    def having(*words: str) -> list[str]:
        return [n for n in names if all(w.lower() in n.lower() for w in words)]

    assert len(having("Maggi", "Masala")) >= 3 and having("Maggi", "Atta")
    assert having("Tata Salt 1 kg") and having("Tata Salt Lite")
    assert having("Amul Gold") and having("Amul Taaza")
    assert len(having("Parle-G")) >= 2


async def test_demo_prices_sizes_and_aliases_look_like_a_real_shop(sessions):
    await seed(sessions)
    products = await demo_products(sessions)

    sugar = products["SUGAR-LOOSE"]
    assert sugar.loose and sugar.unit == "kg" and sugar.pack_base == 1000
    assert {"cheeni", "chini", "चीनी"} <= set(sugar.aliases)
    assert products["MAGGI-MAS-70"].pack_base == 70 and not products["MAGGI-MAS-70"].loose
    assert all(p.price_paise > 0 for p in products.values())
    assert all(p.mrp_paise is None or p.price_paise <= p.mrp_paise for p in products.values())
    categories = {p.category for p in products.values()}
    assert {"staples", "dal", "spices", "oil", "dairy", "vegetables", "personal_care", "household"} <= categories


async def test_seeding_again_changes_nothing_and_keeps_the_stock(sessions):
    first = await seed(sessions)
    async with sessions() as s, s.begin():
        await set_stock(s, first.store_id, "MAGGI-MAS-70", 3000)

    again = await seed(sessions)

    assert again.store_id == first.store_id
    assert again.products_imported == 0
    assert len(await demo_products(sessions)) == first.products_imported
    async with sessions() as s:
        assert (await get_product_by_sku(s, first.store_id, "MAGGI-MAS-70")).stock_milli == 3000
