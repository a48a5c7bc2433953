"""The line the customer just added, and what a message naming no product says about it: a count ("make it 3",
"2 kar do", "দুটো করে দিন") or a size ("not that one, the bigger one", "बड़ा वाला"). With no line just
added, a cart of one line is the one meant; otherwise the message goes on as usual."""
from __future__ import annotations

import unicodedata

import regex
from sqlalchemy import select

from vyaparai.bot.answers import family
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Cart, CartItem, Product
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.size_words import size_keys
from vyaparai.nlu.translit import key, word_key
from vyaparai.nlu.types import ItemMention, Understanding

LAST = "last"  # conversation.data key: the sku of the line added last
_SIBLINGS = 20
_NAME_WORD = regex.compile(r"\(.*?\)|\S*\d\S*|\b\w\b")  # an aside, a size ("70", "2-Minute"), a lone letter


def remember(turn: Turn, sku: str) -> None:
    turn.conversation.data = {**(turn.conversation.data or {}), LAST: sku}


def kept(turn: Turn) -> dict:
    """The remembered line, for a state change that keeps it."""
    last = (turn.conversation.data or {}).get(LAST)
    return {LAST: last} if last else {}


def bare_count(u: Understanding) -> int | None:
    """"make it 3", "2 kar do": the new count of a line, with no product named (understanding reads it). A number
    typed alone ("2", "৩") with no question open says how many of the line just added."""
    if u.intent == "change_quantity" and not u.items:
        return u.count
    if u.intent == "unknown" and not u.items and u.choice and u.text.strip().isdigit():
        return u.choice
    return None


def amount_said(u: Understanding, product: Product, index: ProductIndex) -> ItemMention | None:
    """"make it 3 kg", "2 kilo kar do", "one more", "ek kam": an amount with a unit, or a change by some, and no
    product (understanding reads no item in it) is about the line; read with the line's own name words."""
    if not may_say_an_amount(u):
        return None
    name = " ".join(_NAME_WORD.sub(" ", product.name).split())
    # "nahi nahi 2 kg hi": a refusal then the amount wanted reads as a correction when the name comes after it.
    again = understand(f"{u.text} {name}" if u.corrects else f"{name} {u.text}", index.vocabulary())
    if again.intent not in ("add_items", "change_quantity") or len(again.items) != 1:
        return None
    said = again.items[0]
    if not said.qty or not (said.unit or said.mode == "delta"):
        return None
    return ItemMention(text="", key="", qty=said.qty, unit=said.unit, mode=said.mode)


def may_say_an_amount(u: Understanding) -> bool:
    """Two words not understood ("one more", "ek kam"), a yes with digits ("make it 3 kg") or a refusal then an
    amount ("nahi 2 kilo") may be about the line; longer messages not understood are not (ഇനി ഓർഡർ
    ആക്കിക്കോളൂ asks for the order)."""
    if u.items:
        return False
    return (u.intent == "unknown" and len(u.text.split()) <= 2) or (
        u.intent == "yes" and any(ch.isdigit() for ch in u.text)) or (
        u.corrects and u.intent in ("unknown", "no"))  # "no no, just 2 kg": the amount the line should have


def size_only(u: Understanding) -> str | None:
    """"the bigger one", "chhota wala": the one mention is a size word alone, no product ("small"/"large")."""
    if len(u.items) != 1 or not u.items[0].size_hint:
        return None
    return u.items[0].size_hint if names_only_a_size(u.items[0]) else None


def names_only_a_size(m: ItemMention) -> bool:
    """The mention's words are all small/large words ("bada", "bigger", பெரியது): it names no product."""
    words = m.text.split()
    keys = size_keys()
    return bool(words) and all((word_key(w) if w.isascii() else unicodedata.normalize("NFC", w)) in keys
                               for w in words)


def target(turn: Turn, cart: Cart) -> CartItem | None:
    last = (turn.conversation.data or {}).get(LAST)
    by_sku = {i.product.sku: i for i in cart.items}
    if last in by_sku:
        return by_sku[last]
    return cart.items[0] if len(cart.items) == 1 else None


def other_pack(index: ProductIndex, product: Product, hint: str) -> ProductRecord | None:
    """The same product in the largest / smallest pack the store has, if that is another pack."""
    name = family(product.name)
    found = index.match(ItemMention(text=name, key=key(name)), limit=_SIBLINGS).candidates
    siblings = [r for r, _ in found if r.brand == (product.brand or "") and family(r.name) == name and r.in_stock]
    if not siblings:
        return None
    pick = (max if hint == "large" else min)(siblings, key=lambda r: r.pack_base)
    better = pick.pack_base > product.pack_base if hint == "large" else pick.pack_base < product.pack_base
    return pick if better else None


async def product_of(turn: Turn, sku: str) -> Product | None:
    return await turn.session.scalar(select(Product).where(Product.store_id == turn.store.id, Product.sku == sku))
