"""Split a normalized message into tokens and say what each one is (number, unit, separator, word...)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from vyaparai.nlu import amount_phrases, collisions, hours, lexicon, numbers, signals, swaps, units
from vyaparai.nlu.asides import read_asides
from vyaparai.nlu.script import token_script
from vyaparai.nlu.size_words import is_size_word
from vyaparai.nlu.translit import word_key

MAX_TOKENS = 120  # a chat message; the rest of a huge paste is ignored
_TOKEN = regex.compile(r"\d+/\d+|\d+(?:\.\d+)?|[\p{L}\p{M}]+|\.{2,}|\.\d+|[,;\n+&.!?#]")
_SEPARATOR_PUNCT = {",", ";", "\n", "+", "&", ".", "!", "?"}
# Signals looked up for every token, in this order; the first that fits names the token's kind.
_KIND_SIGNALS = ("and", "not", "instead")
_FLAG_SIGNALS = ("want", "filler", "remove", "change", "more", "less", "make", "cart", "show", "checkout",
                 "online", "pay", "cash", "money", "arrival", "where", "order", "cancel", "greet", "help",
                 "yes", "no", "offtopic", "address", "language", "enough", "all", "hold", "how")
# Hindi "do" is 2, but after a verb it is the imperative "give" (bhej do, hata do, kar do).
_VERB_BEFORE_DO = {"want", "make", "remove", "change", "more", "less", "cancel", "no"}
_DO_KEYS = {"do"}
# English words whose key collides with a number word ("for" and "four" both fold to "for").
_NOT_NUMBERS = {"for", "to", "too", "tu", "be", "won"}


@dataclass
class Token:
    text: str
    key: str
    script: str | None
    kind: str = "word"  # num frac mod hundred unit times sep not instead dots word
    value: float | None = None
    unit: str | None = None
    flags: frozenset[str] = frozenset()
    respelled: bool = False  # the key is a lexicon word spelled with the script's other sound (nlu.voicing)


def tokenize(text: str, lang: str) -> list[Token]:
    text = hours.clock_digits_as_words(units.join_dotted(text.replace("'", "")))
    raw = [m.group(0) for m in _TOKEN.finditer(text)][:MAX_TOKENS]
    tokens: list[Token] = []
    for part in raw:
        stem = _without_um(part, lang)
        tokens.extend(_split_glued(stem, lang))
        if stem != part:
            tokens.append(Token(",", "", None))  # the ending meant "and"
    for i, token in enumerate(tokens):
        _classify(token, lang, tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None)
    collisions.read_put_verbs(tokens)
    collisions.read_grocery_phrases(tokens)
    collisions.read_praise(tokens)
    swaps.read_swaps(tokens)
    hours.read_hours(tokens)
    amount_phrases.count_before_hundred(tokens, lang)
    _fix_hindi_do(tokens, lang)
    read_asides(tokens)
    tokens = amount_phrases.rewrite(tokens)
    _mark_order_number(tokens)
    _verb_after_make(tokens)
    _good_morning(tokens)
    _one_more(tokens)
    return tokens


def _one_more(tokens: list[Token]) -> None:
    """"chai patti ek aur", "2 kilo aur badha dena": an "aur" after an amount that ends the line or comes
    before a verb means "more", not "and"."""
    for i, t in enumerate(tokens):
        if t.kind != "sep" or "and" not in t.flags or i == 0 or tokens[i - 1].kind not in ("num", "unit"):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _counts_a_word(tokens, i + 1):
            continue  # "200 ग्राम और दो साबुन": दो before a product word is two of it, so और is "and"
        if nxt is None or nxt.kind == "sep" or nxt.flags & {"change", "more", "want", "make"}:
            t.kind, t.flags = "word", t.flags | {"more", "filler"}


def _counts_a_word(tokens: list[Token], i: int) -> bool:
    """A number at i right before a word that is no chat word: a count of that word."""
    return (i + 1 < len(tokens) and tokens[i].kind == "num" and tokens[i + 1].kind == "word"
            and not tokens[i + 1].flags)


# "bada" (big) and "badha" (increase) fold to one key; the typed word tells them apart.
_BIG = {"bada", "badi", "bade", "bara", "bari", "bare", "बड़ा", "बड़ी", "बड़े", "बडा", "बडी", "बडे"}
_TIMES_OF_DAY = {"morning", "evening", "afternoon", "night", "mornin"}


def _good_morning(tokens: list[Token]) -> None:
    """"Good morning" greets; "good" alone may be a brand word (Good Day, Good Knight)."""
    for t, nxt in zip(tokens, tokens[1:]):
        if t.text == "good" and nxt.text in _TIMES_OF_DAY:
            t.flags = t.flags | {"greet"}


def _verb_after_make(tokens: list[Token]) -> None:
    """"kar do", "ਕਰ ਦਿਓ", "करून द्या": the give-verb after "make" is part of it, not a request to add."""
    for prev, t in zip(tokens, tokens[1:]):
        if "make" in prev.flags and "want" in t.flags:
            t.flags = (t.flags - {"want"}) | {"make"}


def _mark_order_number(tokens: list[Token]) -> None:
    """"cancel 1042", "order #1042 ka kya hua": a long number next to order words is not an amount."""
    if not any(t.flags & {"order", "cancel", "where"} for t in tokens):
        return
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == "num" and t.text.isdigit() and len(t.text) >= 3 and (nxt is None or nxt.kind != "unit"):
            t.kind = "order_number"


# Tamil and Malayalam join "X and Y" as X-um Y-um (തക്കാളിയും സവാളയും, தக்காளியும்).
_UM_ENDINGS = (("യും", ""), ("ും", "്"), ("யும்", ""), ("ும்", "்"))


def _without_um(part: str, lang: str) -> str:
    for ending, replacement in _UM_ENDINGS:
        if part.endswith(ending) and len(part) > len(ending) + 1:
            k = word_key(part)
            if any(signals.has_signal(part, k, s, lang) for s in (*_KIND_SIGNALS, *_FLAG_SIGNALS)):
                return part  # a word of its own: வேணும் "want", போதும் "enough"
            return part[: -len(ending)] + replacement
    return part


def _split_glued(part: str, lang: str) -> list[Token]:
    """"rendukilo", "दोनकिलो" -> two kilo; "kgcheeni" -> kg cheeni (words typed without a space)."""
    k = word_key(part)
    token = Token(part, k, token_script(part))
    if len(k) < 5 or _known(part, k, lang):
        return [token]
    if not part.isascii():
        return _split_native_amount(part, lang) or [token]
    glued = units.glued_unit_prefix(k)
    if glued and glued[1] in lexicon.load().concepts_of:
        return [Token(glued[0], glued[0], "Latn"), Token(glued[1], glued[1], "Latn")]
    table = numbers.any_amount_word()
    unit_keys = units.unit_words()
    for spelled in dict.fromkeys((k, part.lower())):  # the key folds the "kk" of "ekkilo" into one k
        for n in range(len(spelled) - 2, 1, -1):
            head, rest = spelled[:n], spelled[n:]
            if head in table and rest in unit_keys and len(rest) >= 2:
                value = _amount_value(head, lang)
                return [Token(head, head, "Latn", kind="num", value=value), Token(rest, rest, "Latn")]
    return [token]


def _split_native_amount(part: str, lang: str) -> list[Token] | None:
    """"ಅರ್ಧಕೆಜಿ", "அரைகிலோ", "আধাকেজি", "അരക്കിലോ": a number word of the message's language glued to a
    unit word, split in the native text so both keep their script (the unit's consonant may be doubled
    at the join, as Malayalam and Tamil write it)."""
    for n in range(len(part) - 2, 1, -1):
        head, rest = part[:n], part[n:]
        if unicodedata.category(rest[0]).startswith("M"):
            continue  # the cut would split a letter from its vowel sign
        found = numbers.number_word(head, lang)
        if found is None or found[0] not in ("num", "frac"):
            continue
        for unit_text in (rest, _undoubled(rest)):
            if unit_text and units.unit_of(unit_text) is not None:
                return [Token(head, word_key(head), token_script(head)),
                        Token(unit_text, word_key(unit_text), token_script(unit_text))]
    return None


def _undoubled(text: str) -> str | None:
    """"ക്കിലോ" -> "കിലോ": a consonant doubled by the join (consonant, virama, the same consonant)."""
    if len(text) > 3 and text[0] == text[2] and unicodedata.category(text[1]) == "Mn":
        return text[2:]
    return None


def _amount_value(k: str, lang: str) -> float:
    for table in (numbers.cardinals(lang), numbers.fraction_amounts(lang)):
        if k in table:
            return table[k]
    for other in numbers.LANGS:
        for table in (numbers.cardinals(other), numbers.fraction_amounts(other)):
            if k in table:
                return table[k]
    return 1.0


def _known(part: str, k: str, lang: str) -> bool:
    return (units.unit_of(part) is not None or k in numbers.cardinals(lang)
            or any(signals.has_signal(part, k, s, lang) for s in ("want", "filler", "make")))


def _classify(token: Token, lang: str, prev: Token | None, nxt: Token | None) -> None:
    if token.kind == "num" and token.value is not None:
        return  # a number split out of a glued word ("bekilo")
    if _symbol_or_digits(token, nxt):
        return
    text, k = token.text, token.key
    unit = units.unit_of(text)
    after_number = prev is not None and prev.kind in ("num", "frac", "hundred")
    if after_number and text == "no" and not (nxt is not None and nxt.text[:1].isdigit()):
        token.kind, token.unit = "unit", "piece"  # "3 no maggi", "maggi 3 no": numbers of, like "nos"
        return
    rupees_before_number = unit == "inr" and nxt is not None and nxt.text[:1].isdigit()  # "rs 20"
    if unit and len(k) <= 2 and not after_number and not rupees_before_number:
        unit = None  # "parle g", "l" alone: a letter, not grams or litres
    if unit is None and after_number and text.isascii() and not _signal_flags(text, k, lang):
        unit = units.misspelled_unit(k)  # "1 dozn eggs"
    if unit:
        token.kind, token.unit = "unit", unit
        token.key = units.loaned_pack_word(text) or k  # the key a product's form is named by ("bar")
        return
    _number_word(token, lang)
    if (token.kind == "word" and nxt is not None and units.unit_of(nxt.text) not in (None, "inr")
            and text.lower() not in _NOT_NUMBERS - {"be"}):  # "rate for kg": no four; Gujarati "be kilo": two
        token.kind, token.value = ("num", v) if (v := numbers.count_of_any_language(text)) else ("word", None)
    token.flags = _signal_flags(text, k, lang)
    if token.kind == "word" and text != "the":  # "the" folds to "te", Punjabi for "and"
        for s in _KIND_SIGNALS:
            if s in token.flags:
                token.kind = s if s != "and" else "sep"
                break


def _symbol_or_digits(token: Token, nxt: Token | None) -> bool:
    """Separators, "...", digits and the "x" of "x 10": True when the token is one of them."""
    text = token.text
    value = numbers.digits_value(text)
    if text in _SEPARATOR_PUNCT:
        token.kind = "sep"
    elif text.startswith(".."):
        token.kind = "dots"
    elif value is not None:
        token.kind, token.value = "num", value
    elif text == "#" or text[:1].isdigit():
        token.kind = "punct"  # "#", or digits that are no number ("1/0")
    elif text == "x" and nxt is not None and numbers.digits_value(nxt.text) is not None:
        token.kind = "times"
    else:
        return False
    return True


def _number_word(token: Token, lang: str) -> None:
    """Number, fraction and multiplier words in the message's language ("teen", "ஒன்றரை", "sau"),
    compared in their own script (numbers.number_word), not by the product-word fold."""
    text = token.text
    if lang == "en" and text in _NOT_NUMBERS:
        return
    found = numbers.number_word(text, lang)
    if found is None and text.endswith(_TAMIL_DOUBLED):
        found = numbers.number_word(text[:-2], lang)  # "அரைக் கிலோ": the க் doubles the next word's k
    if found is not None:
        token.kind, token.value = found
        if token.kind == "hundred":
            token.value = 100.0
    elif (compound := numbers.native_compound(text, lang)) is not None:
        token.kind, token.value = "num", compound


# Tamil writes the first consonant of the next word doubled onto a word (அரைக் கிலோ, ஒன்றரைப் பாக்கெட்).
_TAMIL_DOUBLED = ("க்", "ச்", "த்", "ப்")
_PRONOUNS = {"you", "u", "we", "i", "they", "it"}


@lru_cache(maxsize=32768)
def _signal_flags(text: str, k: str, lang: str) -> frozenset[str]:
    flags = {s for s in (*_KIND_SIGNALS, *_FLAG_SIGNALS)
             if signals.has_signal(text, k, s, lang) and collisions.keep_signal(text, k, s)}
    if text in _BIG:
        flags -= {"change", "more"}
    if signals.language_named(text, k) and not (text.isascii() and len(k) < 4):
        flags.add("langname")
    return frozenset(flags)


def _fix_hindi_do(tokens: list[Token], lang: str) -> None:
    for i, token in enumerate(tokens):
        if token.kind == "num" and token.key in _DO_KEYS:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.text in _PRONOUNS:  # "do you have ...": English
                token.kind, token.value = "word", None
                token.flags = token.flags | {"filler"}
                continue
            if i == 0:
                continue
            prev = tokens[i - 1]
            if ((prev.flags & _VERB_BEFORE_DO and prev.kind == "word") or _imperative_do(prev, nxt, lang)
                    or _gives_a_size(tokens, i, lang)):
                token.kind, token.value = "word", None
                token.flags = token.flags | {"filler"}


# "wala" before a final "do" keeps it a count ("1 litre wala do": two of the litre one).
_COUNT_AFTER = {"wala", "wali", "wale", "vala", "vali", "waala", "waali", "वाला", "वाली", "वाले"}


def _gives_a_size(tokens: list[Token], i: int, lang: str) -> bool:
    """"बड़ा वाला दो", "chhota wala do": after a size word and "wala" with no amount, a final "do" is "give"."""
    ends = i + 1 >= len(tokens) or tokens[i + 1].kind in ("sep", "dots")
    return (lang in ("hi", "hinglish", "mr") and ends and i >= 2 and tokens[i - 1].text in _COUNT_AFTER
            and is_size_word(tokens[i - 2]))


def _imperative_do(prev: Token, nxt: Token | None, lang: str) -> bool:
    """"aadha kilo paneer do", "ek kilo daal do": Hindi puts numbers before the noun, so a "do" that ends
    the sentence after a product word or an amount is the verb "give", not the number two."""
    ends = nxt is None or nxt.kind in ("sep", "dots")
    return (lang in ("hi", "hinglish", "mr") and ends and prev.text not in _COUNT_AFTER
            and prev.kind in ("word", "unit", "num", "frac"))
