"""The coordinator: one logged inbound message in, state changed and replies queued, in one transaction."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.catalog_view import IndexCache
from vyaparai.bot.button_labels import remember_buttons
from vyaparai.bot.customer import read_message, respond
from vyaparai.bot.language import remember_language
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.shopkeeper import OwnerTurn, handle_owner
from vyaparai.bot.turn import BotSettings, Turn
from vyaparai.catalog.stores import is_owner
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Conversation, InboundLog, Store
from vyaparai.db.types import utcnow
from vyaparai.orders.customers import get_or_create_customer
from vyaparai.payments.online import OnlinePayments

logger = logging.getLogger(__name__)


class Engine:
    def __init__(self, sessions: Sessions, settings: BotSettings | None = None,
                 clock: Callable[[], datetime] = utcnow):
        self.sessions = sessions
        self.settings = settings or BotSettings()
        self.clock = clock
        self.indexes = IndexCache()
        self.payments: OnlinePayments | None = None  # set when a payment gateway is configured

    async def process(self, inbound_id: int) -> list[OutboundMessage]:
        """Handle a logged message once; a second call for the same message does nothing."""
        async with self.sessions() as session, session.begin():
            log = await session.scalar(
                select(InboundLog).where(InboundLog.id == inbound_id).with_for_update()
            )
            if log is None or log.status != "received":
                return []
            msg = InboundMessage.from_dict(log.payload)
            store = await session.get(Store, log.store_id) if log.store_id else None
            now = self.clock()
            if store is None:
                log.status, log.error, log.processed_at = "failed", "no store for this message", now
                return []
            replies = await self._reply(session, store, msg, now)
            queue_replies(session, store.id, replies)
            log.status, log.processed_at = "processed", now
            return replies

    async def _reply(self, session: AsyncSession, store: Store, msg: InboundMessage,
                     now: datetime) -> list[OutboundMessage]:
        index = await self.indexes.get(session, store)
        if msg.as_owner or is_owner(store, msg.sender_phone):
            return await handle_owner(OwnerTurn(session, store, msg, now, index, payments=self.payments))
        customer = await get_or_create_customer(session, msg.channel, msg.sender, name=msg.sender_name,
                                                phone=msg.sender_phone)
        conversation = await _conversation(session, store, customer.id, msg, now)
        turn = Turn(session=session, store=store, customer=customer, conversation=conversation,
                    inbound=msg, now=now, settings=self.settings, payments=self.payments)
        understanding = read_message(turn, index)
        if understanding is not None:
            remember_language(turn, understanding)
            await respond(turn, understanding, index)
        remember_buttons(turn)
        conversation.last_activity_at = now
        return turn.replies


async def _conversation(session: AsyncSession, store: Store, customer_id: int, msg: InboundMessage,
                        now: datetime) -> Conversation:
    """The (store, customer) conversation, locked so one customer's messages are handled in order."""
    query = (select(Conversation)
             .where(Conversation.store_id == store.id, Conversation.customer_id == customer_id)
             .with_for_update())
    conv = await session.scalar(query)
    if conv is None:
        try:
            # A savepoint: two first messages racing each other must not fail the whole turn.
            async with session.begin_nested():
                conv = Conversation(store_id=store.id, customer_id=customer_id, channel=msg.channel,
                                    recipient=msg.sender, state="idle", data={}, last_activity_at=now)
                session.add(conv)
        except IntegrityError:
            conv = await session.scalar(query)
    # Replies go where the customer last wrote from.
    conv.channel, conv.recipient = msg.channel, msg.sender
    return conv
