"""Every store's health at a glance: status, channels, last message in, orders today and what failed."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import InboundLog, Order, OutboxMessage, Store, StoreChannel, TelegramBot
from vyaparai.orders.india_time import days_utc, ist_date

MAX_STORES = 300
# Waiting for a verify or stopped on purpose: worth a look before a healthy store, after a failing one.
_STATUS_ORDER = {"pending": 0, "paused": 1, "active": 2}


@dataclass
class StoreHealth:
    store: Store
    channels: list[str] = field(default_factory=list)  # "whatsapp", "telegram", "sms", "rcs"; web chat always works
    last_inbound_at: datetime | None = None
    orders_today: int = 0
    failed_deliveries: int = 0  # replies given up on (outbox rows marked failed)
    failed_inbound: int = 0  # customer messages set aside after failing again and again

    @property
    def failures(self) -> int:
        return self.failed_deliveries + self.failed_inbound

    @property
    def has_problems(self) -> bool:
        return bool(self.failures) or self.store.status != "active"


async def stores_health(session: AsyncSession, *, search: str = "", now: datetime,
                        limit: int = MAX_STORES) -> list[StoreHealth]:
    """Stores matching `search` (code, name or owner phone), those with problems first, at most `limit`.

    Failures are counted for every matching store before the cut, so a failing store is never left out;
    the rest is looked up for the shown stores only. Seven statements, however many stores there are.
    """
    stores = (await session.scalars(_matching(search))).all()
    health = {s.id: StoreHealth(store=s) for s in stores}
    for store_id, n in await _grouped(session, OutboxMessage.store_id, func.count(OutboxMessage.id),
                                      OutboxMessage.status == "failed"):
        if store_id in health:
            health[store_id].failed_deliveries = int(n)
    for store_id, n in await _grouped(session, InboundLog.store_id, func.count(InboundLog.id),
                                      InboundLog.status == "failed"):
        if store_id in health:
            health[store_id].failed_inbound = int(n)
    shown = sorted(health.values(), key=lambda h: (-h.failures, _STATUS_ORDER.get(h.store.status, 3), h.store.code))
    shown = shown[:limit]
    await _add_activity(session, {h.store.id: h for h in shown}, now)
    return shown


async def _add_activity(session: AsyncSession, health: dict[int, StoreHealth], now: datetime) -> None:
    """Channels, the last message in and today's orders of the stores shown."""
    ids = list(health)
    if not ids:
        return
    for store_id, channel in await session.execute(
            select(StoreChannel.store_id, StoreChannel.channel).where(StoreChannel.store_id.in_(ids))):
        health[store_id].channels.append(channel)
    for store_id in await session.scalars(select(TelegramBot.store_id).where(TelegramBot.store_id.in_(ids))):
        health[store_id].channels.append("telegram")
    for store_id, at in await _grouped(session, InboundLog.store_id, func.max(InboundLog.received_at),
                                       InboundLog.store_id.in_(ids)):
        health[store_id].last_inbound_at = at
    start, end = days_utc(ist_date(now), ist_date(now))
    for store_id, n in await _grouped(session, Order.store_id, func.count(Order.id), Order.store_id.in_(ids),
                                      Order.placed_at >= start, Order.placed_at < end):
        health[store_id].orders_today = int(n)


def _matching(search: str):
    query = select(Store)
    words = search.strip()
    if not words:
        return query
    digits = "".join(ch for ch in words if ch.isdigit())
    # autoescape: a '%' or '_' typed in the search box is looked for, not a wildcard.
    conditions = [func.lower(Store.code).contains(words.lower(), autoescape=True),
                  func.lower(Store.name).contains(words.lower(), autoescape=True)]
    if len(digits) >= 4:
        # owner_phones is a JSON list of digit strings: a text match on it finds a phone by any part of it.
        conditions.append(cast(Store.owner_phones, String).contains(digits))
    return query.where(or_(*conditions))


async def _grouped(session: AsyncSession, store_column, measure, *conditions):
    """One (store_id, value) row per store: one query for all stores, not one per store."""
    return (await session.execute(
        select(store_column, measure).where(store_column.is_not(None), *conditions).group_by(store_column))).all()
