"""Onboarding a store from the operator console: what `store create` does, plus its starting status,
the starter categories it sells, and the first line of its history."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.starter import StarterResult, apply_starter
from vyaparai.catalog.store_status import record_event
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Store

__all__ = ["NewStore", "Onboarded", "onboard_store"]


@dataclass(frozen=True)
class NewStore:
    """What the onboarding form asks for; the values are checked by create_store."""

    code: str
    name: str
    owner_phone: str
    owner_password: str | None = None
    whatsapp_phone_number_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    address: str | None = None
    opening_hours: dict | None = None
    # An operator who has checked the shop lets it take orders at once; otherwise it waits, "pending", for a verify.
    take_orders_now: bool = True
    starter_categories: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Onboarded:
    store: Store
    starter: StarterResult


async def onboard_store(session: AsyncSession, new: NewStore, *, actor: str) -> Onboarded:
    """Register the store in the caller's transaction; any StoreError or UnknownCategory leaves nothing behind
    once the caller rolls back."""
    store = await create_store(
        session, code=new.code, name=new.name, owner_phones=[new.owner_phone], owner_password=new.owner_password,
        whatsapp_phone_number_id=new.whatsapp_phone_number_id, lat=new.lat, lon=new.lon,
        address=new.address, opening_hours=new.opening_hours)
    store.status = "active" if new.take_orders_now else "pending"
    await session.flush()
    starter = await apply_starter(session, store.id, new.starter_categories)
    await record_event(session, store.id, "created", actor=actor, detail={
        "status": store.status, "starter_categories": sorted(_clean(new.starter_categories)),
        "products_added": starter.added, "whatsapp": bool(new.whatsapp_phone_number_id)})
    return Onboarded(store=store, starter=starter)


def _clean(categories: Iterable[str]) -> set[str]:
    return {c.strip().lower() for c in categories if c and c.strip()}
