"""`vyaparai inbox failed|retry`: the messages and replies set aside after failing max_attempts times, and retrying them."""
from __future__ import annotations

import asyncio
import json

from vyaparai.bot.inbox import failed_messages, retry_failed_messages
from vyaparai.bot.outbox import failed_replies, retry_failed_replies
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings


def register(sub) -> None:
    p = sub.add_parser("inbox", help="messages that could not be handled: list them, retry them")
    actions = p.add_subparsers(dest="inbox_action", required=True, metavar="ACTION")
    failed = actions.add_parser("failed", help="list inbound messages and outbox replies set aside as failed")
    failed.add_argument("--store", help="only this store's (its code)")
    failed.add_argument("--limit", type=int, default=50)
    failed.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    failed.set_defaults(handler=run)
    retry = actions.add_parser("retry", help="process failed inbound messages again / send failed replies again")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("--id", type=int, action="append", dest="ids", metavar="ID", help="one message; repeatable")
    which.add_argument("--all", action="store_true", help="every failed one")
    retry.add_argument("--outbox", action="store_true", help="retry outbox replies rather than inbound messages")
    retry.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(_list(args) if args.inbox_action == "failed" else _retry(args))


async def _list(args) -> int:
    async with database(Settings.from_env()) as sessions, sessions() as session:
        store_id = None
        if args.store:
            store = await get_store_by_code(session, args.store)
            if store is None:
                raise CommandError(f"no store with code {args.store}")
            store_id = store.id
        rows = [_inbound_row(m) for m in await failed_messages(session, store_id, args.limit)]
        rows += [_outbox_row(r) for r in await failed_replies(session, store_id, args.limit)]
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{row['kind']:8} {row['id']:>7} {row['channel']:9} store {row['store_id']!s:>4} "
                  f"tries {row['attempts']:>2}  {row['error'] or ''}"[:200])
    if not rows and not args.json:
        print("nothing failed")
    return 0


def _inbound_row(m) -> dict:
    return {"kind": "inbound", "id": m.id, "channel": m.channel, "store_id": m.store_id, "attempts": m.attempts,
            "error": m.error, "received_at": m.received_at.isoformat()}


def _outbox_row(r) -> dict:
    return {"kind": "outbox", "id": r.id, "channel": r.channel, "store_id": r.store_id, "attempts": r.attempts,
            "error": r.error, "received_at": r.created_at.isoformat()}


async def _retry(args) -> int:
    ids = None if args.all else args.ids
    async with database(Settings.from_env()) as sessions, sessions() as session, session.begin():
        retried = await (retry_failed_replies if args.outbox else retry_failed_messages)(session, ids)
    what = "replies will be sent" if args.outbox else "messages will be processed"
    print(f"{len(retried)} {what} again" + (f": {', '.join(map(str, retried))}" if retried else ""))
    print("(the next sweep of `vyaparai serve` or `vyaparai worker` picks them up)")
    return 0
