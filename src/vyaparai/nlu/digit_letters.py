"""Digits typed for the letters they look like ("tw0", "f1ve", "0nion", "c0lgate"): read back as letters.

Only 0 for o and 1 for i or l, the swaps people make, and only inside a word that starts with a letter
(or a 0): "2kg", "1l", "500g" and "maggi10" keep their numbers. A 1, or a 0 that ends a word, turns into a
letter only when that gives a word the nlu knows (a number word, a unit, a lexicon grocery word) and the
letters before it are no such word on their own ("dal1" is one dal). A 0 between letters is never an
amount, so it is an o even in a brand the nlu cannot know ("c0lgate")."""
from __future__ import annotations

from functools import lru_cache
from itertools import product

import regex

from vyaparai.nlu import lexicon, numbers, units
from vyaparai.nlu.translit import word_key

# A Latin word with a 0 or 1 in it, starting with a letter or a 0 ("0nion"); digits 2-9 leave it alone.
_MIXED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?=[a-z0]*[a-z])[a-z0][a-z01]*(?![\p{L}\p{M}\p{N}])")
_LOOKS_LIKE = {"0": ("o",), "1": ("i", "l")}
_MAX_SWAPS = 3


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    words = {k for k in lexicon.load().concepts_of if " " not in k}
    return frozenset(words | set(numbers.any_amount_word()) | set(units.unit_words()))


def read_letters(text: str) -> str:
    """The lower-case text with letter-like digits inside words read as those letters."""
    if not any(c in text for c in "01"):
        return text
    return _MIXED.sub(_as_letters, text)


def _as_letters(m: regex.Match) -> str:
    word = m.group(0)
    slots = [i for i, c in enumerate(word) if c in _LOOKS_LIKE]
    if not slots or len(slots) > _MAX_SWAPS or regex.search(r"1[01]|[01]1", word):
        return word  # "maggi10", "atta100": a number glued to a word
    known = _known()
    if word[-1] in "01" and word_key(word.rstrip("01")) in known:
        return word  # "dal1", "tw0"-like but the letters are a word already: a count after it
    for letters in product(*(_LOOKS_LIKE[word[i]] for i in slots)):
        candidate = list(word)
        for i, letter in zip(slots, letters):
            candidate[i] = letter
        if word_key("".join(candidate)) in known:
            return "".join(candidate)
    if word[-1] in "01" or _a_count_between(word, known):
        return word
    return "".join(_guess(word, i) if c in _LOOKS_LIKE else c for i, c in enumerate(word))


def _a_count_between(word: str, known: frozenset[str]) -> bool:
    """"atta1kg", "cheeni1packet": a word, a count and a unit run together, not one word."""
    head, _, tail = regex.match(r"([a-z0]*?)([01]+)([a-z].*)", word).groups()
    return word_key(head) in known or word_key(tail) in units.unit_words()


def _guess(word: str, i: int) -> str:
    """A zero is an o; a one between consonants is an i ("r1n", "m1lk"), by a vowel an l ("sa1t")."""
    if word[i] == "0":
        return "o"
    near = word[i - 1:i] + word[i + 1:i + 2]
    return "l" if any(c in "aeiou" for c in near) else "i"
