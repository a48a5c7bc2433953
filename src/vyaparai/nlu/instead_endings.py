"""The case ending the refused product takes before an "instead" word: Malayalam ലക്സിന് പകരം (-ിന്, to
Lux), Gujarati લક્સને બદલે, Bengali লাক্সের পরিবর্তে, Kannada ಲಕ್ಸ್‌ಗೆ ಬದಲು. The
word under it is what the customer refuses; the ending is grammar, whether or not the store knows the stem
as typed (a brand is spelled in many ways: the matcher, not the lexicon, knows ലക്സ് is Lux)."""
from __future__ import annotations

import unicodedata

from vyaparai.nlu.translit import word_key

# Dative / genitive endings the word before "instead" carries, longest first. An ending that starts with a
# vowel sign took the word's own final virama (ലക്സ് + ിന് = ലക്സിന്), which comes back.
_ENDINGS = {
    "Mlym": ("ിനു", "ിന്", "യ്ക്ക്", "ക്ക്", "ന്", "നു"),
    "Gujr": ("નાં", "ને", "ના"),
    "Beng": ("য়ের", "ের"),
    "Knda": ("ಕ್ಕೆ", "ಗೆ"),
    "Telu": ("కు", "కి"),
    "Deva": ("च्या",),
}
_VIRAMA = {"Mlym": "്", "Taml": "்", "Knda": "್", "Telu": "్"}


def refused_stem(text: str, script: str | None) -> str:
    """The word under its "instead" case ending, or the word as typed when it carries none."""
    for ending in _ENDINGS.get(script or "", ()):
        stem = text[: len(text) - len(ending)].rstrip("\u200c")  # a joiner left before it (ಲಕ್ಸ್‌ಗೆ)
        if text.endswith(ending) and len(stem) >= 2:
            if unicodedata.category(ending[0]) in ("Mn", "Mc") and ending[0] != _VIRAMA.get(script or ""):
                stem += _VIRAMA.get(script or "", "")
            return stem
    return text


def strip_before_instead(run_tokens: list) -> None:
    """Take the ending off the last word of a run refused by an "instead" word."""
    if not run_tokens:
        return
    t = run_tokens[-1]
    stem = refused_stem(t.text, t.script)
    if stem != t.text:
        t.text, t.key = stem, word_key(stem)
