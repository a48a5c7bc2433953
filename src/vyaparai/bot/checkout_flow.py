"""The checkout dialogue: confirm the cart, the delivery address, the payment method, then place the order.

Each step is a state with a meaning for every kind of answer, so the checkout is never lost:
- the step's own answer moves on ("yes", an address, "cash"); a payment word is taken at any step and
  the steps already done are not asked again;
- an address where a "yes" was asked is "yes" plus the address;
- "no" at the confirm step, or "cancel", ends the checkout and keeps the cart, and says so;
- a change to the cart is made and the confirm step is asked again with the new total;
- a question, a greeting or "show my cart" is answered by the caller, who then calls `resume`;
- anything else gets the step's question again, with its buttons.
The store's terms (bot/store_rules.py) come first: a cart below the minimum, or a closed shop that takes no orders
for later, is told so before the confirm question; with one way to pay, it is said instead of asked.
"""
from __future__ import annotations

from dataclasses import replace

from datetime import timedelta

from vyaparai.bot import last_line, store_rules
from vyaparai.bot.address_payment import split_payment
from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.placing import payment_choices, place
from vyaparai.bot.render import cart_text, payable_paise
from vyaparai.bot.turn import Turn
from vyaparai.catalog.terms_of_sale import limits_payment
from vyaparai.nlu.address_wishes import same_as_before, says_no_address
from vyaparai.nlu.contact import address_signals, find_phone, looks_like_address
from vyaparai.nlu.types import Understanding
from vyaparai.nlu.waiting import asks_to_wait
from vyaparai.orders.customers import last_address, save_address

STEPS = ("confirm_order", "ask_address", "ask_payment")
CART_CHANGES = ("add_items", "remove_item", "change_quantity")
MIN_ADDRESS_CHARS = 8


async def start(turn: Turn, *, payment: str | None = None) -> None:
    payment = payment or (turn.conversation.data or {}).get(last_line.PAYS)  # said with the goods
    cart = await current_cart(turn)
    if not cart.items:
        turn.say("cart_empty")
        turn.set_state("idle")
        return
    if store_rules.refuses_checkout(turn, cart):
        return
    turn.text(cart_text(turn.lang, cart, turn.store))
    store_rules.note_order_ahead(turn)
    turn.line("confirm_order", total=turn.money(payable_paise(turn.store, cart)))
    turn.send(buttons=_yes_no(turn))
    turn.set_state("confirm_order", payment=payment)


async def resume(turn: Turn) -> None:
    """Ask the current step's question again, briefly, with its buttons."""
    state, data = turn.conversation.state, dict(turn.conversation.data or {})
    if state == "confirm_order":
        cart = await current_cart(turn)
        if not cart.items:
            turn.say("cart_empty")
            turn.set_state("idle")
            return
        if store_rules.refuses_checkout(turn, cart):  # a change took the cart below the minimum
            return
        turn.say("confirm_order", total=turn.money(payable_paise(turn.store, cart)), buttons=_yes_no(turn))
    elif state == "ask_address":
        _say_address_question(turn, data.get("saved"))
    elif state == "ask_payment":
        _ask_payment(turn)


def wants_to_stop(u: Understanding) -> bool:
    """"cancel" with no order number while checking out: stop the checkout, not a placed order."""
    return u.intent == "cancel_order" and u.order_number is None


async def stop(turn: Turn) -> None:
    turn.say("checkout_cancelled")
    turn.set_state("idle")


async def on_confirm(turn: Turn, u: Understanding) -> bool:
    data = dict(turn.conversation.data or {})
    if u.intent == "no" or wants_to_stop(u):
        await stop(turn)
        return True
    payment = _payment_of(u) or data.get("payment")
    if u.intent in ("yes", "checkout", "cash_on_delivery", "pay_online"):
        await _ask_address(turn, payment)
        return True
    if u.intent == "provide_address" or (looks_like_address(u.text) and not _sure_cart_change(u)):
        await _take_address(turn, u, payment)  # an address where a "yes" was asked: yes, and here it is
        return True
    return False


async def on_address(turn: Turn, u: Understanding) -> bool:
    data = dict(turn.conversation.data or {})
    loc = turn.inbound.location
    if loc is not None or (u.intent == "yes" and data.get("saved")):
        await _take_address(turn, u, data.get("payment"))
        return True
    if u.intent == "no" and looks_like_address(u.text):
        await _take_address(turn, u, data.get("payment"))  # "H.No 12-2-823, ...", "no, 5 Park Lane": the address
        return True
    if wants_to_stop(u) or (u.intent == "no" and not data.get("saved")):
        await stop(turn)
        return True
    if u.intent == "no":
        turn.say("ask_address")  # "not the saved one": ask for the new one
        turn.set_state("ask_address", payment=data.get("payment"))
        return True
    if data.get("saved") and not address_signals(u.text) and same_as_before(u.text):
        await _take_address(turn, replace(u, intent="yes"), data.get("payment"))  # "wahi purana", "same as before"
        return True
    payment = _payment_of(u)
    if payment and not looks_like_address(u.text) and not _address_then_payment(u.text):
        turn.set_state("ask_address", **{**data, "payment": payment})
        _say_address_question(turn, data.get("saved"))  # noted; the address is still missing
        return True
    if _reads_as_address(u):
        await _take_address(turn, u, data.get("payment"))
        return True
    return False


def _reads_as_address(u: Understanding) -> bool:
    """Where an address is asked, a message is the address unless it is plainly something else: a cart
    change backed by amounts or by products the shop sells ("2 kg sugar bhi", "coke ko sprite kar do"),
    or a short command or reply."""
    text = u.text.strip()
    if len(text) < MIN_ADDRESS_CHARS or (text.endswith("?") and not _has_digits(text)):
        return False  # "why do you need my address?", "पता क्यों चाहिए?": a question, answered by asking again
    if not looks_like_address(text) and (says_no_address(text) or same_as_before(text)):
        return False  # "kal subah tak chahiye", "main khud le jaunga", "address kyu": asked again
    if asks_to_wait(text):
        return False  # "ek minute", "let me check": the address comes next, the question is asked again
    if _goods_in_parts(u):
        return False  # "2 kg sugar, 1 kg atta, 1 salt": goods, their commas the only sign of an address
    if address_signals(text) or u.intent in ("provide_address", "unknown"):
        return True
    if u.intent in CART_CHANGES:
        # With no address word, a change or a removal ("change the coke to sprite", "maggi hata do"), or products
        # named with no number at all ("ek aur tata salt add karo") change the cart: the caller shows it and asks
        # to confirm again. A number is a house number ("14 Ballygunge Place, Kolkata" may sound like goods).
        return u.intent == "add_items" and not (_sure_cart_change(u) or refuses_something(u)
                                                or (u.sure_items and not _has_digits(text)))
    return u.intent in ("greet", "yes", "no") and len(text.split()) >= 3


def refuses_something(u: Understanding) -> bool:
    """"Dettol nahi, Lifebuoy do": a swap, a cart change even when the new product is only a guess."""
    return any(m.exclude for m in u.items)


def address_shaped(u: Understanding) -> bool:
    """Written as an address is: three or more comma-separated parts and no question mark ("12, Rose Villa,
    Panjim, Goa"), unless amounts and known product words make it a list of goods ("2 kg sugar, 1 maggi, 3 salt").
    Where the address is asked, such a message is the address even when its words sound like products."""
    text = u.text.strip()
    parts = [part for part in text.split(",") if part.strip()]
    return len(parts) >= 3 and "?" not in text and not _sure_cart_change(u)


def _address_then_payment(text: str) -> bool:
    """"4, Mela Ratha Veedhi, Thanjavur. Cash dunga": a way to pay said after (or before) something with a sign of
    an address - its commas, a street word, a house number - is both, even when the address alone is short of one."""
    address, said = split_payment(text.strip())
    return said is not None and len(address) >= MIN_ADDRESS_CHARS and address_signals(address) >= 1


def _goods_in_parts(u: Understanding) -> bool:
    """Each comma-separated part an amount of a product the shop sells, and no address word or house number."""
    text = u.text.strip()
    parts = [part for part in text.split(",") if part.strip()]
    return _sure_cart_change(u) and len(u.items) >= len(parts) and not address_signals(text.replace(",", " "))


def _has_digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _sure_cart_change(u: Understanding) -> bool:
    """Items backed by amounts and known product words: "2 kg sugar bhi", not a street's name."""
    return u.intent in CART_CHANGES and u.sure_items and bool(u.items) and all(m.qty is not None for m in u.items)


async def on_payment(turn: Turn, u: Understanding) -> bool:
    data = dict(turn.conversation.data or {})
    payment = _payment_of(u)
    offered = payment_choices(turn)
    if payment is None and u.choice is not None and 1 <= u.choice <= len(offered):
        payment = offered[u.choice - 1]
    if payment is None and u.intent == "yes" and len(offered) == 1:
        payment = offered[0]  # one way offered: "ok" takes it
    if payment is not None:
        await place(turn, data.get("address", ""), payment)
        return True
    if wants_to_stop(u):
        await stop(turn)
        return True
    if looks_like_address(u.text) and not _sure_cart_change(u):
        await _take_address(turn, u, None)  # a corrected address: keep it, ask the payment again
        return True
    return False


async def _ask_address(turn: Turn, payment: str | None) -> None:
    saved = await last_address(turn.session, turn.customer)
    if saved is not None and saved.lat is not None and saved.lon is not None \
            and store_rules.refuses_location(turn, saved.lat, saved.lon):
        saved = None  # a point shared earlier, beyond the delivery radius: said, and not offered
    if saved is not None and turn.now - saved.created_at <= timedelta(minutes=turn.settings.cart_ttl_minutes):
        # Given while filling this cart ("my address is ..." before the checkout): not asked again; said,
        # so a wrong one can still be corrected at the payment step.
        turn.line("deliver_to", address=saved.text)
        await _go_on_with(turn, saved.text, payment)
        return
    turn.set_state("ask_address", payment=payment, saved=saved.text if saved else None)
    _say_address_question(turn, saved.text if saved else None)


async def _go_on_with(turn: Turn, address: str, payment: str | None) -> None:
    offered = payment_choices(turn)
    if payment is None and len(offered) == 1 and limits_payment(turn.store):
        # The store takes one way only: said, not asked. (A store that takes both but has no gateway here is
        # still asked, with the one button, as it always was.)
        turn.line("pay_only_cod" if offered == ("cod",) else "pay_only_online")
        payment = offered[0]
    if payment:
        await place(turn, address, payment)
    else:
        turn.set_state("ask_payment", address=address)
        _ask_payment(turn)


def _say_address_question(turn: Turn, saved: str | None) -> None:
    if saved:
        turn.say("ask_saved_address", address=saved, buttons=(turn.button("yes", "button_yes"),))
    else:
        turn.say("ask_address")


async def _take_address(turn: Turn, u: Understanding, payment: str | None) -> None:
    data = dict(turn.conversation.data or {})
    loc = turn.inbound.location
    if loc is not None:
        if store_rules.refuses_location(turn, loc.lat, loc.lon):
            turn.set_state("ask_address", payment=payment)
            return
        address = loc.address or loc.name or f"{loc.lat:.5f}, {loc.lon:.5f}"
        await save_address(turn.session, turn.customer, address, lat=loc.lat, lon=loc.lon)
    elif u.intent == "yes" and data.get("saved"):
        address = data["saved"]
    else:
        address, said = split_payment(u.text.strip())  # "22 Lake Road, Kolkata, cash": the way to pay, too
        payment = payment or said
        await save_address(turn.session, turn.customer, address)
        phone = find_phone(address)
        if phone and not turn.customer.phone:
            turn.customer.phone = phone
    await _go_on_with(turn, address, payment)


def _ask_payment(turn: Turn) -> None:
    buttons = tuple(turn.button(f"pay:{method}", f"pay_{method}") for method in payment_choices(turn))
    turn.say("ask_payment", buttons=buttons)


def _payment_of(u: Understanding) -> str | None:
    return {"cash_on_delivery": "cod", "pay_online": "online"}.get(u.intent)


def _yes_no(turn: Turn):
    return (turn.button("yes", "button_yes"), turn.button("no", "button_no"))
