"""How long a new order takes to reach an open owner panel: one web process, and two over Redis.

usage: python bench/panel_feed.py [--orders 40] [--concurrency 4] [--redis-url URL]

Starts real `vyaparai serve` processes on a fresh database (a SQLite file, then a database of its
own on PostgreSQL at $BENCH_PG_URL if one answers, dropped afterwards), logs an owner
in to the panel and opens its live feed, then has customers order through the web chat. The
figure is the time from sending the customer's last message ("cod") to the order's row arriving
on the owner's WebSocket. "one process": the customer and the panel use the same server.
"two processes + Redis": the customer talks to one server and the panel watches the other, so
every order crosses Redis pub/sub. Target: well under a second (the issue's check).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
from redis import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from vyaparai.catalog.demo import demo_catalog_bytes
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade

OWNER, PASSWORD = "919812300000", "bench password 123"
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1/test")
CONVERSATION = ["1 kilo cheeni", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]


async def seed(url: str) -> None:
    upgrade(url)
    engine = create_engine(url)
    async with create_sessions(engine)() as s, s.begin():
        store = await create_store(s, code="BENCH", name="Bench Kirana", owner_phones=[OWNER],
                                   owner_password=PASSWORD)
        path = Path(tempfile.mkdtemp()) / "catalog.csv"
        path.write_bytes(demo_catalog_bytes())
        report = await import_catalog(s, store.id, path)
        for product_line in report.errors:
            print("catalog:", product_line)
    await engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vyaparai", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


async def wait_up(http: aiohttp.ClientSession, base: str) -> None:
    for _ in range(300):
        try:
            async with http.get(base + "/healthz") as r:
                if r.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError(f"{base} did not start")


async def owner_feed(http: aiohttp.ClientSession, base: str):
    page = await (await http.get(base + "/panel/login")).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    r = await http.post(base + "/panel/login", data={"csrf": csrf, "phone": OWNER, "password": PASSWORD})
    if r.status != 200 or "/panel/login" in str(r.url):
        raise RuntimeError(f"login failed: {r.status} {r.url} {(await r.text())[:300]}")
    ws = await http.ws_connect(base.replace("http", "ws") + "/panel/live")
    assert (await ws.receive_json())["type"] == "hello"
    return ws


async def measure(chat_base: str, panel_base: str, orders: int, concurrency: int) -> list[float]:
    sent: dict[int, float] = {}
    answered: dict[int, float] = {}
    # unsafe=True: aiohttp keeps no cookies from a bare IP address otherwise.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as owner_http, \
            aiohttp.ClientSession() as chat_http:
        await wait_up(chat_http, chat_base)
        await wait_up(chat_http, panel_base)
        ws = await owner_feed(owner_http, panel_base)
        arrived: dict[int, float] = {}

        async def listen():
            async for msg in ws:
                data = msg.json()
                if data.get("type") == "order" and data["placed"]:
                    arrived[data["number"]] = time.perf_counter()

        listener = asyncio.create_task(listen())
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(orders):
            queue.put_nowait(i)

        async def customer():
            while not queue.empty():
                i = queue.get_nowait()
                session = f"bench-customer-{i:05d}"
                for text in CONVERSATION:
                    started = time.perf_counter()
                    async with chat_http.post(f"{chat_base}/api/chat/BENCH", json={"session": session, "text": text}) as r:
                        replies = (await r.json())["replies"]
                number = next((int(m) for rep in replies for m in re.findall(r"#(\d{4,})", rep["text"])), None)
                if number is None:
                    raise RuntimeError(f"no order number in {replies}")
                sent[number], answered[number] = started, time.perf_counter()

        await asyncio.gather(*(customer() for _ in range(concurrency)))
        deadline = time.perf_counter() + 10
        while len(arrived) < len(sent) and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        listener.cancel()
        await ws.close()
    missing = set(sent) - set(arrived)
    if missing:
        print(f"  {len(missing)} orders never reached the panel: {sorted(missing)[:5]}")
    return [(arrived[n] - sent[n], answered[n] - sent[n]) for n in sent if n in arrived]


def report(label: str, timings: list[tuple[float, float]]) -> None:
    """Panel: "cod" sent -> row on the panel. Chat: "cod" sent -> the customer's reply (the checkout turn)."""
    if not timings:
        print(f"{label}: no order reached the panel")
        return
    for what, values in (("panel", [t[0] for t in timings]), ("chat reply", [t[1] for t in timings])):
        ms = sorted(x * 1000 for x in values)
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        print(f"{label:36s} {what:10s} orders {len(ms):4d}  p50 {statistics.median(ms):6.1f} ms  "
              f"p95 {p95:6.1f} ms  max {ms[-1]:6.1f} ms")


async def admin(sql: str) -> None:
    engine = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=40)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--redis-url", default=os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15"))
    args = ap.parse_args()
    databases = ["sqlite"]
    try:
        await admin("SELECT 1")
        databases.append("postgresql")
    except Exception as e:  # noqa: BLE001 - any failure means: no PostgreSQL here
        print(f"(no PostgreSQL at {PG_URL}: {e.__class__.__name__}; SQLite only)")
    for kind in databases:
        for mode in ("one process", "two processes + Redis"):
            await run_mode(kind, mode, args)


async def run_mode(kind: str, mode: str, args) -> None:
    if kind == "sqlite":
        url, name = f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.db", None
    else:
        name = f"bench_feed_{uuid.uuid4().hex[:8]}"
        await admin(f"CREATE DATABASE {name}")
        url = PG_URL.rsplit("/", 1)[0] + "/" + name
    try:
        await seed(url)
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench secret key for sessions"}
        env.pop("REDIS_URL", None)
        if mode != "one process":
            Redis.from_url(args.redis_url).flushdb()
            env["REDIS_URL"] = args.redis_url
        servers = [start_server(env)] + ([start_server(env)] if mode != "one process" else [])
        try:
            chat_base, panel_base = servers[0][1], servers[-1][1]
            report(f"{kind}, {mode}", await measure(chat_base, panel_base, args.orders, args.concurrency))
        finally:
            for proc, _ in servers:
                proc.terminate()
                proc.wait(10)
    finally:
        if name:
            await admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    asyncio.run(main())
