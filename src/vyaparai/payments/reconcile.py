"""Asking Razorpay about links whose webhook never came, and applying what it says as if the webhook had.

Webhooks can be lost (our outage, Razorpay giving up after 24 h of retries). Run this from a
periodic job before `expire_unpaid`, so an order paid in the last minute is not cancelled.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Payment
from vyaparai.payments.errors import PaymentProviderError
from vyaparai.payments.events import PaymentUpdate, apply_event
from vyaparai.payments.razorpay_client import RazorpayClient

logger = logging.getLogger(__name__)

# A link younger than this is most likely still being paid; its webhook has had no time to come.
QUIET_FOR = timedelta(minutes=10)


async def reconcile_open_links(session: AsyncSession, client: RazorpayClient, *, now: datetime,
                               quiet_for: timedelta = QUIET_FOR, limit: int = 50) -> list[PaymentUpdate]:
    """Fetch every link still open here and older than `quiet_for`; apply what changed. Returns the changes."""
    stmt = (select(Payment.link_id).where(Payment.status == "created", Payment.created_at <= now - quiet_for)
            .order_by(Payment.expires_at).limit(limit))
    updates = []
    for link_id in (await session.scalars(stmt)).all():
        try:
            link = await client.fetch_payment_link(link_id)
        except PaymentProviderError as e:
            logger.warning("could not fetch payment link %s: %s", link_id, e.error_code)
            continue
        event = event_from_link(link)
        if event is not None:
            update = await apply_event(session, event, now=now)
            if update.changed:
                updates.append(update)
    return updates


def event_from_link(link: dict) -> dict | None:
    """The webhook event a fetched link's state stands for, or None while it is still open and unpaid."""
    status = link.get("status")
    if status == "paid":
        captured = [p for p in link.get("payments") or () if p.get("status") == "captured"]
        if not captured:
            return None
        pay = captured[-1]
        payment = {"id": pay.get("payment_id"), "amount": pay.get("amount"), "method": pay.get("method")}
        return {"event": "payment_link.paid",
                "payload": {"payment_link": {"entity": link}, "payment": {"entity": payment}}}
    if status in ("expired", "cancelled"):
        return {"event": f"payment_link.{status}", "payload": {"payment_link": {"entity": link}}}
    return None
