"""`vyaparai worker`: run background jobs from Redis (rq), and sweep for anything left behind."""
from __future__ import annotations

import logging
import threading

from redis import Redis
from rq import Queue, Worker

from vyaparai.config import Settings
from vyaparai.workers import rq_jobs
from vyaparai.workers.lifetime import children_die_with_this_process, import_everything_now
from vyaparai.workers.queue import QUEUE_NAME

logger = logging.getLogger(__name__)


def register(sub) -> None:
    p = sub.add_parser("worker", help="run background jobs from Redis (needs REDIS_URL)")
    p.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    p.add_argument("--sweep-every", type=float, default=10.0, help="seconds between catch-up sweeps")
    p.set_defaults(handler=run)


def _sweep_forever(every: float, stop: threading.Event) -> None:
    while not stop.wait(every):
        try:
            rq_jobs.sweep()
        except Exception:
            logger.exception("sweep failed")


def run(args) -> int:
    settings = Settings.from_env()
    if not settings.redis_url:
        print("vyaparai worker needs REDIS_URL; without it, `vyaparai serve` runs jobs in-process.")
        return 2
    logging.getLogger().setLevel(logging.INFO)
    # Before the sweeper thread and rq's forks: see workers/lifetime.py.
    import_everything_now()
    children_die_with_this_process()
    connection = Redis.from_url(settings.redis_url)
    stop = threading.Event()
    sweeper = threading.Thread(target=_sweep_forever, args=(args.sweep_every, stop), daemon=True)
    if not args.burst:
        sweeper.start()
    try:
        Worker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work(
            burst=args.burst, with_scheduler=True)
    finally:
        stop.set()
    if args.burst:
        rq_jobs.sweep()
    return 0
