"""Who may run a store or the platform: owners' login codes and sessions, owners' Telegram chats, operators."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vyaparai.db.models.base import Base
from vyaparai.db.types import UTCDateTime, utcnow


class PanelLoginCode(Base):
    """A one-time code that logs an owner into the panel: kept hashed, good once, for a few minutes.

    Rows stay an hour past expiry so the hourly limit on asking for codes can count them.
    """

    __tablename__ = "panel_login_codes"
    __table_args__ = (Index("ix_panel_login_codes_phone", "phone", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    phone: Mapped[str] = mapped_column(String(32))  # the owner phone it was sent to, normalized
    code_hash: Mapped[str] = mapped_column(String(64))  # HMAC-SHA256 hex, never the code itself
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # tries taken; the code is dead at the limit
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OwnerSession(Base):
    """A store owner's panel session version: every cookie carries the version it was issued under,
    so bumping it (logout) ends every copy of every cookie of that owner at once."""

    __tablename__ = "owner_sessions"

    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class TelegramBot(Base):
    """A store's own Telegram bot (`vyaparai store telegram`): its token, encrypted with a key from SECRET_KEY."""

    __tablename__ = "telegram_bots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), unique=True)
    bot_id: Mapped[str] = mapped_column(String(32), unique=True)  # the number before ':' in the token
    username: Mapped[str | None] = mapped_column(String(64))
    token_encrypted: Mapped[str] = mapped_column(Text)  # Fernet; never the token itself
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TelegramOwnerChat(Base):
    """An owner's Telegram chat with a store's bot, linked with a one-time code: new orders and commands there."""

    __tablename__ = "telegram_owner_chats"
    __table_args__ = (UniqueConstraint("bot_id", "chat_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    bot_id: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(32))  # the owner phone (Store.owner_phones) the code proved
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Operator(Base):
    """A person who runs the platform (`vyaparai admin create`): logs into /admin, never into a store's panel."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    # Every console cookie carries the version it was issued under; logout bumps it.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
