"""Goods and "place the order" in one message ("2 maggi aur order kar do", "1 kg sugar and place the order",
"2 kg aloo. bas. order kar do"): the goods go in, then the checkout starts as if "order" came next."""
from __future__ import annotations

import unicodedata

import regex

from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.vocabulary import Vocabulary

# Where one request ends and the next begins: a stop, a comma, a danda, or an "and" word of any language.
_AND_WORDS = ("and aur or then phir fir और फिर आणि मग আর তারপর மற்றும் அப்புறம் మరియు తర్వాత ಮತ್ತು ಆಮೇಲೆ "
              "പിന്നെ ਅਤੇ ਫਿਰ અને પછી")
_CLAUSES = regex.compile(r"\s*[.,;!।|\n]+\s*|\s+(?:" + "|".join(
    unicodedata.normalize("NFC", w) for w in _AND_WORDS.split()) + r")\s+", regex.IGNORECASE)


def ends_with_checkout(text: str, vocabulary: Vocabulary) -> bool:
    """The message's last request, read alone, is "place the order" - and something came before it."""
    clauses = [c for c in _CLAUSES.split(unicodedata.normalize("NFC", text.strip())) if c and c.strip()]
    return len(clauses) >= 2 and understand(clauses[-1], vocabulary).intent == "checkout"
