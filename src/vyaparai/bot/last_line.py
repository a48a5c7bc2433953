"""The line the customer just added, and what a message naming no product says about it: a count ("make it 3",
"2 kar do", "দুটো করে দিন") or a size ("not that one, the bigger one", "बड़ा वाला"). With no line just
added, a cart of one line is the one meant; otherwise the message goes on as usual."""
from __future__ import annotations

import unicodedata

import regex
from rapidfuzz import fuzz
from sqlalchemy import select

from vyaparai.bot.answers import family
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.repository import to_record
from vyaparai.catalog.quantity import MILLI, to_milli
from vyaparai.db.models import Cart, CartItem, Product
from vyaparai.nlu.corrections import says_more
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.size_words import size_keys
from vyaparai.nlu.translit import key, word_key
from vyaparai.nlu.types import ItemMention, Understanding

LAST = "last"  # conversation.data key: the sku of the line added last
ADDED = "added"  # ... the skus the last message that added anything added, and when it came (ADDED_AT)
ADDED_AT = "added_at"
PAYS = "pays"  # ... and the way to pay said with goods ("1 kg besan, cash dunga"), "cod"/"online", for the checkout
_SIBLINGS = 20
_SAME = 80  # rapidfuzz ratio of two word keys that are one word misspelt (bot/split_names.py)
_OPTIONS = 5  # as many as a "which one?" offers (cart_flow.MAX_OPTIONS)
_NAME_WORD = regex.compile(r"\(.*?\)|\S*\d\S*|\b\w\b")  # an aside, a size ("70", "2-Minute"), a lone letter


def remember(turn: Turn, sku: str) -> None:
    data = turn.conversation.data or {}
    batch = data.get(ADDED) if data.get(ADDED_AT) == turn.now.isoformat() else None
    turn.conversation.data = {**data, LAST: sku, ADDED: [*(batch or []), sku], ADDED_AT: turn.now.isoformat()}


def kept(turn: Turn) -> dict:
    """The remembered lines, for a state change that keeps them."""
    data = turn.conversation.data or {}
    return {k: data[k] for k in (LAST, ADDED, ADDED_AT, PAYS) if data.get(k)}


def way_to_pay_kept(turn: Turn) -> dict:
    """The way to pay said with goods, for a state change that forgets the lines but not that."""
    pays = (turn.conversation.data or {}).get(PAYS)
    return {PAYS: pays} if pays else {}


def named_line(turn: Turn, u: Understanding, cart: Cart, index: ProductIndex) -> CartItem | None:
    """The line just added - or another line the same message added ("2 bread and a dozen eggs", then
    "britannia bread") - that the message names again (`names_the_line`)."""
    first = target(turn, cart)
    added = set((turn.conversation.data or {}).get(ADDED) or [])
    lines = [first] if first is not None else []
    lines += [i for i in cart.items if i.product.sku in added and i is not first]
    return next((i for i in lines if names_the_line(u, i, index)), None)


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
    more = asks_for_more(u)
    said = again.items[0] if again.intent in ("add_items", "change_quantity") and len(again.items) == 1 else None
    if more and not (said and said.qty) and says_more(u.text, one=True):
        return ItemMention(text="", key="", qty=1, mode="delta")  # "innoru kudunga": one more
    if said is None or not said.qty or not (said.unit or said.mode == "delta" or more):
        return None
    # "ek aur", "aur do", "do packet aur": with a more-word the count is added to the line.
    return ItemMention(text="", key="", qty=said.qty, unit=said.unit, mode="delta" if more else said.mode)


def asks_for_more(u: Understanding) -> bool:
    """"ek aur de do", "one more please", "do packet aur", "ಇನ್ನೊಂದು ಕೊಡಿ": a more-word and no product - read as
    a yes, as not understood, or as the more-word taken for a product ("আরেকটা")."""
    if u.intent not in ("yes", "unknown", "add_items") or not says_more(u.text):
        return False
    return all(says_more(m.text) for m in u.items) and (u.intent != "add_items" or bool(u.items))


def may_say_an_amount(u: Understanding) -> bool:
    """Two words not understood ("one more", "ek kam"), a yes with digits ("make it 3 kg") or a refusal then an
    amount ("nahi 2 kilo") may be about the line; longer messages not understood are not (ഇനി ഓർഡർ
    ആക്കിക്കോളൂ asks for the order)."""
    if asks_for_more(u):
        return True
    if u.items:
        return False
    return (u.intent == "unknown" and len(u.text.split()) <= 2) or (
        u.intent == "yes" and any(ch.isdigit() for ch in u.text)) or (
        u.corrects and u.intent in ("unknown", "no"))  # "no no, just 2 kg": the amount the line should have


def a_count(mention) -> bool:
    """"2 rice", "3 packet maggi": a number of packs other than one, which names no line already there."""
    return mention.qty is not None and mention.unit in (None, "pack") and mention.qty != 1


def names_the_line(u: Understanding, item: CartItem, index: ProductIndex) -> bool:
    """"britannia white", "sunflower wala 1 litre", "maggi" right after that line went in: the customer names the
    line again, as a shop assistant hears it - to confirm, not to add. Not with a count ("2 maggi"), an also/more
    word ("maggi bhi", "one more maggi") or another product; a size said is one pack of the line ("1 litre")."""
    if u.intent != "add_items" or len(u.items) != 1 or u.corrects or says_more(u.text):
        return False
    mention, product = u.items[0], item.product
    if mention.qty is not None and not _one_pack(mention, product):
        return False
    if _words_in_name(mention, product):
        return True  # "sunflower wala" fits the Gold Winner sunflower oil just added, whatever else it fits
    match = index.match(mention, limit=_SIBLINGS)
    if match.decision == "matched":
        return match.product.sku == product.sku
    options = [r.sku for r, _ in match.candidates[:_OPTIONS]]
    return match.decision == "ambiguous" and product.sku in options


def _words_in_name(mention: ItemMention, product: Product) -> bool:
    """Every word said is a word of the product's name or brand (a misspelling allowed)."""
    own = key(f"{product.brand or ''} {product.name}").split()
    said = mention.key.split()
    return bool(said) and all(any(fuzz.ratio(w, o) >= _SAME for o in own) for w in said)


def _one_pack(mention: ItemMention, product: Product) -> bool:
    """"1 litre" of a 1 L pouch: the size of the pack, not a count of packs."""
    if mention.unit not in ("kg", "g", "l", "ml") or product.loose or mention.mode != "set":
        return False
    return to_milli(to_record(product), mention.qty, mention.unit) == MILLI


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
