"""Slow down password guessing: a few login attempts per phone (and per client address) in a window, then a wait.

Each attempt is counted before its password is checked, in one atomic step: forty guesses sent at
once all count, so at most the first few are ever checked (counting only failures, after the
slow Argon2 check, let every parallel guess through). With several web processes the count must
be shared, or every process would allow its own tries: with REDIS_URL set it is kept in Redis.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


MAX_ATTEMPTS = 5
LOCK_SECONDS = 15 * 60
# Enough for every owner of a busy deployment; beyond it, the oldest entries go first.
MAX_TRACKED = 10_000


class Throttle(Protocol):
    async def attempt(self, key: str, limit: int = MAX_ATTEMPTS) -> float: ...
    async def succeeded(self, key: str) -> None: ...
    async def close(self) -> None: ...


@dataclass
class _Window:
    attempts: int
    ends_at: float


class LoginThrottle:
    """In memory: right for one web process (the one-machine setup). One event loop, so each call is atomic."""

    def __init__(self, *, lock_seconds: float = LOCK_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.lock_seconds, self.clock = lock_seconds, clock
        self._windows: dict[str, _Window] = {}

    async def attempt(self, key: str, limit: int = MAX_ATTEMPTS) -> float:
        """Count one attempt for `key`: 0 when it may be checked, else the seconds to wait."""
        now = self.clock()
        window = self._windows.pop(key, None)
        if window is None or window.ends_at <= now:
            window = _Window(0, now + self.lock_seconds)
        window.attempts += 1
        if window.attempts == limit:
            window.ends_at = now + self.lock_seconds  # the last allowed try starts the full wait
        self._windows[key] = window  # re-inserted last, so the dict stays oldest-first
        while len(self._windows) > MAX_TRACKED:
            del self._windows[next(iter(self._windows))]
        return 0.0 if window.attempts <= limit else window.ends_at - now

    async def succeeded(self, key: str) -> None:
        self._windows.pop(key, None)

    async def close(self) -> None:
        pass


# One round trip, atomic: count the attempt; the first starts the window, the last allowed one
# restarts it at full length; past the limit, the answer is how long is left.
_ATTEMPT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 or n == tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if n <= tonumber(ARGV[1]) then
  return 0
end
return redis.call('PTTL', KEYS[1])
"""


class RedisLoginThrottle:
    """The same rules, shared by every web process through Redis (keys expire by themselves)."""

    def __init__(self, redis_url: str, *, lock_seconds: float = LOCK_SECONDS, prefix: str = "vyaparai:panel-login"):
        import redis.asyncio as aioredis  # only where Redis is set up, not in every start

        self._redis = aioredis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
        self.lock_ms, self.prefix = int(lock_seconds * 1000), prefix
        self._attempt = self._redis.register_script(_ATTEMPT)

    async def attempt(self, key: str, limit: int = MAX_ATTEMPTS) -> float:
        ms = await self._attempt(keys=[f"{self.prefix}:attempts:{key}"], args=[limit, self.lock_ms])
        return max(int(ms), 1) / 1000 if int(ms) != 0 else 0.0

    async def succeeded(self, key: str) -> None:
        await self._redis.delete(f"{self.prefix}:attempts:{key}")

    async def close(self) -> None:
        await self._redis.aclose()
