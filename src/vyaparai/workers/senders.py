"""A fixed set of sender tasks per process that deliver the outbox when woken (and now and then regardless).

Inbound jobs do not deliver their own replies: they wake the senders, so the number of claimers stays
fixed however many messages arrive, and one claim serves the replies of many turns.
"""
from __future__ import annotations

import asyncio
import logging

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
        self._wake = asyncio.Event()
        self._wakes = 0  # how many wakes so far: one taken by another sender still counts for this one
        self._busy = 0
        self._tasks: list[asyncio.Task] = []

    def wake(self) -> None:
        """There may be something to send (a turn committed replies, an alert was queued)."""
        self._wakes += 1
        self._wake.set()

    async def start(self) -> None:
        self._tasks = [asyncio.create_task(self._run(), name=f"sender-{i}") for i in range(self.count)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def settle(self) -> None:
        """Wait until no sender is busy and none has been woken (tests, shutdown)."""
        while self._wake.is_set() or self._busy:
            await asyncio.sleep(0.005)

    async def _run(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), self.settings.send_poll_every)
            except TimeoutError:
                pass  # a poll: replies whose backoff ran out, rows another process left
            self._wake.clear()
            self._busy += 1
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
                self._wake.set()  # more is waiting: let another sender claim beside this one
            done = await deliver_claimed(self.services.sessions, self.services.channels, claimed,
                                         max_attempts=self.services.settings.max_attempts, limits=self.limits)
            # Claim again only if something may be due now: the claim was full, a reply waits behind one
            # just marked, or a turn woke the senders meanwhile (another sender may have found its reply
            # held behind one of ours in flight, and claimed nothing).
            if not (len(claimed) == batch or done.waiting_behind or self._wakes != wakes):
                return
