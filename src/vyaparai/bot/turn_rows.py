"""The rows one turn works on, in as few statements as the common case allows: the claimed message,
the store, the customer and their conversation with the store (locked, so one customer's messages are
handled in order)."""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import Conversation, Customer, InboundLog, Store
from vyaparai.orders.customers import fill_in_contact, find_or_create_customer, select_by_identity


class KnownCustomer(NamedTuple):
    """Someone who has written to this store before: found, with the store, in one statement."""

    store: Store
    customer: Customer
    conversation: Conversation


# Hot statements are built once; a turn runs them with its own values (building and keying a statement
# costs about as much client CPU as running it).
_CLAIM = (
    update(InboundLog)
    .where(InboundLog.id == bindparam("inbound_id"), InboundLog.status == "received")
    .values(status="processed", processed_at=bindparam("claimed_at", type_=InboundLog.processed_at.type))
    .returning(InboundLog.payload, InboundLog.store_id)
)


async def claim(session: AsyncSession, inbound_id: int, now: datetime) -> tuple[InboundMessage, int | None] | None:
    """Mark the logged message processed and return it with its store id; None when it was handled already.

    One UPDATE takes the row lock for the whole turn and marks it done: a second process handling the
    same message waits here, then finds it no longer "received". A failed turn rolls the mark back.
    """
    result = await session.execute(_CLAIM, {"inbound_id": inbound_id, "claimed_at": now},
                                   execution_options={"synchronize_session": False})
    row = result.one_or_none()
    return None if row is None else (InboundMessage.from_dict(row.payload), row.store_id)


async def fail_claimed(session: AsyncSession, inbound_id: int, error: str) -> None:
    await session.execute(update(InboundLog).where(InboundLog.id == inbound_id)
                          .values(status="failed", error=error).execution_options(synchronize_session=False))


async def store_and_sender(session: AsyncSession, store_id: int | None,
                           msg: InboundMessage) -> tuple[Store | None, KnownCustomer | None]:
    """The message's store, and its sender when they wrote to this store before (one statement then)."""
    if store_id is None:
        return None, None
    known = None if msg.as_owner else await returning_customer(session, store_id, msg)
    return (known.store if known else await session.get(Store, store_id)), known


_RETURNING_CUSTOMER = (
    select_by_identity(bindparam("channel"), bindparam("sender")).add_columns(Conversation, Store)
    .join(Conversation, (Conversation.customer_id == Customer.id) & (Conversation.store_id == bindparam("store_id")))
    .join(Store, Store.id == Conversation.store_id)
    .with_for_update(of=Conversation)
)


async def returning_customer(session: AsyncSession, store_id: int, msg: InboundMessage) -> KnownCustomer | None:
    """The store, the sender and their conversation with it, locked; None for a first message to this store."""
    row = (await session.execute(
        _RETURNING_CUSTOMER, {"channel": msg.channel, "sender": msg.sender, "store_id": store_id}
    )).one_or_none()
    return None if row is None else KnownCustomer(row[2], row[0], row[1])


async def customer_and_conversation(session: AsyncSession, store: Store, msg: InboundMessage, now: datetime,
                                    known: KnownCustomer | None) -> tuple[Customer, Conversation]:
    """The customer and their locked conversation: as found, or found or created now."""
    if known is not None:
        customer, conversation = known.customer, known.conversation
        fill_in_contact(customer, name=msg.sender_name, phone=msg.sender_phone)
    else:
        customer, created = await find_or_create_customer(session, msg.channel, msg.sender, name=msg.sender_name,
                                                          phone=msg.sender_phone)
        if created:  # no one else can see this customer yet, so no conversation to look for or race with
            conversation = _new_conversation(store, customer.id, msg, now)
            session.add(conversation)
        else:
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
                conv = _new_conversation(store, customer_id, msg, now)
                session.add(conv)
        except IntegrityError:
            conv = await session.scalar(query)
    return conv


def _new_conversation(store: Store, customer_id: int, msg: InboundMessage, now: datetime) -> Conversation:
    return Conversation(store_id=store.id, customer_id=customer_id, channel=msg.channel, recipient=msg.sender,
                        state="idle", data={}, last_activity_at=now)
