"""An address with the way to pay said in the same message ("22 Lake Road, Kolkata 700029, cash",
"COD - Flat 9, Deccan, Pune"): the address is kept without the payment words, and the payment is taken."""
from __future__ import annotations

import regex

from vyaparai.nlu.contact import address_signals
from vyaparai.nlu.pipeline import understand

PAYMENT_OF = {"cash_on_delivery": "cod", "pay_online": "online"}
_MAX_WORDS = 4  # "I'll pay cash", "cash on delivery please": a way to pay is said in a few words
_CLAUSES = regex.compile(r"\s*(?:[,;।|\n]|\s-\s|\.\s)\s*")


def split_payment(text: str) -> tuple[str, str | None]:
    """The address without the way to pay said first or last, and that way ("cod"/"online"), or (text, None)."""
    clauses = [c for c in _CLAUSES.split(text.strip()) if c]
    if len(clauses) >= 2:
        for said, rest in ((clauses[-1], clauses[:-1]), (clauses[0], clauses[1:])):
            method = _payment_in(said)
            if method:
                return ", ".join(rest), method
    words = text.split()
    for n in range(1, min(_MAX_WORDS, len(words) - 2) + 1):  # no pause before it: the last few words
        if _CLAUSES.search(" ".join(words[-n - 1:])) or words[-n][-1:] in ",.;":
            break  # a pause before them: that clause was read above, and is part of the address
        method = _payment_in(" ".join(words[-n:]))
        if method:
            return " ".join(words[:-n]), method
    return text, None


def _payment_in(words: str) -> str | None:
    if len(words.split()) > _MAX_WORDS or any(ch.isdigit() for ch in words) or address_signals(words):
        return None  # "Cash Bazaar Road": a street's name
    return PAYMENT_OF.get(understand(words).intent)
