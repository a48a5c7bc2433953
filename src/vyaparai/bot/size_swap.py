"""Another size of a product already in the cart, said with the old size taken back ("ghee 1 litre wala chahiye,
500 nahi", "I wanted the 1 litre ghee, not 500"): the line changes to that pack, in the same count, instead of
a second line of the product being added or the old one confirmed."""
from __future__ import annotations

import regex

from vyaparai.bot import last_line
from vyaparai.bot.cart_flow import add_product, current_cart, finish_cart_reply
from vyaparai.bot.render import shown_name
from vyaparai.bot.turn import Turn
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.quantity import MILLI
from vyaparai.db.models import CartItem
from vyaparai.nlu.corrections import refuses_a_number
from vyaparai.nlu.types import Understanding
from vyaparai.orders.cart import remove_item

# A pack's size in its name ("500ml", "1L", "(4 pack)"): what is left names the product itself.
_SIZE = regex.compile(r"\([^)]*\)|\b\d[\w.-]*|\b(?:g|gm|kg|ml|l|ltr|litre|pack|pouch|bottle|jar)\b", regex.IGNORECASE)


async def swap_size(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    """Done (True) when the message names one product whose other pack is in the cart and takes a size back."""
    if u.intent not in ("add_items", "change_quantity") or len(u.items) != 1 or not refuses_a_number(u.text):
        return False
    match = index.match(u.items[0])
    if match.decision != "matched" or match.product.loose:
        return False
    wanted = match.product
    cart = await current_cart(turn)
    old = next((i for i in cart.items if _other_pack_of(i, wanted.sku, wanted.name)), None)
    if old is None:
        return False
    packs = max(1, round(old.qty_milli / MILLI))
    await remove_item(turn.session, cart, old.product_id)
    turn.line("item_removed", name=shown_name(turn.lang, old.product.name, old.product.loose))
    finish_cart_reply(turn, cart, await add_product(turn, cart, wanted, packs, None))
    turn.set_state("idle", **last_line.kept(turn))
    return True


def _other_pack_of(item: CartItem, sku: str, name: str) -> bool:
    product = item.product
    return product.sku != sku and not product.loose and _without_size(product.name) == _without_size(name)


def _without_size(name: str) -> str:
    return " ".join(_SIZE.sub(" ", name.lower()).split())
