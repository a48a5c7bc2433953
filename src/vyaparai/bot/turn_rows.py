"""The rows one turn works on, in as few statements as the common case allows: the claimed message, the
store, the customer and their conversation with the store (locked, so one customer's messages are handled
in order). On PostgreSQL one statement claims the message and reads them all (Core, on db/driver.py's short
way; the store and customer are made ORM objects from its columns); SQLite takes two."""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, literal_column, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from vyaparai.bot.conversation_row import COLUMNS, ConversationRow
from vyaparai.bot.messages import InboundMessage
from vyaparai.db import driver
from vyaparai.db.models import Conversation, Customer, InboundLog, Store
from vyaparai.orders.adopted import adopt_columns, entity_columns
from vyaparai.orders.cart_rows import CART_ROW_COLUMNS, cart_rows_of, preload
from vyaparai.orders.customers import Sender, fill_in_contact, same_phone_id, sender_join, settle_customer


class KnownCustomer(NamedTuple):
    """Someone who has written to this store before, with their conversation (locked)."""

    customer: Customer
    conversation: ConversationRow


class FirstContact(NamedTuple):
    """A sender new to this store, and what is known of them elsewhere."""

    sender: Sender


class ClaimedTurn(NamedTuple):
    message: InboundMessage
    store_id: int | None
    store: Store | None
    sender: KnownCustomer | FirstContact | None  # None for an owner's terminal


_INBOUND, _CONVERSATIONS = InboundLog.__table__, Conversation.__table__
# Hot statements are built once; a turn runs them with its own values (building and keying a statement
# costs about as much client CPU as running it). The claim's one UPDATE takes the message's row lock for
# the whole turn and marks it done: a second process handling the same message waits there, then finds it
# no longer "received". A failed turn rolls the mark back.
_CLAIM = (
    update(_INBOUND)
    .where(_INBOUND.c.id == bindparam("inbound_id"), _INBOUND.c.status == "received")
    .values(status="processed", processed_at=bindparam("claimed_at", type_=_INBOUND.c.processed_at.type))
    .returning(_INBOUND.c.payload, _INBOUND.c.store_id, _INBOUND.c.channel)
)


def _pg_claim_turn():
    """One row per line of the customer's cart (one row without a cart or lines): the claim, the store, the
    customer, their conversation locked, the cart. The cart is read in the statement's snapshot, taken before
    the lock was waited for: `conversation_version` (the locked row's xmin) differs from `conversation_seen`
    (the snapshot's) when a turn of theirs committed meanwhile, and then the cart is read again."""
    claimed = _CLAIM.cte("claimed")
    payload, store_id = claimed.c.payload, claimed.c.store_id
    conversation = (select(*COLUMNS, literal_column("conversations.xmin::text").label("conversation_version"))
                    .where(_CONVERSATIONS.c.store_id == store_id, _CONVERSATIONS.c.customer_id == Customer.id)
                    .with_for_update().lateral("conversation"))
    seen = aliased(_CONVERSATIONS, name="seen")
    seen_version = (select(literal_column("seen.xmin::text")).where(seen.c.id == conversation.c.conversation_id)
                    .scalar_subquery().label("conversation_seen"))
    cart = cart_rows_of(store_id, Customer.id)
    # PostgreSQL locks no row on the nullable side of a LEFT JOIN, but does in a LATERAL subquery.
    joined = (sender_join(claimed.outerjoin(Store, Store.id == store_id), claimed.c.channel,
                          payload["sender"].as_string())
              .outerjoin(conversation, true()).outerjoin(cart, true()))
    return (select(payload, store_id, *_STORE_COLUMNS, *_CUSTOMER_COLUMNS, *cart.c, *conversation.c, seen_version,
                   same_phone_id(payload["sender_phone"].as_string()))
            .select_from(joined).order_by(cart.c.line_id))


# Read as columns (a Core statement: it takes db/driver.py's short way) and made objects by adopt_columns.
_STORE_COLUMNS, _CUSTOMER_COLUMNS = entity_columns(Store, "store_row"), entity_columns(Customer, "customer_row")
_STORE_AT = slice(2, 2 + len(_STORE_COLUMNS))
_CUSTOMER_AT = slice(_STORE_AT.stop, _STORE_AT.stop + len(_CUSTOMER_COLUMNS))
_CART_AT = slice(_CUSTOMER_AT.stop, _CUSTOMER_AT.stop + len(CART_ROW_COLUMNS))


_PG_CLAIM_TURN = _pg_claim_turn()
# SQLite takes the claim, then the rest (no row locks there: the turn's BEGIN IMMEDIATE holds the database).
_SENDER_ROWS = (
    select(Store, Customer, *COLUMNS, same_phone_id(bindparam("phone")))
    .select_from(sender_join(Store, bindparam("channel"), bindparam("external_id")).outerjoin(
        _CONVERSATIONS, (_CONVERSATIONS.c.customer_id == Customer.id) & (_CONVERSATIONS.c.store_id == Store.id)))
    .where(Store.id == bindparam("store_id"))
)


async def claim_turn(session: AsyncSession, inbound_id: int, now: datetime) -> ClaimedTurn | None:
    """Claim the logged message and read the rows its turn needs; None when it was handled already."""
    params = {"inbound_id": inbound_id, "claimed_at": now}
    if session.get_bind().dialect.name == "postgresql":
        rows = (await driver.execute(session, _PG_CLAIM_TURN, params)).all()
        if not rows:
            return None
        row = rows[0]
        msg = InboundMessage.from_dict(row.payload)
        store = adopt_columns(session, Store, row[_STORE_AT])
        customer = adopt_columns(session, Customer, row[_CUSTOMER_AT])
        sender = None if msg.as_owner or store is None else _sender(row, store, customer)
        if isinstance(sender, KnownCustomer) and row.conversation_version == row.conversation_seen:
            preload(session, store.id, customer.id, [r[_CART_AT] for r in rows])
        return ClaimedTurn(msg, row.store_id, store, sender)
    claimed = (await session.execute(_CLAIM, params)).one_or_none()
    if claimed is None:
        return None
    msg = InboundMessage.from_dict(claimed.payload)
    if claimed.store_id is None or msg.as_owner:
        store = None if claimed.store_id is None else await session.get(Store, claimed.store_id)
        return ClaimedTurn(msg, claimed.store_id, store, None)
    row = (await session.execute(_SENDER_ROWS, {"store_id": claimed.store_id, "channel": msg.channel,
                                                "external_id": msg.sender, "phone": msg.sender_phone})).one_or_none()
    if row is None:
        return ClaimedTurn(msg, claimed.store_id, None, None)
    return ClaimedTurn(msg, claimed.store_id, row.Store, _sender(row, row.Store, row.Customer))


def _sender(row, store: Store, customer: Customer | None) -> KnownCustomer | FirstContact:
    if customer is not None and row.conversation_id is not None:
        return KnownCustomer(customer, ConversationRow.from_row(store.id, customer.id, row))
    return FirstContact(Sender(customer, row.same_phone_id))


async def fail_claimed(session: AsyncSession, inbound_id: int, error: str) -> None:
    await session.execute(update(InboundLog).where(InboundLog.id == inbound_id)
                          .values(status="failed", error=error).execution_options(synchronize_session=False))


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
