"""An understood item plus its matched product -> an order line (sku, qty, unit) in the product's terms."""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.catalog.bunches import bunch_amount
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.types import ItemMention

_DIMENSION = {"kg": "g", "g": "g", "l": "ml", "ml": "ml"}
# People weigh ghee and oil in kilos while shops sell them by volume: 1 kg is read as 1 l.
_SWAP = {"kg": "l", "g": "ml", "l": "kg", "ml": "g"}
_WEIGHED_FROM = 100  # "50 wala" is a price; a bare hundreds number with goods weighed out is grams


@dataclass(frozen=True)
class OrderLine:
    sku: str
    qty: float | None
    unit: str | None
    mode: str = "set"


def said_amount(mention: ItemMention, product: ProductRecord) -> tuple[float | None, str | None]:
    """The amount of the product a mention asks for: as said, or, for a bare hundreds number no pack of the
    shop was picked for ("250 पनीर", "২৫০ পনির", "ढाई सौ पनीर" where Amul paneer comes in 200 g), grams
    (or ml) of the loose good it matched - as a shopkeeper weighs it out, not one kilo. A count of a leafy good
    sold by weight is that many bunches weighed out (bunches.BUNCH_GRAMS each)."""
    n = mention.size_number
    if (mention.qty is None and mention.size is None and n is not None and n >= _WEIGHED_FROM and n % 50 == 0
            and product.loose and product.base_unit in ("g", "ml")):
        return n, product.base_unit
    bunches = bunch_amount(mention.qty, mention.unit, product) if mention.size is None else None
    return bunches or (mention.qty, mention.unit)  # "2 gaddi dhaniya" at a shop pricing it per kg: 200 g


def order_line(mention: ItemMention, product: ProductRecord, removing: bool = False) -> OrderLine:
    if removing:
        return OrderLine(product.sku, None, None)
    qty, unit = said_amount(mention, product)
    if qty is None:
        qty, unit = 1.0, "pack"
    elif unit is None and counts_pieces(qty, product):
        qty, unit = qty / product.pack_base, "pack"  # "6 eggs": one pack of six
    elif unit is None:
        unit = "piece" if product.unit == "piece" and product.loose else "pack"
    elif unit in _DIMENSION and _DIMENSION[unit] != product.base_unit and _DIMENSION[_SWAP[unit]] == product.base_unit:
        unit = _SWAP[unit]
    elif unit == "piece" and product.unit != "piece":
        unit = "pack"
    elif unit == "dozen" and product.unit != "piece":
        qty, unit = qty * 12, "pack"
    return OrderLine(product.sku, _tidy(qty), unit, mention.mode)


def counts_pieces(qty: float, product: ProductRecord) -> bool:
    """A bare count of a thing sold in packs of several pieces that whole packs make ("6 eggs", "12 ande"
    where eggs come six or thirty to a pack) counts pieces, not packs."""
    return (product.unit == "piece" and not product.loose and product.pack_base > 1
            and float(qty).is_integer() and qty % product.pack_base == 0)


def _tidy(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 4)
