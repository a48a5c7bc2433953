"""A store's status (pending, active, paused) and its history: the store_events rows every change leaves."""
from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.catalog.stores import StoreError
from vyaparai.db.models import Store, StoreEvent
from vyaparai.db.types import utcnow

__all__ = [
    "StatusChangeRefused", "STATUSES", "MAX_REASON_LENGTH", "pause_store", "resume_store", "verify_store",
    "record_event", "store_history",
]

logger = logging.getLogger(__name__)

STATUSES = ("pending", "active", "paused")
MAX_REASON_LENGTH = 500
# (new status, old status) -> the history's name for the change
_EVENT_KINDS = {("paused", "active"): "paused", ("active", "paused"): "resumed", ("active", "pending"): "verified"}


class StatusChangeRefused(StoreError):
    """A status change that does not apply: resuming an active store, pausing without a reason...

    `problem` is stable for callers that translate it: "not_active", "not_paused", "not_pending", "no_reason",
    "reason_too_long".
    """

    code = "status_change_refused"

    def __init__(self, store_code: str, status: str, problem: str, message: str):
        super().__init__(message)
        self.store_code, self.status, self.problem = store_code, status, problem


async def pause_store(session: AsyncSession, store: Store, *, reason: str, actor: str,
                      now: datetime | None = None) -> None:
    """Stop an active store taking orders; the reason is kept in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise StatusChangeRefused(store.code, store.status, "no_reason", "give a reason for pausing the store")
    if len(reason) > MAX_REASON_LENGTH:
        raise StatusChangeRefused(store.code, store.status, "reason_too_long",
                                  f"the reason is longer than {MAX_REASON_LENGTH} characters")
    await _change_status(session, store, "active", "paused", actor=actor, reason=reason, now=now,
                         problem="not_active", refusal="only an active store can be paused")


async def resume_store(session: AsyncSession, store: Store, *, actor: str, now: datetime | None = None) -> None:
    """Let a paused store take orders again."""
    await _change_status(session, store, "paused", "active", actor=actor, reason=None, now=now,
                         problem="not_paused", refusal="only a paused store can be resumed")


async def verify_store(session: AsyncSession, store: Store, *, actor: str, now: datetime | None = None) -> None:
    """Accept an onboarded (pending) store: it starts taking orders."""
    await _change_status(session, store, "pending", "active", actor=actor, reason=None, now=now,
                         problem="not_pending", refusal="only a pending store can be verified")


async def record_event(session: AsyncSession, store_id: int | None, kind: str, *, actor: str,
                       reason: str | None = None, detail: dict | None = None,
                       now: datetime | None = None) -> StoreEvent:
    """Add one history row in the caller's transaction. `detail` must never hold a customer's personal data."""
    event = StoreEvent(store_id=store_id, kind=kind, actor=_checked_actor(actor), reason=reason,
                       detail=detail or {}, at=now or utcnow())
    session.add(event)
    await session.flush()
    return event


async def store_history(session: AsyncSession, store_id: int, limit: int = 50) -> list[StoreEvent]:
    """The store's events, newest first."""
    rows = await session.scalars(
        select(StoreEvent).where(StoreEvent.store_id == store_id)
        .order_by(StoreEvent.at.desc(), StoreEvent.id.desc()).limit(limit)
    )
    return list(rows)


async def _change_status(session: AsyncSession, store: Store, old: str, new: str, *, actor: str,
                         reason: str | None, now: datetime | None, problem: str, refusal: str) -> None:
    actor = _checked_actor(actor)
    # A conditional update, so two operators pressing "resume" at once leave one change and one history row.
    changed = await session.execute(
        update(Store).where(Store.id == store.id, Store.status == old).values(status=new)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:
        await session.refresh(store, ["status"])
        raise StatusChangeRefused(store.code, store.status, problem, f"{refusal}; {store.code} is {store.status}")
    set_committed_value(store, "status", new)  # the row already says so; no second UPDATE
    await record_event(session, store.id, _EVENT_KINDS[new, old], actor=actor, reason=reason,
                       detail={"from": old, "to": new}, now=now)
    logger.info("store %s: %s -> %s by %s", store.code, old, new, actor.split(":")[0])


def _checked_actor(actor: str) -> str:
    """Who made a change, as the history shows it; a missing one is a caller's bug, not a refusal."""
    actor = (actor or "").strip()
    if not actor or len(actor) > 64:
        raise ValueError(f"an actor of 1-64 characters, like 'cli' or 'operator:+9198...', not {actor!r}")
    return actor
