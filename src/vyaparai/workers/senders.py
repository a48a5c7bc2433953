"""A fixed set of sender tasks per process that deliver the outbox when woken (and now and then regardless).

Inbound jobs do not deliver their own replies: they wake the senders, so the number of claimers stays
fixed however many messages arrive, and one claim serves the replies of many turns.
"""
from __future__ import annotations

import asyncio
import logging
from collections import deque

from vyaparai.db.engine import is_sqlite
from vyaparai.db.types import utcnow
from vyaparai.workers.delivery import deliver_claimed
from vyaparai.workers.outbox_claim import claim_due
from vyaparai.workers.pipeline_settings import PipelineSettings
from vyaparai.workers.rate_limit import SendLimits
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

ERROR_PAUSE = 1.0  # after a failed claim (database away), before trying again


class Senders:
    def __init__(self, services: Services, settings: PipelineSettings | None = None, *,
                 limits: SendLimits | None = None):
        self.services = services
        self.settings = settings or PipelineSettings.from_env()
        self.limits = limits or SendLimits(self.settings.send_rate)
        # SQLite has one writer: a second claimer would only wait for the first one's lock.
        self.count = 1 if is_sqlite(services.settings.database_url) else self.settings.senders
        # A wake goes to one idle sender: waking them all for one turn's replies had all but one
        # claim nothing (a wasted round trip each). A wake that finds every sender busy is left
        # `pending` for the first one to finish.
        self._idle: deque[asyncio.Future] = deque()
        self._pending = False
        self._wakes = 0  # how many wakes so far: one taken by another sender still counts for this one
        self._busy = 0  # senders handed a wake or a poll and not done with it: counted by the hand-over itself
        self._tasks: list[asyncio.Task] = []

    def wake(self) -> None:
        """There may be something to send (a turn committed replies, an alert was queued)."""
        self._wakes += 1
        self._hand_over()

    def _hand_over(self) -> None:
        while self._idle:
            waiter = self._idle.popleft()
            if not waiter.done():  # else its poll came first, or it was stopped
                self._start_round(waiter)
                return
        self._pending = True

    def _start_round(self, waiter: asyncio.Future) -> None:
        # Busy from the hand-over on, not from when the sender runs: settle() must not see a gap.
        self._busy += 1
        waiter.set_result(None)

    async def _next_round(self) -> None:
        """Wait for a wake, or for the poll (replies whose backoff ran out, rows another process left)."""
        if self._pending:
            self._pending = False
            self._busy += 1
            return
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        self._idle.append(waiter)
        poll = loop.call_later(self.settings.send_poll_every, self._poll, waiter)
        try:
            await waiter
        finally:
            poll.cancel()

    def _poll(self, waiter: asyncio.Future) -> None:
        if not waiter.done():
            self._idle.remove(waiter)
            self._start_round(waiter)

    async def start(self) -> None:
        self._tasks = [asyncio.create_task(self._run(), name=f"sender-{i}") for i in range(self.count)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def settle(self) -> None:
        """Wait until no sender is busy and none has been woken (tests, shutdown)."""
        while self._pending or self._busy:
            await asyncio.sleep(0.005)

    async def _run(self) -> None:
        while True:
            await self._next_round()
            try:
                await self._send_all_due()
            except Exception:  # a task boundary: the sender must outlive a database hiccup
                logger.exception("delivering the outbox failed")
                await asyncio.sleep(ERROR_PAUSE)
            finally:
                self._busy -= 1

    async def _send_all_due(self) -> None:
        batch = self.settings.send_batch
        while True:
            wakes = self._wakes
            claimed = await claim_due(self.services.sessions, utcnow(), batch)
            if not claimed:
                return
            if len(claimed) == batch:
                self._hand_over()  # more is waiting: let another sender claim beside this one
            done = await deliver_claimed(self.services.sessions, self.services.channels, claimed,
                                         max_attempts=self.services.settings.max_attempts, limits=self.limits)
            # Claim again only if something may be due now: the claim was full, a reply waits behind one
            # just marked, or a turn woke the senders meanwhile (another sender may have found its reply
            # held behind one of ours in flight, and claimed nothing).
            if not (len(claimed) == batch or done.waiting_behind or self._wakes != wakes):
                return
            self._pending = False  # the claim below covers a wake left meanwhile
