"""Asking the shop to wait ("ek minute", "one sec, let me check", "ஒரு நிமிஷம்", "2 min ruko"): the customer
will answer the question in a moment; the message is no answer to it (never an address, never an item)."""
from __future__ import annotations

import re
import unicodedata

from vyaparai.nlu.chat_words import MORE_WORDS, WAIT_NOUNS

# Words that ask for a moment: the wait verbs of the "hold" signal class and the minute/second nouns of
# chat_words, with the forms people add when the whole message is the wait (plurals, "check", spoken forms).
_WAIT = frozenset(unicodedata.normalize("NFC", w) for w in (
    *(w for words in MORE_WORDS["hold"].values() for w in words.split()), *WAIT_NOUNS,
    *("minutes mins seconds secs moment check checking ruk rukja rukjao thamba thamb thaamba minit minat "
      "ठहरो ठहरिए रुक थांब सेकेंड দাড়ান দাড়াও সেকেন্ড நிமிசம் வெயிட் ఆగు వెయిట్ ಇರಿ ವೇಟ್ വെയിറ്റ് "
      "ਰੁਕ ਰੁਕਿਓ ઊભા રહો").split()))
# Words said around it that carry nothing else: one, a, just, please, let me, I'll see, brother.
_AROUND = frozenset(unicodedata.normalize("NFC", w) for w in (
    "a an one just please pls plz let me i ill will see on ok okay haan ha ji bhai bhaiya sir madam na zara jara "
    "ek do abhi dekh dekhta dekhti dekhke dekhkar bas "
    "एक दो ज़रा जरा ज़रा अभी जी भाई भैया देखता देखती बस ना "
    "এক একটু দুই দাদা ভাই একটা "
    "ஒரு ஒரே அண்ணா கொஞ்சம் "
    "ఒక్క ఒక అన్నా కొంచెం "
    "ಒಂದು ಒಂದ್ ಸ್ವಲ್ಪ ಅಣ್ಣ "
    "ഒരു ഒന്ന് ചേട്ടാ "
    "ਇੱਕ ਜੀ ਭਾਈ ਜ਼ਰਾ ਜਰਾ "
    "એક જરા ભાઈ").split())
_WORD = re.compile(r"[^\s,.!?;:…]+")
_MOST_WORDS = 6  # more than this is a sentence with something else in it


def asks_to_wait(text: str) -> bool:
    """The whole message asks for a moment: a wait word, and nothing but counts and words said around it."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text.lower())) if w]
    if not words or len(words) > _MOST_WORDS:
        return False
    if not any(w in _WAIT for w in words):
        return False
    return all(w in _WAIT or w in _AROUND or w.isdigit() for w in words)
