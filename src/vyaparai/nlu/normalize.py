"""Clean raw chat text: Unicode form, digits of every Indic script, emoji, stretched letters, glued words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vyaparai.nlu.digit_letters import read_letters

# Work is capped: a chat message is short; anything past this is noise or an attack.
MAX_CHARS = 1000

# Zero digit of each Indic script (Devanagari .. Malayalam, Odia); the next nine follow it.
_DIGIT_ZEROS = (0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66)
_DIGITS = {zero + i: str(i) for zero in _DIGIT_ZEROS for i in range(10)}
_FRACTIONS = {"½": " 1/2 ", "¼": " 1/4 ", "¾": " 3/4 ", "⅓": " 1/3 ", "⅔": " 2/3 "}
_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None, 0x2060: None}
# Reactions that answer a question on their own ("👍" after "Shall I place the order?").
_REACTIONS = {"👍": " ok ", "👌": " ok ", "✅": " ok ", "✔": " ok ", "👎": " no ", "❌": " no "}
_TABLE = {**_DIGITS, **_INVISIBLE, **{ord(k): v for k, v in _FRACTIONS.items()},
          **{ord(k): v for k, v in _REACTIONS.items()},
          0x0964: " . ", 0x0965: " . ", 0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"',
          0x2013: "-", 0x2014: " - "}

_KEEP_CATEGORIES = ("L", "M", "N")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_SPACES = re.compile(r"[ \t\r\f\v]+")
# "6-pack", "4-pk": a multipack's size, written the way "pack of 6" is (the hyphen is lost later).
_N_PACK = re.compile(r"(\d+)\s*-\s*(?:pack|pk)s?\b")
# List numbering ("1) 2 kg aloo 2) 1 kg pyaz", "1. cheeni" at a line's start): no amount, a separator.
_LIST_MARK = re.compile(r"(?:(?<=\s)|^)\d{1,2}\)\s*|^\s*\d{1,2}\.\s+(?=\D)", re.MULTILINE)
# A full stop typed with no space before the next amount ("2 kg aloo.1 kg pyaz") ends a sentence; it
# is no decimal point after a letter.
_STOP_BEFORE_DIGIT = re.compile(r"(?<=[^\W\d_])(?<!rs)(?<!no)\.(?=\d)")  # not "rs.50", "no.5"
# "2,500 g", "1,000 rs": a comma before three digits groups thousands; "1,5 kg": a comma before one digit
# and a weight or volume is a decimal comma. Other commas between digits ("2,3 maggi") stay separators.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d(?!\d)\s*(?:kgs?|kilos?|gms?|grams?|g|l|lt|lts|ltrs?|litres?|liters?|ml)\b)")
# "Rs.20": the rupee abbreviation's dot, not the decimal point of ".20".
_RUPEE_DOT = re.compile(r"\b(rs|inr)\.(?=\d)")
# Ordinal endings glued to a number ("5ನೇ ಮೇನ್", "5వ క్రాస్", "5வது தெரு", "5वां", "৫ম"): the English "th", so an
# address's "5th Main" is read as one ordinal in every script, never a word of its own (ನೇ is no ghee).
_NATIVE_ORDINAL = re.compile(r"(?<=\d)(ನೇ|ನೆಯ|వది|వ|வது|ஆவது|ാം|वां|वीं|वें|वा|वी|वे|માં|મો|મી|ਵਾਂ|ਵੀਂ|ਵੇਂ|র্থ|তম|ম|য়)"
                             r"(?![^\W\d_])")
# Initials written with dots ("C.O.D", "u.p.i.", "g.pay" is no initials): one word, "cod", "upi".
_DOTTED_INITIALS = re.compile(r"(?<![a-z])((?:[a-z]\.){2,}[a-z]?)\.?(?![a-z])")


@lru_cache(maxsize=1024)  # a turn reads its text more than once (understand, data_request, the question's reply)
def normalize(text: str) -> str:
    """One cleaned, lower-case line per input line; separators kept as their own characters."""
    text = unicodedata.normalize("NFC", text[: MAX_CHARS * 2])[:MAX_CHARS]
    text = text.translate(_TABLE).lower()
    text = _DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _NATIVE_ORDINAL.sub("th", text)
    text = _N_PACK.sub(r" pack of \1 ", text)
    text = _DECIMAL_COMMA.sub(".", _THOUSANDS.sub("", text))
    text = _STOP_BEFORE_DIGIT.sub(" . ", _LIST_MARK.sub(" , ", _RUPEE_DOT.sub(r"\1 ", text)))
    text = "".join(_clean_char(c) for c in text)
    text = _STRETCHED.sub(r"\1\1", text)
    text = read_letters(text)  # "tw0", "f1ve": before letters and digits are split apart
    text = _DIGIT_LETTER.sub(" ", text)
    text = _split_scripts(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_char(c: str) -> str:
    cat = unicodedata.category(c)
    if cat[0] in _KEEP_CATEGORIES or c in " \n,.;:+&/?!'-#@%()\"":
        return c
    if c == "₹":
        return " rs "
    return " "


def _script_block(c: str) -> int:
    o = ord(c)
    if 0x0900 <= o <= 0x0DFF:
        return o >> 7  # one 128-char block per Indic script
    if c.isalpha():
        return 0
    return -1


def _split_scripts(text: str) -> str:
    """Put a space where letters change script ("UPI-ல", "2kgचीनी") so each token has one script."""
    out: list[str] = []
    prev = -1
    for c in text:
        block = _script_block(c)
        if block >= 0 and prev >= 0 and block != prev:
            out.append(" ")
        out.append(c)
        if block >= 0 or not unicodedata.category(c).startswith("M"):
            prev = block
    return "".join(out)
