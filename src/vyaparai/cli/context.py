"""What every command needs: settings from the environment and a database engine for them."""
from __future__ import annotations

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
