"""The production topology on one machine: `serve --processes N` on one port, `worker --processes M`, long-lived workers."""
import asyncio
import os
import signal
import subprocess
import sys
import urllib.request

import pytest
from redis import Redis
from rq import Queue
from sqlalchemy import update

from tests.e2e.process_support import VYAPARAI, alive, children_of, free_port, listening_on, stop_tree, wait_until
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.demo import DEMO_WHATSAPP_PHONE_NUMBER_ID, seed_demo
from vyaparai.db.models import Store
from vyaparai.workers.queue import QUEUE_NAME

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")]


def start(command: list[str], env: dict, log) -> subprocess.Popen:
    return subprocess.Popen([str(VYAPARAI), *command], env={**os.environ, "SECRET_KEY": "k" * 32, **env},
                            stdout=log.open("w"), stderr=subprocess.STDOUT)


def answers(port: int) -> bool:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
        return r.status == 200


def stops_on_sigterm(proc: subprocess.Popen, tree: list[int]) -> None:
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=40) == 0
    wait_until(lambda: not any(alive(p) for p in tree), 10, "processes outlived the stopped supervisor")


def test_two_serve_processes_answer_on_one_port_and_a_killed_one_is_replaced(database_url, tmp_path):
    port, log = free_port(), tmp_path / "serve.log"
    proc = start(["serve", "--host", "127.0.0.1", "--port", str(port), "--processes", "2"],
                 {"DATABASE_URL": database_url}, log)
    tree: list[int] = []
    try:
        def both_listening():
            kids = children_of(proc.pid)
            return kids if len(kids) == 2 and listening_on(port) == set(kids) else None

        tree = wait_until(both_listening, 60, "two web processes listening on the port", proc, log)
        assert all(answers(port) for _ in range(10))

        os.kill(tree[0], signal.SIGKILL)
        replaced = wait_until(lambda: (kids := both_listening()) and tree[0] not in kids and kids, 60,
                              "the killed web process replaced", proc, log)
        assert answers(port)
        tree += replaced
        stops_on_sigterm(proc, tree)
    finally:
        stop_tree(proc, tree)


def test_worker_processes_are_kept_running_and_stop_together(database_url, redis_url, tmp_path):
    log = tmp_path / "worker.log"
    proc = start(["worker", "--processes", "2", "--sweep-every", "3600"],
                 {"DATABASE_URL": database_url, "REDIS_URL": redis_url}, log)
    tree: list[int] = []
    try:
        workers = wait_until(lambda: len(kids := children_of(proc.pid)) == 2 and kids, 60,
                             "two worker processes", proc, log)
        tree += workers
        os.kill(workers[0], signal.SIGKILL)
        now = wait_until(lambda: len(kids := children_of(proc.pid)) == 2 and workers[0] not in kids and kids, 30,
                         "the killed worker process replaced", proc, log)
        tree += now
        assert "was killed by SIGKILL; restarting it" in log.read_text()
        stops_on_sigterm(proc, tree)
    finally:
        stop_tree(proc, tree)


async def test_a_long_lived_worker_answers_message_after_message_with_one_engine_and_one_index(
        sessions, database_url, redis_url, graph, tmp_path):  # noqa: F811
    customers = [f"91900000000{i}" for i in range(4)]
    async with sessions() as s, s.begin():
        store_id = (await seed_demo(s)).store_id
        await s.execute(update(Store).where(Store.id == store_id).values(opening_hours={}))
        ids = [await record_inbound(s, InboundMessage(
            channel="whatsapp", provider_message_id=f"wamid.long-lived-{i}", sender=wa_id, text="2 maggi chahiye",
            store_ref=DEMO_WHATSAPP_PHONE_NUMBER_ID), store_id) for i, wa_id in enumerate(customers)]
    queue = Queue(QUEUE_NAME, connection=Redis.from_url(redis_url))
    for inbound_id in ids:
        queue.enqueue("vyaparai.workers.rq_jobs.process_inbound", inbound_id)

    log = tmp_path / "worker.log"
    proc = start(["worker", "--sweep-every", "3600"], {
        "DATABASE_URL": database_url, "REDIS_URL": redis_url, "WHATSAPP_TOKEN": "t",
        "WHATSAPP_API_BASE_URL": graph.base_url}, log)
    try:
        for wa_id in customers:
            assert await graph.wait_for(wa_id, timeout=90), log.read_text()[-3000:]
        assert "Maggi" in graph.to(customers[-1])[0].text
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.to_thread(proc.wait, 40)
    text = log.read_text()
    # Four jobs, one process: one engine, one product index (a forking worker made one of each per job).
    assert text.count("opened its database engine") == 1, text[-3000:]
    assert text.count("built product index for store DEMO") == 1, text[-3000:]
