"""Two grocery words written as one (কাঁচালঙ্কা for কাঁচা লঙ্কা, శనగపిండి, పచ్చిమిర్చి): a word the lexicon
does not know that splits, at a letter boundary, into the two words of one of its phrases is that phrase.
The phrase's last word may be said in another of its own spellings (కోడిగుడ్లు, hen's eggs in the plural, is
the phrase కోడి గుడ్డు), written apart or joined; and a grocery word joined to the noun of its form (garlic
"bulbs" వెల్లుల్లిపాయలు, ಬೆಳ್ಳುಳ್ಳಿಗಡ್ಡೆ) is that grocery word."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from vyaparai.nlu import lexicon
from vyaparai.nlu.endings import known_stem
from vyaparai.nlu.script import token_script
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import key, word_key

_SHORTEST_PART = 2  # letters (with their marks) on each side of the cut

# Nouns of the form a vegetable is sold in (bulb, clove, tuber, pod), singular and plural. Joined after a
# grocery word they name that grocery word ("garlic-bulbs" is garlic), as the English "garlic pods" does.
FORM_NOUNS = frozenset(unicodedata.normalize("NFC", w) for w in (
    "పాయ పాయలు రెబ్బ రెబ్బలు గడ్డ గడ్డలు "  # Telugu bulb, clove, tuber
    "ಗಡ್ಡೆ ಗಡ್ಡೆಗಳು ಎಸಳು ಎಸಳುಗಳು "  # Kannada tuber/bulb, clove
    "അല്ലി അല്ലികൾ "  # Malayalam clove
    "கட்டி "  # Tamil lump/bulb
    "कली कलियां कलियाँ गांठ पाकळ्या "  # Hindi/Marathi clove, bulb
    "কোয়া "  # Bengali clove
    "કળી કળીઓ "  # Gujarati clove
).split())


def read_compounds(tokens: list[Token]) -> None:
    """Give each joined phrase the phrase's key, so it is read as that product; and a phrase's last word said
    in another spelling of its own (a plural) the phrase's spelling, so the two are that phrase."""
    known = lexicon.load().concepts_of
    for t in tokens:
        if t.kind != "word" or t.flags or t.text.isascii() or t.key in known or len(t.text) < 5:
            continue
        phrase = _phrase_of(t.text, known)
        if phrase:
            t.key, t.respelled = phrase, True
    for head, tail in zip(tokens, tokens[1:]):
        if head.kind == tail.kind == "word" and head.key in known and _form_noun(tail.text):
            tail.flags = tail.flags | {"filler"}  # "ಬೆಳ್ಳುಳ್ಳಿ ಗಡ್ಡೆ": the garlic, its bulbs no other item
        elif (head.kind == tail.kind == "word" and not head.flags and not tail.text.isascii()
              and f"{head.key} {tail.key}" not in known):
            spelling = _phrase_spelling(head.key, tail.text, known)
            if spelling:
                tail.key, tail.respelled = spelling, True


def _phrase_of(text: str, known) -> str | None:
    cuts = _cuts(text)
    for cut in cuts:
        phrase = f"{key(text[:cut])} {key(text[cut:])}"
        if phrase in known:
            return phrase
    for cut in cuts:
        head, tail = key(text[:cut]), key(text[cut:])
        if _form_noun(text[cut:]) and head in known:
            return head
        spelling = _phrase_spelling(head, text[cut:], known)
        if spelling:
            return f"{head} {spelling}"
    return None


def _phrase_spelling(head: str, tail: str, known) -> str | None:
    """The lexicon's last word of a two-word phrase starting with `head` whose meaning the word `tail` (or
    the word under its plural or case ending) shares."""
    phrases = _two_word_phrases()
    tail_key = key(tail)
    if tail_key not in known and token_script(tail) not in (None, "Latn"):
        stem = known_stem(tail, token_script(tail), known.__contains__)
        tail_key = word_key(stem) if stem else tail_key
    for concept in known.get(tail_key, ()):
        spelling = phrases.get((head, concept))
        if spelling:
            return spelling
    return None


@lru_cache(maxsize=1)
def _two_word_phrases() -> dict[tuple[str, str], str]:
    """(first word, concept) -> last word, for each two-word phrase that names a kind of its last word's
    concept (కోడి గుడ్డు, hen's egg: an egg)."""
    known = lexicon.load().concepts_of
    out: dict[tuple[str, str], str] = {}
    for phrase, concepts in known.items():
        words = phrase.split()
        if len(words) != 2:
            continue
        for concept in known.get(words[1], set()) & concepts:
            out.setdefault((words[0], concept), words[1])
    return out


def _form_noun(text: str) -> bool:
    return unicodedata.normalize("NFC", text) in FORM_NOUNS


def _cuts(text: str) -> list[int]:
    """Places where a new letter begins: not before a vowel sign or other mark, not after a virama
    (that would split a conjunct)."""
    cuts = []
    for i in range(1, len(text)):
        if unicodedata.category(text[i]).startswith("M") or "VIRAMA" in unicodedata.name(text[i - 1], ""):
            continue
        if _letters(text[:i]) >= _SHORTEST_PART and _letters(text[i:]) >= _SHORTEST_PART:
            cuts.append(i)
    return cuts


def _letters(s: str) -> int:
    return sum(1 for c in s if not unicodedata.category(c).startswith("M"))
