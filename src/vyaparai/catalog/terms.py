"""Product names, brands and aliases cut into comparable terms, each with its concepts and its role."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vyaparai.catalog.name_shorthand import spelled_out
from vyaparai.nlu import lexicon as lexicon_module
from vyaparai.nlu.phonetic import said_as
from vyaparai.nlu.pipeline import key
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.units import unit_of

# Words that describe every product of a kind ("pure", "classic"): a generic request still fits them.
_NEUTRAL = ("pure shudh chakki fresh classic original regular premium super special select natural total "
            "advanced plus power instant minute refined iodised iodized unpolished toned "
            "standardised standardized soft touch strong long leaf tea the and of with in by new "
            "loose per pack pouch jar bottle tetra sachet packet pcs pieces piece bunch tray box can "
            "kg g ml l gm ltr litre liter")
_PARENS = re.compile(r"\(([^)]*)\)")
_NOISE_PARENS = re.compile(r"loose|per |pcs|pack of|pieces|\d\s*-?\s*(?:pack|pkts?|packets)\b", re.I)
# "Pack of 4", "4-pack", "4 x 70g": how many packs are bundled, not a word of the product ("packet" must not meet it).
# A supermarket's export abbreviates: "(4 PKT)", "4 PKTS", "PKT OF 4".
_MULTIPACK = re.compile(r"\b(?:pack|pkt)\s+of\s+\d+|\b\d+\s*-?\s*(?:packs?|pkts?|packets)\b|\b\d+\s*x\b|\bx\s*\d+\b",
                        re.I)
_SIZE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:kg|g|gm|gms|ml|l|ltr|litre|liter|pcs|x)?\b", re.I)
_PACK_OF = re.compile(r"(?:pack of|pkt of|x)\s*(\d+)|\((\d+)\s*pcs\)|\b(\d+)\s*-?\s*(?:pack|pkts?|packets)\b"
                      r"|\b(\d+)\s*x\b", re.I)
# A number that is a word of the name ("3 Roses", "7 Up", "5 Star", "2-Minute"): digits then a word that
# is no unit of a size or a bundle.
_NAME_NUMBER = re.compile(r"(?<![\w.-])(\d+)\s*-?\s*(?!(?:kg|g|gm|gms|grams?|ml|l|lt|ltr|litres?|liters?|pcs?|pieces?"
                          r"|packs?|pkts?|packets|x|s|n)\b)([^\W\d_]+)", re.I)
# Size words a shop puts in a product's name ("Small Onion", "Periya Vengayam", "Family Pack", "King Size").
NAME_SIZE_WORDS = {"small": "small mini little chota chhota choti chinna nanu trial pocket",
                   "large": "big large jumbo family bada badi periya pedda dodda mega king giant bumper economy "
                            "value saver party maxi"}
# Nouns a size word names a pack with ("Family Pack", "King Size", "Value Bag"), not a form of it.
_SIZED_NOUNS = "pack packet size bag"
FORM_PREFIX = "form_"  # lexicon concepts of what a product comes in (forms.tsv): bar, sachet, refill...
COLOUR_PREFIX = "colour_"  # lexicon colours (colours.tsv): they tell variants apart, they name no kind
_SPLIT = re.compile(r"[^\w]+|_")
# English long a before a silent final e, as the Indian scripts write it: Gate ગેટ, Cake केक, Paste पेस्ट,
# Orange ऑरेंज - an e sound, the final e unsaid (a g before it stays hard: it came from ग, not from English).
_QU = re.compile(r"ku(?=[aeio])")  # "quick", "queen" keyed kuik, kuin
# A first "a" before one consonant and i/e is said as a long a: Ariel is ഏരിയൽ / एरियल, read back as "eriel".
_OPEN_A = re.compile(r"a[^aeiouy][ie]")
# So is one after a first consonant, the vowel of the next syllable often unwritten: Label is लेबल / లేబుల్,
# Paper पेपर, Table टेबल (keyed "lebl", "pepr": read back as "lebel").
_FIRST_OPEN_A = re.compile(r"^([^aeiouy])a(?=[^aeiouy][ie][^aeiou]*$)")
_LONG_A = re.compile(r"(?<=[^aeiou])a([^aeiouy]?[^aeiouyg])e(s?)$")  # a soft g: said_as gives its j
# An English short u before two consonants or a last one (Lux, Sunsilk, Surf) is written with the scripts'
# short a: லக்ஸ், सनसिल्क, सर्फ (keys "luks", "sunsilk" read back as "laks", "sansilk").
_SHORT_U = re.compile(r"(?<=[^aeiou])u(?=[^aeiouyv](?:[^aeiou]|$))")

# What an unexplained word of a product costs: a head noun ("sauce", "chocolate") or a variant word
# ("lite", "silk") makes it another product than the one asked for; a brand is fine for a generic request.
# A pack's size in words ("Family Pack") costs nothing, as its size in figures ("800 g") does not; the colour
# of its pack little ("Nandini Toned Milk (Blue)" is the toned milk, "Homogenised Toned Milk" another one).
ROLE_PENALTY = {"brand": 0.15, "head": 0.3, "variant": 0.25, "neutral": 0.05, "form": 0.05, "size": 0.0,
                "colour": 0.05}


@dataclass(frozen=True)
class Term:
    key: str
    concepts: frozenset[str]
    role: str  # brand, head (names a kind of product), variant, neutral, form (bar, sachet, refill), size (Family
    # Pack), colour (of the pack)


@lru_cache(maxsize=1)
def name_size_keys() -> dict[str, frozenset[str]]:
    """NAME_SIZE_WORDS as keys, per size."""
    return {size: frozenset(word_key(w) for w in words.split()) for size, words in NAME_SIZE_WORDS.items()}


def sized_pack_at(keys: list[str], i: int) -> bool:
    """The i-th word is a pack noun a size word before it qualifies ("Family Pack", "Jumbo Pack"): it names
    the pack's size, and says nothing of its form (a customer's "packet" is any pack)."""
    return i > 0 and keys[i] in _sized_noun_keys() and any(keys[i - 1] in ks for ks in name_size_keys().values())


@lru_cache(maxsize=1)
def _sized_noun_keys() -> frozenset[str]:
    return frozenset(word_key(w) for w in _SIZED_NOUNS.split())


@lru_cache(maxsize=1)
def neutral_keys() -> frozenset[str]:
    return frozenset(word_key(w) for w in _NEUTRAL.split())


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """key() of one name word, kept: a catalog repeats its brands and kinds thousands of times."""
    return key(word)


def name_words(name: str) -> list[str]:
    """Words of a product name without sizes and without "(loose, per kg)"-style notes."""
    name = _PARENS.sub(lambda m: " " if _is_noise(m.group(1)) else f" {m.group(1)} ", name)
    name = name.replace("'", "").replace("’", "")
    name = _SIZE.sub(" ", _MULTIPACK.sub(" ", name))
    return spelled_out([w for w in _SPLIT.split(name) if w and not w.isdigit()])


def _is_noise(note: str) -> bool:
    """A note in brackets that says how the product is sold, not what it is: "(loose)", "(pack of 4)", and
    unit words ("(Gaddi)", "(Bunch)", "(Darjan)", "(30 Nos)"): Palak (Gaddi) is no product called "gaddi"
    (the key of the brand Ghadi too)."""
    words = [w for w in _SPLIT.split(note) if w and not w.isdigit()]
    return bool(_NOISE_PARENS.search(note)) or bool(words) and all(unit_of(w) for w in words)


def name_numbers(text: str) -> list[tuple[str, str]]:
    """(digits, word) pairs where a number is part of the name: "Brooke Bond 3 Roses Tea 250g" ->
    [("3", "Roses")]; sizes ("250g") and bundles ("4 Pack") are not."""
    if not _NAME_NUMBER.search(text):
        return []
    return _NAME_NUMBER.findall(_MULTIPACK.sub(" ", _PARENS.sub(" ", text)))


def pack_count(name: str) -> int | None:
    m = _PACK_OF.search(name)
    return int(next(g for g in m.groups() if g)) if m else None


def terms_of(words: list[str], brand_keys: frozenset[str], lexicon=None, keyed: bool = False) -> list[Term]:
    """Terms of words (or of a mention's keys, when `keyed`) with their lexicon concepts. A mention's
    two-word phrase counts in either order: Indian languages put the describing word after the noun."""
    lex = lexicon or lexicon_module.load()
    keys = list(words) if keyed else [k for k in (_word_key(w) for w in words) if k]
    keys = [part for k in keys for part in k.split()]
    # Every phrase a word is part of tags it: "toned milk" is a toned_milk, and its "milk" is also milk.
    concepts: list[frozenset[str]] = [frozenset()] * len(keys)
    for i in range(len(keys)):
        for n in range(1, min(lex.longest_phrase, len(keys) - i) + 1):
            found = lex.concepts(" ".join(keys[i:i + n]))
            if found:
                for j in range(i, i + n):
                    concepts[j] = concepts[j] | found
    if keyed:  # said by a customer: "bread brown wala", "dal chana" name a brown bread, a chana dal
        for i in range(len(keys) - 1):
            if not lex.concepts(keys[i]):
                continue  # the noun said first must be one on its own ("lef bai" is Lifebuoy, no bay leaf)
            turned = lex.concepts(f"{keys[i + 1]} {keys[i]}")
            if turned and not concepts[i] & concepts[i + 1]:
                concepts[i], concepts[i + 1] = concepts[i] | turned, concepts[i + 1] | turned
    return [Term(k, c, _role(k, c, brand_keys)) for k, c in zip(keys, concepts)]


def other_sorts(keys: list[str], lexicon=None) -> list[frozenset[str]]:
    """Per word of a name, its senses of another sort than a phrase it is part of: the "chilli" of "Chilli
    Powder" is no green chilli (a vegetable; the powder is a spice), the "milk" of "Toned Milk" is milk.
    They still find the product (a customer's "sarson" is the "mustard" of Mustard Oil), but they do not
    say what kind of thing it is."""
    lex = lexicon or lexicon_module.load()
    phrases: list[set[str]] = [set() for _ in keys]
    for i in range(len(keys)):
        for n in range(2, min(lex.longest_phrase, len(keys) - i) + 1):
            for j in range(i, i + n):
                phrases[j] |= lex.concepts(" ".join(keys[i:i + n]))
    out = []
    for k, found in zip(keys, phrases):
        sorts = {lex.categories.get(c) for c in found}
        out.append(frozenset(c for c in lex.concepts(k) - found if found and lex.categories.get(c) not in sorts))
    return out


def _role(k: str, concepts: frozenset[str], brand_keys: frozenset[str]) -> str:
    if k in brand_keys:
        return "brand"
    if k in neutral_keys():
        return "neutral"
    if concepts and all(c.startswith(FORM_PREFIX) for c in concepts):
        return "form"
    if concepts and all(c.startswith(COLOUR_PREFIX) for c in concepts):
        return "colour"
    return "head" if concepts else "variant"


def skeleton(k: str) -> str:
    """Consonants only: lefboi / lifebuoi -> lfb; brand names written in other scripts meet here."""
    return re.sub(r"[aeiou\s]+", "", k)


def spoken_ways(latin_key: str) -> set[str]:
    """The ways a name word may be said (phonetic.said_as), each as the Indian scripts write it (written_ways)."""
    return {way for said in said_as(latin_key) for way in written_ways(said)}


def written_ways(word: str) -> set[str]:
    """An English word as the Indian scripts write it: a long a as e ("gate" is ગેટ / गेट, read back as "get";
    "ariel" is एरियल, "label" लेबल), "tch" as the ch it sounds (கிச்சன், किचन for kitchen), a final "ng" as the n its nasal
    letter is read back as (கிங் for king), "qu" as kv (क्विक, క్విక్ for quick: "kuik" read back as "kvik"), a
    short u as a (லக்ஸ் for Lux), a first "wh" (keyed vh) as Bengali হু (হুইল for Wheel, হুইস্পার for Whisper)."""
    ways = {word, word.replace("tch", "ch"), _QU.sub("kv", word), _SHORT_U.sub("a", word)}
    ways |= {"hu" + w[2:] for w in ways if w.startswith("vh")}  # a first wh (keyed vh) is Bengali হু: হুইল
    ways |= {w[:-1] for w in ways if w.endswith("ng") and len(w) >= 4}
    ways |= {"e" + w[1:] for w in ways if _OPEN_A.match(w)} | {_FIRST_OPEN_A.sub(r"\1e", w) for w in ways}
    return ways | {_LONG_A.sub(r"e\1\2", w) for w in ways}
