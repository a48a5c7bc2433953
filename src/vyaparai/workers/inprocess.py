"""Run jobs as asyncio tasks in the web process (no Redis): the one-machine mode."""
from __future__ import annotations

import asyncio
import logging

from vyaparai.workers import jobs
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)


class InProcessJobs:
    def __init__(self, services: Services, *, sweep_every: float = 5.0):
        self.services = services
        self.sweep_every = sweep_every
        self._tasks: set[asyncio.Task] = set()
        self._sweeper: asyncio.Task | None = None

    def enqueue_inbound(self, inbound_id: int) -> None:
        self._spawn(jobs.process_inbound(self.services, inbound_id), f"inbound-{inbound_id}")

    def kick_delivery(self) -> None:
        self._spawn(jobs.deliver_outbox(self.services), "deliver")

    def _spawn(self, coro, name: str) -> None:
        task = asyncio.create_task(self._guard(coro, name), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _guard(coro, name: str) -> None:
        try:
            await coro
        except Exception:
            # The sweeper retries anything left unprocessed or undelivered.
            logger.exception("job %s failed", name)

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="sweeper")

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self.sweep_every)
            await self._guard(jobs.sweep(self.services), "sweep")

    async def drain(self) -> None:
        """Wait for the jobs started so far (tests and shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def stop(self) -> None:
        if self._sweeper:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)
        await self.drain()
