"""`vyaparai store telegram`: connect a store's own Telegram bot (token kept encrypted, webhook with its secret)."""
from __future__ import annotations

import asyncio
import os

from vyaparai.catalog.stores import InvalidStoreValue, get_store_by_code, normalize_store_code
from vyaparai.catalog.telegram_bots import save_bot
from vyaparai.channels.base import ChannelError
from vyaparai.channels.telegram import bot_id_of, webhook_secret
from vyaparai.channels.telegram.setup import COMMANDS, connect_bot
from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings


def register(actions) -> None:
    """Add `telegram` to the `vyaparai store` actions."""
    p = actions.add_parser("telegram", help="connect the store's own Telegram bot (from @BotFather)")
    p.add_argument("--store", required=True, help="the store's code")
    p.add_argument("--token", required=True, help="the bot's token from @BotFather (123456:ABC...)")
    p.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(connect(Settings.from_env(), args.store, args.token,
                               secret_key_set=bool(os.environ.get("SECRET_KEY", "").strip())))


async def connect(settings: Settings, store_code: str, token: str, *, secret_key_set: bool) -> int:
    if not secret_key_set:
        # Without a fixed SECRET_KEY the stored token could not be read, nor the webhook's secret known, after a restart.
        raise CommandError("set SECRET_KEY first: the bot's token is stored encrypted with it")
    try:
        bot_id = bot_id_of(token.strip())
        code = normalize_store_code(store_code)
    except (ValueError, InvalidStoreValue) as e:
        raise CommandError(str(e)) from None
    url = f"{settings.public_base_url}/webhooks/telegram/{code}"
    async with database(settings) as sessions:
        async with sessions() as session:
            if await get_store_by_code(session, code) is None:
                raise CommandError(f"no store with code {code}")
        try:
            bot = await connect_bot(token.strip(), url, webhook_secret(settings.secret_key, bot_id),
                                    base_url=settings.telegram_api_base_url)
        except ChannelError as e:
            raise CommandError(f"{e} (is the token right?)") from None
        async with sessions() as session, session.begin():
            store = await get_store_by_code(session, code)
            try:
                await save_bot(session, store, bot_id=bot.bot_id, username=bot.username, token=token.strip(),
                               secret_key=settings.secret_key)
            except ValueError as e:
                raise CommandError(str(e)) from None
    print(f"connected @{bot.username} to store {code}")
    print(f"  webhook: {url}")
    print(f"  commands: {' '.join('/' + name for name, _ in COMMANDS)}")
    print(f"  customers: https://t.me/{bot.username}?start={code}")
    print(f"  owners: send /owner <your phone> to @{bot.username} for a code on WhatsApp")
    return 0
