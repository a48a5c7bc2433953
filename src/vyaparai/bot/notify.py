"""Messages nobody asked for in this turn: new-order alerts to the shopkeeper, status updates to the customer."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.util import identity_key

from vyaparai import locales
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.owner_chats import telegram_copies
from vyaparai.bot.owner_language import owner_language
from vyaparai.bot.render import order_lines, qty_text
from vyaparai.db.models import Conversation, Customer, Order, Product, Store
from vyaparai.orders.cart import add_item, open_cart
from vyaparai.orders.lifecycle import Cancellation
from vyaparai.payments.errors import PaymentError
from vyaparai.payments.online import OnlinePayments

logger = logging.getLogger(__name__)

# The shopkeeper is reached on WhatsApp at each registered owner number.
OWNER_CHANNEL = "whatsapp"


async def alert_owners_new_order(session: AsyncSession, store: Store, order: Order, customer: Customer) -> None:
    if "items" in inspect(order).unloaded:  # an order read back later; one just placed has its lines
        await session.refresh(order, ["items"])
    who = customer.name or (f"+{customer.phone}" if customer.phone else "-")
    replies = []
    for phone in store.owner_phones or ():
        lang = owner_language(store, phone)
        payment = locales.t(lang, "pay_cod" if order.payment_method == "cod" else "pay_online")
        text = "\n".join([
            locales.t(lang, "owner_new_order", number=order.number, customer=who, lines=order_lines(lang, order),
                      total=locales.money(order.total_paise, lang), payment=payment,
                      address=order.delivery_address or "-"),
            locales.t(lang, "owner_new_order_hint", number=order.number),
        ])
        buttons = (Button(f"accept:{order.number}", locales.t(lang, "owner_accept")),
                   Button(f"reject:{order.number}", locales.t(lang, "owner_reject")))
        replies.append(OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, text=text, buttons=buttons,
                                       kind="alert", meta={"order_number": order.number, "event": "new_order"}))
    queue_replies(session, store.id, replies + await telegram_copies(session, store, replies))


async def alert_low_stock(session: AsyncSession, store: Store, order: Order, products: Iterable[Product] = ()) -> None:
    """Tell the shopkeeper about each product this order took below its low-stock level (once, as it crosses).
    `products`: objects of the session the checkout took stock of (their stock is as it left it)."""
    taken = {i.product_id: i.qty_milli for i in order.items}
    for pid, name, unit, pack_base, loose, stock, low in await _stock_levels(session, taken, products):
        if low and stock < low <= stock + taken[pid]:
            await tell_owners(session, store, "owner_low_stock", name=name,
                              qty=partial(qty_text, unit=unit, pack_base=pack_base, loose=loose, qty_milli=stock))


_LEVEL_COLUMNS = ("id", "name", "unit", "pack_base", "loose", "stock_milli", "low_stock_milli")


async def _stock_levels(session: AsyncSession, product_ids, products: Iterable[Product]) -> list[tuple]:
    """Each product's stock and low-stock level as this transaction left them.

    A checkout's products are in the session already (read with the cart) and their stock is the
    reservation's RETURNING (orders/reservation.py remember_stock), so a placed order reads nothing here.
    """
    given = {p.id: p for p in products}
    held = [given.get(pid) or session.identity_map.get(identity_key(Product, pid)) for pid in product_ids]
    if all(p is not None and not (inspect(p).unloaded & set(_LEVEL_COLUMNS)) for p in held):
        return [tuple(getattr(p, name) for name in _LEVEL_COLUMNS) for p in held]
    return list(await session.execute(
        select(*(getattr(Product, name) for name in _LEVEL_COLUMNS)).where(Product.id.in_(product_ids))))


async def tell_owners(session: AsyncSession, store: Store, key: str, *, status_key: str | None = None,
                      **params) -> None:
    """One sentence to every owner, each in their own language; a callable parameter is given the language."""
    replies = []
    for phone in store.owner_phones or ():
        lang = owner_language(store, phone)
        filled = {k: v(lang) if callable(v) else v for k, v in params.items()}
        if status_key:
            filled["status"] = locales.t(lang, status_key)
        replies.append(OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, kind="alert",
                                       text=locales.t(lang, key, **filled)))
    queue_replies(session, store.id, replies + await telegram_copies(session, store, replies))


async def notify_customer_status(session: AsyncSession, order: Order, *, reason: str | None = None,
                                 was: str | None = None) -> None:
    """Tell the customer, in their language and on the channel they ordered from, where the order stands.
    A reason the owner typed is quoted as typed, on its own line: it is in the owner's words, not ours."""
    conv = await session.scalar(select(Conversation).where(
        Conversation.store_id == order.store_id, Conversation.customer_id == order.customer_id))
    if conv is None:
        return
    lang = conv.language or order.language or "en"
    rejected = order.status == "cancelled" and was == "pending"
    lines = [locales.t(lang, "notice_rejected" if rejected else f"notice_{order.status}", number=order.number)]
    if reason:
        lines.append(locales.t(lang, "notice_store_note", note=reason))
    queue_replies(session, order.store_id, [OutboundMessage(
        channel=conv.channel, recipient=conv.recipient, text="\n".join(lines), kind="notification",
        meta={"order_number": order.number, "status": order.status},
    )])


async def settle_cancellation(session: AsyncSession, payments: OnlinePayments | None, cancellation: Cancellation,
                              *, now) -> None:
    """After a cancellation: refund an online payment (and tell the customer), or close an unpaid link."""
    if payments is None:
        return
    try:
        refunded = await payments.settle(session, cancellation, now=now)
    except PaymentError as e:
        # The order stays cancelled; the refund can be made from the gateway's dashboard.
        logger.error("settling the payment of cancelled order %s failed: %s", cancellation.order.number, e)
        return
    if refunded:
        await tell_customer(session, cancellation.order, "refund_started", amount_paise=refunded)


async def tell_customer(session: AsyncSession, order: Order, key: str, *, amount_paise: int | None = None) -> None:
    conv = await session.scalar(select(Conversation).where(
        Conversation.store_id == order.store_id, Conversation.customer_id == order.customer_id))
    if conv is None:
        return
    lang = conv.language or order.language or "en"
    amount = locales.money(amount_paise if amount_paise is not None else order.total_paise, lang)
    queue_replies(session, order.store_id, [OutboundMessage(
        channel=conv.channel, recipient=conv.recipient, kind="notification",
        text=locales.t(lang, key, number=order.number, amount=amount),
        meta={"order_number": order.number, "event": key},
    )])


async def offer_cash_on_delivery(session: AsyncSession, order: Order, *, now, cart_ttl_minutes: int) -> None:
    """An unpaid online order ran out of time: its items go back in the cart, one "cod" away from a new order."""
    await session.refresh(order, ["items"])
    cart, _ = await open_cart(session, order.store_id, order.customer_id, now=now, ttl_minutes=cart_ttl_minutes)
    for item in order.items:
        product = await session.get(Product, item.product_id)
        if product is not None and product.active and all(i.product_id != product.id for i in cart.items):
            await add_item(session, cart, product, item.qty_milli)
    await tell_customer(session, order, "payment_expired")
