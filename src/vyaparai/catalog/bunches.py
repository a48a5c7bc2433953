"""Leafy greens sold by weight are counted by the bunch: "2 gaddi dhaniya", "ஒரு கட்டு கறிவேப்பிலை", "1 bunch
coriander" at a shop pricing coriander per kilo is two bunches weighed out, not two kilos (₹320 of coriander)."""
from __future__ import annotations

from functools import lru_cache

from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu import lexicon as lexicon_module
from vyaparai.nlu.translit import word_key

BUNCH_GRAMS = 100  # what a shopkeeper ties into one bunch of coriander, curry leaves, mint or methi
# Words by which a name says its product is leaves (Coriander Leaves, Kadi Patta, Palak Saag, Methi Bhaji).
_LEAF_WORDS = frozenset({"leaves", "leaf", "patta", "patte", "pata", "saag", "sag", "bhaji", "keerai", "kura",
                         "soppu", "cheera", "shak", "shaak"})


def bunch_amount(qty: float | None, unit: str | None, product: ProductRecord) -> tuple[float, str] | None:
    """Grams for a count of bunches (or a bare count) of a leafy good sold loose by weight; None otherwise."""
    if qty is None or unit not in (None, "piece") or not product.loose or product.base_unit != "g":
        return None
    return (qty * BUNCH_GRAMS, "g") if is_leafy(product.name) else None


@lru_cache(maxsize=4096)
def is_leafy(name: str) -> bool:
    """The name says leaves, as a word of its own or through a lexicon kind of leaves ("Pudina" is mint leaves)."""
    words = [word_key(w) for w in name.replace("(", " ").replace(")", " ").replace(",", " ").split()]
    if _LEAF_WORDS & set(words):
        return True
    lexicon = lexicon_module.load()
    return any(k.endswith(" leaves") for w in words for c in lexicon.concepts(w) for k in lexicon.keys_of.get(c, ()))
