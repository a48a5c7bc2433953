"""A message that corrects the customer's own words rather than adding to them.

- An amount refused for another: "maggi 2 nahi 3", "atta 2 nahi 3 kilo", "not 2, 3 maggi": the new amount
  is the total wanted (`Understanding.corrects`), so what is already in the cart is set to it, not added to.
- A refusal word said first as an interjection: "nahi, maggi 3 kar do", "no, make it 3": the rest is an
  instruction of its own (an amount and a make/want word), so the leading "no" refuses nothing.
"""
from __future__ import annotations

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
    """"nahi maggi 3 kar do": a refusal word first, before an instruction with an amount, is an interjection."""
    words = [t for t in tokens if t.kind not in ("sep", "dots", "punct")]
    if len(words) < 3 or not (words[0].flags & _REFUSAL or words[0].kind == "not") or words[0].kind in _AMOUNT:
        return
    rest = words[1:]
    if any(w.kind in _AMOUNT for w in rest) and any(w.flags & _INSTRUCTION for w in rest):
        if not any(w.flags & _REFUSAL or w.kind == "not" for w in rest):
            words[0].kind, words[0].flags = "word", frozenset({"filler"})  # said, and refuses nothing
