"""Customers, their conversations with a store, and their carts."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vyaparai.db.models.base import Base
from vyaparai.db.types import UTCDateTime, utcnow

if TYPE_CHECKING:  # relationships across modules resolve by name through Base's registry
    from vyaparai.db.models.shop import Product


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    preferred_language: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set when the customer's data was erased (DPDP): the row stays only so past orders still add up.
    forgotten_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    identities: Mapped[list[CustomerIdentity]] = relationship(back_populates="customer")
    addresses: Mapped[list[CustomerAddress]] = relationship(
        back_populates="customer", order_by="CustomerAddress.id.desc()"
    )


class CustomerIdentity(Base):
    """Who the customer is on one channel: a WhatsApp wa_id/BSUID, a Telegram chat id, a web-chat session."""

    __tablename__ = "customer_identities"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))

    customer: Mapped[Customer] = relationship(back_populates="identities")


class CustomerAddress(Base):
    __tablename__ = "customer_addresses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Conversation(Base):
    """One conversation per (store, customer): where the dialogue stands and in which language."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("store_id", "customer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(128))  # where replies go on that channel
    state: Mapped[str] = mapped_column(String(32), default="idle")
    language: Mapped[str | None] = mapped_column(String(16))
    data: Mapped[dict] = mapped_column(JSON, default=dict)  # state-specific: pending choices, the order being placed
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Cart(Base):
    __tablename__ = "carts"
    __table_args__ = (UniqueConstraint("store_id", "customer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    items: Mapped[list[CartItem]] = relationship(
        back_populates="cart", cascade="all, delete-orphan", order_by="CartItem.id"
    )


class CartItem(Base):
    __tablename__ = "cart_items"
    __table_args__ = (
        UniqueConstraint("cart_id", "product_id"),
        CheckConstraint("qty_milli > 0", name="qty_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("carts.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    qty_milli: Mapped[int] = mapped_column(BigInteger)

    cart: Mapped[Cart] = relationship(back_populates="items")
    product: Mapped[Product] = relationship(lazy="joined")
