"""A brand-only item said right after another item is most likely one of that item's kind."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.nlu.types import ItemMention
from vyaparai.nlu.vocabulary import Vocabulary


def carry_kind(items: tuple[ItemMention, ...], vocabulary: Vocabulary | None) -> tuple[ItemMention, ...]:
    """"heritage ka dahi do aur arokya ka ek", "2 aavin curd, 1 arokya": the second item names only
    a brand, and means that brand's curd. Its `like` keeps the earlier item's other words as a hint for
    the matcher, which lets them decide only among that brand's products (a brand without such a
    product is still itself)."""
    if vocabulary is None or not vocabulary.brands or len(items) < 2:
        return items
    out = [items[0]]
    for before, item in zip(items, items[1:]):
        words = item.key.split()
        kind = tuple(w for w in before.key.split() if w not in vocabulary.brands)
        if words and kind and all(w in vocabulary.brands for w in words) and len(kind) < len(before.key.split()):
            item = replace(item, like=kind)
        out.append(item)
    return tuple(out)
