"""The customer's side of the chat: route one understood message by conversation state, then by intent."""
from __future__ import annotations

from vyaparai.bot import cart_flow, checkout_flow, nearby, order_flow
from vyaparai.bot.catalog_order import take_catalog_order
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Understanding

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
    if msg.kind == "button" and msg.button_id:
        if msg.button_id.startswith("pick:") and msg.button_id[5:].isdigit():
            return Understanding(text=msg.text, lang=lang, intent="unknown", choice=int(msg.button_id[5:]))
        if msg.button_id in BUTTON_INTENTS:
            return Understanding(text=msg.text, lang=lang, intent=BUTTON_INTENTS[msg.button_id])
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


def remember_language(turn: Turn, u: Understanding) -> None:
    """Answer in the language the customer writes in; a short "ok" or "2" keeps the current one."""
    conv = turn.conversation
    if conv.state == "ask_address":
        return  # "12 MG Road, Indiranagar" says nothing about the language the customer speaks
    if u.intent == "change_language" and u.target_lang:
        conv.language = u.target_lang
    elif u.lang and u.lang != conv.language and _says_enough(u):
        conv.language = u.lang
    if conv.language:
        turn.customer.preferred_language = conv.language


def _says_enough(u: Understanding) -> bool:
    if _lang_neutral(u):
        return False
    letters = [w for w in u.text.split() if any(ch.isalpha() for ch in w)]
    non_latin = any(ord(ch) > 0x2FF and ch.isalpha() for ch in u.text)
    return non_latin or len(letters) >= 2


def _lang_neutral(u: Understanding) -> bool:
    return u.intent in ("yes", "no") and len(u.text.split()) <= 1


async def respond(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    if turn.inbound.kind == "order":  # a whole basket: it stands on its own, whatever we were asking
        await take_catalog_order(turn, index)
        return
    if await _by_state(turn, u, index):
        return
    turn.set_state("idle")
    await _by_intent(turn, u, index)


async def _by_state(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    state = turn.conversation.state
    if state == "choosing":
        return await cart_flow.choose(turn, u, index)
    if state == "confirm_order":
        return await checkout_flow.on_confirm(turn, u)
    if state == "ask_address":
        return await checkout_flow.on_address(turn, u, index)
    if state == "ask_payment":
        return await checkout_flow.on_payment(turn, u)
    if state == "confirm_cancel":
        return await order_flow.on_confirm_cancel(turn, u)
    return False


async def _by_intent(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    intent = u.intent
    if intent == "greet":
        turn.say("greet", store=turn.store.name)
    elif intent == "help":
        turn.say("help")
    elif intent == "change_language":
        turn.say("language_switched")
    elif intent == "add_items" and u.items:
        await cart_flow.add_items(turn, u, index)
    elif intent == "remove_item" and u.items:
        await cart_flow.remove_items(turn, u, index)
    elif intent == "remove_item":
        await cart_flow.empty_cart(turn)  # "clear cart", "cart khali karo": nothing named but the cart
    elif intent == "change_quantity" and u.items:
        await cart_flow.change_quantities(turn, u, index)
    elif intent in ("show_cart", "yes"):
        await cart_flow.show_cart(turn)
    elif intent == "checkout":
        await checkout_flow.start(turn)
    elif intent in ("cash_on_delivery", "pay_online"):
        await checkout_flow.start(turn, payment="cod" if intent == "cash_on_delivery" else "online")
    elif intent == "provide_address" and turn.inbound.location is not None:
        await nearby.show_nearby(turn)  # a shared location while no address is asked for
    elif intent == "track_order":
        await order_flow.track(turn, u)
    elif intent == "cancel_order":
        await order_flow.ask_cancel(turn, u)
    else:
        turn.say("didnt_understand")
