"""Latin words whose folded key is both a grocery word and a function word: which one they are here."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from vyaparai.nlu import lexicon, signals
from vyaparai.nlu.translit import script_key

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# Verbs spelled exactly like a grocery word: Hindi "daal" (put) and daal (lentil).
_PUT_VERBS = frozenset({"daal", "dal", "daalo"})
# The give-auxiliary after a main verb ("daal do", "daal dijiye").
_AUXILIARIES = frozenset({"do", "de", "dena", "dijiye", "dijie", "dedo"})
# Praise idioms that hold a number word ("ek number maal", "number one quality", "first class"): about
# how good the goods should be, never a count or a product. Pairs of word keys.
_PRAISE = frozenset({("ek", "number"), ("number", "one"), ("number", "1"), ("first", "class"), ("ek", "dam"),
                     ("एक", "नंबर"), ("नंबर", "वन")})
# Token kinds of a number or fraction word.
_NUMBER_KINDS = ("num", "frac", "mod")


@lru_cache(maxsize=64)
def _spellings(signal: str) -> frozenset[str]:
    """The signal's romanized words by `script_key`, which keeps what the fold merges (patta / pata)."""
    return frozenset(script_key(w) for words in signals.TABLE[signal].values() for w in words.split()
                     if w.isascii())


@lru_cache(maxsize=64)
def _native_words(signal: str) -> frozenset[str]:
    return frozenset(w for words in signals.TABLE[signal].values() for w in words.split() if not w.isascii())


def keep_signal(text: str, k: str, signal: str) -> bool:
    """A word matched a signal through the fold: keep that reading unless the word is a grocery
    word spelled otherwise than every signal word ("kadi patta" is a leaf, "pata" an address), or a
    two-letter word, whose fold meets unrelated abbreviations ("kr", karo, folds to "qr", the UPI code)."""
    if not text.isascii():
        # എണ്ണ (oil) and എന്നാ (so) fold alike: a word written exactly as a grocery word is that word
        return text not in lexicon.load().native_spellings or text in _native_words(signal)
    if len(text) <= 2 or k in lexicon.load().concepts_of:
        return script_key(text) in _spellings(signal)
    return True


def read_put_verbs(tokens: list[Token]) -> None:
    """"maggi daal do" puts Maggi in; "1 kilo daal do" and "moong daal do" ask for lentils: "daal"
    before a give-auxiliary is the verb when the sentence already named another product before it,
    and that product and "daal" make no grocery phrase together."""
    phrases = lexicon.load().concepts_of
    for i, t in enumerate(tokens[1:-1], start=1):
        if t.text not in _PUT_VERBS or tokens[i + 1].text not in _AUXILIARIES:
            continue
        before = tokens[:i]
        named = any(b.kind == "word" and not b.flags and len(b.key) >= 3 for b in before)
        if named and f"{tokens[i - 1].key} {t.key}" not in phrases:
            t.flags = t.flags | {"want"}


def read_grocery_phrases(tokens: list[Token]) -> None:
    """A word that is a signal alone but half of a grocery phrase with its neighbour is that grocery:
    "kadi patta" is curry leaves, not an address ("patta"), whatever the signal tables say. So is a
    number word that begins a grocery phrase: "panch phoron" is one spice blend, not five of something.
    And a pack word: "bottle gourd" is a vegetable, not a bottle of gourd."""
    phrases = lexicon.load().concepts_of
    for prev, t in zip(tokens, tokens[1:]):
        pack = prev.kind == "unit" and prev.unit in ("pack", "piece")  # "dozen eggs" stays a dozen
        if (prev.kind in ("word", *_NUMBER_KINDS) or pack) and t.kind == "word" and f"{prev.key} {t.key}" in phrases:
            if prev.kind != "word":
                if prev.text[:1].isdigit():
                    continue  # digits are a count even before a name: "5 phoron" is not the spice blend
                prev.kind, prev.value, prev.unit = "word", None, None  # "panch phoron": part of the name
            prev.flags, t.flags = frozenset(), frozenset()


def read_praise(tokens: list[Token]) -> None:
    """"ek number maal bhejna", "first class tamatar": the idiom praises the goods; both words are fillers."""
    for prev, t in zip(tokens, tokens[1:]):
        if (prev.text.lower(), t.text.lower()) in _PRAISE:
            for token in (prev, t):
                token.kind, token.value, token.unit, token.flags = "word", None, None, frozenset({"filler"})
