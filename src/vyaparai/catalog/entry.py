"""One product as the matcher sees it: its name, brand and aliases cut into terms, its forms and its kind."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vyaparai.catalog.records import ProductRecord
from vyaparai.catalog.sort_heads import says_a_kind_of_its_sort
from vyaparai.catalog.terms import (COLOUR_PREFIX, FORM_PREFIX, ROLE_PENALTY, Term, name_numbers, name_words,
                                    other_sorts, pack_count, sized_pack_at, terms_of)
from vyaparai.nlu.phonetic import spell_letters
from vyaparai.nlu.pipeline import key

# "3 x 100 g", "4x70gm": a count of packs, each of a stated size.
_EACH_SIZED = re.compile(r"\b\d+\s*x\s*\d+(?:\.\d+)?\s*(?:kg|g|gm|gms|grams?|ml|l|ltr|litres?|liters?)\b", re.I)
MULTIPACK = "multipack"  # a form of its own: several packs sold as one ("Pack of 4")
_NUMBER_NAMES = "zero one two three four five six seven eight nine ten".split()
_TETRA, _PACK_KEYS, _CARTON = "tetra", frozenset({"pak", "paket"}), FORM_PREFIX + "carton"
SIZED_PACK = FORM_PREFIX + "sized_pack"  # a pack its name calls by its size ("Family Pack", "Jumbo Pack")


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
    forms: frozenset[str] = frozenset()  # what it comes in, from its name: form_bar, form_sachet, multipack
    kind: frozenset[str] = frozenset()  # concepts of its head words: what sort of thing it is
    spoken: dict[str, str] = field(default_factory=dict)  # letters said as letters: "g" (Parle-G) -> "ji"
    numbers: tuple[tuple[str, str], ...] = ()  # numbers that are name words: ("3", "roses") of 3 Roses
    extra_weight: float = 0.0  # what all its name words would cost unasked: few words, a likely fit
    own_sort: bool = False  # a kind its name says is of the sort the shop lists it under (not Santoor's turmeric)
    near_kinds: frozenset[str] = frozenset()  # varieties of the same thing as its kind (catalog/near_kinds.py)

    def __post_init__(self) -> None:
        terms = self.all_terms
        self.keys = frozenset(t.key for t in terms)
        self.concepts = frozenset(c for t in terms for c in t.concepts)
        self.brand = tuple(t.key for t in self.name if t.role == "brand")
        forms = {c for t in self.name for c in t.concepts if c.startswith(FORM_PREFIX)}
        if (self.pack_count or 0) > 1 and (self.record.unit != "piece" or _EACH_SIZED.search(self.record.name)):
            # "6 eggs (pack of 6)" is just how eggs come; "280 g (pack of 4)" is a bundle, and so is
            # "Soap 3 x 100 g" even when the shop counts it in pieces: each of them has a size of its own.
            forms.add(MULTIPACK)
        self.forms = frozenset(forms)
        others = other_sorts([t.key for t in self.name])  # the "chilli" of Chilli Powder: no green chilli
        self.kind = frozenset(c for t, other in zip(self.name, others) if t.role == "head" for c in t.concepts - other
                              if not c.startswith((FORM_PREFIX, COLOUR_PREFIX)))  # "Green Chilli" is no colour
        self.extra_weight = sum(ROLE_PENALTY[t.role] for t in self.name)

    @property
    def all_terms(self) -> list[Term]:
        return self.name + [t for a in self.aliases for t in a]


def make_entry(record: ProductRecord, position: int, lexicon) -> Entry:
    brand_keys = _brand_keys(record.brand)
    words = name_words(record.name)
    name = terms_of(words, brand_keys, lexicon)
    if record.brand and not any(t.role == "brand" for t in name):
        name = terms_of(record.brand.replace("'", "").split(), brand_keys, lexicon) + name
    name = _sized_packs(_brand_says_nothing(_phrases_said_otherwise(name, lexicon), lexicon))
    aliases = [_sized_packs(_brand_says_nothing(terms_of(name_words(a), brand_keys, lexicon), lexicon))
               for a in record.aliases if a.strip()]
    numbers = _name_numbers(record, name)
    aliases += [[Term(digits + t.key, _forms(t), t.role)] for digits, t in numbers]  # "3roses", "7up"
    aliases += [[Term(key(_NUMBER_NAMES[int(d)]), frozenset(), "variant"), t] for d, t in numbers
                if int(d) < len(_NUMBER_NAMES)]  # the number said in English in any script: த்ரீ ரோசஸ், सेवन अप
    entry = Entry(record, position, name, [a for a in aliases if a],
                  pack_count(record.name), spoken=_spoken_letters(words + record.brand.split()),
                  numbers=tuple((digits, t.key) for digits, t in numbers))
    entry.own_sort = any(lexicon.categories.get(c) == record.category for c in entry.kind) or says_a_kind_of_its_sort(
        [t.key for t in name if t.role != "brand"], record.category, lexicon)
    return entry


def _brand_keys(brand: str) -> frozenset[str]:
    """Keys of the brand's words, with and without a possessive: the name "HALDIRAM BHUJIA" of the brand
    "Haldiram's" says its brand."""
    if not brand:
        return frozenset()
    plain = brand.replace("'s", "").replace("’s", "")
    return frozenset(key(brand).split()) | frozenset(key(plain).split())


def _name_numbers(record: ProductRecord, name: list[Term]) -> list[tuple[str, Term]]:
    """Numbers that are words of the name ("3 Roses", "7 Up"), with the name word they go with; not
    before a generic word other than the brand ("2 in 1 Soap" has no product called "1 soap")."""
    by_key = {t.key: t for t in name}
    found = []
    for digits, word in name_numbers(record.name) + name_numbers(record.brand):
        t = by_key.get(key(word))
        if t is not None and (t.role == "brand" or not t.concepts) and t.role != "neutral" and len(t.key) >= 2:
            found.append((digits, t))
    return list(dict.fromkeys(found))


def _phrases_said_otherwise(name: list[Term], lexicon) -> list[Term]:
    """Two name words the lexicon knows only written another way: run together ("Dhana Jeeru" is its
    danajiru, coriander-cumin powder), or with another spelling of the first word ("Marcha Powder" is its
    mirch powder, chilli powder, where "marcha" alone is a green chilli). Both words name that kind too."""
    out = list(name)
    for i, (a, b) in enumerate(zip(name, name[1:])):
        if "brand" in (a.role, b.role) or lexicon.concepts(f"{a.key} {b.key}"):
            continue
        found = lexicon.concepts(a.key + b.key)
        if not found and a.concepts and not b.concepts:
            found = frozenset(c for kind in a.concepts for way in lexicon.keys_of.get(kind, ())
                              if " " not in way for c in lexicon.concepts(f"{way} {b.key}"))
        if found:
            out[i], out[i + 1] = (Term(t.key, t.concepts | found, "head" if t.role in ("variant", "colour") else t.role)
                                  for t in (out[i], out[i + 1]))
    return out


def _brand_says_nothing(name: list[Term], lexicon) -> list[Term]:
    """A brand the lexicon knows as a kind ("colgate" = toothpaste, "surf" = washing powder) names that
    kind only when the rest of the name does not: the Colgate toothbrush is no toothpaste. A word that is
    only part of a brand names a kind only in English, the language of the name: the "tea" of Tata Tea
    is tea, the "up" of Thums Up is no ഉപ്പ് (salt)."""
    if any(t.concepts - _forms(t) for t in name if t.role != "brand"):
        return [Term(t.key, _forms(t), t.role) if t.role == "brand" else t for t in name]
    if sum(t.role == "brand" for t in name) == 1:
        return name
    return [Term(t.key, _forms(t) | {c for c in t.concepts if t.key in lexicon.english.get(c, ())}, t.role)
            if t.role == "brand" else t for t in name]


def _sized_packs(name: list[Term]) -> list[Term]:
    """"Parle-G 800 g Family Pack": its "Family Pack" says the pack's size, like its "800 g": no variety of
    Parle-G (its "family" is no variant word against it), and no form a customer's "packet" asks for (every
    Parle-G comes in one). It is one form of its own (SIZED_PACK), handed over when a size is asked for
    (regular.SPECIAL_FORMS). So is the "Pack" of "Tetra Pack": a carton, not the pouch a "packet" of milk is."""
    keys = [t.key for t in name]
    sized = {j for i in range(len(keys)) if sized_pack_at(keys, i) for j in (i - 1, i)}
    carton = {i for i in range(1, len(keys)) if keys[i - 1] == _TETRA and keys[i] in _PACK_KEYS}
    return [Term(t.key, frozenset({SIZED_PACK}), "size") if i in sized
            else Term(t.key, frozenset({_CARTON}), "form") if i in carton else t for i, t in enumerate(name)]


def _forms(term: Term) -> frozenset[str]:
    """Concepts of a term that say nothing of what kind of thing it is: its form or its colour."""
    return frozenset(c for c in term.concepts if c.startswith((FORM_PREFIX, COLOUR_PREFIX)))


def _spoken_letters(words: list[str]) -> dict[str, str]:
    """Term key -> key of its letter names, for initials and lone letters of a name ("G" -> "ji")."""
    out = {}
    for word in words:
        spelled = spell_letters(word) if len(word) <= 5 else None
        if spelled:
            out[key(word)] = key(spelled)
    return out
