"""Record what WhatsApp (or any push provider) tells us about a sent message: delivered, read, failed."""
from __future__ import annotations

from sqlalchemy import select, update

from vyaparai.db.engine import Sessions
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow

# WhatsApp error 131047: more than 24 hours since the person last wrote to us, so only an approved
# template gets through. https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
WINDOW_CLOSED = 131047
# The approved template shopkeeper alerts fall back to: body "{{1}}" and two quick-reply buttons
# (Accept, Reject). The operator creates it in WhatsApp Manager under this name.
ALERT_TEMPLATE = {"name": "vyaparai_order_alert", "language": "en"}

# Each state may only move forward: a late "delivered" never overwrites "read". A row still
# "sending" is left alone (the provider id is written when the send call returns).
MAY_FOLLOW = {
    "delivered": ("sent",),
    "read": ("sent", "delivered"),
    "failed": ("sent", "delivered"),
}


async def record_delivery_status(sessions: Sessions, channel: str, provider_message_id: str, status: str,
                                 error: str | None = None) -> bool:
    """Move the outbox row sent as `provider_message_id` to `status`; False when nothing changed."""
    previous = MAY_FOLLOW.get(status)
    if previous is None:
        return False  # "sent" is what we recorded ourselves when the API answered
    values: dict = {"status": status}
    if error:
        values["error"] = error
    async with sessions() as session, session.begin():
        result = await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.channel == channel, OutboxMessage.provider_message_id == provider_message_id,
                   OutboxMessage.status.in_(previous))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return result.rowcount > 0


async def resend_alert_as_template(sessions: Sessions, channel: str, provider_message_id: str,
                                   template: dict = ALERT_TEMPLATE) -> int | None:
    """Queue a shopkeeper alert that failed on a closed 24-hour window again, as a template; returns the new row id.

    Only alerts: a customer's reply makes no sense a day later, and a template that failed too is not re-sent.
    """
    async with sessions() as session, session.begin():
        row = await session.scalar(select(OutboxMessage).where(
            OutboxMessage.channel == channel, OutboxMessage.provider_message_id == provider_message_id))
        meta = dict((row.payload.get("meta") or {}) if row else {})
        if row is None or row.payload.get("kind") != "alert" or meta.get("template"):
            return None
        meta["template"] = {**template, "params": [row.payload.get("text", "")]}
        again = OutboxMessage(store_id=row.store_id, channel=row.channel, recipient=row.recipient,
                              payload={**row.payload, "meta": meta}, status="pending", next_attempt_at=utcnow())
        session.add(again)
        await session.flush()
        return again.id
