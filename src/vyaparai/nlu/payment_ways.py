"""Which way to pay a message picks when it refuses one: "online nahi", "don't want to pay online",
"cash illa" - a refused way of the two means the other one."""
from __future__ import annotations

from vyaparai.nlu.tokens import Token

_WAYS = {"cash": "cash_on_delivery", "online": "pay_online"}
_OTHER = {"cash_on_delivery": "pay_online", "pay_online": "cash_on_delivery"}


def way_chosen(tokens: list[Token], intent: str) -> str:
    """The payment intent once refusals are read: a way said with no negation in its chunk is chosen; a
    way refused (the negation nearest to it in the same chunk) with none chosen means the other way."""
    if intent not in _OTHER:
        return intent
    changed = _changed_mind(tokens)
    if changed:
        return changed
    chosen: set[str] = set()
    refused: set[str] = set()
    for chunk in _chunks(tokens):
        negations = [i for i, t in enumerate(chunk) if t.kind == "not" or "no" in t.flags]
        ways = [(i, w) for i, t in enumerate(chunk) for f, w in _WAYS.items() if f in t.flags]
        if not negations:
            chosen.update(w for _, w in ways)
            continue
        nearest = {w for n in negations if ways
                   for i, w in [min(ways, key=lambda iw: abs(iw[0] - n))] if _refuses(chunk, n, i)}
        refused |= nearest
        chosen.update(w for _, w in ways if w not in nearest)
    if len(chosen) == 1:
        return next(iter(chosen))
    if not chosen and len(refused) == 1:
        return _OTHER[next(iter(refused))]
    return intent


# Words that take back what was just said ("cash... nahi ruko, online", "cod, actually upi", "cash. no wait, online").
_TAKE_BACK = frozenset({"actually", "instead", "sorry", "rather", "balki", "matlab", "i mean"})


def _changed_mind(tokens: list[Token]) -> str | None:
    """Both ways said, the second after a word taking the first back: the second is the way chosen."""
    ways = [(i, w) for i, t in enumerate(tokens) for f, w in _WAYS.items() if f in t.flags]
    if len({w for _, w in ways}) != 2:
        return None
    first, (last, way) = ways[0], ways[-1]
    if first[1] == way:
        return None
    between = tokens[first[0] + 1:last]
    if any(t.kind == "not" or t.flags & {"no", "hold"} or t.text.lower() in _TAKE_BACK for t in between):
        return way if not any(t.kind == "not" or "no" in t.flags for t in tokens[last + 1:]) else None
    return None


# Negations that refuse the way after them ("no cod", "not online", "don't want to pay online"). A Hindi-type
# "nahi" puts its refusal after the thing ("online nahi"); before it, it answers the question asked ("nahi bhai,
# COD kar do": no - make it cash).
_REFUSE_WHAT_FOLLOWS = frozenset({"no", "not", "dont", "don't", "never", "without", "nope"})
_DOING = frozenset({"make", "want", "pay"})


def _refuses(chunk: list[Token], negation: int, way: int) -> bool:
    if negation > way:
        return True  # "online nahi", "cash illa", "cod vendam"
    if chunk[negation].text.lower() not in _REFUSE_WHAT_FOLLOWS:
        return False
    return not any(_DOING & t.flags for t in chunk[way + 1:])  # "no, cash kar do" chooses cash


def _chunks(tokens: list[Token]) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    for t in tokens:
        if t.kind in ("sep", "dots"):
            chunks.append([])
        else:
            chunks[-1].append(t)
    return [c for c in chunks if c]
