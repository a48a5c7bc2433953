"""Points for the words said standing side by side in a product's name, as the customer read them off it."""
from __future__ import annotations

from vyaparai.catalog.entry import Entry
from vyaparai.catalog.scoring import Unit

_PHRASE_BONUS = 6.0
_WHOLE_RUN_BONUS = 4.0  # all the words said, side by side in the name: on top of each pair's bonus
_SURE_SPELLING = 0.9  # a spelling this close to a name word stands beside the next word as that word


def phrase_bonus(units: list[Unit], entry: Entry) -> float:
    """Points for mention words that stand side by side in the product's name too ("dairy milk"), each
    word as said or as surely spelled (టోన్డ్ మిల్క్, "tond milk": the name's "toned milk")."""
    said = [{k for k, sim in u.keys if sim >= _SURE_SPELLING} for u in units]
    pairs = {(a, b) for x, y in zip(said, said[1:]) for a in x for b in y}
    if not pairs:
        return 0.0
    found = 0
    for view in (entry.name, *entry.aliases):
        keys = [t.key for t in view]
        found = max(found, sum((a, b) in pairs for a, b in zip(keys, keys[1:])))
    whole = found == len(units) - 1 and _in_one_run(said, entry)
    return _PHRASE_BONUS * found + (_WHOLE_RUN_BONUS if whole else 0.0)


def _in_one_run(said: list[set[str]], entry: Entry) -> bool:
    """Every word said stands in the name, in order, one after the other ("dairy milk" in Cadbury Dairy Milk,
    not in Mother Dairy Toned Milk): the customer said a piece of this very name."""
    n = len(said)
    for view in (entry.name, *entry.aliases):
        keys = [t.key for t in view]
        if any(all(keys[start + j] in said[j] for j in range(n)) for start in range(len(keys) - n + 1)):
            return True
    return False
