"""What the load bench runs against: a throwaway database seeded with the demo store, and the server processes.

PostgreSQL gets a database of its own (vyaparai_load_<pid>), dropped at the end; SQLite a temporary
file. The servers are the real `vyaparai serve` / `vyaparai worker` commands, each in its own process
group with its log in a file, so the bench can count what went wrong in them.
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy import text, update

from vyaparai.catalog.demo import DEMO_WHATSAPP_PHONE_NUMBER_ID, seed_demo
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Product, Store

VYAPARAI = Path(sys.executable).parent / "vyaparai"
PG_ADMIN = dict(host="127.0.0.1", user="postgres", database="postgres")
PHONE_NUMBER_ID = DEMO_WHATSAPP_PHONE_NUMBER_ID
APP_SECRET = "load-bench-app-secret"
TICKS = os.sysconf("SC_CLK_TCK")
PLENTY = 10**12  # milli-packs: no line of the run may fail for want of stock
# Log lines worth counting, by what they mean.
TROUBLE = {"deadlock": "deadlock detected", "pool timeout": "QueuePool limit", "traceback": "Traceback"}


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds each process has used so far (Linux /proc); gone processes are left out."""
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return used


def _descendants(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return children + [d for c in children for d in _descendants(c)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Database:
    url: str
    pg_name: str | None = None
    tmp: tempfile.TemporaryDirectory | None = None

    async def deadlocks(self) -> int:
        """PostgreSQL's count of deadlocks in this database so far (0 on SQLite)."""
        if not self.pg_name:
            return 0
        conn = await asyncpg.connect(**PG_ADMIN)
        try:
            return await conn.fetchval("SELECT deadlocks FROM pg_stat_database WHERE datname = $1", self.pg_name)
        finally:
            await conn.close()

    async def backend_pids(self) -> list[int]:
        """The PostgreSQL server processes serving this database's connections right now."""
        if not self.pg_name:
            return []
        conn = await asyncpg.connect(**PG_ADMIN)
        try:
            rows = await conn.fetch("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                                    self.pg_name)
        finally:
            await conn.close()
        return [r["pid"] for r in rows]

    async def drop(self) -> None:
        if self.pg_name:
            conn = await asyncpg.connect(**PG_ADMIN)
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
            finally:
                await conn.close()
        if self.tmp:
            self.tmp.cleanup()


async def fresh_database(kind: str) -> Database:
    if kind == "postgres":
        name = f"vyaparai_load_{os.getpid()}"
        conn = await asyncpg.connect(**PG_ADMIN)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        db = Database(f"postgresql+asyncpg://postgres@127.0.0.1/{name}", pg_name=name)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="vyaparai_load_")
        db = Database(f"sqlite+aiosqlite:///{Path(tmp.name) / 'load.db'}", tmp=tmp)
    await asyncio.to_thread(upgrade, db.url)  # alembic runs an event loop of its own
    await _seed(db.url)
    return db


async def _seed(url: str) -> None:
    """The demo store and catalog, always open, with stock that never runs out."""
    engine = create_engine(url)
    try:
        async with create_sessions(engine)() as session, session.begin():
            info = await seed_demo(session)
            await session.execute(update(Product).where(Product.store_id == info.store_id).values(stock_milli=PLENTY))
            await session.execute(update(Store).where(Store.id == info.store_id).values(opening_hours={}))
        if engine.dialect.name == "postgresql":
            # Statistics before the load, as a database in use has them: on never-analysed tables PostgreSQL
            # picked a quadratic plan for the outbox claim (1.4 s with 2,000 replies pending, 3.5 ms after).
            async with engine.connect() as conn:
                await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


@dataclass
class Topology:
    """The server processes: web (`serve`, N processes on one port) and, for rq, workers."""

    kind: str
    web: int
    workers: int
    port: int = field(default_factory=free_port)
    logs: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="vyaparai_load_logs_")))
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self, db: Database, graph_url: str, redis_url: str | None) -> dict[str, str]:
        skip = ("WHATSAPP_", "TELEGRAM_", "RAZORPAY_", "RBM_", "TWILIO_", "GUPSHUP_", "SMS_", "REDIS_URL",
                "DATABASE_URL")
        env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
        env.update(DATABASE_URL=db.url, WHATSAPP_TOKEN="load-bench-token", WHATSAPP_APP_SECRET=APP_SECRET,
                   WHATSAPP_VERIFY_TOKEN="load-bench", WHATSAPP_API_BASE_URL=graph_url, SECRET_KEY="l" * 32)
        if self.kind == "rq":
            env["REDIS_URL"] = redis_url
        return env

    def start(self, env: dict[str, str]) -> None:
        serve = [str(VYAPARAI), "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        if self.web > 1:
            serve += ["--processes", str(self.web)]
        self._spawn("web", serve, env)
        if self.kind == "rq":
            self._spawn("worker", [str(VYAPARAI), "worker", "--processes", str(self.workers)], env)

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> None:
        log = (self.logs / f"{name}.log").open("w")
        self.procs.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True))

    async def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as http:
            while time.monotonic() < deadline:
                for proc in self.procs:
                    if proc.poll() is not None:
                        raise RuntimeError(f"{proc.args[1]} exited with {proc.returncode}:\n{self.tail()}")
                try:
                    async with http.get(f"{self.base_url}/healthz") as r:
                        if r.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.3)
        raise RuntimeError(f"the server did not answer within {timeout:.0f} s:\n{self.tail()}")

    def pids(self, role: str | None = None) -> list[int]:
        """The processes of the topology (or of one command, "serve" or "worker"): the commands and their descendants."""
        return [pid for proc in self.procs if role in (None, proc.args[1])
                for pid in (proc.pid, *_descendants(proc.pid))]

    def trouble(self) -> dict[str, int]:
        """How many times each kind of trouble appears in the server logs so far."""
        counts = dict.fromkeys(TROUBLE, 0)
        for log in self.logs.glob("*.log"):
            text = log.read_text(errors="replace")
            for name, needle in TROUBLE.items():
                counts[name] += text.count(needle)
        return counts

    def tail(self, chars: int = 3000) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-chars:]}"
                         for log in sorted(self.logs.glob("*.log")))

    def stop(self) -> None:
        """SIGTERM each process group we started, then SIGKILL what is left after 10 s."""
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # children of a group leader that already exited
            except ProcessLookupError:
                pass
