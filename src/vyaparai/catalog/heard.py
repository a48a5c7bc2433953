"""Names heard rather than spelled: run together or split apart, said in another script, matched by sound."""
from __future__ import annotations

from rapidfuzz import fuzz

from vyaparai.catalog.entry import Entry
from vyaparai.catalog.index import TermIndex
from vyaparai.catalog.scoring import Fit
from vyaparai.catalog.terms import skeleton
from vyaparai.nlu.phonetic import sound_key, sound_spelling

SOUNDS_LIKE = 80.0  # the fit of a product whose name sounds just like the mention
_SOUNDS_UNLIKE = 30.0  # how much a sound-alike name loses as its vowels differ
_JOINED_BRAND = 0.85  # how alike two words run together must sound to a brand word to be read as it
_JOINED_WORD = 0.9  # how alike two words run together must be spelled to a known word to be read as it


def name_views(entry: Entry) -> list[str]:
    """The ways a product's name may be said run together: all of it, its brand, its words before the
    kind, its brand with the letters after it."""
    spoken = entry.spoken
    said = [spoken.get(t.key, t.key) for t in entry.name]
    brand = [spoken.get(t.key, t.key) for t in entry.name if t.role == "brand"]
    lead = []
    for t in entry.name:
        if t.role in ("head", "form", "size") or t.key.isdigit():
            break
        lead.append(spoken.get(t.key, t.key))
    lettered = []  # the brand and the letters said after it: "parle" + "ji"
    for t in entry.name:
        if t.role == "brand" or (lettered and t.key in spoken):
            lettered.append(spoken.get(t.key, t.key))
        elif lettered:
            break
    own = [w for w, t in zip(lead, entry.name) if t.role != "brand"]  # "Dant Kanti" of Patanjali, said alone
    return ["".join(view) for view in (said, brand, lead, lettered, own if len(own) > 1 else []) if view]


def name_sounds(entry: Entry) -> set[str]:
    """Sound keys of a product's brand and of its name up to the first word of a kind, letters said
    as letters ("Parle-G Glucose Biscuits" -> parleji): the whole mention may be written as one word."""
    keys = {sound_key(view) for view in name_views(entry)}
    return {k for k in keys if len(k.lstrip("a")) >= 3}


def name_skeletons(entry: Entry) -> set[str]:
    """Consonant skeletons of a product's brand+name words and of its aliases ("thums up" -> thmsp)."""
    views = [entry.name, *entry.aliases]
    brand = [t for t in entry.name if t.role == "brand"]
    out = {skeleton("".join(t.key for t in v)) for v in views}
    if brand:
        out.add(skeleton("".join(t.key for t in brand)))
    return {s for s in out if len(s) >= 3}


def split_brands_joined(terms: TermIndex, lexicon, words: list[str]) -> list[str]:
    """Two words that together sound like one brand word of the store are that word: Lifebuoy written
    "లైఫ్ బాయ్" or "life boy" is no "leaf" and "bay" (words of another product). So are two words that
    together spell one known word, when one of them alone means nothing: "sun flower", "ground nut"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and _one_brand(terms, lexicon, words[i], words[i + 1]):
            out.append(words[i] + words[i + 1])
            i += 2
            continue
        joined = _one_word(terms, lexicon, words[i], words[i + 1]) if i + 1 < len(words) else None
        if joined:
            out.append(joined)
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def _one_brand(terms: TermIndex, lexicon, a: str, b: str) -> bool:
    if a in terms.brand_keys or b in terms.brand_keys or min(len(a), len(b)) < 2:
        return False
    if lexicon.concepts(a) or lexicon.concepts(b):
        return False  # "chana dal" is chana dal, whatever brand it sounds like run together
    joined = a + b
    return joined in terms.brand_keys or any(
        k in terms.brand_keys and sim >= _JOINED_BRAND for k, sim in terms.sounds(joined))


def _one_word(terms: TermIndex, lexicon, a: str, b: str) -> str | None:
    """The known word two words spell run together ("sun flower" -> sunflower), or None: not when both
    mean something alone or together ("chana dal"), nor for a near spelling of a shorter word."""
    if (_means(terms, a) and _means(terms, b)) or lexicon.concepts(f"{a} {b}") or min(len(a), len(b)) < 2:
        return None
    joined = a + b
    if joined in terms.by_key:
        return joined
    near = [(sim, k) for k, sim in terms.near(joined) if sim >= _JOINED_WORD and len(k) >= len(joined) - 1]
    return max(near)[1] if near else None


def _means(terms: TermIndex, k: str) -> bool:
    """A product word, a lexicon word, or a letter of a name as it is said ("ji" of Parle G: "parle ji 250
    gram" is Parle G in the size said, not the shop's alias "parleji" of its smallest pack)."""
    return terms.meaningful(k) or k in terms.spoken.values()


def sounds_like(terms: TermIndex, words: list[str], units) -> dict[int, tuple[int | None, str]]:
    """Products whose whole name or brand sounds like the whole mention ("parleji", "थम्स अप"), or
    like one unknown word of it (குட்நைட் for Good Knight): product -> (that word's unit, None for
    the whole; what was said). Asked only when some word of the mention is not a known product word."""
    if all(u.weight >= 1.0 for u in units):
        return {}
    joined = "".join(words)
    found: dict[int, tuple[int | None, str]] = {}
    for n, u in enumerate(units):
        said = u.keys[0][0]
        sk = sound_key(said)
        if u.weight < 1.0 and len(units) > 1 and len(sk.lstrip("a")) >= 3:
            found.update(dict.fromkeys(terms.by_name_sound.get(sk, ()), (n, said)))
    found.update(dict.fromkeys(terms.by_name_skeleton.get(skeleton(joined), ()), (None, joined)))
    sk = sound_key(joined)
    if len(sk.lstrip("a")) >= 3:
        found.update(dict.fromkeys(terms.by_name_sound.get(sk, ()), (None, joined)))
    return found


def rest_explained(found: Fit, units, word: int | None) -> bool:
    """A product that sounds like one word of the mention fits it when it explains all the others; one
    that sounds like the whole mention, when it explains the words known for sure (ஃபார்ச்சூன்
    எண்ணெய் runs together like "Fortune", yet its oil is no atta; "2 ta pauruti" runs together like "Dabur
    Red", yet its pauruti is bread)."""
    explained = found.explained or (0,) * len(units)  # a product none of whose words were said
    if word is None:
        return all(e for u, e in zip(units, explained) if u.weight >= 1.0)
    return all(e for n, e in enumerate(explained) if n != word)


def sounds_like_fit(said: str, entry: Entry) -> float:
    """The fit of a product whose name sounds like what was said: full marks for the same sounds,
    less as the vowels differ (பார்லேஜி is Parle-G more than Balaji)."""
    spelled = sound_spelling(said)
    alike = max((fuzz.ratio(spelled, sound_spelling(view)) for view in name_views(entry)), default=0.0)
    return SOUNDS_LIKE - _SOUNDS_UNLIKE * (1 - alike / 100)
