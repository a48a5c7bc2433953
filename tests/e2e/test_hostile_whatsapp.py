"""A signed WhatsApp delivery with one bad item still gets every good message answered; odd headers get 403."""
import json

import pytest
from sqlalchemy import select

from tests.e2e.test_whatsapp_webhook import (  # noqa: F401  (fixtures)
    CUSTOMER, PHONE_NUMBER_ID, client, count, deliver, graph, services, sign, text, wa_shop,
)
from vyaparai.db.models import InboundLog


def batch(*messages: dict, **value_fields) -> bytes:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE_NUMBER_ID},
             "contacts": [{"profile": {"name": "Test"}, "wa_id": CUSTOMER}], "messages": list(messages),
             **value_fields}
    return json.dumps({"object": "whatsapp_business_account",
                       "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}).encode()


def good(message_id: str, body: str = "1 maggi") -> dict:
    return {"from": CUSTOMER, "id": message_id, "timestamp": "1718000000", "type": "text", "text": {"body": body}}


@pytest.mark.parametrize("bad", [
    {"from": CUSTOMER, "id": "wamid.bad", "type": "text", "text": "a string, not an object"},
    {"from": CUSTOMER, "id": "wamid.bad", "type": ["text"]},
    {"from": {"x": 1}, "id": "wamid.bad", "type": "text", "text": {"body": "hi"}},
    {"from": CUSTOMER + "\u0000", "id": "wamid.bad\ud800", "type": "text", "text": {"body": "hi"}},
    {"from": "9" * 300, "id": "wamid.bad", "type": "text", "text": {"body": "hi"}},
    "not even an object",
], ids=["text-is-a-string", "type-is-a-list", "sender-is-an-object", "nul-and-surrogate", "sender-too-long",
        "item-is-a-string"])
async def test_the_good_message_beside_a_bad_one_is_recorded_and_answered(client, services, graph, bad):
    assert await deliver(client, batch(good("wamid.good"), bad)) == 200
    async with services.sessions() as s:
        logs = (await s.scalars(select(InboundLog))).all()
    assert [(log.provider_message_id, log.status) for log in logs if "bad" not in log.provider_message_id] == [
        ("wamid.good", "processed")]
    assert all("\u0000" not in log.payload["sender"] for log in logs)
    assert graph.to(CUSTOMER)


@pytest.mark.parametrize("value_fields", [{"metadata": "x"}, {"messages": 5}, {"contacts": [{"profile": "x"}]}],
                         ids=["metadata-is-a-string", "messages-is-a-number", "profile-is-a-string"])
async def test_a_bad_change_is_skipped_and_answered_200(client, services, value_fields):
    assert await deliver(client, batch(good("wamid.one"), **value_fields)) == 200


async def test_deep_nesting_is_400_not_a_crash(client, services):
    body = b'{"entry": [' + b"[" * 50_000 + b"]" * 50_000 + b"]}"
    assert await deliver(client, body) == 400
    assert await count(services, InboundLog) == 0


@pytest.mark.parametrize("header", ["sha256=\u00e9", "\u00e9", "sha256=" + "\u0939" * 64])
async def test_a_signature_of_any_characters_is_refused(client, services, header):
    body = text(CUSTOMER, "wamid.sig", "1 maggi")
    resp = await client.post("/webhooks/whatsapp", data=body, headers={
        "X-Hub-Signature-256": header.encode().decode("latin-1"), "Content-Type": "application/json"})
    assert resp.status == 403
    assert await count(services, InboundLog) == 0
    assert sign(body) != header
