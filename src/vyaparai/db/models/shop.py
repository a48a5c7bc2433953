"""A store: its channels, its products and its history."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vyaparai.db.models.base import Base
from vyaparai.db.types import UTCDateTime, utcnow


class Store(Base):
    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    owner_phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    owner_password_hash: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # {"mon": [["07:00", "22:00"]], ...}; an empty dict means always open.
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    default_language: Mapped[str] = mapped_column(String(16), default="en")
    # Each owner's chat language, by owner phone: {"9198...": {"lang": "hi", "chosen": true}}.
    # "chosen" means the owner asked for it ("hindi mein bolo"); otherwise it follows what they write.
    owner_languages: Mapped[dict] = mapped_column(JSON, default=dict)
    # Last order number handed out; the next order gets order_seq + 1 (a short number per store).
    order_seq: Mapped[int] = mapped_column(Integer, default=1000)
    # Bumped on every product change, so cached matcher indexes know they are stale.
    catalog_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The platform's view of the store: "pending" (onboarded, not yet verified), "active", "paused".
    # A paused store's chats get a polite "closed for now" and can place no order; the reason is in store_events.
    status: Mapped[str] = mapped_column(String(16), default="active")
    # The shop's terms, obeyed by the bot on every channel (`vyaparai store update`, the panel's settings).
    min_order_paise: Mapped[int] = mapped_column(BigInteger, default=0)
    delivery_charge_paise: Mapped[int] = mapped_column(BigInteger, default=0)
    free_delivery_above_paise: Mapped[int | None] = mapped_column(BigInteger)  # None: the charge always applies
    cod_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    online_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    delivery_radius_km: Mapped[float | None] = mapped_column(Float)  # None: delivers anywhere
    # Outside opening hours: take the order for when the shop opens (True) or only say when it opens.
    orders_when_closed: Mapped[bool] = mapped_column(Boolean, default=False)

    channels: Mapped[list[StoreChannel]] = relationship(back_populates="store", cascade="all, delete-orphan")


class StoreChannel(Base):
    """A store's address on one channel, e.g. its WhatsApp phone-number id; routes inbound webhooks."""

    __tablename__ = "store_channels"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))

    store: Mapped[Store] = relationship(back_populates="channels")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("store_id", "sku"),
        # The last line of defence: every reservation is already a conditional decrement.
        CheckConstraint("stock_milli >= 0", name="stock_not_negative"),
        CheckConstraint("price_paise >= 0", name="price_not_negative"),
        CheckConstraint("pack_base > 0", name="pack_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    brand: Mapped[str | None] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(64), default="other")
    unit: Mapped[str] = mapped_column(String(8))  # kg, g, l, ml or piece: how the pack size is written
    # One pack in base units: grams for kg/g, millilitres for l/ml, pieces for piece (70 g -> 70, 1 kg -> 1000).
    pack_base: Mapped[int] = mapped_column(Integer)
    loose: Mapped[bool] = mapped_column(Boolean, default=False)
    price_paise: Mapped[int] = mapped_column(BigInteger)
    mrp_paise: Mapped[int | None] = mapped_column(BigInteger)
    stock_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    low_stock_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    barcode: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class StoreEvent(Base):
    """A store's history and the platform's audit trail: created, verified, paused, resumed, rules changed,
    a customer's data exported or forgotten. Never holds a customer's personal data."""

    __tablename__ = "store_events"
    __table_args__ = (Index("ix_store_events_store_at", "store_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))  # "operator:+9198...", "owner:+9198...", "cli", "customer"
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
