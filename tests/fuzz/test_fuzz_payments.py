"""Fuzzed Razorpay webhooks, payment return pages and Meta's handshake: a 2xx/4xx answer every time, never a 5xx."""
from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, RAZORPAY_SECRET, tally
from tests.fuzz.strategies import header_value, json_values, nasty_text, sometimes, spoiled

PAYLOADS = Path(__file__).parents[1] / "payloads" / "razorpay"
EVENTS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAYLOADS.glob("*.json"))
          if "event" in json.loads(p.read_text(encoding="utf-8"))]
ENTITY_FIELDS = ["id", "amount", "amount_refunded", "description", "method", "payment_id", "status", "order_id"]
PATHS = [("event",), ("payload",), ("contains",)] + [
    ("payload", name, *rest) for name in ("payment", "payment_link", "refund", "order")
    for rest in [(), ("entity",)] + [("entity", f) for f in ENTITY_FIELDS]]
CALLBACK_FIELDS = ["razorpay_payment_id", "razorpay_payment_link_id", "razorpay_payment_link_reference_id",
                   "razorpay_payment_link_status", "razorpay_signature"]

events = st.one_of(st.sampled_from(EVENTS).flatmap(lambda e: spoiled(e, PATHS)), json_values)


def sign(body: bytes) -> str:
    return hmac.new(RAZORPAY_SECRET.encode(), body, hashlib.sha256).hexdigest()


@FUZZ
@given(event=events, event_id=nasty_text, signature=sometimes(nasty_text, 8), raw=sometimes(st.binary(max_size=64), 8))
async def test_fuzzed_razorpay_events_never_get_a_5xx(client, no_tracebacks, event, event_id, signature, raw):
    body = raw if raw is not None else json.dumps(event).encode()
    headers = {"X-Razorpay-Event-Id": header_value(event_id),
               "X-Razorpay-Signature": sign(body) if signature is None else header_value(signature)}
    resp = await client.post("/webhooks/razorpay", data=body, headers=headers)
    tally("POST /webhooks/razorpay", resp.status)
    if signature is None and raw is None:
        assert resp.status in (200, 400)


def _query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k.encode('utf-8', 'surrogatepass'))}={quote(v.encode('utf-8', 'surrogatepass'))}"
                    for k, v in pairs)


@FUZZ
@given(pairs=st.lists(st.tuples(st.sampled_from(CALLBACK_FIELDS) | nasty_text, nasty_text), max_size=7),
       raw_tail=sometimes(st.sampled_from(["%00", "%ED%A0%80", "%FF", "%", "%%", "&&=", "=%C3"])))
async def test_fuzzed_payment_return_pages_never_get_a_5xx(client, no_tracebacks, pairs, raw_tail):
    resp = await client.get("/payments/razorpay/callback?" + _query(pairs) + (raw_tail or ""))
    tally("GET /payments/razorpay/callback", resp.status)
    assert resp.status == 400  # nothing here is signed with the key secret


@FUZZ
@given(pairs=st.lists(st.tuples(st.sampled_from(["hub.mode", "hub.verify_token", "hub.challenge"]) | nasty_text,
                                nasty_text | st.just("subscribe") | st.just("fuzz-verify")), max_size=5))
async def test_fuzzed_whatsapp_handshakes_never_get_a_5xx(client, no_tracebacks, pairs):
    resp = await client.get("/webhooks/whatsapp?" + _query(pairs))
    tally("GET /webhooks/whatsapp", resp.status)
