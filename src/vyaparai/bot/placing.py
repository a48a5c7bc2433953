"""Placing the order once the checkout has what it needs: in the ways the store is paid, reserve the stock, then
cash or a payment link."""
from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from vyaparai.bot import store_rules
from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.notify import alert_low_stock, alert_owners_new_order
from vyaparai.bot.render import qty_text
from vyaparai.bot.turn import Turn
from vyaparai.catalog.terms_of_sale import payment_methods
from vyaparai.db.models import Order
from vyaparai.orders.checkout import BelowMinimumOrder, StoreClosed, StoreNotTakingOrders, place_order
from vyaparai.orders.errors import EmptyCart, InsufficientStock
from vyaparai.payments.errors import PaymentLinkClosed, PaymentProviderError

logger = logging.getLogger(__name__)
IST = ZoneInfo("Asia/Kolkata")


def online_available(turn: Turn) -> bool:
    """The store can take a payment link now: it takes online payment, and this process has a gateway."""
    return "online" in payment_choices(turn)


def payment_choices(turn: Turn) -> tuple[str, ...]:
    """The ways this store can be paid now, in the order they are offered (never none: cash at the least)."""
    gateway = turn.settings.online_payments and turn.payments is not None
    return payment_methods(turn.store, online_possible=gateway)


async def place(turn: Turn, address: str, payment: str) -> None:
    if payment not in payment_choices(turn):
        # Asked for a way of paying the store does not take: say so and offer the other, never switch the order
        # to it behind their back.
        _offer_instead(turn, payment, address)
        return
    online = payment == "online"
    cart = await current_cart(turn)
    # Held here: the session keeps its objects only while something refers to them, and the low-stock alert
    # reads these products' levels (their stock is the reservation's, set on them by checkout).
    products = [item.product for item in cart.items]
    order = await _placed_or_explained(turn, cart, address, online)
    if order is None:
        return
    turn.set_state("idle")
    if not (online and await _send_payment_link(turn, order, products)):
        turn.say("order_placed", number=order.number, total=turn.money(order.total_paise),
                 payment=turn.t("pay_cod"))
        await alert_owners_new_order(turn.session, turn.store, order, turn.customer)
        await alert_low_stock(turn.session, turn.store, order, products)
    await store_rules.note_placed_for_opening(turn, order)
    ask_for_phone(turn, order)


def ask_for_phone(turn: Turn, order: Order) -> None:
    """A web-chat order: the shop needs a number to call about it (asked until one is given)."""
    if turn.customer.phone:
        return
    turn.say("ask_phone")
    # Channels that can ask for the number with a button (Telegram's "share my number") do.
    turn.replies[-1].meta.update(asks="phone", share_label=turn.t("share_phone_button"))
    turn.set_state("ask_phone", order_number=order.number)


def _offer_instead(turn: Turn, payment: str, address: str) -> None:
    if payment == "online":
        turn.say("online_not_offered", buttons=(turn.button("pay:cod", "pay_cod"),))
    else:
        turn.say("cash_not_offered", buttons=(turn.button("pay:online", "pay_online"),))
    turn.set_state("ask_payment", address=address)


async def _placed_or_explained(turn: Turn, cart, address: str, online: bool) -> Order | None:
    """The placed order, or None after telling the customer why not (the cart is kept for another try)."""
    try:
        return await place_order(
            turn.session, store=turn.store, customer=turn.customer, cart=cart, address=address,
            payment_method="upi" if online else "cod", channel=turn.conversation.channel,
            language=turn.lang, now=turn.now,
        )
    except EmptyCart:
        turn.say("cart_empty")
    except InsufficientStock as short:
        _explain_shortage(turn, cart, short)
    except StoreNotTakingOrders:
        store_rules.say_paused(turn)  # paused while the checkout was under way
    except StoreClosed:
        store_rules.say_closed(turn, then="closed_checkout_later")  # the hours ended mid-checkout
    except BelowMinimumOrder as low:
        store_rules.say_below_minimum(turn, low.minimum_paise, low.short_paise)
    turn.set_state("idle")
    return None


async def _send_payment_link(turn: Turn, order, products: list) -> bool:
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
    await alert_low_stock(turn.session, turn.store, order, products)
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
