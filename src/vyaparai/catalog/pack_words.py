"""Words said of the pack, not of the product: colours (which variant, when a name says one) and sizes."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from vyaparai.catalog.index import TermIndex
from vyaparai.catalog.terms import COLOUR_PREFIX
from vyaparai.nlu.pipeline import key
from vyaparai.nlu.size_words import size_keys

_WINDOW = 25.0  # variants this far below the best fit are still ones the colour may mean


def is_colour(u) -> bool:
    """A colour word (lexicon colours.tsv, any language): it names no kind, only which variant."""
    return bool(u.concepts) and all(c.startswith(COLOUR_PREFIX) for c in u.concepts)


def said_in_no_name(units: list, ranked) -> bool:
    """A colour was said and no product fits all the words: the names do not say colours at all
    ("blue wala lays" where Lay's names are flavours), so the colour is evidence of nothing."""
    return any(is_colour(u) for u in units) and not any(all(s.fit.explained[:len(units)]) for s in ranked)


def as_memory(units: list) -> list:
    """The colour as the customer's memory of the pack: it picks a product whose name has it and counts
    against none (Aavin Blue milk must not win "blue wala lays" on it)."""
    return [replace(u, optional=True) if is_colour(u) else u for u in units]


def variants_left_open(ranked, units: list) -> list:
    """The best fit's name has no colour said: the products that fit every other word as it does (the
    brand's variants, when its brand was said), any of which the colour may mean. Empty otherwise."""
    colours = [n for n, u in enumerate(units) if is_colour(u)]
    if not ranked or not colours or len(colours) == len(units):
        return []
    top = ranked[0]
    if any(top.fit.explained[n] for n in colours):
        return []
    others = [n for n in range(len(units)) if n not in colours]
    brand_said = bool(top.entry.brand) and not set(top.entry.brand) & top.fit.extras
    return [s for s in ranked if s.score >= top.score - _WINDOW
            and all(s.fit.explained[n] == top.fit.explained[n] for n in others)
            and (not brand_said or s.entry.brand == top.entry.brand)]


def size_said(k: str, index: TermIndex) -> bool:
    """A word for big or small in any script ("bada", "periya", मोठा): a size said, never a near spelling
    of a name word (Badam, Periyar), unless the store sells something by that very word."""
    return k in _size_word_keys() and not index.by_key.get(k)


@lru_cache(maxsize=1)
def _size_word_keys() -> frozenset[str]:
    return frozenset(key(w) for w in size_keys()) - {""}
