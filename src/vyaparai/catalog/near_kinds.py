"""Kinds of the lexicon that are varieties of one thing (red and Kashmiri chilli powder), to offer one for the other."""
from __future__ import annotations

from collections import defaultdict

_SHARED_PARTS = 2  # "chilli_powder": a head of one word ("powder") is shared by turmeric and chilli alike

_made: dict[int, tuple[object, dict[str, frozenset[str]]]] = {}


def near_kinds(lexicon) -> dict[str, frozenset[str]]:
    """Per concept, the other concepts of its category whose names end in the same words of two parts or
    more: "red_chilli_powder" ~ "kashmiri_chilli_powder", "garam_masala" ~ "whole_garam_masala". A shop
    with only one of them hands it over when asked for the other, or asks; "dry_mango_powder" and
    "dry_ginger_powder" share words but not their last two, and are different things. Made once per lexicon."""
    key = id(lexicon)
    if key not in _made or _made[key][0] is not lexicon:
        by_tail: dict[tuple[str, str], set[str]] = defaultdict(set)
        for concept, category in lexicon.categories.items():
            parts = tuple(concept.split("_"))
            for n in range(_SHARED_PARTS, len(parts) + 1):
                by_tail[(category, "_".join(parts[-n:]))].add(concept)
        near: dict[str, set[str]] = defaultdict(set)
        for group in by_tail.values():
            for concept in group:
                near[concept] |= group - {concept}
        _made[key] = (lexicon, {c: frozenset(others) for c, others in near.items() if others})
    return _made[key][1]
