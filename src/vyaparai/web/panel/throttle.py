"""Slow down password guessing: after a few failed logins for one phone, refuse it for a while.

With several web processes behind a load balancer the count must be shared, or every process
would allow its own five guesses: with REDIS_URL set the failures are counted in Redis.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as aioredis

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
# Enough for every owner of a busy deployment; beyond it, the oldest entries go first.
MAX_TRACKED = 10_000


class Throttle(Protocol):
    async def seconds_locked(self, key: str) -> float: ...
    async def failed(self, key: str) -> None: ...
    async def succeeded(self, key: str) -> None: ...
    async def close(self) -> None: ...


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    last_failure: float = 0.0


class LoginThrottle:
    """In memory: right for one web process (the one-machine setup)."""

    def __init__(self, *, max_failures: int = MAX_FAILURES, lock_seconds: float = LOCK_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.lock_seconds, self.clock = max_failures, lock_seconds, clock
        self._records: dict[str, _Record] = {}

    async def seconds_locked(self, key: str) -> float:
        """How long `key` must still wait before trying again (0 when it may try now)."""
        record = self._records.get(key)
        return max(0.0, record.locked_until - self.clock()) if record else 0.0

    async def failed(self, key: str) -> None:
        now = self.clock()
        record = self._records.pop(key, None) or _Record()
        if now - record.last_failure > self.lock_seconds:
            record.failures = 0  # old failures are forgiven, like the lock itself
        record.failures += 1
        record.last_failure = now
        if record.failures >= self.max_failures:
            record.failures, record.locked_until = 0, now + self.lock_seconds
        self._records[key] = record  # re-inserted last, so the dict stays oldest-first
        while len(self._records) > MAX_TRACKED:
            del self._records[next(iter(self._records))]

    async def succeeded(self, key: str) -> None:
        self._records.pop(key, None)

    async def close(self) -> None:
        pass


# One round trip, atomic: count the failure, and on the last allowed one lock and reset the count.
_FAILED = """
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if n >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
  redis.call('DEL', KEYS[1])
end
return n
"""


class RedisLoginThrottle:
    """The same rules, shared by every web process through Redis (keys expire by themselves)."""

    def __init__(self, redis_url: str, *, max_failures: int = MAX_FAILURES, lock_seconds: float = LOCK_SECONDS,
                 prefix: str = "vyaparai:panel-login"):
        self._redis = aioredis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
        self.max_failures, self.lock_ms, self.prefix = max_failures, int(lock_seconds * 1000), prefix
        self._failed = self._redis.register_script(_FAILED)

    async def seconds_locked(self, key: str) -> float:
        ms = await self._redis.pttl(f"{self.prefix}:lock:{key}")
        return ms / 1000 if ms > 0 else 0.0

    async def failed(self, key: str) -> None:
        await self._failed(keys=[f"{self.prefix}:fails:{key}", f"{self.prefix}:lock:{key}"],
                           args=[self.max_failures, self.lock_ms])

    async def succeeded(self, key: str) -> None:
        await self._redis.delete(f"{self.prefix}:fails:{key}")

    async def close(self) -> None:
        await self._redis.aclose()
