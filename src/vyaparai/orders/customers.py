"""Customers: who someone is on a channel, and where they want their groceries delivered."""
from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Customer, CustomerAddress, CustomerIdentity


async def get_or_create_customer(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None = None, phone: str | None = None
) -> Customer:
    """The customer behind (channel, external_id), created on first contact.

    A name or phone we learn later fills in what was missing; it never overwrites what the
    customer already told us.
    """
    customer, _created = await find_or_create_customer(session, channel, external_id, name=name, phone=phone)
    return customer


async def find_or_create_customer(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None = None, phone: str | None = None
) -> tuple[Customer, bool]:
    """As get_or_create_customer, and whether the customer was created by this transaction (so nothing
    else can refer to them yet: their first conversation and cart need no looking up)."""
    customer = await _find_by_identity(session, channel, external_id)
    if customer is None and phone:
        # The same phone number on another channel (SMS after WhatsApp, an RCS reply that fell back to
        # SMS) is the same person: one cart, one address book, one language.
        customer = await _join_by_phone(session, channel, external_id, phone)
    created = False
    if customer is None:
        customer, created = await _create(session, channel, external_id, name=name, phone=phone)
    fill_in_contact(customer, name=name, phone=phone)
    return customer, created


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


# Channels whose provider tells us the sender's own number. A number typed into the web chat proves
# nothing: joining on it would hand someone else's cart, addresses and orders to whoever typed it.
PHONE_PROVING_CHANNELS = ("whatsapp", "sms", "rcs", "telegram")


async def _join_by_phone(session: AsyncSession, channel: str, external_id: str, phone: str) -> Customer | None:
    """The oldest customer known by this phone on a channel that proves it, now also known as
    (channel, external_id); None when there is none."""
    stmt = (select(Customer).join(CustomerIdentity, CustomerIdentity.customer_id == Customer.id)
            .where(Customer.phone == phone, CustomerIdentity.channel.in_(PHONE_PROVING_CHANNELS))
            .order_by(Customer.id).limit(1))
    customer = await session.scalar(stmt)
    if customer is None:
        return None
    try:
        async with session.begin_nested():
            session.add(CustomerIdentity(customer_id=customer.id, channel=channel, external_id=external_id))
            await session.flush()
    except IntegrityError:  # a racing first message added it already
        return await _find_by_identity(session, channel, external_id)
    return customer


async def _create(
    session: AsyncSession, channel: str, external_id: str, *, name: str | None, phone: str | None
) -> tuple[Customer, bool]:
    # Two first messages from the same person can arrive at once (a webhook retry, two workers). The
    # unique (channel, external_id) lets one identity in; the loser's INSERT does nothing, so it drops
    # the customer row it just added and reads the winner's: no SAVEPOINT, the caller's transaction goes on.
    customer = Customer(name=name, phone=phone)
    session.add(customer)
    await session.flush()
    won = await session.scalar(
        _insert_for(session)(CustomerIdentity).values(customer_id=customer.id, channel=channel, external_id=external_id)
        .on_conflict_do_nothing(index_elements=["channel", "external_id"]).returning(CustomerIdentity.id))
    if won is not None:
        return customer, True
    await session.delete(customer)
    existing = await _find_by_identity(session, channel, external_id)
    if existing is None:  # cannot happen: the conflict was on this very identity
        raise RuntimeError(f"customer identity ({channel}, {external_id}) conflicted but is not there")
    return existing, False


def _insert_for(session: AsyncSession):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


async def save_address(
    session: AsyncSession, customer: Customer, text: str, lat: float | None = None, lon: float | None = None
) -> CustomerAddress:
    """Remember a delivery address; saying the same address again does not store it twice."""
    text = text.strip()
    last = await last_address(session, customer)
    if last is not None and last.text == text:
        if lat is not None and lon is not None:
            last.lat, last.lon = lat, lon
        return last
    address = CustomerAddress(customer_id=customer.id, text=text, lat=lat, lon=lon)
    session.add(address)
    await session.flush()
    return address


async def last_address(session: AsyncSession, customer: Customer) -> CustomerAddress | None:
    stmt = (
        select(CustomerAddress)
        .where(CustomerAddress.customer_id == customer.id)
        .order_by(CustomerAddress.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()
