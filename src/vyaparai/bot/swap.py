"""Replacing one thing in the cart with another: "Dettol nahi, Lifebuoy do", "not Gold, make it Taaza, 2".

The understanding marks what the customer refused (`ItemMention.exclude`). When the cart holds a line
that is the refused thing, the new product takes its place: the refused line goes, the new one comes in
with the amount said, or with the refused line's amount when none was ("same 2", "teen hi" say it;
"Lifebuoy do" keeps the count the customer already chose).
"""
from __future__ import annotations

from dataclasses import replace

import regex
from rapidfuzz import fuzz

from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import MATCH_THRESHOLD, ProductIndex
from vyaparai.catalog.quantity import MILLI
from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Cart, CartItem
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.types import ItemMention
from vyaparai.orders.cart import remove_item

_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def refused_line(cart: Cart, mention: ItemMention, index: ProductIndex) -> CartItem | None:
    """The cart line the customer just refused: the one whose name holds every refused word, or else the
    best match of the refused words (in any script) that is in the cart."""
    if not mention.exclude:
        return None
    by_words = _by_words(cart, mention)
    if by_words is not None:
        return by_words
    refused = " ".join(mention.exclude)
    in_cart = {i.product.sku: i for i in cart.items}
    for record, score in index.match(ItemMention(text=refused, key=refused), limit=20).candidates:
        if record.sku in in_cart and score >= MATCH_THRESHOLD:
            return in_cart[record.sku]
    return None


def _by_words(cart: Cart, mention: ItemMention) -> CartItem | None:
    refused = [k for phrase in mention.exclude for k in phrase.split() if k]
    best, best_hits = None, 0
    for item in cart.items:
        p = item.product
        words = [word_key(w) for w in _WORDS.findall(" ".join((p.name, p.brand or "", *(p.aliases or []))))]
        hits = sum(any(_same(k, w) for w in words) for k in refused)
        if hits == len(refused) and hits > best_hits:
            best, best_hits = item, hits
    return best


def replacement(mention: ItemMention, refused: CartItem, index: ProductIndex) -> ProductRecord | None:
    """The product that takes the refused line's place, or None when the words name nothing else."""
    for attempt in (mention, replace(mention, exclude=())):
        match = index.match(attempt)
        if match.decision == "matched" and match.product.sku != refused.product.sku:
            return match.product
    return None


async def swap(turn: Turn, cart: Cart, mention: ItemMention, index: ProductIndex, add_product) -> bool:
    """Replace the refused cart line by the mention's product; False when this mention is no replacement."""
    refused = refused_line(cart, mention, index)
    if refused is None:
        return False
    product = replacement(mention, refused, index)
    if product is None:
        return False
    qty, unit = mention.qty, mention.unit
    if qty is None or mention.mode == "delta":
        qty, unit = refused.qty_milli / MILLI, None  # the amount the customer had chosen, in packs
    name = refused.product.name
    await remove_item(turn.session, cart, refused.product_id)
    turn.line("item_removed", name=name)
    await add_product(turn, cart, product, qty, unit)
    return True


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= 80 or (len(a) >= 3 and sound_key(a) == sound_key(b) != "")
