"""A customer's data rights (India's DPDP Act 2023), for one store: a copy of what it keeps, and erasure.

The request is made to the business, so it covers what one store keeps. A customer row that
another store also uses (one person across shops, joined by a phone a provider vouches for) keeps
what that store needs; this store's orders are moved to an anonymous row instead. See docs/privacy.md.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import String, case, cast, delete, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import (
    Cart,
    Conversation,
    Customer,
    CustomerAddress,
    CustomerIdentity,
    InboundLog,
    Order,
    OrderStatusEvent,
    OutboxMessage,
    Store,
    StoreEvent,
)
from vyaparai.db.types import utcnow
from vyaparai.orders.errors import OrderError
from vyaparai.orders.privacy_export import Kept, export_customer, export_subject, kept_about
from vyaparai.orders.privacy_scope import (
    CustomerNotFound,
    InvalidPhone,
    Subject,
    deals_elsewhere,
    inbound_from,
    outbox_to,
    subject_by_phone,
    subject_of,
)
from vyaparai.orders.states import OPEN_STATUSES

__all__ = ["GOODBYE_FLAG", "CustomerNotFound", "Forgotten", "InvalidPhone", "Kept", "OrdersStillOpen",
           "export_customer", "export_subject", "forget", "finished_goodbye", "forget_customer", "kept_about",
           "subject_of"]

ERASED = "[erased]"  # what stands where a name or a number was, in texts that stay (an owner's order alert)
ERASED_MESSAGE = {"erased": True}  # an inbound message's payload once it is erased


class OrdersStillOpen(OrderError):
    """Orders not yet delivered or cancelled: erasing their address now would stop the delivery."""

    code = "orders_still_open"

    def __init__(self, numbers: list[int]):
        self.numbers = numbers
        super().__init__("orders still open: " + ", ".join(f"#{n}" for n in numbers))


@dataclass(frozen=True)
class Forgotten:
    """What one erasure did, in counts: this is all the store's history keeps of it."""

    customers_anonymised: int  # rows left with no name, phone, ids or addresses
    customers_detached: int  # rows another store still uses: this store's orders moved off them
    orders_anonymised: int
    conversations: int
    carts: int
    identities: int
    addresses: int
    messages_erased: int  # what they sent
    replies_deleted: int  # what was sent to them
    mentions_erased: int  # other messages (the owner's order alerts) that named them

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


async def forget_customer(session: AsyncSession, store: Store, phone: str, *, actor: str,
                          now: datetime | None = None) -> Forgotten:
    """Erase what `store` keeps about the customer with this phone; CustomerNotFound, OrdersStillOpen."""
    return await forget(session, await subject_by_phone(session, store, phone), actor=actor, now=now)


async def forget(session: AsyncSession, subject: Subject, *, actor: str, now: datetime | None = None) -> Forgotten:
    now = now or utcnow()
    await _refuse_open_orders(session, subject)
    elsewhere = {cid: await deals_elsewhere(session, cid, subject.store.id) for cid in subject.ids}
    messages, names = await _erase_messages(session, subject)
    subject.names |= names  # a WhatsApp profile name may have changed since the customer row took it
    mentions = subject.mentions()
    replies = await _count(session, delete(OutboxMessage).where(outbox_to(subject)))
    mentioned = await _erase_mentions(session, subject, mentions)
    orders = await _anonymise_orders(session, subject, mentions, [c for c, other in elsewhere.items() if other], now)
    conversations = await _count(session, delete(Conversation).where(
        Conversation.store_id == subject.store.id, Conversation.customer_id.in_(subject.ids)))
    carts = await _count(session, delete(Cart).where(Cart.store_id == subject.store.id,
                                                     Cart.customer_id.in_(subject.ids)))
    alone = [c for c in subject.customers if not elsewhere[c.id]]
    identities, addresses = await _anonymise_customers(session, alone, now)
    result = Forgotten(
        customers_anonymised=len(alone), customers_detached=len(subject.customers) - len(alone),
        orders_anonymised=orders, conversations=conversations, carts=carts, identities=identities,
        addresses=addresses, messages_erased=messages, replies_deleted=replies, mentions_erased=mentioned)
    session.add(StoreEvent(store_id=subject.store.id, kind="customer_forgotten", actor=actor,
                           reason="the customer's request (DPDP Act 2023, s. 12)", detail=result.as_dict(), at=now))
    await session.flush()
    return result


async def _refuse_open_orders(session: AsyncSession, subject: Subject) -> None:
    numbers = (await session.scalars(
        select(Order.number).where(Order.store_id == subject.store.id, Order.customer_id.in_(subject.ids),
                                   Order.status.in_(OPEN_STATUSES)).order_by(Order.number))).all()
    if numbers:
        raise OrdersStillOpen(list(numbers))


async def _count(session: AsyncSession, statement) -> int:
    result = await session.execute(statement.execution_options(synchronize_session="fetch"))
    return result.rowcount or 0


async def _erase_messages(session: AsyncSession, subject: Subject) -> tuple[int, set[str]]:
    """Empty what the customer sent, keeping each row as a bare count of what the store received.

    The row is kept, not deleted: the message being handled right now is one of them, and its
    handler marks it processed when this turn commits. The provider's message id goes too (an SMS
    provider's id can hold the sender's number), so a very late redelivery would be read afresh.
    """
    rows = (await session.execute(select(InboundLog.id, InboundLog.payload).where(inbound_from(subject)))).all()
    if not rows:
        return 0, set()
    names = {p.get("sender_name") for _id, p in rows if isinstance(p, dict) and p.get("sender_name")}
    await session.execute(
        update(InboundLog).where(InboundLog.id.in_([row_id for row_id, _ in rows]))
        .values(payload=ERASED_MESSAGE, error=None,
                provider_message_id=literal("erased:").concat(cast(InboundLog.id, String)),
                status=case((InboundLog.status == "processed", "processed"), else_="erased"))
        .execution_options(synchronize_session="fetch"))
    return len(rows), names


async def _erase_mentions(session: AsyncSession, subject: Subject, mentions: list[str]) -> int:
    """Blank the customer's name and number in the store's other messages (the owner's new-order alert)."""
    numbers = list((await session.scalars(select(Order.number).where(
        Order.store_id == subject.store.id, Order.customer_id.in_(subject.ids)))).all())
    about_orders = OutboxMessage.payload[("meta", "order_number")].as_integer().in_(numbers)
    # JSON may keep non-Latin text escaped, so names are looked for only in rows found by order or number.
    digits = [cast(OutboxMessage.payload, String).like(f"%{m}%") for m in mentions if m.isdigit()]
    rows = (await session.scalars(select(OutboxMessage).where(
        OutboxMessage.store_id == subject.store.id, or_(about_orders, *digits)))).all()
    changed = 0
    for row in rows:
        text = scrub(row.payload.get("text") or "", mentions)
        if text != row.payload.get("text"):
            row.payload = {**row.payload, "text": text}
            changed += 1
    return changed


async def _anonymise_orders(session: AsyncSession, subject: Subject, mentions: list[str], shared: list[int],
                            now: datetime) -> int:
    """Orders stay for the shop's accounts (items, totals, dates) without where they went or who they were for."""
    mine = (Order.store_id == subject.store.id) & Order.customer_id.in_(subject.ids)
    orders = list((await session.scalars(select(Order).where(mine))).all())
    if shared:
        # Another store still knows this person: its row stays whole, and ours point at nobody.
        anonymous = Customer(forgotten_at=now)
        session.add(anonymous)
        await session.flush()
    for order in orders:
        order.delivery_address = order.delivery_lat = order.delivery_lon = None
        if order.cancel_reason:
            order.cancel_reason = scrub(order.cancel_reason, mentions)
        if shared and order.customer_id in shared:
            order.customer_id = anonymous.id
    events = (await session.scalars(select(OrderStatusEvent).where(
        OrderStatusEvent.order_id.in_([o.id for o in orders]), OrderStatusEvent.note.is_not(None)))).all()
    for event in events:
        event.note = scrub(event.note, mentions)
    return len(orders)


async def _anonymise_customers(session: AsyncSession, customers: list[Customer], now: datetime) -> tuple[int, int]:
    """The rows stay (past orders point at them) with nothing left that says who they were."""
    ids = [c.id for c in customers]
    if not ids:
        return 0, 0
    identities = await _count(session, delete(CustomerIdentity).where(CustomerIdentity.customer_id.in_(ids)))
    addresses = await _count(session, delete(CustomerAddress).where(CustomerAddress.customer_id.in_(ids)))
    for customer in customers:
        customer.name = customer.phone = customer.preferred_language = None
        customer.forgotten_at = now
    return identities, addresses


def scrub(text: str, mentions: list[str]) -> str:
    """`text` with each mention (longest first) replaced by ERASED, as a whole word, in any letter case;
    a number also as people write it by hand ("98123 45678", "98123-45678")."""
    for mention in mentions:
        pattern = r"[ -]?".join(mention) if mention.isdigit() else re.escape(mention)
        text = re.sub(rf"(?<!\w){pattern}(?!\w)", ERASED, text, flags=re.IGNORECASE)
    return text


# OutboundMessage.meta flag of the goodbye after an erasure: the one row that must keep the customer's
# address on their channel until it is sent, and loses it as soon as it has been (handed over on a pull
# channel, or finished on a push channel: see `finished_goodbye`).
GOODBYE_FLAG = "erase_recipient_after_send"


def finished_goodbye(payload: dict) -> dict | None:
    """For a goodbye that will not be sent again: the outbox values that forget where it went; else None."""
    if not (payload.get("meta") or {}).get(GOODBYE_FLAG):
        return None
    return {"recipient": ERASED, "payload": {**payload, "recipient": ERASED}}
