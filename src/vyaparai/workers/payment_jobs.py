"""The periodic payments job: ask Razorpay about silent links, cancel orders whose link ran out, refund late money.

Not scheduled by itself: call `settle_payments(services)` from the sweep (every minute is plenty).
Each step runs in its own transaction, so one failing step does not undo another.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.notify import notify_customer_status, offer_cash_on_delivery, tell_customer, tell_owners
from vyaparai.db.models import Store
from vyaparai.orders.lifecycle import Cancellation
from vyaparai.payments.errors import PaymentError
from vyaparai.payments.events import PaymentUpdate
from vyaparai.payments.links import expire_unpaid, reconcile_open_links, refund_if_paid
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)


@dataclass
class SettleReport:
    reconciled: list[PaymentUpdate] = field(default_factory=list)
    expired: list[Cancellation] = field(default_factory=list)
    refunded_paise: int = 0


async def notify_payment_update(session: AsyncSession, update: PaymentUpdate, *, now: datetime | None = None,
                                cart_ttl_minutes: int = 30) -> None:
    """Queue what people should hear about a payment change, in the transaction that made it."""
    order = update.order
    if order is None:
        return
    if update.cancellation is not None and update.kind == "expired":
        await offer_cash_on_delivery(session, order, now=now or datetime.now(UTC), cart_ttl_minutes=cart_ttl_minutes)
    elif update.cancellation is not None:
        await notify_customer_status(session, order)
    elif update.kind == "paid":
        await tell_customer(session, order, "payment_received")
        store = await session.get(Store, order.store_id)
        await tell_owners(session, store, "owner_order_paid", number=order.number,
                          amount=locales.money(order.total_paise, store.default_language or "en"))
    elif update.kind == "failed":
        await tell_customer(session, order, "payment_failed")


async def settle_payments(services: Services, *, now: datetime | None = None,
                          http: aiohttp.ClientSession | None = None) -> SettleReport:
    now = now or datetime.now(UTC)
    report = SettleReport()
    settings = services.settings
    if settings.razorpay_key_id and settings.razorpay_key_secret:
        async with _session_or(http) as shared:
            client = RazorpayClient.from_settings(settings, shared)
            await _reconcile(services, client, report, now)
    async with services.sessions() as session, session.begin():
        report.expired = await expire_unpaid(session, now=now)
        for cancellation in report.expired:
            await offer_cash_on_delivery(session, cancellation.order, now=now,
                                         cart_ttl_minutes=settings.cart_ttl_minutes)
    return report


async def _reconcile(services: Services, client: RazorpayClient, report: SettleReport, now: datetime) -> None:
    async with services.sessions() as session, session.begin():
        report.reconciled = await reconcile_open_links(session, client, now=now)
        for update in report.reconciled:
            await notify_payment_update(session, update, now=now,
                                        cart_ttl_minutes=services.settings.cart_ttl_minutes)
    for update in report.reconciled:
        if update.refund_due_paise > 0:
            report.refunded_paise += await refund_late_payment(services, client, update)


async def refund_late_payment(services: Services, client: RazorpayClient, update: PaymentUpdate) -> int:
    """Refund money that arrived for an order already cancelled; 0 (and a log line) if Razorpay refuses."""
    try:
        async with services.sessions() as session, session.begin():
            return await refund_if_paid(session, client, Cancellation(update.order, {}, update.refund_due_paise))
    except PaymentError:
        logger.exception("refund for cancelled order %s failed; refund it from the Razorpay dashboard",
                         update.order.id)
        return 0


class _session_or:
    """Use the caller's HTTP session, or open (and close) one for this run."""

    def __init__(self, http: aiohttp.ClientSession | None):
        self._given, self._own = http, None

    async def __aenter__(self) -> aiohttp.ClientSession:
        if self._given is not None:
            return self._given
        self._own = aiohttp.ClientSession()
        return self._own

    async def __aexit__(self, *exc) -> None:
        if self._own is not None:
            await self._own.close()
