"""What one customer message costs: SQL statements, round trips and CPU milliseconds, per kind of message.

usage: python bench/turn_cost.py [--db sqlite|postgres] [--customers 30] [--show] [--sql KIND]

Seeds the demo store (about 200 products) on a fresh SQLite file, or on a fresh database of the
PostgreSQL server at $BENCH_PG_URL (default postgresql+asyncpg://postgres@127.0.0.1/test, dropped
afterwards). Then many WhatsApp customers each hold the same short Hinglish chat, their turns
interleaved: two add-to-cart lines, a price question, checkout, an address, cash on delivery.
Every message goes the whole way a webhook's does: recorded in the inbound log, processed by
Engine.process, its replies delivered through a channel that only counts them.

Counted per message, and printed per kind:
- statements: every SQL statement sent (SQLAlchemy's before_cursor_execute on the sync engine),
  SAVEPOINTs included, BEGIN and COMMIT not;
- round trips: statements plus each BEGIN, COMMIT and ROLLBACK, and the liveness ping of each
  connection taken from the pool where the engine pings (pool_pre_ping, on PostgreSQL);
- CPU ms: time.process_time() of the whole process (aiosqlite's thread included, the PostgreSQL
  server not), for record + process + deliver.
One warm-up chat runs first, so the product index is built before anything is counted.
`--sql KIND` prints the statements of the first counted message of that kind (look for autoflushes).
"""
from __future__ import annotations

import argparse
import asyncio
import os
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
from vyaparai.bot.inbox import find_store, record_inbound
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.catalog.demo import DEMO_WHATSAPP_PHONE_NUMBER_ID, seed_demo
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.migrate import upgrade
from vyaparai.db.models import Order
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


@dataclass
class Tally:
    """Counts and CPU for one kind of message."""

    messages: int = 0
    statements: int = 0
    round_trips: int = 0
    cpu_s: float = 0.0
    replies: int = 0
    by_phase: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class StatementCounter:
    """Counts what the engine sends to the database; `log` keeps the SQL text while it is a list."""

    def __init__(self, engine: AsyncEngine):
        self.statements = self.transactions = 0
        self.log: list[str] | None = None
        sync = engine.sync_engine
        event.listen(sync, "before_cursor_execute", self._on_execute)
        for name in ("begin", "commit", "rollback"):
            event.listen(sync, name, self._on_transaction)
        if sync.pool._pre_ping:  # a ping is a round trip the cursor events do not see
            event.listen(sync.pool, "checkout", lambda *_: self._on_transaction(None))

    def _on_execute(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        # SQLite's BEGIN IMMEDIATE goes through the cursor (db/engine.py); it is counted as a begin.
        if statement.lstrip().upper().startswith("BEGIN"):
            return
        self.statements += 1
        if self.log is not None:
            self.log.append(" ".join(statement.split())[:160])

    def _on_transaction(self, _conn) -> None:
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
    def __init__(self, engine: AsyncEngine, show: bool, sql_kind: str | None):
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
        cpu0, (st0, rt0) = time.process_time(), self.counter.snapshot()
        phases = []
        async with self.sessions() as session, session.begin():  # the webhook's part
            store = await find_store(session, msg)
            inbound_id = await record_inbound(session, msg, store.id)
        phases.append(("record", self.counter.snapshot()[0]))
        await self.bot.process(inbound_id)
        phases.append(("process", self.counter.snapshot()[0]))
        await deliver_due(self.sessions, {"whatsapp": self.channel})
        phases.append(("deliver", self.counter.snapshot()[0]))
        cpu1, (st1, rt1) = time.process_time(), self.counter.snapshot()
        if logging_sql:
            print(f"\n-- statements of one '{kind}' message --")
            print("\n".join(self.counter.log))
        if self.show:
            for reply in self.channel.sent[sent_before:]:
                print(f"[{kind}] -> {reply.recipient}: {reply.text!r}")
        if not counted:
            return
        tally.messages += 1
        tally.statements += st1 - st0
        tally.round_trips += rt1 - rt0
        tally.cpu_s += cpu1 - cpu0
        tally.replies += len(self.channel.sent) - sent_before
        previous = st0
        for phase, at in phases:
            tally.by_phase[phase] += at - previous
            previous = at


async def _run(url: str, customers: int, show: bool, sql_kind: str | None) -> tuple[Bench, int]:
    await asyncio.to_thread(upgrade, url)  # alembic runs its own event loop
    engine = create_engine(url)
    try:
        bench = Bench(engine, show, sql_kind)
        async with bench.sessions() as session, session.begin():
            await seed_demo(session)
        await _chat_all(bench, ["919000000000"], counted=False)  # warm-up: builds the product index
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
    print(f"{'kind':<20} {'msgs':>5} {'stmts':>6} {'trips':>6} {'CPU ms':>7}  "
          f"{'record':>6} {'process':>7} {'deliver':>7}  replies")
    total = Tally()
    for kind, _ in dict.fromkeys(CHAT).items():
        t = bench.tallies[kind[0]]
        if not t.messages:
            continue
        n = t.messages
        print(f"{kind[0]:<20} {n:>5} {t.statements / n:>6.1f} {t.round_trips / n:>6.1f} {1000 * t.cpu_s / n:>7.2f}  "
              f"{t.by_phase['record'] / n:>6.1f} {t.by_phase['process'] / n:>7.1f} {t.by_phase['deliver'] / n:>7.1f}"
              f"  {t.replies / n:.1f}")
        total.messages += n
        total.statements += t.statements
        total.round_trips += t.round_trips
        total.cpu_s += t.cpu_s
    n = total.messages or 1
    print(f"{'all':<20} {total.messages:>5} {total.statements / n:>6.1f} {total.round_trips / n:>6.1f} "
          f"{1000 * total.cpu_s / n:>7.2f}")


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


async def main(db: str, customers: int, show: bool, sql_kind: str | None) -> int:
    if db == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            bench, orders = await _run(f"sqlite+aiosqlite:///{Path(tmp) / 'turns.db'}", customers, show, sql_kind)
        label = "SQLite"
    else:
        url = await _pg_database()
        try:
            bench, orders = await _run(url, customers, show, sql_kind)
        finally:
            await _drop_pg(url)
        label = "PostgreSQL"
    _print(label, bench, orders, customers)
    return 0 if orders == customers else 1  # cheaper turns that stop placing orders are no win


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--customers", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print the warm-up chat's replies")
    parser.add_argument("--sql", metavar="KIND", help="print the SQL of one message of this kind, e.g. add")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.db, args.customers, args.show, args.sql)))
