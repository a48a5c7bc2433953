"""Registering stores and finding them again; the product repository's stock and low-stock views."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.repository import (
    ProductNotFound,
    get_product_by_sku,
    load_product_records,
    low_stock_products,
    set_stock,
)
from vyaparai.catalog.stores import (
    ChannelTaken,
    InvalidStoreValue,
    StoreExists,
    create_store,
    get_store_by_channel,
    get_store_by_code,
    is_owner,
    verify_owner_password,
)
from vyaparai.db.models import Store


async def make_store(sessions, **kw) -> Store:
    args = {"code": "gupta-01", "name": "Gupta General Store", "owner_phones": ["98765 43210"]} | kw
    async with sessions() as s, s.begin():
        return await create_store(s, **args)


async def test_created_store_is_found_by_its_code_in_any_case(sessions):
    await make_store(sessions, owner_phones=["98765 43210", "+91-99999-88888"], lat=19.076, lon=72.8777,
                     address="Dadar West, Mumbai")
    async with sessions() as s:
        store = await get_store_by_code(s, "Gupta-01")
    assert store.code == "GUPTA-01"
    assert store.name == "Gupta General Store"
    assert store.owner_phones == ["919876543210", "919999988888"]
    assert is_owner(store, "+91 99999 88888")
    assert (store.lat, store.lon) == (19.076, 72.8777)


async def test_a_second_store_with_the_same_code_is_refused(sessions):
    await make_store(sessions)
    with pytest.raises(StoreExists) as e:
        await make_store(sessions, code="GUPTA-01", name="Another Gupta")
    assert str(e.value) == "a store with code GUPTA-01 already exists"
    async with sessions() as s:
        assert len((await s.scalars(select(Store))).all()) == 1


@pytest.mark.parametrize(("field", "kw"), [
    ("code", {"code": "a b"}), ("code", {"code": "X"}), ("phone", {"owner_phones": ["12345"]}),
    ("owner_phones", {"owner_phones": []}), ("owner_password", {"owner_password": "short"}),
    ("location", {"lat": 19.0}), ("opening_hours", {"opening_hours": {"monday": [["07:00", "22:00"]]}}),
])
async def test_unusable_store_details_are_refused_naming_the_field(sessions, field, kw):
    with pytest.raises(InvalidStoreValue) as e:
        await make_store(sessions, **kw)
    assert e.value.field == field
    async with sessions() as s:
        assert await s.scalar(select(Store)) is None


async def test_owner_password_is_stored_hashed_and_verified(sessions):
    await make_store(sessions, owner_password="chai-aur-biskut")
    async with sessions() as s:
        store = await get_store_by_code(s, "GUPTA-01")
    assert "chai-aur-biskut" not in store.owner_password_hash
    assert verify_owner_password(store, "chai-aur-biskut")
    assert not verify_owner_password(store, "chai-aur-biscuit")
    assert not verify_owner_password(store, "")


async def test_store_without_a_password_cannot_log_in(sessions):
    store = await make_store(sessions)
    assert not verify_owner_password(store, "anything-at-all")


async def test_inbound_whatsapp_number_leads_to_its_store(sessions):
    await make_store(sessions, whatsapp_phone_number_id="106540352242922")
    await make_store(sessions, code="VERMA", name="Verma Stores")
    async with sessions() as s:
        found = await get_store_by_channel(s, "whatsapp", "106540352242922")
        assert found.code == "GUPTA-01"
        assert await get_store_by_channel(s, "whatsapp", "999") is None
        assert await get_store_by_channel(s, "telegram", "106540352242922") is None


async def test_a_whatsapp_number_already_bound_to_a_store_is_refused(sessions):
    await make_store(sessions, whatsapp_phone_number_id="106540352242922")
    with pytest.raises(ChannelTaken):
        await make_store(sessions, code="VERMA", name="Verma Stores", whatsapp_phone_number_id="106540352242922")


async def test_stock_set_by_the_shopkeeper_shows_in_low_stock_and_bumps_the_version(sessions):
    store = await make_store(sessions)
    catalog = ("sku,name,brand,category,unit,pack_size,price_inr,stock,low_stock\n"
               "MAGGI-70,Maggi 70 g,Maggi,noodles,g,70,15,40,10\n"
               "SUGAR,Sugar (loose per kg),,staples,kg,1,46,30,5\n"
               "SALT-1,Tata Salt 1 kg,Tata,staples,kg,1,28,0,\n").encode()
    async with sessions() as s, s.begin():
        await import_catalog(s, store.id, catalog)
    async with sessions() as s, s.begin():
        version = (await get_store_by_code(s, "GUPTA-01")).catalog_version
        record = await set_stock(s, store.id, "SUGAR", 2500)
        assert record.stock_milli == 2500
    async with sessions() as s:
        assert (await get_store_by_code(s, "GUPTA-01")).catalog_version == version + 1
        low = await low_stock_products(s, store.id)
        assert [(item.product.sku, item.product.stock_milli) for item in low] == [("SALT-1", 0), ("SUGAR", 2500)]
        assert low[1].low_stock_milli == 5000


async def test_setting_stock_of_an_unknown_product_says_so(sessions):
    store = await make_store(sessions)
    async with sessions() as s, s.begin():
        with pytest.raises(ProductNotFound):
            await set_stock(s, store.id, "NOPE", 1000)


async def test_inactive_products_are_left_out_unless_asked_for(sessions):
    store = await make_store(sessions)
    async with sessions() as s, s.begin():
        await import_catalog(s, store.id, b"sku,name,brand,category,unit,pack_size,price_inr\n"
                                          b"A,Atta 5 kg,Aashirvaad,staples,kg,5,275\nB,Besan 500 g,Rajdhani,staples,g,500,62\n")
    async with sessions() as s, s.begin():
        (await get_product_by_sku(s, store.id, "B")).active = False
    async with sessions() as s:
        assert [p.sku for p in await load_product_records(s, store.id)] == ["A"]
        assert [p.sku for p in await load_product_records(s, store.id, include_inactive=True)] == ["A", "B"]
