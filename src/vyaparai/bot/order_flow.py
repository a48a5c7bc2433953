"""Customer turns about placed orders: where is it, cancel it."""
from __future__ import annotations

from vyaparai.bot.cart_changes import empty_cart
from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.notify import settle_cancellation, tell_owners
from vyaparai.bot.turn import Turn
from vyaparai.nlu.types import Understanding
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.lifecycle import cancel_order, find_order, latest_order

# An order the customer may still cancel: the shop has not sent it out yet.
CANCELLABLE = ("pending", "confirmed", "processing")


async def _the_order(turn: Turn, u: Understanding):
    if u.order_number is not None:
        try:
            order = await find_order(turn.session, turn.store.id, u.order_number)
        except OrderNotFound:
            return None
        # Another customer's order number gets the same answer as a number that doesn't exist.
        return order if order.customer_id == turn.customer.id else None
    return await latest_order(turn.session, turn.store.id, turn.customer.id)


async def track(turn: Turn, u: Understanding) -> None:
    order = await _the_order(turn, u)
    if order is None:
        turn.say("no_orders")
        return
    turn.say("order_status", number=order.number, status=turn.t(f"status_{order.status}"),
             total=turn.money(order.total_paise))


async def ask_cancel(turn: Turn, u: Understanding) -> None:
    order = await _the_order(turn, u)
    if (order is None or order.status not in CANCELLABLE) and u.order_number is None \
            and (await current_cart(turn)).items:
        await empty_cart(turn)  # "sab cancel kar do" with nothing placed to cancel: the cart is what they mean
        return
    if order is None:
        turn.say("no_orders")
        return
    if order.status not in CANCELLABLE:
        turn.say("cannot_cancel", number=order.number, status=turn.t(f"status_{order.status}"))
        return
    turn.say("confirm_cancel", number=order.number, total=turn.money(order.total_paise),
             buttons=(turn.button("yes", "button_yes"), turn.button("no", "button_no")))
    turn.set_state("confirm_cancel", order_number=order.number)


async def on_confirm_cancel(turn: Turn, u: Understanding) -> bool:
    if u.intent == "no":
        turn.set_state("idle")
        await track(turn, u)
        return True
    if u.intent not in ("yes", "cancel_order"):
        return False
    number = (turn.conversation.data or {}).get("order_number")
    turn.set_state("idle")
    try:
        order = await find_order(turn.session, turn.store.id, int(number or 0))
    except OrderNotFound:
        turn.say("no_orders")
        return True
    try:
        cancellation = await cancel_order(turn.session, order, actor="customer", reason="cancelled by the customer",
                                          now=turn.now)
    except InvalidTransition:
        turn.say("cannot_cancel", number=order.number, status=turn.t(f"status_{order.status}"))
        return True
    turn.say("order_cancelled", number=order.number)
    await settle_cancellation(turn.session, turn.payments, cancellation, now=turn.now)
    await tell_owners(turn.session, turn.store, "status_update", number=order.number,
                      status_key="status_cancelled")
    return True
