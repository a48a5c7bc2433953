"""How many stock reservations per second the database takes: one hot product, or spread over 100.

usage: python bench/reservations.py [--workers 16] [--seconds 5]

Each reservation is one short transaction doing what checkout does for one line, through
`orders.reservation.reserve_stock` (the product row locked, then the conditional
`UPDATE products SET stock_milli = stock_milli - :q WHERE ... AND stock_milli >= :q`), then COMMIT. Runs on a fresh SQLite file, and on PostgreSQL if one answers at
$BENCH_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1/test): it creates a database of its
own there and drops it afterwards. Checks at the end that the stock taken equals the reservations
counted, so a fast wrong answer does not pass for a fast right one.

On PostgreSQL the same run also measures a raw asyncpg loop at the same concurrency (one pool of
--workers connections): per reservation, BEGIN, the guarded UPDATE ... RETURNING, an INSERT of the
reservation into a table of the bench's own, COMMIT. That is the floor the database itself sets;
the ratio of our rate to it is the cost of the ORM and the session machinery per transaction.
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
    sessions = create_sessions(engine)
    try:
        store_id, ids = await _seed(sessions)
        rows = []
        for label, choose in _scenarios(ids):
            done, rate, ok = await _run(lambda deadline: _worker(sessions, store_id, choose, deadline),
                                        lambda: _taken(sessions), workers, seconds)
            rows.append([label, done, rate, ok, None])
    finally:
        await engine.dispose()
    if not url.startswith("sqlite"):
        for row, (rate, ok) in zip(rows, await _measure_raw(url, store_id, ids, workers, seconds)):
            row[3] = row[3] and ok
            row[4] = rate
    return [tuple(row) for row in rows]


async def _measure_raw(url: str, store_id: int, ids: list[int], workers: int, seconds: float):
    pool = await asyncpg.create_pool(url.replace("postgresql+asyncpg://", "postgresql://"),
                                     min_size=workers, max_size=workers)
    try:
        await pool.execute("CREATE TABLE bench_reservations (id bigserial PRIMARY KEY, product_id integer, "
                           "qty_milli bigint, at timestamptz DEFAULT now())")

        async def taken() -> int:
            return PRODUCTS * START_STOCK - int(await pool.fetchval("SELECT sum(stock_milli) FROM products"))

        results = []
        for _label, choose in _scenarios(ids):
            _done, rate, ok = await _run(lambda deadline: _raw_worker(pool, store_id, choose, deadline),
                                         taken, workers, seconds)
            results.append((rate, ok))
        return results
    finally:
        await pool.close()


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
    print("\nraw asyncpg: BEGIN; guarded UPDATE ... RETURNING; INSERT of the reservation; COMMIT (same concurrency)")
    return 0 if all(row[4] for row in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="per scenario; 6 scenarios in all")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.workers, args.seconds)))
