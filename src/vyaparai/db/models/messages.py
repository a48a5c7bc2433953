"""Messages in and out: each inbound message once, and the outbox of replies."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from vyaparai.db.models.base import Base
from vyaparai.db.types import UTCDateTime, utcnow


class InboundLog(Base):
    """Every inbound message, once: the unique key makes a repeated webhook delivery a no-op."""

    __tablename__ = "inbound_messages"
    __table_args__ = (
        UniqueConstraint("channel", "provider_message_id"),
        # The catch-up and the sweep read only the messages still waiting (migration 0010).
        Index("ix_inbound_waiting", "attempts", "id", postgresql_where=text("status = 'received'"),
              sqlite_where=text("status = 'received'")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    provider_message_id: Mapped[str] = mapped_column(String(191))
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="SET NULL"), index=True)
    payload: Mapped[dict] = mapped_column(JSON)  # the parsed InboundMessage, so a job can process it later
    status: Mapped[str] = mapped_column(String(16), default="received")  # received, processed, failed
    error: Mapped[str | None] = mapped_column(Text)
    # Failed processing attempts; at the limit the message is "failed" and sweeps leave it alone.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """A reply waiting to be delivered; written in the same transaction as the change it answers."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_recipient", "channel", "recipient", "id"),
        # The claim's "oldest unfinished row per recipient" reads only these (migration 0010).
        Index("ix_outbox_unfinished", "channel", "recipient", "id",
              postgresql_where=text("status IN ('pending', 'sending')"),
              sqlite_where=text("status IN ('pending', 'sending')")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(128))
    payload: Mapped[dict] = mapped_column(JSON)  # a serialized OutboundMessage
    # pending -> sending -> sent -> delivered/read; failed after the last attempt
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    provider_message_id: Mapped[str | None] = mapped_column(String(191), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
