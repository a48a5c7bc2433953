"""Addresses and phone numbers said outside the question that asks for them: an address sent early starts the
checkout, one given with the items is kept, and a phone number after a web-chat order is saved."""
from __future__ import annotations

from vyaparai.bot import cart_flow, checkout_flow
from vyaparai.bot.address_payment import split_payment
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.contact import address_signals, find_phone, looks_like_address, split_address
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Understanding
from vyaparai.orders.customers import save_address


async def early_address(turn: Turn, u: Understanding) -> bool:
    """An address sent before the checkout asked for it (a PIN code or a house number anywhere): kept, and
    with a cart to deliver, the checkout starts."""
    if turn.inbound.location is not None:
        return False  # a shared pin: nearby stores, or the address when the checkout asks for one
    if not (looks_like_address(u.text) or (u.intent == "provide_address" and address_signals(u.text))):
        return False
    if u.intent in checkout_flow.CART_CHANGES and u.sure_items and all(m.qty is not None for m in u.items):
        return False
    address, payment = split_payment(u.text.strip())  # "..., Pune 411038, cash": the way to pay is kept too
    await save_address(turn.session, turn.customer, address)
    turn.line("address_noted", address=address)
    cart = await cart_flow.current_cart(turn)
    if cart.items:
        await checkout_flow.start(turn, payment=payment)
    else:
        turn.say("cart_empty")
        turn.set_state("idle")
    return True


async def note_address(turn: Turn, u: Understanding, index: ProductIndex, state: str) -> Understanding:
    """An address given along with the items is kept for the checkout; the rest is read as usual. Where the
    address is asked, the message is split only when the rest changes the cart ("..., Pune 411001 and add
    1 kg tomatoes"): the change is made and the total confirmed again, with the address kept."""
    address, rest = split_address(u.text)
    if address is None:
        return u
    rest_u = understand(rest, index.vocabulary())
    if state == "ask_address" and not _changes_cart(rest_u, index):
        return u  # "Flat 9, MG Road. Near the temple": all of it is the address
    await save_address(turn.session, turn.customer, address)
    turn.line("address_noted", address=address)
    return rest_u


def _changes_cart(u: Understanding, index: ProductIndex) -> bool:
    return (u.intent in checkout_flow.CART_CHANGES and bool(u.items)
            and all(index.match(m).decision != "not_found" for m in u.items))


def take_phone(turn: Turn, u: Understanding) -> bool:
    """After a web-chat order: a phone number for the shop to call. Anything else goes on as usual."""
    phone = find_phone(u.text)
    if phone is None:
        if sum(ch.isdigit() for ch in u.text) >= 5:
            turn.say("phone_invalid")
            return True
        return False
    turn.customer.phone = phone
    turn.say("phone_saved", phone="+" + phone)
    turn.set_state("idle")
    return True
