"""Words beside an amount or a name that say nothing about an item: a wait, a counting word, an emphasis."""
from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable

from vyaparai.nlu import units
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.chat_words import BUILDING_WORDS, COMMON_LATIN_WORDS, LANGUAGE_POSTPOSITIONS, WAIT_NOUNS

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# Counting words typed after a number ("৬টা ডিম", "১২টি", "മുട്ട 12 എണ്ണം", "ઈંડા 12 નંગ"): Bengali
# classifiers, Malayalam എണ്ണം and Gujarati નંગ ("in number"), never a product word.
_CLASSIFIERS = frozenset({"টা", "টি", "টো", "টে", "খানা", "খান", "എണ്ണം", "നംഗ്", "નંગ", "નગ"})
# Hindi "ek kaam karo" / Marathi "एक काम करा" ("do one thing"): an opener, not "one less". The typed
# long vowel tells "kaam" (work) from "kam" (less), which the folded key merges.
_WORK = frozenset({"काम", "kaam"})
# "I'd like", "id want" (the apostrophe is dropped before this): "I would", not the brand iD.
_I_WOULD = frozenset({"id"})
_WISH_VERBS = frozenset({"like", "love", "want", "need", "prefer", "rather", "also", "be"})
# The southern languages' "one" before a number says "about" ("ஒரு அஞ்சு கிலோ", "ഒരു അഞ്ച് കിലോ"): no count.
_ABOUT_ONE = frozenset({"ஒரு", "ఒక", "ಒಂದು", "ഒരു"})
# Native words for a pack form that a product's English name says (Tamil தட்டு, a tray): read as that word.
_FORM_WORDS = {"தட்டு": "tray"}
_EMPHASIS_HI = frozenset({"hi"})  # Hinglish "3 hi", "atta hi": only that, not a greeting
# "Per" before a unit ("paneer per kg?", "प्रति किलो", "ప్రతి కిలో"): the basis of a price, no amount and no
# part of the product's name.
_PER = frozenset({"per", "prati", "prathi", "प्रति", "प्रती", "ప్రతి", "প্রতি", "ಪ್ರತಿ", "പ്രതി", "પ્રતિ", "ਪ੍ਰਤੀ", "ஒவ்வொரு"})


def read_asides(tokens: list[Token]) -> None:
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == "num" and t.value == 1 and nxt is not None and _is_wait(tokens, i + 1):
            _silence(t, nxt)  # "ek minute...", "ஒரு நிமிஷம்": a pause, not one of anything
        elif t.kind == "num" and t.value == 1 and nxt is not None and nxt.text in _WORK:
            _silence(t, nxt)
            if i + 2 < len(tokens) and "make" in tokens[i + 2].flags:
                _silence(tokens[i + 2])
        elif t.text in _ABOUT_ONE and nxt is not None and nxt.kind == "num" and nxt.value and nxt.value > 1:
            _silence(t)
        elif _softening_one(tokens, i):
            _silence(t)
        elif prev is not None and prev.kind in ("num", "unit") and t.text in _CLASSIFIERS:
            _silence(t)  # "৬টা", and "এক কেজির-টা" (the one of a kilo) after a unit
        elif t.text.lower() in _PER and nxt is not None and units.unit_of(nxt.text) not in (None, "inr"):
            _silence(t, nxt)
        elif t.text.lower() in _I_WOULD and nxt is not None and nxt.text.lower() in _WISH_VERBS:
            _silence(t)
        elif t.text in _FORM_WORDS and t.kind == "word":
            t.key, t.respelled = word_key(_FORM_WORDS[t.text]), True  # "ஒரு தட்டு முட்டை": a tray of eggs
        elif t.text.lower() in BUILDING_WORDS:
            t.flags = frozenset({"address"})  # "12, Rose Villa, ...": part of an address, no price word
        elif t.text in _EMPHASIS_HI and prev is not None and prev.kind in ("word", "num", "unit"):
            _silence(t)
        elif prev is not None and "langname" in prev.flags and t.text.lower() in LANGUAGE_POSTPOSITIONS:
            _silence(t)


# Malayalam ഒന്ന് ("one") right before a request verb softens it ("ഒന്ന് തരാമോ", could you just give):
# after an amount already said it counts nothing.
_SOFTENING_ONE = frozenset({"ഒന്ന്"})


def _softening_one(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (t.text in _SOFTENING_ONE and nxt is not None and "want" in nxt.flags
            and any(b.kind in ("num", "frac") for b in tokens[:i]))


def _is_wait(tokens: list[Token], i: int) -> bool:
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].text.lower() in WAIT_NOUNS and (after is None or after.kind in ("sep", "dots")
                                                      or "filler" in after.flags)


def _silence(*tokens: Token) -> None:
    for t in tokens:
        t.kind, t.value, t.unit, t.flags = "word", None, None, frozenset({"filler"})


def common_words_out_of_context(tokens: list[Token], known: Callable[[str], bool]) -> None:
    """An everyday word that is also a product word ("long", "match") names a product only in a product
    context: an amount or a want word in the message, or a product word right beside it."""
    if any(t.kind in ("num", "frac", "unit") or "want" in t.flags for t in tokens):
        return
    for i, t in enumerate(tokens):
        if t.kind != "word" or t.flags or t.text.lower() not in COMMON_LATIN_WORDS:
            continue
        beside = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        if not any(b.kind == "word" and not b.flags and b.text.lower() not in COMMON_LATIN_WORDS
                   and known(b.key) for b in beside):
            _silence(t)


def hesitations_out(tokens: list[Token]) -> list[Token]:
    """"wait, make it 1 kg", "no wait, 1 kilo kar do": a wait word before an amount to make is a hesitation, the
    amount the answer, so it is left out; only a wait said alone (or with no amount) holds the answer back."""
    if not any(t.flags & {"make", "change"} for t in tokens) or not any(t.kind in ("num", "unit") for t in tokens):
        return tokens
    return [t for t in tokens if not ("hold" in t.flags and t.kind == "word")]
