"""Record what WhatsApp (or any push provider) tells us about a sent message: delivered, read, failed."""
from __future__ import annotations

from sqlalchemy import update

from vyaparai.db.engine import Sessions
from vyaparai.db.models import OutboxMessage

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
