"""`vyaparai chat`: talk to the bot in the terminal, as a customer or as the store's owner."""
from __future__ import annotations

import asyncio
import sys
import uuid

from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.bot.outbox import take_pulled
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.channels.text_render import as_plain_text
from vyaparai.config import Settings
from vyaparai.workers.services import Services

CHANNEL = "terminal"


def register(sub) -> None:
    p = sub.add_parser("chat", help="chat with the bot in the terminal (one input line per message)")
    p.add_argument("--store", required=True, help="store code, e.g. DEMO")
    p.add_argument("--as", dest="phone", default="919000000001", help="the customer's phone number")
    p.add_argument("--owner", action="store_true", help="talk as the store's owner (accept 1001, maggi 50, today)")
    p.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(_chat(Settings.from_env(), args.store, args.phone, args.owner))


async def _chat(settings: Settings, store_code: str, phone: str, owner: bool) -> int:
    services = Services.create(settings)
    try:
        async with services.sessions() as session:
            store = await get_store_by_code(session, store_code)
        if store is None:
            print(f"vyaparai: no store with code {store_code!r} (create one with `vyaparai store create`)",
                  file=sys.stderr)
            return 1
        sender = (store.owner_phones or [phone])[0] if owner else "".join(ch for ch in phone if ch.isdigit())
        interactive = sys.stdin.isatty()
        if interactive:
            who = "the owner" if owner else f"customer {sender}"
            print(f"Chatting with {store.name} as {who}. Ctrl+D to quit.\n")
        while True:
            if interactive:
                print("you> ", end="", flush=True)
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                return 0
            await _one_message(services, store.code, store.id, sender, line.rstrip("\n"), owner)
    finally:
        await services.close()


async def _one_message(services: Services, store_code: str, store_id: int, sender: str, text: str,
                       owner: bool) -> None:
    msg = InboundMessage(channel=CHANNEL, provider_message_id=uuid.uuid4().hex, sender=sender, text=text,
                         store_code=store_code, sender_phone=sender, as_owner=owner)
    async with services.sessions() as session, session.begin():
        inbound_id = await record_inbound(session, msg, store_id)
    await services.bot.process(inbound_id)
    async with services.sessions() as session, session.begin():
        replies = await take_pulled(session, CHANNEL, sender)
    block = "\n\n".join(as_plain_text(r) for r in replies)
    print(block + "\n", flush=True)
