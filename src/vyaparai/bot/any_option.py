"""An answer to "which one?" that leaves the choice to the shop: "koi bhi chalega", "any one is fine", "ஏதாவது
ஒண்ணு", or asks for the cheapest ("sabse sasta wala", "the cheapest"). A shopkeeper hands the first (best-fitting)
option, or the cheapest one; a question ("any other brand?") is no such answer."""
from __future__ import annotations

import unicodedata

import regex

from vyaparai.nlu.chat_words import ANY_PHRASES

_ANY = "|".join(regex.escape(p) for phrases in ANY_PHRASES.values() for p in phrases)
# "Cheap / cheapest" words, by language (en, hinglish, hi, mr, bn, ta, te, kn, ml, gu, pa).
_CHEAP = ("cheapest|cheaper|cheap|lowest price|sasta|sasti|saste|sastawala|सस्ता|सस्ती|सस्ते|स्वस्त|সস্তা|"
          "மலிவான|மலிவு|விலை குறைவான|చౌక|తక్కువ ధర|ಅಗ್ಗದ|ಕಡಿಮೆ ಬೆಲೆ|വില കുറഞ്ഞ|കുറഞ്ഞ വില|સસ્તું|સસ્તો|સસ્તી|"
          "ਸਸਤਾ|ਸਸਤੀ")
_ANY_RE = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_ANY})(?![\p{{L}}\p{{M}}])")
_CHEAP_RE = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_CHEAP})")

FIRST = "first"
CHEAPEST = "cheapest"


def left_to_shop(text: str) -> str | None:
    """FIRST for "any will do", CHEAPEST for "the cheap one", None for anything else (a question included)."""
    plain = unicodedata.normalize("NFC", text).casefold().strip()
    if not plain or plain.endswith("?"):
        return None
    if _CHEAP_RE.search(plain):
        return CHEAPEST
    if _ANY_RE.search(plain):
        return FIRST
    return None
