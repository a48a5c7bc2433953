"""With REDIS_URL set, inbound messages are processed by `vyaparai worker` (rq) instead of in-process."""
import asyncio
import os
import subprocess
import sys

from sqlalchemy import select

from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.workers.queue import RqJobs



async def test_a_message_enqueued_on_redis_is_answered_by_the_worker(sessions, database_url, redis_url):
    async with sessions() as s, s.begin():
        store = await create_store(s, code="RQ1", name="Redis Kirana", owner_phones=["9876500000"])
        inbound_id = await record_inbound(s, InboundMessage(
            channel="web", provider_message_id="m-1", sender="rq-session-01", text="hello", store_code="RQ1"),
            store.id)
    jobs = RqJobs(redis_url)
    jobs.enqueue_inbound(inbound_id)
    jobs.enqueue_inbound(inbound_id)  # a repeat enqueue (same job id) must not answer twice
    await jobs.stop()

    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url}
    done = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "vyaparai", "worker", "--burst"],
                                   capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr

    async with sessions() as s:
        assert await s.scalar(select(InboundLog.status).where(InboundLog.id == inbound_id)) == "processed"
        replies = (await s.scalars(select(OutboxMessage).where(OutboxMessage.recipient == "rq-session-01"))).all()
    assert len(replies) == 1
    assert "Redis Kirana" in replies[0].payload["text"]
