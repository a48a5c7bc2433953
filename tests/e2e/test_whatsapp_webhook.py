"""Customers and the shopkeeper on WhatsApp, end to end: signed webhooks in, replies out at a fake Graph API."""
import hashlib
import hmac
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, Order, OutboxMessage
from vyaparai.web.app import create_app
from vyaparai.web.keys import JOBS
from vyaparai.workers.services import Services

PAYLOADS = Path(__file__).parents[1] / "payloads" / "whatsapp"
VECTORS = json.loads((PAYLOADS / "signature_vectors.json").read_text())["vectors"]
APP_SECRET = "holdout_app_secret_0123456789abcdef"  # the secret the Hindi wire body was signed with
VERIFY_TOKEN = "meatyhamhock"
PHONE_NUMBER_ID = "1122334455667"  # the shop's WhatsApp number, as in the recorded payloads
CUSTOMER = "919876543210"  # Ramesh, the sender of the recorded Hindi message
SHOPKEEPER = "919800000001"
CATALOG = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni|chini|चीनी,40
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,maggi|मैगी,100
"""


@pytest.fixture
async def wa_shop(sessions, tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(CATALOG, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="WASHOP", name="Sharma Kirana", owner_phones=[SHOPKEEPER],
                                   whatsapp_phone_number_id=PHONE_NUMBER_ID)
        assert not (await import_catalog(session, store.id, path)).errors
    return store


@pytest.fixture
async def services(database_url, graph):
    services = Services.create(Settings(
        database_url=database_url, whatsapp_token="test-token", whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN, whatsapp_api_base_url=graph.base_url))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, wa_shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def deliver(client, body: bytes, signature: str | None = None, *, signed: bool = True) -> int:
    headers = {"Content-Type": "application/json"}
    if signed:
        headers["X-Hub-Signature-256"] = signature or sign(body)
    resp = await client.post("/webhooks/whatsapp", data=body, headers=headers)
    await client.app[JOBS].drain()
    return resp.status


def update(sender: str, message_id: str, **message) -> bytes:
    """A Meta-shaped webhook with one message (the envelope of the recorded payloads)."""
    envelope = json.loads((PAYLOADS / "text.json").read_text())
    value = envelope["entry"][0]["changes"][0]["value"]
    value["contacts"] = [{"profile": {"name": "Test"}, "wa_id": sender}]
    value["messages"] = [{"from": sender, "id": message_id, "timestamp": "1718000000", **message}]
    return json.dumps(envelope).encode()


def text(sender: str, message_id: str, body: str) -> bytes:
    return update(sender, message_id, type="text", text={"body": body})


def tap(sender: str, message_id: str, button_id: str, title: str) -> bytes:
    return update(sender, message_id, type="interactive",
                  interactive={"type": "button_reply", "button_reply": {"id": button_id, "title": title}})


def status(message_id: str, state: str, errors: list | None = None) -> bytes:
    envelope = json.loads((PAYLOADS / "status_failed_131047.json").read_text())
    item = envelope["entry"][0]["changes"][0]["value"]["statuses"][0]
    item.update(id=message_id, status=state, recipient_id=CUSTOMER)
    if errors is None:
        item.pop("errors")
    return json.dumps(envelope).encode()


async def count(services, model) -> int:
    async with services.sessions() as s:
        return await s.scalar(select(func.count()).select_from(model))


async def test_a_signed_hindi_message_gets_a_hindi_reply_from_the_shop_number(client, graph):
    vector = next(v for v in VECTORS if v["id"] == "hindi-wire-escaped")
    body = (PAYLOADS / "text_hindi.wire.body").read_bytes()
    resp = await client.post("/webhooks/whatsapp", data=body,
                             headers={"X-Hub-Signature-256": vector["x_hub_signature_256"]})
    assert resp.status == 200
    replies = await graph.wait_for(CUSTOMER)
    assert replies and replies[0].path == f"/v26.0/{PHONE_NUMBER_ID}/messages"
    assert replies[0].headers["Authorization"] == "Bearer test-token"
    said = "\n".join(r.text for r in replies)
    assert any("\u0900" <= ch <= "\u097f" for ch in said), said  # Devanagari
    assert "Sugar" in said or "चीनी" in said


async def test_a_reply_leaves_within_a_second_of_the_webhook(client, graph):
    # Warm up first: the first Devanagari word a process sees loads the transliteration tables (~1 s).
    await deliver(client, text("919811111111", "wamid.warm", "मुझे 1 मैगी चाहिए"))
    body = (PAYLOADS / "text_hindi.wire.body").read_bytes()
    resp = await client.post("/webhooks/whatsapp", data=body, headers={"X-Hub-Signature-256": sign(body)})
    assert resp.status == 200
    assert await graph.wait_for(CUSTOMER, timeout=1.0)


async def test_the_same_webhook_twice_is_answered_once(client, graph, services):
    body = (PAYLOADS / "text_hindi.wire.body").read_bytes()
    assert await deliver(client, body) == 200
    first = len(await graph.wait_for(CUSTOMER))
    assert await deliver(client, body) == 200
    assert first >= 1 and len(graph.to(CUSTOMER)) == first
    assert await count(services, InboundLog) == 1


async def test_forged_and_missing_signatures_change_nothing(client, graph, services):
    body = (PAYLOADS / "text_hindi.wire.body").read_bytes()
    assert await deliver(client, body, sign(body, "someone-elses-secret")) == 403
    assert await deliver(client, body, "sha256=" + "0" * 64) == 403
    assert await deliver(client, body, signed=False) == 401
    tampered = body.replace(b"2", b"9", 1)
    assert await deliver(client, tampered, sign(body)) == 403
    assert await count(services, InboundLog) == 0 and graph.requests == []


async def test_a_body_that_is_not_a_whatsapp_update_gets_400(client, services):
    for body in [b"{not json", b"[1, 2]", b'{"entry": "x"}']:
        assert await deliver(client, body) == 400
    assert await count(services, InboundLog) == 0


async def test_a_3_mb_body_is_refused(client, services):
    body = b'{"entry": [], "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    assert await deliver(client, body) == 413

    async def chunks():  # no Content-Length: the limit holds while reading
        for start in range(0, len(body), 256 * 1024):
            yield body[start:start + 256 * 1024]

    resp = await client.post("/webhooks/whatsapp", data=chunks(), headers={"X-Hub-Signature-256": sign(body)})
    assert resp.status == 413
    assert await count(services, InboundLog) == 0


async def test_a_body_larger_than_the_web_chat_limit_but_under_3_mb_is_read(client, services):
    body = text(CUSTOMER, "wamid.big", "2 maggi")
    padded = body[:-1] + b', "pad": "' + b"x" * 1_000_000 + b'"}'
    assert await deliver(client, padded) == 200
    assert await count(services, InboundLog) == 1


async def test_a_message_to_a_number_of_no_store_is_acknowledged_and_skipped(client, services, graph):
    body = text(CUSTOMER, "wamid.elsewhere", "hello").replace(PHONE_NUMBER_ID.encode(), b"5550001")
    assert await deliver(client, body) == 200
    assert await count(services, InboundLog) == 0 and graph.requests == []


async def test_meta_verification_handshake(client):
    query = (PAYLOADS / "verify_subscribe.query").read_text().strip()
    resp = await client.get(f"/webhooks/whatsapp?{query}")
    assert (resp.status, await resp.text()) == (200, "1158201444")
    resp = await client.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong")
    assert resp.status == 403 and "1" != await resp.text()
    resp = await client.get(f"/webhooks/whatsapp?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token={VERIFY_TOKEN}")
    assert resp.status == 403


async def outbox_status(services, provider_id):
    async with services.sessions() as s:
        row = await s.scalar(select(OutboxMessage).where(OutboxMessage.provider_message_id == provider_id))
        return row.status, row.error


async def test_statuses_move_the_outbox_row_forward_only(client, graph, services):
    await deliver(client, text(CUSTOMER, "wamid.in1", "2 maggi"))
    sent_id = "wamid.1"
    assert (await graph.wait_for(CUSTOMER)) and await outbox_status(services, sent_id) == ("sent", None)
    assert await deliver(client, status(sent_id, "delivered")) == 200
    assert (await outbox_status(services, sent_id))[0] == "delivered"
    await deliver(client, status(sent_id, "read"))
    await deliver(client, status(sent_id, "delivered"))  # arrives late: read stays read
    assert (await outbox_status(services, sent_id))[0] == "read"


async def test_a_failed_status_is_recorded_with_its_reason(client, graph, services):
    await deliver(client, text(CUSTOMER, "wamid.in1", "2 maggi"))
    await graph.wait_for(CUSTOMER)
    failed = json.loads((PAYLOADS / "status_failed_131047.json").read_text())
    errors = failed["entry"][0]["changes"][0]["value"]["statuses"][0]["errors"]
    assert await deliver(client, status("wamid.1", "failed", errors)) == 200
    state, error = await outbox_status(services, "wamid.1")
    assert state == "failed" and "131047" in error


async def test_a_whole_order_the_shopkeeper_accepts_and_the_customer_is_told(client, graph, services):
    for n, words in enumerate(["1 kg sugar", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]):
        assert await deliver(client, text(CUSTOMER, f"wamid.c{n}", words)) == 200
    alerts = await graph.wait_for(SHOPKEEPER)
    assert alerts, "the shopkeeper got no new-order alert"
    alert = alerts[-1]
    assert "#1001" in alert.text and alert.phone_number_id == PHONE_NUMBER_ID
    assert alert.button_ids == ["accept:1001", "reject:1001"]

    before = len(graph.to(CUSTOMER))
    assert await deliver(client, tap(SHOPKEEPER, "wamid.o1", "accept:1001", "Accept")) == 200
    updates = (await graph.wait_for(CUSTOMER, before + 1))[before:]
    assert any("#1001" in u.text and "confirmed" in u.text for u in updates), [u.text for u in updates]
    async with services.sessions() as s:
        assert await s.scalar(select(Order.status)) == "confirmed"


async def test_each_store_answers_from_its_own_number(client, graph, sessions, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text(CATALOG, encoding="utf-8")
    async with sessions() as session, session.begin():
        other = await create_store(session, code="OTHER", name="Verma Stores", owner_phones=["919800000002"],
                                   whatsapp_phone_number_id="2233445566778")
        await import_catalog(session, other.id, path)
    await deliver(client, text("919811111111", "wamid.a1", "2 maggi"))
    for n, words in enumerate(["2 maggi", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]):
        body = text("919822222222", f"wamid.b{n}", words).replace(PHONE_NUMBER_ID.encode(), b"2233445566778")
        await deliver(client, body)
    assert {r.phone_number_id for r in await graph.wait_for("919811111111")} == {PHONE_NUMBER_ID}
    assert {r.phone_number_id for r in await graph.wait_for("919822222222")} == {"2233445566778"}
    alerts = await graph.wait_for("919800000002")
    assert alerts and {r.phone_number_id for r in alerts} == {"2233445566778"}
    assert graph.to(SHOPKEEPER) == []


async def outbox_rows(services):
    async with services.sessions() as s:
        return [(r.status, r.error) for r in (await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))]


async def test_a_graph_api_outage_is_retried_and_a_refused_message_is_not(client, graph, services):
    graph.fail_next.append((503, {"error": {"message": "Service temporarily unavailable", "code": 2}}))
    await deliver(client, text(CUSTOMER, "wamid.in1", "2 maggi"))
    [(state, error)] = await outbox_rows(services)
    assert state == "pending" and "503" in error  # due again after a backoff

    graph.fail_next.append((400, {"error": {"message": "Recipient phone number not in allowed list",
                                            "code": 131030}}))
    await deliver(client, text("919833333333", "wamid.in2", "2 maggi"))
    assert (await outbox_rows(services))[1][0] == "failed"


async def place_order(client, graph):
    for n, words in enumerate(["1 kg sugar", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]):
        assert await deliver(client, text(CUSTOMER, f"wamid.c{n}", words)) == 200
    return await graph.wait_for(SHOPKEEPER)


def window_closed(message_id: str) -> bytes:
    failed = json.loads((PAYLOADS / "status_failed_131047.json").read_text())
    return status(message_id, "failed", failed["entry"][0]["changes"][0]["value"]["statuses"][0]["errors"])


async def test_an_alert_refused_for_the_closed_24_hour_window_goes_again_as_a_template(client, graph, services):
    [alert] = await place_order(client, graph)
    alert_id = f"wamid.{graph.requests.index(alert) + 1}"
    assert await deliver(client, window_closed(alert_id)) == 200
    assert await deliver(client, window_closed(alert_id)) == 200  # Meta repeats itself: one template only
    templates = [r for r in await graph.wait_for(SHOPKEEPER, 2) if r.json["type"] == "template"]
    assert len(templates) == 1
    components = templates[0].json["template"]["components"]
    assert "#1001" in components[0]["parameters"][0]["text"]
    assert [c["parameters"][0]["payload"] for c in components[1:]] == ["accept:1001", "reject:1001"]

    # The shopkeeper taps the template's quick-reply button: it comes back as a "button" message.
    before = len(graph.to(CUSTOMER))
    tapped = update(SHOPKEEPER, "wamid.o2", type="button", button={"payload": "accept:1001", "text": "Accept"})
    assert await deliver(client, tapped) == 200
    updates = (await graph.wait_for(CUSTOMER, before + 1))[before:]
    assert any("#1001" in u.text and "confirmed" in u.text for u in updates), [u.text for u in updates]


async def test_a_customer_reply_refused_for_the_closed_window_is_not_turned_into_a_template(client, graph):
    await deliver(client, text(CUSTOMER, "wamid.in1", "2 maggi"))
    [reply] = await graph.wait_for(CUSTOMER)
    await deliver(client, window_closed("wamid.1"))
    assert len(graph.requests) == 1 and reply.json["type"] != "template"
