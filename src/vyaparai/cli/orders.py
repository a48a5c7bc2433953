"""`vyaparai orders list`: a store's orders, as a table or as JSON for scripts."""
from __future__ import annotations

import argparse
import asyncio
import json
import sys


from vyaparai.catalog.stores import get_store_by_code
from vyaparai.cli.context import database
from vyaparai.config import Settings
from vyaparai.orders.listing import orders_as_dicts
from vyaparai.orders.states import ORDER_STATUSES


def register(sub) -> None:
    p = sub.add_parser("orders", help="look at a store's orders")
    actions = p.add_subparsers(dest="orders_action", required=True, metavar="ACTION")
    ls = actions.add_parser("list", help="the latest orders, newest first")
    ls.add_argument("--store", required=True, help="store code, e.g. DEMO")
    ls.add_argument("--json", action="store_true", help="print JSON (items, totals in paise, customer)")
    ls.add_argument("--status", choices=ORDER_STATUSES, help="only orders with this status")
    ls.add_argument("--limit", type=_positive, default=50, help="at most this many orders (default 50)")
    ls.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(_list(Settings.from_env(), args.store, args.json, args.status, args.limit))


async def _list(settings: Settings, code: str, as_json: bool, status: str | None, limit: int) -> int:
    async with database(settings) as sessions, sessions() as session:
        store = await get_store_by_code(session, code)
        if store is None:
            print(f"vyaparai: no store with code {code!r}", file=sys.stderr)
            return 1
        orders = await orders_as_dicts(session, store.id, limit=limit, status=status)
    if as_json:
        print(json.dumps(orders, ensure_ascii=False, indent=2))
    else:
        print(_table(orders) if orders else f"no {status or ''} orders at {store.code}".replace("  ", " "))
    return 0


def _table(orders: list[dict]) -> str:
    header = ("number", "placed (UTC)", "status", "payment", "total", "customer", "items")
    rows = [header] + [
        (
            str(o["number"]),
            o["placed_at"][:16].replace("T", " "),
            o["status"],
            f"{o['payment_method']}/{o['payment_status']}",
            _rupees(o["total_paise"]),
            o["customer"]["name"] or o["customer"]["phone"] or "-",
            ", ".join(f"{i['qty']:g} {i['unit']} {i['name']}" for i in o["items"]),
        )
        for o in orders
    ]
    widths = [max(len(r[c]) for r in rows) for c in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] for r in rows
    )


def _rupees(paise: int) -> str:
    return f"₹{paise // 100:,}.{paise % 100:02d}"


def _positive(value: str) -> int:
    n = int(value)
    if n <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return n
