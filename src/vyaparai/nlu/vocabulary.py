"""What the nlu may know of a store's products: the keys of their words, to tell product words from noise."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process


@dataclass(frozen=True)
class Vocabulary:
    """Keys of product words (names, brands, aliases, lexicon words) a catalog provides.
    `spelled_like`, when the catalog gives one, finds close spellings faster than a scan."""

    words: frozenset[str]
    spelled_like: Callable[[str], bool] | None = field(default=None, compare=False)
    brands: frozenset[str] = frozenset()  # keys of the store's brand words ("maaza", "amul")

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


@lru_cache(maxsize=4096)
def _closest(vocabulary: Vocabulary, k: str) -> str | None:
    found = process.extractOne(k, _sorted(vocabulary), scorer=fuzz.ratio, score_cutoff=80)
    return found[0] if found else None


@lru_cache(maxsize=8)
def _sorted(vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(sorted(w for w in vocabulary.words if len(w) >= 3))
