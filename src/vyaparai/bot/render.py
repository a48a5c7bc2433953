"""How quantities, carts and orders read in a chat message, in the customer's language."""
from __future__ import annotations

from functools import lru_cache

from vyaparai import locales
from vyaparai.catalog.quantity import describe_qty
from vyaparai.catalog.terms_of_sale import charges_delivery, delivery_fee_paise, short_of_free_delivery_paise
from vyaparai.db.models import Cart, Order, Store
from vyaparai.nlu.lexicon import load as load_lexicon
from vyaparai.nlu.translit import key
from vyaparai.orders.cart import cart_lines, cart_total_paise


def qty_text(lang: str, unit: str, pack_base: int, loose: bool, qty_milli: int) -> str:
    """"2" packs, "2 kg", "250 g", "1.5 l", "6 pcs" — what a shopkeeper would write on the bill."""
    amount, shown_unit = describe_qty(unit, pack_base, loose, qty_milli)
    if shown_unit == "pack":
        return locales.number(amount, lang)
    if shown_unit in ("kg", "l") and amount < 1:
        small = {"kg": "g", "l": "ml"}[shown_unit]
        return f"{locales.number(amount * 1000, lang)} {small}"
    if shown_unit == "piece":
        return f"{locales.number(amount, lang)} pcs"
    return f"{locales.number(amount, lang)} {shown_unit}"


def cart_text(lang: str, cart: Cart, store: Store | None = None) -> str:
    """The cart's lines and total; with the store, its delivery charge too (subtotal, delivery, total)."""
    lines = [locales.t(lang, "cart_header")]
    for n, line in enumerate(cart_lines(cart), start=1):
        p = line.product
        lines.append(locales.t(lang, "cart_line", n=n, name=shown_name(lang, p.name, p.loose),
                               qty=qty_text(lang, p.unit, p.pack_base, p.loose, line.qty_milli),
                               amount=locales.money(line.line_total_paise, lang)))
    lines.extend(total_lines(lang, store, cart_total_paise(cart)))
    return "\n".join(lines)


def total_lines(lang: str, store: Store | None, subtotal_paise: int) -> list[str]:
    """"Total ₹X" for a store without a delivery charge (as carts always read); otherwise subtotal, delivery
    (or "free"), total, and how much more would make the delivery free."""
    if store is None or not charges_delivery(store):
        return [locales.t(lang, "cart_total", total=locales.money(subtotal_paise, lang))]
    fee = delivery_fee_paise(store, subtotal_paise)
    lines = [
        locales.t(lang, "cart_subtotal", subtotal=locales.money(subtotal_paise, lang)),
        locales.t(lang, "cart_delivery", fee=locales.money(fee, lang)) if fee
        else locales.t(lang, "cart_delivery_free"),
        locales.t(lang, "cart_total", total=locales.money(subtotal_paise + fee, lang)),
    ]
    short = short_of_free_delivery_paise(store, subtotal_paise)
    if short:
        threshold = locales.money(store.free_delivery_above_paise, lang)
        lines.append(locales.t(lang, "free_delivery_hint", threshold=threshold, short=locales.money(short, lang)))
    return lines


def payable_paise(store: Store, cart: Cart) -> int:
    """What the customer would pay for this cart: the subtotal and the delivery charge."""
    subtotal = cart_total_paise(cart)
    return subtotal + delivery_fee_paise(store, subtotal)


def order_lines(lang: str, order: Order, key: str = "owner_order_line") -> str:
    return "\n".join(
        locales.t(lang, key, name=i.name, qty=qty_text(lang, i.unit, i.pack_base, i.loose, i.qty_milli),
                  amount=locales.money(i.line_total_paise, lang))
        for i in order.items
    )


# Languages whose readers get the shop's English name only: the Latin-letter ones.
_LATIN_READERS = frozenset({"en", "hinglish"})


@lru_cache(maxsize=4096)
def shown_name(lang: str, name: str, loose: bool) -> str:
    """A loose good's name as a reader of `lang` says it: "Tomato (loose, per kg)" is "தக்காளி" in Tamil.
    Only a name the lexicon knows as one thing is replaced (not "Ponni Boiled Rice", which is one rice of
    several); branded names stay as the shop wrote them."""
    if not loose or lang in _LATIN_READERS:
        return name
    head = name.split(" (")[0].strip()
    lexicon = load_lexicon()
    for part in [key(p) for p in head.split("/")]:
        concepts = lexicon.concepts_of.get(part, set())
        if len(concepts) == 1:
            written = lexicon.written.get(next(iter(concepts)), {}).get(lang)
            if written:
                return written
    return name
