"""WhatsApp catalog orders: the basket a customer sent from the WhatsApp shop, put in our cart at our prices."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from vyaparai.bot.cart_flow import add_product, current_cart, finish_cart_reply
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.repository import get_product_by_sku, to_record

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CatalogLine:
    sku: str
    quantity: int  # packs
    shown_paise: int | None  # the price WhatsApp showed the customer; None when not in rupees


def read_lines(text: str) -> list[CatalogLine]:
    """The product lines the WhatsApp adapter put in the message text as JSON (see channels/whatsapp/parse.py)."""
    try:
        items = json.loads(text or "{}").get("items") or []
    except (ValueError, AttributeError):
        logger.warning("a catalog order whose lines are not the expected JSON")
        return []
    lines = []
    for item in items:
        if isinstance(item, dict) and item.get("sku") and isinstance(item.get("quantity"), int):
            in_rupees = item.get("currency") in (None, "INR")
            lines.append(CatalogLine(sku=item["sku"], quantity=item["quantity"],
                                     shown_paise=item.get("price_paise") if in_rupees else None))
    return [line for line in lines if line.quantity > 0]


async def take_catalog_order(turn: Turn, index: ProductIndex) -> None:
    """Add each catalog line with the same stock checks as a typed order; explain what differs, then offer checkout.

    `index` is unused: catalog lines name exact SKUs, nothing to match. It keeps the signature of the other flows.
    """
    turn.set_state("idle")
    lines = read_lines(turn.inbound.text)
    if not lines:
        turn.say("unsupported_message")
        return
    cart = await current_cart(turn)
    added = False
    for line in lines:
        product = await get_product_by_sku(turn.session, turn.store.id, line.sku)
        if product is None or not product.active:
            turn.line("catalog_order_missing", sku=line.sku)
            continue
        if not await add_product(turn, cart, to_record(product), line.quantity, "pack"):
            continue
        added = True
        if line.shown_paise is not None and line.shown_paise != product.price_paise:
            turn.line("catalog_order_price_changed", name=product.name, price=turn.money(product.price_paise),
                      shown=turn.money(line.shown_paise))
    finish_cart_reply(turn, cart, added)
