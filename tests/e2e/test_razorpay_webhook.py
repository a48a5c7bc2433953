"""Razorpay talks to the running app: signed webhooks mark orders paid exactly once, forgeries change nothing."""
import asyncio
import json
from datetime import UTC, datetime
from urllib.parse import urlencode

import aiohttp
import pytest
from sqlalchemy import select

from tests.fakes import razorpay_events as ev
from tests.fakes.razorpay_api import KEY_ID, KEY_SECRET, razorpay_fake  # noqa: F401  (fixture)
from tests.integration.factories import fill_cart, make_customer
from vyaparai.config import Settings
from vyaparai.db.models import Conversation, Order, OutboxMessage, Product
from vyaparai.orders.checkout import place_order
from vyaparai.payments.links import start_online_payment
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.payments.webhook import sign
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

WEBHOOK_SECRET = "whsec_kirana_new"
OLD_WEBHOOK_SECRET = "whsec_kirana_old"
PAY_ID = "pay_E2eFake0000001"


@pytest.fixture
async def services(database_url, razorpay_fake):
    settings = Settings(database_url=database_url, razorpay_key_id=KEY_ID, razorpay_key_secret=KEY_SECRET,
                        razorpay_webhook_secret=f"{WEBHOOK_SECRET},{OLD_WEBHOOK_SECRET}",
                        razorpay_api_base_url=razorpay_fake.url, public_base_url="https://shop.example")
    services = Services.create(settings)
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


@pytest.fixture
async def online_order(services, shop):
    """Two packs of Maggi (₹14 each) ordered for online payment, with its link; returns (order id, link id)."""
    now = datetime.now(UTC)
    async with services.sessions() as s, s.begin():
        maggi = await s.scalar(select(Product).where(Product.sku == "MAGGI-70"))
        customer = await make_customer(s, "919812345678")
        s.add(Conversation(store_id=shop.id, customer_id=customer.id, channel="whatsapp",
                           recipient="919812345678", language="en"))
        cart = await fill_cart(s, shop, customer, [(maggi, 2000)])
        order = await place_order(s, store=shop, customer=customer, cart=cart, address="MG Road",
                                  payment_method="upi", channel="whatsapp", language="en", now=now)
        async with aiohttp.ClientSession() as http:
            rzp = RazorpayClient.from_settings(services.settings, http)
            start = await start_online_payment(s, rzp, order, settings=services.settings, now=now)
    assert start.link_url.startswith("https://rzp.io/i/")
    return order.id, start.link_url


def link_id_of(razorpay_fake) -> str:
    [link_id] = razorpay_fake.links
    return link_id


async def post_event(client, event, *, event_id="evt_1", secret=WEBHOOK_SECRET, body=None, signature=None):
    raw = body if body is not None else json.dumps(event, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "X-Razorpay-Event-Id": event_id,
               "X-Razorpay-Signature": signature if signature is not None else sign(secret, raw)}
    return await client.post("/webhooks/razorpay", data=raw, headers=headers)


async def payment_status(services, order_id):
    async with services.sessions() as s:
        order = await s.get(Order, order_id)
        return order.status, order.payment_status, order.payment_method


async def test_a_signed_paid_event_marks_the_order_paid_once(client, services, online_order, razorpay_fake):
    order_id, _ = online_order
    event = ev.link_paid(link_id_of(razorpay_fake), PAY_ID, 2800, method="upi")
    assert (await post_event(client, event)).status == 200
    assert await payment_status(services, order_id) == ("pending", "paid", "upi")

    again = await post_event(client, ev.link_paid(link_id_of(razorpay_fake), PAY_ID, 2800, method="card"))
    assert again.status == 200
    assert await payment_status(services, order_id) == ("pending", "paid", "upi")  # the repeat changed nothing


async def test_a_late_failure_after_the_capture_leaves_it_paid(client, services, online_order, razorpay_fake):
    order_id, _ = online_order
    link = link_id_of(razorpay_fake)
    assert (await post_event(client, ev.payment_captured(link, PAY_ID, 2800), event_id="evt_a")).status == 200
    assert (await post_event(client, ev.payment_failed(link, PAY_ID, 2800), event_id="evt_b")).status == 200
    assert (await payment_status(services, order_id))[1] == "paid"


async def test_the_previous_webhook_secret_still_works_during_rotation(client, services, online_order,
                                                                       razorpay_fake):
    order_id, _ = online_order
    event = ev.link_paid(link_id_of(razorpay_fake), PAY_ID, 2800)
    assert (await post_event(client, event, secret=OLD_WEBHOOK_SECRET)).status == 200
    assert (await payment_status(services, order_id))[1] == "paid"


@pytest.mark.parametrize("how", ["wrong secret", "missing signature", "body changed after signing"])
async def test_a_forged_event_is_rejected_and_changes_nothing(client, services, online_order, razorpay_fake, how):
    order_id, _ = online_order
    event = ev.link_paid(link_id_of(razorpay_fake), PAY_ID, 2800)
    raw = json.dumps(event).encode()
    if how == "wrong secret":
        resp = await post_event(client, event, secret="not_the_secret")
    elif how == "missing signature":
        resp = await client.post("/webhooks/razorpay", data=raw, headers={"Content-Type": "application/json"})
    else:
        tampered = raw.replace(b'"amount": 2800', b'"amount": 2801')
        assert tampered != raw
        resp = await post_event(client, event, body=tampered, signature=sign(WEBHOOK_SECRET, raw))
    assert resp.status in (401, 403)
    assert await payment_status(services, order_id) == ("pending", "pending", "upi")


async def test_a_body_that_is_not_json_gets_400(client):
    resp = await post_event(client, None, body=b"{not json")
    assert resp.status == 400


async def test_an_expired_link_cancels_the_order_restocks_and_tells_the_customer(client, services, online_order,
                                                                                  razorpay_fake):
    order_id, _ = online_order
    async with services.sessions() as s:
        before = await s.scalar(select(Product.stock_milli).where(Product.sku == "MAGGI-70"))
    resp = await post_event(client, ev.link_closed(link_id_of(razorpay_fake), "expired"), event_id="evt_exp")
    assert resp.status == 200
    assert (await payment_status(services, order_id))[0] == "cancelled"
    async with services.sessions() as s:
        assert await s.scalar(select(Product.stock_milli).where(Product.sku == "MAGGI-70")) == before + 2000
        told = (await s.scalars(select(OutboxMessage).where(OutboxMessage.recipient == "919812345678"))).all()
    assert any("1001" in m.payload.get("text", "") for m in told)


async def test_a_capture_for_a_cancelled_order_is_refunded(client, services, online_order, razorpay_fake):
    order_id, _ = online_order
    link = link_id_of(razorpay_fake)
    await post_event(client, ev.link_closed(link, "cancelled"), event_id="evt_c1")
    assert (await post_event(client, ev.payment_captured(link, PAY_ID, 2800), event_id="evt_c2")).status == 200
    for _ in range(50):  # the refund runs after the webhook has been answered
        if (await payment_status(services, order_id))[1] == "refunded":
            break
        await asyncio.sleep(0.05)
    assert [(r["payment_id"], r["amount"]) for r in razorpay_fake.refunds] == [(PAY_ID, 2800)]
    assert await payment_status(services, order_id) == ("cancelled", "refunded", "upi")


def _callback_query(link_id, status="paid", secret=KEY_SECRET, **override):
    params = {"razorpay_payment_id": PAY_ID, "razorpay_payment_link_id": link_id,
              "razorpay_payment_link_reference_id": "VY1-1001-1", "razorpay_payment_link_status": status}
    message = "|".join([link_id, params["razorpay_payment_link_reference_id"], status, PAY_ID]).encode()
    params["razorpay_signature"] = sign(secret, message)
    params.update(override)
    return "?" + urlencode(params)


async def test_the_callback_page_thanks_the_customer_for_a_signed_payment(client, online_order, razorpay_fake):
    resp = await client.get("/payments/razorpay/callback" + _callback_query(link_id_of(razorpay_fake)))
    assert resp.status == 200
    page = await resp.text()
    assert "Payment received" in page and "#1001" in page


async def test_the_callback_page_refuses_a_forged_signature(client, online_order, razorpay_fake):
    forged = _callback_query(link_id_of(razorpay_fake), secret="someone_elses_secret")
    resp = await client.get("/payments/razorpay/callback" + forged)
    assert resp.status == 400
    assert "not verified" in await resp.text()
    assert (await client.get("/payments/razorpay/callback")).status == 400
