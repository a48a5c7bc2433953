"""How well one product fits one item mention: words covered, extra variant words, size and amount."""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.catalog.index import Entry, TermIndex
from vyaparai.catalog.terms import ROLE_PENALTY, Term
from vyaparai.nlu.types import ItemMention

_UNKNOWN_WORD_WEIGHT = 0.3  # a word nobody knows is probably chatter ("bhejiyo", a typo of a verb)
_GUESSED_WORD_WEIGHT = 0.6  # known only by a near spelling: maybe a product word, maybe not
_HINT_WEIGHT = 0.5
_PHRASE_BONUS = 6.0
_SPLIT_BRAND = 5.0
_BASE = {"kg": ("g", 1000), "g": ("g", 1), "l": ("ml", 1000), "ml": ("ml", 1), "piece": ("piece", 1),
         "dozen": ("piece", 12)}


@dataclass(frozen=True)
class Unit:
    """One word (or lexicon phrase) of the mention, with the known spellings it may stand for."""

    keys: tuple[tuple[str, float], ...]  # (key, similarity) - the word itself first
    concepts: frozenset[str]
    weight: float
    optional: bool = False  # a pack word ("bar", "pouch"): counts when the product has it, else ignored
    concept_sim: float = 1.0  # how sure the concepts are: below 1 when they came from a near spelling


def mention_units(words: list[str], concepts: list[frozenset[str]], index: TermIndex, lexicon,
                  canonical: list[str] | None = None) -> list[Unit]:
    units = []
    for n, (k, tagged) in enumerate(zip(words, concepts)):
        keys = ((k, 1.0),) if index.by_key.get(k) or tagged else ((k, 1.0), *index.near(k))
        if canonical and canonical[n] != k and all(c != canonical[n] for c, _ in keys):
            keys = (*keys, (canonical[n], 0.9))
        found = set(tagged)
        sure = 1.0 if tagged and (not canonical or canonical[n] == k) else (0.9 if tagged else 0.0)
        for other, sim in keys[1:]:
            more = lexicon.concepts(other)
            if more:
                found |= more
                sure = max(sure, sim)
        if k in index.brand_keys:
            found = set()  # a brand named means that brand: "horlicks" is not any health drink
        if index.by_key.get(k) or (found and sure >= 1.0):
            weight = 1.0
        elif found or len(keys) > 1:
            weight = _GUESSED_WORD_WEIGHT
        else:
            weight = _UNKNOWN_WORD_WEIGHT
        units.append(Unit(keys, frozenset(found), weight, concept_sim=sure or 1.0))
    return units


def hint_units(hints: tuple[str, ...]) -> list[Unit]:
    return [Unit(((h, 1.0),), frozenset(), _HINT_WEIGHT, optional=True) for h in hints]


def similarity(unit: Unit, term: Term) -> float:
    if unit.concepts and unit.concepts & term.concepts:
        return unit.concept_sim
    for k, sim in unit.keys:
        if k == term.key:
            return sim
    return 0.0


def word_score(units: list[Unit], entry: Entry) -> float:
    """0-100: share of the mention's words the product explains, less its unexplained variant words.
    A word's weight says how likely it is a product word at all; once it matches the product it is
    one, and counts in full (a typo'd brand must not be outweighed by the brand's own extras)."""
    total = matched = 0.0
    hit_concepts: set[str] = set()
    hit_keys: set[str] = set()
    for u in units:
        common = u.concepts & entry.concepts if u.concepts else None
        if common:
            best = u.concept_sim
            hit_concepts |= common
        else:
            best, best_key = 0.0, None
            for k, sim in u.keys:
                if sim > best and k in entry.keys:
                    best, best_key = sim, k
            if best_key is None:
                total += 0.0 if u.optional else u.weight
                continue
            hit_keys.add(best_key)
        weight = u.weight if u.optional else 1.0
        matched += weight * best
        total += weight
    if matched == 0:
        return 0.0
    views = [entry.name, *(a for a in entry.aliases if _touched(a, hit_keys, hit_concepts))]
    extras = min(_extras(view, hit_keys, hit_concepts) for view in views)
    brand = entry.brand
    split = _SPLIT_BRAND if len(brand) > 1 and 0 < sum(b in hit_keys for b in brand) < len(brand) else 0.0
    return 100.0 * matched / (total + extras) - split


def phrase_bonus(words: list[str], entry: Entry) -> float:
    """Points for mention words that stand side by side in the product's name too ("dairy milk")."""
    pairs = {(a, b) for a, b in zip(words, words[1:])}
    if not pairs:
        return 0.0
    found = 0
    for view in (entry.name, *entry.aliases):
        keys = [t.key for t in view]
        found = max(found, sum((a, b) in pairs for a, b in zip(keys, keys[1:])))
    return _PHRASE_BONUS * found


def _touched(view: list[Term], hit_keys: set[str], hit_concepts: set[str]) -> bool:
    return any(t.key in hit_keys or t.concepts & hit_concepts for t in view)


def _extras(view: list[Term], hit_keys: set[str], hit_concepts: set[str]) -> float:
    return sum(ROLE_PENALTY[t.role] for t in view
               if t.key not in hit_keys and not (t.concepts & hit_concepts))


def excluded(entry: Entry, phrases: list[list[Unit]]) -> bool:
    """The product has every word of a phrase the customer ruled out ("masala nahi")."""
    terms = entry.all_terms
    return any(phrase and all(any(similarity(u, t) >= 0.8 for t in terms) for u in phrase)
               for phrase in phrases)


def amount_bonus(entry: Entry, mention: ItemMention) -> float:
    """Points for a pack that fits the stated size or amount ("1 litre wala", "5 kg atta")."""
    r = entry.record
    bonus = 0.0
    if mention.size is not None:
        bonus += _size_points(entry, mention.size.value, mention.size.unit)
    if mention.qty is not None and mention.unit in _BASE:
        base_unit, factor = _BASE[mention.unit]
        if base_unit != r.base_unit:
            bonus -= 3
        elif r.loose:
            bonus += 3
        else:
            packs = mention.qty * factor / r.pack_base
            bonus += 3 if abs(packs - round(packs)) < 1e-6 and round(packs) >= 1 else -6
            bonus += 2 if abs(packs - 1) < 1e-6 else 0  # "5 litre fortune": the 5 L can
    return bonus


def _size_points(entry: Entry, value: float, unit: str) -> float:
    r = entry.record
    if unit == "inr":
        return 8 if abs(r.price_paise - value * 100) < 1 else -15
    if unit == "piece" and r.unit != "piece":
        return 8 if entry.pack_count == round(value) else -4
    base_unit, factor = _BASE.get(unit, ("", 1))
    if base_unit != r.base_unit:
        return -20
    return 8 if abs(value * factor - r.pack_base) < 1e-6 else -40
