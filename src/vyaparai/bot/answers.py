"""Answers to the customer's questions (a price, the stock, the bill), said in their language; nothing changes."""
from __future__ import annotations

import re

from sqlalchemy import select

from vyaparai import locales
from vyaparai.bot.render import payable_paise, qty_text
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import Match, ProductIndex
from vyaparai.catalog.quantity import MILLI, QuantityProblem, line_total_paise, to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.db.models import Product
from vyaparai.nlu.types import ItemMention, Understanding
from vyaparai.orders.cart import cart_lines, open_cart

MAX_SIZES = 3  # the product asked about and at most two other sizes of it
MAX_SHOWN = 3  # products named in one answer ("we have X, Y, Z instead")
_CANDIDATES = 20
# Words of a name that only say the size or the container: what is left names the product itself.
_SIZE_WORDS = re.compile(r"\([^)]*\)|\b\d[\w.-]*|\b(?:g|gm|kg|ml|l|ltr|litre|pcs|pack|pouch|bottle|jar|tin|box)\b",
                         re.IGNORECASE)


async def answer_question(turn: Turn, u: Understanding, index: ProductIndex) -> None:
    """Answer an ask_price / ask_stock / ask_total message; the cart and the conversation state stay as they are."""
    if u.intent == "ask_total":
        await _answer_total(turn)
        return
    if not u.items:
        turn.say("q_which_product")
        return
    for mention in u.items:
        match = index.match(mention, limit=_CANDIDATES)
        if u.intent == "ask_price":
            _answer_price(turn, mention, match)
        else:
            await _answer_stock(turn, mention, match)
    turn.send()


async def _answer_total(turn: Turn) -> None:
    cart, _expired = await open_cart(turn.session, turn.store.id, turn.customer.id, now=turn.now,
                                     ttl_minutes=turn.settings.cart_ttl_minutes)
    count = len(cart_lines(cart))
    if not count:
        turn.say("cart_empty")
        return
    key = "q_total_one" if count == 1 else "q_total"
    # What they would pay, as the cart's own "Total" line reads: the delivery charge included.
    turn.say(key, total=turn.money(payable_paise(turn.store, cart)), count=count,
             buttons=(turn.button("checkout", "button_place_order"), turn.button("cart", "button_view_cart")))


def _answer_price(turn: Turn, mention: ItemMention, match: Match) -> None:
    product = _wanted(mention, match) if match.decision != "not_found" else None
    if product is not None:
        turn.line("q_price_is", name=product.name, price=turn.money(product.price_paise))
        _price_of_amount(turn, mention, product)
        others = _other_sizes(product, match)
        if others:
            sizes = ", ".join(f"{_pack_label(turn, p)} {turn.money(p.price_paise)}" for p in others)
            turn.line("q_price_sizes", sizes=sizes)
    elif match.decision == "ambiguous":
        turn.line("q_prices_of", words=mention.text)
        for product, _score in match.candidates[:MAX_SHOWN]:
            turn.text(f"• {product.name} — {turn.money(product.price_paise)}")
    else:
        _not_found(turn, mention, match)


def _price_of_amount(turn: Turn, mention: ItemMention, product: ProductRecord) -> None:
    """"2 kg cheeni kitne ki": the price of the amount said, when it is more than one pack."""
    if mention.qty is None:
        return
    milli = to_milli(product, mention.qty, mention.unit)
    if isinstance(milli, QuantityProblem) or milli == MILLI:
        return
    turn.line("q_price_for_amount", qty=qty_text(turn.lang, product.unit, product.pack_base, product.loose, milli),
              amount=turn.money(line_total_paise(product.price_paise, milli)))


def _other_sizes(product: ProductRecord, match: Match) -> list[ProductRecord]:
    """The same product in other packs ("Maggi 70 g" and its 280 g pack), smallest first."""
    kind = family(product.name)
    others = [p for p, _ in match.candidates
              if p.sku != product.sku and p.brand == product.brand and family(p.name) == kind]
    return sorted(others, key=lambda p: p.pack_base)[: MAX_SIZES - 1]


def family(name: str) -> str:
    """A product's name without its size and container words: the same for each pack of it."""
    return " ".join(_SIZE_WORDS.sub(" ", name).lower().split())


def _pack_label(turn: Turn, product: ProductRecord) -> str:
    """"280 g", "1 l", "30 pcs": the size written on the pack."""
    unit = "pcs" if product.unit == "piece" else product.unit
    return f"{locales.number(product.pack_size, turn.lang)} {unit}"


async def _answer_stock(turn: Turn, mention: ItemMention, match: Match) -> None:
    if match.decision == "not_found":
        _not_found(turn, mention, match)
        return
    ranked = [p for p, _ in match.candidates]
    stock = await _stock_left(turn, ranked)
    have = [p for p in ranked if stock.get(p.id, 0) > 0]
    wanted = _wanted(mention, match)
    if wanted is not None and wanted in have:
        turn.line("q_in_stock", name=_priced(turn, wanted), left=_left(turn, wanted, stock[wanted.id]))
    elif wanted is not None or not have:
        turn.line("q_not_in_stock", name=wanted.name if wanted else mention.text)
        _suggest(turn, have)
    else:
        turn.line("q_we_have_these", words=mention.text)
        for p in have[:MAX_SHOWN]:
            turn.text(f"• {_priced(turn, p)} — {_left(turn, p, stock[p.id])}")


def _wanted(mention: ItemMention, match: Match) -> ProductRecord | None:
    """The product the words fit best, in stock or not (the matcher ranks what is in stock first, so a
    sold-out "Amul Butter 100g" comes after the 500 g pack); None when several fit as well."""
    best = max(score for _, score in match.candidates)
    top = [p for p, score in match.candidates if score >= best]
    if mention.qty is not None and mention.unit not in (None, "pack"):
        fits = [p for p in top if to_milli(p, mention.qty, mention.unit) == MILLI]  # "100g": that pack
        if len(fits) == 1:
            return fits[0]
    if match.decision == "matched":
        return match.product if match.product in top else top[0]
    return top[0] if len(top) == 1 else None


def _priced(turn: Turn, product: ProductRecord) -> str:
    """"Bournvita 500g (₹240)": whoever asks if it is there wants its price next."""
    return f"{product.name} ({turn.money(product.price_paise)})"


def _left(turn: Turn, product: ProductRecord, milli: int) -> str:
    return turn.t("q_left", qty=qty_text(turn.lang, product.unit, product.pack_base, product.loose, milli))


def _suggest(turn: Turn, products: list[ProductRecord]) -> None:
    if products:
        turn.line("q_instead", names=", ".join(_priced(turn, p) for p in products[:MAX_SHOWN]))


async def _stock_left(turn: Turn, products: list[ProductRecord]) -> dict[int, int]:
    """Stock as the database has it now (the index may be older): product id -> thousandths of a pack,
    0 for a product the shop stopped selling."""
    ids = [p.id for p in products if p.id is not None]
    if not ids:
        return {}
    rows = await turn.session.execute(
        select(Product.id, Product.stock_milli, Product.active)
        .where(Product.store_id == turn.store.id, Product.id.in_(ids)))
    return {pid: (milli if active else 0) for pid, milli, active in rows}


def _not_found(turn: Turn, mention: ItemMention, match: Match) -> None:
    if match.alternatives:
        turn.line("not_found_suggest", words=mention.text,
                  suggestions=", ".join(p.name for p in match.alternatives[:MAX_SHOWN]))
    else:
        turn.line("not_found", words=mention.text)
