"""`vyaparai store create|pause|resume|show`: register a store, stop and restart its orders, and look at it."""
from __future__ import annotations

import asyncio
import sys

from vyaparai.catalog.store_status import StatusChangeRefused, pause_store, resume_store, store_history
from vyaparai.catalog.stores import StoreError, create_store, get_store_by_code
from vyaparai.cli import store_channels
from vyaparai.cli import telegram as telegram_command
from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings


def register(sub) -> None:
    p = sub.add_parser("store", help="register and manage stores")
    actions = p.add_subparsers(dest="store_action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="register a store")
    create.add_argument("--code", required=True, help="short code customers use, e.g. SHARMA01 (2-32 of A-Z 0-9 - _)")
    create.add_argument("--name", required=True, help="the shop's name as customers know it")
    create.add_argument("--owner-phone", action="append", required=True, dest="owner_phones", metavar="PHONE",
                        help="owner's WhatsApp number; repeat for several owners (10-digit Indian numbers get +91)")
    create.add_argument("--owner-password", help="password for the web panel (8+ characters)")
    create.add_argument("--whatsapp-phone-number-id", help="the WhatsApp Cloud API phone-number id of the shop")
    create.add_argument("--lat", type=float, help="latitude, so customers can find the nearest store")
    create.add_argument("--lon", type=float, help="longitude")
    create.add_argument("--address", help="the shop's address")
    create.set_defaults(handler=run)
    telegram_command.register(actions)
    store_channels.register(actions)
    pause = actions.add_parser("pause", help="stop the store taking orders (its chats are told it is closed for now)")
    pause.add_argument("--code", required=True, help="the store's code")
    pause.add_argument("--reason", required=True, help="why; kept in the store's history")
    pause.set_defaults(handler=lambda args: asyncio.run(_pause(Settings.from_env(), args.code, args.reason)))
    resume = actions.add_parser("resume", help="let a paused store take orders again")
    resume.add_argument("--code", required=True, help="the store's code")
    resume.set_defaults(handler=lambda args: asyncio.run(_resume(Settings.from_env(), args.code)))
    show = actions.add_parser("show", help="the store's status, rules, hours and recent history")
    show.add_argument("--code", required=True, help="the store's code")
    show.set_defaults(handler=lambda args: asyncio.run(_show(Settings.from_env(), args.code)))


def run(args) -> int:
    return asyncio.run(_create(Settings.from_env(), args))


async def _create(settings: Settings, args) -> int:
    try:
        async with database(settings) as sessions, sessions() as session, session.begin():
            store = await create_store(
                session, code=args.code, name=args.name, owner_phones=args.owner_phones,
                owner_password=args.owner_password, whatsapp_phone_number_id=args.whatsapp_phone_number_id,
                lat=args.lat, lon=args.lon, address=args.address,
            )
    except StoreError as e:
        print(f"vyaparai: {e}", file=sys.stderr)
        return 1
    print(f"created store {store.code} ({store.name})")
    print(f"  owners: {', '.join('+' + p for p in store.owner_phones)}")
    if args.whatsapp_phone_number_id:
        print(f"  WhatsApp phone-number id: {args.whatsapp_phone_number_id}")
    if not args.owner_password:
        print("  no panel password set: the owner can use WhatsApp only")
    return 0


async def _pause(settings: Settings, code: str, reason: str) -> int:
    async with database(settings) as sessions, sessions() as session, session.begin():
        store = await _store(session, code)
        try:
            await pause_store(session, store, reason=reason, actor="cli")
        except StatusChangeRefused as e:
            return _refused(e)
    print(f"{store.code} paused: its chats are told it is closed for now and it takes no orders")
    return 0


async def _resume(settings: Settings, code: str) -> int:
    async with database(settings) as sessions, sessions() as session, session.begin():
        store = await _store(session, code)
        try:
            await resume_store(session, store, actor="cli")
        except StatusChangeRefused as e:
            return _refused(e)
    print(f"{store.code} resumed: it takes orders again")
    return 0


async def _show(settings: Settings, code: str) -> int:
    async with database(settings) as sessions, sessions() as session:
        store = await _store(session, code)
        history = await store_history(session, store.id, limit=10)
    print(f"{store.code} ({store.name}): {store.status}")
    print(f"  owners: {', '.join('+' + p for p in store.owner_phones)}")
    print(store_channels.rules_text(store))
    print("recent history:" if history else "no history yet")
    for event in history:
        why = f": {event.reason}" if event.reason else ""
        if event.kind == "rules_changed":
            why = ": " + ", ".join(store_channels.OPTION_OF_RULE.get(f, f) for f in event.detail.get("new", {}))
        print(f"  {event.at:%Y-%m-%d %H:%M} UTC  {event.kind} by {event.actor}{why}")
    return 0


async def _store(session, code: str):
    store = await get_store_by_code(session, code)
    if store is None:
        raise CommandError(f"no store with code {code.strip().upper()}")
    return store


def _refused(e: StatusChangeRefused) -> int:
    print(f"vyaparai: {e}; nothing was changed", file=sys.stderr)
    return 2
