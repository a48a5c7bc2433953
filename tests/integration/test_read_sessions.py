"""Read-only sessions see the last commit without waiting for a writer (SQLite holds one writer at a time)."""
import asyncio

from sqlalchemy import select

from tests.integration.factories import make_store
from vyaparai.db.engine import create_read_sessions
from vyaparai.db.models import Store


async def test_a_reader_does_not_queue_behind_an_open_write_transaction(engine, sessions):
    async with sessions() as s, s.begin():
        await make_store(s, code="READ1", name="Before")
    read = create_read_sessions(engine)
    async with sessions() as writer, writer.begin():
        store = await writer.scalar(select(Store).where(Store.code == "READ1"))
        store.name = "After"
        await writer.flush()  # the write lock is held from here until the commit

        async def read_name():
            async with read() as r:
                return await r.scalar(select(Store.name).where(Store.code == "READ1"))

        # A BEGIN IMMEDIATE reader would wait the 30 s busy timeout here.
        assert await asyncio.wait_for(read_name(), timeout=3) == "Before"
    async with read() as r:
        assert await r.scalar(select(Store.name).where(Store.code == "READ1")) == "After"
