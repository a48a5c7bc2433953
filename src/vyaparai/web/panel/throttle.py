"""Slow down password guessing: after a few failed logins for one phone, refuse it for a while."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
# Enough for every owner of a busy deployment; beyond it, the oldest entries go first.
MAX_TRACKED = 10_000


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    last_failure: float = 0.0


class LoginThrottle:
    """In-memory and per process: good for one web process; several processes each count on their own."""

    def __init__(self, *, max_failures: int = MAX_FAILURES, lock_seconds: float = LOCK_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.lock_seconds, self.clock = max_failures, lock_seconds, clock
        self._records: dict[str, _Record] = {}

    def seconds_locked(self, key: str) -> float:
        """How long `key` must still wait before trying again (0 when it may try now)."""
        record = self._records.get(key)
        return max(0.0, record.locked_until - self.clock()) if record else 0.0

    def failed(self, key: str) -> None:
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

    def succeeded(self, key: str) -> None:
        self._records.pop(key, None)
