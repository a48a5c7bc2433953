"""The console's store list: problems first even past the page's cut, and a fixed number of statements."""
from datetime import datetime, timezone

from sqlalchemy import event

from vyaparai.catalog.stores import create_store
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.web.admin.overview import stores_health

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=timezone.utc)


async def add_stores(sessions, first: int, count: int) -> list[int]:
    async with sessions() as s, s.begin():
        stores = [await create_store(s, code=f"S{i:03d}", name=f"Store {i}", owner_phones=[f"9198{i:08d}"])
                  for i in range(first, first + count)]
        await s.flush()
        return [store.id for store in stores]


def counting(engine) -> list[str]:
    statements: list[str] = []
    # Queries only: SQLite's BEGIN IMMEDIATE (db/engine.py) is not one of ours.
    event.listen(engine.sync_engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: statement.startswith("SELECT") and statements.append(statement))
    return statements


async def test_a_failing_store_beyond_the_page_comes_first(sessions):
    ids = await add_stores(sessions, 0, 12)
    async with sessions() as s, s.begin():
        s.add(OutboxMessage(store_id=ids[-1], channel="whatsapp", recipient="919000000001", payload={},
                            status="failed"))
        s.add(InboundLog(channel="web", provider_message_id="m1", store_id=ids[-1], payload={}, status="failed"))
        s.add(InboundLog(channel="web", provider_message_id="m2", store_id=ids[3], payload={}, status="processed"))
    async with sessions() as s:
        shown = await stores_health(s, now=NOW, limit=5)
    assert [h.store.code for h in shown] == ["S011", "S000", "S001", "S002", "S003"]
    assert (shown[0].failed_deliveries, shown[0].failed_inbound) == (1, 1)
    assert shown[4].last_inbound_at is not None and shown[1].last_inbound_at is None


async def test_the_list_takes_the_same_statements_for_ten_stores_or_a_hundred(sessions, engine):
    await add_stores(sessions, 0, 10)
    statements = counting(engine)
    async with sessions() as s:
        assert len(await stores_health(s, now=NOW)) == 10
    few = len(statements)
    await add_stores(sessions, 10, 90)
    statements.clear()
    async with sessions() as s:
        assert len(await stores_health(s, now=NOW)) == 100
    assert len(statements) == few == 7
