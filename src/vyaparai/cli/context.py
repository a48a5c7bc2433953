"""What every command needs: settings from the environment and a database engine for them."""
from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator

from vyaparai.config import Settings
from vyaparai.db.engine import Sessions, create_engine, create_sessions


@contextlib.asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[Sessions]:
    engine = create_engine(settings.database_url)
    try:
        yield create_sessions(engine)
    finally:
        await engine.dispose()


class CommandError(Exception):
    """A problem the operator can fix; printed without a traceback, exit status 1."""


MAX_PROCESSES = 64


def process_count(value: str) -> int:
    """--processes of `serve` and `worker`: a whole number from 1 to 64, or a sentence saying what is wrong."""
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_PROCESSES:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of processes from 1 to {MAX_PROCESSES}")
    return int(value)
