"""How many stock reservations per second the database takes: one hot product, or spread over 100.

usage: python bench/reservations.py [--workers 16] [--seconds 5]

Each reservation is one short transaction doing what checkout does for one line: the conditional
`UPDATE products SET stock_milli = stock_milli - :q WHERE ... AND stock_milli >= :q` inside a
SAVEPOINT, then COMMIT. Runs on a fresh SQLite file, and on PostgreSQL if one answers at
$BENCH_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1/test): it creates a database of its
own there and drops it afterwards. Checks at the end that the stock taken equals the reservations
counted, so a fast wrong answer does not pass for a fast right one.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Product, Store
from vyaparai.orders.reservation import StockRequest, reserve_stock

PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1/test")
PRODUCTS = 100
START_STOCK = 10**12  # milli-packs: never runs out during a run
ONE_PACK = 1000


async def _seed(sessions) -> tuple[int, list[int]]:
    async with sessions() as s, s.begin():
        store = Store(code="BENCH", name="Bench Kirana")
        s.add(store)
        await s.flush()
        products = [
            Product(store_id=store.id, sku=f"SKU{i:03d}", name=f"Product {i}", unit="piece", pack_base=1,
                    price_paise=1000, stock_milli=START_STOCK)
            for i in range(PRODUCTS)
        ]
        s.add_all(products)
        await s.flush()
        return store.id, [p.id for p in products]


async def _worker(sessions, store_id: int, choose, deadline: float) -> int:
    done = 0
    while time.monotonic() < deadline:
        async with sessions() as s, s.begin():
            await reserve_stock(s, store_id, [StockRequest(choose(), ONE_PACK)])
        done += 1
    return done


async def _taken(sessions) -> int:
    async with sessions() as s:
        left = await s.scalar(select(func.sum(Product.stock_milli)))
    return PRODUCTS * START_STOCK - int(left)


async def _measure(url: str, workers: int, seconds: float) -> list[tuple[str, int, float, bool]]:
    engine = create_engine(url, pool_size=workers)
    sessions = create_sessions(engine)
    try:
        store_id, ids = await _seed(sessions)
        rows = []
        for label, choose in (("one hot product", lambda: ids[0]), (f"spread over {PRODUCTS}", lambda: random.choice(ids))):
            before = await _taken(sessions)
            started = time.monotonic()
            counts = await asyncio.gather(*(_worker(sessions, store_id, choose, started + seconds)
                                            for _ in range(workers)))
            elapsed = time.monotonic() - started
            consistent = await _taken(sessions) - before == sum(counts) * ONE_PACK
            rows.append((label, sum(counts), sum(counts) / elapsed, consistent))
        return rows
    finally:
        await engine.dispose()


async def _pg_database() -> str | None:
    """A fresh database on the PostgreSQL server, or None when none answers."""
    admin = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"vyaparai_bench_{uuid.uuid4().hex[:8]}"
    try:
        async with admin.connect() as conn:
            await asyncio.wait_for(conn.execute(text(f'CREATE DATABASE "{name}"')), 5)
    except Exception as e:  # noqa: BLE001 - any failure here just means "no PostgreSQL to bench"
        print(f"PostgreSQL not benchmarked ({PG_URL}): {type(e).__name__}", file=sys.stderr)
        return None
    finally:
        await admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


async def _drop_pg(url: str) -> None:
    admin = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    await admin.dispose()


async def main(workers: int, seconds: float) -> int:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        await asyncio.to_thread(upgrade, url)  # alembic runs its own event loop
        results += [("SQLite", *row) for row in await _measure(url, workers, seconds)]
    pg = await _pg_database()
    if pg is not None:
        try:
            await asyncio.to_thread(upgrade, pg)
            results += [("PostgreSQL", *row) for row in await _measure(pg, workers, seconds)]
        finally:
            await _drop_pg(pg)
    print(f"\nreservations, {workers} concurrent workers, {seconds:g} s each\n")
    print(f"{'database':<11} {'products':<18} {'done':>8} {'per second':>11}  stock check")
    for db, label, done, rate, ok in results:
        print(f"{db:<11} {label:<18} {done:>8} {rate:>11.0f}  {'ok' if ok else 'MISMATCH'}")
    return 0 if all(row[-1] for row in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="per scenario; 4 scenarios in all")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.workers, args.seconds)))
