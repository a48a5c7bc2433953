"""The store owner's web panel: login, the order pages, and accepting an order the customer placed in the web chat."""
import re

from sqlalchemy import select

from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Order

from tests.e2e.conftest import OWNER_PHONE

PASSWORD = "correct horse battery"
CUSTOMER = "panel-customer-0001"


async def csrf_of(client, path="/panel/login"):
    resp = await client.get(path)
    assert resp.status == 200
    return re.search(r'name="csrf" value="([^"]+)"', await resp.text()).group(1)


async def log_in(client, phone=OWNER_PHONE, password=PASSWORD):
    token = await csrf_of(client)
    return await client.post("/panel/login", data={"csrf": token, "phone": phone, "password": password},
                             allow_redirects=False)


async def place_order(client):
    for text in ["1 kg sugar", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
        resp = await client.post("/api/chat/SHOP1", json={"session": CUSTOMER, "text": text})
        assert resp.status == 200
    resp = await client.get("/api/chat/SHOP1/updates", params={"session": CUSTOMER})
    await resp.json()  # the chat has read everything so far


async def order_status(services):
    async with services.sessions() as s:
        return await s.scalar(select(Order.status))


async def test_the_owner_logs_in_with_phone_and_password_and_sees_the_open_orders(client):
    await place_order(client)
    resp = await log_in(client, phone="+91 98765 43210")
    assert resp.status == 303 and resp.headers["Location"] == "/panel/"
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=43200" in cookie
    page = await (await client.get("/panel/")).text()
    assert "Gupta General Store" in page and "#1001" in page and "Sugar (loose, per kg)" in page


async def test_a_wrong_password_is_refused(client):
    resp = await log_in(client, password="wrong horse battery")
    assert resp.status == 401
    assert "Wrong phone number or password" in await resp.text()
    resp = await client.get("/panel/", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"


async def test_repeated_wrong_passwords_lock_the_phone_even_for_the_right_one(client):
    for _ in range(5):
        assert (await log_in(client, password="guess guess guess")).status == 401
    resp = await log_in(client)
    assert resp.status == 429
    assert "Try again in 15 minutes" in await resp.text()
    assert (await client.get("/panel/", allow_redirects=False)).status == 303


async def test_panel_pages_need_a_login(client):
    for path in ["/panel/", "/panel/orders/1001"]:
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
    resp = await client.post("/panel/orders/1001/accept", data={"csrf": "x"}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"


async def test_a_form_without_its_csrf_token_is_refused(client, services):
    await place_order(client)
    assert (await client.post("/panel/login", data={"phone": OWNER_PHONE, "password": PASSWORD})).status == 403
    await log_in(client)
    for data in ({}, {"csrf": "not-the-token"}):
        resp = await client.post("/panel/orders/1001/accept", data=data, allow_redirects=False)
        assert resp.status == 403
    assert await order_status(services) == "pending"


async def test_accept_confirms_the_order_and_the_customer_chat_is_told(client, services):
    await place_order(client)
    await log_in(client)
    token = await csrf_of(client, "/panel/orders/1001")
    resp = await client.post("/panel/orders/1001/accept", data={"csrf": token})
    assert resp.status == 200 and "is now confirmed" in await resp.text()
    assert await order_status(services) == "confirmed"
    updates = (await (await client.get("/api/chat/SHOP1/updates", params={"session": CUSTOMER})).json())["replies"]
    assert any("#1001" in u["text"] and "confirmed" in u["text"] for u in updates)

    resp = await client.post("/panel/orders/1001/advance", data={"csrf": token})
    assert await order_status(services) == "processing"
    resp = await client.post("/panel/orders/1001/accept", data={"csrf": token})
    assert "cannot be changed that way" in await resp.text()
    assert await order_status(services) == "processing"


async def test_reject_cancels_with_the_reason_told_to_the_customer(client, services):
    await place_order(client)
    await log_in(client)
    token = await csrf_of(client, "/panel/orders/1001")
    await client.post("/panel/orders/1001/reject", data={"csrf": token, "reason": "sugar is finished"})
    assert await order_status(services) == "cancelled"
    updates = (await (await client.get("/api/chat/SHOP1/updates", params={"session": CUSTOMER})).json())["replies"]
    assert any("sugar is finished" in u["text"] for u in updates)
    assert "#1001" not in await (await client.get("/panel/")).text()


async def test_another_stores_owner_gets_404_for_this_stores_order(client, services):
    await place_order(client)
    async with services.sessions() as s, s.begin():
        await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                           owner_password="another long password")
    assert (await log_in(client, phone="919811122233", password="another long password")).status == 303
    page = await (await client.get("/panel/")).text()
    assert "Other Store" in page and "#1001" not in page
    assert (await client.get("/panel/orders/1001")).status == 404
    token = await csrf_of(client, "/panel/")
    assert (await client.post("/panel/orders/1001/accept", data={"csrf": token})).status == 404
    assert await order_status(services) == "pending"


async def test_logout_ends_the_session(client):
    await log_in(client)
    token = await csrf_of(client, "/panel/")
    resp = await client.post("/panel/logout", data={"csrf": token}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
    assert (await client.get("/panel/", allow_redirects=False)).status == 303


async def test_panel_pages_carry_the_security_headers_and_refuse_big_bodies(client):
    for path in ["/panel/login", "/panel/orders/1001"]:
        resp = await client.get(path)
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Referrer-Policy"] == "same-origin"
        assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    resp = await client.post("/panel/login", data={"phone": "9" * 10, "password": "x" * 300_000})
    assert resp.status == 413
