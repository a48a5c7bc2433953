"""A message that corrects the customer's own words rather than adding to them.

- An amount refused for another: "maggi 2 nahi 3", "atta 2 nahi 3 kilo", "not 2, 3 maggi": the new amount
  is the total wanted (`Understanding.corrects`), so what is already in the cart is set to it, not added to.
- Refusal words said first as an interjection: "nahi, maggi 3 kar do", "no no, the big one please": the rest
  is an instruction of its own (an amount or a size, and a make/want word), so the leading "no" refuses nothing.
"""
from __future__ import annotations

from vyaparai.nlu.size_words import is_size_word
from vyaparai.nlu.tokens import Token

_AMOUNT = ("num", "frac")
_REFUSAL = frozenset({"not", "no"})
_INSTRUCTION = frozenset({"make", "want", "change"})


def refuses_an_amount(tokens: list[Token]) -> bool:
    """An amount, then a refusal, then another amount ("2 nahi 3"), or a refusal of an amount followed by
    another ("not 2, 3")."""
    words = [t for t in tokens if t.kind not in ("sep", "dots", "punct")]
    for i, t in enumerate(words):
        if not (t.flags & _REFUSAL or t.kind == "not") or t.kind in _AMOUNT:
            continue
        before = next((w for w in reversed(words[:i]) if w.kind != "unit"), None)
        after = [w for w in words[i + 1:] if w.kind in _AMOUNT]
        if after and before is not None and before.kind in _AMOUNT:
            return True  # "maggi 2 nahi 3"
        if len(after) >= 2 and i + 1 < len(words) and words[i + 1].kind in _AMOUNT:
            return True  # "not 2, 3 maggi"
    return False


def drop_leading_no(tokens: list[Token]) -> None:
    """"nahi maggi 3 kar do", "nahi nahi bada wala packet chahiye": refusal words first, before an instruction
    with an amount or a size, are an interjection (said, and refusing nothing)."""
    words = [t for t in tokens if t.kind not in ("sep", "dots", "punct")]
    lead = 0
    while lead < len(words) and _refuses(words[lead]):
        lead += 1
    rest = words[lead:]
    if not lead or len(rest) < 2 or any(_refuses(w) for w in rest):
        return
    says_which = any(w.kind in _AMOUNT or is_size_word(w) for w in rest)
    if says_which and any(w.flags & _INSTRUCTION for w in rest):
        for w in words[:lead]:
            w.kind, w.flags = "word", frozenset({"filler"})


def _refuses(t: Token) -> bool:
    return bool(t.flags & _REFUSAL or t.kind == "not") and t.kind not in _AMOUNT
