"""How fast this machine is at what a message costs, printed beside a bench's figures so runs on different machines compare.

Two numbers: the client CPU of one PostgreSQL round trip (asyncpg, `SELECT 1`), which a message pays
about 20 times, and the CPU of a fixed piece of pure Python. On the shared 2-core machine they were
130-150 us and 60 ms on one day and about half that on another: bench figures moved with them.

usage: python bench/calibrate.py
"""
from __future__ import annotations

import asyncio
import time
import timeit

import asyncpg

PG = dict(host="127.0.0.1", user="postgres", database="postgres")
ROUND_TRIPS = 2000


async def round_trip_cpu_us(**connect) -> float | None:
    """Median client CPU microseconds of one `SELECT 1`, or None when PostgreSQL does not answer."""
    try:
        conn = await asyncpg.connect(**(connect or PG), timeout=5)
    except (OSError, asyncpg.PostgresError, asyncio.TimeoutError):
        return None
    try:
        runs = []
        for _ in range(3):
            started = time.process_time()
            for _ in range(ROUND_TRIPS):
                await conn.fetchval("SELECT 1")
            runs.append((time.process_time() - started) / ROUND_TRIPS * 1e6)
        return sorted(runs)[1]
    finally:
        await conn.close()


def python_ms() -> float:
    """CPU milliseconds of a fixed loop of pure Python (best of 5)."""
    return min(timeit.repeat("sum(i * i for i in range(1_000_000))", number=1, repeat=5)) * 1000


async def machine_line() -> str:
    trip = await round_trip_cpu_us()
    trip_text = "PostgreSQL not reachable" if trip is None else f"one PostgreSQL round trip {trip:.0f} us client CPU"
    return f"machine: {trip_text}, pure-Python loop {python_ms():.0f} ms"


if __name__ == "__main__":
    print(asyncio.run(machine_line()))
