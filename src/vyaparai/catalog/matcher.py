"""Match an item mention to one store's products: ranked candidates, and matched / ambiguous / not found."""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vyaparai.catalog.amounts import amount_bonus
from vyaparai.catalog.decisions import KIND_CONTENDERS, all_own_words, brand_alone, kinds_apart, of_the_kind
from vyaparai.catalog.entry import Entry, make_entry
from vyaparai.catalog.heard import (name_skeletons, name_sounds, rest_explained, sounds_like, sounds_like_fit,
                                    split_brands_joined)
from vyaparai.catalog.index import TermIndex, phrase_sounds
from vyaparai.catalog.mention_words import units_of
from vyaparai.catalog.name_runs import phrase_bonus
from vyaparai.catalog.near_kinds import near_kinds
from vyaparai.catalog.pack_words import as_memory, is_colour, said_in_no_name, size_said, variants_left_open
from vyaparai.catalog.packs import (apply_size_hint, apply_size_number, packed_over_loose, prefer_fewest_packs,
                                   said_forms, sizes_asked)
from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.regular import settle
from vyaparai.catalog.scoring import Fit, excluded, fit, hint_units
from vyaparai.catalog.terms import skeleton
from vyaparai.nlu import lexicon as lexicon_module
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.types import ItemMention
from vyaparai.nlu.vocabulary import Vocabulary

MATCH_THRESHOLD = 55.0  # below this the store does not have what was asked for ("amul cheese": brand only)
AMBIGUITY_MARGIN = 4.0  # candidates this close are the same answer unless a rule separates them
_EXCLUDED_PENALTY = 40.0
_MAX_CANDIDATES = 80  # scoring one product costs ~20 µs: a generic word in a 10k catalog names hundreds
_SIBLING_BONUS = 5.0  # "X nahi, Y": Y is most likely another variant of X's brand
_LIKE_BONUS = 8.0  # the brand's product of the kind just asked for
_LIKE_FIT = 60.0
_MATCHES_KEPT = 4096  # mentions remembered per index (a few MB at most)
_ONLY_BY_SOUND = 75.0  # a whole name run together, known by nothing but its sound (દંતકાંતિ), not "cintol"


@dataclass(frozen=True)
class Match:
    decision: str  # matched, ambiguous, not_found
    product: ProductRecord | None = None
    candidates: tuple[tuple[ProductRecord, float], ...] = ()
    alternatives: tuple[ProductRecord, ...] = field(default=())


@dataclass
class _Scored:
    entry: Entry
    words: float
    score: float
    fit: Fit = Fit(0.0)


class ProductIndex:
    """One store's products, ready to match mentions against."""

    def __init__(self, entries: list[Entry], terms: TermIndex, lexicon) -> None:
        self._entries = entries
        self._terms = terms
        self._lexicon = lexicon
        self._vocabulary: Vocabulary | None = None
        self._by_category: dict[str, list[Entry]] | None = None
        self._likely: list[int] | None = None
        self._matches: dict[tuple[ItemMention, int], Match] = {}
        self._by_sku: dict[str, ProductRecord] | None = None

    @classmethod
    def build(cls, records: Iterable[ProductRecord], lexicon=None) -> ProductIndex:
        lexicon = lexicon or lexicon_module.load()
        entries = [make_entry(r, i, lexicon) for i, r in enumerate(records)]
        terms = TermIndex()
        near = near_kinds(lexicon)
        for i, entry in enumerate(entries):
            for t in entry.all_terms:
                terms.add(i, t)
            entry.near_kinds = frozenset(n for c in entry.kind for n in near.get(c, ())) - entry.concepts
            for c in entry.near_kinds:
                terms.by_near_kind[c].add(i)
            for sk in name_skeletons(entry):
                terms.by_name_skeleton[sk].add(i)
            terms.add_brand_kinds(entry, lexicon.categories)
            terms.add_joined(entry)
            terms.name_numbers.update(entry.numbers)
        for k in lexicon.concepts_of:
            if " " in k:
                terms.add_phrase(k)
            else:
                terms.add_concept_word(k)
        terms.phrase_sounds = phrase_sounds(lexicon)
        terms.add_brand_spellings(lexicon)
        terms.add_own_spellings(lexicon)
        for i, entry in enumerate(entries):  # after the lexicon words: those are never sound targets
            for t in entry.all_terms:
                terms.add_sound(t, entry.spoken.get(t.key))
            for sk in name_sounds(entry):
                terms.by_name_sound[sk].add(i)
        return cls(entries, terms, lexicon)

    def __len__(self) -> int:
        return len(self._entries)

    def record(self, sku: str) -> ProductRecord | None:
        """A product by its SKU as this catalog version has it (inactive ones too): a change to a name, price or
        `active` bumps the version, so it reads as the row does for all a "which one?" shows."""
        if self._by_sku is None:
            self._by_sku = {e.record.sku: e.record for e in self._entries}
        return self._by_sku.get(sku)

    def vocabulary(self) -> Vocabulary:
        """Keys of every product word the store knows, for the nlu to tell products from chatter."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(frozenset(self._terms.by_key) | frozenset(self._terms.joined),
                                          spelled_like=self._spelled_like,
                                          brands=frozenset(self._terms.brand_keys),
                                          numbered=frozenset(self._terms.name_numbers))
        return self._vocabulary

    def _spelled_like(self, k: str) -> bool:
        """A word spelled or said like a name word, or like a whole name run together (દંતકાંતિ, Dant Kanti)."""
        terms = self._terms
        return any(sim >= 0.8 for _, sim in terms.near(k)) or bool(terms.sounds(k)) or bool(
            len(k) >= 6 and (terms.by_name_skeleton.get(skeleton(k)) or terms.by_name_sound.get(sound_key(k))))

    def match(self, mention: ItemMention, limit: int = 5) -> Match:
        """The index never changes, so a mention matched before (a turn checks its items, then adds them;
        customers ask for the same things) is answered from memory."""
        found = self._matches.get((mention, limit))
        if found is None:
            if len(self._matches) >= _MATCHES_KEPT:
                self._matches.pop(next(iter(self._matches)))  # the oldest
            found = self._matches[(mention, limit)] = self._match(mention, limit)
        return found

    def _match(self, mention: ItemMention, limit: int) -> Match:
        said = [part for k in mention.key.split() for part in self._terms.split_joined(k)]  # "redlabel"
        words = split_brands_joined(self._terms, self._lexicon, said)
        units = self._units(words)
        hints = hint_units(mention.hints, self._lexicon)
        ranked = self._rank(mention, units, hints, words)
        if said_in_no_name(units, ranked):
            units = as_memory(units)
            ranked = self._rank(mention, units, hints, words)
        candidates = tuple((s.entry.record, round(max(0.0, min(100.0, s.score)), 1)) for s in ranked[:limit])
        if not ranked or (ranked[0].score < MATCH_THRESHOLD and not all_own_words(ranked[0], units)):
            of_kind = of_the_kind(ranked, units) if self._generic(units) else []
            if len(of_kind) > 1:  # "chocolate 1": no name is just that, several are of it - which one?
                return Match("ambiguous", candidates=tuple((s.entry.record, round(max(0.0, s.score), 1))
                                                           for s in of_kind[:limit]))
            return Match("not_found", candidates=candidates, alternatives=self._alternatives(ranked, units))
        open_variants = variants_left_open(ranked, units)
        if len(open_variants) > 1:  # "blue wala lays" where no Lay's name says a colour: which one?
            return Match("ambiguous", candidates=tuple((s.entry.record, round(min(100.0, s.score), 1))
                                                       for s in open_variants[:limit]))
        if self._ambiguous(ranked, mention, units):
            return Match("ambiguous", candidates=candidates)
        return Match("matched", product=ranked[0].entry.record, candidates=candidates)

    def _units(self, words: list[str]):
        return units_of(words, self._terms, self._lexicon)

    def _rank(self, mention: ItemMention, units, hints, words: list[str]) -> list[_Scored]:
        excluded_phrases = [self._units(p.split()) for p in mention.exclude if p]
        heard = {} if all(size_said(w, self._terms) for w in words) else sounds_like(self._terms, words, units)
        scored = []
        for i in self._candidate_ids(units) | set(heard):
            entry = self._entries[i]
            found = fit(units + hints, entry)
            words_fit = found.score
            if i in heard and (any(e != 2 for e in found.explained) if found.explained else heard[i][0] is None) \
                    and rest_explained(found, units, heard[i][0]):
                # "थम्स अप" / "thums up": same consonants, other vowels; the closer the vowels, the surer
                heard_fit = sounds_like_fit(heard[i][1], entry)
                if found.explained or heard_fit >= _ONLY_BY_SOUND:  # nothing else: the vowels must agree too
                    words_fit = max(words_fit, heard_fit)
            if words_fit <= 0:
                continue
            score = words_fit + phrase_bonus(units, entry) + amount_bonus(entry, mention)
            if excluded_phrases:
                if excluded(entry, excluded_phrases):
                    score -= _EXCLUDED_PENALTY
                elif _sibling(entry, excluded_phrases):
                    score += _SIBLING_BONUS  # "Aavin green nahi, blue": the blue one of Aavin
            scored.append(_Scored(entry, words_fit, score, found))
        forms = said_forms(units + hints, mention)
        settle(scored, forms | sizes_asked(mention), frozenset(c for u in units for c in u.brand_kinds))
        if forms:
            packed_over_loose(scored)
        apply_size_hint(scored, mention.size_hint)
        apply_size_number(scored, mention.size_number)
        prefer_fewest_packs(scored, mention)
        if mention.like:
            self._apply_like(scored, mention.like)
        # at equal scores, the pack word said ("vim bar 2") names the one that comes in it
        scored.sort(key=lambda s: (not s.entry.record.in_stock, -round(s.score, 6),
                                   -sum(map(bool, s.fit.explained[len(units):])), not s.entry.record.loose,
                                   s.entry.position))
        return scored

    def _apply_like(self, scored: list[_Scored], like: tuple[str, ...]) -> None:
        """"heritage curd 2, arokya 1": among the close candidates for the brand, those of the
        kind of the item before lead; when the brand has none, nothing changes."""
        if not scored:
            return
        units = self._units(list(like))
        best = max(s.score for s in scored)
        for s in scored:
            if s.score >= best - 20 and fit(units, s.entry).score >= _LIKE_FIT:
                s.score += _LIKE_BONUS

    def _candidate_ids(self, units) -> set[int]:
        """Products sharing words with the mention; when there are many, those sharing the most and
        the rarest words (scoring every product with "masala" in a big catalog costs too much)."""
        hits: dict[int, float] = defaultdict(float)
        for u in units:
            ids: set[int] = set()
            for k, _ in u.keys:
                ids |= self._terms.by_key.get(k, set())
            for c in u.concepts:
                ids |= self._terms.by_concept.get(c, set()) | self._terms.by_near_kind.get(c, set())
            weight = u.weight / (1.0 + math.log(1 + len(ids)))
            for i in ids:
                hits[i] += weight
        if len(hits) <= _MAX_CANDIDATES:
            return set(hits)
        likely = self._likely_first()
        return set(heapq.nlargest(_MAX_CANDIDATES, hits, key=lambda i: (round(hits[i], 6), likely[i])))

    def _likely_first(self) -> list[int]:
        """Per product, a rank for equal hits: in stock and with the fewest other name words first (they
        lose least to scoring.fit's extras), then catalog order. Made once, not per message."""
        if self._likely is None:
            order = sorted(range(len(self._entries)), key=lambda i: (
                not self._entries[i].record.in_stock, self._entries[i].extra_weight, i))
            self._likely = [0] * len(order)
            for rank, i in enumerate(order):
                self._likely[i] = -rank
        return self._likely

    def _in_stock_of(self, category: str) -> list[Entry]:
        """In-stock products of a category in catalog order, listed once per category (not per message)."""
        if self._by_category is None:
            self._by_category = defaultdict(list)
            for e in self._entries:
                if e.record.in_stock:
                    self._by_category[e.record.category].append(e)
        return self._by_category.get(category, [])

    def _ambiguous(self, ranked: list[_Scored], mention: ItemMention, units) -> bool:
        top = ranked[0]
        if top.entry.record.loose and top.words >= 99.0:
            return False  # "2 kilo cheeni": loose sugar is the plain answer
        if self._generic(units):
            # "aata", "namak": the shop's usual one, as a shopkeeper would hand over; a bare "oil" or "dal"
            # where the shelf holds different kinds of it (soyabean, mustard; masoor, chana) is asked
            return kinds_apart(ranked, mention, units)
        weighed = mention.qty is not None and mention.unit in ("g", "kg", "ml", "l")  # "parle g 250 g": a pack size
        if brand_alone(units, top) and not (mention.hints or mention.size_hint or mention.size or mention.size_number
                                            or weighed):
            return len({s.entry.kind for s in ranked[:KIND_CONTENDERS] if s.entry.brand == top.entry.brand}) > 1
        close = [s for s in ranked[1:] if s.score >= top.score - AMBIGUITY_MARGIN]
        if not close:
            return False
        if mention.qty is not None and mention.unit not in (None, "pack") and all(s.score < top.score for s in close):
            return False  # the amount picked the pack that fits
        if any(top.fit.explained[n] and not any(s.fit.explained[n] for s in close)
               for n in range(len(units), len(top.fit.explained))):
            return False  # "tel ka packet": the pouch, not the can
        return True

    def _generic(self, units) -> bool:
        """Only generic words (lexicon concepts), no brand or variant: any plain product of the kind
        will do. "maggi", "amul butter", "vim" name a brand and still ask which one; a word that is only
        part of a brand ("up" of Thums Up) and a generic word (ഉപ്പ്, salt) is the generic word."""
        terms = self._terms
        return bool(units) and all(u.concepts and u.concept_sim >= 1.0 and not is_colour(u)
                                   and (u.keys[0][0] not in terms.brand_keys or u.keys[0][0] not in terms.whole_brands)
                                   for u in units)

    def _alternatives(self, ranked: list[_Scored], units) -> tuple[ProductRecord, ...]:
        """In-stock products to suggest instead: of the kind asked for ("cheese" -> dairy) when the
        lexicon knows it, else the nearest names."""
        kinds = {self._lexicon.categories.get(c) for u in units for c in u.concepts} - {None, ""}
        if kinds:
            near = {s.entry.record.sku for s in ranked}
            same_kind = [e.record for kind in sorted(kinds) for e in self._in_stock_of(kind)]
            same_kind.sort(key=lambda r: r.sku not in near)
            if same_kind:
                return tuple(same_kind[:3])
        near = [s.entry.record for s in ranked if s.score > 20 and s.entry.record.in_stock]
        return tuple(near[:3])


def _sibling(entry: Entry, phrases) -> bool:
    """The product shares a brand word with something the customer just ruled out."""
    return any(k in entry.brand for phrase in phrases for u in phrase for k, _ in u.keys[:1])
