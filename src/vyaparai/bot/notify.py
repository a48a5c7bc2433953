"""Messages nobody asked for in this turn: new-order alerts to the shopkeeper, status updates to the customer."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.render import order_lines
from vyaparai.db.models import Conversation, Customer, Order, Store

# The shopkeeper is reached on WhatsApp at each registered owner number.
OWNER_CHANNEL = "whatsapp"


def _owner_lang(store: Store) -> str:
    return store.default_language or "en"


async def alert_owners_new_order(session: AsyncSession, store: Store, order: Order, customer: Customer) -> None:
    lang = _owner_lang(store)
    await session.refresh(order, ["items"])
    who = customer.name or (f"+{customer.phone}" if customer.phone else "-")
    payment = locales.t(lang, "pay_cod" if order.payment_method == "cod" else "pay_online")
    text = "\n".join([
        locales.t(lang, "owner_new_order", number=order.number, customer=who, lines=order_lines(lang, order),
                  total=locales.money(order.total_paise, lang), payment=payment,
                  address=order.delivery_address or "-"),
        locales.t(lang, "owner_new_order_hint", number=order.number),
    ])
    buttons = (Button(f"accept:{order.number}", locales.t(lang, "owner_accept")),
               Button(f"reject:{order.number}", locales.t(lang, "owner_reject")))
    queue_replies(session, store.id, [
        OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, text=text, buttons=buttons, kind="alert",
                        meta={"order_number": order.number, "event": "new_order"})
        for phone in store.owner_phones or ()
    ])


async def tell_owners(session: AsyncSession, store: Store, key: str, *, status_key: str | None = None,
                      **params) -> None:
    lang = _owner_lang(store)
    if status_key:
        params["status"] = locales.t(lang, status_key)
    text = locales.t(lang, key, **params)
    queue_replies(session, store.id, [
        OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, text=text, kind="alert")
        for phone in store.owner_phones or ()
    ])


async def notify_customer_status(session: AsyncSession, order: Order, *, reason: str | None = None) -> None:
    """Tell the customer, in their language and on the channel they ordered from, where the order stands."""
    conv = await session.scalar(select(Conversation).where(
        Conversation.store_id == order.store_id, Conversation.customer_id == order.customer_id))
    if conv is None:
        return
    lang = order.language or conv.language or "en"
    status = locales.t(lang, f"status_{order.status}")
    if reason:
        text = locales.t(lang, "status_update_reason", number=order.number, status=status, reason=reason)
    else:
        text = locales.t(lang, "status_update", number=order.number, status=status)
    queue_replies(session, order.store_id, [OutboundMessage(
        channel=conv.channel, recipient=conv.recipient, text=text, kind="notification",
        meta={"order_number": order.number, "status": order.status},
    )])
