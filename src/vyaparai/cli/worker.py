"""`vyaparai worker [--processes M]`: long-lived rq workers for background jobs, and a sweep for anything left behind."""
from __future__ import annotations

import logging
import threading

from redis import Redis
from rq import Queue, SimpleWorker

from vyaparai.cli.context import process_count
from vyaparai.config import Settings
from vyaparai.workers import rq_jobs
from vyaparai.workers.lifetime import children_die_with_this_process, import_everything_now
from vyaparai.workers.queue import QUEUE_NAME
from vyaparai.workers.supervisor import Supervisor

logger = logging.getLogger(__name__)
def register(sub) -> None:
    p = sub.add_parser("worker", help="run background jobs from Redis (needs REDIS_URL)")
    p.add_argument("--processes", type=process_count, default=1,
                   help="worker processes to run and keep running (default 1)")
    p.add_argument("--burst", action="store_true", help="stop when the queue is empty (one process)")
    p.add_argument("--sweep-every", type=float, default=10.0, help="seconds between catch-up sweeps")
    p.set_defaults(handler=run)


def run(args) -> int:
    settings = Settings.from_env()
    if not settings.redis_url:
        print("vyaparai worker needs REDIS_URL; without it, `vyaparai serve` runs jobs in-process.")
        return 2
    if args.burst and args.processes > 1:
        print("--burst runs one worker until the queue is empty; leave out --processes.")
        return 2
    logging.getLogger().setLevel(logging.INFO)
    # Before any thread or fork: see workers/lifetime.py.
    import_everything_now()
    children_die_with_this_process()
    if args.processes == 1:
        return work(settings, burst=args.burst, sweep_every=args.sweep_every)
    print(f"VyaparAI workers: {args.processes} processes on {QUEUE_NAME!r} (Ctrl+C stops them all)", flush=True)
    return Supervisor("worker", args.processes,
                      lambda _index: work(settings, burst=False, sweep_every=args.sweep_every)).run()


class LongLivedWorker(SimpleWorker):
    """rq's SimpleWorker (jobs run in this process, no fork per job) that stops promptly."""

    def unsubscribe(self):
        # redis-py 8's PubSubWorkerThread.stop() waits for its thread, which rq lets sleep up to 60 s
        # between polls: a SIGTERM took a minute to stop the worker. The thread is a daemon; bound the wait.
        if self.pubsub_thread:
            self.pubsub.unsubscribe()
            self.pubsub_thread.stop(timeout=1)
            self.pubsub.close()


def work(settings: Settings, *, burst: bool, sweep_every: float) -> int:
    """One worker process: jobs run here, one at a time, on one long-lived job loop (workers/rq_jobs.py)."""
    rq_jobs.use_job_loop(settings)
    connection = Redis.from_url(settings.redis_url)
    stop = threading.Event()
    sweeper = threading.Thread(target=_sweep_forever, args=(sweep_every, stop), name="sweeper", daemon=True)
    if not burst:
        sweeper.start()
    try:
        LongLivedWorker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work(
            burst=burst, with_scheduler=True)
        if burst:
            rq_jobs.sweep()
    finally:
        stop.set()
        rq_jobs.stop_job_loop()
    return 0


def _sweep_forever(every: float, stop: threading.Event) -> None:
    while not stop.wait(every):
        try:
            rq_jobs.sweep()
        except Exception:
            if not stop.is_set():  # a sweep cut short by the worker stopping is no failure
                logger.exception("sweep failed")
