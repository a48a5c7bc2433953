"""Which store's WhatsApp number a reply goes out from, when the message itself does not say."""
from __future__ import annotations

import time

from sqlalchemy import select

from vyaparai.bot.messages import OutboundMessage
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Conversation, Store, StoreChannel

CHANNEL = "whatsapp"
# How long the store → number map is reused: a number connected since is used within this long, and
# until then its stores' replies go out as before (from the lookup below), never from a wrong store.
REMEMBER_SECONDS = 30.0


class StoreNumbers:
    """Finds the sending phone-number id for a reply.

    Every outbox row knows its store, and delivery passes it along (`meta["store_id"]`): the reply goes
    out from that store's number, with no query (the map of numbers is kept for a few seconds). A
    message without it (an older row) is answered the old way: a customer from the store they last
    wrote to, a shopkeeper from their own store, with a single WhatsApp store from its number.
    """

    def __init__(self, sessions: Sessions, *, clock=time.monotonic):
        self.sessions = sessions
        self._clock = clock
        self._numbers: dict[int, str] = {}
        self._read_at: float | None = None

    async def __call__(self, message: OutboundMessage) -> str | None:
        numbers = await self._store_numbers()
        store_id = message.meta.get("store_id")
        if isinstance(store_id, int) and store_id in numbers:
            return numbers[store_id]
        if len(numbers) <= 1:
            return next(iter(numbers.values()), None)
        return await self._by_recipient(message, numbers)

    async def _store_numbers(self) -> dict[int, str]:
        now = self._clock()
        if self._read_at is None or now - self._read_at > REMEMBER_SECONDS:
            async with self.sessions() as session:
                self._numbers = dict((await session.execute(
                    select(StoreChannel.store_id, StoreChannel.external_id).where(StoreChannel.channel == CHANNEL)
                )).all())
            self._read_at = now
        return self._numbers

    async def _by_recipient(self, message: OutboundMessage, numbers: dict[int, str]) -> str | None:
        async with self.sessions() as session:
            store_id = await session.scalar(
                select(Conversation.store_id)
                .where(Conversation.channel == CHANNEL, Conversation.recipient == message.recipient)
                .order_by(Conversation.last_activity_at.desc()).limit(1)
            )
            if store_id is None or message.kind == "alert":
                owned = (await session.scalars(select(Store).where(Store.id.in_(numbers)))).all()
                store_id = next((s.id for s in owned if message.recipient in (s.owner_phones or ())), store_id)
            return numbers.get(store_id)
