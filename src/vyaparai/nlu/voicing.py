"""Tamil letters that stand for two sounds: a Tamil-script word the lexicon does not know as keyed is the
lexicon word it spells with the other sound (சில்லி is chilli, க்ரீன் green, டீ tea)."""
from __future__ import annotations

from collections.abc import Collection
from itertools import product

from vyaparai.nlu import lexicon
from vyaparai.nlu.tokens import Token

# Tamil writes k/g, t/d, p/b with one letter each, and ச is s, ch or j: the key picks one of them.
_OTHER_SOUND = {"k": ("g",), "g": ("k",), "t": ("d",), "d": ("t",), "p": ("b",), "b": ("p",),
                "s": ("ch", "j"), "j": ("s", "ch")}
_MAX_PLACES = 4  # letters tried the other way, at most (2^4 spellings of a word)


def read_other_sounds(tokens: list[Token], brands: Collection[str]) -> None:
    """`brands`: keys of the store's brand words, which stay as keyed."""
    concepts = lexicon.load().concepts_of
    for t in tokens:
        if (t.kind != "word" or t.flags or t.script != "Taml" or len(t.key) < 2 or t.key in concepts
                or t.key in brands):
            continue
        found = [(changes, k) for changes, k in _spellings(t.key) if k in concepts]
        fewest = [k for changes, k in found if changes == min(found)[0]] if found else []
        if len({frozenset(concepts[k]) for k in fewest}) == 1:  # one meaning, by the fewest letters changed
            t.key, t.respelled = min(fewest), True


def _spellings(k: str) -> set[tuple[int, str]]:
    """The other spellings of a key, each with how many letters it changes."""
    places = [i for i, c in enumerate(k) if c in _OTHER_SOUND][:_MAX_PLACES]
    options = [(k[i], *_OTHER_SOUND[k[i]]) for i in places]
    out: set[tuple[int, str]] = set()
    for choice in product(*options):
        letters = list(k)
        for i, c in zip(places, choice):
            letters[i] = c
        spelled = "".join(letters)
        if spelled != k:
            out.add((sum(c != k[i] for i, c in zip(places, choice)), spelled))
    return out
