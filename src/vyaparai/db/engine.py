"""The async engine and session factory, with SQLite set up for real transactions."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from vyaparai.db.order_changes import Listener, session_class_telling

Sessions = async_sessionmaker[AsyncSession]
_READ_ONLY = "vyaparai_read_only"
_AUTOCOMMIT = "_vyaparai_autocommit"  # the engine's AUTOCOMMIT face, kept on it (single_statements)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, *, echo: bool = False, pool_size: int = 10) -> AsyncEngine:
    if not is_sqlite(url):
        # No pre-ping: it cost a round trip on every checkout (three or four per customer message). A
        # connection the server dropped fails the one transaction that meets it; SQLAlchemy then empties
        # the pool, and every job or webhook here is retried (the sweep, the provider's own retries).
        return create_async_engine(url, echo=echo, pool_size=pool_size, max_overflow=20, pool_recycle=1800)
    engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
    _make_sqlite_transactional(engine)
    return engine


def _make_sqlite_transactional(engine: AsyncEngine) -> None:
    """pysqlite issues no BEGIN before a SELECT, so reads before the first write are not isolated.

    We take over transaction control (SQLAlchemy's documented recipe) and start every transaction
    with BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing with
    "database is locked" half way through a checkout. WAL lets readers run beside the writer.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn):
        # A reader (create_read_sessions) takes a WAL snapshot and waits for no writer.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READ_ONLY) else "BEGIN IMMEDIATE")


def create_sessions(engine: AsyncEngine, *, on_order_changes: Listener | None = None) -> Sessions:
    """Sessions for `engine`; with `on_order_changes`, every commit tells it which orders it placed or moved."""
    if on_order_changes is None:
        return async_sessionmaker(engine, expire_on_commit=False)
    return async_sessionmaker(engine, expire_on_commit=False,
                              sync_session_class=session_class_telling(on_order_changes))


def create_read_sessions(engine: AsyncEngine) -> Sessions:
    """Sessions for pages that only read (the panel's lists, the live feed).

    On SQLite a plain deferred BEGIN: the reader sees the last commit and never queues behind a
    checkout holding the write lock, as BEGIN IMMEDIATE would make it. Writing in such a session
    can fail with "database is locked" at once; use create_sessions for anything that writes.
    On PostgreSQL readers never wait for writers anyway, so these are ordinary sessions.
    """
    return async_sessionmaker(engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False)


@asynccontextmanager
async def single_statements(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection for work whose every statement stands alone (a webhook's INSERT, an outbox claim or mark).

    On PostgreSQL it is in AUTOCOMMIT: each statement commits by itself and no BEGIN or COMMIT is sent
    (a one-statement transaction was three round trips, each ~150 us of our CPU). On SQLite it is one
    transaction begun with BEGIN IMMEDIATE, as everywhere, so writers still queue for the one lock.
    """
    if engine.dialect.name == "sqlite":
        async with engine.begin() as conn:
            yield conn
        return
    async with _autocommit(engine).connect() as conn:
        yield conn


def _autocommit(engine: AsyncEngine) -> AsyncEngine:
    """The engine's AUTOCOMMIT face, made once: its connections are in AUTOCOMMIT as they are checked out,
    without a second hop into SQLAlchemy's greenlet per connection to switch them (~40 us of CPU each)."""
    sync = engine.sync_engine
    face = sync.__dict__.get(_AUTOCOMMIT)
    if face is None:
        face = sync.__dict__[_AUTOCOMMIT] = engine.execution_options(isolation_level="AUTOCOMMIT")
    return face
