""""Ho gaya", "झालं", "হয়ে গেছে", "అయిపోయింది": "it's done" said alone, in answer to "anything else?", is
the customer being done with the list (a checkout), never a product. Only the whole message counts
(with "bas", "bhaiya", "thanks" around it): inside a sentence the same words ask ("order ho gaya?") or
say something else, and a question mark asks whether it is done."""
from __future__ import annotations

import unicodedata

from vyaparai.nlu.chat_words import KIN_WORDS
from vyaparai.nlu.tokens import Token

# "(It's) done / finished / over", as each language says it.
_DONE = frozenset(unicodedata.normalize("NFC", p) for p in (
    "ho gaya|ho gya|hogaya|hogya|ho gayi|ho gaye|khatam|khatm|ho gaya bas|"
    "हो गया|हो गयी|हो गई|खत्म|ख़त्म|ख़तम|खतम|"
    "झालं|झाले|झाला|झालं आता|"
    "થઈ ગયું|થઇ ગયું|પતી ગયું|પત્યું|"
    "ਹੋ ਗਿਆ|ਹੋ ਗਈ|ਖ਼ਤਮ|ਖਤਮ|"
    "হয়ে গেছে|হয়ে গেল|হয়ে গেলো|"
    "முடிஞ்சுது|முடிந்தது|முடிஞ்சது|"
    "అయిపోయింది|అయ్యింది|అయిపొయింది|"
    "ಮುಗೀತು|ಮುಗಿಯಿತು|ಮುಗಿತು|"
    "കഴിഞ്ഞു|തീർന്നു|"
    "i am done|im done|all done|done now").split("|"))
# Words said around it that say nothing of their own: "enough", "now", "that's it", address words.
_AROUND = frozenset(unicodedata.normalize("NFC", w) for w in (
    "bas bass ab ji sir madam ok okay thanks thank you अब बस जी भाई आता बस ਬਸ ਬੱਸ ਹੁਣ ਜੀ "
    "બસ હવે ব্যস ব্যাস এখন அவ்வளவுதான் ఇక ಇನ್ನು ഇനി " + " ".join(KIN_WORDS.values())).split())


def says_done(tokens: list[Token]) -> bool:
    if any(t.text == "?" for t in tokens):
        return False
    words = [unicodedata.normalize("NFC", t.text.lower()) for t in tokens if t.kind not in ("sep", "dots", "punct")
             and "courtesy" not in t.flags]
    while words and words[0] in _AROUND:
        words.pop(0)
    while words and words[-1] in _AROUND:
        words.pop()
    return " ".join(words) in _DONE
