"""Leave-taking ("I'll come later", "baad me aata hu", "পরে আসব", "will order tomorrow"): the customer is
going, not ordering, so no word of it is a product ("later" is no ladi pav, "aata" the verb no atta)."""
from __future__ import annotations

import unicodedata

from vyaparai.nlu import lexicon
from vyaparai.nlu.chat_words import THANKS_WORDS
from vyaparai.nlu.tokens import Token

# Words for "later / tomorrow / again", in each language.
LATER = frozenset(unicodedata.normalize("NFC", w) for w in (
    "later tomorrow tmrw tmw baad badme baadme baadmein kal kaal phir fir dobara nantar udya "
    "बाद कल फिर दोबारा नंतर उद्या पुन्हा পরে কাল আবার பிறகு அப்புறம் நாளைக்கு நாளை மறுபடி "
    "తర్వాత తరువాత రేపు మళ్ళీ ನಂತರ ನಾಳೆ ಆಮೇಲೆ ಮತ್ತೆ പിന്നെ നാളെ പിന്നീട് ਬਾਅਦ ਕੱਲ੍ਹ ਕੱਲ ਫਿਰ ਦੁਬਾਰਾ "
    "પછી કાલે ફરી pachi kale pore").split())
# "I'll come / I'll order / I'll tell you": the verbs said with it, in each language.
COME = frozenset(unicodedata.normalize("NFC", w) for w in (
    "come coming visit order aata aati aaunga aaungi aaenge aayenge aaoonga aunga bataunga bataungi "
    "yein yeto yete asbo ashbo varen varuven vastanu vasta bartini varam aavanga aavish "
    "आता आती आऊंगा आऊँगा आऊंगी आएंगे आयेंगे बताऊंगा बताऊँगा येईन येतो येते सांगतो सांगते "
    "আসব আসবো আসছি জানাব জানাবো வரேன் வருவேன் வர்றேன் சொல்றேன் வருகிறேன் వస్తాను వస్తా చెప్తాను "
    "ಬರ್ತೀನಿ ಬರುತ್ತೇನೆ ಬರ್ತೇನೆ ಹೇಳ್ತೀನಿ വരാം വരും വരാട്ടോ പറയാം ਆਵਾਂਗਾ ਆਵਾਂਗੀ ਦੱਸਾਂਗਾ આવીશ આવું કહીશ").split())
# Goodbyes that take leave on their own.
BYE = frozenset("bye byee goodbye alvida अलविदा বিদায় ਅਲਵਿਦਾ".split())
# Pronouns and helpers said around it that are no chat signal of their own.
_AROUND = frozenset(unicodedata.normalize("NFC", w) for w in (
    "i ill im hu hoon hun main mai ji bhai bhaiya sir na then will again back me mein vich "
    # "the rest" (baaki kal bataunga: I'll tell the rest tomorrow)
    "rest baaki baki बाकी বাকি மீதி మిగతా మిగిలినవి ಉಳಿದದ್ದು ബാക്കി ਬਾਕੀ બાકી बाकीचं "
    "मैं हूं हूँ में मी ना जी ਮੈਂ ਜੀ ਵਿੱਚ আমি নেను నేను ನಾನು ഞാൻ நான் હું").split())
_ORDERING = frozenset({"want", "make", "more", "less", "remove", "change", "show", "cart", "checkout"})


def _word(w: str) -> str:
    return unicodedata.normalize("NFC", w.strip(".,!?🙏").lower())


def says_goodbye(words: list[str]) -> bool:
    """The words take leave: a goodbye, or a "later" word with a "come / order" verb."""
    said = {_word(w) for w in words}
    return bool(said & BYE) or bool(said & LATER and said & COME)


def takes_leave(tokens: list[Token]) -> bool:
    """Every word of the message takes leave or is a courtesy, and nothing is counted or asked for."""
    if any(t.kind in ("num", "unit", "hundred", "times") for t in tokens):
        return False
    if not says_goodbye([t.text for t in tokens]):  # പിന്നെ (later) is also an "and"
        return False
    words = [t for t in tokens if t.kind not in ("sep", "dots", "punct")]
    around = any(_word(t.text) in _AROUND or _word(t.text) in THANKS_WORDS for t in words)
    known = lexicon.load().concepts_of
    for t in words:
        w = _word(t.text)
        if w in COME and t.key in known and not around:
            return False  # "kal aata" may ask for atta; "kal aata hu" is "I'll come tomorrow"
        if w in LATER or w in COME or w in BYE or w in THANKS_WORDS or w in _AROUND:
            continue
        if not t.flags or t.flags & _ORDERING:
            return False  # "kal 2 kilo aata bhejna": something is asked for
    return True
