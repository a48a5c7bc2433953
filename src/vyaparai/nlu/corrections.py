"""A message that corrects the customer's own words rather than adding to them.

- An amount refused for another: "maggi 2 nahi 3", "atta 2 nahi 3 kilo", "not 2, 3 maggi": the new amount
  is the total wanted (`Understanding.corrects`), so what is already in the cart is set to it, not added to.
- Refusal words said first as an interjection: "nahi, maggi 3 kar do", "no no, the big one please": the rest
  is an instruction of its own (an amount or a size, and a make/want word), so the leading "no" refuses nothing.
- A refusal said first, then an amount: "no, 4 eggs", "illa 2 kilo vengayam", "না, ৩টে ডিম": the customer
  corrects what they said before, so the amount is the total wanted (a correction, as above).
- An amount said with "only" or after a correcting word: "only 1 kg sugar", "cheeni sirf 1 kilo", "actually
  4 maggi", "வெங்காயம் 1 கிலோ மட்டும்": the amount is the total wanted, unless the customer says it is more
  ("also", "bhi", "more").
- A refusal said first with a product of its own: "not vim, rin bar do", "no pepsi, give sprite": that product
  is refused; the words are left as they are.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vyaparai.nlu.chat_words import ALSO_AFTER
from vyaparai.nlu.size_words import is_size_word
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import word_key

_AMOUNT = ("num", "frac")
_WORDS = regex.compile(r"[\p{L}\p{M}]+")
_REFUSAL = frozenset({"not", "no"})
_INSTRUCTION = frozenset({"make", "want", "change"})
_CHANGE = frozenset({"make", "change"})
_SEPARATORS = ("sep", "dots", "punct")
# Flag of a refusal said first and then corrected with an amount ("no, 4 eggs"): the amounts are totals.
_CORRECTED = "corrected"
# Restrictive words, "only" in each language: the amount said with them is all that is wanted.
_ONLY = ("only just sirf sirif keval kewal fakt faqt mattum matram mathram matrame maatra shudhu sudhu "
         "सिर्फ़ सिर्फ केवल फक्त மட்டும் மட்டும்தான் మాత్రమే ಮಾತ್ರ മാത്രം শুধু শুধুমাত্র ફક્ત માત્ર ਸਿਰਫ਼ ਸਿਰਫ ਕੇਵਲ")
# Emphatic "just" particles right after an amount ("aloo 2 kilo hi chahiye", "दो किलो ही"): only that much.
_EMPHATIC = "hi ही ਹੀ"
# Correcting words said first (English and Hinglish discourse words): the amount after them replaces one said.
_CORRECTING = "actually sorry oops matlab mtlb yaani"
# Additive words ("also", "too" in each language): with them an amount is more, never a total.
_ALSO = f"{ALSO_AFTER} aur more extra और ও আরও"
# "One more" / "another" said as one word or around a count ("innoru", "আরেকটা", "ಇನ್ನೊಂದು", "ഒന്നുകൂടി"):
# with no product named, more of the line just added (bot/last_line.py).
_ONE_MORE = ("another innoru inoru innonnu innondu arekta arekti आणखी अजून अजुन "
             "இன்னொரு இன்னொன்னு இன்னும் ఇంకొకటి ఇంకోటి ఇంకో మరొకటి మరో ఇంకా ಇನ್ನೊಂದು ಇನ್ನೂ ಇನ್ನು "
             "ഒന്നുകൂടി ഇനിയൊന്ന് ഇനിയും ഒരെണ്ണംകൂടി আরেকটা আরেকটি আরো আরেক ਹੋਰ બીજું બીજો બીજી હજુ વધુ")


def refuses_an_amount(tokens: list[Token]) -> bool:
    """An amount, then a refusal, then another amount ("2 nahi 3"), or a refusal of an amount followed by
    another ("not 2, 3")."""
    if any(_CORRECTED in t.flags for t in tokens):
        return True  # "no, 4 eggs": the leading refusal was read as an interjection before a new amount
    signs = _number_signs(tokens)
    words = [t for t in tokens if t.kind not in _SEPARATORS]
    for i, t in enumerate(words):
        if not (t.flags & _REFUSAL or t.kind == "not") or t.kind in _AMOUNT or id(t) in signs:
            continue
        before = next((w for w in reversed(words[:i]) if w.kind != "unit"), None)
        after = [w for w in words[i + 1:] if w.kind in _AMOUNT]
        if after and before is not None and before.kind in _AMOUNT:
            return True  # "maggi 2 nahi 3"
        if len(after) >= 2 and i + 1 < len(words) and words[i + 1].kind in _AMOUNT:
            return True  # "not 2, 3 maggi"
    return False


def _number_signs(tokens: list[Token]) -> set[int]:
    """"H.No 12", "House No 12": "no" after an address word or a letter and a dot is the number sign."""
    signs = set()
    for i, t in enumerate(tokens[1:], start=1):
        prev = tokens[i - 1]
        abbreviated = prev.text == "." and i >= 2 and len(tokens[i - 2].text) <= 2 and tokens[i - 2].kind == "word"
        if t.kind == "not" and t.key == "no" and ("address" in prev.flags or abbreviated):
            signs.add(id(t))
    return signs


def refused_amount_of_named(tokens: list[Token]) -> None:
    """"chini nahi 3 kilo kar do", "maggi nahi 5 chahiye": a refusal right after a product's name, followed only by
    a new amount and a make/want word, refuses the amount said before, not the product: the new amount is the
    total wanted. "maggi nahi, 2 kilo cheeni do" names another product after it and stays a swap."""
    words = [t for t in tokens if t.kind not in _SEPARATORS]
    for i, t in enumerate(words[1:], start=1):
        if not _refuses(t) or words[i - 1].kind != "word" or words[i - 1].flags:
            continue
        rest = words[i + 1:]
        if (rest and any(w.kind in _AMOUNT for w in rest) and any(w.flags & _INSTRUCTION for w in rest)
                and all(w.kind in (*_AMOUNT, "unit") or (w.kind == "word" and w.flags) for w in rest)
                and not any(_refuses(w) for w in rest)):
            t.kind, t.flags = "word", frozenset({"filler", _CORRECTED})
            return


def drop_leading_no(tokens: list[Token]) -> None:
    """Refusal words and correcting words said before an amount (see below, and `_mark_restricted_amount`).

    "nahi maggi 3 kar do", "nahi nahi bada wala packet chahiye", "no, 4 eggs": refusal words first, before
    an instruction with an amount or a size, or before a new amount, are an interjection (said, and refusing
    nothing); before an amount alone they mark the message as a correction. "not vim, rin do" keeps them: the
    words right after the refusal, up to the first pause, name what is refused."""
    _mark_restricted_amount(tokens)
    refused_amount_of_named(tokens)
    words = [t for t in tokens if t.kind not in _SEPARATORS]
    lead = 0
    while lead < len(words) and _refuses(words[lead]):
        lead += 1
    rest = words[lead:]
    if not lead or len(rest) < 2 or any(_refuses(w) for w in rest) or _refuses_a_thing(tokens, lead):
        return
    says_amount = any(w.kind in _AMOUNT for w in rest)
    says_which = says_amount or any(is_size_word(w) for w in rest)
    instructed = any(w.flags & _INSTRUCTION for w in rest)
    if not (says_which and instructed) and not says_amount:
        return
    # With a make/change word the message is a change of quantity anyway ("no, make it 6"); else the mark
    # says the amount is a total ("no, 4 eggs chahiye" sets the eggs to 4).
    sets_itself = any(w.flags & _CHANGE for w in rest)
    mark = frozenset({"filler", _CORRECTED}) if says_amount and not sets_itself else frozenset({"filler"})
    for w in words[:lead]:
        w.kind, w.flags = "word", mark
    if says_amount:
        for w in rest:  # "no, 2 kg is enough", "కాదు, 2 కిలోలు చాలు": that amount is all, not "that's all, order"
            if "enough" in w.flags:
                w.flags = (w.flags - {"enough"}) | {"filler"}


def _refuses_a_thing(tokens: list[Token], lead: int) -> bool:
    """The words after the leading refusals, up to the first pause, say no amount, size or instruction:
    they name what is refused ("not vim, ..."; "no pepsi, give sprite")."""
    seen, clause = 0, []
    for t in tokens:
        if seen < lead:
            seen += t.kind not in _SEPARATORS
            continue
        if t.kind in _SEPARATORS:
            break
        clause.append(t)
    if not clause or len(clause) == sum(1 for t in tokens if t.kind not in _SEPARATORS) - lead:
        return False  # no pause after them: the whole rest is one instruction ("nahi maggi 3 kar do")
    return not any(t.kind in _AMOUNT or t.kind == "unit" or is_size_word(t) or t.flags & _INSTRUCTION
                   for t in clause)


def _mark_restricted_amount(tokens: list[Token]) -> None:
    """"only 1 kg sugar", "actually 4 maggi": the "only" word anywhere, or a correcting word first, is no
    product word and makes the amount a total - unless an additive word, a "more" or a make/change word says
    otherwise (those read as usual)."""
    words = [t for t in tokens if t.kind not in _SEPARATORS]
    only, correcting, also, emphatic = _word_sets()
    marked = [t for t in words if _among(t, only)] + [t for t in words[:1] if _among(t, correcting)]
    marked += [t for prev, t in zip(words, words[1:]) if prev.kind in (*_AMOUNT, "unit") and _among(t, emphatic)]
    if not marked or not any(t.kind in _AMOUNT for t in words):
        return
    if any(t.flags & (_CHANGE | {"more"}) or _among(t, also) for t in tokens):
        return
    for t in marked:
        t.kind, t.flags = "word", frozenset({"filler", _CORRECTED})


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], ...]:
    def keys(words: str) -> frozenset[str]:
        return frozenset(word_key(w) if w.isascii() else unicodedata.normalize("NFC", w) for w in words.split())
    return keys(_ONLY), keys(_CORRECTING), keys(_ALSO), keys(_EMPHATIC)


def says_more(text: str, *, one: bool = False) -> bool:
    """The message has a word for "also" / "more" / "one more" ("aur", "bhi", "another", "இன்னொரு", "আরেকটা"):
    an amount said with it is more of something, never a total or a naming of what is there. With `one`, only
    the words that themselves say one more ("another", "innoru"; not "aur", which also means "and")."""
    more = _more_words()[1 if one else 0]
    return any((word_key(w) if w.isascii() else unicodedata.normalize("NFC", w)) in more
               for w in _WORDS.findall(text))


@lru_cache(maxsize=1)
def _more_words() -> tuple[frozenset[str], frozenset[str]]:
    def keys(words: str) -> frozenset[str]:
        return frozenset(word_key(w) if w.isascii() else unicodedata.normalize("NFC", w) for w in words.split())
    return keys(f"{_ALSO} {_ONE_MORE}"), keys(_ONE_MORE)


def _among(t: Token, words: frozenset[str]) -> bool:
    return (word_key(t.text) if t.text.isascii() else unicodedata.normalize("NFC", t.text)) in words


def _refuses(t: Token) -> bool:
    return bool(t.flags & _REFUSAL or t.kind == "not") and t.kind not in _AMOUNT


# Refusal words said right by a number ("500 nahi", "not 500", "500 வேண்டாம்"): that amount or size is not wanted.
_NUMBER_REFUSALS = ("not no nahi nahin nai mat नहीं नही नको না নয় இல்ல இல்லை வேண்டாம் కాదు వద్దు ಬೇಡ ಅಲ್ಲ "
                    "വേണ്ട അല്ല ਨਹੀਂ ਨਹੀ નહીં નથી")
_WORD_OR_NUMBER = regex.compile(r"[\p{L}\p{M}]+|\d+(?:\.\d+)?")


def refuses_a_number(text: str) -> bool:
    """A refusal word next to a number, either side, one word apart at most ("ghee 1 litre, 500 nahi", "not the
    500"): a size or amount said before is taken back."""
    refusals = _number_refusals()
    words = _WORD_OR_NUMBER.findall(unicodedata.normalize("NFC", text.lower()))
    spots = [i for i, w in enumerate(words) if w in refusals]
    return any(_next_to(words, i, step) for i in spots for step in (-1, 1))


def _next_to(words: list[str], i: int, step: int) -> bool:
    """A number one word away, or two with only "the", "wala" or a unit between ("not the 500", "100 g nahi")."""
    near, far = i + step, i + 2 * step
    if 0 <= near < len(words) and words[near][:1].isdigit():
        return True
    return 0 <= far < len(words) and words[far][:1].isdigit() and words[near] in _between()


# Words that may stand between the refusal and its number: an article, "wala", a unit.
_BETWEEN = ("the a wala wali vala wale वाला वाली g gm gram grams kg ml l ltr litre liter ग्राम किलो लीटर கிராம் கிலோ "
            "গ্রাম ਗ੍ਰਾਮ")


@lru_cache(maxsize=1)
def _between() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in _BETWEEN.split())


@lru_cache(maxsize=1)
def _number_refusals() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in _NUMBER_REFUSALS.split())
