"""The coordinator: one logged inbound message in, state changed and replies queued, in one transaction."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.button_labels import remember_buttons
from vyaparai.bot.catalog_view import IndexCache
from vyaparai.bot.customer import read_message, respond
from vyaparai.bot.language import remember_language
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import hold_replies
from vyaparai.bot.shopkeeper import OwnerTurn, handle_owner
from vyaparai.bot.turn import BotSettings, Turn
from vyaparai.bot.turn_end import end_turn
from vyaparai.bot.turn_rows import FirstContact, KnownCustomer, claim_turn, customer_and_conversation, fail_claimed
from vyaparai.catalog.stores import is_owner
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Store
from vyaparai.db.types import utcnow
from vyaparai.orders.cart import defer_expiry
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
            claimed = await claim_turn(session, inbound_id, now)
            if claimed is None:
                return []
            if claimed.store is None:
                await fail_claimed(session, inbound_id, "no store for this message")
                return []
            return await self._reply(session, claimed.store, claimed.message, now, claimed.sender)

    async def _reply(self, session: AsyncSession, store: Store, msg: InboundMessage, now: datetime,
                     sender: KnownCustomer | FirstContact | None) -> list[OutboundMessage]:
        index = await self.indexes.get(session, store)
        hold_replies(session)  # what the turn queues (an owner's new-order alert) goes with its last statement
        if msg.as_owner or is_owner(store, msg.sender_phone):
            replies = await handle_owner(OwnerTurn(session, store, msg, now, index, payments=self.payments))
            await end_turn(session, store.id, replies)
            return replies
        defer_expiry(session)  # the cart's new expiry goes with the turn's last statement
        customer, conversation = await customer_and_conversation(session, store, msg, now, sender)
        turn = Turn(session=session, store=store, customer=customer, conversation=conversation,
                    inbound=msg, now=now, settings=self.settings, payments=self.payments)
        understanding = read_message(turn, index)
        if understanding is not None:
            remember_language(turn, understanding)
            await respond(turn, understanding, index)
        remember_buttons(turn)
        conversation.last_activity_at = now
        await end_turn(session, store.id, turn.replies, conversation, customer)
        return turn.replies
