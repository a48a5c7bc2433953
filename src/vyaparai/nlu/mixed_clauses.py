"""One message that orders in one clause and asks about another product in the next: "2 kilo chawal de
do, aur dal kitne ki hai?", "how much is the ghee? and send 3 soaps". The product of the asking clause is
asked about, not ordered; the ordering clause still orders (the intent of the whole message is add_items).

Clauses are the stretches between separators (commas, "?", "aur", "and", "also"). A clause asks when it
holds a price or stock word (`questions.mark` flags them "asks") and no amount (an amount asked about is
the price of that amount, and the message's other amounts go with it); it orders when it holds a product
and an amount or a want verb and asks nothing."""
from __future__ import annotations

from vyaparai.nlu.mentions import Run
from vyaparai.nlu.tokens import Token

ASKS = "asks"  # flag questions.mark puts on price, how-much and stock words
_AMOUNT = ("num", "unit", "frac", "mod", "hundred")


def _clause_of(tokens: list[Token]) -> dict[int, int]:
    """id(token) -> clause number."""
    out, n = {}, 0
    for t in tokens:
        if t.kind == "sep":
            n += 1
        out[id(t)] = n
    return out


def asked_runs(tokens: list[Token], live: list[Run]) -> list[Run]:
    """The product runs of clauses that ask, when another clause with a product of its own orders;
    [] when the message is all order or all question."""
    clause = _clause_of(tokens)
    asking = {clause[id(t)] for t in tokens if ASKS in t.flags}
    if not asking:
        return []
    amounts = {clause[id(t)] for t in tokens if t.kind in _AMOUNT}
    if asking & amounts:
        return []  # "2 kilo aloo aur 1 kilo pyaz kitne ka hoga": the price of what is said, all of it
    ordering = (amounts | {clause[id(t)] for t in tokens if "want" in t.flags}) - asking
    runs_in = {id(r): {clause.get(id(t)) for t in r.tokens} for r in live}
    if not any(runs_in[id(r)] & ordering for r in live):
        return []
    return [r for r in live if runs_in[id(r)] <= asking]
