"""Which writing system a character, a token or a message is in (ISO 15924 codes)."""
from __future__ import annotations

from functools import lru_cache

# First code point of each Indic block and its ISO 15924 code.
_BLOCKS = {
    0x0900: "Deva", 0x0980: "Beng", 0x0A00: "Guru", 0x0A80: "Gujr", 0x0B00: "Orya",
    0x0B80: "Taml", 0x0C00: "Telu", 0x0C80: "Knda", 0x0D00: "Mlym",
}
# The language a native script implies (Devanagari is Hindi unless Marathi words say otherwise).
SCRIPT_LANG = {"Deva": "hi", "Beng": "bn", "Guru": "pa", "Gujr": "gu", "Taml": "ta",
               "Telu": "te", "Knda": "kn", "Mlym": "ml", "Orya": "hi"}


def char_script(c: str) -> str | None:
    o = ord(c)
    if 0x0900 <= o <= 0x0DFF:
        return _BLOCKS[o & ~0x7F]
    if c.isascii():
        return "Latn" if c.isalpha() else None
    if c.isalpha() and o < 0x0250:
        return "Latn"  # Latin-1 and Latin Extended letters (ā, ī, é)
    return None


@lru_cache(maxsize=65536)  # asked of the same words many times a message (signals, questions, scripts_of)
def token_script(token: str) -> str | None:
    """The script of a token's first letter (normalize() already split tokens at script changes)."""
    for c in token:
        script = char_script(c)
        if script:
            return script
    return None


def scripts_of(tokens: list[str]) -> tuple[str, ...]:
    """Scripts of the letters in a message, in order of first appearance."""
    seen: dict[str, None] = {}
    for token in tokens:
        script = token_script(token)
        if script:
            seen.setdefault(script, None)
    return tuple(seen)
