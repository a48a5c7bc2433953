"""Deliver due outbox rows through push channels: claimed in order per recipient (workers/outbox_claim.py),
sent within each number's rate, marked exactly once; pull channels are skipped.

A reply the provider accepted is not sent again because marking it failed: the mark is retried with
backoff, keeping the provider's id. Only a process that dies between the send and the mark leaves a
row whose lease runs out and is sent again (push delivery stays at least once).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import NamedTuple
from datetime import datetime, timedelta

from sqlalchemy import Update, bindparam, update
from sqlalchemy.exc import SQLAlchemyError

from vyaparai.bot.inbox import storable_error
from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import Channel, ChannelError
from vyaparai.db import driver
from vyaparai.db.engine import Sessions, single_statements
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.orders.privacy import finished_goodbye
from vyaparai.workers.outbox_claim import Claimed, claim_due, constants, engine_of, waiting_behind
from vyaparai.workers.rate_limit import SendLimits

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_SECONDS = (2, 5, 15, 60, 300, 900, 1800)
# Marking a sent row is retried for about the lease: past it the row would be claimed and sent again.
MARK_RETRY_DELAYS = (0.05, 0.2, 0.5, 1, 2, 4, 8, 15, 25)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1])


async def deliver_due(sessions: Sessions, channels: Mapping[str, Channel], *, now: datetime | None = None,
                      limit: int = 50, max_attempts: int = MAX_ATTEMPTS, limits: SendLimits | None = None) -> int:
    """Send what is due, claim after claim while every send succeeds and more may be due; returns how many were sent.

    After `max_attempts` tries a row is "failed" for good. One claim holds one row per recipient, so
    a recipient's next reply comes with the next claim.
    """
    now = now or utcnow()
    sent = 0
    while sent < limit:
        asked = limit - sent
        claimed = await claim_due(sessions, now, asked)
        if not claimed:
            break
        done = await deliver_claimed(sessions, channels, claimed, max_attempts=max_attempts, limits=limits)
        sent += done.sent
        if done.sent < len(claimed) or not (done.waiting_behind or len(claimed) == asked):
            break  # a row failed and waits for its backoff, or nothing is due behind these: no claim would help
    return sent


class Delivered(NamedTuple):
    sent: int
    # A claimed row's recipient has a reply written after it (held back while this one was in flight,
    # perhaps by another process): claim again now, or it would wait for the next poll.
    waiting_behind: bool


async def deliver_claimed(sessions: Sessions, channels: Mapping[str, Channel], claimed: list[Claimed], *,
                          max_attempts: int = MAX_ATTEMPTS, limits: SendLimits | None = None) -> Delivered:
    """Send claimed rows side by side (they are for different recipients), then mark them all at once."""
    if len(claimed) == 1:  # the common case at a quiet moment: no task to wait for
        outcomes = [await _send(channels, claimed[0], max_attempts, limits)]
    else:
        outcomes = await asyncio.gather(*(_send(channels, row, max_attempts, limits) for row in claimed))
    waiting_behind = await _mark(sessions, outcomes)
    return Delivered(sum(1 for _row, values in outcomes if values["status"] == "sent"), waiting_behind)


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


_OUTBOX = OutboxMessage.__table__
_MARKS: dict[tuple[tuple[str, ...], bool], Update] = {}
[SENDING] = constants("sending")


def _mark_statement(columns: tuple[str, ...], one_row: bool) -> Update:
    """The mark of rows whose outcome sets these columns, built once per set of columns. Marking one row it
    also says whether a reply waits behind it; many rows go as an executemany, which cannot say."""
    statement = _MARKS.get((columns, one_row))
    if statement is None:
        statement = (update(_OUTBOX).where(_OUTBOX.c.id == bindparam("row_id"), _OUTBOX.c.status == SENDING)
                     .values(lease_until=None, **{name: bindparam(f"new_{name}", type_=_OUTBOX.c[name].type)
                                                  for name in columns}))
        if one_row:
            statement = statement.returning(waiting_behind())
        _MARKS[(columns, one_row)] = statement
    return statement


def _marks(outcomes: list[tuple[Claimed, dict]]) -> dict[tuple[str, ...], list[dict]]:
    """The outcomes grouped by the columns they set (a None value leaves its column as it is)."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row, values in outcomes:
        values = {name: value for name, value in values.items() if value is not None}
        groups.setdefault(tuple(sorted(values)), []).append(
            {"row_id": row.id, **{f"new_{name}": value for name, value in values.items()}})
    return groups


async def _mark(sessions: Sessions, outcomes: list[tuple[Claimed, dict]]) -> bool:
    """Record every outcome: one statement per kind of outcome (for many rows an executemany, which asyncpg
    pipelines: one round trip). True when a reply may wait behind a marked row (always, for many rows).

    A failure to record is retried, never answered by a re-send; a kind already recorded is not
    written again (by then another sender may have claimed a row that was put back to wait).
    """
    waiting, behind = _marks(outcomes), False
    for attempt, delay in enumerate((*MARK_RETRY_DELAYS, None), start=1):
        try:
            for columns in list(waiting):
                behind = await _mark_group(sessions, columns, waiting[columns]) or behind
                del waiting[columns]
            return behind
        except (SQLAlchemyError, OSError) as e:
            if delay is None:
                logger.error("could not record the outcome of outbox rows %s after %d tries: %s",
                             [row.id for row, _ in outcomes], attempt, e)
                return behind
            logger.warning("recording outbox outcomes failed (try %d), again in %.2f s: %s", attempt, delay, e)
            await asyncio.sleep(delay)
    return behind


async def _mark_group(sessions: Sessions, columns: tuple[str, ...], rows: list[dict]) -> bool:
    # The short way (db/driver.py): through SQLAlchemy's execution layer the mark cost twice the claim's CPU.
    async with single_statements(engine_of(sessions)) as conn:
        if len(rows) > 1:
            await driver.execute(conn, _mark_statement(columns, one_row=False), rows)
            return True
        return bool((await driver.execute(conn, _mark_statement(columns, one_row=True), rows[0])).scalar())
