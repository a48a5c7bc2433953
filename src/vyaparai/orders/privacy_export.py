"""Everything one store keeps about one customer, as JSON-able data (the DPDP right to a copy)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from vyaparai.catalog.quantity import describe_qty
from vyaparai.db.models import (
    Cart,
    Conversation,
    Customer,
    CustomerAddress,
    InboundLog,
    Order,
    OutboxMessage,
    Payment,
    Store,
    StoreEvent,
)
from vyaparai.db.types import utcnow
from vyaparai.orders.listing import order_as_dict
from vyaparai.orders.privacy_scope import Subject, inbound_from, outbox_to, subject_by_phone


async def export_customer(session: AsyncSession, store: Store, phone: str, *, actor: str = "cli",
                          now: datetime | None = None) -> dict:
    """What `store` keeps about the customer with this phone; CustomerNotFound when it knows nobody by it.
    The export is logged in the store's history (counts only)."""
    data = await export_subject(session, await subject_by_phone(session, store, phone), now=now)
    session.add(StoreEvent(store_id=store.id, kind="customer_exported", actor=actor, at=now or utcnow(),
                           detail={k: len(v) for k, v in data.items() if isinstance(v, list)}))
    await session.flush()
    return data


async def export_subject(session: AsyncSession, subject: Subject, *, now: datetime | None = None) -> dict:
    store_id = subject.store.id
    return {
        "store": {"code": subject.store.code, "name": subject.store.name},
        "exported_at": _when(now or utcnow()),
        "customers": [await _profile(session, c) for c in subject.customers],
        "conversations": await _conversations(session, subject),
        "carts": await _carts(session, subject),
        "orders": await _orders(session, store_id, subject.ids),
        "messages_received": await _messages_received(session, subject),
        "replies_sent": await _replies_sent(session, subject),
    }


async def _profile(session: AsyncSession, customer) -> dict:
    await session.refresh(customer, ["identities"])
    addresses = (await session.scalars(select(CustomerAddress).where(CustomerAddress.customer_id == customer.id)
                                       .order_by(CustomerAddress.id))).all()
    return {
        "name": customer.name, "phone": customer.phone, "language": customer.preferred_language,
        "since": _when(customer.created_at),
        "identities": [{"channel": i.channel, "id": i.external_id} for i in customer.identities],
        "addresses": [{"text": a.text, "lat": a.lat, "lon": a.lon, "saved_at": _when(a.created_at)}
                      for a in addresses],
    }


async def _conversations(session: AsyncSession, subject: Subject) -> list[dict]:
    rows = (await session.scalars(select(Conversation).where(
        Conversation.store_id == subject.store.id, Conversation.customer_id.in_(subject.ids)))).all()
    return [{"channel": c.channel, "state": c.state, "language": c.language, "data": c.data,
             "last_activity_at": _when(c.last_activity_at)} for c in rows]


async def _carts(session: AsyncSession, subject: Subject) -> list[dict]:
    rows = (await session.scalars(select(Cart).where(Cart.store_id == subject.store.id,
                                                     Cart.customer_id.in_(subject.ids))
                                  .options(selectinload(Cart.items)))).all()
    return [{"updated_at": _when(cart.updated_at), "expires_at": _when(cart.expires_at),
             "items": [_cart_line(item) for item in cart.items]} for cart in rows]


def _cart_line(item) -> dict:
    p = item.product
    qty, unit = describe_qty(p.unit, p.pack_base, p.loose, item.qty_milli)
    return {"sku": p.sku, "name": p.name, "qty": qty, "unit": unit}


async def _orders(session: AsyncSession, store_id: int, customer_ids: list[int]) -> list[dict]:
    orders = (await session.scalars(
        select(Order).where(Order.store_id == store_id, Order.customer_id.in_(customer_ids)).order_by(Order.number)
        .options(selectinload(Order.items), selectinload(Order.customer), selectinload(Order.history)))).all()
    payments = {p.order_id: p for p in (await session.scalars(
        select(Payment).where(Payment.order_id.in_([o.id for o in orders])))).all()}
    return [_order(o, payments.get(o.id)) for o in orders]


def _order(order: Order, payment: Payment | None) -> dict:
    return {
        **order_as_dict(order),
        "delivery_fee_paise": order.delivery_fee_paise,
        "delivery_lat": order.delivery_lat, "delivery_lon": order.delivery_lon,
        "language": order.language, "cancel_reason": order.cancel_reason,
        "status_history": [{"from": e.from_status, "to": e.to_status, "by": e.actor, "note": e.note,
                            "at": _when(e.at)} for e in order.history],
        "payment": None if payment is None else {
            "provider": payment.provider, "status": payment.status, "amount_paise": payment.amount_paise,
            "refunded_paise": payment.refunded_paise, "link": payment.short_url,
            "created_at": _when(payment.created_at)},
    }


async def _messages_received(session: AsyncSession, subject: Subject) -> list[dict]:
    rows = (await session.execute(select(InboundLog.received_at, InboundLog.payload)
                                  .where(inbound_from(subject)).order_by(InboundLog.id))).all()
    return [{**payload, "received_at": _when(at)} for at, payload in rows]


async def _replies_sent(session: AsyncSession, subject: Subject) -> list[dict]:
    rows = (await session.execute(select(OutboxMessage.created_at, OutboxMessage.status, OutboxMessage.payload)
                                  .where(outbox_to(subject)).order_by(OutboxMessage.id))).all()
    return [{"created_at": _when(at), "status": status, "channel": p.get("channel"), "text": p.get("text"),
             "buttons": [b.get("title") for b in p.get("buttons") or ()], "link": p.get("link_url")}
            for at, status, p in rows]


def _when(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


@dataclass(frozen=True)
class Kept:
    """What the chat tells a customer who asks what the store keeps about them."""

    orders: int
    addresses: int
    since: datetime


async def kept_about(session: AsyncSession, store: Store, customer: Customer) -> Kept:
    orders = await session.scalar(select(func.count()).select_from(Order).where(
        Order.store_id == store.id, Order.customer_id == customer.id))
    addresses = await session.scalar(select(func.count()).select_from(CustomerAddress).where(
        CustomerAddress.customer_id == customer.id))
    return Kept(orders=orders or 0, addresses=addresses or 0, since=customer.created_at)
