"""How quantities, carts and orders read in a chat message, in the customer's language."""
from __future__ import annotations

from vyaparai import locales
from vyaparai.catalog.quantity import MILLI, describe_qty, line_total_paise
from vyaparai.db.models import Cart, Order


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


def cart_text(lang: str, cart: Cart) -> str:
    lines = [locales.t(lang, "cart_header")]
    total = 0
    for n, item in enumerate(cart.items, start=1):
        p = item.product
        amount = line_total_paise(p.price_paise, item.qty_milli)
        total += amount
        lines.append(locales.t(lang, "cart_line", n=n, name=p.name,
                               qty=qty_text(lang, p.unit, p.pack_base, p.loose, item.qty_milli),
                               amount=locales.money(amount, lang)))
    lines.append(locales.t(lang, "cart_total", total=locales.money(total, lang)))
    return "\n".join(lines)


def cart_total(cart: Cart) -> int:
    return sum(line_total_paise(i.product.price_paise, i.qty_milli) for i in cart.items)


def order_lines(lang: str, order: Order, key: str = "owner_order_line") -> str:
    return "\n".join(
        locales.t(lang, key, name=i.name, qty=qty_text(lang, i.unit, i.pack_base, i.loose, i.qty_milli),
                  amount=locales.money(i.line_total_paise, lang))
        for i in order.items
    )

