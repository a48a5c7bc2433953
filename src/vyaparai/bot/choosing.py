"""The answer to "which one?": an option picked by its number, named in words ("masoor", "bada wala"), or left to
the shop ("koi bhi chalega", "the cheapest"); and the question asked again when something else came first."""
from __future__ import annotations

from sqlalchemy import select

from vyaparai.bot import last_line
from vyaparai.bot.any_option import FIRST, left_to_shop
from vyaparai.bot.cart_flow import (add_mentions, add_product, ask_which, current_cart, finish_cart_reply,
                                    mention_from)
from vyaparai.bot.messages import Button
from vyaparai.bot.turn import Turn
from vyaparai.bot.typed_choice import picked_by_words
from vyaparai.catalog.lines import said_amount
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.db.models import Product
from vyaparai.nlu.types import Understanding


def ask_again(turn: Turn) -> None:
    """The "which one?" question once more, with the options' buttons (after a question was answered)."""
    offered = (turn.conversation.data or {}).get("offered") or []
    turn.say("choose_number", buttons=tuple(Button(id=b["id"], title=b["title"]) for b in offered))


def ask_which_again(turn: Turn, question: dict, index: ProductIndex) -> None:
    """A "which one?" left open while something else was done, asked again in full (bot/pending_question.py);
    not when an option is no longer sold. The options are read from the turn's index, not the database: it is
    of the catalog version the turn's store row has."""
    products = [index.record(sku) for sku in question["options"]]
    if any(p is None or not p.active for p in products):
        return
    ask_which(turn, mention_from(question["mention"]), products, [mention_from(m) for m in question.get("rest") or []])


def skip_choice(turn: Turn, question: dict) -> None:
    """"No", "rehne do" at "which one?": none of them goes in, and we say so."""
    turn.line("choice_skipped", words=(question.get("mention") or {}).get("text", ""))
    turn.set_state("idle", **last_line.kept(turn))


async def choose(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    """Answer to "which one?": returns False when the message is about something else."""
    data = turn.conversation.data or {}
    options = data.get("options") or []
    mention = mention_from(data.get("mention") or {})
    left = left_to_shop(u.text) if u.choice is None else None  # "koi bhi chalega", "sabse sasta wala"
    if u.choice is not None and 1 <= u.choice <= len(options):
        sku = options[u.choice - 1]
    elif left is not None:
        sku = options[0] if left == FIRST else await _cheapest(turn, options)
    else:
        typed = picked_by_words(u, mention, options, index)  # "masoor", "saffola", "bada wala"
        if typed is None:
            return False
        sku, mention = typed
    record = index.record(sku)  # add_product reads the product's row as it is now
    cart = await current_cart(turn)
    rest = [mention_from(m) for m in data.get("rest") or []]
    turn.set_state("idle")
    added = record is not None and await add_product(turn, cart, record, *said_amount(mention, record))
    if rest:
        if added:
            turn.send()
        await add_mentions(turn, cart, rest, index)
    else:
        finish_cart_reply(turn, cart, added)
    return True


async def _cheapest(turn: Turn, options: list[str]) -> str:
    prices = dict((await turn.session.execute(select(Product.sku, Product.price_paise).where(
        Product.store_id == turn.store.id, Product.sku.in_(options), Product.active.is_(True)))).all())
    return min(options, key=lambda sku: prices.get(sku, float("inf")))
