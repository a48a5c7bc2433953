"""Stock by chat for the shopkeeper: set what they counted, say what is left, list what is running low."""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from vyaparai.bot.owner_commands import OwnerCommand
from vyaparai.bot.render import qty_text
from vyaparai.catalog.editing import search_products
from vyaparai.catalog.quantity import to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.repository import set_stock
from vyaparai.db.models import Product
from vyaparai.nlu.pipeline import key, understand
from vyaparai.nlu.types import ItemMention

if TYPE_CHECKING:
    from vyaparai.bot.shopkeeper import OwnerTurn

LOW_STOCK_LINES = 15  # a chat message, not the inventory page


async def set_counted_stock(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    product = _product(turn, cmd)
    if product is None:
        return
    # "aata 20 kg" is 20 kg of the loose atta; "maggi 40" is 40 packs.
    milli = to_milli(product, cmd.stock, cmd.unit) if cmd.unit and cmd.stock else round((cmd.stock or 0) * 1000)
    if not isinstance(milli, int):
        milli = round((cmd.stock or 0) * 1000)
    await set_stock(turn.session, turn.store.id, product.sku, milli)
    turn.say("owner_stock_set", name=product.name, qty=_qty(turn, product, milli))


async def say_stock(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    product = _product(turn, cmd)
    if product is None:
        return
    # The index may be older than the last order; the shelf count is read fresh.
    milli = await turn.session.scalar(select(Product.stock_milli).where(
        Product.store_id == turn.store.id, Product.sku == product.sku))
    turn.say("owner_stock_level", name=product.name, qty=_qty(turn, product, milli or 0))


async def list_low_stock(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    items = await search_products(turn.session, turn.store.id, low_stock_only=True, limit=LOW_STOCK_LINES)
    if not items:
        turn.say("owner_low_stock_none")
        return
    lines = "\n".join(f"• {i.product.name} — {_qty(turn, i.product, i.product.stock_milli)}" for i in items)
    turn.say("owner_low_stock_list", lines=lines)


def _product(turn: OwnerTurn, cmd: OwnerCommand) -> ProductRecord | None:
    words = cmd.words or ""
    u = understand(words, turn.index.vocabulary())
    mention = u.items[0] if u.items else ItemMention(text=words, key=key(words))
    match = turn.index.match(mention)
    if match.decision == "ambiguous":
        names = "\n".join(f"• {p.name}" for p, _ in match.candidates[:4])
        turn.say("owner_which_product", words=words, names=names)
    elif match.product is None:
        turn.say("owner_unknown_product", words=words)
    return match.product


def _qty(turn: OwnerTurn, p: ProductRecord, milli: int) -> str:
    return qty_text(turn.lang, p.unit, p.pack_base, p.loose, milli)


ACTIONS = {"stock": set_counted_stock, "stock_query": say_stock, "low_stock": list_low_stock}
