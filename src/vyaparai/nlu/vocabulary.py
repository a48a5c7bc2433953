"""What the nlu may know of a store's products: the keys of their words, to tell product words from noise."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.units import spelled_as_unit, unit_words
from vyaparai.nlu.tokens import Token


@dataclass(frozen=True)
class Vocabulary:
    """Keys of product words (names, brands, aliases, lexicon words) a catalog provides.
    `spelled_like`, when the catalog gives one, finds close spellings faster than a scan."""

    words: frozenset[str]
    spelled_like: Callable[[str], bool] | None = field(default=None, compare=False)
    brands: frozenset[str] = frozenset()  # keys of the store's brand words ("maaza", "amul")
    # Numbers that are words of a store's names, with the name word after them: ("3", "roses"), ("7", "up").
    numbered: frozenset[tuple[str, str]] = frozenset()

    def knows(self, k: str, exact: bool = False) -> bool:
        """The key is a product word (exactly, or - unless `exact` - a close spelling of one)."""
        if k in self.words:
            return True
        if exact or len(k) < 4:
            return False
        if self.spelled_like is not None:
            return self.spelled_like(k)
        return _closest(self, k) is not None

    def __hash__(self) -> int:
        return id(self)


def join_name_numbers(tokens: list[Token], vocabulary: Vocabulary) -> list[Token]:
    """A number and the word after it that spell a store's name ("3 Roses", "7 Up", "5 Star") become one
    name word, so the number is not read as how many: "2 5 star" is two of 5 Star."""
    if not vocabulary.numbered:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == "num" and nxt is not None and nxt.kind == "word" and _spells_name(t, nxt, vocabulary):
            digits = _digits(t.value)
            out.append(Token(digits + nxt.text, digits + nxt.key, nxt.script))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def brands_over_units(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"ek ghadi powder", "2 ghadi": a pack word met only through its folded key ("ghadi" folds as "gaddi",
    a bunch) that is a brand of this store is the brand. Typed as the unit is spelled ("2 gaddi methi"),
    it stays a unit."""
    for t in tokens:
        if (t.kind == "unit" and t.unit in ("pack", "piece") and t.key in vocabulary.brands
                and not spelled_as_unit(t.text)):
            t.kind, t.unit = "word", None


def pack_words_after_brands(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"વિમ બાર આપો", "વિમ બાર 3": a number word that sounds like a pack word of this store's names (Gujarati
    બાર, twelve, and "bar"), said right after a brand and followed by no unit or product word, is that pack
    word. Before a unit or a product ("બાર પેકેટ", "બાર ઈંડા") it is still the number."""
    for i, t in enumerate(tokens):
        if (t.kind != "num" or t.text.isascii() or i == 0 or tokens[i - 1].key not in vocabulary.brands
                or unit_words().get(t.key) != "pack" or not vocabulary.knows(t.key, exact=True)):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or nxt.kind in ("num", "sep") or (nxt.kind == "word" and nxt.flags):
            t.kind, t.value, t.unit = "unit", None, "pack"


def _digits(value: float | None) -> str:
    return str(int(value)) if value is not None and float(value).is_integer() else ""


def _spells_name(number: Token, word: Token, vocabulary: Vocabulary) -> bool:
    digits = _digits(number.value)
    if not digits:
        return False
    return any(d == digits and (w == word.key or sound_key(w) == sound_key(word.key) != "")
               for d, w in vocabulary.numbered)


@lru_cache(maxsize=4096)
def _closest(vocabulary: Vocabulary, k: str) -> str | None:
    found = process.extractOne(k, _sorted(vocabulary), scorer=fuzz.ratio, score_cutoff=80)
    return found[0] if found else None


@lru_cache(maxsize=8)
def _sorted(vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(sorted(w for w in vocabulary.words if len(w) >= 3))
