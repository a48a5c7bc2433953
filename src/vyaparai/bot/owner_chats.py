"""Owners' linked Telegram chats: who a chat belongs to, and a copy there of each message to an owner's phone."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.messages import OutboundMessage
from vyaparai.catalog.stores import is_owner
from vyaparai.db import driver
from vyaparai.db.models import Store, TelegramOwnerChat

TELEGRAM = "telegram"


async def linked_owner_phone(session: AsyncSession, store: Store, bot_id: str, chat_id: str) -> str | None:
    """The owner phone this chat was linked to, while that phone still owns the store."""
    phone = await session.scalar(select(TelegramOwnerChat.phone).where(
        TelegramOwnerChat.store_id == store.id, TelegramOwnerChat.bot_id == bot_id,
        TelegramOwnerChat.chat_id == chat_id))
    return phone if phone and is_owner(store, phone) else None


async def link_owner_chat(session: AsyncSession, store: Store, bot_id: str, chat_id: str, phone: str) -> None:
    row = await session.scalar(select(TelegramOwnerChat).where(TelegramOwnerChat.bot_id == bot_id,
                                                               TelegramOwnerChat.chat_id == chat_id))
    if row is None:
        session.add(TelegramOwnerChat(store_id=store.id, bot_id=bot_id, chat_id=chat_id, phone=phone))
    else:
        row.store_id, row.phone = store.id, phone
    await session.flush()


_CHATS = TelegramOwnerChat.__table__
# Built once (every order's alert asks): on PostgreSQL it takes db/driver.py's short way.
_STORE_CHATS = select(_CHATS.c.phone, _CHATS.c.bot_id, _CHATS.c.chat_id).where(
    _CHATS.c.store_id == bindparam("chats_store_id"))


async def telegram_copies(session: AsyncSession, store: Store, replies: list[OutboundMessage]) -> list[OutboundMessage]:
    """Each message to an owner's phone, also for each Telegram chat that owner linked (same text and buttons)."""
    if not any(is_owner(store, reply.recipient) for reply in replies):
        return []  # nothing for an owner's phone: no chat to look up
    rows = (await driver.execute(session, _STORE_CHATS, {"chats_store_id": store.id})).all()
    chats: dict[str, list[str]] = {}
    for phone, bot_id, chat_id in rows:
        if is_owner(store, phone):
            chats.setdefault(phone, []).append(f"{bot_id}:{chat_id}")
    return [replace(reply, channel=TELEGRAM, recipient=recipient, meta={**reply.meta})
            for reply in replies for recipient in chats.get(reply.recipient, ())]
