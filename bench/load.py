"""Load bench: signed WhatsApp webhooks at given rates against a topology it starts, replies timed at a fake Graph API.

usage:
  python bench/load.py --topology inprocess --db postgres --rates 50,100,150 --seconds 20
  python bench/load.py --topology inprocess --web 2 --db postgres --rates 150,300
  python bench/load.py --topology rq --web 1 --workers 2 --db postgres --rates 50,100
  python bench/load.py --db postgres --overload 150          (2 x 150 msg/s for --seconds)

It makes a fresh database (PostgreSQL: vyaparai_load_<pid>, dropped at the end; SQLite: a temporary
file), seeds the demo store with plenty of stock, starts a fake Graph API (bench/fake_graph.py) and
the servers (`vyaparai serve [--processes N]`, and `vyaparai worker --processes M` for rq), warms
them up, then for each rate sends --seconds of messages open-loop and waits for the backlog to drain.

Per rate: achieved rate; ack p50/p99 (webhook POST to its HTTP answer); reply p50/p99 (webhook POST
to the fake Graph API receiving the first reply to it); HTTP errors by status; duplicates (a reply
body received twice for one turn); missing (no reply within
--drain-window); drain (the load stopped -> the last message's first reply); PostgreSQL deadlocks
(pg_stat_database) and trouble in the server logs (deadlock, pool timeout, traceback). At the end,
"resent": sends the provider received beyond the outbox rows marked sent (a reply sent twice).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from calibrate import machine_line
from load_topology import APP_SECRET, PHONE_NUMBER_ID, Database, Topology, cpu_seconds, fresh_database
from load_traffic import Traffic, Webhooks
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.db.models import InboundLog, OutboxMessage

HERE = Path(__file__).parent
WARM_UP = (10, 3.0)  # msg/s, seconds: every web process builds its product index before the figures start


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.0f}"


async def start_fake_graph() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, str(HERE / "fake_graph.py"), "--port", "0"],
                            stdout=subprocess.PIPE, text=True)
    line = await asyncio.to_thread(proc.stdout.readline)
    if not line.startswith("listening on "):
        proc.kill()
        raise RuntimeError(f"fake Graph API did not start: {line!r}")
    return proc, f"http://127.0.0.1:{line.split()[-1]}"


async def cpu_used(topology: Topology, db: Database) -> tuple[dict, dict]:
    """CPU seconds so far per process: ours by command ("serve", "worker"), and PostgreSQL's backends."""
    return ({role: cpu_seconds(topology.pids(role)) for role in ("serve", "worker")},
            cpu_seconds(await db.backend_pids()))


def cpu_since(before: dict, after: dict) -> float:
    return sum(used - before.get(pid, 0.0) for pid, used in after.items())


async def phase(traffic: Traffic, topology: Topology, db: Database, label: str, rate: float, args,
                graph_pid: int) -> dict:
    deadlocks, trouble = await db.deadlocks(), topology.trouble()
    app_cpu, db_cpu = await cpu_used(topology, db)
    load_cpu = time.process_time() + sum(cpu_seconds([graph_pid]).values())
    indexes, started, ended = await traffic.run(rate, args.seconds)
    await traffic.wait_answered(indexes, args.drain_window)
    app_cpu_after, db_cpu_after = await cpu_used(topology, db)
    load_cpu = time.process_time() + sum(cpu_seconds([graph_pid]).values()) - load_cpu
    await traffic.settle(1.0)
    sent = [traffic.messages[i] for i in indexes]
    answered = [m.first_reply for m in sent if m.first_reply is not None]
    after = topology.trouble()
    return {
        "label": label, "sent": len(sent), "achieved": len(sent) / max(ended - started, 1e-9),
        "ack": [m.acked - m.posted for m in sent if m.status == 200],
        "reply": [m.first_reply - m.posted for m in sent if m.first_reply is not None],
        "errors": Counter(str(m.status) for m in sent if m.status != 200),
        "duplicates": sum(m.duplicates for m in sent), "missing": len(sent) - len(answered),
        "overlapped": sum(m.overlapped for m in sent),
        "drain": max(answered) - ended if len(answered) == len(sent) and answered else None,
        "deadlocks": await db.deadlocks() - deadlocks,
        "app_cpu": {role: cpu_since(app_cpu[role], app_cpu_after[role]) / max(len(sent), 1) for role in app_cpu},
        "db_cpu": cpu_since(db_cpu, db_cpu_after) / max(len(sent), 1),
        "load_cpu": load_cpu / max(len(sent), 1),
        "trouble": {k: after[k] - trouble[k] for k in after if after[k] - trouble[k]},
    }


def print_table(rows: list[dict], args) -> None:
    print(f"\n{args.topology}, web x{args.web}" + (f", workers x{args.workers}" if args.topology == "rq" else "")
          + f", send rate {args.send_rate}/s per number"
          + f", {args.db}, {args.customers} customers, {args.seconds:g} s per rate\n")
    head = (f"{'rate':>9} {'sent':>6} {'achieved':>8} {'ack p50':>7} {'ack p99':>7} {'reply p50':>9} "
            f"{'reply p99':>9} {'dup':>4} {'miss':>5} {'drain s':>7} {'dlk':>4} {'cpu app':>7} {'cpu pg':>6} {'cpu load':>8} {'per core':>8}"
            "  http errors / server log")
    print(head)
    print("-" * len(head))
    for r in rows:
        errors = ", ".join(f"{k}x{v}" for k, v in sorted(r["errors"].items())) or "none"
        trouble = ", ".join(f"{k} x{v}" for k, v in r["trouble"].items())
        drain = "-" if r["drain"] is None else f"{max(r['drain'], 0):.1f}"
        print(f"{r['label']:>9} {r['sent']:>6} {r['achieved']:>8.1f} {ms(percentile(r['ack'], .5)):>7} "
              f"{ms(percentile(r['ack'], .99)):>7} {ms(percentile(r['reply'], .5)):>9} "
              f"{ms(percentile(r['reply'], .99)):>9} {r['duplicates']:>4} {r['missing']:>5} {drain:>7} "
              f"{r['deadlocks']:>4} {sum(r['app_cpu'].values()) * 1000:>7.1f} {r['db_cpu'] * 1000:>6.1f} {r['load_cpu'] * 1000:>8.1f} {per_core(r):>8}  {errors}" + (f" / {trouble}" if trouble else "")
              + (f" ({r['overlapped']} sent while all customers waited)" if r["overlapped"] else "")
              + (f" (cpu web {r['app_cpu']['serve'] * 1000:.1f}, workers {r['app_cpu']['worker'] * 1000:.1f})"
                 if args.topology == "rq" else ""))
    print("\nms; reply = webhook POST -> first reply at the fake Graph API; miss = no reply within "
          f"{args.drain_window:g} s; drain = load stopped -> last first reply;\ndlk = PostgreSQL deadlocks; "
          "cpu = CPU ms per message of the server processes (app), of PostgreSQL's backends for them (pg),\n"
          "and of the load itself (this bench and the fake Graph API, on the same cores);\n"
          "per core = messages a second one core would serve at this cost of app + pg (1000 / (app + pg)):\n"
          "the figure to compare machines by, since load generator and server share these cores")


def per_core(row: dict) -> str:
    spent = sum(row["app_cpu"].values()) + row["db_cpu"]
    return f"{1 / spent:.0f}" if spent > 0 else "-"


async def outbox_figures(db: Database, replies_received: int) -> str:
    engine = create_engine(db.url)
    try:
        async with create_sessions(engine)() as s:
            sent_rows = await s.scalar(select(func.count()).select_from(OutboxMessage)
                                       .where(OutboxMessage.provider_message_id.is_not(None)))
            waiting = await s.scalar(select(func.count()).select_from(InboundLog)
                                     .where(InboundLog.status != "processed"))
    finally:
        await engine.dispose()
    return (f"provider received {replies_received} sends for {sent_rows} outbox rows marked sent "
            f"(resent: {replies_received - sent_rows}); inbound messages not processed at the end: {waiting}")


async def main(args) -> int:
    rates = [(f"{r:g}", r) for r in args.rates] if args.overload is None else [(f"2x{args.overload:g}", 2 * args.overload)]
    machine = await machine_line()  # before anything of ours runs: the machine as the load will find it
    db = await fresh_database(args.db)
    graph, graph_url = await start_fake_graph()
    topology = Topology(args.topology, args.web, args.workers)
    try:
        if args.topology == "rq":
            from redis import Redis
            Redis.from_url(args.redis_url).flushdb()
        env = topology.env(db, graph_url, args.redis_url)
        # The server's capacity, not the provider's: one store number at the default 80/s could never
        # answer more than 80 messages a second, so the bench sends at Meta's upgraded tier unless told.
        env["VYAPARAI_SEND_RATE"] = str(args.send_rate)
        topology.start(env)
        await topology.wait_ready()
        webhooks = Webhooks(PHONE_NUMBER_ID, APP_SECRET)
        async with Traffic(topology.base_url, graph_url, webhooks, 50, prefix="9160") as warm:
            indexes, _, _ = await warm.run(*WARM_UP)
            if not await warm.wait_answered(indexes, 60):
                raise RuntimeError(f"warm-up messages got no replies:\n{topology.tail()}")
        rows = []
        async with Traffic(topology.base_url, graph_url, webhooks, args.customers,
                           replies_before=warm.replies_seen, keep_alive=args.keep_alive) as traffic:
            for label, rate in rates:
                rows.append(await phase(traffic, topology, db, label, rate, args, graph.pid))
                print(f"done {label} msg/s", file=sys.stderr, flush=True)
            total = traffic.replies_seen
        print_table(rows, args)
        print(machine)
        print(await outbox_figures(db, total))
        if args.show_logs:
            print(topology.tail())
        return 0
    finally:
        topology.stop()
        graph.kill()
        await db.drop()


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--topology", choices=("inprocess", "rq"), default="inprocess")
    p.add_argument("--web", type=int, default=1, help="web processes sharing the port")
    p.add_argument("--workers", type=int, default=2, help="rq worker processes (--topology rq)")
    p.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    p.add_argument("--rates", type=lambda s: [float(x) for x in s.split(",")], default=[50.0, 100.0, 150.0])
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--overload", type=float, help="instead of --rates: 2 x this rate for --seconds")
    p.add_argument("--customers", type=int, default=2000)
    p.add_argument("--send-rate", type=int, default=int(os.environ.get("VYAPARAI_SEND_RATE", 1000)),
                   help="the server's VYAPARAI_SEND_RATE (replies a second per store number); default 1000, "
                        "Meta's upgraded tier")
    p.add_argument("--drain-window", type=float, default=60.0, help="seconds to wait for replies after the load")
    p.add_argument("--keep-alive", action="store_true",
                   help="reuse connections (default: one per webhook, so N web processes share the load)")
    p.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    p.add_argument("--show-logs", action="store_true", help="print the end of the server logs")
    return p.parse_args(argv)


if __name__ == "__main__":
    started = time.monotonic()
    code = asyncio.run(main(parse_args()))
    print(f"(bench took {time.monotonic() - started:.0f} s)", file=sys.stderr)
    sys.exit(code)
