"""One message that takes one thing out of the cart and puts another in: "lux hata do, 1 kg sugar",
"remove the maggi and add 2 kurkure", "ಸೋಪ್ ತೆಗೆಯಿರಿ, 2 ಕೆಜಿ ಸಕ್ಕರೆ ಹಾಕಿ".

The message is read clause by clause (commas and "and" words part them). A clause with a remove
word removes its products. Another clause adds its products when it has a word of giving or adding,
or when it says an amount while the removing clauses say none: "remove 2 maggi and 1 kurkure" takes
both out, the amounts being what is removed.
"""
from __future__ import annotations

from vyaparai.nlu.mentions import Run
from vyaparai.nlu.tokens import Token


def split_adds(runs: list[Run], tokens: list[Token]) -> tuple[list[Run], list[Run]]:
    """(runs removed, runs added) of a message whose intent is remove_item."""
    clause_of = _clauses(tokens)
    removing = {clause_of[id(t)] for t in tokens if "remove" in t.flags}
    if not removing or len(runs) < 2:
        return runs, []
    amounts_removed = any(_has_amount(r) for r in runs if _clause(r, clause_of) in removing)
    giving = {clause_of[id(t)] for t in tokens if "want" in t.flags} - removing
    removed, added = [], []
    for run in runs:
        clause = _clause(run, clause_of)
        adds = clause not in removing and (clause in giving or (_has_amount(run) and not amounts_removed))
        (added if adds else removed).append(run)
    return (removed, added) if removed else (runs, [])


def _clauses(tokens: list[Token]) -> dict[int, int]:
    clause, out = 0, {}
    for t in tokens:
        if t.kind == "sep":
            clause += 1
        out[id(t)] = clause
    return out


def _clause(run: Run, clause_of: dict[int, int]) -> int | None:
    return clause_of.get(id(run.tokens[0])) if run.tokens else None


def _has_amount(run: Run) -> bool:
    return any(q.value is not None for q in run.quantities)
