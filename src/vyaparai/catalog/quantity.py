"""Turn a quantity the customer said ("2 kg", "3 packets", "20 rupees") into thousandths of a pack."""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.catalog.lines import counts_pieces
from vyaparai.catalog.records import ProductRecord

MILLI = 1000
_WEIGHT_OR_VOLUME = frozenset({"g", "ml"})
# Amount of a spoken unit in base units (g, ml, piece).
SPOKEN_BASE = {"kg": ("g", 1000), "g": ("g", 1), "l": ("ml", 1000), "ml": ("ml", 1),
               "piece": ("piece", 1), "dozen": ("piece", 12)}


@dataclass(frozen=True)
class QuantityProblem:
    """Why an amount cannot be sold: `code` is stable, the rest fills the customer's sentence."""

    code: str  # wrong_unit, not_whole_packs, too_small, rupees_for_packaged
    packs: float | None = None  # for not_whole_packs: how many packs that amount is


def to_milli(product: ProductRecord, qty: float | None, unit: str | None) -> int | QuantityProblem:
    """Thousandths of a pack for `qty unit` of `product`; no quantity means one pack."""
    if qty is None:
        qty, unit = 1, "pack"
    if qty <= 0:
        return QuantityProblem("too_small")
    if unit is None and counts_pieces(qty, product):
        milli = round(qty * MILLI / product.pack_base)  # "6 eggs" is one pack of six, not six packs
    elif unit in (None, "pack") or (unit == "piece" and product.unit != "piece"):
        milli = round(qty * MILLI)
    elif unit == "inr":
        if not product.loose:
            return QuantityProblem("rupees_for_packaged")
        # Rupees buy a fraction of the pack at its price, rounded down to a whole gram/ml.
        base = int(qty * 100 * product.pack_base // product.price_paise)
        milli = base * MILLI // product.pack_base
    else:
        spoken = SPOKEN_BASE.get(unit)
        if spoken is None or _as_sold(spoken[0], product.base_unit) != product.base_unit:
            return QuantityProblem("wrong_unit")
        milli = round(qty * spoken[1] * MILLI / product.pack_base)
    if milli <= 0:
        return QuantityProblem("too_small")
    if not product.loose or product.unit == "piece":
        if milli % MILLI:
            return QuantityProblem("not_whole_packs", packs=milli / MILLI)
    return milli


def _as_sold(said_base: str, product_base: str) -> str:
    """Ghee and oil are weighed in kilos by customers and sold by volume: 1 kg of it is read as 1 l."""
    return product_base if {said_base, product_base} == _WEIGHT_OR_VOLUME else said_base


def line_total_paise(price_paise: int, qty_milli: int) -> int:
    """Price of qty_milli thousandths of a pack, rounded half up to the paisa."""
    return (price_paise * qty_milli + MILLI // 2) // MILLI


def describe_qty(unit: str, pack_base: int, loose: bool, qty_milli: int) -> tuple[float, str]:
    """(number, unit) a person reads: "2 pack" for packaged goods, "0.25 kg" for loose ones."""
    if loose and unit != "piece":
        factor = {"kg": 1000, "g": 1, "l": 1000, "ml": 1}[unit]
        amount = qty_milli * pack_base / MILLI / factor
        return _tidy(amount), unit
    if loose and unit == "piece":
        return _tidy(qty_milli * pack_base / MILLI), "piece"
    return _tidy(qty_milli / MILLI), "pack"


def _tidy(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 3)
