"""One comparable Latin key for a word in any script: native text is transliterated, spellings folded."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from vyaparai.nlu.script import token_script

_SCHEMES = {"Deva": "devanagari", "Beng": "bengali", "Guru": "gurmukhi", "Gujr": "gujarati",
            "Orya": "oriya", "Taml": "tamil", "Telu": "telugu", "Knda": "kannada", "Mlym": "malayalam"}

_F = "\x01"  # marks a Tamil ப written with ஃ before it: an f, put back after the stops are read
# Bengali writes an English w as ও + য় (ওয়াশ wash, সানফ্লাওয়ার sunflower): after a vowel or at the start.
_BENGALI_W = re.compile(r"(?:(?<=[aeiouAEIOU])|^)oy(?=[aAeEiIoOuU])")
# and an English "oi" at the start as অয় (অয়েল oil, অয়েন্টমেন্ট ointment): Bengali says its অ as an o.
_BENGALI_OY = re.compile(r"^ay(?=e)")
# Letters indic-transliteration leaves alone (nukta forms, candra vowels), mapped first.
_PRE = {
    "Deva": {"ऑ": "ओ", "ॉ": "ो", "ॅ": "ा", "ऍ": "आ", "ड़": "ड", "ढ़": "ढ", "\u093c": ""},
    "Beng": {"ড়": "র", "ঢ়": "র", "য়": "য", "\u09bc": "", "ৎ": "ত্"},
    "Guru": {"\u0a3c": "", "ੜ": "ਰ", "ੱ": ""},
    "Gujr": {"\u0abc": "", "ૅ": "ા", "ૉ": "ો", "ઑ": "ઓ"},
    "Taml": {"ன": "ந", "ஃப": _F + "ப", "ஃ": ""},  # ஃப is how Tamil writes an English f (சன்ஃப்ளவர்)
    "Mlym": {"റ്റ": "ട്ട", "ന്റ": "ന്ട", "ൺ": "ണ്", "ൻ": "ന്", "ർ": "ര്", "ൽ": "ല്", "ൾ": "ള്", "ൿ": "ക്", "ൗ": "ൌ"},
    "Knda": {"\u0cbc": ""},
    "Telu": {},
    "Orya": {"\u0b3c": ""},
}
# Devanagari, Gujarati and Gurmukhi drop the final inherent vowel (दूध -> dUdh), and usually a medial
# one between a vowel-consonant and a consonant-vowel (सरसों -> sarson, अदरक -> adrak).
_SCHWA_DELETING = {"Deva", "Gujr", "Guru", "Beng"}
_CONS = r"(?:kh|gh|ch|Ch|jh|Th|Dh|th|dh|ph|bh|sh|Sh|[bcdfghjklmnpqrstvwyzDTNRLM])"
_VOW = r"[aeiouAEIOUèò]"
_MEDIAL_SCHWA = re.compile(rf"({_VOW}{_CONS})a(?={_CONS}{_VOW})")
def _drop_schwa(m: re.Match) -> str:
    """Drop the medial vowel unless the consonants around it would fold into one (અડધી stays adadhi,
    not "adi", which is અઢી)."""
    before = m.group(1)[1:].lower()[:1]
    after = m.string[m.end():m.end() + 1].lower()
    return m.group(1) + "a" if before == after else m.group(1)


_FINAL_SCHWA = re.compile(r"(?<=[b-df-hj-np-tv-zBCDGJKLNRSTY])a\b")

# Latin spellings folded so that aata/atta/ata, cheeni/chini, doodh/dudh meet (order matters).
_FOLDS = [("aa", "a"), ("ee", "i"), ("ii", "i"), ("oo", "u"), ("uu", "u"), ("w", "v"), ("ph", "f"),
          ("zh", "l"), ("z", "j"), ("chh", "ch"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("dh", "d"),
          ("th", "t"), ("bh", "b"), ("jh", "j"), ("q", "k"), ("ck", "k"), ("x", "ks"), ("ai", "e"),
          ("au", "o"), ("ou", "o"), ("y", "i")]
# A final "ay" typed in Latin letters is English, one long e, as every script writes it (Good Day: ಡೇ,
# ഡേ, डे). Inside a word it stays: before a vowel it is a y (maya, payal), and "lays" is not "less".
_AY = re.compile(r"ay$")
_NON_LETTERS = re.compile(r"[^a-z0-9 ]+")
_REPEATS = re.compile(r"([a-z])\1+")


def key(text: str) -> str:
    """The comparable Latin key of any text: words keyed one by one, joined by single spaces."""
    return " ".join(k for k in (word_key(w) for w in text.split()) if k)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    if _recording is None:
        known = shipped_spellings().get(word)
        if known is not None and known.key:
            return known.key
    script = token_script(word)
    if script in _SCHEMES:
        k = fold_latin(native_to_latin(word, script))  # a native ాయ్ / ाय is "ai" (బాయ్, boy)
    else:
        k = fold_latin(_AY.sub("e", word.lower()))
    if _recording is not None:
        _recording[word] = Spelling(k, _recording[word].latin if word in _recording else "")
    return k


def fold_latin(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NON_LETTERS.sub("", s)
    if s.endswith("h") and len(s) > 3 and s[-2] in "aeiou":
        s = s[:-1]  # "chhah", "nahh": a trailing h after a vowel is not written consistently
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return _REPEATS.sub(r"\1", s)


class Spelling(NamedTuple):
    """A word's key, and its Latin spelling when it is written in a native script ("" otherwise)."""

    key: str
    latin: str


_recording: dict[str, Spelling] | None = None


@lru_cache(maxsize=1)
def shipped_spellings() -> dict[str, Spelling]:
    from vyaparai.nlu.native_spellings import load  # the file written by this module's own code

    return load()


def record_spellings(into: dict[str, Spelling] | None) -> None:
    """While set, every word is keyed and transliterated afresh into `into` (native_spellings.write)."""
    global _recording
    _recording = into


def native_to_latin(word: str, script: str) -> str:
    """Native-script word to a Latin spelling as users would type it (not yet folded)."""
    if _recording is None:
        known = shipped_spellings().get(word)
        if known is not None and known.latin:
            return known.latin
    latin = _transliterate(word, script)
    if _recording is not None:
        _recording[word] = Spelling(_recording[word].key if word in _recording else "", latin)
    return latin


def load_transliterator_in_background() -> None:
    """Import indic-transliteration on a thread: a start needs no transliteration (the shipped file has
    the language data's words), but a customer's new word will, and its import takes half a second."""
    import threading

    threading.Thread(target=lambda: __import__("indic_transliteration.sanscript"), daemon=True,
                     name="load-transliterator").start()


def _transliterate(word: str, script: str) -> str:
    from indic_transliteration.sanscript import ITRANS, transliterate

    for a, b in _PRE.get(script, {}).items():
        word = word.replace(a, b)
    latin = transliterate(word, _SCHEMES[script], ITRANS)
    if script == "Taml":
        latin = _tamil_stops(latin).replace("M", "m")  # Tamil has no anusvara: M is a final ம்
        latin = re.sub(_F + "[pb]", "f", latin)
    elif script == "Beng":
        latin = _BENGALI_OY.sub("oy", _BENGALI_W.sub("w", latin))
    elif script == "Mlym":
        latin = re.sub(r"(?<=[nN])T", "d", latin)
        latin = re.sub(r"M$", "m", latin)  # a final ം is m (ക്രീം cream, ഗ്രാം gram), never n
    latin = latin.replace(".D", "r").replace(".N", "n").replace("~N", "n").replace("~n", "n")
    if script in _SCHWA_DELETING:
        latin = _MEDIAL_SCHWA.sub(_drop_schwa, latin)
    if script in _SCHWA_DELETING:
        latin = _FINAL_SCHWA.sub("", latin)  # Dravidian words keep their final vowel (അര ara, ಅರ್ಧ ardha)
    latin = latin.replace("M", "n").replace("H", "").replace("è", "e").replace("ò", "o")
    latin = latin.replace("R", "r").replace(".", "").replace("^", "")
    return latin


_TAMIL_STOP = re.compile(r"(gh|jh|Dh|dh|bh)")
_TAMIL_UNVOICED = {"gh": "k", "jh": "s", "Dh": "T", "dh": "t", "bh": "p"}
_TAMIL_VOICED = {"gh": "g", "jh": "j", "Dh": "D", "dh": "d", "bh": "b"}


def _tamil_stops(latin: str) -> str:
    """Tamil letters have no voicing; ITRANS writes them all voiced-aspirated. Use how people type:
    voiced after a nasal (ரெண்டு rendu, பஞ்சு panju), k/t/T voiced between vowels, else unvoiced."""
    out: list[str] = []
    pos = 0
    for m in _TAMIL_STOP.finditer(latin):
        stop = m.group(1)
        before = latin[:m.start()]
        prev = before[-1:] if before else ""
        after = latin[m.end():m.end() + 1]
        if stop == "jh" and latin[m.end():m.end() + 2] == "jh":
            letter = "c"  # ச்ச is "ch" (பச்சை pachai, ஆச்சி aachi); with the next "s" it folds to ch
        elif stop == "jh" and before.endswith("c"):
            letter = "ch"
        elif prev in ("n", "N", "M", "m") or before.endswith("~N") or before.endswith("~n"):
            letter = _TAMIL_VOICED[stop]
        elif prev and prev in "aeiouAEIOUèò" and after and after in "aeiouAEIOUèò" and stop in ("gh", "Dh", "dh"):
            letter = _TAMIL_VOICED[stop]
        else:
            letter = _TAMIL_UNVOICED[stop]
        out.append(latin[pos:m.start()])
        out.append(letter)
        pos = m.end()
    out.append(latin[pos:])
    return "".join(out)


# Function words (numbers, units, verbs, fillers) are compared by a key that keeps what tells them
# apart: the Latin fold merges दाल (lentil) with डाल (put), "dhai" (2.5) with "de" (give).
_LONG_VOWELS = str.maketrans({"A": "a", "I": "i", "U": "u", "E": "e", "O": "o", "N": "n"})
_LATIN_LONG = (("aa", "a"), ("ee", "i"), ("ii", "i"), ("oo", "u"), ("uu", "u"))
# One character per letter, so a native key is as long as the word (case endings are cut by length).
_DIGRAPHS = (("Ch", "C"), ("chh", "C"), ("kh", "K"), ("gh", "G"), ("ch", "c"), ("jh", "J"), ("Th", "Q"),
             ("Dh", "X"), ("th", "θ"), ("dh", "ð"), ("ph", "P"), ("bh", "B"), ("Sh", "ṣ"), ("sh", "ś"))


@lru_cache(maxsize=65536)
def script_key(word: str) -> str:
    """A key of the word in its own script's sounds: vowel length and nasal letters merged (people
    misspell those), retroflex/dental and aspirated/plain consonants kept apart (they change the word)."""
    script = token_script(word)
    if script in _SCHEMES:
        s = native_to_latin(word, script).replace("~n", "n")
        for a, b in _DIGRAPHS:
            s = s.replace(a, b)
        s = s.translate(_LONG_VOWELS)
    else:
        s = _NON_LETTERS.sub("", unicodedata.normalize("NFKD", word.lower()))
    for a, b in _LATIN_LONG:
        s = s.replace(a, b)
    return _REPEATS.sub(r"\1", s) if script not in _SCHEMES else s
