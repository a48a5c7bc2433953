"""Onboarding from the console: the store is registered, its owner welcomed on WhatsApp, its first order placed."""
import re

import pytest
from sqlalchemy import func, select

from tests.e2e.admin_support import admin_log_in, admin_post, events_of, operator  # noqa: F401
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.config import Settings
from vyaparai.db.models import Order, Product
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

NEW_OWNER = "919822233344"
NEW_PASSWORD = "new shop password"
PUBLIC_URL = "http://shops.example.in"  # plain http: a Secure cookie would not come back to the test client
FORM = {"code": "verma7", "name": "Verma Kirana", "owner_phone": "98222 33344", "owner_password": NEW_PASSWORD,
        "whatsapp_phone_number_id": "5550001112223", "address": "12 Station Road, Kota", "lat": "25.18",
        "lon": "75.83", "hours": "daily 00:00-24:00", "owner_language": "en", "take_orders_now": "on",
        "category": ["staples", "dairy"]}
ORDER_BY_CHAT = ["1 kilo cheeni", "order", "yes", "House 4, Station Road, Kota", "cod"]


@pytest.fixture
async def services(database_url, graph):  # noqa: F811
    services = Services.create(Settings(database_url=database_url, whatsapp_token="test-token",
                                        whatsapp_api_base_url=graph.base_url, public_base_url=PUBLIC_URL))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, operator):  # noqa: F811
    client = await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))
    assert (await admin_log_in(client)).status == 303
    return client


async def onboard(client, **changes):
    return await admin_post(client, "/admin/onboard", {**FORM, **changes}, "/admin/onboard")


async def chat(client, texts, session="first-customer-01"):
    replies = []
    for text in texts:
        resp = await client.post("/api/chat/VERMA7", json={"session": session, "text": text})
        assert resp.status == 200
        replies += [r["text"] for r in (await resp.json())["replies"]]
    return replies


async def owner_sets_sugar_stock(client, services, kg="20"):
    """The owner logs into their new panel and counts the sugar on the shelf."""
    resp = await client.post("/panel/login", data={"csrf": await panel_csrf(client, "/panel/login"),
                                                   "phone": NEW_OWNER, "password": NEW_PASSWORD})
    assert str(resp.url).endswith("/panel/")
    async with services.sessions() as s:
        sugar = await s.scalar(select(Product).where(Product.sku == "SUGAR-LOOSE"))
    resp = await client.post(f"/panel/inventory/{sugar.id}", data={
        "csrf": await panel_csrf(client, f"/panel/inventory/{sugar.id}"), "price": "44", "stock": kg,
        "low_stock": "5", "active": "1", "stock_was": "0", "low_stock_was": "0", "back": "/panel/inventory"})
    assert resp.status == 200


async def panel_csrf(client, path):
    return re.search(r'name="csrf" value="([^"]+)"', await (await client.get(path)).text()).group(1)


async def test_an_onboarded_store_welcomes_its_owner_and_takes_its_first_order(client, services, graph):  # noqa: F811
    resp = await onboard(client)
    assert resp.status == 303 and resp.headers["Location"] == "/admin/stores/VERMA7"
    page = await (await client.get("/admin/stores/VERMA7")).text()
    assert "Verma Kirana is registered" in page and "taking orders" in page

    welcome = (await graph.wait_for(NEW_OWNER, 1))[0]
    assert welcome.phone_number_id == "5550001112223"
    assert f"{PUBLIC_URL}/panel/login" in welcome.text and "VERMA7" in welcome.text
    assert f"{PUBLIC_URL}/chat/VERMA7" in welcome.text

    async with services.sessions() as s:
        store = await get_store_by_code(s, "VERMA7")
        products = dict((await s.execute(select(Product.category, func.count()).where(
            Product.store_id == store.id).group_by(Product.category))).all())
        stocked = await s.scalar(select(func.count()).select_from(Product).where(
            Product.store_id == store.id, Product.stock_milli > 0))
    assert set(products) == {"staples", "dairy"} and stocked == 0
    assert (store.status, store.owner_phones, store.lat) == ("active", [NEW_OWNER], 25.18)
    assert [(e.kind, e.actor) for e in await events_of(services, store.id)] == [("created", "operator:+919800011122")]

    await owner_sets_sugar_stock(client, services)
    replies = await chat(client, ORDER_BY_CHAT)
    assert any("#1001" in r for r in replies)
    async with services.sessions() as s:
        order = await s.scalar(select(Order).where(Order.store_id == store.id))
    assert order.number == 1001 and order.subtotal_paise == 4400


async def test_a_pending_store_takes_orders_only_after_it_is_verified(client, services):
    await onboard(client, take_orders_now="")
    async with services.sessions() as s:
        store = await get_store_by_code(s, "VERMA7")
    assert store.status == "pending"
    await owner_sets_sugar_stock(client, services)
    await chat(client, ORDER_BY_CHAT, session="too-early-customer")
    async with services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Order)) == 0
    await admin_post(client, "/admin/stores/VERMA7/verify", {}, "/admin/stores/VERMA7")
    replies = await chat(client, ORDER_BY_CHAT)
    assert any("#1001" in r for r in replies)
    kinds = [e.kind for e in await events_of(services, store.id)]
    assert kinds == ["created", "verified"]


@pytest.mark.parametrize(("changes", "field", "sentence"), [
    ({"owner_phone": "12345"}, "owner_phone", "That is not a phone number"),
    ({"code": "a b"}, "code", "Use 2 to 32 letters"),
    ({"name": " "}, "name", "A store needs a name"),
    ({"owner_password": "short"}, "owner_password", "at least 8 characters"),
    ({"lat": "north"}, "location", "Latitude and longitude are numbers"),
    ({"lat": "95", "lon": "75"}, "location", "Give both latitude"),
    ({"hours": "whenever"}, "hours", "Write the hours like"),
    ({"category": ["spaceships"]}, "category", "no category spaceships"),
])
async def test_a_bad_form_saves_nothing_and_names_the_field(client, services, graph, changes, field,  # noqa: F811
                                                            sentence):
    resp = await onboard(client, **changes)
    page = await resp.text()
    assert resp.status == 400 and sentence in page and f'id="{field}-error"' in page
    assert 'value="Verma Kirana"' in page or field == "name"  # what was typed stays in the form
    async with services.sessions() as s:
        assert await get_store_by_code(s, "VERMA7") is None
        assert await s.scalar(select(func.count()).select_from(Product)) == 0
    assert graph.to(NEW_OWNER) == []


async def test_a_taken_code_or_whatsapp_number_is_refused(client, services):
    assert (await onboard(client)).status == 303
    resp = await onboard(client, whatsapp_phone_number_id="")
    assert resp.status == 400 and "A store with code VERMA7 already exists" in await resp.text()
    resp = await onboard(client, code="VERMA8")
    assert resp.status == 400 and "already belongs to another store" in await resp.text()
