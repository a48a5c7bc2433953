"""No silent substitution: the brand a customer named, when the product picked for it is another brand.

"Nandini milk" at a shop without Nandini matches some other milk on "milk" alone. The customer asked
for a brand we do not carry and must be told, and choose, rather than get another brand quietly. Only
branded picks are checked, only when the request names none of the pick's brand words, and only for a
word standing before a product word the store knows (where Indians put the brand: "Heritage paal",
"Aavin milk"): filler the understanding left in ("maggi for the kids") never stops an order.
"""
from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz import fuzz

from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.types import ItemMention
from vyaparai.nlu.vocabulary import Vocabulary

MIN_WORD = 4  # shorter words are too often noise or a unit to name a brand by
SAME_WORD = 75  # a typo of one of the product's own words is still that word ("maggie", "colget")
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def missing_words(mention: ItemMention, product: ProductRecord, vocabulary: Vocabulary) -> list[str]:
    """Typed words that name a brand other than the picked product's (empty: the pick is what was asked)."""
    brand = _keys(product.brand)
    if not brand:
        return []
    typed = [(w, word_key(w)) for w in mention.text.split()]
    if any(_same(k, b) for _, k in typed for b in brand):
        return []  # the customer named this product's brand
    own = _keys(" ".join((product.name, *product.aliases)))
    missing = []
    for (w, k), (_, after) in zip(typed, typed[1:]):
        if (len(k) >= MIN_WORD and _known(vocabulary, after) and not _known(vocabulary, k)
                and not any(_same(k, o) for o in own)):
            missing.append(w)
    return missing


def _keys(text: str) -> list[str]:
    return [k for k in (word_key(w) for w in _WORDS.findall(text)) if k]


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= SAME_WORD or (len(a) >= 3 and sound_key(a) == sound_key(b) != "")


def _known(vocabulary: Vocabulary, k: str) -> bool:
    """A word of the store's products, exactly or by its sound in another script ("ஈஸ்டர்ன்" is Eastern)."""
    return vocabulary.knows(k, exact=True) or (len(k) >= 3 and sound_key(k) in _sounds(vocabulary))


@lru_cache(maxsize=8)
def _sounds(vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(s for s in (sound_key(w) for w in vocabulary.words if len(w) >= 3) if s)
