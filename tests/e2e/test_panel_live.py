"""The live order list: a new order reaches the owner's open panel by itself, on one process or across several."""
import asyncio

import pytest
from aiohttp import WSMsgType

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

from tests.e2e.conftest import SHOP_CSV
from tests.e2e.test_panel import CUSTOMER, csrf_of, log_in, place_order

async def next_order(ws, timeout=5.0) -> dict:
    while True:
        msg = await asyncio.wait_for(ws.receive(), timeout)
        assert msg.type == WSMsgType.TEXT, msg
        data = msg.json()
        if data["type"] == "order":
            return data


async def open_feed(client):
    ws = await client.ws_connect("/panel/live")
    assert (await ws.receive_json(timeout=5))["type"] == "hello"
    return ws


async def test_a_new_chat_order_appears_on_the_open_panel_and_so_does_accepting_it(client):
    await log_in(client)
    ws = await open_feed(client)
    await place_order(client)
    placed = await next_order(ws)
    assert placed["number"] == 1001 and placed["placed"] and placed["open"] and placed["status"] == "pending"
    assert 'id="order-1001"' in placed["html"] and "Sugar (loose, per kg)" in placed["html"]
    assert "Accept" in placed["html"] and 'name="csrf"' in placed["html"]

    token = await csrf_of(client, "/panel/orders/1001")
    await client.post("/panel/orders/1001/accept", data={"csrf": token})
    accepted = await next_order(ws)
    assert accepted["number"] == 1001 and not accepted["placed"] and accepted["status"] == "confirmed"
    assert "Accept" not in accepted["html"]
    await ws.close()


async def test_a_rejected_order_leaves_the_open_list(client):
    await log_in(client)
    ws = await open_feed(client)
    await place_order(client)
    await next_order(ws)
    token = await csrf_of(client, "/panel/orders/1001")
    await client.post("/panel/orders/1001/reject", data={"csrf": token, "reason": "closed today"})
    rejected = await next_order(ws)
    assert rejected["status"] == "cancelled" and not rejected["open"]
    await ws.close()


async def test_another_stores_orders_never_reach_this_owner(client, services, tmp_path):
    path = tmp_path / "shop2.csv"
    path.write_text(SHOP_CSV, encoding="utf-8")
    async with services.sessions() as s, s.begin():
        other = await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                                   owner_password="another long password")
        await import_catalog(s, other.id, path)
    await log_in(client, phone="919811122233", password="another long password")
    ws = await open_feed(client)
    await place_order(client)  # at SHOP1
    with pytest.raises(asyncio.TimeoutError):
        await next_order(ws, timeout=1.0)
    await ws.close()


async def test_the_feed_needs_a_login_and_refuses_other_sites(client):
    resp = await client.get("/panel/live", headers={"Connection": "Upgrade", "Upgrade": "websocket",
                                                    "Sec-WebSocket-Version": "13",
                                                    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
    assert resp.status == 401
    await log_in(client)
    with pytest.raises(Exception) as refused:
        await client.ws_connect("/panel/live", origin="https://evil.example")
    assert getattr(refused.value, "status", None) == 403


async def test_the_list_reloads_after_a_drop_with_what_was_missed(client):
    await place_order(client)
    assert (await client.get("/panel/orders/open", allow_redirects=False)).status == 303
    await log_in(client)
    rows = await (await client.get("/panel/orders/open")).text()
    assert 'id="order-1001"' in rows and "<html" not in rows


async def test_with_redis_an_order_taken_by_one_web_process_reaches_a_panel_on_another(
        aiohttp_client, database_url, shop, redis_url):
    settings = Settings(database_url=database_url, redis_url=redis_url)
    first, second = Services.create(settings), Services.create(settings)
    try:
        chat_web = await aiohttp_client(create_app(settings, services=first, sweep_every=3600))
        panel_web = await aiohttp_client(create_app(settings, services=second, sweep_every=3600))
        await asyncio.wait_for(second.feed.listening.wait(), 5)
        await asyncio.wait_for(first.feed.listening.wait(), 5)
        await log_in(panel_web)
        ws = await open_feed(panel_web)
        for text in ["1 kilo cheeni", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
            resp = await chat_web.post("/api/chat/SHOP1", json={"session": CUSTOMER, "text": text})
            assert resp.status == 200
        placed = await next_order(ws)
        assert placed["number"] == 1001 and placed["placed"]
        await ws.close()
    finally:
        await first.close()
        await second.close()


async def test_an_order_from_the_terminal_chat_in_another_process_still_reaches_the_panel(
        aiohttp_client, database_url, shop):
    settings = Settings(database_url=database_url)
    web_process, terminal = Services.create(settings), Services.create(settings)  # no Redis between them
    try:
        panel_web = await aiohttp_client(create_app(settings, services=web_process, sweep_every=3600,
                                                    catch_up_every=0.2))
        chat_elsewhere = await aiohttp_client(create_app(settings, services=terminal, sweep_every=3600))
        await log_in(panel_web)
        ws = await open_feed(panel_web)
        for text in ["1 kilo cheeni", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
            assert (await chat_elsewhere.post("/api/chat/SHOP1", json={"session": CUSTOMER, "text": text})).status == 200
        placed = await next_order(ws)
        assert placed["number"] == 1001 and placed["placed"] and placed["status"] == "pending"
        await ws.close()
    finally:
        await web_process.close()
        await terminal.close()
