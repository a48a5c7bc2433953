"""A bare hundreds amount said with goods sold by weight ("do sau dhaniya", "আড়াইশো কাঁচা লঙ্কা", "இருநூறு
வெங்காயம்"): grams, as a shopkeeper hears it - not the number of a pack size, and not one kilo."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.nlu import lexicon
from vyaparai.nlu.types import ItemMention

# Lexicon categories of goods weighed out on the counter.
_WEIGHED = frozenset({"vegetables", "fruits", "spices", "dals", "staples"})
_GRAMS_FROM = 100  # "50 wala" is a price; from a hundred up, a weight


def grams_of_weighed(mention: ItemMention) -> ItemMention:
    """The mention with its bare hundreds number read as grams when every grocery word of it is weighed."""
    n = mention.size_number
    if mention.qty is not None or mention.size is not None or n is None or n < _GRAMS_FROM or n % 50:
        return mention
    if not _weighed(mention.key):
        return mention
    return replace(mention, qty=n, unit="g", size_number=None)


def _weighed(k: str) -> bool:
    """Every concept the words name is weighed (the phrase's, or each word's: "tums up" names none)."""
    lex = lexicon.load()
    groups = [lex.concepts(k)] if lex.concepts(k) else [lex.concepts(w) for w in k.split()]
    return bool(groups) and all(g and all(lex.categories.get(c) in _WEIGHED for c in g) for g in groups)
