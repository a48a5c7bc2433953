"""A dozen and more said in one breath: "a dozen and a half" (18), "do darjan aur chhe" (2 dozen and 6 = 30).
The "and" joins a part to the dozens: a fraction is of a dozen, a whole count under twelve is pieces."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

_ARTICLES = frozenset("a an ek one".split())


def dozen_and_more(tokens: list[Token], i: int) -> tuple[Token, int] | None:
    """At a dozen word (token i), with the count before it and "and <part>" after it: the whole amount as
    one number token of pieces, and the index after the phrase."""
    t = tokens[i]
    if t.kind != "unit" or t.unit != "dozen" or i + 2 >= len(tokens):
        return None
    joiner = tokens[i + 1]
    if joiner.kind != "sep" or "and" not in joiner.flags or not joiner.text.isalpha():
        return None
    before = tokens[i - 1] if i and tokens[i - 1].kind == "num" and tokens[i - 1].value else None
    dozens = before.value if before is not None else 1.0
    start = i - 1 if before is not None else i
    named_before = start > 0 and tokens[start - 1].kind != "sep" and tokens[start - 1].text.lower() not in _ARTICLES
    j = i + 2
    if tokens[j].text.lower() in _ARTICLES and j + 1 < len(tokens) and tokens[j + 1].kind == "frac":
        j += 1  # "and a half"
    part = tokens[j]
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if after is not None and after.kind in ("unit", "num", "frac"):
        return None  # "1 dozen and half kg sugar": another amount of another product
    if named_before and (part.kind != "frac" or not (after is None or after.kind == "sep")):
        return None  # "ande 1 dozen aur 2 maggi": the dozen is the eggs', the 2 the maggi's
    if part.kind == "frac" and part.value and part.value < 1:
        return replace(part, kind="num", value=(dozens + part.value) * 12, unit=None), j + 1
    if part.kind == "num" and part.value and float(part.value).is_integer() and 1 <= part.value < 12:
        return replace(part, kind="num", value=dozens * 12 + part.value, unit=None), j + 1
    return None
