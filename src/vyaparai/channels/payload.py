"""What any body from outside must pass before we read it: JSON of bounded depth, text a database can store."""
from __future__ import annotations

import json
import re

# Real provider payloads nest about 8 deep (WhatsApp: entry > changes > value > messages > interactive > ...).
MAX_DEPTH = 32
# A JSON string (escapes included) or a bracket: strings are skipped whole so a "[" inside one is not counted.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
# After json.loads a valid surrogate pair is already one code point: any surrogate left is a lone one.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# What in the raw bytes can become NUL or a surrogate once parsed: the escapes \u0000 and \uD800-\uDFFF,
# a raw NUL, or a surrogate encoded as bytes (ED A0..BF, which json.loads lets through).
_MAY_BE_UNSTORABLE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])|\x00|\xed[\xa0-\xbf]")


class UnreadablePayload(ValueError):
    """The body is not JSON, or is nested deeper than any real provider payload."""


def read_json(raw: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """The parsed body with every string cleaned; UnreadablePayload when it is not JSON or too deep.

    The depth is checked on the bytes first: json.loads recurses, and 50,000 brackets would
    crash it (RecursionError) instead of failing as bad input.
    """
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    # Fewer brackets in all than the limit cannot nest deeper (every real payload): no scan needed.
    if data.count(b"[") + data.count(b"{") > max_depth and _depth(data) > max_depth:
        raise UnreadablePayload(f"nested deeper than {max_depth} levels")
    try:
        parsed = json.loads(data)
        return cleaned(parsed) if _MAY_BE_UNSTORABLE.search(data) else parsed
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UnreadablePayload(f"not JSON: {e}") from None


def _depth(data: bytes) -> int:
    depth = deepest = 0
    for match in _TOKENS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def clean_text(value: str) -> str:
    """`value` without NUL (PostgreSQL refuses it in text) and with lone surrogates (not UTF-8) replaced."""
    if not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def cleaned(value: object) -> object:
    """A parsed JSON value with every string, keys included, passed through clean_text."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [cleaned(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): cleaned(v) for k, v in value.items()}
    return value


def fits(value: str | None, max_length: int) -> bool:
    """True when `value` is absent, or clean and short enough for a column of `max_length` characters."""
    return value is None or (len(value) <= max_length and not _UNSTORABLE.search(value))
