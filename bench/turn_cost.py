"""What one customer message costs: SQL statements, round trips and CPU milliseconds, per kind of message.

usage: python bench/turn_cost.py [--db sqlite|postgres] [--customers 30] [--show] [--sql KIND]

Seeds the demo store (about 200 products) on a fresh SQLite file, or on a fresh database of the
PostgreSQL server at $BENCH_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1/test, dropped
afterwards). Then many WhatsApp customers each hold the same short Hinglish chat, their turns
interleaved: two add-to-cart lines, a price question, checkout, an address, cash on delivery.
Every message goes the whole way a webhook's does: recorded in the inbound log, processed by
Engine.process, its replies delivered through a channel that only counts them.

Counted per message, and printed per kind:
- statements: every SQL statement sent (SQLAlchemy's before_cursor_execute on the sync engine, which
  db/driver.py fires too for the hot statements it sends straight to asyncpg), SAVEPOINTs included,
  BEGIN and COMMIT not; how many of them went straight to asyncpg is printed below the table;
- round trips: statements plus each BEGIN, COMMIT and ROLLBACK, and the liveness ping of each
  connection taken from the pool where the engine pings (pool_pre_ping, on PostgreSQL);
- CPU ms: time.process_time() of the whole process (aiosqlite's thread included, the PostgreSQL
  server not), for record + process + deliver; the data loaded by the warm-up is frozen out of garbage
  collection first, as `serve` does (workers/heap.py);
- server CPU ms (PostgreSQL on this machine): what the bench's own backends spent, from
  /proc/<backend pid>/stat. Counted in clock ticks (10 ms), so only the averages over many
  messages mean something.
One warm-up chat runs first, so the product index is built before anything is counted.
`--sql KIND` prints the statements of the first counted message of that kind (look for autoflushes).
`--profile KIND` runs cProfile over the `process` phase of every counted message of that kind and prints
the functions with the most time of their own (the CPU column is inflated by the profiler then).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import os
import pstats
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import event, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from vyaparai.bot.engine import Engine
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.catalog.demo import DEMO_WHATSAPP_PHONE_NUMBER_ID, seed_demo
from vyaparai.db import driver
from vyaparai.channels.whatsapp.parse import WebhookBatch
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Order, Store
from vyaparai.web.whatsapp import record_batch_once
from vyaparai.workers.heap import freeze_loaded_data
from vyaparai.workers.delivery import deliver_due

PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1/test")

# (kind, text): one customer's chat. Typical of what the shops get, written for this bench.
CHAT = (
    ("add (new customer)", "2 kilo aata aur 1 maggi bhejo"),
    ("add", "ek kilo cheeni bhi daal dena"),
    ("question", "maggi kitne ki hai?"),
    ("checkout", "bas itna hi, order kar do"),
    ("address", "H. No. 45, Gali 3, Amar Colony, Lajpat Nagar 4, New Delhi 110024"),
    ("payment", "cash"),
)


PHASES = ("record", "process", "deliver")


@dataclass
class Cost:
    statements: int = 0
    round_trips: int = 0
    cpu_s: float = 0.0
    server_s: float = 0.0

    def add(self, other: Cost) -> None:
        self.statements += other.statements
        self.round_trips += other.round_trips
        self.cpu_s += other.cpu_s
        self.server_s += other.server_s

    def per(self, n: int) -> str:
        return f"{self.statements / n:>6.1f} {self.round_trips / n:>6.1f} {1000 * self.cpu_s / n:>7.2f}"


@dataclass
class Tally:
    """Counts and CPU for one kind of message, per phase."""

    messages: int = 0
    replies: int = 0
    phases: dict[str, Cost] = field(default_factory=lambda: {p: Cost() for p in PHASES})

    def whole(self) -> Cost:
        total = Cost()
        for cost in self.phases.values():
            total.add(cost)
        return total


class StatementCounter:
    """Counts what the engine sends to the database; `log` keeps the SQL text while it is a list."""

    def __init__(self, engine: AsyncEngine):
        self.statements = self.transactions = 0
        self.log: list[str] | None = None
        sync = engine.sync_engine
        event.listen(sync, "before_cursor_execute", self._on_execute)
        self.short_way = 0  # of those, sent straight to asyncpg (db/driver.py fires the same event for them)
        driver.listen(self._on_short_way)
        for name in ("begin", "commit", "rollback"):
            event.listen(sync, name, self._on_transaction)
        if sync.pool._pre_ping:  # a ping is a round trip the cursor events do not see
            event.listen(sync.pool, "checkout", lambda *_: self._on_transaction(None))
        self.backends: list[int] = []
        if sync.dialect.name == "postgresql":
            event.listen(sync, "connect", self._on_connect)

    def _on_connect(self, dbapi_conn, _record) -> None:
        cursor = dbapi_conn.cursor()  # the raw driver: not counted as one of the bench's statements
        cursor.execute("SELECT pg_backend_pid()")
        self.backends.append(cursor.fetchone()[0])
        cursor.close()

    def server_seconds(self) -> float:
        """CPU the bench's PostgreSQL backends have used; 0 when they are not on this machine."""
        ticks = 0
        for pid in self.backends:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def _on_execute(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        # SQLite's BEGIN IMMEDIATE goes through the cursor (db/engine.py); it is counted as a begin.
        if statement.lstrip().upper().startswith("BEGIN"):
            return
        self.statements += 1
        if self.log is not None:
            self.log.append(" ".join(statement.split())[:160])

    def _on_short_way(self, _statement: str) -> None:
        self.short_way += 1

    def _on_transaction(self, conn) -> None:
        # An AUTOCOMMIT connection (db/engine.py single_statements) sends no BEGIN, COMMIT or ROLLBACK.
        if conn is not None and conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
            return
        self.transactions += 1

    def snapshot(self) -> tuple[int, int]:
        return self.statements, self.statements + self.transactions


class NullChannel:
    """A push channel that sends nowhere and counts."""

    name = "whatsapp"

    def __init__(self):
        self.sent: list[OutboundMessage] = []

    async def send(self, message: OutboundMessage) -> str:
        self.sent.append(message)
        return f"wamid.{len(self.sent)}"


class Bench:
    def __init__(self, engine: AsyncEngine, show: bool, sql_kind: str | None, profile_kind: str | None = None):
        self.engine = engine
        self.profile_kind = profile_kind
        self.profiler = cProfile.Profile() if profile_kind else None
        self.sessions = create_sessions(engine, on_order_changes=lambda _changes: None)  # as `serve` has it
        self.bot = Engine(self.sessions)
        self.counter = StatementCounter(engine)
        self.channel = NullChannel()
        self.show, self.sql_kind = show, sql_kind
        self.tallies: dict[str, Tally] = defaultdict(Tally)

    async def message(self, sender: str, kind: str, text_: str, counted: bool) -> None:
        msg = InboundMessage(channel="whatsapp", provider_message_id=f"wamid.{uuid.uuid4().hex}", sender=sender,
                             text=text_, store_ref=DEMO_WHATSAPP_PHONE_NUMBER_ID, sender_phone=sender,
                             sender_name="Bench Customer")
        tally = self.tallies[kind]
        logging_sql = counted and kind == self.sql_kind and tally.messages == 0
        self.counter.log = [] if logging_sql else None
        sent_before = len(self.channel.sent)
        costs = {}
        async with self._phase(costs, "record"):  # what the WhatsApp webhook runs: one statement for the batch
            [(inbound_id, _msg)] = await record_batch_once(self.engine, WebhookBatch(messages=[msg]))
        profiled = counted and kind == self.profile_kind
        async with self._phase(costs, "process"):
            if profiled:
                self.profiler.enable()
            await self.bot.process(inbound_id)
            if profiled:
                self.profiler.disable()
        async with self._phase(costs, "deliver"):
            await deliver_due(self.sessions, {"whatsapp": self.channel})
        if logging_sql:
            print(f"\n-- statements of one '{kind}' message --")
            print("\n".join(self.counter.log))
        if self.show:
            for reply in self.channel.sent[sent_before:]:
                print(f"[{kind}] -> {reply.recipient}: {reply.text!r}")
        if counted:
            tally.messages += 1
            tally.replies += len(self.channel.sent) - sent_before
            for phase, cost in costs.items():
                tally.phases[phase].add(cost)

    @contextlib.asynccontextmanager
    async def _phase(self, costs: dict[str, Cost], phase: str):
        cpu, server, (statements, trips) = time.process_time(), self.counter.server_seconds(), self.counter.snapshot()
        yield
        now_statements, now_trips = self.counter.snapshot()
        costs[phase] = Cost(now_statements - statements, now_trips - trips, time.process_time() - cpu,
                            self.counter.server_seconds() - server)


async def _run(url: str, customers: int, show: bool, sql_kind: str | None,
               profile_kind: str | None = None) -> tuple[Bench, int]:
    await asyncio.to_thread(upgrade, url)  # alembic runs its own event loop
    engine = create_engine(url)
    try:
        bench = Bench(engine, show, sql_kind, profile_kind)
        async with bench.sessions() as session, session.begin():
            demo = await seed_demo(session)
            # Open round the clock, so a run at night still places its orders.
            (await session.get(Store, demo.store_id)).opening_hours = {}
        await _chat_all(bench, ["919000000000"], counted=False)  # warm-up: builds the product index
        # As `vyaparai serve` does once started: full collections over the language data (70-80 ms each here)
        # would otherwise land on whichever kind of message was running and swamp its CPU figure.
        freeze_loaded_data()
        bench.show = False
        await _chat_all(bench, [f"9191{i:08d}" for i in range(customers)], counted=True)
        async with bench.sessions() as session:
            orders = await session.scalar(select(func.count()).select_from(Order))
        return bench, orders - 1  # less the warm-up's
    finally:
        await engine.dispose()


async def _chat_all(bench: Bench, senders: list[str], counted: bool) -> None:
    """Every customer's chat, one line at a time, the customers' lines interleaved."""
    for kind, line in CHAT:
        for sender in senders:
            await bench.message(sender, kind, line, counted)


def _print(label: str, bench: Bench, orders: int, customers: int) -> None:
    print(f"\n{label}: {customers} customers, {orders} orders placed (expected {customers})")
    print("per message: statements, round trips, CPU ms; for the whole message and for each phase")
    print(f"{'':<26}" + "".join(f" {name:^21} |" for name in ("whole message", *PHASES)))
    print(f"{'kind':<20} {'msgs':>5}" + f" {'stmts':>6} {'trips':>6} {'CPU':>7} |" * 4 + " replies  server CPU")
    total = Tally()
    for kind in dict.fromkeys(kind for kind, _ in CHAT):
        t = bench.tallies[kind]
        if t.messages:
            _print_row(kind, t)
            total.messages += t.messages
            for phase, cost in t.phases.items():
                total.phases[phase].add(cost)
    _print_row("all", total)
    if bench.counter.short_way:
        print(f"statements sent straight to asyncpg (db/driver.py), warm-up included: {bench.counter.short_way}")


def _print_row(kind: str, t: Tally) -> None:
    n = t.messages
    row = f"{kind:<20} {n:>5} {t.whole().per(n)} |" + "".join(f" {t.phases[p].per(n)} |" for p in PHASES)
    server = t.whole().server_s
    print(row + (f" {t.replies / n:>7.1f}" if t.replies else " " * 8) + (f" {1000 * server / n:>11.2f}" if server else ""))


async def _pg_database() -> str:
    admin = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"vyaparai_turns_{uuid.uuid4().hex[:8]}"
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


async def _drop_pg(url: str) -> None:
    admin = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def main(db: str, customers: int, show: bool, sql_kind: str | None, profile_kind: str | None = None) -> int:
    if db == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            bench, orders = await _run(f"sqlite+aiosqlite:///{Path(tmp) / 'turns.db'}", customers, show, sql_kind,
                                        profile_kind)
        label = "SQLite"
    else:
        url = await _pg_database()
        try:
            bench, orders = await _run(url, customers, show, sql_kind, profile_kind)
        finally:
            await _drop_pg(url)
        label = "PostgreSQL"
    _print(label, bench, orders, customers)
    if bench.profiler is not None:
        print(f"\n-- cProfile of the process phase of '{profile_kind}' messages --")
        pstats.Stats(bench.profiler).sort_stats("tottime").print_stats(40)
    return 0 if orders == customers else 1  # cheaper turns that stop placing orders are no win


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--customers", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print the warm-up chat's replies")
    parser.add_argument("--sql", metavar="KIND", help="print the SQL of one message of this kind, e.g. add")
    parser.add_argument("--profile", metavar="KIND", help="cProfile the process phase of this kind, e.g. add")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.db, args.customers, args.show, args.sql, args.profile)))
