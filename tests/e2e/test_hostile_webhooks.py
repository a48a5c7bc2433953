"""Signed provider bodies with odd values, and signature headers of any bytes: an answer, never a 500."""
import copy
import json

import pytest
from sqlalchemy import func, select

from tests.e2e.test_razorpay_webhook import (  # noqa: F401  (fixtures)
    client, link_id_of, online_order, payment_status, post_event, razorpay_fake, services,
)
from tests.fakes import razorpay_events as ev
from vyaparai.db.models import PaymentEvent


def spoiled(event: dict, spoil) -> dict:
    event = copy.deepcopy(event)
    spoil(event)
    return event


def deep(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = {"a": value}
    return value


@pytest.mark.parametrize("spoil", [
    lambda e: e["payload"]["payment"]["entity"].update(amount="3000.0"),
    lambda e: e["payload"]["payment"]["entity"].update(id=["pay_1", "pay_2"]),
    lambda e: e.update(payload="x"),
    lambda e: e.update(event=5),
    lambda e: e["payload"]["payment"]["entity"].update(amount=10**30),
], ids=["amount-as-text", "id-as-list", "payload-as-text", "event-as-number", "amount-beyond-any-column"])
async def test_a_signed_event_with_wrong_types_is_acknowledged_and_changes_nothing(client, services, online_order,
                                                                                   razorpay_fake, spoil):
    order_id, _ = online_order
    event = spoiled(ev.link_paid(link_id_of(razorpay_fake), "pay_Odd0000000001", 2800), spoil)
    resp = await post_event(client, event, event_id="evt_odd")
    assert resp.status == 200 and (await resp.json())["status"] == "ignored"
    assert await payment_status(services, order_id) == ("pending", "pending", "upi")


async def test_a_nul_in_the_event_name_is_stored_without_it(client, services, online_order, razorpay_fake):
    event = ev.link_paid(link_id_of(razorpay_fake), "pay_Nul0000000001", 2800)
    event["event"] = "payment_link.paid\u0000x"
    assert (await post_event(client, event, event_id="evt_nul\u00e9")).status == 200
    async with services.sessions() as s:
        names = (await s.scalars(select(PaymentEvent.event_type))).all()
    assert names == ["payment_link.paidx"]


async def test_a_deeply_nested_signed_body_is_400_not_a_crash(client, services, online_order):
    for levels in (40, 50_000):
        raw = b'{"event": "payment.captured", "x": ' + b"[" * levels + b"]" * levels + b"}"
        resp = await post_event(client, None, body=raw)
        assert resp.status == 400
    async with services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(PaymentEvent)) == 0


@pytest.mark.parametrize("signature", ["\u00e9", "sha256=\u00e9", "\u0939" * 64, "\U0001F600"])
async def test_a_signature_of_any_characters_is_refused_not_a_crash(client, online_order, razorpay_fake, signature):
    raw = json.dumps(ev.link_paid(link_id_of(razorpay_fake), "pay_Sig0000000001", 2800)).encode()
    resp = await client.post("/webhooks/razorpay", data=raw, headers={
        "X-Razorpay-Signature": signature.encode().decode("latin-1")})
    assert resp.status == 403


async def test_the_payment_page_refuses_a_signature_of_any_characters(client, online_order, razorpay_fake):
    query = ("razorpay_payment_id=pay_1&razorpay_payment_link_id=plink_1&razorpay_payment_link_reference_id=r"
             "&razorpay_payment_link_status=paid&razorpay_signature=")
    for signature in ["%C3%A9", "%ED%A0%80", "%FF", "\u00e9"]:
        resp = await client.get("/payments/razorpay/callback?" + query + signature)
        assert resp.status == 400 and "not verified" in await resp.text()
    # A NUL is refused before the page is even asked.
    assert (await client.get("/payments/razorpay/callback?" + query + "%00")).status == 400
