"""A token bucket per sending number, so no store's number goes over its provider's messages-per-second limit."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable

# WhatsApp Cloud API: 80 messages/s per business number by default (1,000 after Meta raises the tier).
# https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput
DEFAULT_RATE = 80.0


class TokenBucket:
    """`rate` tokens a second, at most `burst` saved up; take() waits until one is there.

    With the default burst of one, sends are spaced evenly (80/s: one every 12.5 ms), so no
    one-second window ever holds more than `rate` of them; a bigger burst would let burst + rate
    through in the first second. Waiters are served in arrival order (the lock).
    """

    def __init__(self, rate: float, burst: float | None = None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.rate = rate
        self.burst = burst if burst is not None else 1.0
        self._clock, self._sleep = clock, sleep
        self._tokens = self.burst
        self._at = clock()
        self._lock = asyncio.Lock()

    async def take(self) -> None:
        async with self._lock:
            while True:
                now = self._clock()
                self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
                self._at = now
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await self._sleep((1 - self._tokens) / self.rate)


class SendLimits:
    """One bucket per key (a channel and the store whose number sends), made on first use."""

    def __init__(self, rate: float = DEFAULT_RATE, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.rate = rate
        self._clock, self._sleep = clock, sleep
        self._buckets: dict[Hashable, TokenBucket] = {}

    async def take(self, key: Hashable) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = TokenBucket(self.rate, clock=self._clock, sleep=self._sleep)
        await bucket.take()
