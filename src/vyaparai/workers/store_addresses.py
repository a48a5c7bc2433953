"""Which of our SMS numbers or RBM agents a reply goes out from: the store's own, else the shared one (None)."""
from __future__ import annotations

from sqlalchemy import select

from vyaparai.bot.messages import OutboundMessage
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Conversation, StoreChannel


class StoreAddresses:
    """The store a customer last wrote to on `channel` answers from its own address on that channel.

    `vyaparai store update --sms-number / --rbm-agent-id` keeps these as StoreChannel rows, the same
    table that routes inbound webhooks; a store without one answers from the shared number or agent.
    """

    def __init__(self, sessions: Sessions, channel: str):
        self.sessions, self.channel = sessions, channel

    async def __call__(self, message: OutboundMessage) -> str | None:
        async with self.sessions() as session:
            store_id = await session.scalar(
                select(Conversation.store_id)
                # By recipient alone: an RCS reply that falls back to SMS still knows its store.
                .where(Conversation.recipient == message.recipient)
                .order_by(Conversation.last_activity_at.desc()).limit(1))
            if store_id is None:
                return None
            return await session.scalar(select(StoreChannel.external_id).where(
                StoreChannel.store_id == store_id, StoreChannel.channel == self.channel).limit(1))
