"""The owner's Settings page: the shop's rules set in the browser form, refused field by field when wrong."""
import re
from html import unescape

from sqlalchemy import select

from vyaparai.catalog.stores import create_store, get_store_by_code
from vyaparai.db.models import StoreEvent

from tests.e2e.conftest import OWNER_PHONE
from tests.e2e.test_panel import csrf_of, log_in

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def week(**special) -> dict:
    """Form fields for Mon-Sat 08:00-21:00 and Sunday closed, with `special` fields on top."""
    fields = {"cod": "1", "online": "1", "min_order": "0", "delivery_charge": "0", "free_above": "", "radius": "",
              "sun_closed": "1"}
    for day in DAYS[:6]:
        fields |= {f"{day}_open": "08:00", f"{day}_close": "21:00"}
    return fields | special


async def post_settings(client, fields: dict):
    token = await csrf_of(client, "/panel/settings")
    return await client.post("/panel/settings", data={"csrf": token, **fields}, allow_redirects=False)


async def the_store(services):
    async with services.sessions() as s:
        return await get_store_by_code(s, "SHOP1")


async def test_the_owner_sets_minimum_delivery_charge_hours_and_payment(client, services):
    await log_in(client)
    page = unescape(await (await client.get("/panel/settings")).text())
    assert 'href="/panel/settings" aria-current="page"' in page and "Minimum order" in page

    resp = await post_settings(client, week(min_order="150", delivery_charge="20", free_above="₹499.50",
                                            radius="3.5", online="", orders_when_closed="1"))
    assert resp.status == 303 and resp.headers["Location"] == "/panel/settings"
    store = await the_store(services)
    assert (store.min_order_paise, store.delivery_charge_paise, store.free_delivery_above_paise) == (15000, 2000, 49950)
    assert (store.cod_enabled, store.online_enabled, store.orders_when_closed) == (True, False, True)
    assert store.delivery_radius_km == 3.5
    assert store.opening_hours["sat"] == [["08:00", "21:00"]] and store.opening_hours["sun"] == []

    page = unescape(await (await client.get("/panel/settings")).text())
    assert "Settings saved" in page
    assert re.search(r'name="free_above"[^>]*value="499.50"', page)
    assert re.search(r'name="sun_closed" value="1" checked', page)
    async with services.sessions() as s:
        event = await s.scalar(select(StoreEvent).where(StoreEvent.kind == "rules_changed"))
    assert event.actor == f"owner:+{OWNER_PHONE}" and event.detail["new"]["min_order_paise"] == 15000


async def test_a_lunch_break_and_hours_past_midnight_are_kept(client, services):
    await log_in(client)
    token = await csrf_of(client, "/panel/settings")
    fields = [(k, v) for k, v in week().items() if not k.startswith("mon_") and not k.startswith("fri_")]
    fields += [("mon_open", "08:00"), ("mon_close", "13:00"), ("mon_open", "16:00"), ("mon_close", "21:00"),
               ("fri_open", "18:00"), ("fri_close", "02:00"), ("fri_open", ""), ("fri_close", "")]
    resp = await client.post("/panel/settings", data=[("csrf", token), *fields], allow_redirects=False)
    assert resp.status == 303
    hours = (await the_store(services)).opening_hours
    assert hours["mon"] == [["08:00", "13:00"], ["16:00", "21:00"]] and hours["fri"] == [["18:00", "02:00"]]


async def test_bad_values_are_shown_by_their_fields_and_nothing_is_saved(client, services):
    await log_in(client)
    resp = await post_settings(client, week(min_order="-10", delivery_charge="5000", radius="80",
                                            tue_open="09:00", tue_close="", cod="", online=""))
    page = unescape(await resp.text())
    assert resp.status == 400
    assert "Nothing was saved" in page
    for field in ("min_order", "delivery_charge", "radius", "payment", "hours_tue"):
        assert f'id="{field}-error"' in page, field
    assert "up to ₹1,000" in page and "customers need a way to pay" in page
    assert re.search(r'name="min_order"[^>]*value="-10"', page)  # what the owner typed stays in the form
    store = await the_store(services)
    assert (store.min_order_paise, store.delivery_charge_paise, store.cod_enabled) == (0, 0, True)


async def test_a_shop_closed_every_day_is_refused(client, services):
    await log_in(client)
    resp = await post_settings(client, {**week(), **{f"{d}_closed": "1" for d in DAYS}})
    assert resp.status == 400
    assert "cannot be closed every day" in await resp.text()
    assert (await the_store(services)).opening_hours == {}


async def test_a_store_without_hours_shows_open_all_day_and_saving_keeps_it_so(client, services):
    await log_in(client)
    page = await (await client.get("/panel/settings")).text()
    assert re.search(r'name="wed_open" value="00:00"', page) and re.search(r'name="wed_close" value="00:00"', page)
    fields = {"csrf": await csrf_of(client, "/panel/settings"), "min_order": "99", "delivery_charge": "0",
              "cod": "1", **{f"{d}_{end}": "00:00" for d in DAYS for end in ("open", "close")}}
    assert (await client.post("/panel/settings", data=fields, allow_redirects=False)).status == 303
    store = await the_store(services)
    assert store.opening_hours == {} and store.min_order_paise == 9900


async def test_the_settings_form_needs_the_login_and_its_csrf_token(client, services):
    resp = await client.get("/panel/settings", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
    await log_in(client)
    resp = await client.post("/panel/settings", data={**week(min_order="500"), "csrf": "forged"})
    assert resp.status == 403
    assert (await the_store(services)).min_order_paise == 0


async def test_each_owner_changes_only_their_own_store(client, services):
    async with services.sessions() as s, s.begin():
        await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                           owner_password="another long password")
    await log_in(client, phone="919811122233", password="another long password")
    assert (await post_settings(client, week(min_order="300", store="SHOP1"))).status == 303
    async with services.sessions() as s:
        assert (await get_store_by_code(s, "SHOP2")).min_order_paise == 30000
        assert (await get_store_by_code(s, "SHOP1")).min_order_paise == 0


async def test_the_page_is_in_hindi_when_the_owner_chose_hindi(client):
    await log_in(client)
    token = await csrf_of(client, "/panel/settings")
    await client.post("/panel/language", data={"csrf": token, "lang": "hi", "next": "/panel/settings"})
    page = await (await client.get("/panel/settings")).text()
    assert "न्यूनतम ऑर्डर" in page and "रविवार" in page
