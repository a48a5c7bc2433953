"""The web chat answers any URL and any body with a 4xx or a reply, never a 500, and always with its headers."""
from sqlalchemy import select

from vyaparai.db.models import InboundLog
from vyaparai.web.security import HEADERS

SESSION = "hostile-session-01"


async def test_a_nul_in_the_store_code_is_refused_with_the_security_headers(client):
    for resp in [await client.get("/chat/%00"), await client.post("/api/chat/%00", json={"session": SESSION}),
                 await client.get("/api/chat/SH%00P1/history", params={"session": SESSION})]:
        assert resp.status == 400  # refused before any handler
        assert all(resp.headers.get(k) == v for k, v in HEADERS.items())
    resp = await client.get("/chat/" + "A" * 300)
    assert resp.status == 404 and resp.headers["X-Frame-Options"] == "DENY"


async def test_unknown_paths_and_methods_carry_the_security_headers(client):
    for resp in [await client.get("/no/such/page"), await client.delete("/api/chat/SHOP1")]:
        assert resp.status in (404, 405)
        assert resp.headers["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in resp.headers


async def test_a_message_id_with_a_nul_is_stored_without_it_and_answered(client, services):
    resp = await client.post("/api/chat/SHOP1", json={"session": SESSION, "id": "m\u00001", "text": "1 maggi\u0000"})
    assert resp.status == 200 and (await resp.json())["replies"]
    async with services.sessions() as s:
        log = await s.scalar(select(InboundLog).where(InboundLog.channel == "web"))
    assert (log.provider_message_id, log.payload["text"]) == ("m1", "1 maggi")


async def test_a_lone_surrogate_in_the_text_is_answered(client):
    resp = await client.post("/api/chat/SHOP1", data=b'{"session": "%s", "text": "1 maggi \\ud800"}' % SESSION.encode(),
                             headers={"Content-Type": "application/json"})
    assert resp.status == 200 and (await resp.json())["replies"]


async def test_fifty_thousand_nested_brackets_are_a_400(client):
    resp = await client.post("/api/chat/SHOP1", data=b"[" * 50_000 + b"]" * 50_000,
                             headers={"Content-Type": "application/json"})
    assert resp.status == 400 and "JSON" in (await resp.json())["error"]
