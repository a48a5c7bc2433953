"""Words that say which pack rather than what: "wala" (the one with...), small and large, in every script."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from vyaparai.nlu.translit import word_key

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# "X wala" / "X waali": the amount before it names a pack, it is not the quantity to buy.
_WALA = "wala wali wale waala waali vala vali vale walo वाला वाली वाले ওয়ালা ਵਾਲਾ ਵਾਲੀ ਵਾਲੇ વાળું વાળો વાળી " \
        "ഉള്ളത് ഉള്ള ಇರುವ ಇರೋದು ఉన్నది உள்ளது"  # "the one that has": Malayalam, Kannada, Telugu, Tamil
_SMALL = "chota chhota choti chhoti chote chhote small smaller little mini chinna chikka chhoto nanu nanoo " \
         "छोटा छोटी छोटे சின்ன சின்னது చిన్న చిన్నది ಚಿಕ್ಕ ಸಣ್ಣ ಚಿಕ್ಕದು ചെറിയ ചെറുത് ਛੋਟਾ ਛੋਟੀ ਛੋਟੇ " \
         "ছোট ছোটো નાનું નાનો નાની નાના ਛੋਟੀਆਂ लहान"
_LARGE = "bada badi bade bara big bigger large family jumbo periya pedda dodda valiya vadda boro mota motu " \
         "बड़ा बड़ी बड़े बडा பெரிய பெரியது పెద్ద పెద్దది ದೊಡ್ಡ ದೊಡ್ಡದು വലിയ വലുത് ਵੱਡਾ ਵੱਡੀ ਵੱਡੇ " \
         "বড় বড়ো મોટું મોટો મોટી મોટા ਵੱਡੀਆਂ मोठा मोठी मोठे"


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Keys of the romanized words, and native words as written: a native word is one of them as typed or
    by the key of a romanized one (વાળા, "vala"), never by the key of another script's word (the fold
    makes Bengali বড়, big, of বার, a bar)."""
    def keys(words: str) -> frozenset[str]:
        return frozenset(word_key(w) if w.isascii() else unicodedata.normalize("NFC", w) for w in words.split())
    return keys(_WALA), keys(_SMALL), keys(_LARGE)


def size_keys() -> frozenset[str]:
    """Keys of the small and large words."""
    _, small, large = _word_sets()
    return small | large


def _among(t: Token, words: frozenset[str]) -> bool:
    return t.key in words or (not t.text.isascii() and t.text in words)

def is_wala(t: Token) -> bool:
    return _among(t, _word_sets()[0])


def is_small(t: Token) -> bool:
    return _among(t, _word_sets()[1])


def is_large(t: Token) -> bool:
    return _among(t, _word_sets()[2])


def is_size_word(t: Token) -> bool:
    return is_small(t) or is_large(t)
