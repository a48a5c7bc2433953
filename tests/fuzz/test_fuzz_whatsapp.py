"""Fuzzed WhatsApp deliveries: never a 5xx, and the good message in a partly bad signed batch is always answered."""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tests.fuzz.conftest import APP_SECRET, FUZZ, PHONE_NUMBER_ID, tally
from tests.fuzz.strategies import header_value, json_values, nasty_text, sometimes, spoiled
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.web.keys import JOBS

SENDERS = ["919811100001", "919811100002", "919811100003"]
MESSAGE = {"from": SENDERS[0], "id": "wamid.x", "timestamp": "1718000000", "type": "text", "text": {"body": "hi"}}
MESSAGE_PATHS = [("from",), ("id",), ("timestamp",), ("type",), ("text",), ("text", "body"), ("interactive",),
                 ("location",), ("order",), ("reaction",), ("button",), ("from_user_id",)]
KINDS = [{"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "b", "title": "t"}}},
         {"type": "location", "location": {"latitude": 12.9, "longitude": 77.6}},
         {"type": "order", "order": {"product_items": [{"product_retailer_id": "MAGGI-70", "quantity": 1,
                                                        "item_price": 14, "currency": "INR"}]}},
         {"type": "reaction", "reaction": {"emoji": "x"}}, {"type": "button", "button": {"payload": "p"}}]
ENVELOPE_PATHS = [("object",), ("entry",), ("entry", 0), ("entry", 0, "changes"), ("entry", 0, "changes", 0),
                  ("entry", 0, "changes", 0, "value"), ("entry", 0, "changes", 0, "value", "metadata"),
                  ("entry", 0, "changes", 0, "value", "contacts"), ("entry", 0, "changes", 0, "value", "messages"),
                  ("entry", 0, "changes", 0, "value", "statuses")]
STATUS = {"id": "wamid.out", "status": "failed", "recipient_id": SENDERS[0],
          "errors": [{"code": 131047, "title": "window", "error_data": {"details": "24 hours"}}]}
_ids = itertools.count()

bad_messages = st.one_of(
    json_values,
    spoiled(MESSAGE, MESSAGE_PATHS),
    st.sampled_from(KINDS).flatmap(lambda kind: spoiled({**MESSAGE, **kind}, MESSAGE_PATHS)),
)
bad_statuses = st.one_of(json_values, spoiled(STATUS, [("id",), ("status",), ("errors",), ("errors", 0),
                                                       ("errors", 0, "code"), ("recipient_id",)]))


def envelope(messages: list, statuses: list, contacts: list) -> dict:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE_NUMBER_ID},
             "contacts": contacts, "messages": messages, "statuses": statuses}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
                                                                                     "value": value}]}]}


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


@FUZZ
@given(bad=st.lists(bad_messages, max_size=3), statuses=st.lists(bad_statuses, max_size=2),
       contacts=st.lists(json_values | st.just({"wa_id": SENDERS[1], "profile": {"name": "x"}}), max_size=2),
       with_good=st.booleans(), good_at=st.integers(0, 3), sender=st.sampled_from(SENDERS),
       envelope_spoil=sometimes(spoiled(envelope([], [], []), ENVELOPE_PATHS)),
       signature=sometimes(nasty_text, 8), raw=sometimes(st.binary(max_size=64), 8))
async def test_fuzzed_deliveries_never_get_a_5xx(client, services, no_tracebacks, bad, statuses, contacts, with_good,
                                                 good_at, sender, envelope_spoil, signature, raw):
    good_id = None
    messages = list(bad)
    if with_good:
        good_id = f"wamid.good.{next(_ids)}"
        messages.insert(min(good_at, len(messages)), {**MESSAGE, "from": sender, "id": good_id})
    body = envelope(messages, statuses, contacts)
    if envelope_spoil is not None:
        body, good_id = envelope_spoil, None
    data = raw if raw is not None else json.dumps(body).encode()
    header = sign(data) if signature is None else header_value(signature)
    resp = await client.post("/webhooks/whatsapp", data=data, headers={"X-Hub-Signature-256": header})
    tally("POST /webhooks/whatsapp", resp.status)
    if signature is None and raw is None and envelope_spoil is None:
        assert resp.status == 200
        if good_id:
            await client.app[JOBS].drain()
            await _assert_answered(services, good_id, sender)
            tally("WhatsApp good messages in fuzzed batches, answered", 200)


async def _assert_answered(services, message_id: str, sender: str) -> None:
    async with services.sessions() as s:
        log = await s.scalar(select(InboundLog).where(InboundLog.provider_message_id == message_id))
        replies = await s.scalar(select(OutboxMessage.id).where(OutboxMessage.recipient == sender).limit(1))
    assert log is not None and log.status == "processed" and replies is not None
