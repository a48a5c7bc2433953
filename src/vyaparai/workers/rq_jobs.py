"""Jobs as rq runs them: plain functions that open their own database engine for the job's event loop.

rq runs an async job with asyncio.run, a new event loop per job, and an AsyncEngine must not be
shared across loops (its connection pool is bound to the loop that made it), so every job builds its services and closes them.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from vyaparai.config import Settings
from vyaparai.workers import jobs
from vyaparai.workers.services import Services


def _run(job: Callable[[Services], Awaitable[object]]) -> object:
    async def main():
        services = Services.create(Settings.from_env())
        try:
            return await job(services)
        finally:
            await services.close()

    return asyncio.run(main())


def process_inbound(inbound_id: int) -> None:
    _run(lambda s: jobs.process_inbound(s, inbound_id))


def deliver_outbox() -> int:
    return _run(jobs.deliver_outbox)


def sweep() -> None:
    _run(jobs.sweep)
