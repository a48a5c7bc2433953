"""A customer's data rights in the chat: "delete my data" (confirmed, then erased, the goodbye last) and
"what data do you keep about me" (a short summary; the shop can send the full copy)."""
from __future__ import annotations

from sqlalchemy import select

from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.turn import Turn
from vyaparai.db.models import Order
from vyaparai.nlu.data_rights_words import data_request
from vyaparai.nlu.types import Understanding
from vyaparai.orders.privacy import GOODBYE_FLAG, OrdersStillOpen, forget, kept_about, subject_of
from vyaparai.orders.states import OPEN_STATUSES

CONFIRM_FORGET = "confirm_forget"  # the conversation state while "erase everything?" waits for a yes or no


async def take_data_request(turn: Turn, u: Understanding) -> bool:
    """True when the message was about the customer's own data (or answered our "erase everything?")."""
    if turn.conversation.state == CONFIRM_FORGET:
        return await _on_confirm(turn, u)
    request = data_request(turn.inbound.text) if turn.inbound.kind == "text" else None
    if request == "forget":
        await _ask_to_forget(turn)
    elif request == "see":
        await _tell_what_is_kept(turn)
    return request is not None


async def _ask_to_forget(turn: Turn) -> None:
    if await _wait_for_open_orders(turn):
        return
    turn.say("forget_confirm", store=turn.store.name,
             buttons=(turn.button("yes", "button_yes"), turn.button("no", "button_no")))
    turn.set_state(CONFIRM_FORGET)


async def _on_confirm(turn: Turn, u: Understanding) -> bool:
    if u.intent == "no":
        turn.set_state("idle")
        turn.say("forget_kept")
        return True
    if u.intent != "yes" and data_request(turn.inbound.text) != "forget":
        turn.set_state("idle")  # something else: nothing is erased and the message is read as usual
        return False
    turn.set_state("idle")
    if await _wait_for_open_orders(turn):
        return True  # an order was placed from another channel in between
    try:
        await forget(turn.session, await subject_of(turn.session, turn.store, [turn.customer]), actor="customer")
    except OrdersStillOpen:
        await _wait_for_open_orders(turn)
        return True
    # The conversation row is gone; the goodbye still knows where to go, and says so on its outbox row
    # so delivery blanks the recipient once it is sent or handed over (orders.privacy.finished_goodbye).
    turn.replies.append(OutboundMessage(
        channel=turn.conversation.channel, recipient=turn.conversation.recipient,
        text=turn.t("forget_done", store=turn.store.name), meta={GOODBYE_FLAG: True}))
    return True


async def _wait_for_open_orders(turn: Turn) -> bool:
    """An order still on its way needs the address and number: erasure waits until it is delivered or cancelled."""
    numbers = (await turn.session.scalars(select(Order.number).where(
        Order.store_id == turn.store.id, Order.customer_id == turn.customer.id, Order.status.in_(OPEN_STATUSES))
        .order_by(Order.number))).all()
    if numbers:
        turn.say("forget_after_orders", numbers=", ".join(f"#{n}" for n in numbers))
    return bool(numbers)


async def _tell_what_is_kept(turn: Turn) -> None:
    kept = await kept_about(turn.session, turn.store, turn.customer)
    turn.say("data_summary", store=turn.store.name, orders=kept.orders, addresses=kept.addresses,
             since=kept.since.strftime("%d-%m-%Y"))
