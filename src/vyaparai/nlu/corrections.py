"""A message that corrects the customer's own words rather than adding to them.

- An amount refused for another: "maggi 2 nahi 3", "atta 2 nahi 3 kilo", "not 2, 3 maggi": the new amount
  is the total wanted (`Understanding.corrects`), so what is already in the cart is set to it, not added to.
- Refusal words said first as an interjection: "nahi, maggi 3 kar do", "no no, the big one please": the rest
  is an instruction of its own (an amount or a size, and a make/want word), so the leading "no" refuses nothing.
- A refusal said first, then an amount: "no, 4 eggs", "illa 2 kilo vengayam", "না, ৩টে ডিম": the customer
  corrects what they said before, so the amount is the total wanted (a correction, as above).
- A refusal said first with a product of its own: "not vim, rin bar do", "no pepsi, give sprite": that product
  is refused; the words are left as they are.
"""
from __future__ import annotations

from vyaparai.nlu.size_words import is_size_word
from vyaparai.nlu.tokens import Token

_AMOUNT = ("num", "frac")
_REFUSAL = frozenset({"not", "no"})
_INSTRUCTION = frozenset({"make", "want", "change"})
_CHANGE = frozenset({"make", "change"})
_SEPARATORS = ("sep", "dots", "punct")
# Flag of a refusal said first and then corrected with an amount ("no, 4 eggs"): the amounts are totals.
_CORRECTED = "corrected"


def refuses_an_amount(tokens: list[Token]) -> bool:
    """An amount, then a refusal, then another amount ("2 nahi 3"), or a refusal of an amount followed by
    another ("not 2, 3")."""
    if any(_CORRECTED in t.flags for t in tokens):
        return True  # "no, 4 eggs": the leading refusal was read as an interjection before a new amount
    words = [t for t in tokens if t.kind not in _SEPARATORS]
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
    """"nahi maggi 3 kar do", "nahi nahi bada wala packet chahiye", "no, 4 eggs": refusal words first, before
    an instruction with an amount or a size, or before a new amount, are an interjection (said, and refusing
    nothing); before an amount alone they mark the message as a correction. "not vim, rin do" keeps them: the
    words right after the refusal, up to the first pause, name what is refused."""
    words = [t for t in tokens if t.kind not in _SEPARATORS]
    lead = 0
    while lead < len(words) and _refuses(words[lead]):
        lead += 1
    rest = words[lead:]
    if not lead or len(rest) < 2 or any(_refuses(w) for w in rest) or _refuses_a_thing(tokens, lead):
        return
    says_amount = any(w.kind in _AMOUNT for w in rest)
    says_which = says_amount or any(is_size_word(w) for w in rest)
    instructed = any(w.flags & _INSTRUCTION for w in rest)
    if not (says_which and instructed) and not says_amount:
        return
    # With a make/change word the message is a change of quantity anyway ("no, make it 6"); else the mark
    # says the amount is a total ("no, 4 eggs chahiye" sets the eggs to 4).
    sets_itself = any(w.flags & _CHANGE for w in rest)
    mark = frozenset({"filler", _CORRECTED}) if says_amount and not sets_itself else frozenset({"filler"})
    for w in words[:lead]:
        w.kind, w.flags = "word", mark


def _refuses_a_thing(tokens: list[Token], lead: int) -> bool:
    """The words after the leading refusals, up to the first pause, say no amount, size or instruction:
    they name what is refused ("not vim, ..."; "no pepsi, give sprite")."""
    seen, clause = 0, []
    for t in tokens:
        if seen < lead:
            seen += t.kind not in _SEPARATORS
            continue
        if t.kind in _SEPARATORS:
            break
        clause.append(t)
    if not clause or len(clause) == sum(1 for t in tokens if t.kind not in _SEPARATORS) - lead:
        return False  # no pause after them: the whole rest is one instruction ("nahi maggi 3 kar do")
    return not any(t.kind in _AMOUNT or t.kind == "unit" or is_size_word(t) or t.flags & _INSTRUCTION
                   for t in clause)


def _refuses(t: Token) -> bool:
    return bool(t.flags & _REFUSAL or t.kind == "not") and t.kind not in _AMOUNT
