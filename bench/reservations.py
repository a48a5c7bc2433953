"""How many stock reservations per second the database takes: one hot product, or spread over 100.

usage: python bench/reservations.py [--workers 16] [--seconds 5]

Each reservation is one short transaction on a connection the worker holds, as checkout's is: the
production `orders.reservation.reserve_stock` for a one-line order (the guarded
`UPDATE products SET stock_milli = stock_milli - :q WHERE ... AND stock_milli >= :q RETURNING ...`), then the
reservation's row in one INSERT, then COMMIT. Both statements are Core built once, so on PostgreSQL they take
db/driver.py's short way to asyncpg, as a checkout's do; BEGIN and COMMIT are SQLAlchemy's. Runs on a fresh SQLite file, and on PostgreSQL if one answers at
$BENCH_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1/test): it creates a database of its
own there and drops it afterwards. Checks at the end that the stock taken equals the reservations
counted, so a fast wrong answer does not pass for a fast right one.

On PostgreSQL each scenario is measured twice in a row: ours, then a raw asyncpg loop at the same concurrency
(one pool of --workers connections) doing the same work by hand: BEGIN, the guarded UPDATE ... RETURNING, the
same INSERT, COMMIT. That is the floor the database itself sets; the ratio of our rate to it is what
SQLAlchemy and our code cost per transaction.
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

import asyncpg
from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, bindparam, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from vyaparai.db import driver
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Product, Store
from vyaparai.orders.reservation import StockRequest, reserve_stock

PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1/test")
PRODUCTS = 100
START_STOCK = 10**12  # milli-packs: never runs out during a run
ONE_PACK = 1000

# The bench's own table: what an order line is to a checkout, a row per reservation.
_bench = MetaData()
bench_reservations = Table("bench_reservations", _bench, Column("id", Integer, primary_key=True),
                           Column("product_id", Integer), Column("qty_milli", BigInteger))
RECORD = insert(bench_reservations).values(product_id=bindparam("product_id"), qty_milli=bindparam("qty_milli"))


async def _seed(engine: AsyncEngine) -> tuple[int, list[int]]:
    async with engine.begin() as conn:
        await conn.run_sync(_bench.create_all)
    async with create_sessions(engine)() as s, s.begin():
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


async def _open_connections(engine: AsyncEngine, workers: int) -> None:
    """Fill the pool before the clock starts, as asyncpg's pool is filled (min_size) before the raw loop's."""
    connections = [await engine.connect() for _ in range(workers)]
    for conn in connections:
        await conn.close()


async def _worker(engine: AsyncEngine, store_id: int, choose, deadline: float) -> int:
    done = 0
    async with engine.connect() as conn:
        while time.monotonic() < deadline:
            async with conn.begin():
                product_id = choose()
                await reserve_stock(conn, store_id, [StockRequest(product_id, ONE_PACK)])
                await driver.execute(conn, RECORD, {"product_id": product_id, "qty_milli": ONE_PACK})
            done += 1
    return done


async def _taken(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        left = await conn.scalar(select(func.sum(Product.stock_milli)))
    return PRODUCTS * START_STOCK - int(left)


RAW_TAKE = """UPDATE products SET stock_milli = stock_milli - $1
              WHERE id = $2 AND store_id = $3 AND active AND stock_milli >= $1 RETURNING stock_milli"""
RAW_RECORD = "INSERT INTO bench_reservations (product_id, qty_milli) VALUES ($1, $2)"


async def _raw_worker(pool: asyncpg.Pool, store_id: int, choose, deadline: float) -> int:
    done = 0
    async with pool.acquire() as conn:
        while time.monotonic() < deadline:
            async with conn.transaction():
                product_id = choose()
                if await conn.fetchval(RAW_TAKE, ONE_PACK, product_id, store_id) is None:
                    raise RuntimeError("out of stock: the bench's stock should never run out")
                await conn.execute(RAW_RECORD, product_id, ONE_PACK)
            done += 1
    return done


def _scenarios(ids: list[int]):
    return (("one hot product", lambda: ids[0]), (f"spread over {PRODUCTS}", lambda: random.choice(ids)))


async def _run(worker, taken, workers: int, seconds: float) -> tuple[int, float, bool]:
    before = await taken()
    started = time.monotonic()
    counts = await asyncio.gather(*(worker(started + seconds) for _ in range(workers)))
    elapsed = time.monotonic() - started
    return sum(counts), sum(counts) / elapsed, await taken() - before == sum(counts) * ONE_PACK


async def _measure(url: str, workers: int, seconds: float) -> list[tuple]:
    """Rows (label, done, per second, stock check, raw per second or None) for each scenario."""
    engine = create_engine(url, pool_size=workers)
    pool = None
    try:
        store_id, ids = await _seed(engine)
        if not url.startswith("sqlite"):
            await _open_connections(engine, workers)
            pool = await asyncpg.create_pool(url.replace("postgresql+asyncpg://", "postgresql://"),
                                             min_size=workers, max_size=workers)
        rows = []
        for label, choose in _scenarios(ids):
            done, rate, ok = await _run(lambda deadline: _worker(engine, store_id, choose, deadline),
                                        lambda: _taken(engine), workers, seconds)
            raw_rate = None
            if pool is not None:  # right after ours, so both see the same machine
                _done, raw_rate, raw_ok = await _run(lambda deadline: _raw_worker(pool, store_id, choose, deadline),
                                                     lambda: _taken(engine), workers, seconds)
                ok = ok and raw_ok
            rows.append((label, done, rate, ok, raw_rate))
        return rows
    finally:
        if pool is not None:
            await pool.close()
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
    print(f"{'database':<11} {'products':<18} {'done':>8} {'per second':>11} {'raw asyncpg':>11} {'ours/raw':>8}"
          "  stock check")
    for db, label, done, rate, ok, raw in results:
        raw_rate, ratio = ("-", "-") if raw is None else (f"{raw:.0f}", f"{rate / raw:.0%}")
        print(f"{db:<11} {label:<18} {done:>8} {rate:>11.0f} {raw_rate:>11} {ratio:>8}  {'ok' if ok else 'MISMATCH'}")
    print("\nours: reserve_stock + INSERT of the reservation + COMMIT, on a held connection (Core, db/driver.py)")
    print("raw asyncpg: BEGIN; guarded UPDATE ... RETURNING; INSERT of the reservation; COMMIT (same concurrency)")
    return 0 if all(row[4] for row in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="per scenario; 6 scenarios in all")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.workers, args.seconds)))
