"""The outbox claim: lease due rows, the oldest unfinished one per recipient, and supersede stale replies.

A claim takes, for each recipient, only the oldest row not yet finished, so two replies to one person
are never in flight together and arrive in the order they were written (a row that keeps failing
stops holding the others back after a few tries). On PostgreSQL the claim is one autocommit
statement, `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`: claimers side by side
take different rows and never wait on each other, and a claim costs one round trip. On SQLite it runs
in a BEGIN IMMEDIATE transaction, so claims take turns anyway.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, Integer, String, bindparam, func, literal_column, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from vyaparai.bot.outbox import PULL_CHANNELS
from vyaparai.db import driver
from vyaparai.db.engine import Sessions, single_statements
from vyaparai.db.models import OutboxMessage

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
UNFINISHED = ("pending", "sending")
REACHED = ("sent", "delivered", "read")
# An order's status update and the shopkeeper's new-order alert still matter after a newer reply went
# out; a stale conversational reply ("which one?") would only confuse, so it is superseded instead.
MUST_GO = frozenset({"notification", "alert"})
# A reply that failed this often no longer holds back the ones written after it (the backoff would keep
# the whole conversation waiting for up to 30 minutes); if a newer one gets through, it is superseded.
HOLD_BEHIND_ATTEMPTS = 3  # ~7 s of retries (2 s, then 5 s)

_OUTBOX = OutboxMessage.__table__


@dataclass(frozen=True, order=True)
class Claimed:
    id: int
    store_id: int | None
    channel: str
    recipient: str
    payload: dict
    attempts: int
    error: str | None  # the last attempt's, kept when an operator retries a failed reply

    @property
    def tried_before(self) -> bool:
        return self.attempts > 1 or self.error is not None


def engine_of(sessions: Sessions) -> AsyncEngine:
    """The engine a session factory is bound to: the claim and the mark need no ORM session."""
    return sessions.kw["bind"]


def constants(*values: str | int) -> list:
    """Values written into the SQL rather than sent as parameters: in a prepared statement's generic
    plan the planner can then match `status IN ('pending', 'sending')` to the partial indexes, and
    SQLAlchemy has no IN list to expand into the SQL text on every run."""
    return [literal_column(str(v), Integer) if isinstance(v, int) else
            literal_column("'" + v.replace("'", "''") + "'", String) for v in values]


def waiting_behind():
    """True when the outbox row's recipient has a reply written after it that is not finished yet.

    Written out because SQLite's RETURNING drops the table names a correlated subquery needs.
    """
    unfinished = ", ".join(f"'{status}'" for status in UNFINISHED)
    return literal_column(
        "EXISTS (SELECT 1 FROM outbox AS newer WHERE newer.channel = outbox.channel"
        f" AND newer.recipient = outbox.recipient AND newer.id > outbox.id AND newer.status IN ({unfinished}))",
        Boolean)


def _claim_statement():
    """The claim, built once (its parameters: now, lease_until, limit): constructing it cost more CPU than running it."""
    now = bindparam("now", type_=_OUTBOX.c.next_attempt_at.type)
    older = _OUTBOX.alias("older")
    pending, sending, hold_behind, one = constants("pending", "sending", HOLD_BEHIND_ATTEMPTS, 1)
    oldest_unfinished = ~(
        select(older.c.id).where(older.c.channel == _OUTBOX.c.channel, older.c.recipient == _OUTBOX.c.recipient,
                                 older.c.id < _OUTBOX.c.id, older.c.status.in_(constants(*UNFINISHED)),
                                 or_(older.c.status == sending, older.c.attempts < hold_behind))
        .exists()
    )
    due = (
        select(_OUTBOX.c.id)
        .where(_OUTBOX.c.channel.not_in(constants(*sorted(PULL_CHANNELS))), oldest_unfinished)
        .where(or_(
            (_OUTBOX.c.status == pending) & (_OUTBOX.c.next_attempt_at <= now),
            (_OUTBOX.c.status == sending) & (_OUTBOX.c.lease_until < now),
        ))
        .order_by(_OUTBOX.c.id)
        .limit(bindparam("limit", type_=Integer))
        .with_for_update(skip_locked=True)  # SQLite has no row locks: the clause is left out there
    )
    return (
        update(_OUTBOX)
        .where(_OUTBOX.c.id.in_(due.scalar_subquery()))
        .values(status=sending, lease_until=bindparam("lease_until", type_=_OUTBOX.c.lease_until.type),
                attempts=_OUTBOX.c.attempts + one)
        .returning(_OUTBOX.c.id, _OUTBOX.c.store_id, _OUTBOX.c.channel, _OUTBOX.c.recipient, _OUTBOX.c.payload,
                   _OUTBOX.c.attempts, _OUTBOX.c.error)
    )


_CLAIM = _claim_statement()
_NEWEST_REACHED = (
    select(_OUTBOX.c.channel, _OUTBOX.c.recipient, func.max(_OUTBOX.c.id))
    .where(_OUTBOX.c.recipient.in_(bindparam("recipients", expanding=True)),
           _OUTBOX.c.status.in_(constants(*REACHED)))
    .group_by(_OUTBOX.c.channel, _OUTBOX.c.recipient)
)
_SUPERSEDE = (
    update(_OUTBOX).where(_OUTBOX.c.id.in_(bindparam("ids", expanding=True)))
    .values(status="superseded", lease_until=None, error="a newer reply had already been delivered")
)


async def claim_due(sessions: Sessions, now: datetime, limit: int = 50) -> list[Claimed]:
    """Lease up to `limit` due rows, at most one per recipient; stale replies are superseded, not returned."""
    sendable: list[Claimed] = []
    async with single_statements(engine_of(sessions)) as conn:
        while len(sendable) < limit:
            asked = limit - len(sendable)
            claimed = sorted(Claimed(*row) for row in (await driver.execute(
                conn, _CLAIM, {"now": now, "lease_until": now + LEASE, "limit": asked})).all())
            stale = await _supersede_stale(conn, claimed)
            sendable += [row for row in claimed if row.id not in stale]
            if not stale:
                break  # else superseding made the rows behind the stale ones due: claim them now
    return sendable


async def _supersede_stale(conn: AsyncConnection, claimed: list[Claimed]) -> set[int]:
    """Mark claimed replies older than one already delivered to the same person (left behind by a crash).

    Only a row tried before can be one: a claim takes a person's oldest unfinished row, so a reply
    on its first attempt has nothing newer delivered ahead of it (and the check costs no statement).
    """
    replies = [row for row in claimed if row.tried_before and row.payload.get("kind", "reply") not in MUST_GO]
    if not replies:
        return set()
    newest_reached = {(channel, recipient): newest for channel, recipient, newest in (await conn.execute(
        _NEWEST_REACHED, {"recipients": sorted({row.recipient for row in replies})})).all()}
    stale = sorted(row.id for row in replies if newest_reached.get((row.channel, row.recipient), 0) > row.id)
    if stale:
        await conn.execute(_SUPERSEDE, {"ids": stale})
        logger.info("outbox rows %s superseded by newer replies already delivered", stale)
    return set(stale)
