"""Deliver due outbox rows through push channels: claimed in order per recipient, sent within each number's rate,
marked exactly once; pull channels are skipped.

A claim takes, for each recipient, only the oldest row not yet finished, so two replies to one person
are never in flight together and arrive in the order they were written (a row that keeps failing
stops holding the others back after a few tries). On PostgreSQL the claim is
`FOR UPDATE SKIP LOCKED`: claimers running side by side take different rows and never wait on each
other (the old `UPDATE … IN (subquery)` made them lock rows in different orders and deadlock).
On SQLite every transaction starts with BEGIN IMMEDIATE, so claims run one at a time anyway.

A reply the provider accepted is not sent again because marking it failed: the mark is retried in a
fresh transaction, with backoff, keeping the provider's id. Only a process that dies between the send
and the mark leaves a row whose lease runs out and is sent again (push delivery stays at least once).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Integer, bindparam, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased

from vyaparai.bot.inbox import storable_error
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.outbox import PULL_CHANNELS
from vyaparai.channels.base import Channel, ChannelError
from vyaparai.db.engine import Sessions
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.orders.privacy import finished_goodbye
from vyaparai.workers.rate_limit import SendLimits

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8
BACKOFF_SECONDS = (2, 5, 15, 60, 300, 900, 1800)
UNFINISHED = ("pending", "sending")
REACHED = ("sent", "delivered", "read")
# An order's status update and the shopkeeper's new-order alert still matter after a newer reply went
# out; a stale conversational reply ("which one?") would only confuse, so it is superseded instead.
MUST_GO = frozenset({"notification", "alert"})
# A reply that failed this often no longer holds back the ones written after it (the backoff would keep
# the whole conversation waiting for up to 30 minutes); if a newer one gets through, it is superseded.
HOLD_BEHIND_ATTEMPTS = 3  # ~7 s of retries (2 s, then 5 s)
# Marking a sent row is retried for about the lease: past it the row would be claimed and sent again.
MARK_RETRY_DELAYS = (0.05, 0.2, 0.5, 1, 2, 4, 8, 15, 25)


@dataclass(frozen=True, order=True)
class Claimed:
    id: int
    store_id: int | None
    channel: str
    recipient: str
    payload: dict
    attempts: int
    error: str | None  # the last attempt's, kept when an operator retries a failed reply
    sendable: bool = True

    @property
    def tried_before(self) -> bool:
        return self.attempts > 1 or self.error is not None


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1])


def _claim_statement():
    """The claim, built once (its parameters: now, lease_until, limit): constructing it cost more CPU than running it."""
    now = bindparam("now", type_=OutboxMessage.next_attempt_at.type)
    older = aliased(OutboxMessage)
    oldest_unfinished = ~(
        select(older.id).where(older.channel == OutboxMessage.channel, older.recipient == OutboxMessage.recipient,
                               older.id < OutboxMessage.id, older.status.in_(UNFINISHED),
                               or_(older.status == "sending", older.attempts < HOLD_BEHIND_ATTEMPTS))
        .exists()
    )
    due = (
        select(OutboxMessage.id)
        .where(OutboxMessage.channel.not_in(PULL_CHANNELS), oldest_unfinished)
        .where(or_(
            (OutboxMessage.status == "pending") & (OutboxMessage.next_attempt_at <= now),
            (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now),
        ))
        .order_by(OutboxMessage.id)
        .limit(bindparam("limit", type_=Integer))
        .with_for_update(skip_locked=True)  # SQLite has no row locks: the clause is left out there
    )
    return (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(due.scalar_subquery()))
        .values(status="sending", lease_until=bindparam("lease_until", type_=OutboxMessage.lease_until.type),
                attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id, OutboxMessage.store_id, OutboxMessage.channel, OutboxMessage.recipient,
                   OutboxMessage.payload, OutboxMessage.attempts, OutboxMessage.error)
        .execution_options(synchronize_session=False)
    )


_CLAIM = _claim_statement()


async def claim_due(sessions: Sessions, now: datetime, limit: int = 50) -> list[Claimed]:
    """Lease up to `limit` due rows, at most one per recipient; stale replies are superseded, not returned."""
    while True:
        claimed, superseded = await _claim_once(sessions, now, limit)
        if len(claimed) > superseded or not claimed:
            return [row for row in claimed if row.sendable]
        # All superseded: the rows behind them are due now.


async def _claim_once(sessions: Sessions, now: datetime, limit: int) -> tuple[list[Claimed], int]:
    async with sessions() as session, session.begin():
        claimed = sorted(Claimed(*row) for row in (await session.execute(
            _CLAIM, {"now": now, "lease_until": now + LEASE, "limit": limit})).all())
        stale = await _stale(session, claimed)
        if stale:
            await session.execute(
                update(OutboxMessage).where(OutboxMessage.id.in_(stale))
                .values(status="superseded", lease_until=None, error="a newer reply had already been delivered")
                .execution_options(synchronize_session=False))
            logger.info("outbox rows %s superseded by newer replies already delivered", sorted(stale))
    return [replace(row, sendable=row.id not in stale) for row in claimed], len(stale)


async def _stale(session, claimed: list[Claimed]) -> set[int]:
    """Claimed replies older than one already delivered to the same person (left behind by a crash).

    Only a row tried before can be one: a claim takes a person's oldest unfinished row, so a reply
    on its first attempt has nothing newer delivered ahead of it (and the check costs no statement).
    """
    replies = [row for row in claimed if row.tried_before and row.payload.get("kind", "reply") not in MUST_GO]
    if not replies:
        return set()
    newest_reached = dict(((channel, recipient), newest) for channel, recipient, newest in (await session.execute(
        select(OutboxMessage.channel, OutboxMessage.recipient, func.max(OutboxMessage.id))
        .where(OutboxMessage.recipient.in_({row.recipient for row in replies}), OutboxMessage.status.in_(REACHED))
        .group_by(OutboxMessage.channel, OutboxMessage.recipient))).all())
    return {row.id for row in replies if newest_reached.get((row.channel, row.recipient), 0) > row.id}


async def deliver_due(sessions: Sessions, channels: Mapping[str, Channel], *, now: datetime | None = None,
                      limit: int = 50, max_attempts: int = MAX_ATTEMPTS, limits: SendLimits | None = None) -> int:
    """Send what is due, claim after claim while every send succeeds; returns how many were sent.

    After `max_attempts` tries a row is "failed" for good. One claim holds one row per recipient, so
    a recipient's next reply comes with the next claim.
    """
    now = now or utcnow()
    sent = 0
    while sent < limit:
        claimed = await claim_due(sessions, now, limit - sent)
        if not claimed:
            break
        done = await deliver_claimed(sessions, channels, claimed, max_attempts=max_attempts, limits=limits)
        sent += done
        if done < len(claimed):
            break  # a row failed and waits for its backoff: another pass now would not help
    return sent


async def deliver_claimed(sessions: Sessions, channels: Mapping[str, Channel], claimed: list[Claimed], *,
                          max_attempts: int = MAX_ATTEMPTS, limits: SendLimits | None = None) -> int:
    """Send claimed rows side by side (they are for different recipients), then mark them all in one transaction."""
    if len(claimed) == 1:  # the common case at a quiet moment: no task to wait for
        outcomes = [await _send(channels, claimed[0], max_attempts, limits)]
    else:
        outcomes = await asyncio.gather(*(_send(channels, row, max_attempts, limits) for row in claimed))
    await _mark(sessions, outcomes)
    return sum(1 for _row, values in outcomes if values["status"] == "sent")


async def _send(channels: Mapping[str, Channel], row: Claimed, max_attempts: int,
                limits: SendLimits | None) -> tuple[Claimed, dict]:
    channel = channels.get(row.channel)
    if channel is None:
        return row, _finished({"status": "undeliverable", "error": f"channel {row.channel!r} is not configured",
                               "payload": _forgotten(row.payload)}, row.payload)
    if limits is not None:
        await limits.take((row.channel, row.store_id))
    try:
        # The row id goes along so a channel can make a retry idempotent (RBM's messageId); the store
        # id so it can tell which of the store's numbers sends without asking the database.
        provider_id = await channel.send(OutboundMessage.from_dict(
            {**row.payload, "meta": {**(row.payload.get("meta") or {}), "outbox_id": row.id,
                                     "store_id": row.store_id}}))
    except ChannelError as e:
        logger.warning("sending outbox %d on %s failed (attempt %d): %s", row.id, row.channel, row.attempts, e)
        return row, _failure(row, str(e), final=not e.retryable or row.attempts >= max_attempts)
    except Exception as e:  # a bug in an adapter must not stop the other deliveries
        logger.exception("unexpected error sending outbox %d on %s", row.id, row.channel)
        # A row that always crashes is set aside after max_attempts, not retried forever.
        return row, _failure(row, storable_error(repr(e)), final=row.attempts >= max_attempts, forget=False)
    return row, _finished({"status": "sent", "provider_message_id": provider_id, "sent_at": utcnow(),
                           "payload": _forgotten(row.payload)}, row.payload)


def _failure(row: Claimed, error: str, *, final: bool, forget: bool = True) -> dict:
    if final:
        return _finished({"status": "failed", "error": error, "payload": _forgotten(row.payload) if forget else None},
                         row.payload)
    return {"status": "pending", "error": error, "next_attempt_at": utcnow() + backoff(row.attempts)}


def _forgotten(payload: dict) -> dict | None:
    """A secret message's payload without its text (a login code), for once it will not be sent again."""
    if not (payload.get("meta") or {}).get("secret"):
        return None
    return {**payload, "text": "(secret removed after delivery)"}


def _finished(values: dict, payload: dict) -> dict:
    """A row's final values; the goodbye after an erasure also forgets where it went (orders/privacy.py)."""
    return {**values, **(finished_goodbye(payload) or {})}


async def _mark(sessions: Sessions, outcomes: list[tuple[Claimed, dict]]) -> None:
    """Record every outcome; a failure to record is retried in a fresh transaction, never answered by a re-send."""
    for attempt, delay in enumerate((*MARK_RETRY_DELAYS, None), start=1):
        try:
            async with sessions() as session, session.begin():
                for row, values in outcomes:
                    values = {k: v for k, v in values.items() if v is not None}
                    await session.execute(
                        update(OutboxMessage).where(OutboxMessage.id == row.id, OutboxMessage.status == "sending")
                        .values(lease_until=None, **values).execution_options(synchronize_session=False))
            return
        except (SQLAlchemyError, OSError) as e:
            if delay is None:
                logger.error("could not record the outcome of outbox rows %s after %d tries: %s",
                             [row.id for row, _ in outcomes], attempt, e)
                return
            logger.warning("recording outbox outcomes failed (try %d), again in %.2f s: %s", attempt, delay, e)
            await asyncio.sleep(delay)
