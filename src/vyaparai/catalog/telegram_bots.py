"""A store's own Telegram bot: its token kept encrypted with a key derived from SECRET_KEY."""
from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Store, TelegramBot


class TokenUnreadable(ValueError):
    """The stored token was encrypted with another SECRET_KEY: run `vyaparai store telegram` again."""


def _cipher(secret_key: str) -> Fernet:
    # A key of its own (not the session cookie's), derived so the operator keeps just one secret.
    digest = hashlib.sha256(b"vyaparai telegram token\0" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt_token(token: str, secret_key: str) -> str:
    return _cipher(secret_key).encrypt(token.encode()).decode()


def decrypt_token(encrypted: str, secret_key: str) -> str:
    try:
        return _cipher(secret_key).decrypt(encrypted.encode()).decode()
    except InvalidToken:
        raise TokenUnreadable("the Telegram token was stored under a different SECRET_KEY") from None


async def save_bot(session: AsyncSession, store: Store, *, bot_id: str, username: str | None, token: str,
                   secret_key: str) -> TelegramBot:
    """Connect (or reconnect) the store's bot in the caller's transaction; a store has at most one."""
    row = await session.scalar(select(TelegramBot).where(TelegramBot.store_id == store.id))
    taken = await session.scalar(select(TelegramBot).where(TelegramBot.bot_id == bot_id,
                                                           TelegramBot.store_id != store.id))
    if taken is not None:
        raise ValueError(f"Telegram bot {bot_id} already belongs to another store")
    if row is None:
        row = TelegramBot(store_id=store.id, bot_id=bot_id)
        session.add(row)
    row.bot_id, row.username, row.token_encrypted = bot_id, username, encrypt_token(token, secret_key)
    await session.flush()
    return row


async def bot_of_store(session: AsyncSession, store_id: int) -> TelegramBot | None:
    return await session.scalar(select(TelegramBot).where(TelegramBot.store_id == store_id))


async def token_of_bot(session: AsyncSession, bot_id: str, secret_key: str) -> str | None:
    encrypted = await session.scalar(select(TelegramBot.token_encrypted).where(TelegramBot.bot_id == bot_id))
    return decrypt_token(encrypted, secret_key) if encrypted else None
