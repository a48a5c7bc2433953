"""How well a product's pack fits the amount or size said ("1 litre wala", "5 kg atta", "6 eggs", "10 wala")."""
from __future__ import annotations

from vyaparai.catalog.index import Entry
from vyaparai.catalog.lines import counts_pieces
from vyaparai.nlu.types import ItemMention

_BASE = {"kg": ("g", 1000), "g": ("g", 1), "l": ("ml", 1000), "ml": ("ml", 1), "piece": ("piece", 1),
         "dozen": ("piece", 12)}
_WEIGHT_OR_VOLUME = frozenset({"g", "ml"})


def as_sold(said_base: str, product_base: str) -> str:
    """People weigh ghee and oil in kilos while shops sell them by volume (and dahi the other way): an amount
    in the other of grams and millilitres is read in the product's own ("ek kilo ghee" is the 1 l pack)."""
    return product_base if {said_base, product_base} == _WEIGHT_OR_VOLUME else said_base


def amount_bonus(entry: Entry, mention: ItemMention) -> float:
    """Points for a pack that fits the stated size or amount ("1 litre wala", "5 kg atta")."""
    r = entry.record
    bonus = 0.0
    if mention.size is not None and not _price_or_size(mention):
        bonus += _size_points(entry, mention.size.value, mention.size.unit)
    if mention.qty is not None and mention.unit is None and r.unit == "piece":
        if r.loose:
            bonus += 8  # "6 eggs" at a shop that sells them one by one: six of them
        elif counts_pieces(mention.qty, r):
            bonus += 8 if mention.qty == r.pack_base else 3  # else the pack of six, not six trays
    if mention.qty is not None and mention.unit in _BASE:
        base_unit, factor = _BASE[mention.unit]
        if base_unit != r.base_unit and as_sold(base_unit, r.base_unit) == r.base_unit:
            bonus -= 1 if fits_amount(entry, mention) else 3  # "ek kilo ghee": it will do, a little less surely
        elif base_unit != r.base_unit:
            bonus -= 3
        elif r.loose:
            bonus += 3
        else:
            packs = round(mention.qty * factor / r.pack_base)
            whole = packs >= 1 and _same_size(mention.qty * factor, packs * r.pack_base, packs)
            bonus += 3 if whole else -6
            bonus += 2 if whole and packs == 1 else 0  # "5 litre fortune": the 5 L can
    return bonus


def fits_amount(entry: Entry, mention: ItemMention) -> bool:
    """The amount said can be handed over as this product: loose, or whole packs of it ("2 kg" is no 5 kg bag)."""
    r = entry.record
    if mention.qty is None or mention.unit not in _BASE or r.loose:
        return True
    base_unit, factor = _BASE[mention.unit]
    packs = round(mention.qty * factor / r.pack_base)
    return as_sold(base_unit, r.base_unit) == r.base_unit and packs >= 1 and _same_size(mention.qty * factor, packs * r.pack_base, packs)


def _price_or_size(mention: ItemMention) -> bool:
    """"10 wala": a price or a pack size; the candidates decide (matcher), not the price alone."""
    size = mention.size
    return mention.size_number is not None and size is not None and size.unit == "inr" \
        and size.value == mention.size_number


def fits_number(entry: Entry, number: float) -> bool:
    """A bare number that names the pack ("250 wala", "coke 750", "10 wala") is this pack's size in
    its own unit (g, ml, pieces) or in kilos / litres ("5 wali atta"), the count of a bundle, or its
    price in rupees."""
    r = entry.record
    thousands = r.base_unit in ("g", "ml") and number <= 25 and _same_size(number * 1000, r.pack_base)
    return (_same_size(number, r.pack_base) or thousands or entry.pack_count == round(number)
            or abs(r.price_paise - number * 100) < 1)


def _size_points(entry: Entry, value: float, unit: str) -> float:
    r = entry.record
    if unit == "inr":
        return 8 if abs(r.price_paise - value * 100) < 1 else -15
    if unit == "piece" and r.unit != "piece":
        # "4 wala pack" is the bundle of four; "1 wali" of oil or atta is the 1 l / 1 kg pack
        whole = r.base_unit in ("g", "ml") and _same_size(value * 1000, r.pack_base)
        return 8 if entry.pack_count == round(value) or whole else -4
    base_unit, factor = _BASE.get(unit, ("", 1))
    if base_unit != r.base_unit:
        return -20
    return 8 if _same_size(value * factor, r.pack_base) else -40


def _same_size(said: float, base: int, packs: int = 1) -> bool:
    """A size said in base units is the pack's: a label size like 72.5 g is kept as 73 g
    (records.pack_base_of), so each pack may be half a gram off."""
    return abs(said - base) <= 0.5 * packs + 1e-6
