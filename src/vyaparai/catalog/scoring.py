"""How well one product fits one item mention: the words it explains and its name words nobody asked for."""
from __future__ import annotations

from dataclasses import dataclass, replace

from vyaparai.catalog.entry import Entry
from vyaparai.catalog.index import TermIndex
from vyaparai.catalog.pack_words import size_said
from vyaparai.catalog.terms import COLOUR_PREFIX, FORM_PREFIX, ROLE_PENALTY, Term, neutral_keys, skeleton
from vyaparai.nlu.phonetic import sound_key

_LONE_LEXICON_NEAR = 0.9  # how close a word said alone must be to a lexicon-only word to be it
_UNKNOWN_WORD_WEIGHT = 0.3  # a word nobody knows is probably chatter ("bhejiyo", a typo of a verb)
_GUESSED_WORD_WEIGHT = 0.6  # known only by a near spelling: maybe a product word, maybe not
_HINT_WEIGHT = 0.5
_SOUNDS_SURE = 0.9  # a sound-alike name word this close outranks lexicon words of a lesser spelling
_KIND_ONLY = 0.93  # a product of the kind, when the customer said the name word of another product
_BRAND_HEARD = 0.88  # a word this close in sound to a store's brand is that brand before a near spelling
_HOMOPHONE = 0.03  # a name word sounding this nearly as much like the word as a brand does stays a reading of it
_PART_OF_A_BRAND = 0.85  # "up" is half of "Thums Up": as that brand, less sure than as a generic word
_KIND_UNSAID = 0.85  # a kind said of a product whose name says none, only its brand: likely, not sure
_NEAR_KIND = 0.8  # a word of a sibling kind (red ~ Kashmiri chilli powder): the product will do, less surely
_PACKET_FORMS = frozenset({"form_pouch"})
_BAR_KIND, _BAR, _BAR_SIM = "soap", "bar", 0.8  # any bar is a soap to a customer, less surely than a soap
_CAKE = "cake"  # a detergent bar as North Indian shops list it ("GHADI DETERGENT CAKE"): a soap of a brand said
_SPLIT_BRAND = 5.0


@dataclass(frozen=True)
class Unit:
    """One word (or lexicon phrase) of the mention, with the known spellings it may stand for."""

    keys: tuple[tuple[str, float], ...]  # (key, similarity) - the word itself first
    concepts: frozenset[str]
    weight: float
    optional: bool = False  # a pack word ("bar", "pouch"): counts when the product has it, else ignored
    concept_sim: float = 1.0  # how sure the concepts are: below 1 when they came from a near spelling
    brand_kinds: frozenset[str] = frozenset()  # what the lexicon says a brand word stands for ("colgate")
    names_word: str = ""  # the store's name word it spells another way (बोर्नविटा): its kind alone is less
    sorts: frozenset[str] = frozenset()  # lexicon categories of its concepts ("sabun": personal_care)


@dataclass(frozen=True)
class Fit:
    """How one product explains a mention: the 0-100 score, which units it explained, and its name
    words nobody asked for."""

    score: float
    explained: tuple[int, ...] = ()  # per unit: 2 its own word, 1 a near spelling, 3 its kind, 0 not at all
    extras: frozenset[str] = frozenset()
    extra_head: bool = False  # an unasked head noun ("toothbrush" for "colgate"): another kind of thing


def mention_units(words: list[str], concepts: list[frozenset[str]], index: TermIndex, lexicon,
                  canonical: list[str] | None = None, lone: bool = False) -> list[Unit]:
    """The mention's words as units. A word said `lone` (nothing else in the mention to bear it out) stands
    for a near spelling only when it sounds the same: "sugr" is sugar, "ariel" is no nariel, "bada" no badam."""
    units = []
    for n, (k, tagged) in enumerate(zip(words, concepts)):
        if not tagged and size_said(k, index):
            units.append(Unit(((k, 1.0),), frozenset(), _UNKNOWN_WORD_WEIGHT))  # "bada" is big, no Badam
            continue
        if tagged and not index.by_key.get(k) and not any(index.by_concept.get(c) or index.by_near_kind.get(c) for c in tagged) \
                and not all(c.startswith(COLOUR_PREFIX) for c in tagged) \
                and any(sim >= _SOUNDS_SURE for _, sim in index.sounds(k)):
            tagged = frozenset()  # சந்தூர்: sindoor to the lexicon, which this store sells none of; Santoor by sound
        near = [kv for kv in index.near(k) if not lone or (alike_in_sound(kv[0], k) and lone_near(index, k, kv))]
        keys = ((k, 1.0),) if index.by_key.get(k) or tagged else ((k, 1.0), *near)
        heard = 0.0  # how sure the word is a store's name word said by sound (ਵ੍ਹਾਈਟ -> white)
        if not index.by_key.get(k) and not tagged:
            sounds = index.sounds(k)
            keys = _heard_as_brand(_merged(keys, sounds), sounds, index)
            heard = max((sim for _, sim in sounds), default=0.0)
            if any(sim >= _BRAND_HEARD and o in index.brand_keys for o, sim in sounds):
                heard = max(heard, _SOUNDS_SURE)  # "लक्स" sounds as the store's Lux: no lexicon word spelled like it
        if canonical and canonical[n] != k and all(c != canonical[n] for c, _ in keys):
            keys = (*keys, (canonical[n], 0.9))
        found = set(tagged)
        sure = 1.0 if tagged and (not canonical or canonical[n] == k) else (0.9 if tagged else 0.0)
        kinds: frozenset[str] = frozenset()
        for other, sim in keys[1:]:
            more = lexicon.concepts(other)
            if more and heard >= _SOUNDS_SURE and sim < heard:
                continue  # a lexicon word spelled a little like it (wheat) yields to the name word it sounds as
            if more and other in index.brand_keys:
                kinds |= more  # a near spelling of a brand is that brand, not any product of its kind
            elif more:
                found |= more
                sure = max(sure, sim)
        own = index.own_spellings.get(k)
        if own and all(c != own for c, _ in keys):
            keys = (*keys, (own, 0.95))
        brand = index.brand_spellings.get(k)
        if brand:  # the lexicon's spelling of a store brand it knows as a kind (ਕੋਲਗੇਟ, colgate)
            keys = (*keys, (brand, 0.95))
        if k in index.brand_keys or brand:
            sold = index.sells_as(brand or k, frozenset(found))
            if sold or not found:
                kinds |= sold
                found = set()  # a brand named means that brand: "horlicks" is not any health drink
            elif k not in index.whole_brands:  # a generic word its products are not (ഉപ്പ് salt / Thums Up):
                keys = ((k, _PART_OF_A_BRAND), *keys[1:])  # both stay, the generic sense first
        if found and all(c.startswith(FORM_PREFIX) for c in found) and not index.by_key.get(k):
            units.append(Unit(keys, _also_called(frozenset(found)), _HINT_WEIGHT, optional=True))  # "bottle"
            continue
        if index.by_key.get(k) or (found and sure >= 1.0) or heard_brand(keys, index):
            weight = 1.0  # a store's brand heard in other letters is a product word: others lack it
        elif found or len(keys) > 1:
            weight = _GUESSED_WORD_WEIGHT
        else:
            weight = _UNKNOWN_WORD_WEIGHT
        kinds = frozenset(c for c in kinds if not c.startswith(FORM_PREFIX))
        if _BAR_KIND in found and all(c != _BAR for c, _ in keys):
            keys = (*keys, (_BAR, _BAR_SIM))  # "rin sabun": the Rin Detergent Bar is the soap they mean
            if any(w in index.brand_keys for w in words):
                keys = (*keys, (_CAKE, _BAR_SIM))  # "ghadi sabun": its Detergent Cake
        units.append(Unit(keys, frozenset(found), weight, concept_sim=sure or 1.0, brand_kinds=kinds,
                          names_word=own or "", sorts=frozenset(lexicon.categories.get(c, "") for c in found) - {""}))
    return units


def lone_near(index: TermIndex, said: str, near: tuple[str, float]) -> bool:
    """A word said alone may be a near spelling of a store's name word, but of a word only the lexicon knows
    just when it is very close, cut short or with an ending: "pizza" (pija) is not the piaja (onion) a letter
    away; "tamatr" is tomato, "mirc" mirch and ઈંડાં (indan) the inda of eggs."""
    other, sim = near
    return (bool(index.by_key.get(other)) or sim >= _LONE_LEXICON_NEAR
            or other.startswith(said) or said.startswith(other))


def alike_in_sound(known: str, said: str) -> bool:
    """A known word the said one may be a spelling of: the same consonant frame, the same consonants but
    for an h that marks aspiration in romanized Indian words ("mirc" / mirch), or the known word with a
    case or nasal ending after it (ટામેટાં, ഹാർപിക്കിന്)."""
    return (sound_key(known) == sound_key(said) or skeleton(known).replace("h", "") == skeleton(said).replace("h", "")
            or (len(known) >= 3 and said.startswith(known) and len(said) - len(known) <= 3))


def heard_brand(keys: tuple[tuple[str, float], ...], index: TermIndex) -> bool:
    """The word sounds just like a brand of the store (హెరిటేజ్ -> heritage)."""
    return any(sim >= _SOUNDS_SURE and k in index.brand_keys for k, sim in keys[1:])


def _heard_as_brand(keys: tuple[tuple[str, float], ...], sounds: tuple[tuple[str, float], ...],
                    index: TermIndex) -> tuple[tuple[str, float], ...]:
    """A word that sounds most like a store's brand is that brand: டெட்டால் is Dettol, not the "Total" of
    Lifebuoy Total it sounds a little less like (Tamil writes t and d alike). A word every product of a kind
    may carry ("leaf", "premium") is no rival to it even when it sounds a little closer: लाइफबॉय is Lifebuoy."""
    brand = max((sim for o, sim in sounds if o in index.brand_keys), default=0.0)
    if brand < _BRAND_HEARD or any(sim > brand and o not in neutral_keys() for o, sim in sounds):
        return keys
    return (keys[0], *(kv for kv in keys[1:]
                       if kv[0] in index.brand_keys or (kv[1] >= brand - _HOMOPHONE and kv[0] not in neutral_keys())))


def _merged(keys: tuple[tuple[str, float], ...], more: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """The word's spellings and sound-alikes, each once with its best similarity, the word itself first."""
    best = dict(keys[1:])
    for k, sim in more:
        if k != keys[0][0]:
            best[k] = max(best.get(k, 0.0), sim)
    return (keys[0], *sorted(best.items(), key=lambda kv: (-kv[1], kv[0])))


def hint_units(hints: tuple[str, ...], lexicon) -> list[Unit]:
    """Pack words said with the item ("2 packet", "ek tikki"): they may name the product's form."""
    return [Unit(((h, 1.0),), _also_called(frozenset(c for c in lexicon.concepts(h) if c.startswith(FORM_PREFIX))),
                 _HINT_WEIGHT, optional=True) for h in hints]


def _also_called(forms: frozenset[str]) -> frozenset[str]:
    """Forms a customer's form word covers: a pouch of milk or oil is what everyone calls a packet."""
    return forms | _PACKET_FORMS if "form_packet" in forms else forms


def similarity(unit: Unit, term: Term) -> float:
    if unit.concepts and unit.concepts & term.concepts:
        return unit.concept_sim
    for k, sim in unit.keys:
        if k == term.key:
            return sim
    return 0.0


def word_score(units: list[Unit], entry: Entry) -> float:
    return fit(units, entry).score


def fit(units: list[Unit], entry: Entry) -> Fit:
    """0-100: share of the mention's words the product explains, less its unexplained variant words.
    A word's weight says how likely it is a product word at all; once it matches the product it is
    one, and counts in full (a typo'd brand must not be outweighed by the brand's own extras)."""
    total = matched = 0.0
    hit_concepts: set[str] = set()
    hit_keys: set[str] = set()
    said_concepts: set[str] = set()
    explained = []
    branded = _brand_said(units, entry)
    for u in units:
        common = u.concepts & entry.concepts if u.concepts else None
        near = not common and bool(u.concepts & entry.near_kinds)
        if near:  # "lal mirch powder" where the shop has only Kashmiri chilli powder: the nearest thing it has
            common = entry.kind
        if not common and branded and _kind_unsaid(u, entry):  # "hamam sabun" of "HAMAM 150G"
            matched += _KIND_UNSAID
            total += 1.0
            explained.append(3)
            continue
        if common:
            best = u.concept_sim * (_NEAR_KIND if near else 1.0)
            if u.names_word and not any(k in entry.keys for k, _ in u.keys):
                best *= _KIND_ONLY  # "बोर्नविटा" said: Horlicks is only of its kind
            hit_concepts |= common
            said_concepts |= common
        else:
            best, best_key = 0.0, None
            for k, sim in u.keys:
                if sim > best and k in entry.keys:
                    best, best_key = sim, k
            if best_key is not None and _only_half_heard(u, best, best_key, entry, branded, units):
                best, best_key = 0.0, None
            explained.append(0 if best_key is None else 2 if best >= 1.0 else 1)
            if best_key is None:
                total += 0.0 if u.optional else u.weight
                continue
            hit_keys.add(best_key)
            hit_concepts |= u.brand_kinds  # "colgate": its "toothpaste" is what was asked for
        weight = u.weight if u.optional else 1.0
        matched += weight * best
        total += weight
        if common:  # said as the product's own word, or only as a word of its kind ("bournvita" / Horlicks)
            own = u.keys[0][0] in entry.keys or u.names_word in entry.keys
            explained.append(2 if own else 3)
    if matched == 0:
        return Fit(0.0)
    views = [entry.name, *(a for a in entry.aliases if _touched(a, hit_keys, hit_concepts))]
    extras = min(_extras(view, hit_keys, hit_concepts) for view in views)
    brand = entry.brand
    split = _SPLIT_BRAND if len(brand) > 1 and 0 < sum(b in hit_keys for b in brand) < len(brand) else 0.0
    unasked = [t for t in entry.name if t.key not in hit_keys and not (t.concepts & hit_concepts)]
    return Fit(100.0 * matched / (total + extras) - split, tuple(explained), frozenset(t.key for t in unasked),
               _another_thing(entry, unasked, hit_keys, said_concepts))


def _only_half_heard(u: Unit, best: float, best_key: str, entry: Entry, branded: bool, units: list[Unit]) -> bool:
    """A word nobody knows, only roughly like a describing word of a product whose brand was not said, or like
    one word of a brand of two, does not name it: "cinthol soap" at a shop without Cinthol is no Santoor
    *Sandal* soap nor *Mysore Sandal* soap (SNTL, 0.87)."""
    if branded or u.weight >= 1.0 or best >= _SOUNDS_SURE or best_key == u.keys[0][0]:
        return False
    if best_key in entry.brand:  # "thams ap", "thumbs up": Thums Up heard word by word, not half of it
        others = [o for o in units if o is not u]
        return (len(entry.brand) > 1 and all(o.concepts and o.concept_sim >= 1.0 for o in others)
                and not any(k in entry.brand for o in others for k, _ in o.keys))
    return all(t.role == "variant" for t in entry.name if t.key == best_key)


def _brand_said(units: list[Unit], entry: Entry) -> bool:
    return bool(entry.brand) and any(k in entry.brand and sim >= _SOUNDS_SURE for u in units for k, sim in u.keys)


def _kind_unsaid(u: Unit, entry: Entry) -> bool:
    """A kind word said with the brand of a product whose name says no kind of the sort the shop lists it
    under ("HAMAM 150G", "BRU 100G", "SANTOOR SANDAL & TURMERIC", a soap): what the brand is, not a word
    against it ("amul cheese" is no Amul Butter)."""
    return bool(u.concepts) and not entry.own_sort and entry.record.category in u.sorts \
        and not any(k in entry.keys for k, _ in u.keys)


def _another_thing(entry: Entry, unasked: list[Term], hit_keys: set[str], said_concepts: set[str]) -> bool:
    """An unasked head word names another thing ("toothbrush" for "colgate"). One of the same phrase as
    a word asked for is a kind of it ("sona masoori" rice); not so for a kind a bare brand stands for:
    "Surf" is washing powder, and its liquid detergent is another thing."""
    heads = [t for t in unasked if t.role == "head" and not _names_run_before(entry.name, t, hit_keys, said_concepts)]
    if not heads:
        return False
    asked = {c for t in entry.name if t.key in hit_keys or t.concepts & said_concepts for c in t.concepts}
    return any(not (t.concepts & asked) for t in heads)


def _names_run_before(name: list[Term], head: Term, hit_keys: set[str], said_concepts: set[str]) -> bool:
    """Two or more words asked for stand right before the head word: they are the product's own name and the
    head its kind ("dairy milk" of Cadbury Dairy Milk Chocolate), not a word of another thing."""
    i = next(n for n, t in enumerate(name) if t is head)
    return i >= 2 and all(t.key in hit_keys or t.concepts & said_concepts for t in name[i - 2:i])


def _touched(view: list[Term], hit_keys: set[str], hit_concepts: set[str]) -> bool:
    return any(t.key in hit_keys or t.concepts & hit_concepts for t in view)


def _extras(view: list[Term], hit_keys: set[str], hit_concepts: set[str]) -> float:
    return sum(ROLE_PENALTY[t.role] for t in view
               if t.key not in hit_keys and not (t.concepts & hit_concepts))


def excluded(entry: Entry, phrases: list[list[Unit]]) -> bool:
    """The product has every word of a phrase the customer ruled out ("masala nahi")."""
    terms = entry.all_terms
    return any(phrase and all(any(similarity(_likeliest(u), t) >= 0.8 for t in terms) for u in phrase)
               for phrase in phrases)


def _likeliest(u: Unit) -> Unit:
    """The word ruled out with only its likeliest readings: ਵ੍ਹਾਈਟ nahi is the white one, and the wheat
    one it is spelled a little like stays."""
    if len(u.keys) <= 2:
        return u
    best = max(sim for _, sim in u.keys[1:])
    return replace(u, keys=tuple(kv for n, kv in enumerate(u.keys) if n == 0 or kv[1] >= best - 0.03))
