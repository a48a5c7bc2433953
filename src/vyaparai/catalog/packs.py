"""Which pack of a product a mention names: size words, a bare pack number, form words over loose goods."""
from __future__ import annotations

from vyaparai.catalog.index import MULTIPACK
from vyaparai.catalog.scoring import fits_number
from vyaparai.catalog.terms import FORM_PREFIX
from vyaparai.nlu.types import ItemMention

_HINT_BONUS = 6.0  # more than the ambiguity margin: "chota wala" settles the size
_SIZE_NUMBER_BONUS = 10.0  # "parle g 250 wala": more than a price difference between sibling packs
_LOOSE_IN_A_FORM = 8.0  # "sarson tel ka pouch": loose oil comes in no pouch
_CLOSE = 20.0  # candidates this far below the best one are not contenders for the pack

# `scored` items have .entry (index.Entry) and .score, changed in place.


def said_forms(units, mention: ItemMention) -> frozenset[str]:
    """Forms the customer asked for: a form word ("tikki", "refill") or a bundle size ("4 wala pack")."""
    said = {c for u in units for c in u.concepts if c.startswith(FORM_PREFIX)}
    if mention.size is not None and mention.size.unit == "piece" and mention.size.value > 1:
        said.add(MULTIPACK)
    return frozenset(said)


def packed_over_loose(scored: list) -> None:
    """A form word said ("pouch", "packet", "bottle") asks for a packed product: loose goods weighed out
    of a sack come in none, so they yield to a packed one that fits about as well."""
    best = max((s.score for s in scored), default=0.0)
    if any(not s.entry.record.loose and s.score >= best - _CLOSE for s in scored):
        for s in scored:
            if s.entry.record.loose:
                s.score -= _LOOSE_IN_A_FORM


def apply_size_hint(scored: list, hint: str | None) -> None:
    """"chota wala" / "bada packet": among the close candidates, favour the smallest / largest pack."""
    if not hint or not scored:
        return
    best = max(s.score for s in scored)
    close = [s for s in scored if s.score >= best - _CLOSE / 2]
    pick = min if hint == "small" else max
    target = pick(s.entry.record.pack_base for s in close)
    for s in close:
        if s.entry.record.pack_base == target:
            s.score += _HINT_BONUS


def apply_size_number(scored: list, number: float | None) -> None:
    """"parle g 250 wala", "coke 750": among the close candidates, the pack that number names (size,
    bundle count or price). When none fits, nothing changes: the store has no such pack."""
    if number is None or not scored:
        return
    best = max(s.score for s in scored)
    close = [s for s in scored if s.score >= best - _CLOSE]
    fitting = {id(s) for s in close if fits_number(s.entry, number)}
    if not fitting:
        return
    for s in close:
        s.score += _SIZE_NUMBER_BONUS if id(s) in fitting else -_SIZE_NUMBER_BONUS
