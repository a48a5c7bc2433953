"""A script-neutral sound key for brand and variant words, as Indians write English words in any script."""
from __future__ import annotations

import re
from functools import lru_cache

# Why hand-written: indic-transliteration (used by translit.py before this step) gives each letter of
# each script its Latin spelling, but no library knows how an English brand word is *respelled* in an
# Indian script: Tamil and Malayalam write "Gold" with k (no voiced stops, கோல்ட்), Bengali writes v as
# ব (b), Punjabi and Devanagari drop the nukta of z/f, every Dravidian script adds a vowel after a final
# consonant (சோப்பு), and "G" of Parle-G is written as its letter name (জি, "ji"). A pronouncing
# dictionary (cmudict) covers English words only, not the native spellings. So the key merges the
# sound classes that these spellings confuse, and keeps the consonant frame that all of them share.
# The input is a folded Latin key (translit.word_key), so native text meets English text here.

_SILENT = [(re.compile(r"ig(?=t|$)"), "i"),  # light, night: the gh of English is not said ("lait")
           # w written as a vowel: উইনার (winner); Bengali ওয়াশ (wash) is keyed with its w already
           # (translit), and a leading "oi" is an English oi there (অয়েল, oil)
           (re.compile(r"^u(?=[aei])"), "v"),
           (re.compile(r"(?<=..)ev$"), "iu"),
           (re.compile(r"(?<=.)ai$"), "e"),  # a final "ay" (Good Day) is one long e: ಡೇ, ഡേ, डे  # a final English "ew" is said, and written, as a vowel: ಕ್ಯಾಶ್ಯೂ (cashew)
           (re.compile(r"(?:^|(?<=[^aeiou]))kn"), "n"),  # knight, and "goodknight" run together
           (re.compile(r"^vr"), "r"), (re.compile(r"mb$"), "m"),
           (re.compile(r"^g(?=[ei])"), "j"),  # soft g: Gel, Ginger, Gillette are "jel", "jinjar", "jillet"
           (re.compile(r"ti(?=on|an)"), "s"),  # lotion, "losan"
           (re.compile(r"(?<=[a-z])tu(?=ne$|re$)"), "chu"),  # fortune, picture: "farchun" (not Santoor)
           (re.compile(r"cs"), "s"),  # Tamil ச்ச comes out as "cs" (ஆச்சி, aachi)
           (re.compile(r"c(?=[ei])"), "s"),  # soft c: excel, "eksel"
           (re.compile(r"ch|c"), lambda m: "S" if m.group() == "ch" else "K")]
# One class per group of sounds the scripts trade for one another.
_CLASSES = str.maketrans({
    "k": "K", "g": "K", "q": "K", "K": "K",            # Tamil/Malayalam have one letter for k and g
    "t": "T", "d": "T",                                 # and for t/d (retroflex or dental alike)
    "p": "P", "b": "P", "f": "P", "v": "P",             # p/b in Tamil, v written ব in Bengali, f as ப/फ
    "s": "S", "j": "S", "z": "S", "S": "S",             # ச is s, ch or j; ज़ loses its nukta
    "m": "N", "n": "N",                                 # anusvara and final ം are m or n by position
    "l": "L", "r": "R", "h": "",
    "e": "i", "i": "i", "o": "u", "u": "u", "a": "a",   # "lite" is லைட் (ai -> e): e/i and o/u trade places
})
_VOWELS = "aiu"
_REPEATS = re.compile(r"(.)\1+")
_R_BEFORE_CONSONANT = re.compile(r"(?<=[aiu])R(?=[KTPSNLR])")

# Letter names as Indians say them: "Parle-G" is "parle ji", "MTR" is "em ti ar".
LETTER_NAMES = {
    "a": "e", "b": "bi", "c": "si", "d": "di", "e": "i", "f": "ef", "g": "ji", "h": "ech", "i": "ai",
    "j": "je", "k": "ke", "l": "el", "m": "em", "n": "en", "o": "o", "p": "pi", "q": "kyu", "r": "ar",
    "s": "es", "t": "ti", "u": "yu", "v": "vi", "w": "dablyu", "x": "eks", "y": "vai", "z": "jed",
}


@lru_cache(maxsize=65536)
def sound_spelling(latin_key: str) -> str:
    """The word in sound classes, vowels kept (three of them) but not the final one: "colgate" -> KuLKaT."""
    s = latin_key
    for pattern, replacement in _SILENT:
        s = pattern.sub(replacement, s)
    s = _REPEATS.sub(r"\1", s.translate(_CLASSES))
    return s.rstrip(_VOWELS) if len(s.rstrip(_VOWELS)) >= 2 else s


@lru_cache(maxsize=65536)
def sound_key(latin_key: str) -> str:
    """The consonant frame of a word's sound, with "a" marking a leading vowel: "excel" and
    "eksel" -> aKSL, "gold" and "kolt" -> KLT. Empty when nothing is left to compare."""
    spelled = sound_spelling(latin_key)
    lead = "a" if spelled[:1] in _VOWELS else ""
    # An r before a consonant is not said in the English most brand names come from: Malayalam writes
    # Eastern as ഈസ്റ്റേൺ, with no r; Tamil keeps it (ஈஸ்டர்ன்). The frame leaves it out for both.
    frame = _REPEATS.sub(r"\1", "".join(c for c in _R_BEFORE_CONSONANT.sub("", spelled) if c not in _VOWELS))
    return lead + frame if frame else ""


def spell_letters(word: str) -> str | None:
    """The letter names of an initialism or a lone letter as said aloud ("G" -> "ji", "MTR" ->
    "emtiar"), or None for an ordinary word."""
    letters = word.replace(".", "")
    if not letters.isascii() or not letters.isalpha():
        return None
    lone = len(letters) == 1
    initials = 2 <= len(letters) <= 4 and letters.isupper() and not any(c in "AEIOU" for c in letters)
    if not (lone or initials):
        return None
    return "".join(LETTER_NAMES[c] for c in letters.lower())


def said_as(latin_key: str) -> set[str]:
    """The ways a name word may be said: as spelled, and with its g the other way where English is
    unsure ("Gits" is "kits", "Magic" is "majik", "Maggi" stays hard): a store's word is findable by each.
    And as the Indian scripts respell English vowels: a short o written as a long a (டெட்டால் Dettol,
    ஹார்லிக்ஸ் Horlicks, காபி coffee), "ar" before a vowel as "er" (मैरी Marie, पैराशूट Parachute), a
    final "ie" as one i."""
    ways = {latin_key}
    if latin_key[:1] == "g" and latin_key[1:2] in ("e", "i"):
        ways.add("k" + latin_key[1:])
    ways |= {latin_key[:i] + "j" + latin_key[i + 1:] for i in range(1, len(latin_key) - 1)
             if latin_key[i] == "g" and latin_key[i + 1] in "ei" and latin_key[i - 1] != "g"}
    return ways | {way for w in ways for way in _vowels_respelled(w)}


_SHORT_O = re.compile(r"(?<=[^aeiou])o(?!l[^aeiou])(?=[^aeiouy](?:[^aeiou]|$))")  # Dettol, Horlicks; not go, Boost, Gold
_AR_VOWEL = re.compile(r"(?<=^[^aeiou])ar(?=[aeiou])")  # Marie, Parachute, Carrot: said "mer-", "per-"
_FINAL_IE = re.compile(r"(?<=[^aeiou])ie$")


def _vowels_respelled(latin_key: str) -> set[str]:
    ways = {_SHORT_O.sub("a", latin_key), _FINAL_IE.sub("i", latin_key)}
    ways |= {_AR_VOWEL.sub("er", w) for w in tuple(ways)}
    return ways - {latin_key}
