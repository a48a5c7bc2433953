"""Lookup structures over one catalog's terms: exact keys, concepts, consonant skeletons, sounds, trigrams."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from vyaparai.catalog.entry import Entry
from vyaparai.catalog.terms import COLOUR_PREFIX, Term, neutral_keys, skeleton, spoken_ways, written_ways
from vyaparai.nlu.phonetic import sound_key, sound_spelling
from vyaparai.nlu.pipeline import key

FUZZY_CUTOFF = 80.0
_MAX_FUZZY_CANDIDATES = 60
_SOUND_FLOOR = 50.0  # how alike two sound spellings must be (0-100) to stand for one another
_LOANWORD_FRAME = 5  # consonants a generic name word's sound needs to be found by sound alone (sunflower: SNPLPR)
_PHRASE_FRAME = 5  # consonants two words need to be found as a lexicon phrase by sound alone
_JOINED_SOUND_FRAME = 4  # consonants two name words run together need to be found by sound ("putupodi": PTPT)
_JOINED_SOUND_ALIKE = 75.0  # and how alike their sound spellings must be (0-100): not "thakurganj" ~ "deggimirch"
_SHORT_SOUND_FLOOR = 67.0  # the same for two-consonant frames (detal/dettol), which meet more often
# Case endings a native word may carry after a brand (Latin keys, longest first): Tamil -ukku -ai -il
# -oda, Malayalam -inte -ude -il -um, Kannada -annu -ige, Telugu -ni -lo -ki, Bengali -er -ta -ke,
# Marathi -cha/-chi/-che, Gujarati -nu/-ni/-no, plurals -gal/-kal/-lu.
_CASE_ENDINGS = ("inte", "ukum", "uku", "anu", "ige", "ude", "nte", "oda", "ode", "gal", "kal", "cha", "chi",
                 "che", "ku", "ki", "ke", "il", "um", "ni", "nu", "no", "lo", "lu", "er", "ta", "ti")


@dataclass
class TermIndex:
    """key -> products, concept -> products, and a trigram index to find near spellings of a key."""

    by_key: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    brand_keys: set[str] = field(default_factory=set)
    name_numbers: set[tuple[str, str]] = field(default_factory=set)  # ("3", "roses"): numbers in names
    by_name_skeleton: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    concept_words: set[str] = field(default_factory=set)
    by_concept: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_near_kind: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # kind -> its sibling's products
    by_skeleton: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_trigram: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_sound: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # sound key -> name words
    by_name_sound: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    spoken: dict[str, str] = field(default_factory=dict)  # term key -> what is said for it ("g" -> "ji")
    brand_spellings: dict[str, str] = field(default_factory=dict)  # lexicon spelling -> store brand key
    own_spellings: dict[str, str] = field(default_factory=dict)  # lexicon spelling -> name word it sounds as
    kinds_of_brand: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # concepts it sells
    whole_brands: set[str] = field(default_factory=set)  # brands of one word ("horlicks", not "up" of Thums Up)
    joined: dict[str, tuple[str, str]] = field(default_factory=dict)  # "redlabel" -> ("red", "label")
    joined_sounds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # sound -> "redlabel"
    loanwords: set[str] = field(default_factory=set)  # generic name words found by sound ("sunflower")
    # (SNPLPR, aL) -> ("sunflover oil", its concepts); None where phrases of other meanings sound alike
    phrase_sounds: dict[tuple[str, str], tuple[str, frozenset[str]] | None] = field(default_factory=dict)
    _near: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    _sounds: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

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

    def canonical(self, k: str) -> tuple[str, float]:
        """The known spelling a word stands for and how sure: itself, its stem without a case ending
        (मॅगीचे -> megi, onions -> onion) or a very close spelling (gavhachan -> gavhache)."""
        if k in self.by_key:
            return k, 1.0
        options = [(sim, other) for other, sim in self.near(k) if sim >= 0.85 and self.meaningful(other)]
        options += [(1.0 - 0.05 * cut, k[:-cut]) for cut in range(1, min(3, len(k) - 3) + 1)
                    if self.meaningful(k[:-cut])]
        if not options:
            return k, 1.0
        sim, other = max(options)
        return other, sim

    def meaningful(self, k: str) -> bool:
        """A product word, or a lexicon word that names a concept on its own."""
        return bool(self.by_key.get(k)) or k in self.concept_words

    def add_phrase(self, phrase: str) -> None:
        """A lexicon phrase: its words known for spelling repair."""
        for word in phrase.split():
            self.add_spelling(word)

    def add_concept_word(self, k: str) -> None:
        self.concept_words.add(k)
        self.add_spelling(k)

    def add_sound(self, term: Term, spoken: str | None) -> None:
        """A word of a name, findable by how it sounds (brand, variant, "premium", a colour). A short lexicon
        word is not (its generic sense stays generic: many words sound like "dal"); a long one is, as an
        English loanword sounds in any script (சன்பிளவர், sunflower); a store's brand is, even when the
        lexicon knows it as a kind ("maggi"), since only words that match nothing are looked up by sound."""
        generic = term.key in self.concept_words and not all(c.startswith(COLOUR_PREFIX) for c in term.concepts)
        if generic and len(sound_key(term.key).lstrip("a")) >= _LOANWORD_FRAME:
            self.loanwords.add(term.key)
            generic = False
        small = term.role == "form" or (term.role == "neutral" and len(term.key) < 4)  # "pack", "of", "and"
        if term.role != "brand" and (generic or (small and not spoken)):
            return  # a head word counts only when no lexicon word alone: "white" of "white bread"
        for said in {*spoken_ways(term.key), spoken or term.key}:
            sk = sound_key(said)
            if len(sk) >= 2 or said == spoken or (term.role == "brand" and sk):
                self.by_sound[sk].add(term.key)  # one-consonant brands too (Tide, Vim): said alike only
        if spoken:
            self.spoken[term.key] = spoken

    def add_brand_spellings(self, lexicon) -> None:
        """Lexicon words that are a store brand written another way: "colgate" is in the lexicon as
        toothpaste, and so are ਕੋਲਗੇਟ and kolgate; said to this store, they mean its Colgate."""
        for brand in self.brand_keys:
            for concept in self.sells_as(brand, lexicon.concepts(brand)):
                for spelling in lexicon.keys_of.get(concept, ()):
                    if spelling != brand and " " not in spelling and sound_key(spelling) == sound_key(brand):
                        self.brand_spellings.setdefault(spelling, brand)

    def add_own_spellings(self, lexicon) -> None:
        """Lexicon spellings of a store's name word that sound just like it: बोर्नविटा is the Bournvita of
        "Cadbury Bournvita", not any malt drink (its lexicon kind, which Horlicks shares)."""
        for word, products in self.by_key.items():
            if not products or word in self.brand_keys:
                continue
            for concept in lexicon.concepts(word):
                for spelling in lexicon.keys_of.get(concept, ()):
                    if spelling != word and " " not in spelling and not self.by_key.get(spelling) \
                            and sound_key(spelling) == sound_key(word):
                        self.own_spellings.setdefault(spelling, word)

    def add_joined(self, entry: Entry) -> None:
        """Two neighbouring name words typed as one ("redlabel", "tajmahal", "goodday"), unless that is a
        word of its own."""
        for view in (entry.name, *entry.aliases):
            for a, b in zip(view, view[1:]):
                together = key(a.key + b.key)
                if together and together not in self.by_key and " " not in together:
                    self.joined.setdefault(together, (a.key, b.key))
                    if len(sound_key(together).lstrip("a")) >= _JOINED_SOUND_FRAME:
                        self.joined_sounds[sound_key(together)].add(together)

    def split_joined(self, k: str) -> tuple[str, ...]:
        """Two name words typed as one, spelled as the name has them ("redlabel") or, for a word that is
        no known word, said alike in another script (പുട്ടുപൊടി "putupoti", PUTTU PODI): the two words."""
        if k in self.joined:
            return self.joined[k]
        if k in self.by_key or self.sounds(k):
            return (k,)
        spelled = sound_spelling(k)
        alike = [t for t in self.joined_sounds.get(sound_key(k), ())
                 if fuzz.ratio(spelled, sound_spelling(t)) >= _JOINED_SOUND_ALIKE]
        return self.joined[alike[0]] if len(alike) == 1 else (k,)

    def add_brand_kinds(self, entry: Entry, categories: dict[str, str]) -> None:
        """What a brand's products are: the kinds their names say, or, in a name that says none, the kind its
        own word stands for when the shop lists it under that kind's category (a Surf Excel whose name says no
        kind, listed as household, is washing powder: a customer's "surf" is it; Good Knight's "good" is no gud)."""
        for b in entry.brand:
            self.kinds_of_brand[b] |= {c for t in entry.name if t.role != "brand" for c in t.concepts}
            if not entry.kind:
                self.kinds_of_brand[b] |= {c for t in entry.name if t.role == "brand" for c in t.concepts
                                           if categories.get(c) == entry.record.category}
        if len(entry.brand) == 1:
            self.whole_brands.add(entry.brand[0])

    def sells_as(self, brand: str, concepts: frozenset[str]) -> frozenset[str]:
        """The lexicon's meanings of a brand word that the brand's own products have: "colgate" is
        toothpaste at a store selling Colgate toothpaste, but ഉപ്പ് (salt) is no 7 Up drink. A brand
        whose names say no kind at all ("Horlicks Classic Malt") is taken at the lexicon's word, when
        the word is the whole brand: the "up" of Thums Up is no ഉപ്പ് (salt)."""
        sold = self.kinds_of_brand.get(brand)
        if sold:
            return frozenset(concepts & sold)
        return frozenset(concepts) if brand in self.whole_brands else frozenset()

    def sounds(self, k: str) -> tuple[tuple[str, float], ...]:
        """Name words that sound like k (கோல்ட் -> gold, জি -> g), with a similarity 0.7-0.95;
        a case ending is dropped when the whole word sounds like nothing (கோல்கேட்டுக்கு), though not to
        reach a word any name may carry: Telugu సేపట్లో ("in a while") is no "soft" of Lux Soft Touch."""
        if k in self._sounds:
            return self._sounds[k]
        found: dict[str, float] = {}
        for stem in (k, *(k[:-len(e)] for e in _CASE_ENDINGS if k.endswith(e) and len(k) - len(e) >= 3)):
            for other in self.by_sound.get(sound_key(stem), ()):
                if stem != k and other in neutral_keys():
                    continue
                if other != k and (other not in self.loanwords or _frame(stem) == _frame(other)):
                    found[other] = max(found.get(other, 0.0), self._sound_similarity(stem, other))
            if any(found.values()):
                found = self._brands_as_spelled(stem, found)
                break
        result = tuple(sorted(((o, s) for o, s in found.items() if s > 0), key=lambda kv: (-kv[1], kv[0]))[:3])
        if len(self._sounds) < 100_000:
            self._sounds[k] = result
        return result

    def _brands_as_spelled(self, said: str, found: dict[str, float]) -> dict[str, float]:
        """Of brands heard alike, the one whose own spelling sounds as said, as the scripts write it (गेट is
        Gate): மாசா is Maaza, not Maggi read with a soft g ("maji"), a way its brand is not said."""
        spelled = sound_spelling(said)
        brands = [o for o in found if o in self.brand_keys and found[o] > 0]
        own = [o for o in brands if any(sound_spelling(w) == spelled for w in written_ways(self.spoken.get(o, o)))]
        if not own or len(own) == len(brands):
            return found
        return {o: sim for o, sim in found.items() if o not in brands or o in own}

    def _sound_similarity(self, said: str, name_word: str) -> float:
        target = self.spoken.get(name_word, name_word)
        if said == target:
            return 0.95
        frame = len(sound_key(said).lstrip("a"))
        if frame <= 1:  # "ted" / టైడ్ is Tide, "tea" and "toy" are not: one consonant must sound the same
            spelled = sound_spelling(said)  # as the scripts write it: Bengali হুইল is Wheel
            return 0.9 if any(spelled == sound_spelling(way) for way in spoken_ways(target)) else 0.0
        spelled = sound_spelling(said)
        ratio = max(fuzz.ratio(spelled, sound_spelling(way)) for way in spoken_ways(target))
        floor = _SHORT_SOUND_FLOOR if frame <= 2 else _SOUND_FLOOR
        return round(0.7 + 0.25 * ratio / 100, 4) if ratio >= floor else 0.0  # 80 % alike is 0.9, not 0.8999..

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
            # most trigrams shared first, then the nearest length; the same shortlist in every process
            shortlist = sorted(counts, key=lambda o: (-counts[o], abs(len(o) - len(k)), o))[:_MAX_FUZZY_CANDIDATES]
            for other in shortlist:
                score = fuzz.ratio(k, other)
                if score >= FUZZY_CUTOFF and other != k:
                    found[other] = score / 100
            for other in self.by_skeleton.get(skeleton(k), ()):
                if other != k and len(skeleton(k)) >= 3:
                    found[other] = max(found.get(other, 0), 0.82)
        result = tuple(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
        if len(self._near) < 100_000:
            self._near[k] = result
        return result


def _frame(k: str) -> str:
    """Every consonant of a word's sound, its r's too: a generic word is heard only with all of them
    (சன்பிளவர் is sunflower; গ্রামেরটার, a gram with its endings, is no coriander though both frames are KRNTR)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aiu]", "", sound_spelling(k)))


_PHRASES_HEARD: dict[int, tuple[object, dict]] = {}


def phrase_sounds(lexicon) -> dict[tuple[str, str], tuple[str, frozenset[str]] | None]:
    """The lexicon's two-word phrases by the sounds of their words (a sound shared by phrases of other
    meanings finds none of them); made once per lexicon, not per store."""
    made = _PHRASES_HEARD.get(id(lexicon))
    if made and made[0] is lexicon:
        return made[1]
    table: dict[tuple[str, str], tuple[str, frozenset[str]] | None] = {}
    for phrase, concepts in lexicon.concepts_of.items():
        words = phrase.split()
        sounds = (sound_key(words[0]), sound_key(words[-1]))
        if len(words) == 2 and sum(len(sk.lstrip("a")) for sk in sounds) >= _PHRASE_FRAME:
            known = table.setdefault(sounds, (phrase, frozenset(concepts)))
            if known is not None and known[1] != concepts:
                table[sounds] = None
    _PHRASES_HEARD.clear()
    _PHRASES_HEARD[id(lexicon)] = (lexicon, table)
    return table


def trigrams(k: str) -> set[str]:
    padded = f" {k} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
