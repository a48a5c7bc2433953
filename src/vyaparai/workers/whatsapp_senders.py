"""Which store's WhatsApp number a reply goes out from, when the message itself does not say."""
from __future__ import annotations

from sqlalchemy import select

from vyaparai.bot.messages import OutboundMessage
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Conversation, Store, StoreChannel

CHANNEL = "whatsapp"


class StoreNumbers:
    """Finds the sending phone-number id for a recipient.

    The outbox row knows its store but the OutboundMessage handed to the channel does not (yet), so:
    a customer is answered from the store they last wrote to; a shopkeeper from their own store;
    with a single WhatsApp store, from its number.
    """

    def __init__(self, sessions: Sessions):
        self.sessions = sessions

    async def __call__(self, message: OutboundMessage) -> str | None:
        async with self.sessions() as session:
            numbers = dict((await session.execute(
                select(StoreChannel.store_id, StoreChannel.external_id).where(StoreChannel.channel == CHANNEL)
            )).all())
            if len(numbers) <= 1:
                return next(iter(numbers.values()), None)
            store_id = await session.scalar(
                select(Conversation.store_id)
                .where(Conversation.channel == CHANNEL, Conversation.recipient == message.recipient)
                .order_by(Conversation.last_activity_at.desc()).limit(1)
            )
            if store_id is None or message.kind == "alert":
                owned = (await session.scalars(select(Store).where(Store.id.in_(numbers)))).all()
                store_id = next((s.id for s in owned if message.recipient in (s.owner_phones or ())), store_id)
            return numbers.get(store_id)
