"""`vyaparai store create`: register a store, its owners and its WhatsApp number."""
from __future__ import annotations

import asyncio
import sys

from vyaparai.catalog.stores import StoreError, create_store
from vyaparai.cli import store_channels
from vyaparai.cli import telegram as telegram_command
from vyaparai.cli.context import database
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
