"""Whose data a data-rights request covers: the customers behind a phone, and the store's rows that carry them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from vyaparai.catalog.stores import InvalidStoreValue, normalize_phone
from vyaparai.db.models import (
    Cart,
    Conversation,
    Customer,
    CustomerAddress,
    CustomerIdentity,
    InboundLog,
    Order,
    OutboxMessage,
    Store,
)
from vyaparai.orders.customers import PHONE_PROVING_CHANNELS
from vyaparai.orders.errors import OrderError

# A name shorter than this is left in other people's messages: "Om" would blank every "om" in a greeting.
MIN_NAME_CHARS = 3


class CustomerNotFound(OrderError):
    """No customer with this phone has ever dealt with this store."""

    code = "customer_not_found"

    def __init__(self, store_code: str, phone: str):
        self.store_code = store_code
        super().__init__(f"no customer of store {store_code} with phone {phone}")


class InvalidPhone(OrderError):
    code = "invalid_phone"

    def __init__(self, phone: str, problem: str):
        super().__init__(f"{phone!r} is {problem}")


@dataclass
class Subject:
    """The person a request is about, as this store knows them: customer rows, their channel ids, phones, names."""

    store: Store
    customers: list[Customer]
    identities: list[tuple[str, str]] = field(default_factory=list)  # (channel, external_id)
    phones: set[str] = field(default_factory=set)  # as stored: "9198...", "+9198..."
    names: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)  # saved, and where this store's orders went

    @property
    def ids(self) -> list[int]:
        return [c.id for c in self.customers]

    def mentions(self) -> list[str]:
        """Strings that point at this person inside free text: their numbers (with and without the
        country code), their names and their addresses."""
        digits = {re.sub(r"\D", "", p) for p in self.phones}
        national = {d[-10:] for d in digits if len(d) >= 10}
        # The whole name, and each of its words: a note may say only "handed to Meena".
        words = {w for n in self.names for w in [n.strip(), *n.split()] if len(w) >= MIN_NAME_CHARS}
        places = {a.strip() for a in self.addresses if len(a.strip()) >= MIN_NAME_CHARS}
        return sorted(digits | national | words | places, key=len, reverse=True)


def phone_forms(phone: str) -> set[str]:
    """Every way we store one number: WhatsApp's digits with the country code, and with a '+'."""
    try:
        digits = normalize_phone(phone)
    except InvalidStoreValue as e:
        raise InvalidPhone(phone, e.problem) from None
    return {digits, "+" + digits}


async def subject_by_phone(session: AsyncSession, store: Store, phone: str) -> Subject:
    """The customers of `store` known by `phone` (as their number, or as their id on a channel that
    proves it); CustomerNotFound when none of them ever dealt with the store."""
    forms = phone_forms(phone)
    by_identity = select(CustomerIdentity.customer_id).where(
        CustomerIdentity.channel.in_(PHONE_PROVING_CHANNELS), CustomerIdentity.external_id.in_(forms))
    query = (select(Customer).where(or_(Customer.phone.in_(forms), Customer.id.in_(by_identity)),
                                    _deals_with(store.id)).order_by(Customer.id))
    customers = list((await session.scalars(query)).all())
    if not customers:
        raise CustomerNotFound(store.code, phone)
    subject = await subject_of(session, store, customers)
    subject.phones |= forms
    return subject


async def subject_of(session: AsyncSession, store: Store, customers: list[Customer]) -> Subject:
    """The identities, phones and names of these customer rows."""
    ids = [c.id for c in customers]
    identities = (await session.execute(
        select(CustomerIdentity.channel, CustomerIdentity.external_id)
        .where(CustomerIdentity.customer_id.in_(ids)).order_by(CustomerIdentity.id))).all()
    saved = (await session.scalars(select(CustomerAddress.text).where(CustomerAddress.customer_id.in_(ids)))).all()
    delivered_to = (await session.scalars(select(Order.delivery_address).where(
        Order.store_id == store.id, Order.customer_id.in_(ids), Order.delivery_address.is_not(None)))).all()
    return Subject(store=store, customers=customers, identities=[tuple(i) for i in identities],
                   phones={c.phone for c in customers if c.phone}, names={c.name for c in customers if c.name},
                   addresses=set(saved) | set(delivered_to))


def _deals_with(store_id: int) -> ColumnElement[bool]:
    """The customer has a conversation, a cart or an order with the store."""
    return or_(*(exists().where(table.customer_id == Customer.id, table.store_id == store_id)
                 for table in (Conversation, Cart, Order)))


async def deals_elsewhere(session: AsyncSession, customer_id: int, store_id: int) -> bool:
    """The customer row is also used by another store (a chat, a cart or an order there)."""
    for table in (Conversation, Cart, Order):
        found = await session.scalar(select(table.id).where(table.customer_id == customer_id,
                                                            table.store_id != store_id).limit(1))
        if found is not None:
            return True
    return False


def inbound_from(subject: Subject) -> ColumnElement[bool]:
    """Messages this store received from the person: sent from one of their ids, or from their number."""
    sender = InboundLog.payload["sender"].as_string()
    by_id = [and_(InboundLog.channel == channel, sender == external_id) for channel, external_id in subject.identities]
    by_phone = InboundLog.payload["sender_phone"].as_string().in_(sorted(subject.phones))
    return and_(InboundLog.store_id == subject.store.id, or_(by_phone, *by_id))


def outbox_to(subject: Subject) -> ColumnElement[bool]:
    """Replies this store queued for the person, on any of their ids or numbers."""
    to_id = [and_(OutboxMessage.channel == channel, OutboxMessage.recipient == external_id)
             for channel, external_id in subject.identities]
    to_phone = OutboxMessage.recipient.in_(sorted(subject.phones))
    return and_(OutboxMessage.store_id == subject.store.id, or_(to_phone, *to_id))
