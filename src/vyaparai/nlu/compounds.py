"""Two grocery words written as one (কাঁচালঙ্কা for কাঁচা লঙ্কা, శనగపిండి, పచ్చిమిర్చి): a word the lexicon
does not know that splits, at a letter boundary, into the two words of one of its phrases is that phrase."""
from __future__ import annotations

import unicodedata

from vyaparai.nlu import lexicon
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import key

_SHORTEST_PART = 2  # letters (with their marks) on each side of the cut


def read_compounds(tokens: list[Token]) -> None:
    """Give each joined phrase the phrase's key, so it is read as that product."""
    known = lexicon.load().concepts_of
    for t in tokens:
        if t.kind != "word" or t.flags or t.text.isascii() or t.key in known or len(t.text) < 5:
            continue
        phrase = _phrase_of(t.text, known)
        if phrase:
            t.key, t.respelled = phrase, True


def _phrase_of(text: str, known) -> str | None:
    for cut in _cuts(text):
        phrase = f"{key(text[:cut])} {key(text[cut:])}"
        if phrase in known:
            return phrase
    return None


def _cuts(text: str) -> list[int]:
    """Places where a new letter begins: not before a vowel sign or other mark, not after a virama
    (that would split a conjunct)."""
    cuts = []
    for i in range(1, len(text)):
        if unicodedata.category(text[i]).startswith("M") or "VIRAMA" in unicodedata.name(text[i - 1], ""):
            continue
        if _letters(text[:i]) >= _SHORTEST_PART and _letters(text[i:]) >= _SHORTEST_PART:
            cuts.append(i)
    return cuts


def _letters(s: str) -> int:
    return sum(1 for c in s if not unicodedata.category(c).startswith("M"))
