"""When a webhook never comes, asking Razorpay settles the order; cancelling settles the link or the money."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)
from tests.integration.factories import NOW
from tests.integration.payment_factories import (  # noqa: F401  (http is a fixture)
    PRICE_PAISE, client_for, http, place_online_order, start_link,
)
from vyaparai.db.models import Order, Payment, Product
from vyaparai.orders.lifecycle import cancel_order
from vyaparai.payments.links import reconcile_open_links, settle_cancellation

PAY_ID = "pay_Reconcile00001"


@pytest.fixture
async def linked(sessions, razorpay_fake, http):
    placed = await place_online_order(sessions, qty_milli=2000, stock_packs=5)
    client = client_for(razorpay_fake, http)
    await start_link(sessions, client, placed.order_id)
    return placed, next(iter(razorpay_fake.links)), client


async def reconcile(sessions, client, now):
    async with sessions() as s, s.begin():
        return await reconcile_open_links(s, client, now=now)


async def order_state(sessions, order_id):
    async with sessions() as s:
        order = await s.get(Order, order_id)
        return order.status, order.payment_status, order.payment_method


async def test_a_payment_whose_webhook_was_lost_is_found_by_asking(sessions, linked, razorpay_fake):
    placed, link, client = linked
    razorpay_fake.pay(link, PAY_ID, method="card")
    [update] = await reconcile(sessions, client, NOW + timedelta(minutes=15))
    assert update.kind == "paid" and update.tell_shopkeeper
    assert await order_state(sessions, placed.order_id) == ("pending", "paid", "card")
    assert await reconcile(sessions, client, NOW + timedelta(minutes=20)) == []  # nothing open any more


async def test_young_links_are_left_to_their_webhook(sessions, linked, razorpay_fake):
    placed, link, client = linked
    razorpay_fake.pay(link, PAY_ID)
    assert await reconcile(sessions, client, NOW + timedelta(minutes=2)) == []
    assert razorpay_fake.calls("GET", f"/v1/payment_links/{link}") == []
    assert (await order_state(sessions, placed.order_id))[1] == "pending"


async def test_an_expiry_found_by_asking_cancels_and_restocks(sessions, linked, razorpay_fake):
    placed, link, client = linked
    razorpay_fake.expire(link)
    [update] = await reconcile(sessions, client, NOW + timedelta(minutes=35))
    assert update.kind == "expired"
    assert (await order_state(sessions, placed.order_id))[0] == "cancelled"
    async with sessions() as s:
        assert await s.scalar(select(Product.stock_milli).where(Product.id == placed.product_id)) == 5000


async def test_an_unreachable_razorpay_changes_nothing(sessions, linked, razorpay_fake):
    placed, _, client = linked
    razorpay_fake.fail_next.append((500, {"error": {"code": "SERVER_ERROR", "description": "down"}}))
    assert await reconcile(sessions, client, NOW + timedelta(minutes=15)) == []
    assert await order_state(sessions, placed.order_id) == ("pending", "pending", "upi")


async def test_cancelling_an_unpaid_order_closes_its_link(sessions, linked, razorpay_fake):
    placed, link, client = linked
    async with sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        cancellation = await cancel_order(s, order, actor="customer", reason=None, now=NOW)
        assert await settle_cancellation(s, client, cancellation, now=NOW) == 0
    assert razorpay_fake.links[link]["status"] == "cancelled"
    async with sessions() as s:
        assert await s.scalar(select(Payment.status)) == "cancelled"


async def test_cancelling_when_razorpay_says_the_link_was_just_paid_keeps_it_open_for_the_webhook(
        sessions, linked, razorpay_fake):
    placed, link, client = linked
    razorpay_fake.pay(link, PAY_ID)
    async with sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        cancellation = await cancel_order(s, order, actor="shopkeeper", reason="closed", now=NOW)
        assert await settle_cancellation(s, client, cancellation, now=NOW) == 0
    async with sessions() as s:
        assert await s.scalar(select(Payment.status)) == "created"
    [update] = await reconcile(sessions, client, NOW + timedelta(minutes=15))
    assert update.refund_due_paise == 2 * PRICE_PAISE  # paid for a cancelled order: the caller refunds
