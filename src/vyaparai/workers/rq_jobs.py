"""Jobs as rq runs them: plain functions that hand their coroutine to the worker's one long-lived event loop.

`vyaparai worker` runs rq's SimpleWorker (no fork per job) and calls `use_job_loop()` first: one
event loop in a background thread, holding one Services (one database engine and pool, the bot with
its product indexes) and the process's outbox senders (workers/senders.py), kept across jobs. Each
job function below submits its coroutine to that loop and waits for it; a turn's replies are sent
by the senders while the worker takes its next job. A job rq times out is cancelled on the loop too.

Without a job loop (a one-off call, a test running rq synchronously) a job builds its services for
itself and closes them, as rq would run an async job: asyncio.run, a loop per job.
"""
from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable

from vyaparai.config import Settings
from vyaparai.workers import jobs
from vyaparai.workers.event_loop import new_event_loop
from vyaparai.workers.senders import Senders
from vyaparai.workers.services import Services

logger = logging.getLogger(__name__)

Job = Callable[[Services], Awaitable[object]]


class JobLoop:
    """One event loop in a daemon thread and the services made on it, for every job of this process."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.loop = new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run_forever, name="job-loop", daemon=True)
        self.services: Services | None = None
        self.senders: Senders | None = None

    def start(self) -> JobLoop:
        self._thread.start()
        self._ready.wait()
        # Made on the loop that will use it: an engine's pool belongs to the loop it was made on.
        self.services = self.submit_and_wait(self._open)
        return self

    def _run_forever(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(self._ready.set)
        self.loop.run_forever()

    async def _open(self) -> Services:
        services = Services.create(self.settings)
        # One line per engine: tests and operators can count that jobs do not make their own.
        logger.info("worker %d opened its database engine, kept for every job", os.getpid())
        self.senders = Senders(services)
        await self.senders.start()
        return services

    def run(self, job: Job) -> object:
        return self.submit_and_wait(lambda: job(self.services))

    def submit_and_wait(self, make: Callable[[], Awaitable[object]]) -> object:
        future = asyncio.run_coroutine_threadsafe(_call(make), self.loop)
        try:
            return future.result()
        except BaseException:
            # rq's job timeout (or a shutdown) interrupts the wait: stop the coroutine as well.
            future.cancel()
            raise

    def stop(self) -> None:
        try:
            self.submit_and_wait(self._close)
        except Exception:
            logger.exception("closing the worker's services failed")
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)

    async def _close(self) -> None:
        if self.senders is not None:
            try:  # replies of the last turns go out before the worker leaves, if they can in a few seconds
                await asyncio.wait_for(self.senders.settle(), 5)
            except TimeoutError:
                logger.warning("stopping with replies unsent: the next worker's senders take them")
        # Then a sweep still running is cancelled, so its session gives its connection back: an
        # SQLite connection left open keeps its thread, and the process, alive.
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        if self.services is not None:
            await self.services.close()


async def _call(make: Callable[[], Awaitable[object]]) -> object:
    return await make()


_job_loop: JobLoop | None = None
_job_loop_settings: Settings | None = None
_job_loop_lock = threading.Lock()


def use_job_loop(settings: Settings) -> None:
    """Run this process's jobs on one long-lived loop from now on.

    The loop and its thread start with the first job, not here: rq forks its scheduler when the
    worker starts, and a fork is safest while the process has a single thread.
    """
    global _job_loop_settings
    _job_loop_settings = settings


def stop_job_loop() -> None:
    global _job_loop, _job_loop_settings
    with _job_loop_lock:
        loop, _job_loop, _job_loop_settings = _job_loop, None, None
    if loop is not None:
        loop.stop()


def _current_loop() -> JobLoop | None:
    global _job_loop
    with _job_loop_lock:
        if _job_loop is None and _job_loop_settings is not None:
            _job_loop = JobLoop(_job_loop_settings).start()
        return _job_loop


def _run(job: Job) -> object:
    if (loop := _current_loop()) is not None:
        return loop.run(job)
    return _run_once(job)


def _run_once(job: Job) -> object:
    async def main():
        services = Services.create(Settings.from_env())
        try:
            return await job(services)
        finally:
            await services.close()

    return asyncio.run(main())


def process_inbound(inbound_id: int) -> None:
    loop = _current_loop()
    if loop is None:  # no senders here: the job delivers its replies itself
        _run_once(lambda s: jobs.process_inbound(s, inbound_id))
    else:
        loop.run(lambda s: jobs.process_inbound(s, inbound_id, wake_senders=loop.senders.wake))


def deliver_outbox() -> int:
    """Send what is due: the worker's senders are woken (they claim for every job); without them, sent here."""
    loop = _current_loop()
    if loop is None:
        return _run_once(jobs.deliver_outbox)
    loop.loop.call_soon_threadsafe(loop.senders.wake)
    return 0


def sweep() -> None:
    """Answer messages a crashed process left behind, then send what is due."""
    loop = _current_loop()
    if loop is None:
        _run_once(jobs.sweep)
    else:
        loop.run(lambda s: _sweep_with_senders(s, loop.senders))


async def _sweep_with_senders(services: Services, senders: Senders) -> None:
    for inbound_id, _sender in await jobs.waiting_messages(services, older_than=jobs.STUCK_AFTER):
        await jobs.process_recorded(services, inbound_id)
    senders.wake()
