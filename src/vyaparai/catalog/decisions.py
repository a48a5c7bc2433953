"""What the ranked candidates of a mention decide: a kind left open, a brand said alone, every word its own."""
from __future__ import annotations

from vyaparai.catalog.amounts import fits_amount
from vyaparai.catalog.pack_words import is_colour
from vyaparai.catalog.terms import name_size_keys
from vyaparai.nlu.types import ItemMention

KIND_CONTENDERS = 12
_KIND_WINDOW = 25.0  # for a bare kind, names longer by a few kind words ("Kachi Ghani Mustard Oil") still contend
_SOUND_WINS = 0.9  # a brand heard this surely is said

# `ranked` / `top` are matcher._Scored: .entry (entry.Entry), .score, .fit (scoring.Fit).


def kinds_apart(ranked: list, mention: ItemMention, units) -> bool:
    """The best fit is a narrower kind than the words said (soyabean oil for "oil"), and others near it that
    can be handed over in the amount said are other kinds: which one is a question. When the best fit is
    the plain thing itself (Tata Salt for "namak"), it is the answer."""
    said = {c for u in units for c in u.concepts}
    top = ranked[0]
    if not top.entry.kind - said or size_named(ranked, mention):
        return False
    contenders = [s for s in ranked[:KIND_CONTENDERS]
                  if s.score >= top.score - _KIND_WINDOW and fits_amount(s.entry, mention)] or [top]
    return len({frozenset(s.entry.kind - said) for s in contenders}) > 1


def size_named(ranked: list, mention: ItemMention) -> bool:
    """The size said ("small onion", "chinna vengayam", "chhota pyaz") is a word of the best fit's name and of
    no other near it: "SMALL ONION SHALLOTS" is that kind, not a question between it and plain onion."""
    if not mention.size_hint:
        return False
    said = name_size_keys()[mention.size_hint]
    top = ranked[0]
    return bool(top.entry.keys & said) and not any(
        s.entry.keys & said for s in ranked[1:KIND_CONTENDERS] if s.score >= top.score - _KIND_WINDOW)


def of_the_kind(ranked: list, units) -> list:
    """Products that explain every generic word said, in rank order: for a kind no name is plainly
    ("chocolate" at a shop with Dairy Milk, Dark Fantasy, Hide & Seek), what the customer may mean."""
    return [s for s in ranked[:KIND_CONTENDERS] if s.fit.explained and all(s.fit.explained[:len(units)])]


def brand_alone(units, top) -> bool:
    """Only the brand was said, and the lexicon knows it as no kind: "fortune" of a shop selling Fortune atta
    and Fortune oils is a question, not the product with the fewest words ("maggi" stays the noodles)."""
    return bool(top.entry.brand) and all(
        not u.concepts and not u.brand_kinds and (u.keys[0][0] in top.entry.brand if e == 2 else
                                                  e == 1 and _brand_heard(u, top.entry))
        for u, e in zip(units, top.fit.explained))


def all_own_words(top, units) -> bool:
    """Every word said is a word of the product's own name ("medimix" for a long Medimix name), or its
    brand said in another script (लेज़, Lay's): that is the product, however many other words its name has.
    A colour its name does not say is no word against it."""
    said = [(u, e) for u, e in zip(units, top.fit.explained) if not is_colour(u)]
    return bool(said) and all((e == 2 and not _flavour_only(u, top.entry)) or (e == 1 and _brand_heard(u, top.entry))
                              for u, e in said)


def _flavour_only(u, entry) -> bool:
    """A kind said ("kaju", काजू) of another sort than the product's own (Good Day *Cashew* Cookies, biscuits,
    for a dry fruit): the name carries it as a flavour, and the shop does not have that kind."""
    return bool(u.concepts) and entry.own_sort and entry.record.category not in u.sorts


def _brand_heard(u, entry) -> bool:
    return any(k in entry.brand and sim >= _SOUND_WINS for k, sim in u.keys[1:])
