"""Plain product values the matcher and the bot work on (no database session needed)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Base unit and factor of each catalog unit: a pack of "1 kg" is 1000 g.
UNIT_BASE = {"kg": ("g", 1000), "g": ("g", 1), "l": ("ml", 1000), "ml": ("ml", 1), "piece": ("piece", 1)}
CATALOG_UNITS = tuple(UNIT_BASE)
MAX_SIZE_ROUNDING = Decimal("0.02")  # a label size may move this share of itself to a whole g/ml


@dataclass(frozen=True)
class ProductRecord:
    sku: str
    name: str
    unit: str  # kg, g, l, ml, piece
    pack_base: int  # one pack in base units (g, ml, piece)
    price_paise: int  # per pack
    brand: str = ""
    category: str = "other"
    loose: bool = False  # sold in any fraction of its unit (loose sugar by the kg)
    aliases: tuple[str, ...] = ()
    stock_milli: int = 0  # thousandths of a pack
    active: bool = True
    id: int | None = None  # database id, when it came from the database
    mrp_paise: int | None = None

    @property
    def base_unit(self) -> str:
        return UNIT_BASE[self.unit][0]

    @property
    def pack_size(self) -> float:
        """The pack size in the catalog's own unit (70 for "70 g", 1 for "1 kg")."""
        return self.pack_base / UNIT_BASE[self.unit][1]

    @property
    def in_stock(self) -> bool:
        return self.active and self.stock_milli > 0


def pack_base_of(unit: str, pack_size: float | Decimal) -> int:
    """Base units in one pack: ("kg", 5) -> 5000 g. Raises ValueError for a unit we don't know.

    Packs are kept in whole base units (the database's integer `pack_base`, which quantities and
    "500 g" -> packs conversions use). A label size that is not whole ("Maggi Atta Noodles 72.5 g",
    "Dairy Milk 13.2 g") is rounded half up to the nearest g/ml when that moves it by at most
    MAX_SIZE_ROUNDING of itself: 72.5 g is kept as 73 g (0.7 %). The name keeps the label's size, and
    the price is per pack, so no rupee is lost. A size that rounding would change more (0.5 g) is
    refused rather than stored wrong: "2 gram" of it would come out as the wrong number of packs."""
    if unit not in UNIT_BASE:
        raise ValueError(f"unit {unit!r} is not one of {', '.join(CATALOG_UNITS)}")
    exact = Decimal(str(pack_size)) * UNIT_BASE[unit][1]
    base = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if base <= 0 or abs(base - exact) > exact * MAX_SIZE_ROUNDING:
        raise ValueError(f"pack size {pack_size:g} {unit} is not a whole number of {UNIT_BASE[unit][0]}")
    return base
