"""Placing the order once the checkout has what it needs: reserve the stock, then cash or a payment link."""
from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.notify import alert_low_stock, alert_owners_new_order
from vyaparai.bot.render import qty_text
from vyaparai.bot.turn import Turn
from vyaparai.orders.checkout import place_order
from vyaparai.orders.errors import EmptyCart, InsufficientStock
from vyaparai.payments.errors import PaymentLinkClosed, PaymentProviderError

logger = logging.getLogger(__name__)
IST = ZoneInfo("Asia/Kolkata")


def online_available(turn: Turn) -> bool:
    """The store can take a payment link now (a gateway is configured for this process)."""
    return turn.settings.online_payments and turn.payments is not None


async def place(turn: Turn, address: str, payment: str) -> None:
    online = payment == "online" and online_available(turn)
    if payment == "online" and not online:
        # Asked to pay online where the store cannot take it: say so and let them choose cash, never
        # turn the order into cash on delivery behind their back.
        turn.say("online_not_offered", buttons=(turn.button("pay:cod", "pay_cod"),))
        turn.set_state("ask_payment", address=address)
        return
    cart = await current_cart(turn)
    try:
        order = await place_order(
            turn.session, store=turn.store, customer=turn.customer, cart=cart, address=address,
            payment_method="upi" if online else "cod", channel=turn.conversation.channel,
            language=turn.lang, now=turn.now,
        )
    except EmptyCart:
        turn.say("cart_empty")
        turn.set_state("idle")
        return
    except InsufficientStock as short:
        _explain_shortage(turn, cart, short)
        turn.set_state("idle")
        return
    turn.set_state("idle")
    if not (online and await _send_payment_link(turn, order)):
        turn.say("order_placed", number=order.number, total=turn.money(order.total_paise),
                 payment=turn.t("pay_cod"))
        await alert_owners_new_order(turn.session, turn.store, order, turn.customer)
        await alert_low_stock(turn.session, turn.store, order)
    if not turn.customer.phone:
        turn.say("ask_phone")  # a web-chat order: the shop needs a number to call about it
        # Channels that can ask for the number with a button (Telegram's "share my number") do.
        turn.replies[-1].meta.update(asks="phone", share_label=turn.t("share_phone_button"))
        turn.set_state("ask_phone", order_number=order.number)


async def _send_payment_link(turn: Turn, order) -> bool:
    """The order's Razorpay link as a button; False (and the order turned cash on delivery) if it can't be had."""
    try:
        start = await turn.payments.start(turn.session, order, now=turn.now)
    except (PaymentProviderError, PaymentLinkClosed) as e:
        logger.warning("no payment link for order %s (%s); it becomes cash on delivery", order.number, e)
        order.payment_method = "cod"
        turn.line("online_unavailable")
        return False
    expires = datetime.fromtimestamp(start.expires_at_unix, IST).strftime("%H:%M") if start.expires_at_unix else "-"
    turn.line("order_placed", number=order.number, total=turn.money(order.total_paise), payment=turn.t("pay_online"))
    turn.line("pay_link", amount=turn.money(order.total_paise), expires=expires)
    turn.send(link_url=start.link_url, link_title=turn.t("pay_now"))
    await alert_owners_new_order(turn.session, turn.store, order, turn.customer)
    await alert_low_stock(turn.session, turn.store, order)
    return True


def _explain_shortage(turn: Turn, cart, short: InsufficientStock) -> None:
    turn.line("insufficient_stock")
    for s in short.shortages:
        item = next((i for i in cart.items if i.product.sku == s.sku), None)
        left = qty_text(turn.lang, item.product.unit, item.product.pack_base, item.product.loose,
                        s.available_milli) if item else str(s.available_milli / 1000)
        turn.line("short_line", name=s.name, available=left)
    turn.line("insufficient_hint")
    turn.send()
