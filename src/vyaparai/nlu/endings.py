"""Case and possessive endings on product words (চিনির, ખાંડનો, साखरेचा, ಸಕ್ಕರೆಯನ್ನು): the word under them."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from vyaparai.nlu.script import token_script
from vyaparai.nlu.size_words import is_size_word
from vyaparai.nlu.translit import word_key

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# Genitive, accusative, dative and locative endings per script, longest first. Only tried on a word the
# store and the lexicon do not know as typed, and kept only when what is left is a word they know.
_ENDINGS = {
    "Deva": ("च्या", "चा", "ची", "चे", "चं", "ला", "ना", "ांना", "ात", "मध्ये", "वाला", "वाली"),
    "Gujr": ("માંથી", "નાં", "નું", "નો", "ની", "ના", "ને", "માં", "થી", "વાળું", "વાળો"),
    "Beng": ("য়ের", "গুলো", "গুলি", "দের", "ের", "কে", "তে", "র", "টা", "টি"),
    # Tamil, Kannada and Malayalam plurals (முட்டைகள், ಮೊಟ್ಟೆಗಳು, മുട്ടകൾ: eggs) with their accusatives.
    "Taml": ("களை", "கள்", "க்கு", "யை", "வை", "ஐ", "ை", "ல்", "ல"),
    "Telu": ("లను", "ని", "ను", "లు", "కి", ""),  # "": the oblique form (పాల ప్యాకెట్: of పాలు, milk)
    "Knda": ("ಗಳನ್ನು", "ಗಳು", "ಯನ್ನು", "ವನ್ನು", "ಅನ್ನು", "ನ್ನು", "ಗೆ", "ದ", "ಯ", ""),
    "Mlym": ("കളെ", "കൾ", "യുടെ", "ിന്റെ", "ന്റെ", "യെ", "നെ", "ിനെ"),
    "Guru": ("ਆਂ", "ਦਾ", "ਦੀ", "ਦੇ"),
}
_VIRAMA = {"Taml": "்", "Mlym": "്", "Knda": "್", "Telu": "్", "Deva": "्", "Beng": "্", "Gujr": "્", "Guru": "੍"}
# Oblique plurals end in i + the ending (ਛੋਲਿਆਂ, ਕੇਲਿਆਂ): the word itself ends in e or aa (ਛੋਲੇ, ਕੇਲਾ).
_OBLIQUE_I = {"Guru": ("ਿ", ("ੇ", "ਾ"))}
# The final u an ending replaces (பருப்பை from பருப்பு) or the oblique form drops (పాల from పాలు).
_FINAL_U = {"Taml": "ு", "Telu": "ు", "Knda": "ು"}


def strip_case_endings(tokens: list[Token], concept: Callable[[str], bool], known: Callable[[str], bool],
                       brand_like: Callable[[str], bool] = lambda k: False) -> None:
    """`concept`: a generic grocery word of the lexicon; `known`: any product word of the store;
    `brand_like`: spelled like one of the store's brands (ডাবর is Dabur, not ডাব + র). A stem that is a
    grocery word wins even over a typed form the store's spellings happen to hold."""
    for i, t in enumerate(tokens):
        if (t.kind != "word" or t.flags or t.script in (None, "Latn") or concept(t.key) or brand_like(t.key)
                or is_size_word(t)):
            continue  # a size word is whole: పెద్ద (big) is no పెద్ద్ + an ending
        if any(concept(p) for p in _phrases(tokens, i)):
            continue  # ચણાનો લોટ (gram's flour) is besan: the ending belongs to a grocery phrase
        if _phrase_in_other_gender(tokens, i, concept):
            continue
        stem = known_stem(t.text, t.script, concept)
        if stem is None and not known(t.key):
            stem = known_stem(t.text, t.script, known)
        if stem is not None:
            t.text, t.key = stem, word_key(stem)


# Genitive endings that agree with the noun after them (गव्हाचं / गव्हाचे पीठ): one grocery phrase.
_GENITIVES = {"Deva": ("च्या", "चं", "चा", "ची", "चे"), "Gujr": ("નાં", "નું", "નો", "ની", "ના")}


def _phrase_in_other_gender(tokens: list[Token], i: int, concept: Callable[[str], bool]) -> bool:
    """Rewrite "गव्हाचं पीठ" to the lexicon's "गव्हाचे पीठ" when only the genitive's agreement differs."""
    t = tokens[i]
    forms = _GENITIVES.get(t.script or "", ())
    ending = next((f for f in forms if t.text.endswith(f)), None)
    if ending is None or i + 1 >= len(tokens):
        return False
    stem = t.text[: -len(ending)]
    for other in forms:
        if concept(f"{word_key(stem + other)} {tokens[i + 1].key}"):
            t.text, t.key = stem + other, word_key(stem + other)
            return True
    return False


def _phrases(tokens: list[Token], i: int) -> list[str]:
    before = f"{tokens[i - 1].key} {tokens[i].key}" if i else ""
    after = f"{tokens[i].key} {tokens[i + 1].key}" if i + 1 < len(tokens) else ""
    return [p for p in (before, after) if p]


def known_stem(text: str, script: str, known: Callable[[str], bool]) -> str | None:
    """The word under a case or plural ending that `known` knows, or None."""
    # Marathi speech writes a final neuter -e as -ं (जिरं for जिरे, आलं for आले).
    if script == "Deva" and text.endswith("ं") and len(text) > 2 and known(word_key(text[:-1] + "े")):
        return text[:-1] + "े"
    # Gujarati plurals and neuters carry a final nasal (ટામેટાં, કેળાં): the word is the same without it.
    if script == "Gujr" and text.endswith("ં") and len(text) > 2 and known(word_key(text[:-1])):
        return text[:-1]
    for ending in _ENDINGS.get(script, ()):
        if not text.endswith(ending) or len(text) - len(ending) < 2 or (not ending and text[-1] in _FINAL_U.values()):
            continue
        for candidate in _candidates(text[: len(text) - len(ending)], script):
            if token_script(candidate) == script and len(word_key(candidate)) >= 3 and known(word_key(candidate)):
                return candidate
    return None


def _candidates(stem: str, script: str) -> list[str]:
    """The word an oblique plural stands for (ਛੋਲਿ → ਛੋਲੇ), the stem as left, without a linking vowel sign (साखरे → साखर), or with the vowel the ending ate."""
    i_sign, finals = _OBLIQUE_I.get(script, ("", ()))
    out = [stem[:-1] + f for f in finals] if i_sign and stem.endswith(i_sign) else []
    out.append(stem)
    if unicodedata.category(stem[-1]) in ("Mn", "Mc"):
        out.append(stem[:-1])
    if script in _FINAL_U:
        out.append(stem + _FINAL_U[script])
    out.append(stem + _VIRAMA.get(script, ""))
    return out
