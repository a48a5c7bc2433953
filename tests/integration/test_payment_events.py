"""Razorpay events in any order and any number of times leave the order's payment status right."""
import asyncio
from datetime import timedelta
from itertools import permutations

import pytest
from sqlalchemy import select

from tests.fakes import razorpay_events as ev
from tests.fakes.razorpay_api import razorpay_fake  # noqa: F401  (fixture)
from tests.integration.factories import NOW
from tests.integration.payment_factories import (  # noqa: F401  (http is a fixture)
    PRICE_PAISE, client_for, http, place_online_order, start_link,
)
from vyaparai.db.models import Order, Payment, Product
from vyaparai.orders.lifecycle import cancel_order
from vyaparai.payments.links import apply_event, expire_unpaid, record_event, refund_if_paid

LATER = NOW + timedelta(minutes=3)
PAY_ID = "pay_Fake000000001"
AMOUNT = 3 * PRICE_PAISE


@pytest.fixture
async def linked(sessions, razorpay_fake, http):
    """An order of 3 packs (stock 10 -> 7) with its payment link; returns (placed, link id)."""
    placed = await place_online_order(sessions, qty_milli=3000, stock_packs=10)
    await start_link(sessions, client_for(razorpay_fake, http), placed.order_id)
    return placed, next(iter(razorpay_fake.links))


async def apply(sessions, event, now=LATER):
    async with sessions() as s, s.begin():
        return await apply_event(s, event, now=now)


async def order_state(sessions, order_id):
    async with sessions() as s:
        order = await s.get(Order, order_id)
        return order.status, order.payment_status, order.payment_method


async def stock(sessions, product_id):
    async with sessions() as s:
        return await s.scalar(select(Product.stock_milli).where(Product.id == product_id))


async def test_a_paid_link_marks_the_order_paid_and_tells_the_shopkeeper(sessions, linked):
    placed, link = linked
    update = await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT, method="card"))
    assert update.kind == "paid" and update.tell_shopkeeper and update.tell_customer
    assert update.order.number == placed.number
    assert await order_state(sessions, placed.order_id) == ("pending", "paid", "card")


@pytest.mark.parametrize("order", list(permutations(["paid", "captured", "failed", "expired"])))
async def test_every_order_of_events_ends_paid(sessions, linked, order):
    placed, link = linked
    events = {"paid": ev.link_paid(link, PAY_ID, AMOUNT), "captured": ev.payment_captured(link, PAY_ID, AMOUNT),
              "failed": ev.payment_failed(link, PAY_ID, AMOUNT), "expired": ev.link_closed(link, "expired")}
    kinds = [(await apply(sessions, events[name])).kind for name in order]
    status, payment_status, _ = await order_state(sessions, placed.order_id)
    # Money that arrived is never undone. Only when expiry came first was the order given up on.
    assert payment_status == "paid"
    assert kinds.count("paid") == 1
    assert status == ("cancelled" if order.index("expired") < min(order.index("paid"), order.index("captured"))
                      else "pending")


async def test_the_same_event_twice_changes_nothing_the_second_time(sessions, linked):
    placed, link = linked
    first = await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT))
    second = await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT))
    assert first.kind == "paid" and second.kind == "ignored" and not second.tell_shopkeeper
    assert (await order_state(sessions, placed.order_id))[1] == "paid"


async def test_a_failed_attempt_leaves_the_link_open_for_another_try(sessions, linked):
    placed, link = linked
    failed = await apply(sessions, ev.payment_failed(link, "pay_Failed00000001", AMOUNT))
    assert failed.kind == "failed" and failed.tell_customer
    assert (await order_state(sessions, placed.order_id))[:2] == ("pending", "failed")
    paid = await apply(sessions, ev.payment_captured(link, PAY_ID, AMOUNT))
    assert paid.kind == "paid"
    assert (await order_state(sessions, placed.order_id))[:2] == ("pending", "paid")


async def test_an_expired_link_cancels_the_unpaid_order_and_gives_the_stock_back(sessions, linked):
    placed, link = linked
    assert await stock(sessions, placed.product_id) == 7000
    update = await apply(sessions, ev.link_closed(link, "expired"))
    assert update.kind == "expired" and update.tell_customer and update.cancellation is not None
    assert await order_state(sessions, placed.order_id) == ("cancelled", "pending", "upi")
    assert await stock(sessions, placed.product_id) == 10000
    again = await apply(sessions, ev.link_closed(link, "expired"))
    assert again.kind == "ignored"
    assert await stock(sessions, placed.product_id) == 10000


async def test_a_capture_after_the_order_was_given_up_asks_for_a_refund(sessions, linked):
    placed, link = linked
    await apply(sessions, ev.link_closed(link, "cancelled"))
    late = await apply(sessions, ev.payment_captured(link, PAY_ID, AMOUNT))
    assert late.kind == "paid" and late.refund_due_paise == AMOUNT and not late.tell_shopkeeper
    assert await order_state(sessions, placed.order_id) == ("cancelled", "paid", "upi")


async def test_a_short_payment_does_not_count_as_paid(sessions, linked):
    placed, link = linked
    update = await apply(sessions, ev.payment_captured(link, PAY_ID, AMOUNT - 100))
    assert update.kind == "ignored"
    assert (await order_state(sessions, placed.order_id))[1] == "pending"


async def test_events_for_payments_that_are_not_ours_are_ignored(sessions, linked):
    placed, _ = linked
    update = await apply(sessions, ev.payment_captured("plink_SomebodyElse1", "pay_Other00000001", AMOUNT))
    assert update.kind == "ignored" and update.order is None
    assert (await order_state(sessions, placed.order_id))[1] == "pending"


async def test_expiry_job_cancels_orders_whose_link_ran_out_unpaid(sessions, linked):
    placed, _ = linked
    async with sessions() as s, s.begin():
        assert await expire_unpaid(s, now=NOW + timedelta(minutes=31)) == []  # inside the grace period
    async with sessions() as s, s.begin():
        [cancelled] = await expire_unpaid(s, now=NOW + timedelta(minutes=40))
    assert cancelled.order.number == placed.number
    assert await order_state(sessions, placed.order_id) == ("cancelled", "pending", "upi")
    assert await stock(sessions, placed.product_id) == 10000
    async with sessions() as s, s.begin():
        assert await expire_unpaid(s, now=NOW + timedelta(minutes=50)) == []


async def test_expiry_job_leaves_paid_orders_alone(sessions, linked):
    placed, link = linked
    await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT))
    async with sessions() as s, s.begin():
        assert await expire_unpaid(s, now=NOW + timedelta(hours=2)) == []
    assert await order_state(sessions, placed.order_id) == ("pending", "paid", "upi")


async def test_cancelling_a_paid_order_refunds_it_once(sessions, linked, razorpay_fake, http):
    placed, link = linked
    await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT))
    client = client_for(razorpay_fake, http)
    async with sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        cancellation = await cancel_order(s, order, actor="customer", reason="changed my mind", now=LATER)
        assert await refund_if_paid(s, client, cancellation) == AMOUNT
        assert await refund_if_paid(s, client, cancellation) == 0  # a retry asks for nothing more
    assert [(r["payment_id"], r["amount"]) for r in razorpay_fake.refunds] == [(PAY_ID, AMOUNT)]
    assert await order_state(sessions, placed.order_id) == ("cancelled", "refunded", "upi")
    assert await stock(sessions, placed.product_id) == 10000


async def test_refund_processed_marks_the_order_refunded_whatever_comes_after(sessions, linked):
    placed, link = linked
    await apply(sessions, ev.link_paid(link, PAY_ID, AMOUNT))
    half = AMOUNT // 2
    partial = await apply(sessions, ev.refund_processed(PAY_ID, half, refunded_so_far=half, captured=AMOUNT))
    assert partial.kind == "ignored" and (await order_state(sessions, placed.order_id))[1] == "paid"
    full = await apply(sessions, ev.refund_processed(PAY_ID, half, refunded_so_far=AMOUNT, captured=AMOUNT))
    assert full.kind == "refunded" and full.tell_customer
    for late in (ev.payment_captured(link, PAY_ID, AMOUNT), ev.payment_failed(link, PAY_ID, AMOUNT),
                 ev.refund_processed(PAY_ID, half, refunded_so_far=half, captured=AMOUNT)):
        await apply(sessions, late)
    assert (await order_state(sessions, placed.order_id))[1] == "refunded"
    async with sessions() as s:
        assert await s.scalar(select(Payment.refunded_paise)) == AMOUNT


async def test_two_deliveries_of_one_event_at_once_apply_it_once(sessions, linked):
    placed, link = linked

    async def deliver():
        async with sessions() as s, s.begin():
            if not await record_event(s, event_id="evt_same", event_type="payment_link.paid", now=LATER):
                return "duplicate"
            return (await apply_event(s, ev.link_paid(link, PAY_ID, AMOUNT), now=LATER)).kind

    results = await asyncio.gather(deliver(), deliver())
    assert sorted(results) == ["duplicate", "paid"]
    assert (await order_state(sessions, placed.order_id))[1] == "paid"
