"""Run jobs in the web process (no Redis): bounded queues drained by a fixed number of consumers, and the senders.

A webhook records its messages and only then queues their ids, so a full queue loses nothing: the id
is dropped, the process switches to catching up, and a catch-up pass queues the waiting messages from
the database, oldest first, as room frees up. While catching up, new ids are not queued directly (the
catch-up takes them in turn), so a customer's messages keep their order.

Each consumer has its own queue and a customer's messages always go to the same one (by sender), so
one process never runs two turns of one customer at once; the conversation row lock orders turns
across processes. On SQLite (one writer) there is one consumer, and it takes its turns with the
webhooks through workers/sqlite_writes.py.
"""
from __future__ import annotations

import asyncio
import itertools
import logging

from vyaparai.db.engine import is_sqlite
from vyaparai.workers import jobs
from vyaparai.workers.pipeline_settings import PipelineSettings
from vyaparai.workers.senders import Senders
from vyaparai.workers.services import Services
from vyaparai.workers.sqlite_writes import writer_turn

logger = logging.getLogger(__name__)

CATCH_UP_PAUSE = 0.05  # seconds between catch-up passes while the queues are full
STOP_WAIT = 10.0  # seconds a stopping process gives its queued messages before leaving them to the next start


class InProcessJobs:
    def __init__(self, services: Services, *, sweep_every: float = 5.0, settings: PipelineSettings | None = None):
        self.services = services
        self.sweep_every = sweep_every
        self.settings = settings or PipelineSettings.from_env()
        # SQLite runs one write transaction at a time: a second consumer would only wait for the first.
        consumers = 1 if is_sqlite(services.settings.database_url) else self.settings.consumers
        size = max(1, -(-self.settings.queue_size // consumers))
        self.queues: list[asyncio.Queue[int]] = [asyncio.Queue(size) for _ in range(consumers)]
        self.senders = Senders(services, self.settings)
        self.queued: set[int] = set()  # ids in a queue or being processed here
        self._next = itertools.count()
        self._catching_up = asyncio.Event()
        self._tasks: list[asyncio.Task] = []

    def enqueue_inbound(self, inbound_id: int, key: str | None = None) -> None:
        """Queue a recorded message; `key` (the sender) keeps one customer's messages in order."""
        if inbound_id in self.queued or self._catching_up.is_set():
            return
        if not self._put(inbound_id, key):
            logger.warning("inbound queue full: message %d waits in the database for the catch-up", inbound_id)
            self._catching_up.set()

    def kick_delivery(self) -> None:
        self.senders.wake()

    def _put(self, inbound_id: int, key: str | None) -> bool:
        index = hash(key) if key is not None else next(self._next)
        try:
            self.queues[index % len(self.queues)].put_nowait(inbound_id)
        except asyncio.QueueFull:
            return False
        self.queued.add(inbound_id)
        return True

    async def start(self) -> None:
        await self.senders.start()
        self._tasks = [asyncio.create_task(self._consume(q), name=f"consumer-{i}") for i, q in enumerate(self.queues)]
        self._tasks.append(asyncio.create_task(self._catch_up_forever(), name="catch-up"))
        self._tasks.append(asyncio.create_task(self._sweep_forever(), name="sweeper"))

    async def _consume(self, queue: asyncio.Queue[int]) -> None:
        while True:
            inbound_id = await queue.get()
            try:
                async with writer_turn(self.services.engine):
                    await jobs.process_inbound(self.services, inbound_id, wake_senders=self.senders.wake)
            except Exception:  # a task boundary: the consumer lives on; the sweeper retries the message
                logger.exception("job inbound-%d failed", inbound_id)
            finally:
                self.queued.discard(inbound_id)
                queue.task_done()

    async def _catch_up_forever(self) -> None:
        while True:
            await self._catching_up.wait()
            try:
                await self._catch_up()
            except Exception:  # a task boundary; the flag stays set and the next pass tries again
                logger.exception("catching up on waiting messages failed")
                await asyncio.sleep(1)

    async def _catch_up(self) -> None:
        """Queue waiting messages oldest first until none is left; then take direct enqueues again."""
        while True:
            room = sum(q.maxsize - q.qsize() for q in self.queues)
            waiting = await jobs.waiting_messages(self.services, untried=True, skip=self.queued, limit=max(room, 1))
            queued_all = all(self._put(id_, sender) for id_, sender in waiting)
            if queued_all and len(waiting) < room:
                break
            await asyncio.sleep(CATCH_UP_PAUSE)
        self._catching_up.clear()
        # A webhook that committed just before the flag was cleared had its id dropped: take it now.
        for id_, sender in await jobs.waiting_messages(self.services, untried=True, skip=self.queued, limit=room):
            if not self._put(id_, sender):
                self._catching_up.set()
                return

    async def _sweep_forever(self) -> None:
        """Now and then: messages a crashed process left unprocessed, replies whose backoff ran out."""
        while True:
            await asyncio.sleep(self.sweep_every)
            try:
                stuck = await jobs.waiting_messages(self.services, older_than=jobs.STUCK_AFTER, skip=self.queued)
            except Exception:
                logger.exception("sweep failed")
                continue
            for id_, sender in stuck:
                self.enqueue_inbound(id_, sender)
            self.senders.wake()

    async def drain(self) -> None:
        """Wait until every queued message is answered and its replies sent (tests and shutdown)."""
        while True:
            await asyncio.gather(*(q.join() for q in self.queues))
            await self.senders.settle()
            if self._catching_up.is_set():
                await asyncio.sleep(CATCH_UP_PAUSE)
            elif all(q.empty() for q in self.queues):
                return

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.drain(), STOP_WAIT)
        except TimeoutError:
            logger.warning("stopped with messages still queued: they wait in the database for the next start")
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.senders.stop()

