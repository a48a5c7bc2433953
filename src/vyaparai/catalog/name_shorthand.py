"""A shop's price list in shorthand: the words its export abbreviates ("CHILLY PWDR", "CO OIL", "DET BAR"),
spelled out so a name says what a customer says ("chilli powder", "coconut oil", "detergent bar")."""
from __future__ import annotations

# Abbreviations of generic words that billing software and shop exports use; each stands for one word only
# (a brand is never abbreviated here: "KLF", "MDH" stay as they are).
_WORDS = {
    "pwdr": "powder", "pwd": "powder", "powd": "powder", "pdr": "powder", "podr": "powder",
    "bisc": "biscuit", "biscts": "biscuits", "bkt": "biscuit",
    "det": "detergent", "detg": "detergent",
    "liq": "liquid", "shmp": "shampoo", "tpaste": "toothpaste",
    "refnd": "refined", "sunflwr": "sunflower", "mstrd": "mustard", "gnut": "groundnut",
    "msla": "masala", "msl": "masala", "ndls": "noodles", "nodls": "noodles", "ktchp": "ketchup",
    "choc": "chocolate", "ckn": "chicken", "chilly": "chilli", "chillies": "chilli",
}
# A shorthand that is a letter or two only before the word it qualifies: "CO OIL" is coconut oil, "G NUT"
# groundnut; alone "co" or "g" says nothing (Parle G).
_BEFORE = {("co", "oil"): "coconut", ("c", "oil"): "coconut", ("g", "nut"): "ground", ("gr", "nut"): "ground"}


def spelled_out(words: list[str]) -> list[str]:
    """The words of a name with its shorthand written in full, in the name's own order."""
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if (low, nxt) in _BEFORE:
            out.append(_BEFORE[low, nxt])
        else:
            out.append(_WORDS.get(low, w))
    return out
