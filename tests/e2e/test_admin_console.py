"""The operator console: its own login, tenancy against the owner panel, the store list and the logged actions."""
from tests.e2e.admin_support import (
    OPERATOR_PASSWORD, OPERATOR_PHONE, admin_csrf, admin_log_in, admin_post, events_of, operator,  # noqa: F401
)
from tests.e2e.conftest import OWNER_PHONE
from tests.e2e.test_panel import PASSWORD, log_in, place_order
from sqlalchemy import func, select

from vyaparai import locales
from vyaparai.catalog.starter import starter_products
from vyaparai.catalog.stores import create_store, get_store_by_code
from vyaparai.db.models import InboundLog, Order, OutboxMessage, Product


async def order_count(services):
    async with services.sessions() as s:
        return await s.scalar(select(func.count()).select_from(Order))


async def store_status(services, code="SHOP1"):
    async with services.sessions() as s:
        return (await get_store_by_code(s, code)).status


async def test_the_operator_logs_in_and_sees_the_stores(client, operator):  # noqa: F811
    assert (await client.get("/admin/", allow_redirects=False)).headers["Location"] == "/admin/login"
    resp = await admin_log_in(client, phone="+91 98000 11122")
    assert resp.status == 303 and resp.headers["Location"] == "/admin/"
    cookie = resp.headers["Set-Cookie"]
    assert "vyaparai_admin=" in cookie and "Path=/admin" in cookie and "HttpOnly" in cookie
    page = await (await client.get("/admin/")).text()
    assert "Gupta General Store" in page and "SHOP1" in page


async def test_a_wrong_operator_password_is_refused_and_guessing_locks(client, operator):  # noqa: F811
    resp = await admin_log_in(client, password="not the password")
    assert resp.status == 401 and "Wrong phone number or password" in await resp.text()
    for _ in range(4):
        await admin_log_in(client, password="not the password")
    resp = await admin_log_in(client)
    assert resp.status == 429 and "Try again in 15 minutes" in await resp.text()
    assert (await client.get("/admin/", allow_redirects=False)).status == 303


async def test_an_owner_login_never_opens_the_console(client, operator):  # noqa: F811
    assert (await log_in(client)).status == 303
    assert (await client.get("/panel/")).status == 200
    resp = await client.get("/admin/", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/admin/login"
    # The owner's own phone and password at the console's door open nothing either.
    assert (await admin_log_in(client, phone=OWNER_PHONE, password=PASSWORD)).status == 401
    # Nor does the panel's cookie sent under the console's name (another key: it cannot be read here).
    panel_cookie = client.session.cookie_jar.filter_cookies(client.make_url("/panel/"))["vyaparai_panel"].value
    resp = await client.get("/admin/", cookies={"vyaparai_admin": panel_cookie}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/admin/login"


async def test_an_operator_login_never_opens_a_stores_panel(client, operator):  # noqa: F811
    assert (await admin_log_in(client)).status == 303
    resp = await client.get("/panel/", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
    admin_cookie = client.session.cookie_jar.filter_cookies(client.make_url("/admin/"))["vyaparai_admin"].value
    resp = await client.get("/panel/", cookies={"vyaparai_panel": admin_cookie}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"


async def test_console_forms_need_their_token_and_a_login(client, services, operator):  # noqa: F811
    resp = await client.post("/admin/stores/SHOP1/pause", data={"csrf": "x", "reason": "test"}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/admin/login"
    await admin_log_in(client)
    resp = await client.post("/admin/stores/SHOP1/pause", data={"csrf": "forged", "reason": "test"})
    assert resp.status == 403
    assert await store_status(services) == "active"


async def test_pause_and_resume_are_logged_with_the_operator_and_reason(client, services, shop, operator):  # noqa: F811
    await admin_log_in(client)
    page = "/admin/stores/SHOP1"
    resp = await admin_post(client, "/admin/stores/SHOP1/pause", {"reason": "  "}, page)
    assert resp.status == 303
    assert "Give a reason for pausing" in await (await client.get(page)).text()
    assert await store_status(services) == "active"

    await admin_post(client, "/admin/stores/SHOP1/pause", {"reason": "owner on leave till Monday"}, page)
    assert await store_status(services) == "paused"
    text = await (await client.get(page)).text()
    assert "is now paused" in text and "owner on leave till Monday" in text and "Resume" in text
    await admin_post(client, "/admin/stores/SHOP1/pause", {"reason": "again"}, page)
    assert "Nothing changed" in await (await client.get(page)).text()
    await admin_post(client, "/admin/stores/SHOP1/resume", {}, page)
    assert await store_status(services) == "active"

    events = [(e.kind, e.actor, e.reason) for e in await events_of(services, shop.id)]
    assert events == [("paused", f"operator:+{OPERATOR_PHONE}", "owner on leave till Monday"),
                      ("resumed", f"operator:+{OPERATOR_PHONE}", None)]


async def test_a_paused_store_takes_no_order_from_the_chat(client, services, operator):  # noqa: F811
    await admin_log_in(client)
    await admin_post(client, "/admin/stores/SHOP1/pause", {"reason": "licence check"}, "/admin/stores/SHOP1")
    replies = []
    for text in ["1 kg sugar", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
        resp = await client.post("/api/chat/SHOP1", json={"session": "paused-shop-buyer", "text": text})
        assert resp.status == 200
        replies += [r["text"] for r in (await resp.json())["replies"]]
    assert await order_count(services) == 0
    assert replies[0] == locales.t("en", "store_paused", store="Gupta General Store")
    await admin_post(client, "/admin/stores/SHOP1/resume", {}, "/admin/stores/SHOP1")
    await place_order(client)
    assert await order_count(services) == 1


async def test_the_list_puts_stores_with_problems_first_and_searches(client, services, shop, operator):  # noqa: F811
    async with services.sessions() as s, s.begin():
        other = await create_store(s, code="AAA1", name="Anand Provisions", owner_phones=["919811122233"])
        await s.flush()
        s.add(OutboxMessage(store_id=shop.id, channel="whatsapp", recipient="919000000001", payload={},
                            status="failed"))
        s.add(InboundLog(channel="whatsapp", provider_message_id="wamid.x", store_id=shop.id, payload={},
                         status="failed"))
    await place_order(client)
    await admin_log_in(client)
    page = await (await client.get("/admin/")).text()
    # SHOP1 sorts after AAA1 by code, but its failures put it first.
    assert page.index('data-code="SHOP1"') < page.index('data-code="AAA1"')
    assert other.code in page
    found = await (await client.get("/admin/", params={"q": "98111"})).text()
    assert "Anand Provisions" in found and "Gupta General Store" not in found
    found = await (await client.get("/admin/", params={"q": "gupta"})).text()
    assert "Gupta General Store" in found and "Anand Provisions" not in found


async def test_the_starter_catalog_adds_categories_once_with_zero_stock(client, services, shop, operator):  # noqa: F811
    async with services.sessions() as s, s.begin():
        # The shop already sells one starter product, at its own price and with its own stock.
        s.add(Product(store_id=shop.id, sku="MAGGI-MAS-70", name="Maggi Masala 70 g", category="noodles", unit="g",
                      pack_base=70, price_paise=1500, stock_milli=7000))
    await admin_log_in(client)
    page = "/admin/stores/SHOP1"
    await admin_post(client, "/admin/stores/SHOP1/starter", {"category": "noodles"}, page)
    first = await (await client.get(page)).text()
    await admin_post(client, "/admin/stores/SHOP1/starter", {"category": "Noodles"}, page)
    again = await (await client.get(page)).text()
    async with services.sessions() as s:
        noodles = {p.sku: p for p in (await s.scalars(select(Product).where(
            Product.store_id == shop.id, Product.category == "noodles"))).all()}
    starter = [r.sku for r in starter_products() if r.category == "noodles"]
    assert sorted(noodles) == sorted(starter)
    kept = noodles["MAGGI-MAS-70"]
    assert (kept.price_paise, kept.stock_milli, kept.name) == (1500, 7000, "Maggi Masala 70 g")
    assert all(noodles[sku].stock_milli == 0 for sku in starter if sku != "MAGGI-MAS-70")
    added = len(starter) - 1
    assert f"{added} products added with zero stock; 1 were already there" in first
    assert f"0 products added with zero stock; {len(starter)} were already there" in again
    kinds = [e.kind for e in await events_of(services, shop.id)]
    assert kinds == ["starter_applied", "starter_applied"]
    await admin_post(client, "/admin/stores/SHOP1/starter", {"category": "spaceships"}, page)
    assert "no category spaceships" in await (await client.get(page)).text()
    assert len(await events_of(services, shop.id)) == 2


async def test_logout_ends_the_operator_session_everywhere(client, operator):  # noqa: F811
    await admin_log_in(client)
    copied = client.session.cookie_jar.filter_cookies(client.make_url("/admin/"))["vyaparai_admin"].value
    resp = await admin_post(client, "/admin/logout", {})
    assert resp.status == 303 and resp.headers["Location"] == "/admin/login"
    resp = await client.get("/admin/", cookies={"vyaparai_admin": copied}, allow_redirects=False)
    assert resp.status == 303


async def test_an_unknown_store_is_404(client, operator):  # noqa: F811
    await admin_log_in(client)
    assert (await client.get("/admin/stores/NOPE")).status == 404
    resp = await client.get("/admin/stores/SHOP1")
    assert resp.headers["Cache-Control"] == "no-store" and resp.headers["X-Frame-Options"] == "DENY"


async def test_the_console_speaks_hindi_when_asked_and_stays_inside_admin(client, operator):  # noqa: F811
    await admin_log_in(client)
    resp = await admin_post(client, "/admin/language", {"lang": "hi", "next": "/admin/figures"})
    assert resp.status == 303 and resp.headers["Location"] == "/admin/figures"
    page = await (await client.get("/admin/")).text()
    assert "दुकानें" in page and "ऑपरेटर कंसोल" in page
    resp = await admin_post(client, "/admin/language", {"lang": "en", "next": "//evil.example/admin"})
    assert resp.headers["Location"] == "/admin/"
