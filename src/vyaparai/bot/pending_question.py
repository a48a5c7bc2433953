"""The "which one?" still open while the customer says something else: kept, and asked again after it.

A shop assistant who asked "which Lay's?" and hears "and 2 Maggi" puts the Maggi in and asks about the Lay's
again; "show my cart" or "hi" is answered and the question comes back. The question is dropped only when the
customer refuses the product asked about ("no", "rehne do", "remove the butter") or goes to the checkout.
"""
from __future__ import annotations

from dataclasses import replace

from vyaparai.bot import cart_flow, choosing
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.types import Understanding

# Intents that end the question: the customer moves to the checkout with what the cart holds.
_TO_CHECKOUT = ("checkout", "cash_on_delivery", "pay_online")


def open_question(turn: Turn) -> dict | None:
    """The question pending now (its options, the words it is about, the items said after them), or None."""
    data = turn.conversation.data or {}
    if turn.conversation.state != "choosing" or not data.get("options"):
        return None
    return {"options": list(data["options"]), "mention": data.get("mention") or {}, "rest": data.get("rest") or []}


async def not_an_answer(turn: Turn, u: Understanding, question: dict,
                        index: ProductIndex) -> tuple[Understanding | None, dict | None]:
    """A message at "which one?" that picks no option. Returns what is left to do (None when handled here) and
    the question to ask again after it (None when it is over). The items said after the question are not lost:
    they come along with new items, or go in before the checkout."""
    rest = cart_flow.unasked(turn)
    if u.intent == "add_items" and not u.sure_items and not _an_amount_of_a_product(u, index):
        choosing.ask_again(turn)  # a guess of a product ("skip" is no Ship) is no answer: asked again
        return None, None
    if (u.intent == "no" and not u.items) or (u.intent == "remove_item" and _refuses_asked(u, question, index)):
        choosing.skip_choice(turn, question)  # "nahi", "rehne do", "remove the butter": that one is not wanted
        others = tuple(m for m in u.items if not _names_an_option(m, question, index))
        if others:  # "butter rehne do, maggi hata do": the other removal is made too
            return replace(u, items=others, adds=(*u.adds, *rest)), None
        if u.adds:
            rest = [*u.adds, *rest]
        await cart_flow.add_unasked(turn, rest, index) if rest else await cart_flow.show_cart(turn)
        return None, None
    if u.intent == "yes" and not u.items:
        choosing.ask_again(turn)  # "ok", "haan ji" is no choice: the question once more
        return None, None
    if u.intent in (*_TO_CHECKOUT, "yes"):
        if rest:
            await cart_flow.add_unasked(turn, rest, index)
            if turn.conversation.state == "choosing":
                return None, None  # one of them needs a "which one?" too
        return u, None
    later = {**question, "rest": []}
    if u.intent == "add_items" and u.items:
        return replace(u, items=(*u.items, *rest)), later
    if u.intent == "remove_item":
        return replace(u, adds=(*u.adds, *rest)), later  # "maggi hata do": that one goes, the rest goes in
    return u, question


def ask_after(turn: Turn, question: dict | None, index: ProductIndex) -> None:
    """The question again, in full, once the other message is handled - unless that asked one of its own or
    began the checkout."""
    if question is None or turn.conversation.state != "idle":
        return
    choosing.ask_which_again(turn, question, index)


def _refuses_asked(u: Understanding, question: dict, index: ProductIndex) -> bool:
    return any(_names_an_option(m, question, index) for m in u.items)


def _names_an_option(mention, question: dict, index: ProductIndex) -> bool:
    """The words name one of the products offered ("butter" when Amul Butter 100 g and 500 g were)."""
    options = set(question["options"])
    match = index.match(mention, limit=20)
    if match.product is not None and match.product.sku in options:
        return True
    return bool(match.candidates) and match.candidates[0][0].sku in options


def _an_amount_of_a_product(u: Understanding, index: ProductIndex) -> bool:
    """Some item is an amount of a product the shop sells ("अर्धा लिटर अमूल ताजा ..."), though another word of the
    message is only a guess: a new line to add, not a stray word at the question."""
    return any(m.qty is not None and index.match(m).decision == "matched" for m in u.items)
