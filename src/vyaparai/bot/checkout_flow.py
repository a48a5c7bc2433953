"""Placing an order: confirm the cart, the delivery address, the payment method, then reserve and place."""
from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.notify import alert_low_stock, alert_owners_new_order
from vyaparai.bot.render import cart_text, qty_text
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.types import Understanding
from vyaparai.orders.cart import cart_total_paise
from vyaparai.orders.checkout import place_order
from vyaparai.orders.customers import last_address, save_address
from vyaparai.orders.errors import EmptyCart, InsufficientStock
from vyaparai.payments.errors import PaymentLinkClosed, PaymentProviderError

logger = logging.getLogger(__name__)
IST = ZoneInfo("Asia/Kolkata")

MIN_ADDRESS_CHARS = 8


async def start(turn: Turn, *, payment: str | None = None) -> None:
    cart = await current_cart(turn)
    if not cart.items:
        turn.say("cart_empty")
        turn.set_state("idle")
        return
    turn.text(cart_text(turn.lang, cart))
    turn.line("confirm_order", total=turn.money(cart_total_paise(cart)))
    turn.send(buttons=_yes_no(turn))
    turn.set_state("confirm_order", payment=payment)


async def on_confirm(turn: Turn, u: Understanding) -> bool:
    if u.intent == "no":
        turn.say("checkout_cancelled")
        turn.set_state("idle")
        return True
    if u.intent not in ("yes", "checkout", "cash_on_delivery", "pay_online"):
        return False
    payment = _payment_of(u) or (turn.conversation.data or {}).get("payment")
    await _ask_address(turn, payment)
    return True


async def _ask_address(turn: Turn, payment: str | None) -> None:
    saved = await last_address(turn.session, turn.customer)
    if saved is not None:
        turn.say("ask_saved_address", address=saved.text, buttons=(turn.button("yes", "button_yes"),))
        turn.set_state("ask_address", payment=payment, saved=saved.text)
    else:
        turn.say("ask_address")
        turn.set_state("ask_address", payment=payment)


async def on_address(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    data = turn.conversation.data or {}
    loc = turn.inbound.location
    if u.intent == "yes" and data.get("saved"):
        address = data["saved"]
    elif loc is not None:
        address = loc.address or loc.name or f"{loc.lat:.5f}, {loc.lon:.5f}"
        await save_address(turn.session, turn.customer, address, lat=loc.lat, lon=loc.lon)
    elif u.intent == "no":
        if not data.get("saved"):
            turn.say("checkout_cancelled")
            turn.set_state("idle")
            return True
        turn.say("ask_address")
        turn.set_state("ask_address", payment=data.get("payment"))
        return True
    elif _reads_as_address(u, index):
        address = u.text.strip()
        await save_address(turn.session, turn.customer, address)
    elif u.intent in ("unknown", "provide_address", "yes"):
        turn.say("ask_address")
        return True
    else:
        return False  # "cancel", "cart", "2 kg sugar bhi": the customer moved on; handle it as such
    payment = data.get("payment")
    if payment:
        await _place(turn, address, payment)
    else:
        turn.say("ask_payment", buttons=(turn.button("pay:cod", "pay_cod"), turn.button("pay:online", "pay_online")))
        turn.set_state("ask_payment", address=address)
    return True


def _reads_as_address(u: Understanding, index: ProductIndex) -> bool:
    """An address often reads like anything else ("Flat 2, Shiv Mandir ke paas", "12 MG Road"): in this
    state we take it, unless it names products this store sells."""
    if len(u.text.strip()) < MIN_ADDRESS_CHARS:
        return False
    if u.intent in ("provide_address", "unknown"):
        return True
    if u.intent == "add_items":
        return all(index.match(m).decision == "not_found" for m in u.items)
    return False


async def on_payment(turn: Turn, u: Understanding) -> bool:
    payment = _payment_of(u)
    if payment is None and u.choice in (1, 2):
        payment = "cod" if u.choice == 1 else "online"
    if payment is None:
        return False
    await _place(turn, (turn.conversation.data or {}).get("address", ""), payment)
    return True


async def _place(turn: Turn, address: str, payment: str) -> None:
    online = payment == "online" and turn.settings.online_payments and turn.payments is not None
    if payment == "online" and not online:
        turn.line("online_unavailable")
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
    if online and await _send_payment_link(turn, order):
        return
    turn.say("order_placed", number=order.number, total=turn.money(order.total_paise), payment=turn.t("pay_cod"))
    await alert_owners_new_order(turn.session, turn.store, order, turn.customer)
    await alert_low_stock(turn.session, turn.store, order)


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


def _payment_of(u: Understanding) -> str | None:
    return {"cash_on_delivery": "cod", "pay_online": "online"}.get(u.intent)


def _yes_no(turn: Turn):
    return (turn.button("yes", "button_yes"), turn.button("no", "button_no"))
