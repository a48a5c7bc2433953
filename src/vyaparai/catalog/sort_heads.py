"""Head words of a sort: a word that ends three or more of the lexicon's kinds of one sort and is no kind of
its own ("masala" of garam, chaat, chole, sambar masala; "powder"; "leaves"). A product named with one
("MDH Kitchen King Masala", a spice mix the lexicon does not know) says a kind of its sort: it is a masala,
not whatever spice its brand is asked for with ("mdh haldi" is no Kitchen King)."""
from __future__ import annotations

from collections import defaultdict

_MIN_KINDS = 3
_HEADS: dict[int, dict[str, frozenset[str]]] = {}


def says_a_kind_of_its_sort(keys: list[str], category: str, lexicon) -> bool:
    """A word of the name (keys) heads kinds of the product's sort (its category)."""
    heads = _heads(lexicon).get(category, frozenset())
    return any(k in heads for k in keys)


def _heads(lexicon) -> dict[str, frozenset[str]]:
    found = _HEADS.get(id(lexicon))
    if found is None:
        kinds: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for concept, keys in lexicon.keys_of.items():
            sort = lexicon.categories.get(concept)
            for k in keys:
                words = k.split()
                if sort and len(words) >= 2:
                    kinds[sort][words[-1]].add(concept)
        found = {sort: frozenset(w for w, cs in by_word.items() if len(cs) >= _MIN_KINDS and not lexicon.concepts(w))
                 for sort, by_word in kinds.items()}
        _HEADS.clear()
        _HEADS[id(lexicon)] = found
    return found
