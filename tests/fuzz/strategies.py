"""Hypothesis strategies for hostile input: any JSON, text with NUL / lone surrogates / other scripts, odd numbers."""
from __future__ import annotations

import copy

from hypothesis import strategies as st

# Characters that broke something once or could: NUL, lone surrogates, RTL marks, Devanagari, emoji, quotes.
NASTY = ["\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "\u0939", "\U0001F600", "'", '"', "<", "&", "\\", "%00",
         "\r\n", "\t", " ", "é"]
REMOVED = object()

nasty_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY) | st.text(max_size=5), max_size=8).map("".join),
    st.integers(min_value=0, max_value=5000).map(lambda n: "9" * n),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), nasty_text,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
    max_leaves=12,
)


def _put(base: dict, path: tuple, value: object) -> dict:
    """A copy of `base` with `path` set to `value` (or removed); unchanged where an earlier change broke the path."""
    out = copy.deepcopy(base)
    try:
        node = out
        for key in path[:-1]:
            node = node[key]
        if value is REMOVED:
            del node[path[-1]]
        else:
            node[path[-1]] = value
    except (LookupError, TypeError):
        pass
    return out


def header_value(text: str) -> str:
    """`text` as an HTTP client can send it: its UTF-8 bytes read as Latin-1, control characters dropped."""
    raw = text.encode("utf-8", "surrogatepass").decode("latin-1")
    return "".join(c for c in raw if c >= " " and c != "\x7f")


def spoiled(base: dict, paths: list[tuple]) -> st.SearchStrategy[dict]:
    """`base` with the value at 1-2 of `paths` replaced by any JSON value, or removed."""
    change = st.tuples(st.sampled_from(paths), json_values | st.just(REMOVED))

    def apply(changes):
        out = base
        for path, value in changes:
            out = _put(out, path, value)
        return out

    return st.lists(change, min_size=1, max_size=2).map(apply)


def sometimes(strategy: st.SearchStrategy, one_in: int = 4) -> st.SearchStrategy:
    """None most of the time, a value of `strategy` about once in `one_in` cases."""
    # Hypothesis favours the low end of a range, so the rare branch is the top one.
    return st.integers(1, one_in).flatmap(lambda n: strategy if n == one_in else st.none())
