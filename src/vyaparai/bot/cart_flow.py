"""Customer turns that fill the cart: add (asking "which one?" among similar products), and show it. The answer to
"which one?" is read in bot/choosing.py; lines already in the cart change in bot/cart_changes.py."""
from __future__ import annotations

from vyaparai.bot import last_line
from vyaparai.bot.address_payment import PAYMENT_OF
from vyaparai.bot.messages import Button
from vyaparai.bot.render import cart_text, qty_text, shown_name, total_lines
from vyaparai.bot.split_names import join_split_names, names_the_last_again
from vyaparai.bot.substitution import missing_words
from vyaparai.bot.swap import take_refused
from vyaparai.bot.turn import Turn
from vyaparai.catalog.lines import said_amount
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.quantity import MILLI, QuantityProblem, line_total_paise, to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Cart
from vyaparai.nlu.types import ItemMention, Understanding
from vyaparai.orders.cart import add_if_stocked, add_item, cart_total_paise, open_cart

MAX_OPTIONS = 5


async def current_cart(turn: Turn) -> Cart:
    cart, expired = await open_cart(turn.session, turn.store.id, turn.customer.id, now=turn.now,
                                    ttl_minutes=turn.settings.cart_ttl_minutes)
    if expired:
        turn.line("cart_expired")
    return cart


async def add_items(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    await add_mentions(turn, await current_cart(turn), list(u.items), index)
    if u.pays in PAYMENT_OF:  # "1 kg besan, cash on delivery dunga": the checkout will not ask again
        turn.conversation.data = {**(turn.conversation.data or {}), last_line.PAYS: PAYMENT_OF[u.pays]}


async def add_mentions(turn: Turn, cart: Cart, mentions: list[ItemMention], index: ProductIndex) -> None:
    added = False
    before = None
    mentions = join_split_names(mentions, index)  # "cream and onion": one Lay's
    for i, mention in enumerate(mentions):
        mention = await take_refused(turn, cart, mention, index) or mention  # "X nahi, Y": Y in X's place
        match = index.match(mention)
        if names_the_last_again(mention, match, before):
            continue
        before = match.product
        best = match.product or (match.candidates[0][0] if match.candidates else None)
        missing = missing_words(mention, best, index.vocabulary()) if best is not None else []
        if match.decision == "matched" and not missing:
            added |= await add_product(turn, cart, match.product, *said_amount(mention, match.product))
        elif match.decision in ("matched", "ambiguous"):
            finish_cart_reply(turn, cart, added)
            if missing:  # asked for a brand or variant we don't carry: say so, and let them choose
                turn.line("not_carried", words=" ".join(missing))
            ask_which(turn, mention, [c[0] for c in match.candidates[:MAX_OPTIONS]], mentions[i + 1:])
            return
        elif match.alternatives:
            names = ", ".join(p.name for p in match.alternatives[:3])
            turn.line("not_found_suggest", words=mention.text, suggestions=names)
        else:
            turn.line("not_found", words=mention.text)
    finish_cart_reply(turn, cart, added)
    turn.set_state("idle", **last_line.kept(turn))


def finish_cart_reply(turn: Turn, cart: Cart, added: bool) -> None:
    if added:
        # As the cart reads: with the store's delivery charge, subtotal, delivery and total.
        for line in total_lines(turn.lang, turn.store, cart_total_paise(cart)):
            turn.text(line)
        turn.line("cart_hint")
        turn.send(buttons=(turn.button("checkout", "button_place_order"), turn.button("cart", "button_view_cart")))
    else:
        turn.send()


def ask_which(turn: Turn, mention: ItemMention, options: list[ProductRecord], rest: list[ItemMention]) -> None:
    turn.line("ambiguous", words=mention.text)
    for n, p in enumerate(options, start=1):
        turn.line("option_line", n=n, name=shown_name(turn.lang, p.name, p.loose), price=turn.money(p.price_paise))
    turn.line("choose_number")
    turn.send(buttons=tuple(Button(id=f"pick:{n}", title=p.name) for n, p in enumerate(options, start=1)))
    turn.set_state("choosing", options=[p.sku for p in options], mention=_mention_data(mention),
                   rest=[_mention_data(m) for m in rest])


def unasked(turn: Turn) -> list[ItemMention]:
    """The items said after a "which one?" still unanswered; `add_unasked` adds them as if said now."""
    return [mention_from(m) for m in (turn.conversation.data or {}).get("rest") or []]


async def add_unasked(turn: Turn, rest: list[ItemMention], index: ProductIndex) -> None:
    turn.set_state("idle", **last_line.kept(turn))
    await add_mentions(turn, await current_cart(turn), rest, index)


async def add_product(turn: Turn, cart: Cart, record: ProductRecord, qty: float | None, unit: str | None) -> bool:
    """Put `qty unit` of a product in the cart within the stock left, saying what happened; True if any went in."""
    milli = to_milli(record, qty, unit)
    # The product as it is now; the line already in when the stock allowed it (one statement on PostgreSQL).
    product, added = await add_if_stocked(turn.session, cart, record, None if isinstance(milli, QuantityProblem)
                                          else milli)
    if product is None or not product.active or product.stock_milli <= 0:
        turn.line("out_of_stock", name=record.name)
        return False
    if isinstance(milli, QuantityProblem):
        explain_problem(turn, record, milli)
        return False
    if not added:
        in_cart = next((i.qty_milli for i in cart.items if i.product_id == product.id), 0)
        available = product.stock_milli - in_cart
        if not product.loose or product.unit == "piece":
            available -= available % MILLI  # packaged goods sell only in whole packs
        if milli > available:
            left = qty_text(turn.lang, product.unit, product.pack_base, product.loose, max(product.stock_milli, 0))
            turn.line("only_left", available=left, name=shown_name(turn.lang, product.name, product.loose))
            if available <= 0:
                return False
            milli = available
        await add_item(turn.session, cart, product, milli)
    last_line.remember(turn, product.sku)
    turn.line("item_added", qty=qty_text(turn.lang, product.unit, product.pack_base, product.loose, milli),
              name=shown_name(turn.lang, product.name, product.loose),
              amount=turn.money(line_total_paise(product.price_paise, milli)))
    return True


def explain_problem(turn: Turn, record: ProductRecord, problem: QuantityProblem) -> None:
    if problem.code == "not_whole_packs":
        pack = qty_text(turn.lang, record.unit, record.pack_base, True, MILLI)
        turn.line("not_whole_packs", name=record.name, pack=pack)
    else:
        unit = {"g": "kg", "ml": "l", "piece": "pcs"}.get(record.base_unit, record.unit)
        turn.line("wrong_unit", name=record.name, unit=unit)


async def show_cart(turn: Turn) -> None:
    cart = await current_cart(turn)
    if not cart.items:
        turn.say("cart_empty")
        return
    turn.text(cart_text(turn.lang, cart, turn.store))
    turn.line("cart_hint")
    turn.send(buttons=(turn.button("checkout", "button_place_order"),))


def _mention_data(m: ItemMention) -> dict:
    return {"text": m.text, "key": m.key, "qty": m.qty, "unit": m.unit, "mode": m.mode}


def mention_from(d: dict) -> ItemMention:
    return ItemMention(text=d.get("text", ""), key=d.get("key", ""), qty=d.get("qty"), unit=d.get("unit"),
                       mode=d.get("mode", "set"))
