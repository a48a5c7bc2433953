"""How many SMS segments a text costs: GSM-7 (160 a message, 153 a part) or UCS-2 (70, 67 in UTF-16 units).

3GPP TS 23.038: one character outside the GSM 03.38 alphabet (any Indic letter, ₹, an emoji) makes the
whole message UCS-2. Characters of the extension table (€ [ ] { } …) cost two septets.
"""
from __future__ import annotations

from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")
SINGLE = {"gsm7": 160, "ucs2": 70}
PART = {"gsm7": 153, "ucs2": 67}  # a multi-part message spends 7 septets / 3 units of each part on its header


@dataclass(frozen=True)
class Cost:
    encoding: str  # gsm7 or ucs2
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def is_gsm7(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def cost(text: str) -> Cost:
    if is_gsm7(text):
        encoding, units = "gsm7", sum(2 if ch in GSM_EXTENSION else 1 for ch in text)
    else:
        # An emoji or another character beyond the BMP takes two UTF-16 units (a surrogate pair).
        encoding, units = "ucs2", len(text.encode("utf-16-le")) // 2
    if units <= SINGLE[encoding]:
        return Cost(encoding, units, 1 if units else 0)
    return Cost(encoding, units, -(-units // PART[encoding]))


def segments(text: str) -> int:
    return cost(text).segments
