"""The coordinator: one logged inbound message in, state changed and replies queued, in one transaction."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.catalog_view import IndexCache
from vyaparai.bot.button_labels import remember_buttons
from vyaparai.bot.customer import read_message, respond
from vyaparai.bot.language import remember_language
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import insert_replies
from vyaparai.bot.shopkeeper import OwnerTurn, handle_owner
from vyaparai.bot.turn import BotSettings, Turn
from vyaparai.catalog.stores import is_owner
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Conversation, Customer, InboundLog, Store
from vyaparai.db.types import utcnow
from vyaparai.orders.customers import fill_in_contact, get_or_create_customer, select_by_identity
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
            now = self.clock()
            claimed = await _claim(session, inbound_id, now)
            if claimed is None:
                return []
            payload, store_id = claimed
            store = await session.get(Store, store_id) if store_id else None
            if store is None:
                await session.execute(update(InboundLog).where(InboundLog.id == inbound_id)
                                      .values(status="failed", error="no store for this message"))
                return []
            replies = await self._reply(session, store, InboundMessage.from_dict(payload), now)
            await insert_replies(session, store.id, replies)
            return replies

    async def _reply(self, session: AsyncSession, store: Store, msg: InboundMessage,
                     now: datetime) -> list[OutboundMessage]:
        index = await self.indexes.get(session, store)
        if msg.as_owner or is_owner(store, msg.sender_phone):
            return await handle_owner(OwnerTurn(session, store, msg, now, index, payments=self.payments))
        customer, conversation = await _customer_and_conversation(session, store, msg, now)
        turn = Turn(session=session, store=store, customer=customer, conversation=conversation,
                    inbound=msg, now=now, settings=self.settings, payments=self.payments)
        understanding = read_message(turn, index)
        if understanding is not None:
            remember_language(turn, understanding)
            await respond(turn, understanding, index)
        remember_buttons(turn)
        conversation.last_activity_at = now
        return turn.replies


async def _claim(session: AsyncSession, inbound_id: int, now: datetime) -> tuple[dict, int | None] | None:
    """Mark the logged message processed and return (payload, store id); None when it was handled already.

    One UPDATE takes the row lock for the whole turn and marks it done: a second process handling the
    same message waits here, then finds it no longer "received". A failed turn rolls the mark back.
    """
    result = await session.execute(
        update(InboundLog).where(InboundLog.id == inbound_id, InboundLog.status == "received")
        .values(status="processed", processed_at=now)
        .returning(InboundLog.payload, InboundLog.store_id)
        .execution_options(synchronize_session=False)
    )
    row = result.one_or_none()
    return None if row is None else (row.payload, row.store_id)


async def _customer_and_conversation(session: AsyncSession, store: Store, msg: InboundMessage,
                                     now: datetime) -> tuple[Customer, Conversation]:
    """The customer and their conversation with this store, the conversation locked so one customer's
    messages are handled in order. Someone who wrote to this store before costs one statement."""
    known = (await session.execute(
        select_by_identity(msg.channel, msg.sender).add_columns(Conversation)
        .join(Conversation, (Conversation.customer_id == Customer.id) & (Conversation.store_id == store.id))
        .with_for_update(of=Conversation)
    )).one_or_none()
    if known is not None:
        customer, conversation = known
        fill_in_contact(customer, name=msg.sender_name, phone=msg.sender_phone)
    else:
        customer = await get_or_create_customer(session, msg.channel, msg.sender, name=msg.sender_name,
                                                phone=msg.sender_phone)
        conversation = await _conversation(session, store, customer.id, msg, now)
    # Replies go where the customer last wrote from.
    conversation.channel, conversation.recipient = msg.channel, msg.sender
    return customer, conversation


async def _conversation(session: AsyncSession, store: Store, customer_id: int, msg: InboundMessage,
                        now: datetime) -> Conversation:
    """The (store, customer) conversation, created on the first message, locked."""
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
    return conv
