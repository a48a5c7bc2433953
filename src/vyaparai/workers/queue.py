"""Where jobs go: asyncio tasks in this process, or an rq queue on Redis when REDIS_URL is set."""
from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from vyaparai.workers.inprocess import InProcessJobs
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

QUEUE_NAME = "vyaparai"


class Jobs(Protocol):
    def enqueue_inbound(self, inbound_id: int, key: str | None = None) -> None:
        """Process a recorded message; `key` (its sender) keeps one customer's messages in order."""
    def kick_delivery(self) -> None: ...
    async def start(self) -> None: ...
    async def stop(self) -> None: ...


class RqJobs:
    """Hands jobs to rq workers (`vyaparai worker`); the job id makes a repeated enqueue harmless."""

    def __init__(self, redis_url: str):
        from redis import Redis  # imported by a store that runs rq workers, not by every start (the demo)
        from rq import Queue

        self.queue = Queue(QUEUE_NAME, connection=Redis.from_url(redis_url), default_timeout=60)
        self._tasks: set[asyncio.Task] = set()

    def enqueue_inbound(self, inbound_id: int, key: str | None = None) -> None:
        self._submit("vyaparai.workers.rq_jobs.process_inbound", inbound_id, job_id=f"inbound-{inbound_id}")

    def kick_delivery(self) -> None:
        self._submit("vyaparai.workers.rq_jobs.deliver_outbox")

    def _submit(self, func: str, *args, job_id: str | None = None) -> None:
        from rq import Retry

        # rq's enqueue is a blocking Redis call (~1 ms); keep it off the event loop. No job returns anything
        # anyone reads (the database holds the outcome), so a finished job is deleted at once (result_ttl=0):
        # keeping results cost the workers Redis writes and Redis memory for every message. A failed
        # job stays a week for `rq info` and the operator.
        task = asyncio.create_task(asyncio.to_thread(
            self.queue.enqueue, func, *args, job_id=job_id, retry=Retry(max=3, interval=[2, 10, 30]),
            result_ttl=0, failure_ttl=7 * 86400))
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception():
            # The sweeper in `vyaparai worker` still picks the message up from the database.
            logger.error("could not enqueue a job on Redis: %s", task.exception())

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)


def make_jobs(services: Services, *, sweep_every: float = 5.0) -> Jobs:
    if services.settings.redis_url:
        return RqJobs(services.settings.redis_url)
    return InProcessJobs(services, sweep_every=sweep_every)
