"""Lookup structures over one catalog's terms: exact keys, concepts, consonant skeletons, trigrams."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.terms import Term, name_words, pack_count, skeleton, terms_of
from vyaparai.nlu.pipeline import key

FUZZY_CUTOFF = 80.0
_MAX_FUZZY_CANDIDATES = 60


@dataclass(slots=True)
class Entry:
    """One product as the matcher sees it."""

    record: ProductRecord
    position: int  # order in the catalog: the shop lists its usual items first
    name: list[Term]
    aliases: list[list[Term]]
    pack_count: int | None
    keys: frozenset[str] = frozenset()  # every term key, for quick lookups while scoring
    concepts: frozenset[str] = frozenset()  # every term concept
    brand: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        terms = self.all_terms
        self.keys = frozenset(t.key for t in terms)
        self.concepts = frozenset(c for t in terms for c in t.concepts)
        self.brand = tuple(t.key for t in self.name if t.role == "brand")

    @property
    def all_terms(self) -> list[Term]:
        return self.name + [t for a in self.aliases for t in a]


def make_entry(record: ProductRecord, position: int, lexicon) -> Entry:
    brand_keys = frozenset(key(record.brand).split()) if record.brand else frozenset()
    name = terms_of(name_words(record.name), brand_keys, lexicon)
    if record.brand and not any(t.role == "brand" for t in name):
        name = terms_of(record.brand.replace("'", "").split(), brand_keys, lexicon) + name
    aliases = [terms_of(name_words(a), brand_keys, lexicon) for a in record.aliases if a.strip()]
    return Entry(record, position, name, [a for a in aliases if a], pack_count(record.name))


@dataclass
class TermIndex:
    """key -> products, concept -> products, and a trigram index to find near spellings of a key."""

    by_key: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    brand_keys: set[str] = field(default_factory=set)
    by_name_skeleton: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    concept_words: set[str] = field(default_factory=set)
    by_concept: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_skeleton: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_trigram: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _near: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def add(self, product: int, term: Term) -> None:
        if term.key not in self.by_key:
            self._add_spelling(term.key)
        self.by_key[term.key].add(product)
        if term.role == "brand":
            self.brand_keys.add(term.key)
        for c in term.concepts:
            self.by_concept[c].add(product)

    def add_spelling(self, k: str) -> None:
        """A known word that names no product by itself (a lexicon word), for spelling repair."""
        if k not in self.by_key:
            self._add_spelling(k)
            self.by_key.setdefault(k, set())

    def _add_spelling(self, k: str) -> None:
        sk = skeleton(k)
        if len(sk) >= 3:
            self.by_skeleton[sk].add(k)
        for g in trigrams(k):
            self.by_trigram[g].add(k)

    def canonical(self, k: str) -> str:
        """The known spelling a word stands for: itself, its stem without a case ending
        (मॅगीचे -> megi, onions -> onion) or a very close spelling (gavhachan -> gavhache)."""
        if k in self.by_key:
            return k
        options = [(sim, other) for other, sim in self.near(k) if sim >= 0.85 and self.meaningful(other)]
        options += [(1.0 - 0.05 * cut, k[:-cut]) for cut in range(1, min(3, len(k) - 3) + 1)
                    if self.meaningful(k[:-cut])]
        return max(options)[1] if options else k

    def meaningful(self, k: str) -> bool:
        """A product word, or a lexicon word that names a concept on its own."""
        return bool(self.by_key.get(k)) or k in self.concept_words

    def add_concept_word(self, k: str) -> None:
        self.concept_words.add(k)
        self.add_spelling(k)

    def near(self, k: str) -> tuple[tuple[str, float], ...]:
        """Known keys spelled like k, with a similarity 0-1 (typos, other scripts' spellings)."""
        if k in self._near:
            return self._near[k]
        found: dict[str, float] = {}
        if len(k) >= 3:
            counts: dict[str, int] = defaultdict(int)
            for g in trigrams(k):
                for other in self.by_trigram.get(g, ()):
                    counts[other] += 1
            shortlist = sorted(counts, key=counts.__getitem__, reverse=True)[:_MAX_FUZZY_CANDIDATES]
            for other in shortlist:
                score = fuzz.ratio(k, other)
                if score >= FUZZY_CUTOFF and other != k:
                    found[other] = score / 100
            for other in self.by_skeleton.get(skeleton(k), ()):
                if other != k and len(skeleton(k)) >= 3:
                    found[other] = max(found.get(other, 0), 0.82)
        result = tuple(sorted(found.items(), key=lambda kv: -kv[1])[:5])
        if len(self._near) < 100_000:
            self._near[k] = result
        return result


def name_skeletons(entry: Entry) -> set[str]:
    """Consonant skeletons of a product's brand+name words and of its aliases ("thums up" -> thmsp)."""
    views = [entry.name, *entry.aliases]
    brand = [t for t in entry.name if t.role == "brand"]
    out = {skeleton("".join(t.key for t in v)) for v in views}
    if brand:
        out.add(skeleton("".join(t.key for t in brand)))
    return {s for s in out if len(s) >= 3}


def trigrams(k: str) -> set[str]:
    padded = f" {k} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
