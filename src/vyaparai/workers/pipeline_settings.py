"""The message pipeline's sizes (queue, consumers, senders, send rate), from VYAPARAI_* variables with defaults."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from vyaparai.workers.rate_limit import DEFAULT_RATE


@dataclass(frozen=True)
class PipelineSettings:
    # Inbound messages waiting for a consumer in one process; past it they wait in the database.
    queue_size: int = 1000
    # Turns processed at once per process: below the database pool (10 + 20 overflow), so the
    # webhooks, the senders and the panel always find a connection. A turn is mostly CPU, so more
    # would not answer faster; each one more makes an ack wait longer for the event loop
    # (60 msg/s on a busy 2-core machine: ack p50 62 ms with 3 consumers, 166 ms with 8).
    consumers: int = 4
    senders: int = 2  # outbox claimers per process (one on SQLite, which has one writer)
    send_batch: int = 16  # rows per claim, sent side by side (one per recipient)
    send_rate: float = DEFAULT_RATE  # messages per second per sending number, per process
    send_poll_every: float = 1.0  # seconds between claims when nobody wakes the senders

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PipelineSettings:
        env = os.environ if environ is None else environ
        return cls(
            queue_size=_number(env, "VYAPARAI_QUEUE_SIZE", cls.queue_size, int),
            consumers=_number(env, "VYAPARAI_CONSUMERS", cls.consumers, int),
            senders=_number(env, "VYAPARAI_SENDERS", cls.senders, int),
            send_batch=_number(env, "VYAPARAI_SEND_BATCH", cls.send_batch, int),
            send_rate=_number(env, "VYAPARAI_SEND_RATE", cls.send_rate, float),
            send_poll_every=_number(env, "VYAPARAI_SEND_POLL_SECONDS", cls.send_poll_every, float),
        )


def _number(env: Mapping[str, str], name: str, default, kind):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"{name} must be a {'whole ' if kind is int else ''}number, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be above 0, not {raw!r}")
    return value
