"""`vyaparai customer export|forget`: a customer's data at one store, as JSON or erased (DPDP Act 2023)."""
from __future__ import annotations

import asyncio
import json
import sys

from vyaparai.catalog.stores import get_store_by_code
from vyaparai.cli.context import database
from vyaparai.config import Settings
from vyaparai.orders.errors import OrderError
from vyaparai.orders.privacy import CustomerNotFound, InvalidPhone, OrdersStillOpen, export_customer, forget_customer

ACTOR = "cli"
NOT_FOUND = 2  # exit status for a store or customer that does not exist, or a number that is none


def register(sub) -> None:
    p = sub.add_parser("customer", help="a customer's data at a store: export it or erase it")
    actions = p.add_subparsers(dest="customer_action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="print everything the store keeps about the customer, as JSON")
    forget = actions.add_parser("forget", help="erase the customer's data at the store; past orders stay anonymous")
    for action in (export, forget):
        action.add_argument("--store", required=True, help="store code, e.g. DEMO")
        action.add_argument("--phone", required=True, help="the customer's phone, e.g. +91 98765 43210")
    forget.add_argument("--yes", action="store_true", help="do not ask before erasing")
    export.set_defaults(handler=run)
    forget.set_defaults(handler=run)


def run(args) -> int:
    settings = Settings.from_env()
    if args.customer_action == "export":
        return asyncio.run(_export(settings, args.store, args.phone))
    if not args.yes and not _confirmed(args.store):
        print("nothing was erased", file=sys.stderr)
        return 1
    return asyncio.run(_forget(settings, args.store, args.phone))


async def _export(settings: Settings, code: str, phone: str) -> int:
    async with database(settings) as sessions, sessions() as session, session.begin():
        store = await get_store_by_code(session, code)
        if store is None:
            return _no_store(code)
        try:
            data = await export_customer(session, store, phone, actor=ACTOR)
        except (CustomerNotFound, InvalidPhone) as e:
            return _fail(e, NOT_FOUND)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


async def _forget(settings: Settings, code: str, phone: str) -> int:
    async with database(settings) as sessions, sessions() as session, session.begin():
        store = await get_store_by_code(session, code)
        if store is None:
            return _no_store(code)
        try:
            done = await forget_customer(session, store, phone, actor=ACTOR)
        except (CustomerNotFound, InvalidPhone) as e:
            return _fail(e, NOT_FOUND)
        except OrdersStillOpen as e:
            return _fail(e, 1, hint="deliver or cancel them first: their address is still needed")
    counts = ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in done.as_dict().items() if n)
    print(f"erased at {store.code}: {counts or 'nothing was kept'}")
    return 0


def _confirmed(code: str) -> bool:
    if not sys.stdin.isatty():
        print("vyaparai: `customer forget` erases for good; add --yes to run it without a terminal", file=sys.stderr)
        return False
    answer = input(f"Erase this customer's name, phone, addresses, chats and cart at {code}? "
                   "Past orders stay anonymous. Type 'yes': ")
    return answer.strip().lower() == "yes"


def _no_store(code: str) -> int:
    print(f"vyaparai: no store with code {code!r}", file=sys.stderr)
    return NOT_FOUND


def _fail(error: OrderError, status: int, *, hint: str | None = None) -> int:
    print(f"vyaparai: {error}" + (f" ({hint})" if hint else ""), file=sys.stderr)
    return status
