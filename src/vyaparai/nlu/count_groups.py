"""Counting words that stand for a fixed number of pieces, as "dozen" stands for twelve: Bengali হালি
(a group of four, how eggs and bananas are sold) and the pair words (জোড়া, जोड़ी, ஜோடி, pair).

They count only after a number ("এক হালি ডিম" = 4 eggs, "দুই জোড়া নারকেল" = 4 coconuts); alone they are
left to the product words (a "pair" may be part of a name)."""
from __future__ import annotations

from functools import lru_cache

from vyaparai.nlu.translit import script_key

_GROUPS = {
    4.0: "হালি হালী",
    2.0: "জোড়া জোড়া জোড়ি জোড়ি जोड़ी जोडी जोड़ा जोडा जोड़ी ஜோடி జత జోడి ಜೋಡಿ ജോഡി ਜੋੜਾ ਜੋੜੀ ਜੋੜੇ "
         "જોડી જોડ pair pairs",
}


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    return {script_key(w): size for size, words in _GROUPS.items() for w in words.split()}


def group_size(text: str) -> float | None:
    """Pieces in one group named by the word ("হালি" -> 4), or None when it names no counting group."""
    return _table().get(script_key(text))
