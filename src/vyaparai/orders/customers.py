"""Customers: who someone is on a channel, and where they want their groceries delivered."""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import (
    ColumnElement,
    Join,
    Select,
    and_,
    bindparam,
    case,
    delete,
    insert,
    literal,
    outerjoin,
    select,
    true,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text as sql_text  # `text` is an address's text here
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from vyaparai.db import driver
from vyaparai.db.models import Customer, CustomerAddress, CustomerIdentity
from vyaparai.db.types import utcnow
from vyaparai.orders.adopted import adopt, adopt_columns

# Channels whose provider tells us the sender's own number. A number typed into the web chat proves
# nothing: joining on it would hand someone else's cart, addresses and orders to whoever typed it.
PHONE_PROVING_CHANNELS = ("whatsapp", "sms", "rcs", "telegram")
_CREATED = "vyaparai.customers_created"  # session.info key: ids of the customers this session created


class Sender(NamedTuple):
    """What one lookup (sender_join, same_phone_id) found about (channel, external_id): the customer known by
    it, else the id of the customer the same provider-proved phone belongs to (None when neither)."""

    customer: Customer | None
    same_phone_id: int | None


async def get_or_create_customer(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None = None, phone: str | None = None
) -> Customer:
    """The customer behind (channel, external_id), created on first contact.

    A name or phone we learn later fills in what was missing; it never overwrites what the
    customer already told us.
    """
    customer, _created = await find_or_create_customer(session, channel, external_id, name=name, phone=phone)
    return customer


def sender_join(left, channel, external_id) -> Join:
    """`left` LEFT JOINed to the customer known as (channel, external_id) (SQL expressions: bound or read)."""
    return (outerjoin(left, CustomerIdentity, and_(CustomerIdentity.channel == channel,
                                                   CustomerIdentity.external_id == external_id))
            .outerjoin(Customer, Customer.id == CustomerIdentity.customer_id))


def same_phone_id(phone) -> ColumnElement[int | None]:
    """Beside sender_join's customer: when there is none, the oldest customer with this phone on a channel
    that proves it (the subquery runs only then)."""
    by_phone, proof = aliased(Customer), aliased(CustomerIdentity)
    oldest = (select(by_phone.id).join(proof, proof.customer_id == by_phone.id)
              .where(by_phone.phone == phone, proof.channel.in_(driver.inline(*PHONE_PROVING_CHANNELS)))
              .order_by(by_phone.id).limit(1).correlate(None).scalar_subquery())
    return case((Customer.id.is_(None), oldest)).label("same_phone_id")


# The lookup, hung on a one-row select when nothing else is read with it.
_LOOKUP = (select(Customer, same_phone_id(bindparam("phone")))
           .select_from(sender_join(select(literal(1).label("one")).subquery("one_row"), bindparam("channel"),
                                    bindparam("external_id"))))


async def find_or_create_customer(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None = None, phone: str | None = None
) -> tuple[Customer, bool]:
    """As get_or_create_customer, and whether the customer was created by this transaction (so nothing
    else can refer to them yet: their first conversation and cart need no looking up)."""
    row = (await session.execute(_LOOKUP, {"channel": channel, "external_id": external_id, "phone": phone})).one()
    return await settle_customer(session, channel, external_id, Sender(row.Customer, row.same_phone_id),
                                 name=name, phone=phone)


async def settle_customer(session: AsyncSession, channel: str, external_id: str, found: Sender, *,
                          name: str | None, phone: str | None) -> tuple[Customer, bool]:
    """The customer a lookup found, joined by phone, or created; and whether created now."""
    customer = found.customer
    if customer is None and phone and found.same_phone_id is not None:
        # The same phone number on another channel (SMS after WhatsApp, an RCS reply that fell back to
        # SMS) is the same person: one cart, one address book, one language.
        customer = await _join_by_phone(session, channel, external_id, found.same_phone_id)
    created = False
    if customer is None:
        customer, created = await _create(session, channel, external_id, name=name, phone=phone)
    fill_in_contact(customer, name=name, phone=phone)
    return customer, created


def created_here(session: AsyncSession, customer_id: int) -> bool:
    """Was this customer created by this session (nothing else can refer to them before it commits)?"""
    return customer_id in session.info.get(_CREATED, ())


def fill_in_contact(customer: Customer, *, name: str | None, phone: str | None) -> None:
    """Take a name or phone the channel told us where we had none; never overwrite what we have."""
    if name and not customer.name:
        customer.name = name
    if phone and not customer.phone:
        customer.phone = phone


def select_by_identity(channel: str, external_id: str) -> Select:
    """The customer behind (channel, external_id) as a statement, so a caller can load more rows with it."""
    return (
        select(Customer)
        .join(CustomerIdentity, CustomerIdentity.customer_id == Customer.id)
        .where(CustomerIdentity.channel == channel, CustomerIdentity.external_id == external_id)
    )


async def _find_by_identity(session: AsyncSession, channel: str, external_id: str) -> Customer | None:
    return (await session.execute(select_by_identity(channel, external_id))).scalar_one_or_none()


async def _join_by_phone(session: AsyncSession, channel: str, external_id: str, customer_id: int) -> Customer:
    """The customer known by this phone, now also known as (channel, external_id)."""
    customer = await session.get(Customer, customer_id)
    try:
        async with session.begin_nested():
            session.add(CustomerIdentity(customer_id=customer.id, channel=channel, external_id=external_id))
            await session.flush()
    except IntegrityError:  # a racing first message added it already
        return await _find_by_identity(session, channel, external_id)
    return customer


_CUSTOMERS, _IDENTITIES = Customer.__table__, CustomerIdentity.__table__
_NEW_CUSTOMER = insert(_CUSTOMERS).values(
    name=bindparam("name"), phone=bindparam("phone"), created_at=bindparam("created_at", type_=Customer.created_at.type)
).returning(_CUSTOMERS.c.id)


_IDENTITY_OF = {"channel": bindparam("channel", type_=_IDENTITIES.c.channel.type),
                "external_id": bindparam("external_id", type_=_IDENTITIES.c.external_id.type)}
_NEW_IDENTITY = (sqlite.insert(_IDENTITIES).values(customer_id=bindparam("customer_id"), **_IDENTITY_OF)
                 .on_conflict_do_nothing(index_elements=["channel", "external_id"])
                 .returning(_IDENTITIES.c.customer_id))
# PostgreSQL takes both rows in one statement: the customer's INSERT is a CTE the identity's reads from.
_PG_CUSTOMER = _NEW_CUSTOMER.cte("new_customer")
_PG_IDENTITY = (postgresql.insert(_IDENTITIES)
                .from_select(["customer_id", "channel", "external_id"],
                             select(_PG_CUSTOMER.c.id, _IDENTITY_OF["channel"], _IDENTITY_OF["external_id"]))
                .on_conflict_do_nothing(index_elements=["channel", "external_id"])
                .returning(_IDENTITIES.c.customer_id).cte("new_identity"))
_PG_CREATE = (select(_PG_CUSTOMER.c.id, _PG_IDENTITY.c.customer_id.label("won"))
              .select_from(_PG_CUSTOMER.outerjoin(_PG_IDENTITY, true())))
_DROP_CUSTOMER = delete(_CUSTOMERS).where(_CUSTOMERS.c.id == bindparam("customer_id"))


async def _create(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None, phone: str | None
) -> tuple[Customer, bool]:
    # Two first messages from the same person can arrive at once (a webhook retry, two workers). The
    # unique (channel, external_id) lets one identity in; the loser's INSERT does nothing, so it drops
    # the customer row it just added and reads the winner's: no SAVEPOINT, the caller's transaction goes on.
    now = utcnow()
    params = {"name": name, "phone": phone, "created_at": now, "channel": channel, "external_id": external_id}
    if session.get_bind().dialect.name == "postgresql":
        customer_id, won = (await driver.execute(session, _PG_CREATE, params)).one()
    else:
        customer_id = (await session.execute(_NEW_CUSTOMER, params)).scalar_one()
        won = (await session.execute(_NEW_IDENTITY, {**params, "customer_id": customer_id})).scalar()
    if won is None:
        await session.execute(_DROP_CUSTOMER, {"customer_id": customer_id})
        existing = await _find_by_identity(session, channel, external_id)
        if existing is None:  # cannot happen: the conflict was on this very identity
            raise RuntimeError(f"customer identity ({channel}, {external_id}) conflicted but is not there")
        return existing, False
    session.info.setdefault(_CREATED, set()).add(customer_id)
    customer = Customer(id=customer_id, name=name, phone=phone, preferred_language=None, created_at=now,
                        forgotten_at=None)
    return adopt(session, customer), True


async def save_address(
    session: AsyncSession, customer: Customer, text: str, lat: float | None = None, lon: float | None = None
) -> CustomerAddress:
    """Remember a delivery address; saying the same address again does not store it twice."""
    text = text.strip()
    if session.get_bind().dialect.name == "postgresql":
        row = (await driver.execute(session, _PG_SAVE_ADDRESS, {
            "address_customer_id": customer.id, "address_text": text, "address_lat": lat, "address_lon": lon,
            "address_now": utcnow()})).one()
        address = adopt_columns(session, CustomerAddress, row)
        if lat is not None and lon is not None and (address.lat, address.lon) != (lat, lon):
            address.lat, address.lon = lat, lon  # the same address again, now with its location
        return address
    last = await last_address(session, customer)
    if last is not None and last.text == text:
        if lat is not None and lon is not None:
            last.lat, last.lon = lat, lon
        return last
    address = CustomerAddress(customer_id=customer.id, text=text, lat=lat, lon=lon)
    session.add(address)
    await session.flush()
    return address


def _pg_save_address():
    """The last address kept, or a new one added, in one statement (built once, on db/driver.py's short way)."""
    names = ", ".join(prop.columns[0].name for prop in sa_inspect(CustomerAddress).column_attrs)
    table = CustomerAddress.__table__
    return sql_text(f"""
WITH last AS (SELECT id, text FROM customer_addresses WHERE customer_id = :address_customer_id
              ORDER BY id DESC LIMIT 1),
added AS (INSERT INTO customer_addresses (customer_id, text, lat, lon, created_at)
          SELECT :address_customer_id, :address_text, :address_lat, :address_lon, :address_now
          WHERE NOT EXISTS (SELECT 1 FROM last WHERE last.text = :address_text)
          RETURNING {names})
SELECT {names} FROM added
UNION ALL
SELECT {names} FROM customer_addresses WHERE id = (SELECT id FROM last WHERE last.text = :address_text)
""").bindparams(bindparam("address_customer_id", type_=table.c.customer_id.type),
                bindparam("address_text", type_=table.c.text.type), bindparam("address_lat", type_=table.c.lat.type),
                bindparam("address_lon", type_=table.c.lon.type),
                bindparam("address_now", type_=table.c.created_at.type)).columns(
        *(prop.columns[0] for prop in sa_inspect(CustomerAddress).column_attrs))


_PG_SAVE_ADDRESS = _pg_save_address()


async def last_address(session: AsyncSession, customer: Customer) -> CustomerAddress | None:
    stmt = (
        select(CustomerAddress)
        .where(CustomerAddress.customer_id == customer.id)
        .order_by(CustomerAddress.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()
