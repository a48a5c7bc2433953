"""An order gets exactly one Razorpay payment link, with the right amount and our reference, however often we ask."""
from dataclasses import replace
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy import func, select

from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)
from tests.integration.factories import NOW
from tests.integration.payment_factories import (  # noqa: F401  (http is a fixture)
    PRICE_PAISE, SETTINGS, client_for, http, place_online_order, start_link,
)
from vyaparai.db.models import Order, Payment
from vyaparai.payments.errors import PaymentLinkClosed, PaymentProviderError
from vyaparai.payments.gateway import PaymentGateway
from vyaparai.payments.links import RazorpayGateway, reference_id_of, start_online_payment


async def test_a_link_is_created_for_the_order_total_in_paise(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions, qty_milli=3000)
    start = await start_link(sessions, client_for(razorpay_fake, http), placed.order_id)

    [post] = razorpay_fake.calls("POST", "/v1/payment_links")
    sent = post.json
    assert sent["amount"] == 3 * PRICE_PAISE and sent["currency"] == "INR"
    assert sent["accept_partial"] is False and sent["reminder_enable"] is False
    assert sent["notify"] == {"sms": False, "email": False}
    assert sent["customer"]["contact"] == "+919812345678"
    assert sent["callback_url"] == "https://shop.example/payments/razorpay/callback"
    assert sent["callback_method"] == "get"
    assert sent["expire_by"] == int((NOW + timedelta(minutes=30)).timestamp())
    async with sessions() as s:
        order = await s.get(Order, placed.order_id)
        assert sent["reference_id"] == reference_id_of(order)
        assert str(order.number) in sent["description"]
        assert order.payment_method == "upi" and order.payment_status == "pending"
    assert start.link_url == razorpay_fake.links[next(iter(razorpay_fake.links))]["short_url"]
    assert start.expires_at_unix == sent["expire_by"]


async def test_asking_twice_reuses_the_link(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    client = client_for(razorpay_fake, http)
    first = await start_link(sessions, client, placed.order_id)
    again = await start_link(sessions, client, placed.order_id, now=NOW + timedelta(minutes=5))

    assert again.link_url == first.link_url
    assert len(razorpay_fake.calls("POST", "/v1/payment_links")) == 1
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Payment)) == 1


async def test_a_retry_after_a_timeout_finds_the_link_the_lost_answer_created(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    impatient = client_for(razorpay_fake, http, timeout=aiohttp.ClientTimeout(total=0.3))
    razorpay_fake.delay_next.append(1.0)  # Razorpay makes the link, but we stop waiting first
    with pytest.raises(PaymentProviderError) as timed_out:
        await start_link(sessions, impatient, placed.order_id)
    assert timed_out.value.retryable

    start = await start_link(sessions, client_for(razorpay_fake, http), placed.order_id)

    assert len(razorpay_fake.calls("POST", "/v1/payment_links")) == 1
    assert len(razorpay_fake.links) == 1
    assert start.link_url == next(iter(razorpay_fake.links.values()))["short_url"]


async def test_a_duplicate_reference_refused_by_razorpay_is_resolved_by_fetching(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    client = client_for(razorpay_fake, http)
    async with sessions() as s:
        order = await s.get(Order, placed.order_id)
        reference = reference_id_of(order)
    # Another process created the link between our look-up and our create: our look-up saw nothing.
    razorpay_fake.fail_next.append((200, {"payment_links": []}))
    razorpay_fake.links["plink_Other0000001"] = {
        "id": "plink_Other0000001", "short_url": "https://rzp.io/i/other", "reference_id": reference,
        "amount": order.total_paise, "status": "created", "expire_by": 1767609000}

    start = await start_link(sessions, client, placed.order_id)

    assert start.link_url == "https://rzp.io/i/other"
    assert len(razorpay_fake.links) == 1


async def test_razorpay_refusal_becomes_a_final_domain_error_and_nothing_is_stored(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    # look-up: nothing; create: refused; look-up again (was it a duplicate?): still nothing.
    razorpay_fake.fail_next += [(200, {"payment_links": []}),
                                (400, {"error": {"code": "BAD_REQUEST_ERROR", "description": "amount invalid"}}),
                                (200, {"payment_links": []})]
    with pytest.raises(PaymentProviderError) as refused:
        await start_link(sessions, client_for(razorpay_fake, http), placed.order_id)
    assert refused.value.error_code == "BAD_REQUEST_ERROR" and not refused.value.retryable
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Payment)) == 0


async def test_a_server_error_is_retryable(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    razorpay_fake.fail_next.append((503, {"error": {"code": "SERVER_ERROR", "description": "down"}}))
    with pytest.raises(PaymentProviderError) as failed:
        await start_link(sessions, client_for(razorpay_fake, http), placed.order_id)
    assert failed.value.status == 503 and failed.value.retryable


async def test_an_expired_link_is_not_replaced_by_a_second_one(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    client = client_for(razorpay_fake, http)
    await start_link(sessions, client, placed.order_id)
    with pytest.raises(PaymentLinkClosed):
        await start_link(sessions, client, placed.order_id, now=NOW + timedelta(hours=1))
    assert len(razorpay_fake.calls("POST", "/v1/payment_links")) == 1


async def test_a_fifteen_minute_expiry_is_stretched_past_razorpays_minimum(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    async with sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        await start_online_payment(s, client_for(razorpay_fake, http), order,
                                   settings=replace(SETTINGS, payment_link_expiry_minutes=15), now=NOW)
    [post] = razorpay_fake.calls("POST", "/v1/payment_links")
    assert post.json["expire_by"] - int(NOW.timestamp()) > 15 * 60


async def test_the_razorpay_gateway_starts_a_payment_like_cash_on_delivery_does(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions)
    async with sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        gateway: PaymentGateway = RazorpayGateway(s, client_for(razorpay_fake, http), settings=SETTINGS, now=NOW)
        start = await gateway.start(order)
    assert start.method == "upi" and start.link_url.startswith("https://rzp.io/i/")
    assert start.expires_at_unix == int((NOW + timedelta(minutes=30)).timestamp())
