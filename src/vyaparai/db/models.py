"""The tables. Money is integer paise; quantities are integer thousandths of a pack (`*_milli`).

A "pack" is one sellable unit of a product: a 70 g Maggi, a 1 kg Madhur sugar bag, or for loose
goods one `unit` of weight/volume (1 kg of loose sugar). Loose goods sell in fractions of a pack
(250 g of sugar = 250 milli-packs); packaged goods only in whole packs (multiples of 1000).
"""
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
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from vyaparai.db.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


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


class OwnerSession(Base):
    """A store owner's panel session version: every cookie carries the version it was issued under,
    so bumping it (logout) ends every copy of every cookie of that owner at once."""

    __tablename__ = "owner_sessions"

    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


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


class Operator(Base):
    """A person who runs the platform (`vyaparai admin create`): logs into /admin, never into a store's panel."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    # Every console cookie carries the version it was issued under; logout bumps it.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
