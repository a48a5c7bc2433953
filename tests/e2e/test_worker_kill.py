"""`vyaparai worker` killed with -9 leaves no process behind: rq's scheduler, the supervised worker processes."""
import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests.e2e.process_support import VYAPARAI, alive, children_of, descendants_of, wait_until

from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.db.types import utcnow

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")]


def test_a_worker_killed_with_minus_9_takes_its_scheduler_with_it(database_url, redis_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "SECRET_KEY": "k" * 32}
    worker = subprocess.Popen([str(VYAPARAI), "worker", "--sweep-every", "3600"], env=env,
                              stdout=subprocess.DEVNULL, stderr=(tmp_path / "worker.log").open("w"))
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not (children := children_of(worker.pid)) and time.monotonic() < deadline:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-2000:]
            time.sleep(0.2)
        assert children, "the worker never started rq's scheduler"
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [c for c in children if alive(c)], "children outlived the killed worker"
    finally:
        if worker.poll() is None:
            worker.kill()
        for child in children:
            if alive(child):  # only when the test failed: leave nothing running
                os.kill(child, signal.SIGKILL)


def test_a_supervised_worker_killed_with_minus_9_takes_every_process_with_it(database_url, redis_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "SECRET_KEY": "k" * 32}
    log = tmp_path / "worker.log"
    supervisor = subprocess.Popen([str(VYAPARAI), "worker", "--processes", "2", "--sweep-every", "3600"], env=env,
                                  stdout=log.open("w"), stderr=subprocess.STDOUT)
    tree: list[int] = []
    try:
        wait_until(lambda: len(children_of(supervisor.pid)) == 2, 60, "two worker processes", supervisor, log)
        # And rq's scheduler, forked by whichever worker takes the scheduler lock (another test run
        # sharing this Redis may hold it: then there are only the two workers to kill).
        wait_until(lambda: "Listening on" in log.read_text(), 60, "the workers listening", supervisor, log)
        time.sleep(1)
        tree = descendants_of(supervisor.pid)
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(alive(p) for p in tree) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in tree if alive(p)], "processes outlived the killed supervisor"
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
        for pid in tree:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


async def test_a_message_a_killed_worker_left_unanswered_is_answered_by_the_next_worker(
        sessions, database_url, redis_url, tmp_path):
    async with sessions() as s, s.begin():
        store = await create_store(s, code="KILL1", name="Phoenix Kirana", owner_phones=["9876500001"])
        inbound_id = await record_inbound(s, InboundMessage(
            channel="web", provider_message_id="left-behind", sender="left-behind-session", text="hello",
            store_code="KILL1"), store.id)
        # What a worker killed mid-job leaves: the row still "received", its rq job gone with the worker.
        await s.execute(update(InboundLog).values(received_at=utcnow() - timedelta(minutes=2)))
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "SECRET_KEY": "k" * 32}
    log = tmp_path / "worker.log"
    worker = subprocess.Popen([str(VYAPARAI), "worker", "--sweep-every", "1"], env=env,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        async def answered():
            async with sessions() as s:
                return (await s.scalars(select(OutboxMessage).where(
                    OutboxMessage.recipient == "left-behind-session"))).all()

        deadline = time.monotonic() + 60
        while not (replies := await answered()) and time.monotonic() < deadline and worker.poll() is None:
            await asyncio.sleep(0.5)
        assert replies, log.read_text()[-3000:]
        assert "Phoenix Kirana" in replies[0].payload["text"]
        async with sessions() as s:
            assert await s.scalar(select(InboundLog.status).where(InboundLog.id == inbound_id)) == "processed"
    finally:
        worker.send_signal(signal.SIGTERM)
        await asyncio.to_thread(worker.wait, 40)
