"""Product names with "and" in them ("Cream & Onion", "Hide & Seek") that a message splits into two items:
the halves are one product again when its name holds the first half before its "and" and the second after."""
from __future__ import annotations

from dataclasses import replace

import regex
from rapidfuzz import fuzz

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.types import ItemMention

_JOINER = regex.compile(r"\s(?:&|and|n)\s", regex.IGNORECASE)
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_SAME = 80  # rapidfuzz ratio of two word keys that are one word misspelt


def join_split_names(mentions: list[ItemMention], index: ProductIndex) -> list[ItemMention]:
    """"2 cream and onion" read as "2 cream" and "onion": one mention again, with the first half's amount.
    "bread and butter", "salt and sugar" stay two (no name says them around its "and")."""
    out: list[ItemMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.qty is None and not (m.exclude or prev.exclude):
            joined = replace(prev, text=f"{prev.text} {m.text}", key=f"{prev.key} {m.key}")
            if _names_around_and(prev, m, joined, index):
                out[-1] = joined
                continue
        out.append(m)
    return out


def _names_around_and(first: ItemMention, second: ItemMention, joined: ItemMention, index: ProductIndex) -> bool:
    match = index.match(joined)
    if match.decision != "matched" or match.product is None:
        return False
    parts = _JOINER.split(match.product.name, maxsplit=1)
    if len(parts) != 2:
        return False
    return _says(first.key, parts[0]) and _says(second.key, parts[1])


def _says(keys: str, name_part: str) -> bool:
    words = [word_key(w) for w in _WORDS.findall(name_part)]
    return bool(keys.split()) and all(any(fuzz.ratio(k, w) >= _SAME for w in words) for k in keys.split())


def names_the_last_again(mention: ItemMention, match, before: ProductRecord | None) -> bool:
    """"hide and seek": a name with "and" in it read as two items; the second half, with no amount of its
    own, names the product just added again."""
    return (before is not None and mention.qty is None and match.decision == "matched"
            and match.product.sku == before.sku)
