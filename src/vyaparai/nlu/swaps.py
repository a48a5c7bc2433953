"""English ways of swapping one product for another: "replace X with Y", "swap X for Y", "instead of X give Y"."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# Verbs of swapping and the word that then joins the refused thing to the wanted one.
_SWAP_VERBS = frozenset({"replace", "swap", "switch", "exchange", "change"})
_JOINERS = frozenset({"with", "for", "to", "into", "by"})
_OF = frozenset({"of"})


def read_swaps(tokens: list[Token]) -> None:
    """Mark the word between the refused product and the wanted one as a refusal of what comes before
    it (kind "not", flag "instead"), as Hindi "X ki jagah Y" and "X nahi, Y" are read: "replace the sprite
    with thums up", "change maggi to yippee", "instead of coke give sprite"."""
    verb = next((i for i, t in enumerate(tokens) if t.text.lower() in _SWAP_VERBS), None)
    if verb is not None:
        joiner = _between_products(tokens, verb + 1, _JOINERS)
        if joiner is not None:
            _refuses_before(tokens[joiner])
            tokens[verb].flags = tokens[verb].flags | {"filler"}
        return
    first = next((i for i, t in enumerate(tokens) if t.kind == "instead" and t.text.lower() == "instead"), None)
    if first is None or first + 1 >= len(tokens) or tokens[first + 1].text.lower() not in _OF:
        return
    give = next((j for j in range(first + 2, len(tokens)) if "want" in tokens[j].flags), None)
    if give is not None and _product_between(tokens, first + 2, give) and _product_between(tokens, give + 1, len(tokens)):
        tokens[first].kind, tokens[first].flags = "word", frozenset({"filler"})
        _refuses_before(tokens[give])


def _between_products(tokens: list[Token], start: int, words: frozenset[str]) -> int | None:
    for j in range(start, len(tokens)):
        if tokens[j].text.lower() in words and _product_between(tokens, start, j) and _product_between(
                tokens, j + 1, len(tokens)):
            return j
    return None


def _product_between(tokens: list[Token], start: int, stop: int) -> bool:
    return any(t.kind == "word" and not t.flags and len(t.key) >= 2 for t in tokens[start:stop])


def _refuses_before(t: Token) -> None:
    t.kind, t.value, t.unit, t.flags = "not", None, None, frozenset({"instead"})
