"""Orders, their lines and status history, and online payments."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
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

if TYPE_CHECKING:  # relationships across modules resolve by name through Base's registry
    from vyaparai.db.models.people import Customer


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("store_id", "number"),
        Index("ix_orders_store_status", "store_id", "status"),
        # The panel's history date filters, its export and the day's figures read one store's days.
        Index("ix_orders_store_placed", "store_id", "placed_at"),
        # The state machine lives in orders/states.py; these keep a typo elsewhere from inventing a status.
        CheckConstraint(
            "status IN ('pending', 'confirmed', 'processing', 'out_for_delivery', 'delivered', 'cancelled')",
            name="status_known",
        ),
        CheckConstraint("payment_status IN ('pending', 'paid', 'failed', 'refunded')", name="payment_status_known"),
        CheckConstraint("total_paise >= 0 AND subtotal_paise >= 0", name="totals_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24), default="pending")
    payment_status: Mapped[str] = mapped_column(String(16), default="pending")
    payment_method: Mapped[str | None] = mapped_column(String(16))
    subtotal_paise: Mapped[int] = mapped_column(BigInteger)
    delivery_fee_paise: Mapped[int] = mapped_column(BigInteger, default=0)
    total_paise: Mapped[int] = mapped_column(BigInteger)
    delivery_address: Mapped[str | None] = mapped_column(Text)
    delivery_lat: Mapped[float | None] = mapped_column(Float)
    delivery_lon: Mapped[float | None] = mapped_column(Float)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="en")
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )
    history: Mapped[list[OrderStatusEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderStatusEvent.id"
    )
    customer: Mapped[Customer] = relationship()


class OrderItem(Base):
    """A line as it was sold: name, size and price are copied so later catalog edits don't rewrite history."""

    __tablename__ = "order_items"
    __table_args__ = (CheckConstraint("qty_milli > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(8))
    pack_base: Mapped[int] = mapped_column(Integer)
    loose: Mapped[bool] = mapped_column(Boolean, default=False)
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_paise: Mapped[int] = mapped_column(BigInteger)  # per pack
    line_total_paise: Mapped[int] = mapped_column(BigInteger)

    order: Mapped[Order] = relationship(back_populates="items")


class OrderStatusEvent(Base):
    __tablename__ = "order_status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(32))  # customer, shopkeeper, system
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="history")


class Payment(Base):
    """One online payment link per order (the unique order_id is what stops a second link)."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("status IN ('created', 'paid', 'expired', 'cancelled', 'failed')", name="status_known"),
        CheckConstraint("amount_paise > 0 AND refunded_paise >= 0", name="amounts_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    provider: Mapped[str] = mapped_column(String(16), default="razorpay")
    link_id: Mapped[str] = mapped_column(String(64), unique=True)
    reference_id: Mapped[str] = mapped_column(String(64))
    short_url: Mapped[str] = mapped_column(String(300))
    amount_paise: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="created")
    provider_payment_id: Mapped[str | None] = mapped_column(String(64), index=True)
    refunded_paise: Mapped[int] = mapped_column(BigInteger, default=0)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    order: Mapped[Order] = relationship()


class PaymentEvent(Base):
    """Every provider webhook event, once: the unique event id makes a redelivery a no-op."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(191))
    event_type: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
