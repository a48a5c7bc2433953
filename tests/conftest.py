"""Shared fixtures: a migrated database per test, on SQLite by default or on PostgreSQL.

Set VYAPARAI_TEST_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1/test to run every database
test on PostgreSQL; each test session then works in a database of its own (created and dropped
here), so parallel runs don't meet.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from vyaparai.db.engine import create_engine, create_sessions, is_sqlite
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Base

PG_URL = os.environ.get("VYAPARAI_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def _swap_db(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


async def _admin(url: str, sql: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(sql))
    await engine.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A migrated database made once per test session: a SQLite file to copy, or a PostgreSQL database."""
    if PG_URL:
        name = f"vyaparai_test_{uuid.uuid4().hex[:10]}"
        asyncio.run(_admin(PG_URL, f'CREATE DATABASE "{name}"'))
        url = _swap_db(PG_URL, name)
        upgrade(url)
        yield url
        asyncio.run(_admin(PG_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        path = tmp_path_factory.mktemp("template") / "template.db"
        upgrade(f"sqlite+aiosqlite:///{path}")
        yield str(path)


@pytest.fixture
async def database_url(migrated_template, tmp_path):
    """A URL to an empty, fully migrated database of its own for this test."""
    if PG_URL:
        engine = create_async_engine(migrated_template)
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        await engine.dispose()
        return migrated_template
    path = tmp_path / "test.db"
    shutil.copy(migrated_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def engine(database_url):
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine):
    return create_sessions(engine)


@pytest.fixture
def on_postgres(database_url) -> bool:
    return not is_sqlite(database_url)


@pytest.fixture
def redis_url() -> str:
    """REDIS_TEST_URL's database, emptied; without a Redis the test is skipped, or fails under CI=1."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except RedisConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL}")
    return REDIS_URL
