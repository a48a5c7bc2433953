"""Read quantity phrases out of classified tokens: "saade teen kilo", "dhai sau gram", "x 10", "packet"."""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.nlu.count_groups import group_size
from vyaparai.nlu.tokens import Token

MEASURES = ("kg", "g", "l", "ml", "inr")


@dataclass
class Quantity:
    value: float | None  # None: a bare unit word ("packet") with no number
    unit: str | None
    start: int  # index of the first token
    end: int  # index after the last token
    is_size: bool = False
    times: bool = False  # "x 10": a count of packs
    word: str | None = None  # key of the unit word ("bar", "pouch"), which may also name the product form

    @property
    def measured(self) -> bool:
        return self.unit in MEASURES


def read_quantity(tokens: list[Token], i: int) -> Quantity | None:
    """The quantity starting at token i, or None when token i does not start one."""
    t = tokens[i]
    if t.kind == "times" and i + 1 < len(tokens) and tokens[i + 1].kind == "num":
        return _with_unit(tokens, Quantity(tokens[i + 1].value, "pack", i, i + 2, times=True))
    if t.kind == "unit" and t.unit == "inr" and _next_kind(tokens, i) == "num":
        return Quantity(tokens[i + 1].value, "inr", i, i + 2)  # "rs 20 ka dhaniya", "₹50 ki mirchi"
    if t.kind == "unit":
        value = 1.0 if t.unit == "dozen" else None
        return Quantity(value, t.unit, i, i + 1, word=t.key)
    if t.kind == "mod" and _next_kind(tokens, i) == "num":
        q = Quantity(tokens[i + 1].value + t.value, None, i, i + 2)
        return _with_unit(tokens, _with_hundreds(tokens, q))
    if t.kind == "mod" and _next_kind(tokens, i) == "unit":
        return _with_unit(tokens, Quantity(1 + t.value, None, i, i + 1))  # "sava kilo" = 1.25 kg
    if t.kind == "frac" and t.value == 0.75 and _next_kind(tokens, i) == "num" and (tokens[i + 1].value or 0) >= 1:
        # "પોણા બે", "pauna do": a quarter short of the number (the word is three quarters alone)
        return _with_unit(tokens, Quantity(tokens[i + 1].value - 0.25, None, i, i + 2))
    if t.kind == "frac" and _next_kind(tokens, i) in ("unit", "hundred"):
        return _with_unit(tokens, _with_hundreds(tokens, Quantity(t.value, None, i, i + 1)))
    if t.kind == "hundred":
        return _with_unit(tokens, Quantity(100.0, None, i, i + 1))  # "sau gram"
    if t.kind == "num" and "multipack" in t.flags:
        return Quantity(t.value, "piece", i, i + 1, is_size=True)  # "pack of 6": the six-piece pack
    if t.kind == "num":
        q = Quantity(t.value, None, i, i + 1)
        if _ten_and_unit(tokens, i):
            q = Quantity(t.value + tokens[i + 1].value, None, i, i + 2)  # "ఇరవై ఐదు", "twenty five" = 25
        elif _next_kind(tokens, i) == "num" and 0 < (tokens[i + 1].value or 0) < 1:
            q = Quantity(t.value + tokens[i + 1].value, None, i, i + 2)  # "1 1/2"
        elif _next_kind(tokens, i) == "frac" and tokens[i + 1].value and tokens[i + 1].value < 1:
            # A count of fractions: "ek paav" is one quarter, "teen paav", "three quarter kg", "তিন পোয়া"
            # three of them, "ஒரு அரை கிலோ" a half. (A whole and a fraction is joined by "and": "do aur aadha".)
            q = Quantity(t.value * tokens[i + 1].value, None, i, i + 2)
        return _in_groups(tokens, q) or _with_unit(tokens, _with_hundreds(tokens, q))
    return None


def _ten_and_unit(tokens: list[Token], i: int) -> bool:
    """A ten said as a word and a unit said as a word after it make one number (the southern languages and
    English say them apart: "ఇరవై ఐదు", "இருபத்தி நாலு", "twenty five"); digits ("20 5") never join."""
    if _next_kind(tokens, i) != "num":
        return False
    ten, unit = tokens[i], tokens[i + 1]
    words = not any(ch.isdigit() for ch in ten.text + unit.text)
    return (words and ten.value is not None and unit.value is not None and 20 <= ten.value <= 90
            and ten.value % 10 == 0 and unit.value in (1, 2, 3, 4, 5, 6, 7, 8, 9))


def _next_kind(tokens: list[Token], i: int) -> str | None:
    return tokens[i + 1].kind if i + 1 < len(tokens) else None


def _with_hundreds(tokens: list[Token], q: Quantity) -> Quantity:
    """"dhai sau" = 250, and a count under a hundred after the hundreds adds to them: "do sau pachas" = 250."""
    if q.end < len(tokens) and tokens[q.end].kind == "hundred" and q.value is not None:
        q = Quantity(q.value * 100, q.unit, q.start, q.end + 1)
        nxt = tokens[q.end] if q.end < len(tokens) else None
        if nxt is not None and nxt.kind == "num" and nxt.value is not None and 0 < nxt.value < 100:
            return Quantity(q.value + nxt.value, q.unit, q.start, q.end + 1)
    return q


def _in_groups(tokens: list[Token], q: Quantity) -> Quantity | None:
    """"এক হালি" = 4 pieces, "দুই জোড়া" = 4: a count of groups of a fixed size (see count_groups)."""
    nxt = tokens[q.end] if q.end < len(tokens) else None
    size = group_size(nxt.text) if nxt is not None and nxt.kind == "word" and q.value else None
    return Quantity(q.value * size, "piece", q.start, q.end + 1) if size else None


_OF = {"ka", "ki", "ke", "का", "की", "के"}


def _with_unit(tokens: list[Token], q: Quantity) -> Quantity:
    if (q.end < len(tokens) and tokens[q.end].text in _OF and q.value and 5 <= q.value <= 500
            and not (q.end + 1 < len(tokens) and tokens[q.end + 1].kind in ("unit", "num"))):
        return Quantity(q.value, "inr", q.start, q.end)  # "10 ka dhaniya", "mirchi 10 ka": rupees
    if q.end < len(tokens) and tokens[q.end].kind == "unit":
        unit = tokens[q.end].unit
        if q.times and unit != "pack":
            return q
        return Quantity(q.value, unit, q.start, q.end + 1, times=q.times, word=tokens[q.end].key)
    return q
