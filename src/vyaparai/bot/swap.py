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

from vyaparai.bot.render import shown_name
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import MATCH_THRESHOLD, ProductIndex
from vyaparai.catalog.quantity import MILLI
from vyaparai.catalog.repository import to_record
from vyaparai.db.models import Cart, CartItem
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.translit import key, word_key
from vyaparai.nlu.types import ItemMention, Size
from vyaparai.orders.cart import remove_item

_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_TIE = 1.0  # candidates' scores this close are a tie the customer's words do not break
_ASIDE = regex.compile(r"\([^)]*\)")  # "(loose, per kg)": how it is sold, not what it is called


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
        named = " ".join((_ASIDE.sub(" ", p.name), p.brand or "", *(p.aliases or [])))
        words = [word_key(w) for w in _WORDS.findall(named)]
        hits = sum(any(_same(k, w) for w in words) for k in refused)
        if hits == len(refused) and hits > best_hits:
            best, best_hits = item, hits
    return best


def _wanted(mention: ItemMention, refused: CartItem, index: ProductIndex) -> ItemMention | None:
    """The words that name the replacement, or None when they name only the refused product again. A
    replacement that names no brand of its own is read within the refused line's brand ("Lays classic
    nahi, magic masala" is Lay's Magic Masala, not another brand's magic masala)."""
    bare = replace(mention, exclude=())
    top = _top(index, bare)
    brand = refused.product.brand or ""
    candidates = [c for c, _score in index.match(bare, limit=10).candidates]
    names_a_brand = any(c.brand and c.brand != brand and _says(mention, c.brand) for c in candidates)
    if brand and not names_a_brand and not _says(mention, brand):
        within = replace(bare, text=f"{brand} {mention.text}", key=f"{key(brand)} {mention.key}")
        in_brand = _top(index, within)
        if in_brand is not None and in_brand.brand == brand and in_brand.sku != refused.product.sku:
            return within
    return bare if top is not None and top.sku != refused.product.sku else None


def _restated(mention: ItemMention, refused: CartItem, index: ProductIndex) -> ItemMention | None:
    """"chai patti nahi, Tata Tea Gold 500 g do" when the tea the bot chose is that one: the customer names
    the line's own product, so it is set to what they say, not given once more."""
    bare = replace(mention, exclude=())
    top = _top(index, bare)
    return bare if top is not None and top.sku == refused.product.sku else None


def _top(index: ProductIndex, mention: ItemMention):
    match = index.match(mention)
    if match.decision not in ("matched", "ambiguous"):
        return None
    return match.product or (match.candidates[0][0] if match.candidates else None)


def _says(mention: ItemMention, brand: str) -> bool:
    return any(_same(word_key(w), word_key(b)) for w in mention.text.split() for b in brand.split())


async def take_refused(turn: Turn, cart: Cart, mention: ItemMention, index: ProductIndex) -> ItemMention | None:
    """When the mention replaces a cart line the customer refused: the line is removed and the mention
    to add in its place comes back, with the amount said or the refused line's amount. None otherwise."""
    refused = refused_line(cart, mention, index)
    if refused is None:
        return None
    wanted = _wanted(mention, refused, index) or _restated(mention, refused, index)
    if wanted is None:
        return None
    wanted = _of_refused_kind(_in_size_of(wanted, refused, index), refused, index)
    qty, unit = wanted.qty, wanted.unit
    if qty is None or wanted.mode == "delta":
        qty, unit = refused.qty_milli / MILLI, None  # the amount the customer had chosen, in packs
    name = shown_name(turn.lang, refused.product.name, refused.product.loose)
    await remove_item(turn.session, cart, refused.product_id)
    turn.line("item_removed", name=name)
    return replace(wanted, qty=qty, unit=unit, mode="set", exclude=())


def _in_size_of(wanted: ItemMention, refused: CartItem, index: ProductIndex) -> ItemMention:
    """"Coke nahi, Thums Up": with no size said, the replacement comes in the refused line's size
    (Thums Up 750 ml for Coke 750 ml) when the store has it; else the question which one stays."""
    if wanted.size is not None or wanted.size_hint or wanted.size_number is not None:
        return wanted
    if index.match(wanted).decision != "ambiguous":
        return wanted
    p = refused.product
    sized = replace(wanted, size=Size(float(p.pack_base), to_record(p).base_unit))
    return sized if index.match(sized).decision == "matched" else wanted


def _of_refused_kind(wanted: ItemMention, refused: CartItem, index: ProductIndex) -> ItemMention:
    """"Dettol nahi, Lifebuoy", "lux nahi, medimix": when the replacement's words fit products of several kinds
    equally (a soap and a tea), or name only a brand that sells several kinds, the one of the refused line's
    kind is meant; it is named by its own name, so it is the one added."""
    match = index.match(wanted)
    if match.decision not in ("matched", "ambiguous") or not match.candidates:
        return wanted
    top, top_score = match.candidates[0]
    kind = refused.product.category
    if match.decision == "ambiguous":
        pool = [r for r, score in match.candidates if score >= top_score - _TIE]
    elif top.category != kind and _says_only(wanted, top.brand):
        pool = [r for r, _score in match.candidates if r.brand == top.brand]
    else:
        return wanted
    same = [r for r in pool if r.category == kind and r.sku != refused.product.sku]
    if len(same) != 1 or len(pool) == 1:
        return wanted
    pinned = replace(wanted, text=same[0].name, key=key(same[0].name), size=None, size_hint=None,
                     size_number=None)
    found = index.match(pinned)
    return pinned if found.decision == "matched" and found.product.sku == same[0].sku else wanted


def _says_only(mention: ItemMention, brand: str) -> bool:
    """Every word of the mention is a word of the brand ("medimix", மெடிமிக்ஸ்)."""
    brand_words = [word_key(b) for b in brand.split()]
    return bool(brand_words) and all(any(_same(word_key(w), b) for b in brand_words) for w in mention.text.split())


def refusal_in_words(cart: Cart, mention: ItemMention, index: ProductIndex) -> ItemMention | None:
    """"make the pepsi a sprite", "coke ko limca kar do", "change the dettol to santoor, same 2": a change
    whose first words name a cart line and the rest another product refuses that line for the rest. Words
    that name a cart line as they stand ("make the amul gold 2") are that line, not a swap."""
    words, keys = mention.text.split(), mention.key.split()
    if mention.exclude or mention.mode == "delta" or len(keys) < 2 or len(words) != len(keys) \
            or _names_a_line(cart, mention, index):
        return None
    for cut in range(1, len(keys)):
        split = replace(mention, exclude=(" ".join(keys[:cut]),), text=" ".join(words[cut:]),
                        key=" ".join(keys[cut:]), qty=_said_count(mention))
        line = refused_line(cart, split, index)
        top = _top(index, replace(split, exclude=())) if line is not None else None
        if top is not None and top.sku != line.product.sku:
            return split
    return None


def _names_a_line(cart: Cart, mention: ItemMention, index: ProductIndex) -> bool:
    top = _top(index, mention)
    return top is not None and any(i.product.sku == top.sku for i in cart.items)


def _said_count(mention: ItemMention) -> float | None:
    """The count a swap says ("same 2", "3"); one pack with no unit is the article ("make the coke a sprite"),
    which keeps the count the customer chose."""
    if mention.qty == 1 and mention.unit is None:
        return None
    return mention.qty


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= 80 or (len(a) >= 3 and sound_key(a) == sound_key(b) != "")
