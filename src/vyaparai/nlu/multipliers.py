"""Multiplying a cart line: "aloo double kar do", "साखर दुप्पट करा", "ਖੰਡ ਦੁੱਗਣੀ ਕਰ ਦਿਓ", "make the rice
double", "triple kar do", "aadha kar do" (halve it). The word before a make verb ("kar", "करा", "ಮಾಡಿ") or
after "make ... " is a factor of the amount in the cart (mode "scale", qty = the factor), not a product
word ("Tide Double Power" said without a make verb stays a name)."""
from __future__ import annotations

from vyaparai.nlu.tokens import Token

_FACTORS = {
    2.0: "double dubble dabal dable dugna dugni dugne duguna doguna dogna twice "
         "डबल दुगना दुगनी दुगने दुगुना दोगुना दुप्पट டபுள் இரட்டிப்பு డబుల్ రెట్టింపు ಡಬಲ್ ದುಪ್ಪಟ್ಟು "
         "ഡബിൾ ഇരട്ടി ডাবল দ্বিগুণ ডবল ડબલ બમણું બમણા બમણી ਡਬਲ ਦੁੱਗਣਾ ਦੁੱਗਣੀ ਦੁੱਗਣੇ",
    3.0: "triple tigna tiguna tripal ट्रिपल तिगुना तिप्पट ட்ரிபிள் ట్రిపుల్ ಟ್ರಿಪಲ್ ട്രിപ്പിൾ ট্রিপল ટ્રિપલ ਤਿੱਗਣਾ",
}
_WORDS = {w.lower(): f for f, words in _FACTORS.items() for w in words.split()}
_AMOUNTS = ("num", "unit", "mod", "hundred", "times")


def _factor(t: Token) -> float | None:
    if t.kind == "frac" and t.value == 0.5:
        return 0.5  # "aadha kar do", "അര ആക്കൂ": halve it
    return _WORDS.get(t.text.lower()) if t.kind == "word" else None


def scale_factor(tokens: list[Token]) -> float | None:
    """The factor a message multiplies its item by, flagging the factor word as no product word; None
    when the message says an amount of its own or no make verb goes with the factor word."""
    if any(t.kind in _AMOUNTS for t in tokens):
        return None
    words = [t for t in tokens if "filler" not in t.flags or "make" in t.flags]
    for i, t in enumerate(words):
        factor = _factor(t)
        if factor is None:
            continue
        before_make = i + 1 < len(words) and "make" in words[i + 1].flags
        last_after_make = i == len(words) - 1 and any("make" in w.flags for w in words[:i])
        if before_make or last_after_make:
            t.kind, t.flags = "word", t.flags | {"filler"}
            return factor
    return None
