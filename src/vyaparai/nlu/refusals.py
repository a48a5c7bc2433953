"""What a refusal leaves for the wanted item: "X nahi, Y" borrows from X, and rules out only X's own words."""
from __future__ import annotations

from vyaparai.nlu import lexicon
from vyaparai.nlu.mentions import Run
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import key


def borrow_from_refused(runs: list[Run], brands: frozenset[str] = frozenset()) -> None:
    """The replacement after a refusal keeps what it does not replace: "aavin green nahi, blue" is Aavin
    blue; "masala wala maggi nahi, atta wala" (or "..., atta") is atta Maggi, the refused thing itself.
    A replacement that names its own brand ("parle g nahi, britannia") borrows nothing."""
    for refused, item in zip(runs, runs[1:]):
        if not refused.negated or item.negated or len(item.tokens) >= len(refused.tokens):
            continue
        if any(t.key in brands for t in item.tokens):
            continue
        if refused.head or item.selector:
            thing = refused.tokens[refused.head:] if refused.head else _named_thing(refused.tokens, brands)
            item.head = len(item.tokens)
            item.tokens.extend(thing)
        elif len(item.tokens) <= 2:
            item.tokens[:0] = refused.tokens[: len(refused.tokens) - len(item.tokens)]


def _named_thing(tokens: list[Token], brands: frozenset[str]) -> list[Token]:
    """What "X wala" replaces a variant of: the product's name words, not its grocery words ("masala
    maggi" is Maggi; in "good day butter", butter is the variant that "cashew wala" replaces)."""
    concepts = lexicon.load().concepts_of

    def is_name(t: Token) -> bool:
        return t.key in brands or t.key not in concepts
    if is_name(tokens[-1]):
        return tokens[-1:]
    return [t for t in tokens if is_name(t)] or tokens[-1:]


def exclusions(runs: list[Run]) -> tuple[str, ...]:
    """Keys of the refused words that the wanted items do not say again: "masala wala maggi nahi, atta
    wala" rules out masala, not Maggi, so only products that differ by that word lose points."""
    wanted = {t.key for r in runs if not r.negated for t in r.tokens}
    out = []
    for r in runs:
        if r.negated:
            words = [t.text for t in r.tokens if t.key not in wanted]
            if words:
                out.append(key(" ".join(words)))
    return tuple(out)
