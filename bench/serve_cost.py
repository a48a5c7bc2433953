"""What a served WhatsApp message costs the serving process in CPU, split by phase (the turn, the ack, the sends...).

usage: python bench/serve_cost.py [--messages 300] [--rate 40] [--customers 100] [--runs 3] [--no-split]

The real aiohttp app (`create_app`, in-process jobs) serves on a local port inside this process, on a
fresh PostgreSQL database seeded like the load bench's. Two child processes do the rest, so their
CPU is not counted: a driver that posts signed webhooks (Hinglish order lines, many customers) at a
fixed rate, and the fake Graph API (bench/fake_graph.py) that takes the replies. A run ends when
every message is answered and every reply sent (the jobs drained).

Printed per run: this process's CPU (time.process_time: the event loop, asyncpg, everything the
server did) per message. With the split (the default) py-spy samples this process at 200 Hz while
it serves, and each sample goes to the first phase on its stack, in the order of PHASES; the
phases' shares of the samples are applied to the measured CPU. py-spy runs in its own process and
only reads this one's memory (--nonblocking), so the figure it splits is not inflated by it.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import logging
import os
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from aiohttp import web
from sqlalchemy import bindparam, event, update

sys.path.insert(0, str(Path(__file__).parent))
from load_topology import APP_SECRET, PHONE_NUMBER_ID, fresh_database, free_port  # noqa: E402
from webhook_driver import APP_SECRET as DRIVER_SECRET, PHONE_NUMBER_ID as DRIVER_NUMBER  # noqa: E402

from vyaparai.bot.messages import InboundMessage, OutboundMessage  # noqa: E402
from vyaparai.bot.outbox import insert_rows, reply_rows  # noqa: E402
from vyaparai.config import Settings  # noqa: E402
from vyaparai.db.models import InboundLog  # noqa: E402
from vyaparai.web.app import create_app  # noqa: E402
from vyaparai.web.keys import JOBS, SERVICES  # noqa: E402
from vyaparai.workers.heap import freeze_loaded_data  # noqa: E402

HERE = Path(__file__).parent
PY_SPY = Path(sys.executable).parent / "py-spy"

# (phase, markers): a sample belongs to the first phase one of whose markers is in one of its frames.
# The markers are "function (file" prefixes of py-spy's raw frames.
PHASES = (
    ("turn: Engine.process", ("process_inbound (vyaparai/workers/jobs.py",)),
    ("ack: record SQL", ("record_batch_once (vyaparai/web/whatsapp.py",)),
    ("ack: signature", ("check_signature (vyaparai/channels/whatsapp/verify.py",)),
    ("ack: parse", ("parse_webhook (vyaparai/channels/whatsapp/parse.py",)),
    ("ack: rest of handler", ("updates (vyaparai/web/whatsapp.py",)),
    ("outbox claim + mark SQL", ("claim_due (vyaparai/workers/outbox_claim.py", "_mark (vyaparai/workers/delivery.py")),
    ("send: rate limit", ("take (vyaparai/workers/rate_limit.py",)),
    ("send: Graph API client", ("send (vyaparai/channels/whatsapp/channel.py",)),
    ("send: rest", ("deliver_claimed (vyaparai/workers/delivery.py", "_run (vyaparai/workers/senders.py")),
    ("aiohttp server (HTTP, middlewares)", ("aiohttp/web_", "aiohttp/_http_parser", "aiohttp/http_")),
    ("aiohttp client (reading answers)", ("aiohttp/client", "aiohttp/connector", "aiohttp/streams")),
    ("asyncpg + SQLAlchemy (outside the above)", ("asyncpg/", "sqlalchemy/")),
    ("logging", ("logging/",)),
    ("event loop", ("asyncio/", "selectors.py", "uvloop/")),
)
OTHER = "other"


assert (DRIVER_SECRET, DRIVER_NUMBER) == (APP_SECRET, PHONE_NUMBER_ID), "the driver signs for the bench's store"


def _setting_env(graph_url: str, db_url: str) -> None:
    for name in [k for k in os.environ if k.startswith(("WHATSAPP_", "TELEGRAM_", "RAZORPAY_", "REDIS_URL"))]:
        del os.environ[name]
    os.environ.update(DATABASE_URL=db_url, WHATSAPP_TOKEN="cost-bench-token", WHATSAPP_APP_SECRET=APP_SECRET,
                      WHATSAPP_VERIFY_TOKEN="cost-bench", WHATSAPP_API_BASE_URL=graph_url, SECRET_KEY="c" * 32)


class Sampler:
    """py-spy recording this process into a raw file until stopped."""

    def __init__(self) -> None:
        self.out = Path(tempfile.mkstemp(suffix=".txt", prefix="serve_cost_")[1])
        self.proc = subprocess.Popen([str(PY_SPY), "record", "-r", "200", "--nonblocking", "-f", "raw",
                                      "-o", str(self.out), "-p", str(os.getpid())],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # attached before the load starts

    def stop(self, show: int = 0) -> Counter:
        """The samples per phase; `show` > 0 prints that many of each phase's commonest innermost frames."""
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=30)
        shares: Counter = Counter()
        inner: dict[str, Counter] = {}
        for line in self.out.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if stack:
                phase = _phase_of(stack)
                shares[phase] += int(count)
                tail = " < ".join(f.split(" (")[0] for f in reversed(stack.split(";")[-4:]))
                inner.setdefault(phase, Counter())[tail] += int(count)
        self.out.unlink()
        for phase, tails in inner.items() if show else ():
            print(f"-- {phase}: {shares[phase]} samples")
            for tail, count in tails.most_common(show):
                print(f"   {count:>5} {tail}")
        return shares


class EchoBot:
    """`--turn echo`: a turn that costs next to nothing (marks the message, queues one short reply, two statements),
    so what the run measures is the pipeline around the turn: HTTP, the ack, the queues, the senders."""

    _MARK = (update(InboundLog).where(InboundLog.id == bindparam("inbound_id"), InboundLog.status == "received")
             .values(status="processed").returning(InboundLog.payload, InboundLog.store_id))

    payments = None  # as a bot without online payments

    def __init__(self, sessions) -> None:
        self.sessions = sessions

    async def process(self, inbound_id: int) -> list[OutboundMessage]:
        async with self.sessions() as session, session.begin():
            row = (await session.execute(self._MARK, {"inbound_id": inbound_id})).one_or_none()
            if row is None:
                return []
            msg = InboundMessage.from_dict(row.payload)
            reply = OutboundMessage(channel=msg.channel, recipient=msg.sender, text=f"noted: {msg.text}")
            await insert_rows(session, reply_rows(session, row.store_id, [reply]))
            return [reply]


class Collections:
    """CPU the garbage collector takes (gc.callbacks around each collection), by generation."""

    def __init__(self) -> None:
        self.seconds: Counter = Counter()
        self.count: Counter = Counter()
        self._started = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._started
            self.count[info["generation"]] += 1


COLLECTIONS = Collections()


class Statements:
    """Counts the SQL statements the server sends, by who sends them: the outbox's claims and marks are told apart
    by their text, everything else (the ack's record and the turns) is counted together."""

    def __init__(self, engine) -> None:
        self.counts: Counter = Counter()
        event.listen(engine.sync_engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        if not statement.startswith("UPDATE outbox SET"):
            self.counts["ack + turn"] += 1
        elif "attempts=(outbox.attempts +" in statement:
            self.counts["outbox claim"] += 1
        else:
            self.counts["outbox mark"] += 1


def _phase_of(stack: str) -> str:
    frames = stack.split(";")
    for phase, markers in PHASES:
        if any(marker in frame for frame in frames for marker in markers):
            return phase
    return OTHER


# Where Python function calls go, by the file's place: a count that the machine's other load does not move.
CALL_AREAS = (("SQLAlchemy", "sqlalchemy/"), ("asyncpg", "asyncpg/"), ("aiohttp", "aiohttp"),
              ("asyncio", "asyncio/"), ("vyaparai", "vyaparai/"))


def _print_calls(profile: cProfile.Profile, messages: int) -> None:
    areas: Counter = Counter()
    for (filename, _line, _name), (_cc, calls, *_rest) in pstats.Stats(profile).stats.items():
        areas[next((area for area, part in CALL_AREAS if part in filename), "other")] += calls
    print(f"Python calls per message: {sum(areas.values()) / messages:.0f} ("
          + ", ".join(f"{area} {n / messages:.0f}" for area, n in areas.most_common()) + ")")


async def _child(*args: str) -> tuple[asyncio.subprocess.Process, str]:
    proc = await asyncio.create_subprocess_exec(sys.executable, *args, stdout=asyncio.subprocess.PIPE)
    first = (await proc.stdout.readline()).decode().strip()
    return proc, first


async def _run_once(app_runner: web.AppRunner, statements: Statements, url: str, args, series: int,
                    split: bool) -> tuple[float, Counter]:
    jobs = app_runner.app[JOBS]
    sampler = Sampler() if split else None
    calls = cProfile.Profile() if args.calls else None
    if calls:
        calls.enable()
    before, gc_before, gc_count = Counter(statements.counts), Counter(COLLECTIONS.seconds), Counter(COLLECTIONS.count)
    cpu, times = time.process_time(), os.times()
    driver = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "webhook_driver.py"), url, "--messages", str(args.messages),
        "--rate", str(args.rate), "--customers", str(args.customers), "--series", str(series))
    if await driver.wait():
        raise RuntimeError("some webhooks were not answered 200")
    await jobs.drain()
    used, after = time.process_time() - cpu, os.times()
    if calls:
        calls.disable()
        _print_calls(calls, args.messages)
    print(f"CPU per message: {1000 * used / args.messages:.2f} ms, of it in the kernel "
          f"{1000 * (after.system - times.system) / args.messages:.2f} ms")
    counted = statements.counts - before
    gc_used, gc_runs = COLLECTIONS.seconds - gc_before, COLLECTIONS.count - gc_count
    print(f"garbage collection per message: {1000 * sum(gc_used.values()) / args.messages:.2f} ms ("
          + ", ".join(f"gen {g}: {gc_runs[g]} runs {1000 * gc_used[g]:.0f} ms" for g in sorted(gc_runs)) + ")")
    print("statements per message: " + ", ".join(f"{kind} {n / args.messages:.2f}"
                                                  for kind, n in sorted(counted.items())))
    return used, sampler.stop(args.stacks) if sampler else Counter()


async def _bench(args) -> int:
    graph, line = await _child(str(HERE / "fake_graph.py"), "--port", "0")
    db = await fresh_database("postgres")
    try:
        _setting_env(f"http://127.0.0.1:{line.split()[-1]}", db.url)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # as `vyaparai serve` has it
        runner = web.AppRunner(create_app(Settings.from_env()))
        await runner.setup()
        freeze_loaded_data()  # as `vyaparai serve` does once started
        services = runner.app[SERVICES]
        statements = Statements(services.engine)
        if args.turn == "echo":
            services.bot = EchoBot(services.sessions)
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        url = f"http://127.0.0.1:{port}/webhooks/whatsapp"
        try:
            warm_up = argparse.Namespace(messages=20, rate=20, customers=20, stacks=0, calls=False)
            await _run_once(runner, statements, url, warm_up, 0, False)
            results = []
            for run in range(args.runs):
                results.append(await _run_once(runner, statements, url, args, run + 1, args.split))
        finally:
            await runner.cleanup()
    finally:
        graph.terminate()
        await graph.wait()
        await db.drop()
    _report(results, args.messages)
    return 0


def _report(results: list[tuple[float, Counter]], messages: int) -> None:
    per_message = [1000 * used / messages for used, _ in results]
    print(f"\nserving process CPU per message: median {statistics.median(per_message):.2f} ms "
          f"(runs {', '.join(f'{v:.2f}' for v in per_message)})")
    if not any(shares for _, shares in results):
        return
    print(f"{'phase':<44} {'ms/msg (median)':>15} {'share':>7}")
    for phase in [p for p, _ in PHASES] + [OTHER]:
        values = [1000 * used / messages * shares[phase] / max(1, sum(shares.values())) for used, shares in results]
        share = statistics.median(shares[phase] / max(1, sum(shares.values())) for _, shares in results)
        print(f"{phase:<44} {statistics.median(values):>15.2f} {100 * share:>6.1f}%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--rate", type=float, default=40.0, help="webhooks a second (keep it at most 40 here)")
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loop", choices=("default", "asyncio", "uvloop"), default="default",
                        help="the event loop: default is what `vyaparai serve` picks")
    parser.add_argument("--turn", choices=("real", "echo"), default="real",
                        help="echo: a near-free turn, to measure the pipeline around it")
    parser.add_argument("--stacks", type=int, default=0, metavar="N",
                        help="print each phase's N commonest innermost frames (where its time goes)")
    parser.add_argument("--calls", action="store_true",
                        help="count Python function calls per message by library (cProfile; slows the run)")
    parser.add_argument("--no-split", dest="split", action="store_false", help="CPU totals only, no py-spy")
    args = parser.parse_args()
    with asyncio.Runner(loop_factory=_loop_factory(args.loop)) as runner:
        return runner.run(_bench(args))


def _loop_factory(name: str):
    if name == "asyncio":
        return asyncio.new_event_loop
    if name == "uvloop":
        import uvloop
        return uvloop.new_event_loop
    from vyaparai.workers.event_loop import loop_factory  # what `vyaparai serve` runs
    return loop_factory()


if __name__ == "__main__":
    sys.exit(main())
