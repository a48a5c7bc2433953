"""Customer turns that change lines already in the cart: remove them, set or move their amounts, "make it 3" or
"the bigger one" about the line just added, or empty the cart."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.bot import last_line
from vyaparai.bot.cart_flow import add_mentions, add_product, current_cart, explain_problem, finish_cart_reply
from vyaparai.bot.line_by_name import line_named
from vyaparai.bot.render import cart_text, qty_text, shown_name
from vyaparai.bot.swap import refusal_in_words, take_refused
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.quantity import MILLI, QuantityProblem, to_milli
from vyaparai.catalog.repository import to_record
from vyaparai.db.models import Cart, CartItem
from vyaparai.nlu.types import ItemMention, Understanding
from vyaparai.orders.cart import clear_cart, remove_item, set_item_quantity


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
        if mention.qty:  # "remove 1 dettol" of 3: that many come out, the rest stay
            await _change_one(turn, cart, item, replace(mention, qty=-abs(mention.qty), mode="delta"))
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
    if mention.mode == "scale":  # "aloo double kar do", "chawal aadha kar do": the line times the factor
        amount = round(item.qty_milli * (mention.qty or 1))
        if not record.loose or record.unit == "piece":
            amount = max(MILLI, round(amount / MILLI) * MILLI)  # packed goods stay whole packs
        mention = ItemMention(text=mention.text, key=mention.key, qty=amount / MILLI, unit=None)
    amount = to_milli(record, abs(mention.qty) if mention.qty is not None else 1, mention.unit)
    if isinstance(amount, QuantityProblem):
        explain_problem(turn, record, amount)
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
