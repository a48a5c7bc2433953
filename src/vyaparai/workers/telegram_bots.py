"""Which Telegram bot serves a store's webhook (and with which secret), and each bot's token for sending.

A store's own bot (`vyaparai store telegram`) is in the database; the env-wide TELEGRAM_BOT_TOKEN
serves TELEGRAM_STORE, or the only store of a single-store install.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.stores import InvalidStoreValue, get_store_by_code, normalize_store_code
from vyaparai.catalog.telegram_bots import bot_of_store, token_of_bot
from vyaparai.channels.telegram import bot_id_of, webhook_secret
from vyaparai.config import ConfigError, Settings
from vyaparai.db.engine import Sessions
from vyaparai.db.models import Store


@dataclass(frozen=True)
class WebhookBot:
    store: Store
    bot_id: str
    secret: str


async def webhook_bot(session: AsyncSession, store_code: str, settings: Settings) -> WebhookBot | None:
    """The bot whose updates /webhooks/telegram/{store_code} receives; None when the store has none."""
    try:
        store = await get_store_by_code(session, normalize_store_code(store_code))
    except InvalidStoreValue:
        return None
    if store is None:
        return None
    row = await bot_of_store(session, store.id)
    if row is not None:
        return WebhookBot(store, row.bot_id, webhook_secret(settings.secret_key, row.bot_id))
    if settings.telegram_bot_token and await env_bot_store_id(session, settings) == store.id:
        bot_id = bot_id_of(settings.telegram_bot_token)
        return WebhookBot(store, bot_id, settings.telegram_secret_token or webhook_secret(settings.secret_key, bot_id))
    return None


async def env_bot_store_id(session: AsyncSession, settings: Settings) -> int | None:
    if settings.telegram_store:
        store = await get_store_by_code(session, settings.telegram_store)
        return store.id if store else None
    ids = (await session.scalars(select(Store.id).order_by(Store.id).limit(2))).all()
    return ids[0] if len(ids) == 1 else None


class BotTokens:
    """Bot id -> token, for TelegramChannel: the env-wide bot's, else the store's decrypted from the database."""

    def __init__(self, sessions: Sessions, settings: Settings):
        self.sessions, self.settings = sessions, settings
        token = settings.telegram_bot_token
        try:
            self._env = (bot_id_of(token), token) if token else None
        except ValueError as e:
            raise ConfigError("TELEGRAM_BOT_TOKEN", str(e)) from None

    async def __call__(self, bot_id: str) -> str | None:
        if self._env and self._env[0] == bot_id:
            return self._env[1]
        async with self.sessions() as session:
            return await token_of_bot(session, bot_id, self.settings.secret_key)
