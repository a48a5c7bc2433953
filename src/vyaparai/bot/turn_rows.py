"""The rows one turn works on, in as few statements as the common case allows: the claimed message,
the store, the customer and their conversation with the store (locked, so one customer's messages are
handled in order)."""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.conversation_row import COLUMNS, ConversationRow
from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import Conversation, Customer, InboundLog, Store
from vyaparai.orders.customers import Sender, fill_in_contact, select_by_identity, settle_customer, with_sender


class KnownCustomer(NamedTuple):
    """Someone who has written to this store before: found, with the store, in one statement."""

    store: Store
    customer: Customer
    conversation: ConversationRow


class FirstContact(NamedTuple):
    """A sender new to this store: the store, and what is known of the sender elsewhere (same statement)."""

    store: Store
    sender: Sender


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
                           msg: InboundMessage) -> tuple[Store | None, KnownCustomer | FirstContact | None]:
    """The message's store, and what is known of its sender: one statement for someone who wrote to this
    store before, two for anyone else; the store alone for an owner's terminal."""
    if store_id is None:
        return None, None
    if msg.as_owner:
        return await session.get(Store, store_id), None
    known = await returning_customer(session, store_id, msg)
    if known is not None:
        return known.store, known
    row = (await session.execute(_FIRST_CONTACT, {"store_id": store_id, "channel": msg.channel,
                                                  "external_id": msg.sender, "phone": msg.sender_phone})).one_or_none()
    if row is None:
        return None, None
    return row.Store, FirstContact(row.Store, Sender(row.Customer, row.same_phone_id))


_RETURNING_CUSTOMER = (
    select_by_identity(bindparam("channel"), bindparam("sender")).add_columns(Store, *COLUMNS)
    .join(Conversation, (Conversation.customer_id == Customer.id) & (Conversation.store_id == bindparam("store_id")))
    .join(Store, Store.id == Conversation.store_id)
    .with_for_update(of=Conversation)
)
_FIRST_CONTACT = with_sender(select(Store).where(Store.id == bindparam("store_id")), Store)


async def returning_customer(session: AsyncSession, store_id: int, msg: InboundMessage) -> KnownCustomer | None:
    """The store, the sender and their conversation with it, locked; None for a first message to this store."""
    row = (await session.execute(
        _RETURNING_CUSTOMER, {"channel": msg.channel, "sender": msg.sender, "store_id": store_id}
    )).one_or_none()
    if row is None:
        return None
    return KnownCustomer(row.Store, row.Customer, ConversationRow.from_row(store_id, row.Customer.id, row))


async def customer_and_conversation(session: AsyncSession, store: Store, msg: InboundMessage, now: datetime,
                                    sender: KnownCustomer | FirstContact | None
                                    ) -> tuple[Customer, ConversationRow]:
    """The customer and their locked conversation: as found, or found or created now."""
    if isinstance(sender, KnownCustomer):
        customer, conversation = sender.customer, sender.conversation
        fill_in_contact(customer, name=msg.sender_name, phone=msg.sender_phone)
    else:
        found = sender.sender if sender is not None else Sender(None, None)
        customer, created = await settle_customer(session, msg.channel, msg.sender, found, name=msg.sender_name,
                                                  phone=msg.sender_phone)
        if created:  # no one else can see this customer yet: the conversation is written when the turn ends
            conversation = ConversationRow(store_id=store.id, customer_id=customer.id, channel=msg.channel,
                                           recipient=msg.sender, last_activity_at=now)
        else:
            conversation = await _conversation(session, store, customer.id, msg, now)
    # Replies go where the customer last wrote from.
    conversation.channel, conversation.recipient = msg.channel, msg.sender
    return customer, conversation


_CONVERSATIONS = Conversation.__table__
_LOCKED_CONVERSATION = (
    select(*COLUMNS)
    .where(_CONVERSATIONS.c.store_id == bindparam("store_id"), _CONVERSATIONS.c.customer_id == bindparam("customer_id"))
    .with_for_update()
)


def _start(dialect_insert):
    return (dialect_insert(_CONVERSATIONS)
            .values({c.name: bindparam(c.name, type_=c.type) for c in _CONVERSATIONS.c if c.name != "id"})
            .on_conflict_do_nothing(index_elements=["store_id", "customer_id"])
            .returning(*COLUMNS))


_START_CONVERSATION = {"postgresql": _start(postgresql.insert), "sqlite": _start(sqlite.insert)}


async def _conversation(session: AsyncSession, store: Store, customer_id: int, msg: InboundMessage,
                        now: datetime) -> ConversationRow:
    """The (store, customer) conversation of a customer known elsewhere, started on the first message, locked."""
    new = ConversationRow(store_id=store.id, customer_id=customer_id, channel=msg.channel, recipient=msg.sender,
                          last_activity_at=now)
    # Two first messages racing each other: the second INSERT waits for the first and then does nothing.
    values = {name: getattr(new, name) for name in ("store_id", "customer_id", "channel", "recipient", "state",
                                                    "language", "data", "last_activity_at")}
    started = (await session.execute(_START_CONVERSATION[session.get_bind().dialect.name], values)).one_or_none()
    row = started or (await session.execute(_LOCKED_CONVERSATION, {"store_id": store.id,
                                                                   "customer_id": customer_id})).one()
    return ConversationRow.from_row(store.id, customer_id, row)
