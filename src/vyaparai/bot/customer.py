"""The customer's side of the chat: route one understood message by conversation state, then by intent."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.bot import (address_turns, cart_changes, cart_flow, checkout_flow, choosing, last_line, leave_it,
                         nearby, order_flow, payment_change, pending_question, store_rules)
from vyaparai.bot.after_question import (ASKED, ASKED_ABOUT, asked_about, follow_up, narrowed_to_asked,
                                         order_after_question, question_after_question, yes_after_asking)
from vyaparai.bot.button_labels import typed_button
from vyaparai.bot.catalog_order import take_catalog_order
from vyaparai.bot.data_rights import take_data_request
from vyaparai.bot.last_line import names_only_a_size
from vyaparai.bot.order_said_last import ends_with_checkout
from vyaparai.bot.size_swap import swap_size
from vyaparai.bot.terms_answers import answer_terms
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.chat_words import says_thanks
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Understanding

QUESTIONS = ("ask_price", "ask_stock", "ask_total")
CHECKOUT_AFTER = "checkout_after"  # conversation.data key: a "which one?" asked mid-checkout, confirmed after it
# Tapping a button means the same as typing its intent.
BUTTON_INTENTS = {
    "yes": "yes", "no": "no", "cart": "show_cart", "checkout": "checkout", "help": "help",
    "pay:cod": "cash_on_delivery", "pay:online": "pay_online", "cancel": "cancel_order", "track": "track_order",
}
# Messages that carry no text we can read.
NON_TEXT_KINDS = frozenset({"audio", "image", "video", "sticker", "document", "contacts", "unsupported"})
# Reactions other than a thumbs up/down need no answer.
SILENT_REACTIONS_EXCEPT = {"👍": "yes", "👎": "no"}


def read_message(turn: Turn, index: ProductIndex) -> Understanding | None:
    """What the customer said, or None after replying politely to something we can't read."""
    msg = turn.inbound
    lang = turn.lang
    button_id = msg.button_id if msg.kind == "button" else typed_button(turn, msg.text)
    if button_id:
        if button_id.startswith("pick:") and button_id[5:].isdigit():
            return Understanding(text=msg.text, lang=lang, intent="unknown", choice=int(button_id[5:]))
        if button_id in BUTTON_INTENTS:
            return Understanding(text=msg.text, lang=lang, intent=BUTTON_INTENTS[button_id])
    if msg.kind == "reaction":
        intent = SILENT_REACTIONS_EXCEPT.get(msg.text.strip())
        return Understanding(text=msg.text, lang=lang, intent=intent) if intent else None
    if msg.kind == "location" and msg.location is not None:
        return Understanding(text=msg.location.address or "", lang=lang, intent="provide_address")
    if msg.kind == "order":
        # A WhatsApp catalog order: its lines are read from the message itself by take_catalog_order.
        return Understanding(text="", lang=lang, intent="unknown")
    if msg.kind in NON_TEXT_KINDS:
        turn.say("unsupported_message")
        return None
    text = msg.text or ""
    if not text.strip():
        turn.say("empty_message")
        return None
    if len(text) > turn.settings.max_text_chars:
        turn.say("too_long")
        return None
    return understand(text, index.vocabulary())


async def respond(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    if await take_data_request(turn, u):  # "delete my data", "what do you keep about me": in any state, any store
        return
    # The store's rules before any routing: a paused store answers here; a closed one says when it opens.
    if store_rules.gate(turn, u):
        return
    if turn.inbound.kind == "order":  # a whole basket: it stands on its own, whatever we were asking
        await take_catalog_order(turn, index)
        return
    state = turn.conversation.state
    if await answer_terms(turn, u, index):  # "delivery charge kitna?": the shop's terms, then the pending question
        await _resume(turn, state)
        return
    asked_before = (turn.conversation.data or {}).get(ASKED)
    u = await address_turns.note_address(turn, u, index, state)
    u = follow_up(u, asked_before)
    if state != "choosing":  # there a bare number picks an option
        about = (turn.conversation.data or {}).get(ASKED_ABOUT)
        u = narrowed_to_asked(order_after_question(u, about, index), about, index)
        if state == "idle":  # in a checkout the yes answers the checkout's question
            u = yes_after_asking(u, asked_before, about)
    if u.sure_items and not all(index.match(m).decision != "not_found" for m in u.items):
        u = replace(u, sure_items=False)  # "12 number" is an amount before a word the shop doesn't sell
    if u.intent in QUESTIONS and not (state == "ask_address" and checkout_flow.address_shaped(u)):
        u = question_after_question(u, _talked_about(turn), index)
        await _answer(turn, u, index)  # answered in any state; the state's question comes again
        await _resume(turn, state)
        data = turn.conversation.data or {}
        turn.conversation.data = {**data, ASKED: u.intent, ASKED_ABOUT: asked_about(u, index)}
        return
    u = await leave_it.left_alone(turn, u, state)  # "chhodo", "ಬೇಡ, ಬಿಟ್ಟುಬಿಡಿ": not placed, the cart kept
    if u is None:
        return
    if state in ("idle", "confirm_order") and await _about_last_line(turn, u, index, state):
        return
    if state not in checkout_flow.STEPS and await address_turns.early_address(turn, u):
        return
    if await _by_state(turn, u, index):
        return
    question = pending_question.open_question(turn)
    if question is not None:
        u, question = await pending_question.not_an_answer(turn, u, question, index)
        if u is None:
            return
    if u.items and all(names_only_a_size(m) for m in u.items):
        await _size_of_nothing(turn, state)  # "bada" with no line to make bigger: never a product ("badam")
        return
    if state in checkout_flow.STEPS and await _within_checkout(turn, u, index, state):
        return
    turn.set_state("idle", **last_line.way_to_pay_kept(turn))
    await _by_intent(turn, u, index)
    if (u.intent in ("add_items", "change_quantity") and u.items and turn.conversation.state == "idle"
            and ends_with_checkout(u.text, index.vocabulary())):
        await checkout_flow.start(turn)  # "2 maggi aur order kar do": the goods, then the order
    pending_question.ask_after(turn, question, index)  # "and 2 maggi" at "which Lay's?": the Lay's asked again


def _talked_about(turn: Turn) -> dict | None:
    """The product a question naming none is about: the one the last question asked about, or the one a
    "which one?" still open asks about ("kitne ka hai?" there prices its options)."""
    data = turn.conversation.data or {}
    question = pending_question.open_question(turn)
    return data.get(ASKED_ABOUT) or ({"text": question["mention"].get("text", "")} if question else None)


async def _about_last_line(turn: Turn, u: Understanding, index: ProductIndex, state: str) -> bool:
    """"make it 3", "the bigger one": the line just added (or the only one) changes; at the confirm
    question, the new total is confirmed."""
    payment = (turn.conversation.data or {}).get("payment")
    if not (await swap_size(turn, u, index) or await cart_changes.about_last_line(turn, u, index)):
        return False
    if state == "confirm_order":
        turn.set_state("confirm_order", payment=payment)
        await checkout_flow.resume(turn)
    return True


async def _answer(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    from vyaparai.bot.answers import answer_question

    await answer_question(turn, u, index)


async def _resume(turn: Turn, state: str) -> None:
    if state in checkout_flow.STEPS:
        await checkout_flow.resume(turn)
    elif state == "choosing":
        choosing.ask_again(turn)


async def _size_of_nothing(turn: Turn, state: str) -> None:
    """A size word alone that no line or option takes: the question pending is asked again, or we say we
    did not understand, and the state stays."""
    if state in checkout_flow.STEPS or state == "choosing":
        await _resume(turn, state)
    else:
        turn.say("didnt_understand")


async def _by_state(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    state = turn.conversation.state
    if state == "choosing":
        checkout = (turn.conversation.data or {}).get(CHECKOUT_AFTER)
        if not await choosing.choose(turn, u, index):
            return False
        if checkout is not None and turn.conversation.state == "idle":  # asked mid-checkout: back to confirming
            turn.set_state("confirm_order", payment=checkout.get("payment"))
            await checkout_flow.resume(turn)
        return True
    if state == "confirm_order":
        return await checkout_flow.on_confirm(turn, u)
    if state == "ask_address":
        return await checkout_flow.on_address(turn, u)
    if state == "ask_payment":
        return await checkout_flow.on_payment(turn, u)
    if state == "confirm_cancel":
        return await order_flow.on_confirm_cancel(turn, u)
    if state == "ask_phone":
        return address_turns.take_phone(turn, u)
    return False


async def _within_checkout(turn: Turn, u: Understanding, index: ProductIndex, state: str) -> bool:
    """What a checkout step's own handler did not take: answered without losing the checkout. A change or
    a removal or a swap is made even when its words match no product for sure ("change the coke to sprite",
    "Dettol nahi, Lifebuoy do")."""
    data = dict(turn.conversation.data or {})
    if u.intent in checkout_flow.CART_CHANGES and u.items and (u.sure_items or u.intent != "add_items"
                                                              or checkout_flow.refuses_something(u)):
        await _by_intent(turn, u, index)  # the change is made and shown...
        if turn.conversation.state == "choosing":  # "which butter?": answered first, then the total confirmed
            turn.conversation.data = {**turn.conversation.data, CHECKOUT_AFTER: {"payment": data.get("payment")}}
            return True
        turn.set_state("confirm_order", payment=data.get("payment"))
        await checkout_flow.resume(turn)  # ...and the new total is confirmed
        return True
    if u.intent in ("greet", "help", "show_cart", "track_order", "change_language"):
        await _by_intent(turn, u, index)
    elif u.intent == "cancel_order" or (u.intent == "remove_item" and not u.items):
        return False  # a placed order to cancel, or "clear the cart": the checkout is over
    turn.set_state(state, **data)
    await checkout_flow.resume(turn)
    return True


async def _by_intent(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    intent = u.intent
    if intent == "greet":
        turn.say("greet", store=turn.store.name)
    elif intent == "help":
        turn.say("help")
    elif intent == "change_language":
        turn.say("language_switched")
    elif intent == "add_items" and u.items and u.corrects:
        await cart_changes.change_quantities(turn, u, index)  # "maggi 2 nahi 3": the line is set, not added to
    elif intent == "add_items" and u.items:
        await cart_flow.add_items(turn, u, index)
        if u.asked:  # "2 kilo aloo de do, aur pyaz kitne ka hai?": the onion's price, after the potatoes go in
            await _answer(turn, replace(u, intent="ask_price", items=u.asked), index)
    elif intent == "remove_item" and u.items:
        await cart_changes.remove_items(turn, u, index)
    elif intent == "remove_item":
        await cart_changes.empty_cart(turn)  # "clear cart", "cart khali karo": nothing named but the cart
    elif intent == "change_quantity" and u.items:
        await cart_changes.change_quantities(turn, u, index)
    elif intent in ("yes", "no") and (await cart_flow.current_cart(turn)).items:
        # "yes, send it" after the cart was shown: they want it placed. "No" / "nothing else" with no
        # question open answers the "anything else?" every added line implies: the cart, to confirm.
        await checkout_flow.start(turn)
    elif intent in ("show_cart", "yes"):
        await cart_flow.show_cart(turn)
    elif intent == "checkout":
        await checkout_flow.start(turn)
    elif intent == "cash_on_delivery" and await payment_change.pay_cash_instead(turn, u):
        pass  # "cash instead" after an order placed to pay online: that order is paid in cash now
    elif intent in ("cash_on_delivery", "pay_online"):
        await checkout_flow.start(turn, payment="cod" if intent == "cash_on_delivery" else "online")
    elif intent == "provide_address" and turn.inbound.location is not None:
        await nearby.show_nearby(turn)  # a shared location while no address is asked for
    elif intent == "track_order":
        await order_flow.track(turn, u)
    elif intent == "cancel_order":
        await order_flow.ask_cancel(turn, u)
    elif says_thanks(u):
        turn.say("you_are_welcome")  # "thank you", "dhanyavaad", "நன்றி" and nothing else
    else:
        turn.say("didnt_understand")
