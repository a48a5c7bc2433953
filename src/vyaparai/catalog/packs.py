"""Which pack of a product a mention names: size words, a bare pack number, form words over loose goods."""
from __future__ import annotations

from vyaparai.catalog.amounts import fits_amount, fits_number
from vyaparai.catalog.entry import MULTIPACK, SIZED_PACK
from vyaparai.catalog.terms import FORM_PREFIX, name_size_keys
from vyaparai.nlu.types import ItemMention

_HINT_BONUS = 6.0  # more than the ambiguity margin: "chota wala" settles the size
_SIZE_NUMBER_BONUS = 10.0  # "parle g 250 wala": more than a price difference between sibling packs
_LOOSE_IN_A_FORM = 8.0  # "sarson tel ka pouch": loose oil comes in no pouch
_CLOSE = 20.0  # candidates this far below the best one are not contenders for the pack
_NAMED_SIZE_WINDOW = 40.0  # "Small Onion" loses its unasked "small" to "Onion" for "chinna vengayam"
_FEWEST_PACKS_BONUS = 1.0  # less than any word's worth: it only breaks a tie between sizes of one product
_SAME_AMOUNT = 4.0  # sizes of one product this close are the same answer but for the pack count
# `scored` items have .entry (index.Entry) and .score, changed in place.


def said_forms(units, mention: ItemMention) -> frozenset[str]:
    """Forms the customer asked for: a form word ("tikki", "refill") or a bundle size ("4 wala pack")."""
    said = {c for u in units for c in u.concepts if c.startswith(FORM_PREFIX)}
    if mention.size is not None and mention.size.unit == "piece" and mention.size.value > 1:
        said.add(MULTIPACK)
    return frozenset(said)


def sizes_asked(mention: ItemMention) -> frozenset[str]:
    """Forms a size said asks for as well: a pack its name calls by size ("family pack", "chota packet",
    "800 gram wala" of a Family Pack), and for "bada"/"family pack" a bundle (Maggi's is four packets)."""
    if mention.size_hint == "large":
        return frozenset({SIZED_PACK, MULTIPACK})
    if mention.size_hint or mention.size_number is not None or mention.size is not None \
            or mention.unit in ("kg", "g", "l", "ml"):
        return frozenset({SIZED_PACK})
    return frozenset()


def packed_over_loose(scored: list) -> None:
    """A form word said ("pouch", "packet", "bottle") asks for a packed product: loose goods weighed out
    of a sack come in none, so they yield to a packed one that fits about as well."""
    best = max((s.score for s in scored), default=0.0)
    if any(not s.entry.record.loose and s.score >= best - _CLOSE for s in scored):
        for s in scored:
            if s.entry.record.loose:
                s.score -= _LOOSE_IN_A_FORM


def apply_size_hint(scored: list, hint: str | None) -> None:
    """"chota wala" / "bada packet": among the close candidates, favour the smallest / largest pack;
    a product whose name says that size ("Small Onion" for "chinna vengayam") before any pack size. A size
    of the very product that fits best leads it, however much better a shop's alias made that one fit
    ("parle g" typed on the smallest pack only: "parle g ka bada packet" is still the big one)."""
    if not hint or not scored or _size_in_name(scored, hint):
        return
    top = max(scored, key=lambda s: s.score)
    line = _product_line(top.entry)
    close = [s for s in scored if s.score >= top.score - _CLOSE / 2 or _product_line(s.entry) == line]
    pick = min if hint == "small" else max
    target = pick(s.entry.record.pack_base for s in close)
    for s in close:
        if s.entry.record.pack_base == target:
            s.score = (max(s.score, top.score) if _product_line(s.entry) == line else s.score) + _HINT_BONUS


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


def _size_in_name(scored: list, hint: str) -> bool:
    """Products that explain every word said and whose name says the size asked for lead those whose
    name says the other size: "சின்ன வெங்காயம்" is the Small Onion, "big onion" the Big Onion. True
    when some name said the size, so the pack size is not asked about."""
    sizes = name_size_keys()
    said, other = sizes[hint], sizes["large" if hint == "small" else "small"]
    best = max(s.score for s in scored)
    close = [s for s in scored if s.score >= best - _NAMED_SIZE_WINDOW and all(s.fit.explained)]
    named = [s for s in close if s.entry.keys & said]
    if not named:
        return False
    lift = best - max(s.score for s in named) + _HINT_BONUS
    for s in close:
        if s.entry.keys & said:
            s.score += lift
        elif s.entry.keys & other:
            s.score -= _NAMED_SIZE_WINDOW  # the Big Onion is not a small one of any kind
    return True


def prefer_fewest_packs(scored: list, mention: ItemMention) -> None:
    """"2 litre idhayam oil": two 1 l packs or four of 500 ml make the amount; a shopkeeper hands over
    the fewest packs, so among sizes of one product that fit the amount, the biggest leads - even when a
    shop's alias on a smaller one made it fit better ("10 kilo aashirvaad atta" is the 10 kg bag)."""
    if mention.qty is None or mention.unit in (None, "pack") or not scored:
        return
    best = max(s.score for s in scored)
    lines: dict[frozenset[str], list] = {}
    for s in scored:
        if s.score >= best - _CLOSE and not s.entry.record.loose and fits_amount(s.entry, mention):
            lines.setdefault(_product_line(s.entry), []).append(s)
    for sizes in lines.values():
        lead = max(s.score for s in sizes)
        if len(sizes) > 1 and lead >= best - _SAME_AMOUNT:
            biggest = max(sizes, key=lambda s: s.entry.record.pack_base)
            biggest.score = max(biggest.score, lead) + _FEWEST_PACKS_BONUS


def _product_line(entry) -> frozenset[str]:
    """The words that make a product what it is, without its size, form or pack words."""
    return frozenset(t.key for t in entry.name if t.role not in ("form", "neutral", "size"))
