"""The live order feed: committed order changes, fanned out to the owner panels watching each store.

One process (no Redis): a commit calls `publish`, which hands the change to this process's
subscribers. Several processes (REDIS_URL): `publish` sends it on a Redis pub/sub channel and
every web process hands what it hears to its own subscribers, so an order placed by an rq worker
reaches a panel open on any web process. Pub/sub forgets what nobody heard: a subscriber that
may have missed something (its queue overflowed, Redis reconnected) is told RESYNC and reloads
the list from the database, which stays the only truth.

What no commit hook of this process can see (the terminal chat or a CLI command in another
process without Redis, a message lost on the way) a web process catches up with by asking the
database every few seconds, while a panel is open, which of its stores' orders changed lately.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from vyaparai.db.engine import Sessions
from vyaparai.db.models import Order
from vyaparai.db.order_changes import OrderChange
from vyaparai.db.types import utcnow

logger = logging.getLogger(__name__)

CHANNEL = "vyaparai:order-changes"
RESYNC = OrderChange(0, 0, False)  # "reload everything": something may have been missed
QUEUE_SIZE = 256
CATCH_UP_EVERY = 5.0  # seconds
CATCH_UP_WINDOW = timedelta(minutes=2)  # how far back each look goes: a slow commit is not missed


class OrderFeed:
    """In-process fan-out; the whole feed when there is one process."""

    def __init__(self) -> None:
        self._subscribers: dict[int, set[asyncio.Queue[OrderChange]]] = defaultdict(set)
        # (store, number) -> when this process last handed that order out; the catch-up skips those.
        self._handed_out: dict[tuple[int, int], datetime] = {}
        self._catch_up: asyncio.Task | None = None

    def publish(self, changes: list[OrderChange]) -> None:
        """Called right after a commit (from SQLAlchemy's after_commit, on the event loop's thread)."""
        self.deliver(changes)

    def deliver(self, changes: Iterable[OrderChange]) -> None:
        now = utcnow()
        for change in changes:
            self._handed_out[(change.store_id, change.number)] = now
            for queue in self._subscribers.get(change.store_id, ()):
                _offer(queue, change)

    def resync_all(self) -> None:
        for queues in self._subscribers.values():
            for queue in queues:
                _offer(queue, RESYNC)

    @contextlib.asynccontextmanager
    async def subscribe(self, store_id: int) -> AsyncIterator[asyncio.Queue[OrderChange]]:
        """A queue of the store's order changes for as long as the block runs."""
        queue: asyncio.Queue[OrderChange] = asyncio.Queue(QUEUE_SIZE)
        self._subscribers[store_id].add(queue)
        try:
            yield queue
        finally:
            self._subscribers[store_id].discard(queue)
            if not self._subscribers[store_id]:
                del self._subscribers[store_id]

    def watching(self, store_id: int) -> int:
        return len(self._subscribers.get(store_id, ()))

    async def start(self, sessions: Sessions | None = None, *, catch_up_every: float = CATCH_UP_EVERY) -> None:
        """In a web process: with `sessions`, also catch up on changes made where no hook could see them."""
        if sessions is not None:
            self._catch_up = asyncio.create_task(self._catch_up_forever(sessions, catch_up_every),
                                                 name="order-feed-catch-up")

    async def _catch_up_forever(self, sessions: Sessions, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            if self._subscribers:
                try:
                    await self.catch_up(sessions)
                except (SQLAlchemyError, OSError) as e:
                    logger.warning("order feed could not look for missed changes: %s", e)

    async def catch_up(self, sessions: Sessions) -> None:
        """Hand out the watched stores' recent order changes that this process has not handed out."""
        since = utcnow() - CATCH_UP_WINDOW
        self._handed_out = {k: at for k, at in self._handed_out.items() if at >= since}
        async with sessions() as db:
            rows = (await db.execute(
                select(Order.store_id, Order.number, Order.placed_at, Order.updated_at)
                .where(Order.store_id.in_(list(self._subscribers)), Order.updated_at >= since)
                .order_by(Order.updated_at))).all()
        missed = [OrderChange(store_id, number, placed=(store_id, number) not in self._handed_out)
                  for store_id, number, placed_at, updated_at in rows
                  if self._handed_out.get((store_id, number), since) <= updated_at]
        if missed:
            logger.info("order feed caught up on %d changes made elsewhere", len(missed))
            self.deliver(missed)

    async def close(self) -> None:
        if self._catch_up is not None:
            self._catch_up.cancel()
            await asyncio.gather(self._catch_up, return_exceptions=True)


class RedisOrderFeed(OrderFeed):
    """The same feed across processes, over one Redis pub/sub channel."""

    def __init__(self, redis_url: str, *, reconnect_after: float = 1.0) -> None:
        import redis.asyncio as aioredis  # only where Redis is set up, not in every start (the demo)

        super().__init__()
        self._redis = aioredis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5,
                                              health_check_interval=30)
        self._publishing: set[asyncio.Task] = set()
        self._listener: asyncio.Task | None = None
        self._reconnect_after = reconnect_after
        self.listening = asyncio.Event()

    def publish(self, changes: list[OrderChange]) -> None:
        # after_commit is synchronous; the send goes on as a task and close() waits for it.
        payload = json.dumps([list(c) for c in changes])
        task = asyncio.get_running_loop().create_task(self._send(payload))
        self._publishing.add(task)
        task.add_done_callback(self._publishing.discard)

    async def _send(self, payload: str) -> None:
        from redis.exceptions import RedisError

        try:
            await self._redis.publish(CHANNEL, payload)
        except (RedisError, OSError) as e:
            logger.warning("could not publish an order change on Redis (panels catch up on reconnect): %s", e)

    async def start(self, sessions: Sessions | None = None, *, catch_up_every: float = CATCH_UP_EVERY) -> None:
        """Listen for every process's changes (web processes only; workers just publish)."""
        await super().start(sessions, catch_up_every=catch_up_every)
        self._listener = asyncio.create_task(self._listen_forever(), name="order-feed")

    async def _listen_forever(self) -> None:
        from redis.exceptions import RedisError

        while True:
            try:
                async with self._redis.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.subscribe(CHANNEL)
                    self.listening.set()
                    self.resync_all()  # anything published while we were not listening is lost
                    async for message in pubsub.listen():
                        self.deliver(_decode(message.get("data")))
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as e:
                logger.warning("order feed lost Redis (%s); listening again in %.0f s", e, self._reconnect_after)
            self.listening.clear()
            await asyncio.sleep(self._reconnect_after)

    async def close(self) -> None:
        await super().close()
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        if self._publishing:
            await asyncio.gather(*self._publishing, return_exceptions=True)
        await self._redis.aclose()


def _offer(queue: asyncio.Queue[OrderChange], change: OrderChange) -> None:
    try:
        queue.put_nowait(change)
    except asyncio.QueueFull:
        # A panel that stopped reading: drop what it has not read, tell it to reload instead.
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(RESYNC)


def _decode(data) -> list[OrderChange]:
    try:
        return [OrderChange(int(s), int(n), bool(p)) for s, n, p in json.loads(data)]
    except (TypeError, ValueError) as e:
        logger.warning("ignored a malformed order change on Redis: %s", e)
        return []
