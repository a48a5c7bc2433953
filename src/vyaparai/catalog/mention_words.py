"""A mention's words as units to score: each word's known spelling, the lexicon phrase two words spell, its sounds."""
from __future__ import annotations

from vyaparai.catalog.index import TermIndex
from vyaparai.catalog.pack_words import size_said
from vyaparai.catalog.scoring import Unit, alike_in_sound, lone_near, mention_units
from vyaparai.catalog.terms import terms_of
from vyaparai.nlu.phonetic import sound_key

_SOUND_WINS = 0.9
_NAME_HEARD = 0.95  # a word said as the name word is spelled, by sound: surer than any lexicon phrase it is like  # a sound match this close beats a near spelling of a lexicon word


def units_of(words: list[str], terms: TermIndex, lexicon) -> list[Unit]:
    """The words as units, each read with its known spelling where it has one."""
    canonical = phrase_spelled([canonical_word(k, terms) for k in words], terms, lexicon)
    if len(words) == 1 and one_letter_slip(canonical[0], words[0]):
        words = canonical  # read as the word meant, as if typed right
    elif len(words) == 1 and not _lone_reading(words[0], canonical[0], terms):
        canonical = list(words)  # one word alone: "ariel" is no nariel (coconut), a letter short
    tagged = terms_of(canonical, frozenset(), lexicon, keyed=True)
    if len(tagged) != len(words):
        return mention_units(canonical, [t.concepts for t in tagged], terms, lexicon)
    return mention_units(words, [t.concepts for t in tagged], terms, lexicon, canonical, lone=len(words) == 1)


def _lone_reading(said: str, known: str, terms: TermIndex) -> bool:
    """A word said alone is read as its known spelling only when it sounds like it and is close enough
    (scoring.lone_near); a stem without its ending ("onions") is always close."""
    sim = dict(terms.near(said)).get(known, 1.0)
    return alike_in_sound(known, said) and lone_near(terms, said, (known, sim))


def one_letter_slip(known: str, said: str) -> bool:
    """A long word with one letter typed wrong after the first ("horlics" for Horlicks' horliks): a slip of
    the finger, unlike a letter more or less ("ariel" is no nariel) that makes another word."""
    return (len(said) == len(known) >= 6 and said[0] == known[0]
            and sum(a != b for a, b in zip(said, known)) == 1)


def canonical_word(k: str, terms: TermIndex) -> str:
    """The known spelling of a word, unless it is unknown and sounds just like a name word of the
    store: "लाइट" (let) is the Lite of a product name, not a misspelt lexicon word (letr, lighter)."""
    if size_said(k, terms):
        return k  # "bada" is big, not a Badam spelt short
    known, sure = terms.canonical(k)
    if known != k and not terms.by_key.get(k) and any(s >= min(_SOUND_WINS, sure) for _, s in terms.sounds(k)):
        return k  # ஈஸ்டர்ன் sounds like Eastern more than its first letters spell a lexicon word
    return known


def phrase_spelled(keys: list[str], terms: TermIndex, lexicon) -> list[str]:
    """Two neighbouring words that sound like the two words of a lexicon phrase are that phrase, as an
    English name is respelled in every script: "sanbilavar ail" (சன்பிளவர் ஆயில்) and "sanaflavar aiel"
    (সানফ্লাওয়ার অয়েল) are the lexicon's sunflower oil, though neither word alone is a word of it."""
    out = list(keys)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if lexicon.concepts(f"{a} {b}") or (terms.meaningful(a) and terms.meaningful(b)):
            continue
        found = terms.phrase_sounds.get((sound_key(a), sound_key(b)))
        if found and not _heard_as_other(terms, (a, b), found[0].split()):
            out[i], out[i + 1] = found[0].split()
        elif terms.meaningful(a):
            out[i + 1] = _heard_after(a, b, terms, lexicon)
    return out


def _heard_as_other(terms: TermIndex, said: tuple[str, str], phrase: list[str]) -> bool:
    """A word of the two sounds just like a store's name word that is not the phrase's: "kin masala"
    (கிங் மசாலா) is King masala of Kitchen King where the shop sells it, not garam masala."""
    return any(sim >= _NAME_HEARD and other != meant for k, meant in zip(said, phrase)
               for other, sim in terms.sounds(k))


def _heard_after(a: str, b: str, terms: TermIndex, lexicon) -> str:
    """An unknown word after a known one that sounds just like the word completing a lexicon phrase with it:
    "mirch podr" (मिर्च पाउडर, its vowels lost in transliteration) is the lexicon's mirch povder."""
    for other, sim in terms.sounds(b):
        if sim >= _SOUND_WINS and lexicon.concepts(f"{a} {other}"):
            return other
    return b
