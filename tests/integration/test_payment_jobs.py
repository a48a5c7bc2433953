"""The periodic payments job: settles silent links with Razorpay, expires the rest, refunds late money."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.fakes.razorpay_api import KEY_ID, KEY_SECRET, razorpay_fake  # noqa: F401  (fixture)
from tests.integration.factories import NOW
from tests.integration.payment_factories import (  # noqa: F401  (http is a fixture)
    PRICE_PAISE, client_for, http, place_online_order, start_link,
)
from vyaparai.config import Settings
from vyaparai.db.models import Order, Product
from vyaparai.orders.lifecycle import cancel_order
from vyaparai.workers.payment_jobs import settle_payments
from vyaparai.workers.services import Services


@pytest.fixture
async def services(database_url, razorpay_fake):
    services = Services.create(Settings(database_url=database_url, razorpay_key_id=KEY_ID,
                                        razorpay_key_secret=KEY_SECRET, razorpay_api_base_url=razorpay_fake.url))
    yield services
    await services.close()


async def state(services, placed):
    async with services.sessions() as s:
        order = await s.get(Order, placed.order_id)
        stock = await s.scalar(select(Product.stock_milli).where(Product.id == placed.product_id))
        return order.status, order.payment_status, stock


async def test_a_paid_link_is_kept_and_an_unpaid_one_is_cancelled(services, razorpay_fake, http):
    placed = await place_online_order(services.sessions, qty_milli=2000, stock_packs=5)
    await start_link(services.sessions, client_for(razorpay_fake, http), placed.order_id)
    [link] = razorpay_fake.links
    razorpay_fake.pay(link, "pay_Job0000000001")

    report = await settle_payments(services, now=NOW + timedelta(hours=1), http=http)

    assert [u.kind for u in report.reconciled] == ["paid"] and report.expired == []
    assert await state(services, placed) == ("pending", "paid", 3000)


async def test_an_expired_link_cancels_the_order_even_when_razorpay_is_down(services, razorpay_fake, http):
    placed = await place_online_order(services.sessions, qty_milli=2000, stock_packs=5)
    await start_link(services.sessions, client_for(razorpay_fake, http), placed.order_id)
    razorpay_fake.fail_next.append((503, {"error": {"code": "SERVER_ERROR", "description": "down"}}))

    report = await settle_payments(services, now=NOW + timedelta(hours=1), http=http)

    assert [c.order.number for c in report.expired] == [placed.number]
    assert await state(services, placed) == ("cancelled", "pending", 5000)


async def test_money_paid_into_the_link_of_a_cancelled_order_is_refunded(services, razorpay_fake, http):
    placed = await place_online_order(services.sessions, qty_milli=2000, stock_packs=5)
    await start_link(services.sessions, client_for(razorpay_fake, http), placed.order_id)
    [link] = razorpay_fake.links
    async with services.sessions() as s, s.begin():
        order = await s.get(Order, placed.order_id)
        await cancel_order(s, order, actor="shopkeeper", reason="shop closed", now=NOW)
    razorpay_fake.pay(link, "pay_Late000000001")  # the customer paid the still-open link anyway

    report = await settle_payments(services, now=NOW + timedelta(minutes=20), http=http)

    assert report.refunded_paise == 2 * PRICE_PAISE
    assert [(r["payment_id"], r["amount"]) for r in razorpay_fake.refunds] == [("pay_Late000000001", 2 * PRICE_PAISE)]
    assert await state(services, placed) == ("cancelled", "refunded", 5000)
