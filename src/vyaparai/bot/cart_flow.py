"""Customer turns that fill the cart: add (asking "which one?" among similar products), remove, change a quantity.
The answer to "which one?" is read in bot/choosing.py."""
from __future__ import annotations

from vyaparai.bot import last_line
from vyaparai.bot.line_by_name import line_named
from vyaparai.bot.messages import Button
from vyaparai.bot.render import cart_text, qty_text, shown_name, total_lines
from vyaparai.bot.split_names import join_split_names, names_the_last_again
from vyaparai.bot.substitution import missing_words
from vyaparai.bot.swap import refusal_in_words, take_refused
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.quantity import MILLI, QuantityProblem, line_total_paise, to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.repository import to_record
from vyaparai.db.models import Cart, CartItem
from vyaparai.nlu.types import ItemMention, Understanding
from vyaparai.orders.cart import (
    add_if_stocked, add_item, cart_total_paise, clear_cart, open_cart, remove_item, set_item_quantity,
)

MAX_OPTIONS = 5


async def current_cart(turn: Turn) -> Cart:
    cart, expired = await open_cart(turn.session, turn.store.id, turn.customer.id, now=turn.now,
                                    ttl_minutes=turn.settings.cart_ttl_minutes)
    if expired:
        turn.line("cart_expired")
    return cart


async def add_items(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    cart = await current_cart(turn)
    if u.corrects:  # "maggi 2 nahi 3": a line already in the cart is set to the new amount, not added to
        await change_quantities(turn, u, index)
        return
    await add_mentions(turn, cart, list(u.items), index)


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
            added |= await add_product(turn, cart, match.product, mention.qty, mention.unit)
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
        _explain_problem(turn, record, milli)
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


def _explain_problem(turn: Turn, record: ProductRecord, problem: QuantityProblem) -> None:
    if problem.code == "not_whole_packs":
        pack = qty_text(turn.lang, record.unit, record.pack_base, True, MILLI)
        turn.line("not_whole_packs", name=record.name, pack=pack)
    else:
        unit = {"g": "kg", "ml": "l", "piece": "pcs"}.get(record.base_unit, record.unit)
        turn.line("wrong_unit", name=record.name, unit=unit)


async def remove_items(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    cart = await current_cart(turn)
    for mention in u.items:
        swapped = await take_refused(turn, cart, mention, index)
        if swapped is not None:
            await add_mentions(turn, cart, [swapped], index)
            return
        item = _cart_item_for(cart, mention, index, turn.lang)
        if item is None:
            turn.line("item_not_in_cart", name=mention.text)
            continue
        name = shown_name(turn.lang, item.product.name, item.product.loose)
        await remove_item(turn.session, cart, item.product_id)
        turn.line("item_removed", name=name)
    if u.adds:  # "lux hata do, 1 kg sugar": what was said to go in goes in, with the new total
        turn.set_state("idle", **last_line.kept(turn))
        await add_mentions(turn, cart, list(u.adds), index)
        return
    _show_after_change(turn, cart)


async def change_quantities(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    """Cart lines set to (or moved by) the amounts said; new products and swaps are added after the changes."""
    cart = await current_cart(turn)
    to_add = []
    for mention in u.items:
        mention = refusal_in_words(cart, mention, index) or mention  # a change with no amount: a swap
        swapped = await take_refused(turn, cart, mention, index)
        if swapped is not None:
            to_add.append(swapped)
            continue
        item = _cart_item_for(cart, mention, index, turn.lang)
        if item is None:
            if mention.mode == "set" or (mention.qty or 0) > 0:
                to_add.append(mention)
            else:
                turn.line("item_not_in_cart", name=mention.text)
            continue
        await _change_one(turn, cart, item, mention)
    if to_add:
        await add_mentions(turn, cart, to_add, index)
    else:
        _show_after_change(turn, cart)


async def about_last_line(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    """"make it 3", "the bigger one": the line just added is changed. False when the message is not that."""
    count = last_line.bare_count(u)
    hint = None if count is not None else last_line.size_only(u)
    may_say = last_line.may_say_an_amount(u)  # "make it 3 kg": the line's new amount, read below
    naming = u.intent == "add_items" and len(u.items) == 1 and not last_line.a_count(u.items[0]) and (
        (turn.conversation.data or {}).get(last_line.LAST) or turn.conversation.state == "confirm_order")
    # (at "shall I place?" a one-line cart's line; "2 rice" is a count: it adds, so the cart is not read here)
    if count is None and hint is None and not may_say and not naming:
        return False
    cart = await current_cart(turn)
    named = last_line.named_line(turn, u, cart, index) if naming and hint is None else None
    if named is not None:
        _confirm_line(turn, named)  # "britannia white" right after it went in: it is there, nothing more added
        return True
    item = last_line.target(turn, cart)
    if count is None and hint is None and not may_say:
        return False
    amount = ItemMention(text="", key="", qty=count) if count is not None else None
    if item is not None and amount is None and hint is None:
        amount = last_line.amount_said(u, item.product, index)
    if item is None or (amount is None and hint is None):
        return False
    if amount is not None:
        await _change_one(turn, cart, item, amount)
        _show_after_change(turn, cart)
        return True
    other = last_line.other_pack(index, item.product, hint)
    if other is None:
        return False
    packs = max(1, round(item.qty_milli / MILLI))  # the count chosen, in the other pack
    await remove_item(turn.session, cart, item.product_id)
    turn.line("item_removed", name=shown_name(turn.lang, item.product.name, item.product.loose))
    finish_cart_reply(turn, cart, await add_product(turn, cart, other, packs, None))
    turn.set_state("idle", **last_line.kept(turn))
    return True


def _confirm_line(turn: Turn, item: CartItem) -> None:
    p = item.product
    turn.line("line_in_cart", name=shown_name(turn.lang, p.name, p.loose),
              qty=qty_text(turn.lang, p.unit, p.pack_base, p.loose, item.qty_milli))
    if turn.conversation.state == "confirm_order":
        turn.send()  # "shall I place it?" comes again right after
    else:
        turn.line("cart_hint")
        turn.send(buttons=(turn.button("checkout", "button_place_order"), turn.button("cart", "button_view_cart")))
    turn.set_state("idle", **last_line.kept(turn))


async def _change_one(turn: Turn, cart: Cart, item: CartItem, mention: ItemMention) -> None:
    record = to_record(item.product)
    amount = to_milli(record, abs(mention.qty) if mention.qty is not None else 1, mention.unit)
    if isinstance(amount, QuantityProblem):
        _explain_problem(turn, record, amount)
        return
    if mention.mode == "delta":
        amount = item.qty_milli + (amount if (mention.qty or 1) > 0 else -amount)
    name = shown_name(turn.lang, item.product.name, item.product.loose)
    if amount <= 0:
        await remove_item(turn.session, cart, item.product_id)
        turn.line("item_removed", name=name)
        return
    p = item.product
    if amount > p.stock_milli:
        turn.line("only_left", available=qty_text(turn.lang, p.unit, p.pack_base, p.loose, p.stock_milli), name=name)
        return
    await set_item_quantity(turn.session, cart, item.product_id, amount)
    turn.line("quantity_changed", name=name, qty=qty_text(turn.lang, p.unit, p.pack_base, p.loose, amount))


def _show_after_change(turn: Turn, cart: Cart) -> None:
    if cart.items:
        turn.text(cart_text(turn.lang, cart, turn.store))
        turn.send(buttons=(turn.button("checkout", "button_place_order"),))
    else:
        turn.line("cart_empty")
        turn.send()
    turn.set_state("idle", **last_line.kept(turn))


def _cart_item_for(cart: Cart, mention: ItemMention, index: ProductIndex, lang: str) -> CartItem | None:
    """The cart line the customer means: the best-ranked candidate that is in the cart, else the one line whose
    shown name has the word said."""
    by_sku = {i.product.sku: i for i in cart.items}
    match = index.match(mention, limit=20)
    for record, _score in match.candidates:
        if record.sku in by_sku:
            return by_sku[record.sku]
    if match.product is not None and match.product.sku in by_sku:
        return by_sku[match.product.sku]
    return line_named(cart, mention, lang)


async def empty_cart(turn: Turn) -> None:
    cart = await current_cart(turn)
    await clear_cart(turn.session, cart)
    turn.say("cart_empty")
    turn.set_state("idle")


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
