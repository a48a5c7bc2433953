"""Amount phrases that span tokens: "two and a half", "pack of 6", "2 each" / "har ek", Bengali নয় (is not)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from vyaparai.nlu import numbers, units
from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import script_key, word_key

from vyaparai.nlu.dozens import dozen_and_more

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# Distributive words ("2 each", "தலா 2", "দুটো করে"): the amount goes to every item of the message.
_EACH = {
    "en": "each apiece every",
    "hi": "हरेक प्रत्येक harek pratyek",
    "ta": "தலா ஒவ்வொன்றும் ஒவ்வொன்று thala",
    "te": "తలా ఒక్కొక్కటి ఒక్కొక్కటీ",
    "kn": "ತಲಾ ಒಂದೊಂದು",
    "ml": "വീതം ഓരോന്നും veetham",
    "bn": "প্রতিটা প্রতিটি প্রত্যেকটা",
    "mr": "प्रत्येकी",
    "gu": "દરેક દરેકને",
    "pa": "ਹਰੇਕ",
}
# "every" before the number one: हर एक, har ek, ਹਰ ਇੱਕ.
_EVERY = "har हर ਹਰ"
# Multipack words before "of N" ("pack of 6") or after "N-" ("6-pack", which normalize writes "pack of 6").
_MULTIPACK = "pack pk combo set"
_HALF_JOINERS = "a an ek one"  # "two and a half", "do aur ek aadha"
# Words between the two ends of a rough amount ("2 se 3", "two or three", "do ya teen", "দুই থেকে তিন").
_RANGE_JOINERS = "se to or ya athva से या থেকে বা ਤੋਂ ਜਾਂ થી કે ಅಥವಾ അല്ലെങ്കിൽ அல்லது లేదా"


@lru_cache(maxsize=8)
def _keys(words: str, script: str) -> frozenset[str]:
    return frozenset(script_key(w) for w in words.split() if (token_script(w) or "Latn") == script)


@lru_cache(maxsize=16)
def _each_keys(script: str) -> frozenset[str]:
    return _keys(" ".join(_EACH.values()), script)


def _is(token: Token, words: str) -> bool:
    return script_key(token.text) in _keys(words, token.script or "Latn")


# Quarter words that are a weight by themselves (a paav is a quarter kilo): Hindi पाव, ਪਾਈਆ, পোয়া, પાવ.
_QUARTER_WEIGHT = "paav pav pao paiya pavva पाव पौआ पव्वा ਪਾਈਆ ਪਾਵ পোয়া પાવ"


def _quarter_weight(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    j = i + 1
    while j < len(tokens) and tokens[j].flags == {"filler"}:
        j += 1  # "paav bhar paneer"
    nxt = tokens[j] if j < len(tokens) else None
    return (t.kind == "frac" and t.value == 0.25 and _is(t, _QUARTER_WEIGHT)
            and nxt is not None and nxt.kind == "word" and not nxt.flags)


def _kilo(t: Token) -> Token:
    return type(t)(text="kg", key="kg", script="Latn", kind="unit", unit="kg")


def rewrite(tokens: list[Token]) -> list[Token]:
    """The tokens with these phrases read: fractions joined to their number, multipack counts and
    distributive words flagged, and a Bengali নয় that is not followed by a unit read as "not"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        end = _range_end(tokens, i)
        if end is not None:
            out.append(tokens[end])  # "do teen kilo": the larger of two neighbouring counts
            i = end + 1
            continue
        dozens = dozen_and_more(tokens, i)
        if dozens:  # "a dozen and a half" = 1.5 dozen, "2 dozen and 6" = 30
            count, end = dozens
            if out and out[-1].kind == "num" and out[-1] is tokens[i - 1]:
                out.pop()
            out.append(count)
            i = end
            continue
        joined = _and_a_half(tokens, i)
        if joined:
            t.value += joined[1]
            out.append(t)
            i = joined[0]
            continue
        if t.kind == "unit" and t.unit == "pack" and _is(t, _MULTIPACK) and _pack_of(tokens, i):
            n = tokens[i + 2]
            n.flags = n.flags | {"multipack"}  # "pack of 6": six in one pack, a size
            out.append(n)
            i += 3
            continue
        if _count_times_size(tokens, i):
            i += 1  # "3 x 70g maggi", "2 x 1kg sugar": the x joins a count to a pack size, as "2 5kg atta"
            continue
        article = _article_after_fraction(tokens, i)
        if article:
            out.append(t)
            i = article  # "half a kg", "quarter of a kilo": the fraction of one unit
            continue
        mixed = _mixed_measure(tokens, i)
        if mixed:
            t.value += mixed[1]
            out.extend([t, tokens[i + 1]])
            i = mixed[0]  # "1 kilo 200 gram", "1 litre 500 ml": one amount in the larger unit
            continue
        if _quarter_weight(tokens, i):
            out.extend([t, _kilo(t)])  # "paav adrak", "ਪਾਈਆ ਅਦਰਕ": a quarter kilo
            i += 1
            continue
        if _spoken_two(tokens, i):
            t.kind, t.value, t.flags = "num", 2.0, frozenset()  # voice typing hears "2 kg" as "to kg"
        if _pack_word_after_count(tokens, i):
            t.kind, t.value, t.unit = "unit", None, "pack"  # "એક વિમ બાર": a Vim bar, not twelve
        _mark_each(tokens, i)
        if _doubled(tokens, i):
            out.append(t)
            i += 2  # the repeated number goes, so a unit after it stays with the amount
            continue
        if t.kind == "num" and "not" in t.flags and (i + 1 >= len(tokens) or tokens[i + 1].kind != "unit"):
            t.kind, t.value = "not", None  # Bengali নয়: "nine" before a unit, else "is not"
        out.append(t)
        i += 1
    return out


def _pack_word_after_count(tokens: list[Token], i: int) -> bool:
    """A native number word spelled like an English pack word (Gujarati બાર, twelve, is also "bar"),
    right after a product word whose count was already said before it: the pack word."""
    t = tokens[i]
    if t.kind != "num" or t.script in (None, "Latn") or units.unit_words().get(word_key(t.text)) != "pack":
        return False
    if i == 0 or tokens[i - 1].kind != "word" or tokens[i - 1].flags:
        return False
    for before in reversed(tokens[:i - 1]):
        if before.kind == "sep":
            return False
        if before.kind in ("num", "frac"):
            return True
    return False


_ARTICLES = "a an"
_OF_WORDS = "of"


def _article_after_fraction(tokens: list[Token], i: int) -> int | None:
    """"half a kg", "quarter of a kilo", "half a dozen": after a fraction word, an English article (read as
    the number one) and an "of" before the unit say which unit it is a fraction of, not a second amount."""
    if tokens[i].kind != "frac":
        return None
    j = i + 1
    if j < len(tokens) and _is(tokens[j], _OF_WORDS):
        j += 1
    if j + 1 < len(tokens) and tokens[j].kind == "num" and _is(tokens[j], _ARTICLES) and tokens[j + 1].kind == "unit":
        return j + 1
    return None


def _count_times_size(tokens: list[Token], i: int) -> bool:
    """Token i is the "x" of "3 x 70g", between a count and a weight or volume that is the pack's size."""
    if tokens[i].kind != "times" or i == 0 or i + 2 >= len(tokens):
        return False
    count, size, unit = tokens[i - 1], tokens[i + 1], tokens[i + 2]
    return (count.kind == "num" and size.kind == "num" and unit.kind == "unit"
            and unit.unit in ("kg", "g", "l", "ml"))


_SMALLER = {"kg": ("g", 1000.0), "l": ("ml", 1000.0)}


def _mixed_measure(tokens: list[Token], i: int) -> tuple[int, float] | None:
    """"1 kilo 200 gram aloo", "1kg 500g": a weight or volume said in two units, the larger first, is one
    amount: (index after it, what the smaller part adds in the larger unit). Between two product words
    ("atta 1 kg 200 g haldi") they are two items' amounts."""
    if i + 3 >= len(tokens):
        return None
    t, unit, n, small = tokens[i:i + 4]
    if t.kind != "num" or t.value is None or unit.kind != "unit" or unit.unit not in _SMALLER:
        return None
    smaller, per = _SMALLER[unit.unit]
    if n.kind != "num" or not n.value or not 0 < n.value < per or small.kind != "unit" or small.unit != smaller:
        return None
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 4] if i + 4 < len(tokens) else None
    if before is not None and before.kind == "word" and after is not None and after.kind == "word" and not after.flags:
        return None
    return i + 4, n.value / per


def _and_a_half(tokens: list[Token], i: int) -> tuple[int, float] | None:
    """"two and a half", "2 and half", "ek aur aadha": (index after the phrase, the fraction)."""
    if tokens[i].kind != "num" or tokens[i].value is None or i + 2 >= len(tokens):
        return None
    joiner = tokens[i + 1]
    if joiner.kind != "sep" or "and" not in joiner.flags or not joiner.text.isalpha():
        return None
    j = i + 2
    if _is(tokens[j], _HALF_JOINERS) and j + 1 < len(tokens):
        j += 1
    frac = tokens[j]
    typed_fraction = frac.kind == "num" and "/" in frac.text  # "1 and 1/2 kg"
    if (frac.kind == "frac" or typed_fraction) and frac.value is not None and frac.value < 1:
        return j + 1, frac.value
    return None


def _range_end(tokens: list[Token], i: int) -> int | None:
    """"do teen kilo", "2-3 kg", "2 se 3 kilo", "ek-do packet": a rough amount of two neighbouring
    counts, of which the shop hands over the larger: the index of that count's token. Counts that
    are not neighbours ("2 5kg atta": two bags of 5 kg) are a count and a size."""
    t = tokens[i]
    if t.kind != "num" or not _whole(t.value) or (i > 0 and tokens[i - 1].kind in ("num", "mod", "frac")):
        return None
    j = i + 1
    if j < len(tokens) and _is(tokens[j], _RANGE_JOINERS):
        j += 1
    if j >= len(tokens) or tokens[j].kind != "num" or tokens[j].value != t.value + 1:
        return None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return j if after is None or after.kind in ("unit", "word") else None


def _whole(value: float | None) -> bool:
    return value is not None and value >= 1 and float(value).is_integer()


def _spoken_two(tokens: list[Token], i: int) -> bool:
    """"to kg onions", "too litre milk": dictation writes the number two as its sound-alike, which
    begins an amount (first, or after a separator) right before a unit of weight or volume, which it
    makes a unit token ("kg" alone is none)."""
    t, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if t.text.lower() not in ("to", "too") or nxt is None or (i > 0 and tokens[i - 1].kind != "sep"):
        return False
    unit = nxt.unit if nxt.kind == "unit" else units.unit_of(nxt.text)  # "kg" alone is no unit yet
    if unit not in ("kg", "g", "l", "ml", "dozen"):
        return False
    nxt.kind, nxt.unit = "unit", unit
    return True


def _doubled(tokens: list[Token], i: int) -> bool:
    t, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    return (t.kind in ("num", "frac") and nxt is not None and nxt.kind == t.kind and nxt.value == t.value
            and ((t.value or 0) >= 1 or t.kind == "frac") and t.text == nxt.text)  # "aadha aadha kilo": halves


def _pack_of(tokens: list[Token], i: int) -> bool:
    return (i + 2 < len(tokens) and tokens[i + 1].text in ("of", "off") and tokens[i + 2].kind == "num"
            and tokens[i + 2].text.isdigit())


def _mark_each(tokens: list[Token], i: int) -> None:
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    script = t.script or "Latn"
    if t.kind == "word" and script_key(t.text) in _each_keys(script):
        t.flags = t.flags | {"each", "filler"}
    elif _is(t, _EVERY) and nxt is not None and nxt.kind == "num" and nxt.value == 1:
        t.flags = t.flags | {"each", "filler"}
        nxt.kind, nxt.value, nxt.flags = "word", None, nxt.flags | {"filler"}  # "har ek": each one
    elif _doubled(tokens, i):
        t.flags = t.flags | {"each"}  # "do do packet", "ek ek kilo": that amount of every item


def count_before_hundred(tokens: list[Token], lang: str) -> None:
    """"elaichi do sau gram": a Latin hundred word (sau) is Hindi, so the word before it is read as a Hindi
    number even where the short line was guessed English ("do", "teen" are no English numbers)."""
    if lang not in ("en", "hinglish"):
        return
    for prev, token in zip(tokens, tokens[1:]):
        if token.kind == "hundred" and token.text.isascii() and prev.kind == "word" and prev.text.isascii():
            found = numbers.number_word(prev.text, "hinglish")
            if found is not None and found[0] in ("num", "frac"):
                prev.kind, prev.value = found
                prev.flags = prev.flags - {"filler"}
